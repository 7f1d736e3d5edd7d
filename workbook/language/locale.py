"""Numbers, amounts, percentages, dates and plurals in Dutch and English: the one place that
formats what the workbook shows and parses what people type, on Babel.

Languages are the workbook's own (``nl``, ``en``; ``None`` means the language in use, see
``workbook.language.i18n``). Dutch follows nl_NL; English follows en_GB, so that dates read day first in
both languages.

How a typed number is read (``parse_number``), the same in forms, import and the command line:

- "12,5" and "12.5" are twelve and a half: a separator that is not followed by exactly three
  digits is a decimal separator (so are "0,125" and "0.125": nobody writes thousands after a 0).
- "1.234,5" and "1,234.5" are 1234.5: with both separators the last one is the decimal one;
  "1.234.567" is 1234567: a separator used twice separates thousands.
- A single separator followed by exactly three digits ("1.500", "2.375") is read by the
  *convention* of the column or field when the caller knows it: ``convention="comma"`` (decimal
  comma, point for thousands: "2.375" is 2375, "2,375" is 2.375) or ``"point"`` (decimal point:
  "2.375" is 2.375, "1.500" is 1.5, "2,375" is 2375).
- Without a convention, the language's own decimal separator is a decimal separator (Dutch
  "2,375" is 2.375, English "2.375" is 2.375), and its thousands separator (the point in Dutch,
  the comma in English) separates thousands when the three digits end in 0 (nobody writes 1.5 as
  "1.500": "1.500", "1.000" and "12.000" are 1500, 1000 and 12000). Otherwise ("2.375", "1.234"
  in Dutch; "2,375" in English) the number is ambiguous: ``AmbiguousNumber`` asks
  "bedoel je 2,375 of 2375?". It is never guessed.

``number_convention`` tells which convention a column of texts shows ("12.5" shows a decimal
point, "1.234,5" a decimal comma), for the importer to pass on.

Dates (``parse_date``) are read day first, never month first: 01-07-2027, 1-7-2027, 1-7-27,
01/07/2027, 1.7.2027, "1 juli 2027", "1 jul. 2027" (English month names too) and ISO 2027-07-01.
Incomplete input ("1-7", "0202", "02312027"), impossible dates (31-02-2027) and years outside
2000-2100 are refused with a message.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from workbook.language.i18n import Messages, language

Convention = Literal["comma", "point"]
DateStyle = Literal["long", "medium", "short", "month"]

BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
FIRST_YEAR, LAST_YEAR = 2000, 2100

msg = Messages(
    {
        "number": (
            "verwacht een getal zoals 12, 12,5 of 1.500, kreeg {got}",
            "expected a number such as 12, 12.5 or 1,500, got {got}",
        ),
        "ambiguous": (
            "{got} is niet eenduidig: bedoel je {small} of {large}?",
            "{got} is ambiguous: do you mean {small} or {large}?",
        ),
        "date": (
            "verwacht een datum als dd-mm-jjjj (bijvoorbeeld 01-07-2027 of 1 juli 2027), kreeg {got}",
            "expected a date as dd-mm-yyyy (for example 01-07-2027 or 1 July 2027), got {got}",
        ),
        "no_such_day": (
            "{got} is geen bestaande datum; controleer dag en maand",
            "{got} is not an existing date; check the day and the month",
        ),
        "year": (
            "{got}: het jaar moet tussen {first} en {last} liggen",
            "{got}: the year must be between {first} and {last}",
        ),
    }
)


class LocaleProblem(ValueError):
    """Typed text that cannot be read as the value asked for; the message says what is expected."""


class InvalidNumber(LocaleProblem):
    """Text that is not a number."""


class AmbiguousNumber(LocaleProblem):
    """A number with one separator before three digits that the convention does not settle.

    ``readings`` holds both meanings, the decimal one first: (2.375, 2375) for "2.375".
    """

    def __init__(self, message: str, readings: tuple[Decimal, Decimal]):
        super().__init__(message)
        self.readings = readings


class InvalidDate(LocaleProblem):
    """Text that is not a complete, existing date between 2000 and 2100."""


def babel_locale(lang: str | None = None) -> Locale:
    """The Babel locale for a workbook language."""
    return _locale(BABEL_LOCALES[lang or language()])


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def shown(value: object) -> str:
    """Typed text quoted for a message, shortened when long."""
    text = repr(str(value))
    return text if len(text) <= 40 else text[:37] + "...'"


# -- formatting ----------------------------------------------------------------------------------


def _decimal(value: object) -> Decimal:
    """An exact decimal for a number: 0.1 is 0.1, not 0.1000000000000000055511151231257827.

    numpy and pandas numbers (``np.float64``, ``np.int64``) count as the Python numbers they stand for."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    if isinstance(value, numbers.Real):
        return Decimal(repr(float(value)))
    return Decimal(str(value))


