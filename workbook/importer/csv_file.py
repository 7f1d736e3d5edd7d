"""Reading a CSV file as saved by Excel, LibreOffice or a text editor: any separator, any usual encoding
(see ``workbook.importer.encoding``)."""

from __future__ import annotations

import csv
import io

from workbook.errors import Problem, WorkbookError
from workbook.importer.columns import header_score
from workbook.importer.encoding import decode
from workbook.importer.grid import Grid
from workbook.language.i18n import Messages

msg = Messages(
    {
        "broken": (
            "het bestand is geen geldige CSV ({error}); controleer de aanhalingstekens",
            "the file is not valid CSV ({error}); check the quotation marks",
        ),
    }
)

SEPARATORS = (";", "\t", ",")  # in order of preference: Dutch Excel saves CSV with ";"


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
