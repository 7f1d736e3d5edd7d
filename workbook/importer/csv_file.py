"""Reading a CSV file as saved by Excel, LibreOffice or a text editor: any separator, any usual encoding."""

from __future__ import annotations

import csv
import io

from workbook.errors import Problem, WorkbookError
from workbook.i18n import Messages
from workbook.importer.columns import header_score
from workbook.importer.grid import Grid

msg = Messages(
    {
        "binary": (
            "dit is geen tekstbestand (CSV); sla de tabel op als CSV of als Excel-werkmap (.xlsx)",
            "this is not a text (CSV) file; save the table as CSV or as an Excel workbook (.xlsx)",
        ),
        "encoding": (
            "de tekens in dit bestand zijn niet te lezen; sla het op als 'CSV UTF-8'",
            "the characters in this file cannot be read; save it as 'CSV UTF-8'",
        ),
        "broken": (
            "het bestand is geen geldige CSV ({error}); controleer de aanhalingstekens",
            "the file is not valid CSV ({error}); check the quotation marks",
        ),
    }
)

SEPARATORS = (";", "\t", ",")  # in order of preference: Dutch Excel saves CSV with ";"


def decode(data: bytes, source: str) -> str:
    """The text of a CSV file: UTF-16 with BOM (Excel's 'Unicode text'), UTF-8 with or without BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise WorkbookError(Problem(file=source, message=msg("encoding"))) from None
    if b"\x00" in data:
        raise WorkbookError(Problem(file=source, message=msg("binary")))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorkbookError(Problem(file=source, message=msg("encoding")))


def read_csv(data: bytes, source: str) -> Grid:
    """The table in CSV `data`, split on whichever separator makes the header recognisable."""
    text = decode(data, source)
    grids = [_split(text, separator, source) for separator in SEPARATORS]
    return max(grids, key=lambda grid: header_score(grid.rows))  # max keeps the first on a tie


def _split(text: str, separator: str, source: str) -> Grid:
    grid = Grid(source)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    start = 1
    try:
        for cells in reader:
            grid.add(start, list(cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise WorkbookError(Problem(file=source, line=reader.line_num, message=msg("broken", error=error))) from None
    return grid
