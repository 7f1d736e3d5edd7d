"""What a project needs beyond each file's own schema: values it cannot do without, numbers that
must be unique, location names that are distinct, and file names the workbook actually reads.

Each check returns Problems (errors, not advice) naming the file, the line and the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from workbook.errors import Problem
from workbook.fields import field_label
from workbook.i18n import Messages, language
from workbook.model import ContextFactor, Goal, Location, Plan, Stakeholder
from workbook.slugs import is_slug, slugify
from workbook.store import LOCATIONS_DIR, MEASUREMENTS_DIR, PLAN_FILE, Project
from workbook.validation import field_path
from workbook.yamlio import line_of, parse

msg = Messages(
    {
        "empty": (
            "'{label}' is leeg; het plan kan niet zonder, vul het in",
            "'{label}' is empty; the plan cannot do without it, fill it in",
        ),
        "duplicate": (
            "het nummer '{value}' staat ook op regel {other}; geef elk {what} een eigen nummer",
            "the number '{value}' is also on line {other}; give every {what} its own number",
        ),
        "goal": ("doel", "goal"),
        "factor": ("factor", "factor"),
        "duplicate_name": (
            "de locatie '{name}' bestaat al als {code}; geef elke locatie een eigen naam",
            "the location '{name}' already exists as {code}; give every location its own name",
        ),
        "bad_name": (
            "deze bestandsnaam wordt niet gelezen; verwacht een locatiecode met .yaml, bijvoorbeeld {suggestion}",
            "this file name is not read; expected a location code with .yaml, for example {suggestion}",
        ),
        "orphan_csv": (
            "deze metingen horen bij geen locatie; verwacht {expected} (of hernoem het bestand naar een bestaande code)",
            "these measurements belong to no location; expected {expected} (or rename the file to an existing code)",
        ),
    }
)

# (list in the plan, its record type, the field that must be filled in)
REQUIRED = (
    (("goals",), Goal, "id"),
    (("goals",), Goal, "text"),
    (("context", "factors"), ContextFactor, "id"),
    (("context", "factors"), ContextFactor, "description"),
    (("stakeholders",), Stakeholder, "name"),
)
# (list in the plan, the word for one item) whose `id` must be unique
UNIQUE = ((("goals",), "goal"), (("context", "factors"), "factor"))


def plan_problems(plan: Plan, text: str, file: str = PLAN_FILE) -> list[Problem]:
    """Empty required values and repeated numbers in the plan (`text`: werkboek.yaml, for lines)."""
    node = _node(text)
    problems = []
    for path, record, name in REQUIRED:
        label = field_label(record, name, language())
        for i, item in enumerate(_items(plan, path)):
            if not str(getattr(item, name)).strip():
                where = (*path, i, name)
                problems.append(_problem(file, node, where, msg("empty", label=label)))
    for path, what in UNIQUE:
        first: dict[str, int] = {}
        for i, item in enumerate(_items(plan, path)):
            number = item.id.strip().upper()
            if not number:
                continue
            if number in first:
                other = line_of(node, (*path, first[number], "id"))
                text_ = msg("duplicate", value=item.id, other=other, what=msg(what))
                problems.append(_problem(file, node, (*path, i, "id"), text_))
            else:
                first[number] = i
    return problems


def location_problems(project: Project, locations: Iterable[Location]) -> list[Problem]:
    """Locations without a name, and locations whose name another location already has."""
    problems = []
    seen: dict[str, str] = {}
    label = field_label(Location, "name", language())
    for location in locations:
        path = project.location_path(location.slug)
        file = project.relative(path)
        node = _node(_read(path))
        key = name_key(location.name)
        if not key:
            problems.append(_problem(file, node, ("name",), msg("empty", label=label)))
        elif key in seen:
            message = msg("duplicate_name", name=location.name, code=seen[key])
            problems.append(_problem(file, node, ("name",), message))
        else:
            seen[key] = location.slug
    return problems


def name_key(name: str) -> str:
    """What makes two location names the same: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()


def ignored_files(project: Project) -> list[Problem]:
    """Files in locaties/ and metingen/ that the workbook would silently skip."""
    problems = []
    slugs = set(project.location_slugs())
    folder = project.root / LOCATIONS_DIR
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.is_dir() or (path.suffix == ".yaml" and is_slug(path.stem)):
            continue
        suggestion = f"{LOCATIONS_DIR}/{slugify(path.stem, slugs)}.yaml"
        problems.append(Problem(file=project.relative(path), message=msg("bad_name", suggestion=suggestion)))
    folder = project.root / MEASUREMENTS_DIR
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.is_dir() or (path.suffix == ".csv" and path.stem in slugs):
            continue
        expected = f"{LOCATIONS_DIR}/{path.stem}.yaml"
        problems.append(Problem(file=project.relative(path), message=msg("orphan_csv", expected=expected)))
    return problems


def _items(plan: Plan, path: tuple[str, ...]) -> list:
    value = plan
    for name in path:
        value = getattr(value, name)
    return value


def _problem(file: str, node: yaml.Node | None, loc: tuple, message: str) -> Problem:
    return Problem(file=file, message=message, line=line_of(node, loc), field=field_path(loc))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _node(text: str) -> yaml.Node | None:
    """The node tree of a file that already loaded (for line numbers); None if it cannot be parsed."""
    try:
        return parse(text)[1]
    except yaml.YAMLError:
        return None
