"""Opening the file to import: telling CSV from Excel by its content, refusing what neither is."""

from __future__ import annotations

from pathlib import Path

from workbook.errors import Problem, WorkbookError
from workbook.importer.csv_file import read_csv
from workbook.importer.excel_file import read_excel
from workbook.importer.grid import Grid
from workbook.language.i18n import Messages

msg = Messages(
    {
        "missing": ("het bestand bestaat niet", "the file does not exist"),
        "unreadable": ("kan het bestand niet lezen: {error}", "cannot read the file: {error}"),
        "empty": ("het bestand is leeg", "the file is empty"),
        "old_excel": (
            "dit is een oud Excel-bestand (.xls) of een beveiligde werkmap; sla het op als Excel-werkmap (.xlsx) "
            "zonder wachtwoord, of als CSV",
            "this is an old Excel file (.xls) or a protected workbook; save it as an Excel workbook (.xlsx) "
            "without a password, or as CSV",
        ),
        "ods": (
            "dit is een LibreOffice-rekenblad (.ods); sla het op als Excel-werkmap (.xlsx) of als CSV",
            "this is a LibreOffice spreadsheet (.ods); save it as an Excel workbook (.xlsx) or as CSV",
        ),
        "not_excel": (
            "de naam eindigt op {suffix}, maar dit is geen Excel-werkmap; sla het opnieuw op als .xlsx",
            "the name ends in {suffix}, but this is not an Excel workbook; save it again as .xlsx",
        ),
        "sheet_for_csv": (
            "--sheet geldt alleen voor Excel-bestanden; een CSV-bestand heeft één tabel",
            "--sheet only applies to Excel files; a CSV file holds one table",
        ),
    }
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx files protected with a password
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def read_table(path: Path, sheet: str | None = None) -> Grid:
    """The table of cells in `path`, a CSV file or an Excel workbook, whatever its name says."""
    file = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(Problem(file=str(path), message=msg("missing"))) from None
    except OSError as error:
        raise WorkbookError(Problem(file=str(path), message=msg("unreadable", error=error.strerror))) from None
    if not data.strip():
        raise WorkbookError(Problem(file=file, message=msg("empty")))
    if data.startswith(OLE_MAGIC):
        raise WorkbookError(Problem(file=file, message=msg("old_excel")))
    if data.startswith(ZIP_MAGIC):
        if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
            raise WorkbookError(Problem(file=file, message=msg("ods")))
        return read_excel(data, file, sheet)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        raise WorkbookError(Problem(file=file, message=msg("not_excel", suffix=path.suffix)))
    if sheet is not None:
        raise WorkbookError(Problem(file=file, message=msg("sheet_for_csv")))
    return read_csv(data, file)
