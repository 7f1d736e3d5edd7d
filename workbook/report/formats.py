"""Numbers, money and dates in reports, Word and Excel: the locale module, with a dash for what is unknown.

Every report, document and chart label formats through ``workbook.language.locale`` (Babel); these helpers
only add what reports share: a dash for a missing value, a score with one decimal, a period, and
small client counts hidden behind "minder dan 5".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.analysis import small_cells
from workbook.analysis.small_cells import Count, Shown
from workbook.language.i18n import Messages
from workbook.language.locale import (
    format_count,
    format_date,
    format_money,
    format_number,
    format_percent,
    has_cents,
    unit_form,
)
from workbook.model import Clients

MISSING = "–"
SMALL_COUNT = small_cells.SMALL_COUNT
"""Client counts below this are shown as "minder dan 5": next to a reason they can point to a person."""

msg = Messages(
    {
        "fewer_than": ("minder dan {n}", "fewer than {n}"),
        "not_shown": ("niet getoond", "not shown"),
        "about": ("ongeveer {n}", "about {n}"),
    }
)


def amount(value: float | None, lang: str, decimals: int = 1) -> str:
    """8,5 in Dutch, 8.5 in English; 1.500 with thousands grouped; whole numbers without decimals."""
    if value is None:
        return MISSING
    return format_number(value, lang, None if float(value).is_integer() else decimals)


def score(value: float | None, lang: str) -> str:
    """A score with one decimal: 60,0 in Dutch, 60.0 in English."""
    return MISSING if value is None else format_number(value, lang, 1)


def grouped(value: int, lang: str) -> str:
    """A whole number with thousands grouped: 12.500 in Dutch, 12,500 in English."""
    return format_number(value, lang, 0)


def money(value: float, lang: str, cents: bool | None = None) -> str:
    """An amount by the one money rule (``locale.format_money``): € 12.500 and € 12,50 in Dutch,
    €12,500 and €12.50 in English. `cents` is the decision for amounts shown together (a table's
    columns and totals): ``cents_of`` of all of them."""
    return format_money(value, lang, cents)


def cents_of(values: Iterable[float | None]) -> bool:
    """Whether amounts shown together show cents: when any of them has cents (``locale.has_cents``)."""
    return has_cents(values)


def percent(share: float | None, lang: str | None = None) -> str:
    """A share as a whole percentage: 0.5 -> 50%; a dash when unknown."""
    return MISSING if share is None else format_percent(share, lang)


def date(value: dt.date | None, lang: str) -> str:
    """1 mrt 2026 in Dutch, 1 Mar 2026 in English; a dash when unknown."""
    return MISSING if value is None else format_date(value, lang, "medium")


def period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """From start to end, with a dash for an unknown end."""
    return f"{date(start, lang)} – {date(end, lang)}"


@dataclass(frozen=True)
class ClientCounts:
    """Every client count of one location as a reader may see it, in words: "minder dan 5", "niet
    getoond", "ongeveer 30" or the number. `criteria` follow ``small_cells.sorted_criteria``."""

    total: str
    suitable: str
    criteria: list[str]
    changes: list[str]
    secondary: bool
    """More than the small counts is hidden or rounded (the reports say why)."""


def clients(clients: Clients, lang: str) -> ClientCounts:
    """The counts of `clients` after every small-cell rule (``analysis.small_cells.protect``): small
    counts hidden, what would give them away hidden or rounded too, the margins rounded."""
    _, shown = small_cells.protect_listed(clients)
    return ClientCounts(
        protected(shown.total, lang),
        protected(shown.suitable, lang),
        [protected(count, lang) for count in shown.criteria],
        [protected(count, lang) for count in shown.changes],
        shown.secondary,
    )


def protected(count: Count, lang: str) -> str:
    """A client count after small-cell protection (``analysis.small_cells.protect``): "minder dan 5",
    "niet getoond" when it would give a small count away, "ongeveer 30" when rounded."""
    if count.exact is None:
        return MISSING
    if count.shown == Shown.small:
        return msg("fewer_than", lang, n=SMALL_COUNT)
    if count.shown == Shown.hidden:
        return msg("not_shown", lang)
    if count.shown == Shown.rounded:
        return msg("about", lang, n=grouped(count.value or 0, lang))
    return grouped(count.exact or 0, lang)


def counted(count: int, one: str, other: str, lang: str) -> str:
    """ "1 aandachtspunt", "3 aandachtspunten"."""
    return format_count(count, one, other, lang)


def quantity(value: float | None, unit: str, lang: str) -> str:
    """A value with its unit: "81%", "2,5 rondes per nacht", "1 ronde per nacht"; a dash when unknown."""
    if value is None:
        return MISSING
    text = amount(value, lang)
    unit = unit_form(value, unit, lang)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"