def _rounded(value: object, decimals: int) -> Decimal:
    """`value` rounded half away from zero, as people round (2,25 is 2,3), not half to even."""
    rounded = _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded  # "0%", never "-0%"


def _pattern(decimals: int | None, grouping: bool) -> str:
    whole = "#,##0" if grouping else "0"
    if decimals is None:
        return whole + ".###"
    return whole + ("." + "0" * decimals if decimals else "")


def format_number(
    value: float | int | Decimal, lang: str | None = None, decimals: int | None = None, grouping: bool = True
) -> str:
    """ "1.500", "12,5", "8,50" (decimals=2) in Dutch; "1,500", "12.5" in English.

    ``decimals=None`` shows every decimal the value has (0.125 is "0,125"); a number rounds half
    away from zero to a fixed number of decimals. ``grouping=False`` leaves out the thousands
    separator ("2375"), for a value that is typed back in.
    """
    number = _decimal(value) if decimals is None else _rounded(value, decimals)
    return babel_numbers.format_decimal(
        number,
        format=_pattern(decimals, grouping),
        locale=babel_locale(lang),
        decimal_quantization=decimals is not None,
    )


def has_cents(amounts: Iterable[float | int | Decimal | None]) -> bool:
    """Whether any of `amounts` has cents once rounded to the cent (12.5 has, 12.004 has not;
    unknown amounts, None, count for nothing)."""
    return any(_rounded(amount, 2) != _rounded(amount, 0) for amount in amounts if amount is not None)


def format_money(amount: float | int | Decimal, lang: str | None = None, cents: bool | None = None) -> str:
    """An amount in euros, by the workbook's one rule for money:

    - Whole euros when there are no cents: "€ 1.500" in Dutch, "€1,500" in English.
    - Two decimals when there are: "€ 1.500,50", "€ 12,05"; never one decimal, and cents are never
      rounded away (a runbook item of € 12,50 does not read "€ 13").
    - Amounts shown together, a table's column with its total or a sentence naming several, take one
      form: two decimals for all of them as soon as one has cents (``has_cents``, ``format_amounts``),
      so that a column lines up on the decimal comma and adds up as a treasurer checks it: "€ 12,50",
      "€ 1.500,00", total "€ 1.512,50".
    - Rounded half away from zero to the cent; the space after € is a non-breaking one (U+00A0),
      so that a line never breaks inside an amount.

    ``cents=None`` lets this amount decide alone; True or False is the decision for amounts shown
    together (``has_cents`` of all of them). Reports, Word, Excel and the forms all format money here.
    """
    if cents is None:
        cents = has_cents([amount])
    number = _rounded(amount, 2 if cents else 0)
    locale = babel_locale(lang)
    pattern = locale.currency_formats["standard"].pattern
    if not cents:
        pattern = pattern.replace("#,##0.00", "#,##0")
    return babel_numbers.format_currency(number, "EUR", format=pattern, locale=locale, currency_digits=False)


def format_amounts(amounts: Iterable[float | int | Decimal], lang: str | None = None) -> list[str]:
    """Amounts shown together (a column and its total) in one form: see ``format_money``."""
    amounts = list(amounts)
    cents = has_cents(amounts)
    return [format_money(amount, lang, cents) for amount in amounts]


def format_percent(value: float | int | Decimal, lang: str | None = None, decimals: int = 0) -> str:
    """A share as a percentage: 0.5 is "50%", 0.125 with decimals=1 is "12,5%" in Dutch."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return babel_numbers.format_percent(_rounded(value, decimals + 2), format=pattern, locale=babel_locale(lang))


def format_date(value: dt.date, lang: str | None = None, style: DateStyle = "long") -> str:
    """ "1 juli 2027" (long), "1 jul 2027" (medium), "01-07-2027" (short), "juli 2027" (month);
    in English "1 July 2027", "1 Jul 2027", "01/07/2027", "July 2027"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if style == "month":
        return babel_dates.format_skeleton("yMMMM", value, locale=babel_locale(lang))
    return babel_dates.format_date(value, style, locale=babel_locale(lang))


def format_count(count: int, one: str, other: str, lang: str | None = None) -> str:
    """ "1 aandachtspunt", "2 aandachtspunten": the count with the word in its plural form by the
    language's plural rules (give the words in that language)."""
    word = one if babel_locale(lang).plural_form(count) == "one" else other
    return f"{format_number(count, lang)} {word}"


