"""SMART check on Dutch goals: good and bad examples, fields and text."""

import datetime as dt

import pytest

from workbook.analysis.smart import Outcome, check_goal
from workbook.model import Goal

GOOD = [
    "Op 1 juli 2025 gebruikt 60% van de cliënten van team Noord de medicijndispenser.",
    "In Q3 2025 registreren alle verpleegkundigen valincidenten binnen 24 uur in het EPD.",
    "Eind 2026 krijgen 40 bewoners van De Linde hun medicatie via de dispenser.",
    "Eind 2027 is het aantal valincidenten 's nachts op de locaties een kwart lager dan in 2025.",
]
VAGUE = ["Betere zorg voor cliënten.", "Meer tevreden medewerkers.", "De kwaliteit van zorg verbeteren."]


def outcomes(goal: Goal) -> dict[str, Outcome]:
    return {key: verdict.outcome for key, verdict in check_goal(goal, "nl").criteria.items()}


@pytest.mark.parametrize("text", GOOD)
def test_good_dutch_goals_meet_s_m_and_t(text):
    found = outcomes(Goal(id="D1", text=text))
    assert (found["S"], found["M"], found["T"]) == (Outcome.met, Outcome.met, Outcome.met)
    assert not check_goal(Goal(id="D1", text=text)).hints


@pytest.mark.parametrize("text", VAGUE)
def test_vague_goals_fail_m_and_t_and_get_a_hint(text):
    verdict = check_goal(Goal(id="D1", text=text), "nl")
    assert verdict["M"].outcome == Outcome.not_met
    assert verdict["T"].outcome == Outcome.not_met
    assert verdict.hints and "vaag" in verdict.hints[0]
    assert not verdict.smart


def test_years_and_dates_are_not_counted_as_measurable_numbers():
    verdict = check_goal(Goal(id="D1", text="Per 1-3-2025 werkt team Zuid met de app."), "nl")
    assert verdict["T"].outcome == Outcome.met
    assert verdict["M"].outcome == Outcome.not_met


def test_fields_make_a_goal_measurable_and_time_bound():
    goal = Goal(id="D1", text="Het team gebruikt de app.", baseline=10, target=60, deadline=dt.date(2025, 12, 31))
    verdict = check_goal(goal, "nl")
    assert verdict["M"].outcome == Outcome.met and "10 → 60" in verdict["M"].reason
    assert verdict["T"].outcome == Outcome.met and "31 december 2025" in verdict["T"].reason


def test_specific_needs_an_action_and_an_actor_or_owner():
    no_actor = Goal(id="D1", text="Valincidenten registreren in het EPD.")
    assert check_goal(no_actor, "nl")["S"].outcome == Outcome.not_met
    assert "Wie" in check_goal(no_actor, "nl")["S"].reason
    with_owner = no_actor.model_copy(update={"owner": "Teamleider Noord"})
    assert check_goal(with_owner, "nl")["S"].outcome == Outcome.met
    no_action = Goal(id="D1", text="Tevreden cliënten.", owner="Anna")
    assert check_goal(no_action, "nl")["S"].outcome == Outcome.not_met


def test_empty_goal_is_not_specific():
    verdict = check_goal(Goal(id="D1", text=""), "nl")
    assert verdict["S"].outcome == Outcome.not_met
    assert verdict["S"].reason == "Het doel is nog leeg."


def test_acceptable_and_realistic_follow_the_users_answers():
    goal = Goal(id="D1", text=GOOD[0])
    assert outcomes(goal)["A"] == Outcome.unknown
    assert outcomes(goal)["R"] == Outcome.unknown
    assert [v.criterion for v in check_goal(goal).questions] == ["A", "R"]
    answered = goal.model_copy(update={"acceptable": True, "realistic": False})
    assert outcomes(answered)["A"] == Outcome.met
    assert outcomes(answered)["R"] == Outcome.not_met
    everything = goal.model_copy(update={"acceptable": True, "realistic": True})
    assert check_goal(everything).smart


def test_target_without_baseline_gets_a_hint():
    verdict = check_goal(Goal(id="D1", text="Het team gebruikt de app vaker.", target=80), "nl")
    assert verdict["M"].outcome == Outcome.met
    assert any("nulmeting" in hint for hint in verdict.hints)


def test_a_target_of_one_reads_in_the_singular():
    goal = Goal(id="D2", text="Het team loopt minder vaste rondes.", target=1.0, unit="rondes per nacht")
    assert check_goal(goal, "nl")["M"].reason == "Er is een streefwaarde ingevuld (1 ronde per nacht)."


def test_reasons_come_in_english_on_request():
    verdict = check_goal(Goal(id="D1", text="Better care."), "en")
    assert verdict["T"].reason.startswith("By when")
    assert "vague" in verdict.hints[0]
