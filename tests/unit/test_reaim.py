"""RE-AIM over hand-made locations: each dimension worked out by hand, and the reasons a value is missing."""

import datetime as dt

import pytest

from workbook.analysis.reaim import definitions, participants, reach_can_be_shown, reaim
from workbook.model import (
    Clients,
    Evaluation,
    Goal,
    GoalKind,
    Location,
    Measurement,
    Phase,
    Plan,
    RunbookActivity,
    Status,
)

TODAY = dt.date(2026, 1, 1)


def plan(unit: str = "cliënten", reach_goal: str = "D2") -> Plan:
    return Plan(
        goals=[
            Goal(id="D1", text="Valincidenten", kind=GoalKind.outcome, unit="per maand", baseline=20, target=10),
            Goal(id="D2", text="Gebruik dispenser", kind=GoalKind.process, unit=unit, baseline=0, target=30),
            Goal(id="D3", text="Getraind vóór de start", kind=GoalKind.milestone, unit="%", baseline=0, target=90),
            Goal(id="D4", text="Dubbele controle", kind=GoalKind.process, unit="%", baseline=0, target=95),
        ],
        evaluation=Evaluation(reach_goal=reach_goal),
    )


def locations() -> list[Location]:
    noord = Location(
        slug="noord",
        name="Noord",
        phase=Phase.finished,
        start=dt.date(2025, 1, 6),
        end=dt.date(2025, 5, 1),
        clients=Clients(suitable=40),
        measurements=[
            Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=30),
            Measurement(goal_id="D3", date=dt.date(2025, 12, 1), value=60),  # a milestone: not maintenance
            Measurement(goal_id="D4", date=dt.date(2025, 4, 1), value=96),
            Measurement(goal_id="D4", date=dt.date(2025, 12, 1), value=90),
        ],
        runbook=[RunbookActivity(activity="a", status=Status.done), RunbookActivity(activity="b", status=Status.done)],
    )
    zuid = Location(
        slug="zuid",
        name="Zuid",
        phase=Phase.running,
        start=dt.date(2025, 9, 1),
        clients=Clients(suitable=20),
        measurements=[
            Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=5),
            Measurement(goal_id="D1", date=dt.date(2025, 8, 1), value=20),  # before the start: a baseline
            Measurement(goal_id="D1", date=dt.date(2025, 12, 1), value=10),
        ],
        runbook=[RunbookActivity(activity="c", status=Status.todo)],
    )
    west = Location(
        slug="west", name="West", phase=Phase.planned, start=dt.date(2026, 3, 1), clients=Clients(suitable=50)
    )
    return [noord, zuid, west]


def test_dimensions_by_hand():
    result = reaim(plan(), locations(), today=TODAY, lang="nl")
    # Reach: (30 + 5) of (40 + 20) by the reach goal D2; West has not started
    assert (result.reach.numerator, result.reach.denominator) == (35, 60)
    # Effectiveness: outcome goal D1 measured since the start only at Zuid, 10 (target 10): 1 of 1
    assert (result.effectiveness.numerator, result.effectiveness.denominator) == (1, 1)
    # Adoption: Noord (finished) and Zuid (running) of 3
    assert result.adoption.value == pytest.approx(2 / 3)
    # Implementation: process goals but the reach goal: D4 at Noord (90, target 95) not at target
    assert (result.implementation.numerator, result.implementation.denominator) == (0, 1)
    # Maintenance: Noord ended 2025-05-01; D2 (30 of 30) and D4 (90 of 95) measured 2025-12-01; D3 is a milestone
    assert (result.maintenance.numerator, result.maintenance.denominator) == (1, 2)
    assert [d.key for d in result] == ["reach", "effectiveness", "adoption", "implementation", "maintenance"]


def test_finished_runbook_activities_are_not_implementation():
    done = [
        loc.model_copy(update={"runbook": [RunbookActivity(activity="x", status=Status.done)]}) for loc in locations()
    ]
    assert (
        reaim(plan(), done, today=TODAY).implementation.value
        == reaim(plan(), locations(), today=TODAY).implementation.value
    )


def test_a_location_that_has_not_started_is_too_early_not_zero():
    west = reaim(plan(), [locations()[2]], today=TODAY, lang="nl")
    for dimension in (west.reach, west.effectiveness, west.implementation, west.maintenance):
        assert (dimension.value, dimension.state_label) == (None, "nog niet te zeggen"), dimension.key
    assert west.adoption.value == 0


def test_missing_data_says_not_measured_and_why():
    zuid = locations()[1].model_copy(update={"measurements": []})
    result = reaim(plan(), [zuid], today=TODAY, lang="nl")
    assert result.effectiveness.state_label == "niet gemeten"
    assert result.effectiveness.explanation == "geen meting van de uitkomstdoelen sinds de start"
    no_reach_goal = reaim(plan(reach_goal=""), locations()[:2], today=TODAY, lang="nl")
    assert no_reach_goal.reach.state_label == "niet gemeten"
    no_kinds = Plan(goals=[g.model_copy(update={"kind": None}) for g in plan().goals])
    assert reaim(no_kinds, locations()[:1], today=TODAY, lang="nl").effectiveness.explanation == (
        "het plan heeft geen uitkomstdoelen"
    )


def test_maintenance_waits_six_months_after_the_end_and_needs_a_measurement_then():
    noord = locations()[0]
    recently = reaim(plan(), [noord], today=dt.date(2025, 10, 1), lang="nl").maintenance
    assert (recently.value, recently.state_label) == (None, "nog niet te zeggen")
    assert "1 november 2025" in recently.explanation
    early_measurements = [m for m in noord.measurements if m.date < dt.date(2025, 11, 1)]
    unmeasured = reaim(plan(), [noord.model_copy(update={"measurements": early_measurements})], today=TODAY, lang="nl")
    assert unmeasured.maintenance.state_label == "niet gemeten"


def test_percentage_unit_turns_into_participants():
    result = reaim(plan(unit="%"), locations(), today=TODAY)
    # 30 % of 40 = 12 and 5 % of 20 = 1
    assert result.reach.numerator == pytest.approx(13)
    assert result.reach.value == pytest.approx(13 / 60)


def test_reach_of_a_location_is_hidden_when_few_clients_take_part():
    zuid = locations()[1]  # 5 of 20 take part
    assert participants(plan(), zuid) == 5 and reach_can_be_shown(plan(), zuid)
    few = zuid.model_copy(update={"measurements": [Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=3)]})
    assert not reach_can_be_shown(plan(), few)


def test_no_locations_give_no_values_and_english_words():
    result = reaim(plan(), [], today=TODAY, lang="en")
    assert all(d.value is None for d in result)
    assert result.adoption.state_label == "too early to tell"
    assert [label for label, _ in definitions("en")] == [
        "Reach",
        "Effectiveness",
        "Adoption",
        "Implementation",
        "Maintenance",
    ]
    assert all(meaning for _, meaning in definitions("nl"))
