"""Reading exported files back the way a test (or a curious user) would."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pypdf


def headings(path: Path, level: int) -> list[str]:
    """The text of every paragraph styled ``Heading <level>``."""
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == f"Heading {level}"]


def tables(path: Path) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(str(path)).tables]


def table_with_header(path: Path, header: list[str]) -> list[list[str]]:
    """The body rows of the first table whose header row is `header`."""
    for rows in tables(path):
        if rows[0] == header:
            return rows[1:]
    raise AssertionError(f"no table with header {header} in {path.name}")


def all_text(path: Path) -> str:
    """The paragraphs' and the tables' text, one block per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def table_starting_with(path: Path, first_header: str) -> list[list[str]]:
    """The body rows of the first table whose first column is headed `first_header`."""
    for rows in tables(path):
        if rows[0][0] == first_header:
            return rows[1:]
    raise AssertionError(f"no table starting with {first_header!r} in {path.name}")


def page_text(page: pypdf.PageObject) -> str:
    """The text of a PDF page with typographic ligatures ("ﬄ") spelled out, whatever font was used."""
    return unicodedata.normalize("NFKC", page.extract_text())
