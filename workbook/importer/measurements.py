"""Importing a file of measurements into one location: all rows or none, saved through the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbook.errors import Problem, WorkbookError
from workbook.importer.columns import OPTIONAL, REQUIRED, Header, filled, find_header, role_label
from workbook.importer.grid import Grid
from workbook.importer.merge import merge
from workbook.importer.rows import read_rows
from workbook.importer.source import read_table
from workbook.language.i18n import Messages
from workbook.model import Location
from workbook.project.store import Project

msg = Messages(
    {
        "unknown_location": (
            "onbekende locatie '{wanted}'; bekende locaties: {known}",
            "unknown location '{wanted}'; known locations: {known}",
        ),
        "no_locations": (
            "onbekende locatie '{wanted}'; dit werkboek heeft nog geen locaties (voeg er een toe met "
            "'workbook location add')",
            "unknown location '{wanted}'; this workbook has no locations yet (add one with 'workbook location add')",
        ),
        "no_header": (
            "geen kolomkoppen {required} gevonden (ook {optional} mogen); eerste regel: {found}",
            "no column headers {required} found ({optional} are allowed too); first line: {found}",
        ),
        "duplicate_column": (
            "de kolommen {columns} betekenen allebei '{role}'; laat er één over",
            "the columns {columns} both mean '{role}'; keep one",
        ),
        "no_rows": (
            "er staan geen metingen onder de kolomkoppen",
            "there are no measurements under the column headers",
        ),
        "more_problems": ("en nog {count} andere problemen", "and {count} more problems"),
        "summary": (
            "Metingen uit {file} voor locatie {name} ({slug}): {count} gelezen, {added} toegevoegd, "
            "{replaced} vervangen, {unchanged} ongewijzigd.",
            "Measurements from {file} for location {name} ({slug}): {count} read, {added} added, "
            "{replaced} replaced, {unchanged} unchanged.",
        ),
        "checked": (
            "Alleen gecontroleerd: er is niets opgeslagen.",
            "Only checked: nothing was saved.",
        ),
        "saved": (
            "Opgeslagen in {path}; de vorige versie blijft bewaard (zie 'workbook history').",
            "Saved in {path}; the previous version is kept (see 'workbook history').",
        ),
        "skipped": (
            "Regels van andere locaties overgeslagen: {count}.",
            "Rows of other locations skipped: {count}.",
        ),
        "nothing_new": (
            "Er is niets veranderd: deze metingen stonden er al.",
            "Nothing changed: these measurements were already there.",
        ),
        "ignored": ("Niet gebruikte kolommen: {columns}.", "Columns not used: {columns}."),
    }
)

MAX_PROBLEMS = 50  # a report longer than this is read by nobody; the first ones show the pattern


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, when only checking, would do)."""

    file: str
    location: Location
    read: int
    added: int
    replaced: int
    unchanged: int
    saved: bool
    saved_to: str  # the measurements file, relative to the project folder
    other_locations: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A few sentences for the user, in their language."""
        lines = [
            msg(
                "summary",
                count=self.read,
                file=self.file,
                name=self.location.name,
                slug=self.location.slug,
                added=self.added,
                replaced=self.replaced,
                unchanged=self.unchanged,
            )
        ]
        if self.other_locations:
            lines.append(msg("skipped", count=self.other_locations))
        if self.ignored_columns:
            lines.append(msg("ignored", columns=", ".join(self.ignored_columns)))
        if not self.saved:
            lines.append(msg("checked"))
        elif self.added or self.replaced:
            lines.append(msg("saved", path=self.saved_to))
        else:
            lines.append(msg("nothing_new"))
        return "\n".join(lines)


def find_location(project: Project, wanted: str) -> Location:
    """The location with code `wanted` (or, failing that, with exactly that name).

    Another location's file being broken does not stand in the way.
    """
    slugs = project.location_slugs()
    if wanted in slugs:
        return project.load_location(wanted)
    names = {slug: _name_of(project, slug) for slug in slugs}
    by_name = [slug for slug, name in names.items() if name.strip().casefold() == wanted.strip().casefold()]
    if len(by_name) == 1:
        return project.load_location(by_name[0])
    if not slugs:
        raise WorkbookError(msg("no_locations", wanted=wanted))
    known = ", ".join(f"{slug} ({name})" for slug, name in names.items())
    raise WorkbookError(msg("unknown_location", wanted=wanted, known=known))


def _name_of(project: Project, slug: str) -> str:
    try:
        return project.load_location(slug).name
    except WorkbookError:
        return slug


def import_measurements(
    project: Project,
    file: str | Path,
    location: str,
    sheet: str | None = None,
    save: bool = True,
    skip_other_locations: bool = False,
) -> ImportResult:
    """Read `file` and merge its measurements into `location`; with `save=False` only check.

    Any bad row stops the import before anything is written; the error lists every problem found.
    Rows whose Locatie column names another location are an error, unless `skip_other_locations`.
    """
    target = find_location(project, location)
    goal_ids = [goal.id for goal in project.load_plan().goals]
    grid = read_table(Path(file), sheet)
    header = _header(grid)
    rows = read_rows(grid, header, goal_ids, target, skip_other_locations)
    if rows.problems:
        raise WorkbookError(_capped(rows.problems, grid))
    if not rows.measurements and not rows.other_locations:
        raise WorkbookError(grid.problem(msg("no_rows"), header.position))
    if save:
        with project.locked():  # merge into what is on disk now, not what was read above
            target = project.load_location(target.slug)
            merged = merge(target.measurements, rows.measurements)
            target.measurements = merged.measurements
            project.save_location(target)
    else:
        merged = merge(target.measurements, rows.measurements)
    return ImportResult(
        file=Path(file).name,
        location=target,
        read=len(rows.measurements),
        added=merged.added,
        replaced=merged.replaced,
        unchanged=merged.unchanged,
        saved=save,
        saved_to=project.relative(project.measurements_path(target.slug)),
        other_locations=rows.other_locations,
        ignored_columns=header.ignored,
    )


def _header(grid: Grid) -> Header:
    header = find_header(grid.rows)
    if header is None:
        first = next((cells for cells in grid.rows if any(filled(c) for c in cells)), [])
        found = ", ".join(f"'{str(c).strip()}'" for c in first if filled(c)) or "-"
        required = ", ".join(role_label(role) for role in REQUIRED)
        optional = ", ".join(role_label(role) for role in OPTIONAL)
        raise WorkbookError(grid.problem(msg("no_header", required=required, optional=optional, found=found)))
    problems = [
        grid.problem(
            msg("duplicate_column", columns=", ".join(f"'{header.cells[i]}'" for i in columns), role=role_label(role)),
            header.position,
        )
        for role, columns in header.duplicates.items()
    ]
    if problems:
        raise WorkbookError(problems)
    return header


def _capped(problems: list[Problem], grid: Grid) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = grid.problem(msg("more_problems", count=len(problems) - MAX_PROBLEMS))
    return [*problems[:MAX_PROBLEMS], rest]
