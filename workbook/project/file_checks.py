"""The project's files checked as a whole, with the line of every problem: the plan's required
values and unique numbers (the rules of ``workbook.project.integrity``), distinct location names, and file
names the workbook actually reads. ``workbook check`` reports these as errors; ``build`` names
the files it does not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from workbook.errors import Problem
from workbook.files.slugs import is_slug, slugify
from workbook.files.validation import field_path
from workbook.files.yamlio import line_of, parse
from workbook.language.i18n import Messages, language
from workbook.model import Location, Plan
from workbook.project.integrity import integrity_problems
from workbook.project.store import LOCATIONS_DIR, MEASUREMENTS_DIR, PLAN_FILE, Project

msg = Messages(
    {
        "also_on": ("{message} (ook op regel {other})", "{message} (also on line {other})"),
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


def plan_problems(plan: Plan, text: str, file: str = PLAN_FILE) -> list[Problem]:
    """Empty required values and repeated numbers in the plan (`text`: werkboek.yaml, for lines)."""
    node = _node(text)
    data = plan.model_dump(mode="json")
    problems = []
    for section in Plan.model_fields:
        for path, message in integrity_problems(Plan, section, data.get(section), language()):
            loc = (section, *path)
            other = _first_with_same_number(data, loc)
            if other is not None:
                message = msg("also_on", message=message, other=line_of(node, other))
            problems.append(Problem(file=file, message=message, line=line_of(node, loc), field=field_path(loc)))
    return problems


def _first_with_same_number(data: dict, loc: tuple) -> tuple | None:
    """For a repeated number at `loc` (…, index, "id"), the path of the item that has it first."""
    if len(loc) < 3 or not isinstance(loc[-2], int):
        return None
    items = data
    for part in loc[:-2]:
        items = items[part]
    number = str(items[loc[-2]].get(loc[-1]) or "").strip().upper()
    for index, item in enumerate(items[: loc[-2]]):
        if str(item.get(loc[-1]) or "").strip().upper() == number:
            return (*loc[:-2], index, loc[-1])
    return None


def location_problems(project: Project, locations: Iterable[Location]) -> list[Problem]:
    """Locations without a name, and locations whose name another location already has."""
    problems = []
    seen: dict[str, str] = {}
    for location in locations:
        path = project.location_path(location.slug)
        file = project.relative(path)
        node = _node(_read(path))
        found = integrity_problems(Location, "name", location.name, language())
        problems += [Problem(file=file, message=m, line=line_of(node, ("name",)), field="name") for _, m in found]
        key = name_key(location.name)
        if key and key in seen:
            message = msg("duplicate_name", name=location.name, code=seen[key])
            problems.append(Problem(file=file, message=message, line=line_of(node, ("name",)), field="name"))
        elif key:
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
