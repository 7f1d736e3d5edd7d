"""Finding the header row and recognising the measurement columns, whatever their case, accents or spaces."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.language.i18n import Messages
from workbook.model import Measurement
from workbook.model.fields import field_label

msg = Messages(
    {
        "location": ("Locatie", "Location"),
        "date": ("Datum", "Date"),
        "goal": ("Doel", "Goal"),
        "value": ("Waarde", "Value"),
        "note": ("Toelichting", "Notes"),
    }
)

REQUIRED = ("date", "goal", "value")
OPTIONAL = ("note", "location")
HEADER_SEARCH_ROWS = 10  # a title or an empty row above the header is fine

_FIELD_OF_ROLE = {"date": "date", "goal": "goal_id", "value": "value", "note": "note"}
_SYNONYMS = {
    "location": ["locatie", "location", "locatiecode", "locationcode"],
    "date": ["datum", "meetmoment", "meetdatum", "peildatum", "date"],
    "goal": ["doel", "doelnummer", "doelnr", "doelcode", "doelid", "goal", "goalid", "goalnumber"],
    "value": ["waarde", "meetwaarde", "resultaat", "uitkomst", "value"],
    "note": ["toelichting", "opmerking", "opmerkingen", "notitie", "notities", "note", "notes", "comment"],
}


def normalise(header: object) -> str:
    """A header reduced to lower-case letters and digits: ' Doel (nr.) ' -> 'doelnr', 'Cliënt' -> 'client'."""
    text = unicodedata.normalize("NFKD", str(header or "")).casefold()
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)))


def _names_by_role() -> dict[str, set[str]]:
    """Every accepted header per role: the synonyms plus the model's own labels in both languages."""
    names = {role: set(words) for role, words in _SYNONYMS.items()}
    for role, name in _FIELD_OF_ROLE.items():
        names[role] |= {normalise(field_label(Measurement, name, lang)) for lang in ("nl", "en")}
    return names


ROLE_OF_NAME = {name: role for role, names in _names_by_role().items() for name in names}


def role_label(role: str) -> str:
    """The column header we ask for, in the user's language."""
    return msg(role)


@dataclass(frozen=True)
class Header:
    """The header row: where it is, what it says, and which column holds which role."""

    position: int  # index in the sheet's rows
    cells: list[str]
    columns: dict[str, int]  # role -> column index
    duplicates: dict[str, list[int]]  # role -> every column claiming it, when more than one

    @property
    def complete(self) -> bool:
        return all(role in self.columns for role in REQUIRED)

    @property
    def ignored(self) -> list[str]:
        """Headers of columns the import does not use."""
        used = set(self.columns.values())
        return [text for i, text in enumerate(self.cells) if text and i not in used]


def read_header(position: int, cells: Sequence[object]) -> Header:
    """`cells` read as a header row."""
    texts = ["" if cell is None else str(cell).strip() for cell in cells]
    claims: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        role = ROLE_OF_NAME.get(normalise(text))
        if role:
            claims.setdefault(role, []).append(index)
    return Header(
        position=position,
        cells=texts,
        columns={role: found[0] for role, found in claims.items()},
        duplicates={role: found for role, found in claims.items() if len(found) > 1},
    )


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The first row among the first non-empty ones that names every required column."""
    candidates = [(i, cells) for i, cells in enumerate(rows) if any(filled(c) for c in cells)]
    for position, cells in candidates[:HEADER_SEARCH_ROWS]:
        header = read_header(position, cells)
        if header.complete:
            return header
    return None


def header_score(rows: Sequence[Sequence[object]]) -> int:
    """How many measurement columns the best of the first rows names (to choose a CSV separator)."""
    candidates = [cells for cells in rows[: HEADER_SEARCH_ROWS * 2] if any(filled(c) for c in cells)]
    return max((len(read_header(0, cells).columns) for cells in candidates[:HEADER_SEARCH_ROWS]), default=0)


def filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""
