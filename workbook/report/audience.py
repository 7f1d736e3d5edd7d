"""Who reads a report: the board, the team, or the client council, each in a folder of their own.

- ``board`` (bestuur): status, decisions, risks and costs first.
- ``team``: what is late and what is due in the coming weeks first.
- ``council`` (cliëntenraad): plain language with a glossary for every term left, and no staff
  names: no team, no responsible persons, no owners.

What an audience may see of a field follows from the field's privacy role, declared on the model
(``field(privacy=...)``, see ``workbook.model.fields.Privacy``) and decided here, in ``POLICY``, for
every renderer: the tables of the HTML sections, Word and Excel are declared once
(``report.tables``) and shown through ``treatment``; the few values outside a table ask
``field_text`` or ``visible``. No renderer decides it itself. Client counts are protected for every audience, also in the full report: counts
under 5 read "minder dan 5" and what would give them away by subtraction is suppressed too
(``workbook.analysis.small_cells``). A report cell
shows the full report (for the working group and the notebook); where an audience's version of a
section differs, the cell's output carries that version too (``VARIANTS_MIME``), and the build
writes each audience's pages from the same executed notebook.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from workbook.analysis.deid import deidentify
from workbook.language.i18n import Messages, language
from workbook.model.fields import Privacy, privacy_role

VARIANTS_MIME = "application/vnd.workbook.audiences+json"
"""The output data of a report cell holding its HTML per audience, where that differs."""

msg = Messages(
    {
        "unknown": (
            "onbekend publiek '{name}'; kies uit bestuur (board), team of clientenraad (council)",
            "unknown audience '{name}'; choose board (bestuur), team or council (clientenraad)",
        ),
        "for_board": ("het bestuur", "the board"),
        "for_team": ("het team", "the team"),
        "for_council": ("de cliëntenraad", "the client council"),
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

    def reader(self, lang: str) -> str:
        """The audience as a reader names it: "de cliëntenraad", "the board"."""
        return msg(f"for_{self.value}", lang)


class Treatment(StrEnum):
    """What a renderer does with a field's value for one audience."""

    show = "show"
    """As it is."""
    hide = "hide"
    """Left out: no column, no line. Where a renderer has one, a role or a count stands in for it
    (the team as "telt 7 mensen", a stakeholder by role)."""
    protect = "protect"
    """A client count through small-cell protection: under 5 as "minder dan 5", and cells that
    would give a hidden one away by subtraction hidden as well (``analysis.small_cells``)."""
    deidentify = "deidentify"
    """Free text with names of persons, room numbers and dates replaced by "[naam]", "[kamer]",
    "[datum]" (``analysis.deid``)."""


POLICY: dict[Privacy, dict[Audience | None, Treatment]] = {
    Privacy.public: {None: Treatment.show, **{a: Treatment.show for a in Audience}},
    Privacy.money: {None: Treatment.show, **{a: Treatment.show for a in Audience}},
    Privacy.person: {
        None: Treatment.show,
        Audience.board: Treatment.show,
        Audience.team: Treatment.show,
        Audience.council: Treatment.hide,
    },
    Privacy.client_count: {None: Treatment.protect, **{a: Treatment.protect for a in Audience}},
    Privacy.free_text: {
        None: Treatment.show,
        Audience.board: Treatment.show,
        Audience.team: Treatment.show,
        Audience.council: Treatment.deidentify,
    },
}
"""Per privacy role and audience (None: the full report for the working group), what is shown.

Free text (reasons, successes and failures, evaluations) is what the reports are for: shown as
typed to the working group, the board and the team, and de-identified for the client council (a
client's or relative's name, a room number or a date of birth typed into it becomes "[naam]",
"[kamer]", "[datum]"). ``workbook check`` advises when a reason holds a number of clients, and
when free text probably names a person.
Change the row here, and every renderer follows.
"""


def treatment(audience: Audience | None, role: Privacy | str | None) -> Treatment:
    """What `audience` (None: the full report) may see of a value with privacy role `role`.

    Text without a declared role (None) is treated as a person's name: what nobody classified is
    not shown to the client council.
    """
    return POLICY[Privacy(role) if role else Privacy.person][audience]


def field_treatment(model: type, name: str, audience: Audience | None) -> Treatment:
    """What `audience` may see of the field `model.name`, from the role declared on the model."""
    return treatment(audience, privacy_role(model, name))


def field_text(model: type, name: str, text: str, audience: Audience | None, known: Iterable[str] = ()) -> str:
    """`text`, the value of `model.name`, as `audience` may read it: as typed, de-identified (names,
    rooms and dates as "[naam]", "[kamer]", "[datum]"; `known` are the project's own capitalised
    words, which stay), or "" when hidden."""
    match field_treatment(model, name, audience):
        case Treatment.hide:
            return ""
        case Treatment.deidentify:
            return deidentify(text, known)
        case _:
            return text


def visible(model: type, names: Iterable[str], audience: Audience | None) -> list[str]:
    """The fields among `names` of `model` that `audience` may see (shown or protected), in order."""
    return [name for name in names if field_treatment(model, name, audience) != Treatment.hide]


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
