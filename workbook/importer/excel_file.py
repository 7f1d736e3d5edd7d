"""Reading the measurements sheet of an Excel workbook (.xlsx): real dates, numbers and percentages."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from workbook.errors import Problem, WorkbookError
from workbook.importer.columns import find_header, normalise, role_label
from workbook.importer.dutch_values import percent_points
from workbook.importer.grid import Grid
from workbook.language.i18n import Messages

msg = Messages(
    {
        "broken": (
            "het Excel-bestand is beschadigd of onvolledig; open het in Excel of LibreOffice en sla het opnieuw op",
            "the Excel file is damaged or incomplete; open it in Excel or LibreOffice and save it again",
        ),
        "sheet": ("{file}, blad '{sheet}'", "{file}, sheet '{sheet}'"),
        "no_such_sheet": (
            "er is geen blad '{sheet}'; bladen in dit bestand: {sheets}",
            "there is no sheet '{sheet}'; sheets in this file: {sheets}",
        ),
        "no_sheet_fits": (
            "geen blad heeft de kolommen {columns}; bladen in dit bestand: {sheets}. Kies een blad met --sheet",
            "no sheet has the columns {columns}; sheets in this file: {sheets}. Choose a sheet with --sheet",
        ),
        "several_fit": (
            "meerdere bladen hebben metingen: {sheets}; kies er één met --sheet",
            "several sheets hold measurements: {sheets}; choose one with --sheet",
        ),
    }
)

PREFERRED_SHEETS = ("metingen", "measurements")


def read_excel(data: bytes, file: str, sheet: str | None = None) -> Grid:
    """The measurements table of the workbook in `data`: the named sheet, else the one that holds it."""
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # a damaged zip or XML fails in many ways inside openpyxl; all mean the same here
        raise WorkbookError(Problem(file=file, message=msg("broken"))) from None
    chosen = _choose_sheet(book.worksheets, file, sheet)
    grid = Grid(msg("sheet", file=file, sheet=chosen.title), excel=True)
    for number, cells in enumerate(chosen.iter_rows(), start=1):  # iter_rows starts at row 1
        grid.add(number, [_value(cell) for cell in cells])
    return grid


def _choose_sheet(sheets: Sequence[Worksheet], file: str, wanted: str | None) -> Worksheet:
    names = ", ".join(f"'{s.title}'" for s in sheets)
    if wanted is not None:
        match = [s for s in sheets if normalise(s.title) == normalise(wanted)]
        if not match:
            raise WorkbookError(Problem(file=file, message=msg("no_such_sheet", sheet=wanted, sheets=names)))
        return match[0]
    preferred = [s for s in sheets if normalise(s.title) in PREFERRED_SHEETS]
    if preferred:
        return preferred[0]
    if len(sheets) == 1:
        return sheets[0]
    fitting = [s for s in sheets if find_header([[c.value for c in row] for row in s.iter_rows()])]
    if len(fitting) == 1:
        return fitting[0]
    if fitting:
        raise WorkbookError(
            Problem(file=file, message=msg("several_fit", sheets=", ".join(f"'{s.title}'" for s in fitting)))
        )
    columns = ", ".join(role_label(role) for role in ("date", "goal", "value"))
    raise WorkbookError(Problem(file=file, message=msg("no_sheet_fits", columns=columns, sheets=names)))


def _value(cell: Cell | MergedCell) -> object:
    """A cell's value; a number Excel shows as a percentage (0.45 as 45%) in percent points (45)."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return percent_points(value)
    return value
