"""The SMART check reads Dutch goals as an expert does; reasons quote the goal and show values in the locale."""

import datetime as dt

import pytest

from workbook.analysis.smart import Outcome, check_goal
from workbook.model import Goal


def verdict(text: str, **fields):
    return check_goal(Goal(id="D1", text=text, **fields), "nl")


def test_a_vague_aim_is_not_specific_whatever_its_grammar():
    found = verdict("Wij willen de kwaliteit van leven vergroten.")
    assert found["S"].outcome == Outcome.not_met
    assert "'kwaliteit van leven' is een streven" in found["S"].reason


def test_a_change_in_an_observable_quantity_is_specific_without_a_team():
    found = verdict("De doorlooptijd van een aanvraag daalt van 21 naar 10 werkdagen.")
    assert found["S"].outcome == Outcome.met
    assert found["M"].outcome == Outcome.met
    assert found["M"].reason == "Het doel noemt hoeveel: van 21 naar 10."
    assert found["T"].outcome == Outcome.not_met


def test_alle_counts_only_with_something_observable():
    observable = verdict("Alle verpleegkundigen van de Linde hebben de e-learning valpreventie afgerond.")
    assert observable["M"].outcome == Outcome.met
    assert observable["M"].reason == "'alle verpleegkundigen' is meetbaar als aandeel: streef naar 100%."
    feeling = verdict("Alle cliënten voelen zich gehoord.")
    assert feeling["M"].outcome == Outcome.not_met
    assert "bevat een getal" not in feeling["M"].reason


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Het team bespreekt ieder kwartaal de valincidenten.", "ieder kwartaal"),
        ("Drie keer per jaar evalueert het team de zorgplannen.", "drie keer per jaar"),
        ("In week 40 gebruikt het team de nieuwe app.", "week 40"),
        ("Over twee jaar werkt het team met de app.", "over twee jaar"),
        ("Binnen acht weken na de overstap registreert het team elke val in het EPD.", "binnen acht weken"),
        ("Op 1 juli 2027 gebruikt het team de app.", "1 juli 2027"),
    ],
)
def test_recurring_relative_and_week_timing_is_time_bound(text, when):
    found = verdict(text)["T"]
    assert found.outcome == Outcome.met
    assert when in found.reason


@pytest.mark.parametrize(
    "text",
    [
        "Het aantal separaties daalt van 12 naar 4 per jaar.",
        "Het aantal valincidenten daalt met 20% ten opzichte van 2026.",
        "De verpleegkundige belt elke cliënt binnen 48 uur na ontslag.",
    ],
)
def test_rates_baseline_years_and_norms_are_not_deadlines(text):
    assert verdict(text)["T"].outcome == Outcome.not_met


def test_a_norm_per_case_is_named_in_the_reason():
    assert verdict("De verpleegkundige belt elke cliënt binnen 48 uur na ontslag.")["T"].reason.startswith(
        "'binnen 48 uur na ontslag' is een norm per keer"
    )


def test_numbers_that_only_say_when_or_name_something_are_not_measures():
    assert verdict("In 2027 gebruiken de leerlingen van groep 8 de app.")["M"].outcome == Outcome.not_met


def test_field_values_are_shown_in_the_locale():
    goal = dict(baseline=2.5, target=7.5, unit="uur", deadline=dt.date(2026, 3, 31))
    dutch = verdict("Het team gebruikt de app.", **goal)
    assert dutch["M"].reason == "Nulmeting en streefwaarde zijn ingevuld (2,5 → 7,5 uur)."
    assert dutch["T"].reason == "De deadline is 31 maart 2026."
    english = check_goal(Goal(id="D1", text="The team uses the app.", **goal), "en")
    assert english["M"].reason == "Baseline and target are filled in (2.5 → 7.5 uur)."
    assert english["T"].reason == "The deadline is 31 March 2026."
    big = verdict("Het team gebruikt de app.", target=1500, unit="%")
    assert big["M"].reason == "Er is een streefwaarde ingevuld (1.500%)."


def test_a_number_without_what_it_counts_is_not_specific():
    found = verdict("We willen 25% beter scoren.")
    assert found["S"].outcome == Outcome.not_met
    assert "Bij '25%' staat niet waarvan" in found["S"].reason