_SINGULAR = {
    "nl": {
        "uren": "uur",
        "minuten": "minuut",
        "weken": "week",
        "jaren": "jaar",
        "keren": "keer",
        "dagen": "dag",
        "nachten": "nacht",
        "maanden": "maand",
        "cliënten": "cliënt",
        "clienten": "client",
        "bewoners": "bewoner",
        "patiënten": "patiënt",
        "rondes": "ronde",
        "ronden": "ronde",
        "controlerondes": "controleronde",
        "meldingen": "melding",
        "valincidenten": "valincident",
        "incidenten": "incident",
        "euro's": "euro",
        "punten": "punt",
    },
    "en": {"hours": "hour", "minutes": "minute", "days": "day", "nights": "night", "rounds": "round"},
}
"""Plurals of units people commonly type, with their singular (the first word of a unit only)."""


def _regular_plural(word: str, code: str) -> bool:
    """A plural that loses only its last letter: Dutch "-ers" (medewerkers), English "-s" (rounds)."""
    if code == "nl":
        return word.endswith("ers")
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def unit_form(count: float | int | Decimal, unit: str, lang: str | None = None) -> str:
    """The unit as it reads after `count`: "1 ronde per nacht", "2 rondes per nacht".

    A goal's unit is typed in the plural ("rondes per nacht"). Where the language's plural rules
    (Babel) make the count singular, the unit's first word becomes singular: from a short list of
    common units, or by a regular ending ("-ingen" → "-ing", "-ers" → "-er"; English "-s"). A word
    the rules do not know stays as typed; "%" and units starting with "per" are left alone."""
    text = unit.strip()
    number = Decimal(str(count))
    whole = number == number.to_integral_value()
    if not text or text == "%" or not whole or babel_locale(lang).plural_form(int(number)) != "one":
        return text
    first, _, rest = text.partition(" ")
    code = "en" if (lang or language()) == "en" else "nl"
    lower = first.lower()
    if lower in _SINGULAR[code]:
        single = _SINGULAR[code][lower]
    elif code == "nl" and lower.endswith("ingen"):
        single = first[:-2]
    elif _regular_plural(lower, code):
        single = first[:-1]
    else:
        return text
    if first[:1].isupper():
        single = single[:1].upper() + single[1:]
    return f"{single} {rest}".strip()


def format_change(
    before: float | int | Decimal, after: float | int | Decimal, lang: str | None = None, decimals: int | None = None
) -> str:
    """ "2,4 → 7,5": a value before and after, in the language's numbers."""
    return f"{format_number(before, lang, decimals)} → {format_number(after, lang, decimals)}"


# -- parsing numbers -----------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_SHAPE = re.compile(r"([-+]?)(\d[\d.,]*|[.,]\d+)")
_GROUPED_BY_SPACES = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")
_OTHER = {".": ",", ",": "."}
_DECIMAL_SEPARATOR = {"comma": ",", "point": "."}
_CONVENTION_OF: dict[str, Convention] = {",": "comma", ".": "point"}


def parse_number(value: object, lang: str | None = None, convention: Convention | None = None) -> Decimal:
    """The number in typed text, exactly, by the rules in this module's docstring.

    Numbers that are numbers already (from a spreadsheet cell) pass as they are. Raises
    ``AmbiguousNumber`` for "2.375" without a convention (in Dutch), ``InvalidNumber`` for text that
    is not a number.
    """
    if isinstance(value, bool):
        raise InvalidNumber(msg("number", lang, got=shown(value)))
    if isinstance(value, int | float | Decimal):
        return _finite(_decimal(value), value, lang)
    text = str(value).strip().translate(_MINUS_SIGNS)
    if _GROUPED_BY_SPACES.fullmatch(_SPACES.sub(" ", text.lstrip("+-"))):
        text = _SPACES.sub("", text)  # "1 500" as Dutch and English print large numbers
    shape = _SHAPE.fullmatch(text)
    if not shape:
        raise InvalidNumber(msg("number", lang, got=shown(value)))
    sign, body = shape.groups()
    plain = _plain(sign, body, value, lang or language(), convention)
    return _finite(Decimal(sign + plain), value, lang)


def _plain(sign: str, body: str, original: object, lang: str, convention: Convention | None) -> str:
    """`body` (digits and separators, after `sign`) with a decimal point and no thousands separators."""
    separators = [c for c in body if c in ".,"]
    if not separators:
        return body
    if len(set(separators)) == 2:  # 1.234,5 or 1,234.5: the last one is the decimal separator
        decimal = separators[-1]
        whole, _, fraction = body.rpartition(decimal)
        return _grouped(whole, _OTHER[decimal], original, lang) + "." + _digits(fraction, original, lang)
    separator = separators[0]
    if len(separators) > 1:  # 1.234.567: thousands
        return _grouped(body, separator, original, lang)
    whole, fraction = body.split(separator)
    if len(fraction) != 3 or not whole or whole.startswith("0") or len(whole) > 3:
        return (whole or "0") + "." + _digits(fraction, original, lang)
    if convention is not None:
        decimal = _DECIMAL_SEPARATOR[convention]
    else:
        home_decimal = "," if lang == "nl" else "."
        if separator == home_decimal or fraction.endswith("0"):
            decimal = home_decimal
        else:
            small, large = Decimal(sign + whole + "." + fraction), Decimal(sign + whole + fraction)
            raise AmbiguousNumber(
                msg(
                    "ambiguous",
                    lang,
                    got=shown(original),
                    small=format_number(small, lang),
                    large=format_number(large, lang, grouping=False),
                ),
                (small, large),
            )
    return whole + "." + fraction if separator == decimal else whole + fraction


