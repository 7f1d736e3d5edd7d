"""Who reads a report: the board, the team, or the client council, each in a folder of their own.

- ``board`` (bestuur): status, decisions, risks and costs first.
- ``team``: what is late and what is due in the coming weeks first.
- ``council`` (cliëntenraad): plain language with a glossary for every term left, and no staff
  names: no team, no responsible persons, no owners.

Client counts under 5 are "minder dan 5" for every audience (``formats.clients``). A report cell
shows the full report (for the working group and the notebook); where an audience's version of a
section differs, the cell's output carries that version too (``VARIANTS_MIME``), and the build
writes each audience's pages from the same executed notebook.
"""

from __future__ import annotations

from enum import StrEnum

from workbook.language.i18n import Messages, language

VARIANTS_MIME = "application/vnd.workbook.audiences+json"
"""The output data of a report cell holding its HTML per audience, where that differs."""

msg = Messages(
    {
        "unknown": (
            "onbekend publiek '{name}'; kies uit bestuur (board), team of clientenraad (council)",
            "unknown audience '{name}'; choose board (bestuur), team or council (clientenraad)",
        ),
    }
)


class Audience(StrEnum):
    board = "board"
    team = "team"
    council = "council"

    @property
    def folder(self) -> str:
        """The folder under build/reports/ with this audience's pages."""
        return FOLDERS[self]

    @property
    def names_staff(self) -> bool:
        """False for the client council: no staff names in its reports."""
        return self != Audience.council


FOLDERS = {Audience.board: "bestuur", Audience.team: "team", Audience.council: "clientenraad"}
ALIASES = {
    **{audience.value: audience for audience in Audience},
    **{folder: audience for audience, folder in FOLDERS.items()},
    "cliëntenraad": Audience.council,
    "raad": Audience.council,
}


def parse_audience(name: str, lang: str | None = None) -> Audience:
    """An audience from its English or Dutch name, in any case; a Dutch (or English) message otherwise."""
    try:
        return ALIASES[name.strip().lower()]
    except KeyError:
        raise ValueError(msg("unknown", lang or language(), name=name)) from None
