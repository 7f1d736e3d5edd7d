"""The locale module: every rule of its docstring, by example, in Dutch and English."""

import datetime as dt
from decimal import Decimal

import pytest

from workbook.language.locale import (
    AmbiguousNumber,
    InvalidDate,
    InvalidNumber,
    LocaleProblem,
    format_amounts,
    format_change,
    format_count,
    format_date,
    format_money,
    format_number,
    format_percent,
    has_cents,
    number_convention,
    parse_date,
    parse_money,
    parse_number,
    unit_form,
)

JULY_FIRST = dt.date(2027, 7, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", "12"),
        ("-3", "-3"),
        ("\u22123", "-3"),
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("0,125", "0.125"),
        ("0.125", "0.125"),
        (",5", "0.5"),
        ("1.500", "1500"),
        ("1.000", "1000"),
        ("12.000", "12000"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1.234.567,25", "1234567.25"),
        ("1 500", "1500"),
        ("1\u00a0500,75", "1500.75"),
        ("1\u2009234\u2009567", "1234567"),
        ("-1 500", "-1500"),
        ("2,375", "2.375"),  # the Dutch decimal comma
        ("1,500", "1.5"),
        ("1234.567", "1234.567"),  # four digits before: not thousands
        ("  7  ", "7"),
    ],
)
def test_dutch_numbers_without_a_convention(text, expected):
    assert parse_number(text, "nl") == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "small", "large"), [("2.375", "2,375", "2375"), ("1.234", "1,234", "1234"), ("-9.999", "-9,999", "-9999")]
)
def test_a_point_before_three_digits_not_ending_in_0_is_asked_about_in_dutch(text, small, large):
    with pytest.raises(AmbiguousNumber) as raised:
        parse_number(text, "nl")
    assert f"bedoel je {small} of {large}?" in str(raised.value)
    assert repr(text) in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_ambiguous_number_carries_both_readings():
    with pytest.raises(AmbiguousNumber) as raised:
        parse_number("2.375", "nl")
    assert raised.value.readings == (Decimal("2.375"), Decimal("2375"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.375", "2.375"),
        ("1.500", "1.5"),
        ("12.5", "12.5"),
        ("1,500", "1500"),
        ("1,234.5", "1234.5"),
        ("12,5", "12.5"),
    ],
)
def test_english_mirrors_the_rule_for_commas(text, expected):
    assert parse_number(text, "en") == Decimal(expected)


def test_english_asks_about_a_comma_before_three_digits():
    with pytest.raises(AmbiguousNumber, match=r"do you mean 2\.375 or 2375\?"):
        parse_number("2,375", "en")


@pytest.mark.parametrize(
    ("text", "convention", "expected"),
    [
        ("2.375", "comma", "2375"),
        ("2.375", "point", "2.375"),
        ("1.234", "comma", "1234"),
        ("1.234", "point", "1.234"),
        ("1.500", "comma", "1500"),
        ("1.500", "point", "1.5"),
        ("2,375", "comma", "2.375"),
        ("2,375", "point", "2375"),
        ("12,5", "point", "12.5"),
        ("12.5", "comma", "12.5"),
        ("1.234,5", "comma", "1234.5"),
    ],
)
def test_a_convention_settles_three_digits_after_one_separator(text, convention, expected):
    assert parse_number(text, "nl", convention=convention) == Decimal(expected)


@pytest.mark.parametrize(
    "text", ["", "abc", "12a", "1,5,0", "1.23.4", "1.234,5.6", "--3", "12,", "€ 12", "1 5", "nan", "inf"]
)
def test_text_that_is_no_number_is_refused_in_dutch(text):
    with pytest.raises(InvalidNumber, match="verwacht een getal zoals 12, 12,5 of 1.500"):
        parse_number(text, "nl")


def test_numbers_from_cells_pass_exactly_and_booleans_do_not():
    assert parse_number(0.1) == Decimal("0.1")
    assert parse_number(1500) == Decimal(1500)
    with pytest.raises(InvalidNumber):
        parse_number(True)
    with pytest.raises(InvalidNumber):
        parse_number(float("nan"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 1.500", "1500"),
        ("1.500,-", "1500"),
        ("€1.500,50", "1500.50"),
        ("EUR 12,50", "12.50"),
        ("1500 €", "1500"),
        ("12,5", "12.5"),
    ],
)
def test_money_as_people_type_it(text, expected):
    assert parse_money(text, "nl") == Decimal(expected)


