"""The cells of one table read from a file, numbered the way its user sees them."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.errors import Problem


@dataclass
class Grid:
    """Rows of cells from a CSV file or an Excel sheet.

    `numbers[i]` is the line (CSV) or row (Excel) where `rows[i]` starts, so that a message can
    point at the place the user sees in their editor or spreadsheet.
    """

    source: str  # the file, and the sheet for Excel: "metingen.xlsx, blad 'Metingen'"
    rows: list[list[object]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    excel: bool = False

    def add(self, number: int, cells: list[object]) -> None:
        self.numbers.append(number)
        self.rows.append(cells)

    def problem(self, message: str, row: int | None = None, column: str | None = None) -> Problem:
        """A Problem in this table, at row index `row` (not its number) and column `column`."""
        return Problem(file=self.source, message=message, line=None if row is None else self.numbers[row], field=column)
