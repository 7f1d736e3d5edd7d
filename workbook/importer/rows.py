"""Turning the rows under the header into measurements, with one problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from workbook.errors import Problem
from workbook.i18n import Messages
from workbook.importer.columns import Header, filled, normalise, role_label
from workbook.importer.dutch_values import ValueProblem, parse_date, parse_number, shown
from workbook.importer.grid import Grid
from workbook.model import Location, Measurement

msg = Messages(
    {
        "empty_cell": ("dit vak is leeg; hier hoort {what}", "this cell is empty; it should hold {what}"),
        "what_date": ("de datum van de meting (dd-mm-jjjj)", "the date of the measurement (dd-mm-yyyy)"),
        "what_goal": ("het nummer van het doel, bijvoorbeeld {example}", "the goal's number, for example {example}"),
        "what_value": ("de gemeten waarde", "the measured value"),
        "unknown_goal": (
            "onbekend doel {got}; doelen in het plan: {known}",
            "unknown goal {got}; goals in the plan: {known}",
        ),
        "no_goals": (
            "onbekend doel {got}; het plan heeft nog geen doelen (vul eerst de SMART-doelen in)",
            "unknown goal {got}; the plan has no goals yet (fill in the SMART goals first)",
        ),
        "other_location": (
            "deze regel hoort bij locatie {got}, niet bij '{slug}'; haal de regel weg, of sla de regels van "
            "andere locaties over met --skip-other-locations",
            "this row belongs to location {got}, not to '{slug}'; remove the row, or skip the rows of other "
            "locations with --skip-other-locations",
        ),
        "extra_cells": (
            "deze regel heeft meer vakken dan er kolomkoppen zijn; staat er een komma in een getal? "
            "Zet het getal tussen aanhalingstekens of gebruik ; als scheidingsteken",
            "this row has more cells than there are column headers; is there a comma in a number? "
            "Put the number in quotation marks or use ; as the separator",
        ),
        "twice": (
            "dezelfde datum en hetzelfde doel staan ook op regel {first}; houd één meting over",
            "the same date and goal are also on line {first}; keep one measurement",
        ),
    }
)


@dataclass
class Rows:
    """What the rows held: the measurements, or the problems that stop the import."""

    measurements: list[Measurement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    other_locations: int = 0  # rows of other locations that were skipped


def read_rows(
    grid: Grid, header: Header, goal_ids: list[str], location: Location, skip_other_locations: bool = False
) -> Rows:
    """Every row below `header` as a Measurement; empty rows are skipped.

    A Locatie column may name the location being imported (by code or name) or be empty. A row
    naming another location is a problem, or with `skip_other_locations` is left out.
    """
    result = Rows()
    goals = {normalise(goal_id): goal_id for goal_id in goal_ids}
    first_row_of: dict[tuple, int] = {}
    for index in range(header.position + 1, len(grid.rows)):
        cells = grid.rows[index]
        if not any(filled(cell) for cell in cells):
            continue
        problems_before = len(result.problems)

        def problem(message: str, role: str | None = None, index: int = index) -> None:
            result.problems.append(grid.problem(message, index, _column_name(grid, header, role, index)))

        if len(cells) > len(header.cells) and any(filled(c) for c in cells[len(header.cells) :]):
            problem(msg("extra_cells"))
        if not _is_this_location(_cell(cells, header, "location"), location):
            if skip_other_locations:
                result.other_locations += 1
                continue
            named = _cell(cells, header, "location")
            problem(msg("other_location", got=shown(named), slug=location.slug), "location")
        date = _read(cells, header, "date", parse_date, msg("what_date"), problem)
        goal_id = _read(cells, header, "goal", lambda v: _goal(v, goals), _what_goal(goal_ids), problem)
        value = _read(cells, header, "value", parse_number, msg("what_value"), problem)
        note = _cell(cells, header, "note")
        if len(result.problems) > problems_before:
            continue
        key = (date, goal_id)
        if key in first_row_of:
            problem(msg("twice", first=first_row_of[key]))
            continue
        first_row_of[key] = grid.numbers[index]
        text = "" if note is None else str(note).strip()
        result.measurements.append(Measurement(date=date, goal_id=goal_id, value=value, note=text))
    return result


Report = Callable[..., None]


def _cell(cells: list[object], header: Header, role: str) -> object:
    column = header.columns.get(role)
    return cells[column] if column is not None and column < len(cells) else None


def _read(cells: list[object], header: Header, role: str, parse: Callable, what: str, problem: Report) -> object:
    value = _cell(cells, header, role)
    if not filled(value):
        problem(msg("empty_cell", what=what), role)
        return None
    try:
        return parse(value.strip() if isinstance(value, str) else value)
    except ValueProblem as error:
        problem(str(error), role)
        return None


def _goal(value: object, goals: dict[str, str]) -> str:
    """The plan's own spelling of the goal in `value` ("d 1" -> "D1"); a number cell 1.0 counts as "1"."""
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    found = goals.get(normalise(text))
    if found is None:
        known = ", ".join(goals.values())
        raise ValueProblem(
            msg("unknown_goal", got=shown(text), known=known) if goals else msg("no_goals", got=shown(text))
        )
    return found


def _what_goal(goal_ids: list[str]) -> str:
    return msg("what_goal", example=goal_ids[0] if goal_ids else "D1")


def _is_this_location(value: object, location: Location) -> bool:
    return not filled(value) or normalise(value) in {normalise(location.slug), normalise(location.name)}


def _column_name(grid: Grid, header: Header, role: str | None, index: int) -> str | None:
    """The column as its user knows it: its header, with the cell (C5) in a spreadsheet."""
    if role is None:
        return None
    column = header.columns[role]
    name = header.cells[column] or role_label(role)
    return f"{name} ({get_column_letter(column + 1)}{grid.numbers[index]})" if grid.excel else name