def test_an_ambiguous_amount_is_asked_about_quoting_what_was_typed():
    with pytest.raises(AmbiguousNumber, match=r"'€ 2\.375' is niet eenduidig: bedoel je 2,375 of 2375\?"):
        parse_money("€ 2.375", "nl")


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["12.5", "2.375"], "point"),
        (["1.234,5", "2.375"], "comma"),
        (["12,5", "2.375"], "comma"),
        (["1,234.5"], "point"),
        (["1.234.567"], "comma"),
        (["1,234,567"], "point"),
        (["2.375"], None),
        (["1.500", "2.375"], None),
        (["12", "7"], None),
        (["12.5", "12,5"], None),
        (["0.375", "2.375"], "point"),
    ],
)
def test_number_convention_of_a_column(texts, expected):
    assert number_convention(texts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "01-07-2027",
        "1-7-2027",
        "1-7-27",
        "01/07/2027",
        "1.7.2027",
        "1 juli 2027",
        "1 jul 2027",
        "1 jul. 2027",
        "2027-07-01",
        "1 July 2027",
        "01-07-2027 00:00",
    ],
)
def test_dates_are_read_day_first(text):
    assert parse_date(text, "nl") == JULY_FIRST


def test_dates_from_cells_pass():
    assert parse_date(dt.datetime(2027, 7, 1, 14, 30)) == JULY_FIRST
    assert parse_date(JULY_FIRST) == JULY_FIRST


def test_month_names_and_abbreviations():
    assert parse_date("3 maart 2027") == dt.date(2027, 3, 3)
    assert parse_date("3 mrt 2027") == dt.date(2027, 3, 3)
    assert parse_date("5 sept 2027") == dt.date(2027, 9, 5)
    assert parse_date("12 Mei 2027") == dt.date(2027, 5, 12)


@pytest.mark.parametrize(
    "text", ["1-7", "0202", "02312027", "1-7-2", "1-7-202", "2027", "juli 2027", "1 juliet 2027", "7/1/2027/1"]
)
def test_incomplete_dates_are_refused(text):
    with pytest.raises(InvalidDate, match=r"verwacht een datum als dd-mm-jjjj"):
        parse_date(text, "nl")


def test_impossible_dates_are_refused():
    with pytest.raises(InvalidDate, match=r"'31-02-2027' is geen bestaande datum; controleer dag en maand"):
        parse_date("31-02-2027", "nl")
    with pytest.raises(InvalidDate, match="is not an existing date"):
        parse_date("13/13/2027", "en")


@pytest.mark.parametrize("text", ["01-07-0002", "1-7-0202", "1-7-1999", "1-7-2101", "0202-07-01"])
def test_years_outside_2000_to_2100_are_refused(text):
    with pytest.raises(InvalidDate, match="het jaar moet tussen 2000 en 2100 liggen"):
        parse_date(text, "nl")


def test_all_problems_are_value_errors():
    assert issubclass(LocaleProblem, ValueError)
    for problem in (AmbiguousNumber, InvalidNumber, InvalidDate):
        assert issubclass(problem, LocaleProblem)


def test_format_number():
    assert format_number(1500, "nl") == "1.500"
    assert format_number(1500, "en") == "1,500"
    assert format_number(12.5, "nl") == "12,5"
    assert format_number(0.1, "nl") == "0,1"
    assert format_number(0.125, "nl") == "0,125"
    assert format_number(8.5, "nl", decimals=2) == "8,50"
    assert format_number(2.25, "nl", decimals=1) == "2,3"
    assert format_number(7, "nl", decimals=0) == "7"
    assert format_number(2375, "nl", grouping=False) == "2375"
    assert format_number(1234.5, "en") == "1,234.5"


def test_numbers_from_pandas_format_as_python_numbers():
    import numpy as np

    assert format_number(np.float64(12.5), "nl") == "12,5"
    assert format_number(np.int64(1500), "nl") == "1.500"
    assert format_money(np.float64(1500.5), "nl") == "€\u00a01.500,50"
    assert format_percent(np.float64(0.52), "nl") == "52%"


def test_formatted_numbers_read_back_as_the_same_value():
    for value in (Decimal("1500"), Decimal("12.5"), Decimal("1234.5"), Decimal("0.125"), Decimal("1000000")):
        assert parse_number(format_number(value, "nl"), "nl") == value


def test_format_money():
    assert format_money(1500, "nl") == "€\u00a01.500"
    assert format_money(1500.5, "nl") == "€\u00a01.500,50"
    assert format_money(1500, "nl", cents=True) == "€\u00a01.500,00"
    assert format_money(1500.5, "nl", cents=False) == "€\u00a01.501"
    assert format_money(0.005, "nl") == "€\u00a00,01"
    assert format_money(1500, "en") == "€1,500"
    assert format_money(-20, "nl") == "€\u00a0-20"


