"""One Excel sheet as a proper table: bold frozen header, filters, real dates and amounts, fitting widths."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.cell import Cell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from workbook.analysis.small_cells import Count, Shown
from workbook.exchange.values import clean, show
from workbook.language.locale import format_money, has_cents
from workbook.report import formats
from workbook.report.tables import ShownColumn, ShownTable

DATE_FORMAT = "dd-mm-yyyy"
MONEY_FORMAT = '"€" #,##0.00'
WHOLE_MONEY_FORMAT = '"€" #,##0'
"""Amounts by the one money rule (``locale.format_money``): whole euros when no amount of the sheet has
cents, else two decimals for all of them."""
NUMBER_FORMAT = "General"
SCORE_FORMAT = "0.0"
MIN_WIDTH, MAX_WIDTH, LONG_WIDTH = 8, 50, 60
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SHEET_TITLE = 31
"""Excel holds at most this many characters of a sheet's name."""


@dataclass(frozen=True)
class Column:
    """A column: its header and the kind of value it holds (text, long, date, number, score or money)."""

    header: str
    kind: str = "text"


def add_sheet(book: Workbook, title: str, columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> Worksheet:
    """A sheet holding `rows` under a bold header row that stays in view and carries filters."""
    sheet = book.create_sheet(title[:SHEET_TITLE])
    sheet.append([clean(column.header) for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    money = [i for i, column in enumerate(columns) if column.kind == "money"]
    cents = has_cents(float(value) for row in rows for i in money if isinstance(value := row[i], int | float))
    for values in rows:
        sheet.append([_value(value) for value in values])
        for cell, column in zip(sheet[sheet.max_row], columns, strict=True):
            _format(cell, column.kind, cents)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 2)}"
    _fit_widths(sheet, columns, rows)
    return sheet


KINDS = {"long": "long", "date": "date", "money": "money", "number": "number", "count": "number"}
"""A declared column's kind (``report.tables``) as the kind of an Excel column."""


def add_declared_sheet(book: Workbook, title: str, shown: ShownTable) -> Worksheet:
    """A declared table (``report.tables``) as a sheet, as the audience may see it: dates, numbers
    and amounts as themselves, a protected client count as its number only when it is shown exactly."""
    columns = [Column(column.header, KINDS.get(column.kind, "text")) for column in shown.columns]
    rows = [[cell_value(column, value) for column, value in zip(shown.columns, row, strict=True)] for row in shown.rows]
    return add_sheet(book, title, columns, rows)


def cell_value(column: ShownColumn, value: object) -> object:
    """A value of a declared column for a cell: its declared words, a protected count ("minder dan 5"),
    or the value itself (text, a date, a number)."""
    words = column.words(value)
    if words is not None:
        return words
    if isinstance(value, Count):
        return value.exact if value.shown == Shown.exact else formats.protected(value, column.lang)
    if value is None or isinstance(value, (int, float, str, dt.date)) and not isinstance(value, bool):
        return value
    return show(value, column.lang)


def append_row(sheet: Worksheet, values: Sequence[object]) -> None:
    """Append `values` as one row of plain cells; text that starts with "=" stays text."""
    sheet.append([_value(value) for value in values])
    if not values:
        return  # an empty row has no cells: the last row with cells is another one (a total's formulas)
    for cell in sheet[sheet.max_row]:
        _keep_text(cell)


def add_total_row(
    sheet: Worksheet, label: str, columns: Sequence[int], data_rows: int, number_format: str = MONEY_FORMAT
) -> int:
    """A bold total row under the table, outside the filter, for the 1-based `columns`; returns its row.

    The totals are SUBTOTAL formulas, so they follow the filter: filter on one location and the
    row shows that location's total.
    """
    row = data_rows + 3
    sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
    for column in columns:
        shown = sheet.cell(row=2, column=column).number_format if data_rows else number_format
        letter = get_column_letter(column)
        cell = sheet.cell(row=row, column=column, value=f"=SUBTOTAL(109,{letter}2:{letter}{data_rows + 1})")
        cell.font = Font(bold=True)
        money = (MONEY_FORMAT, WHOLE_MONEY_FORMAT)  # a money total takes its column's form, with or without cents
        cell.number_format = shown if number_format in money and shown in money else number_format
    return row


def _value(value: object) -> object:
    """Text cleaned of what Excel cannot store; dates as real dates; everything else as is."""
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return value


def _keep_text(cell: Cell | MergedCell) -> None:
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"  # text that starts with "=" stays text, never becomes a formula


def _format(cell: Cell, kind: str, cents: bool = True) -> None:
    _keep_text(cell)
    if kind == "date":
        cell.number_format = DATE_FORMAT
    elif kind == "money":
        cell.number_format = MONEY_FORMAT if cents else WHOLE_MONEY_FORMAT
    elif kind == "score":
        cell.number_format = SCORE_FORMAT
    cell.alignment = Alignment(vertical="top", wrap_text=kind == "long")


def _fit_widths(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> None:
    """Each column as wide as its longest value (dates 12), long texts a fixed width and wrapped."""
    for number, column in enumerate(columns, start=1):
        if column.kind == "long":
            width = LONG_WIDTH
        else:
            lengths = [len(column.header)] + [_shown_length(row[number - 1], column.kind) for row in rows]
            width = min(max(MIN_WIDTH, max(lengths) + 2), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(number)].width = width


def _shown_length(value: object, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date":
        return 10
    if kind == "money":
        return len(format_money(value, cents=True)) if isinstance(value, int | float) else len(str(value))
    if kind == "score":
        return 4
    return max((len(line) for line in str(value).splitlines()), default=0)
