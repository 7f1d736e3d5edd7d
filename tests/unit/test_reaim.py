"""RE-AIM over locations, each dimension computed by hand."""

import datetime as dt

import pytest

from workbook.analysis.reaim import client_goal, reaim
from workbook.model import Clients, Goal, Location, Measurement, Phase, Plan, RunbookActivity, Status

TODAY = dt.date(2026, 1, 1)


def plan(unit: str = "cliënten") -> Plan:
    return Plan(
        goals=[
            Goal(id="D1", text="Valincidenten", unit="per maand", baseline=20, target=10),
            Goal(
                id="D2", text="Gebruik dispenser", unit=unit, indicator="cliënten met dispenser", baseline=0, target=30
            ),
        ]
    )


def locations() -> list[Location]:
    noord = Location(
        slug="noord",
        name="Noord",
        phase=Phase.finished,
        end=dt.date(2025, 5, 1),
        clients=Clients(suitable=40),
        measurements=[Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=30)],
        runbook=[RunbookActivity(activity="a", status=Status.done), RunbookActivity(activity="b", status=Status.done)],
    )
    zuid = Location(
        slug="zuid",
        name="Zuid",
        phase=Phase.running,
        clients=Clients(suitable=20),
        measurements=[
            Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=5),
            Measurement(goal_id="D1", date=dt.date(2025, 12, 1), value=10),
        ],
        runbook=[
            RunbookActivity(activity="c", status=Status.todo),
            RunbookActivity(activity="d", status=Status.cancelled),
        ],
    )
    west = Location(slug="west", name="West", phase=Phase.planned, clients=Clients(suitable=50))
    return [noord, zuid, west]


def test_client_goal_is_found_by_unit_or_indicator():
    assert client_goal(plan()).id == "D2"
    assert client_goal(Plan()) is None


def test_dimensions_by_hand():
    result = reaim(plan(), locations(), today=TODAY, lang="nl")
    # Reach: (30 + 5) of (40 + 20); West has no measurement and does not count
    assert (result.reach.numerator, result.reach.denominator) == (35, 60)
    assert result.reach.value == pytest.approx(35 / 60)
    # Effectiveness: Noord D2 30/30 reached, Zuid D2 5/30 not, Zuid D1 10 (target 10) reached
    assert (result.effectiveness.numerator, result.effectiveness.denominator) == (2, 3)
    # Adoption: Noord (finished) and Zuid (running) of 3
    assert result.adoption.value == pytest.approx(2 / 3)
    # Implementation: 2 done of 3 (the cancelled one does not count)
    assert (result.implementation.numerator, result.implementation.denominator) == (2, 3)
    # Maintenance: Noord ended 2025-05-01, at least 6 months before today, still at target
    assert (result.maintenance.numerator, result.maintenance.denominator) == (1, 1)
    assert (result.reach.numerator, result.reach.denominator) == (35, 60)
    # the report says what reach counts, not the client counts themselves (small-cell rule)
    assert not any(character.isdigit() for character in result.reach.explanation)
    assert [d.key for d in result] == ["reach", "effectiveness", "adoption", "implementation", "maintenance"]


def test_percentage_unit_turns_into_participants():
    result = reaim(plan(unit="% cliënten"), locations(), today=TODAY)
    # 30 % of 40 = 12 and 5 % of 20 = 1
    assert result.reach.numerator == pytest.approx(13)


def test_recently_finished_locations_do_not_count_for_maintenance():
    result = reaim(plan(), locations(), today=dt.date(2025, 10, 1))
    assert result.maintenance.denominator == 0 and result.maintenance.value is None


def test_no_locations_give_no_values():
    result = reaim(plan(), [], today=TODAY, lang="en")
    assert all(d.value is None for d in result)
    assert result.adoption.explanation == "No data yet"


def test_participants_are_whole_clients():
    location = Location(
        slug="oost",
        name="Oost",
        clients=Clients(suitable=15),
        measurements=[Measurement(goal_id="D2", date=dt.date(2025, 12, 1), value=30)],
    )
    result = reaim(plan(unit="%"), [location], today=TODAY, lang="nl")
    assert result.reach.numerator == 5  # 30 % of 15 is 4.5 clients: 5, never "4,5 van 15"
    assert result.reach.denominator == 15
