"""Plan values as the text a reader sees in a document: dates, numbers, choices, ticks."""

from __future__ import annotations

import datetime as dt
import re

from workbook.fields import Choice

DONE_MARK = "✓"
# Characters XML (and so Word and Excel files) cannot hold; tabs and newlines are kept.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without the control characters a Word or Excel file cannot store."""
    return _NOT_XML.sub("", text)


def show_date(value: dt.date | None) -> str:
    """A date as dd-mm-yyyy, the way Dutch readers write it."""
    return value.strftime("%d-%m-%Y") if value else ""


def show_number(value: float | None, lang: str = "nl") -> str:
    """A number without a needless ``.0``; a decimal comma in Dutch."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")
    return text.replace(".", ",") if lang != "en" else text


def show_amount(value: float, lang: str = "nl") -> str:
    """An amount with two decimals and thousands separators: 1.250,00 in Dutch, 1,250.00 in English."""
    text = f"{value:,.2f}"
    return text if lang == "en" else text.translate(str.maketrans(",.", ".,"))


def show(value: object, lang: str = "nl") -> str:
    """Any field value as text: choices by their label, True as a tick, lists joined by commas."""
    if value is None:
        return ""
    if isinstance(value, Choice):
        return value.label(lang)
    if isinstance(value, bool):
        return DONE_MARK if value else ""
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, (int, float)):
        return show_number(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(show(item, lang) for item in value)
    return clean(str(value))
