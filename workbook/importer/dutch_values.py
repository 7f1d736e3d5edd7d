"""Reading dates and numbers the way Dutch spreadsheets write them: 15-03-2024, 12,5, 1.250 and 45%."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import Decimal

from workbook.i18n import Messages

msg = Messages(
    {
        "date": (
            "verwacht een datum als dd-mm-jjjj (bijvoorbeeld 15-03-2024), kreeg {got}",
            "expected a date as dd-mm-yyyy (for example 15-03-2024), got {got}",
        ),
        "no_such_day": (
            "{got} is geen bestaande datum; controleer dag en maand",
            "{got} is not an existing date; check the day and the month",
        ),
        "number": (
            "verwacht een getal (bijvoorbeeld 12, 12,5 of 45%), kreeg {got}",
            "expected a number (for example 12, 12.5 or 45%), got {got}",
        ),
    }
)

# d-m-yyyy with -, / or . between the parts; yyyy-mm-dd as the workbook itself writes dates.
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")
# Digits with an optional decimal comma, or with dots between groups of three (thousands).
_DUTCH_NUMBER = re.compile(r"[-+]?(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,\d+)?|[-+]?,\d+")
# Digits with an optional decimal point, or with commas between groups of three (thousands).
_ENGLISH_NUMBER = re.compile(r"[-+]?(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?|[-+]?\.\d+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


class ValueProblem(ValueError):
    """A cell whose value cannot be read; the message says what is expected."""


def shown(value: object) -> str:
    """A cell value quoted for a message, shortened when long."""
    text = repr(str(value))
    return text if len(text) <= 40 else text[:37] + "...'"


def parse_date(value: object) -> dt.date:
    """A date from a date cell or from text such as 15-03-2024, 5-3-2024, 15/03/2024 or 2024-03-15.

    A measurement has a day, not a time: a date-and-time cell counts for its day.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _MIDNIGHT.sub("", str(value).strip())
    if day_first := _DAY_FIRST.fullmatch(text):
        day, month, year = int(day_first[1]), int(day_first[3]), int(day_first[4])
    elif year_first := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in year_first.groups())
    else:
        raise ValueProblem(msg("date", got=shown(value)))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(msg("no_such_day", got=shown(value))) from None


def parse_number(value: object, decimal_point: bool = False) -> float:
    """A number from a number cell or from Dutch text: 12, -3, 12,5, 1.250, 1.250,75 or 45%.

    A percentage counts in percent points: "45%" is 45, like a goal whose unit is %. A dot between
    groups of three digits separates thousands (1.250 is 1250), otherwise it is a decimal point
    (12.5). With `decimal_point` (see `uses_decimal_point`) every dot is a decimal point and a
    comma separates thousands, as in English: 1.125 is 1.125 and 1,250.75 is 1250.75.
    """
    if isinstance(value, bool):
        raise ValueProblem(msg("number", got=shown(value)))
    if isinstance(value, int | float):
        return _finite(float(value), value)
    text = _SPACES.sub("", str(value)).translate(_MINUS_SIGNS).removesuffix("%")  # "45%" is 45
    if decimal_point and _ENGLISH_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    elif _DUTCH_NUMBER.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif not _ENGLISH_NUMBER.fullmatch(text):
        raise ValueProblem(msg("number", got=shown(value)))
    else:
        text = text.replace(",", "")
    return _finite(float(Decimal(text)), value)


def uses_decimal_point(values: Iterable[object]) -> bool:
    """True when a column of numbers is written with decimal points: some value such as 2.6 cannot
    be Dutch (a dot not before three digits), and no value has a decimal comma."""
    texts = [_SPACES.sub("", v).removesuffix("%") for v in values if isinstance(v, str)]
    points = any(_ENGLISH_NUMBER.fullmatch(t) and not _DUTCH_NUMBER.fullmatch(t) and "," not in t for t in texts)
    return points and not any(_DUTCH_NUMBER.fullmatch(t) and "," in t for t in texts)


def percent_points(fraction: float) -> float:
    """A cell Excel shows as 45% holds 0.45: that is 45 percent points (exactly, not 45.00000000000001)."""
    return float(Decimal(repr(fraction)) * 100)


def _finite(number: float, shown_value: object) -> float:
    if not math.isfinite(number):  # not a number, or more digits than a number can hold
        raise ValueProblem(msg("number", got=shown(shown_value)))
    return number