def _grouped(text: str, separator: str, original: object, lang: str) -> str:
    """Digits with `separator` between groups of three: 1.234.567 is 1234567."""
    groups = text.split(separator)
    if not (1 <= len(groups[0]) <= 3 and groups[0].isdigit() and all(len(g) == 3 and g.isdigit() for g in groups[1:])):
        raise InvalidNumber(msg("number", lang, got=shown(original)))
    return "".join(groups)


def _digits(text: str, original: object, lang: str) -> str:
    if not text.isdigit():
        raise InvalidNumber(msg("number", lang, got=shown(original)))
    return text


def _finite(number: Decimal, original: object, lang: str | None) -> Decimal:
    if not number.is_finite():
        raise InvalidNumber(msg("number", lang, got=shown(original)))
    return number


def parse_money(value: object, lang: str | None = None, convention: Convention | None = None) -> Decimal:
    """An amount as people type it: "€ 1.500", "1.500,-", "€1,500.50", "EUR 12,50" or just "1.500"."""
    if isinstance(value, str):
        text = value.strip()
        text = re.sub(r"^(?:€|eur\b)\s*|\s*(?:€|eur)$", "", text, flags=re.IGNORECASE)
        text = re.sub(r"[.,]-{1,2}$", "", text)
        try:
            return parse_number(text, lang, convention)
        except AmbiguousNumber as problem:
            small, large = problem.readings
            raise AmbiguousNumber(
                msg(
                    "ambiguous",
                    lang,
                    got=shown(value),
                    small=format_number(small, lang),
                    large=format_number(large, lang, grouping=False),
                ),
                problem.readings,
            ) from None
        except InvalidNumber:
            raise InvalidNumber(msg("number", lang, got=shown(value))) from None
    return parse_number(value, lang, convention)


def number_convention(texts: Iterable[object]) -> Convention | None:
    """The convention a column of typed numbers shows: "point" when some value can only have a
    decimal point (12.5, 1,234.5, 1,234,567), "comma" when some value can only have a decimal comma
    (12,5, 1.234,5, 1.234.567); None when no value shows it, or values show both."""
    found = {_evidence(_SPACES.sub("", text).lstrip("+-")) for text in texts if isinstance(text, str)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _evidence(text: str) -> Convention | None:
    separators = [c for c in text if c in ".,"]
    if not separators or not re.fullmatch(r"[\d.,]+", text):
        return None
    if len(set(separators)) == 2:
        return _CONVENTION_OF[separators[-1]]
    if len(separators) > 1:
        return _CONVENTION_OF[_OTHER[separators[0]]]
    whole, fraction = text.split(separators[0])
    if len(fraction) != 3 or not whole or whole.startswith("0") or len(whole) > 3:
        return _CONVENTION_OF[separators[0]]
    return None


# -- parsing dates -------------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_IN_WORDS = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")


@cache
def _month_numbers() -> dict[str, int]:
    """Dutch and English month names and abbreviations, lower case without dots, by month number."""
    names: dict[str, int] = {"sept": 9}
    for lang in BABEL_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in babel_dates.get_month_names(width, context, babel_locale(lang)).items():
                    names[name.lower().rstrip(".")] = number
    return names


def parse_date(value: object, lang: str | None = None) -> dt.date:
    """The date in typed text, day first: 01-07-2027, 1-7-27, 01/07/2027, "1 juli 2027" or
    2027-07-01. A date cell passes as it is; a date-and-time counts for its day.

    Raises ``InvalidDate`` for incomplete text, a date that does not exist or a year outside
    2000-2100.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _MIDNIGHT.sub("", str(value).strip())
    if day_first := _DAY_FIRST.fullmatch(text):
        day, month, year = int(day_first[1]), int(day_first[3]), day_first[4]
        year = int(year) + (2000 if len(year) == 2 else 0)
    elif iso := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in iso.groups())
    elif (words := _IN_WORDS.fullmatch(text)) and words[2].lower() in _month_numbers():
        day, month, year = int(words[1]), _month_numbers()[words[2].lower()], int(words[3])
    else:
        raise InvalidDate(msg("date", lang, got=shown(value)))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidDate(msg("year", lang, got=shown(value), first=FIRST_YEAR, last=LAST_YEAR))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidDate(msg("no_such_day", lang, got=shown(value))) from None
