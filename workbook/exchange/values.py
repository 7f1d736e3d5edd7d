"""Plan values as the text a reader sees in a document: dates, numbers, choices, ticks."""

from __future__ import annotations

import datetime as dt
import re

from workbook.model.fields import Choice
from workbook.report import formats

DONE_MARK = "✓"
# Characters XML (and so Word and Excel files) cannot hold; tabs and newlines are kept.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the control characters a Word or Excel file cannot store."""
    return _NOT_XML.sub("", text)


def show_date(value: dt.date | None, lang: str = "nl") -> str:
    """A date as the reports write it: 1 mrt 2026 in Dutch, 1 Mar 2026 in English."""
    return formats.date(value, lang) if value else ""


def show_number(value: float | None, lang: str = "nl") -> str:
    """A number without a needless ``,0``: 12,5 in Dutch, 12.5 in English."""
    return "" if value is None else formats.amount(value, lang, 2)


def show_amount(value: float, lang: str = "nl", cents: bool | None = None) -> str:
    """Money as the reports write it (``locale.format_money``): € 1.250 and € 12,50 in Dutch, €1,250
    in English; `cents` is the decision for the amounts of one table (``formats.cents_of``)."""
    return formats.money(value, lang, cents)


def show(value: object, lang: str = "nl") -> str:
    """Any field value as text: choices by their label, True as a tick, lists joined by commas."""
    if value is None:
        return ""
    if isinstance(value, Choice):
        return value.label(lang)
    if isinstance(value, bool):
        return DONE_MARK if value else ""
    if isinstance(value, dt.date):
        return show_date(value, lang)
    if isinstance(value, (int, float)):
        return show_number(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(show(item, lang) for item in value)
    return clean(str(value))
