"""Reading the cells of a measurements table: dates and numbers through ``workbook.language.locale``, as
Dutch spreadsheets write them (15-03-2024, 12,5, 1.250, 45%), and Excel's percentage cells."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from decimal import Decimal

from workbook.language import locale
from workbook.language.locale import Convention, InvalidNumber, LocaleProblem, shown

__all__ = [
    "LocaleProblem",
    "ValueProblem",
    "column_convention",
    "parse_date",
    "parse_number",
    "percent_points",
    "shown",
]


class ValueProblem(ValueError):
    """A cell whose value cannot be used (an unknown goal); the message says what is expected."""


def parse_date(value: object) -> dt.date:
    """A date from a date cell or from text such as 15-03-2024, 5-3-2024, 15/03/2024 or 2024-03-15.

    A measurement has a day, not a time: a date-and-time cell counts for its day.
    """
    return locale.parse_date(value)


def _without_percent(value: object) -> object:
    return value.strip().removesuffix("%") if isinstance(value, str) else value


def parse_number(value: object, convention: Convention | None = None) -> float:
    """A number from a number cell or from text, read by the locale's rules with the column's
    `convention` (see `column_convention`). A percentage counts in percent points: "45%" is 45,
    like a goal whose unit is %."""
    number = float(locale.parse_number(_without_percent(value), convention=convention))
    if not math.isfinite(number):  # more digits than a number can hold
        raise InvalidNumber(locale.msg("number", got=shown(value)))
    return number


def column_convention(values: Iterable[object]) -> Convention | None:
    """The convention the texts of a column show: "point" (12.5), "comma" (12,5) or None."""
    return locale.number_convention(_without_percent(v) for v in values if isinstance(v, str))


def percent_points(fraction: float) -> float:
    """A cell Excel shows as 45% holds 0.45: that is 45 percent points (exactly, not 45.00000000000001)."""
    return float(Decimal(repr(fraction)) * 100)
