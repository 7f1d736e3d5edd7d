"""Turning the rows under the header into measurements, with one problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from openpyxl.utils import get_column_letter

from workbook.errors import Problem
from workbook.importer.columns import Header, filled, normalise, role_label
from workbook.importer.dutch_values import ValueProblem, column_convention, parse_date, parse_number
from workbook.importer.grid import Grid
from workbook.language.i18n import Messages
from workbook.language.locale import LocaleProblem, shown
from workbook.model import Location, Measurement

T = TypeVar("T")

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
    return _RowReader(grid, header, goal_ids, location, skip_other_locations).read()


class _RowReader:
    """Reads the rows one by one, collecting every problem instead of stopping at the first."""

    def __init__(self, grid: Grid, header: Header, goal_ids: list[str], location: Location, skip_other_locations: bool):
        self.grid, self.header, self.location = grid, header, location
        self.goal_ids = goal_ids
        self.goals = {normalise(goal_id): goal_id for goal_id in goal_ids}
        self.skip_other_locations = skip_other_locations
        self.result = Rows()
        self.first_line_of: dict[tuple, int] = {}  # (date, goal) -> the line where it was first seen
        values = [self._cell(cells, "value") for cells in grid.rows[header.position + 1 :]]
        self.convention = column_convention(values)  # 2.6 or 2,6 in this file: settles "2.375"

    def read(self) -> Rows:
        for index in range(self.header.position + 1, len(self.grid.rows)):
            if any(filled(cell) for cell in self.grid.rows[index]):
                self._row(index)
        return self.result

    def _row(self, index: int) -> None:
        cells = self.grid.rows[index]
        problems_before = len(self.result.problems)
        width = len(self.header.cells)
        if len(cells) > width and any(filled(cell) for cell in cells[width:]):
            self._problem(index, msg("extra_cells"))
        named = self._cell(cells, "location")
        if filled(named) and normalise(named) not in {normalise(self.location.slug), normalise(self.location.name)}:
            if self.skip_other_locations:
                self.result.other_locations += 1
                return
            self._problem(index, msg("other_location", got=shown(named), slug=self.location.slug), "location")
        date = self._parse(index, "date", parse_date, msg("what_date"))
        goal_id = self._parse(index, "goal", self._goal, msg("what_goal", example=(self.goal_ids or ["D1"])[0]))
        value = self._parse(index, "value", self._number, msg("what_value"))
        if len(self.result.problems) > problems_before or date is None or goal_id is None or value is None:
            return  # (each None came with a problem)
        line = self.grid.numbers[index]
        first = self.first_line_of.setdefault((date, goal_id), line)
        if first != line:
            self._problem(index, msg("twice", first=first))
            return
        note = self._cell(cells, "note")
        text = "" if note is None else str(note).strip()
        self.result.measurements.append(Measurement(date=date, goal_id=goal_id, value=value, note=text))

    def _cell(self, cells: list[object], role: str) -> object:
        column = self.header.columns.get(role)
        return cells[column] if column is not None and column < len(cells) else None

    def _parse(self, index: int, role: str, parse: Callable[[object], T], what: str) -> T | None:
        """The cell of `role` in row `index` read by `parse`, or None after reporting why not."""
        value = self._cell(self.grid.rows[index], role)
        if not filled(value):
            self._problem(index, msg("empty_cell", what=what), role)
            return None
        try:
            return parse(value.strip() if isinstance(value, str) else value)
        except (ValueProblem, LocaleProblem) as error:
            self._problem(index, str(error), role)
            return None

    def _number(self, value: object) -> float:
        return parse_number(value, self.convention)

    def _goal(self, value: object) -> str:
        """The plan's own spelling of the goal ("d 1" -> "D1"); a number cell 1.0 counts as "1"."""
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        found = self.goals.get(normalise(text))
        if found is not None:
            return found
        if not self.goals:
            raise ValueProblem(msg("no_goals", got=shown(text)))
        raise ValueProblem(msg("unknown_goal", got=shown(text), known=", ".join(self.goal_ids)))

    def _problem(self, index: int, message: str, role: str | None = None) -> None:
        self.result.problems.append(self.grid.problem(message, index, self._column_name(role, index)))

    def _column_name(self, role: str | None, index: int) -> str | None:
        """The column as its user knows it: its header, with the cell (C5) in a spreadsheet."""
        if role is None:
            return None
        column = self.header.columns[role]
        name = self.header.cells[column] or role_label(role)
        return f"{name} ({get_column_letter(column + 1)}{self.grid.numbers[index]})" if self.grid.excel else name
