"""Numbers, money and dates the way a Dutch (or English) reader expects them in a report."""

from __future__ import annotations

import datetime as dt

from workbook.charts.style import day_month_year, number

MISSING = "–"


def amount(value: float | None, lang: str, decimals: int = 1) -> str:
    """8,5 in Dutch, 8.5 in English; whole numbers without decimals; a dash when unknown."""
    if value is None:
        return MISSING
    if float(value).is_integer():
        return grouped(int(value), lang)
    return number(value, lang, decimals)


def score(value: float, lang: str) -> str:
    """A score with one decimal: 60,0 in Dutch, 60.0 in English."""
    return number(value, lang, 1)


def grouped(value: int, lang: str) -> str:
    """A whole number with thousands grouped: 12.500 in Dutch, 12,500 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "nl" else text


def money(value: float, lang: str) -> str:
    """Whole euros: € 12.500 in Dutch, €12,500 in English."""
    euros = grouped(round(value), lang)
    return f"€ {euros}" if lang == "nl" else f"€{euros}"


def percent(share: float | None) -> str:
    """A share as a whole percentage: 0.5 -> 50%; a dash when unknown."""
    return MISSING if share is None else f"{share * 100:.0f}%"


def date(value: dt.date | None, lang: str) -> str:
    """1 mrt 2026 in Dutch, 1 Mar 2026 in English; a dash when unknown."""
    return MISSING if value is None else day_month_year(value, lang)


def period(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """From start to end, with a dash for an unknown end."""
    return f"{date(start, lang)} – {date(end, lang)}"