@pytest.mark.parametrize(
    ("lang", "amounts", "shown"),
    [
        # No amount has cents: whole euros, in both languages.
        ("nl", [1500, 250, 1750], ["€\u00a01.500", "€\u00a0250", "€\u00a01.750"]),
        ("en", [1500, 250, 1750], ["€1,500", "€250", "€1,750"]),
        # One amount has cents: all of them show two decimals, and the column adds up to the cent.
        ("nl", [12.5, 1500, 1512.5], ["€\u00a012,50", "€\u00a01.500,00", "€\u00a01.512,50"]),
        ("en", [12.5, 1500, 1512.5], ["€12.50", "€1,500.00", "€1,512.50"]),
        # Float noise is no cents; a fraction of a cent rounds half away from zero.
        ("nl", [0.1 + 0.2 - 0.3, 100.0000001], ["€\u00a00", "€\u00a0100"]),
        ("nl", [2.005, 1], ["€\u00a02,01", "€\u00a01,00"]),
        ("en", [-3.25, 0], ["-€3.25", "€0.00"]),
    ],
)
def test_money_shown_together_takes_one_form_cents_for_all_or_for_none(lang, amounts, shown):
    assert format_amounts(amounts, lang) == shown
    assert [format_money(a, lang, has_cents(amounts)) for a in amounts] == shown


def test_an_amount_alone_shows_cents_only_when_it_has_them_and_never_one_decimal():
    assert format_money(12.5, "nl") == "€\u00a012,50"
    assert format_money(12.5, "en") == "€12.50"
    assert format_money(12.004, "nl") == "€\u00a012"
    assert format_money(Decimal("1500.10"), "en") == "€1,500.10"
    assert has_cents([None, 3, 4.0]) is False
    assert has_cents([None, 3, 4.01]) is True


def test_format_percent():
    assert format_percent(0.5, "nl") == "50%"
    assert format_percent(0.125, "nl", decimals=1) == "12,5%"
    assert format_percent(0.125, "en", decimals=1) == "12.5%"
    assert format_percent(0.125, "nl") == "13%"


def test_format_date():
    assert format_date(JULY_FIRST, "nl") == "1 juli 2027"
    assert format_date(JULY_FIRST, "nl", style="short") == "01-07-2027"
    assert format_date(JULY_FIRST, "nl", style="medium") == "1 jul 2027"
    assert format_date(JULY_FIRST, "nl", style="month") == "juli 2027"
    assert format_date(JULY_FIRST, "en") == "1 July 2027"
    assert format_date(JULY_FIRST, "en", style="short") == "01/07/2027"


def test_format_count_follows_the_plural_rules():
    assert format_count(0, "aandachtspunt", "aandachtspunten", "nl") == "0 aandachtspunten"
    assert format_count(1, "aandachtspunt", "aandachtspunten", "nl") == "1 aandachtspunt"
    assert format_count(2, "aandachtspunt", "aandachtspunten", "nl") == "2 aandachtspunten"
    assert format_count(1500, "location", "locations", "en") == "1,500 locations"


def test_format_change():
    assert format_change(2.4, 7.5, "nl") == "2,4 → 7,5"
    assert format_change(2, 7.5, "en", decimals=1) == "2.0 → 7.5"


def test_the_language_in_use_is_the_default(monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert format_number(1500) == "1,500"
    assert parse_number("2.375") == Decimal("2.375")
    monkeypatch.setenv("WORKBOOK_LANG", "nl")
    assert format_number(1500) == "1.500"


def test_a_unit_after_one_is_singular():
    assert unit_form(1, "rondes per nacht", "nl") == "ronde per nacht"
    assert unit_form(1.0, "medewerkers", "nl") == "medewerker"
    assert unit_form(1, "meldingen per week", "nl") == "melding per week"
    assert unit_form(1, "uren scholing", "nl") == "uur scholing"
    assert unit_form(1, "keer", "nl") == "keer"  # a word the rules do not know stays as typed
    assert unit_form(2, "rondes per nacht", "nl") == "rondes per nacht"
    assert unit_form(1.5, "rondes per nacht", "nl") == "rondes per nacht"
    assert unit_form(0, "rondes per nacht", "nl") == "rondes per nacht"
    assert unit_form(1, "%", "nl") == "%"
    assert unit_form(1, "nights", "en") == "night"


def test_a_share_that_rounds_to_zero_is_never_minus_zero():
    from workbook.language.locale import format_number, format_percent

    assert format_percent(-0.001, "nl") == "0%"
    assert format_percent(-0.0004, "nl", decimals=1) == "0,0%"
    assert format_number(-0.01, "nl", 1) == "0,0"
    assert format_percent(-0.02, "nl") == "-2%"
