"""Progress towards targets, per location and over all locations."""

import datetime as dt

import pytest

from workbook.analysis.progress import goal_progress, organisation_progress
from workbook.model import Goal, LocalTarget, Location, Measurement, Plan


def plan() -> Plan:
    return Plan(
        goals=[
            Goal(id="D1", text="Gebruik dispenser", unit="%", baseline=10, target=60, deadline=dt.date(2025, 12, 31)),
            Goal(id="D2", text="Minder valincidenten", unit="per maand", baseline=20, target=10),
            Goal(id="D3", text="Tevreden cliënten", unit="cijfer"),
        ]
    )


def location(*rows: tuple[str, dt.date, float], **fields) -> Location:
    measurements = [Measurement(goal_id=g, date=d, value=v) for g, d, v in rows]
    return Location(slug="noord", name="Noord", measurements=measurements, **fields)


def test_share_uses_the_latest_measurement_and_the_baseline():
    rows = location(
        ("D1", dt.date(2025, 6, 1), 35),
        ("D1", dt.date(2025, 3, 1), 20),  # older, listed later on purpose
        ("D2", dt.date(2025, 6, 1), 14),
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 12, 31),
    )
    d1, d2, d3 = goal_progress(plan(), rows)
    assert (d1.latest, d1.latest_date, d1.n_measurements) == (35, dt.date(2025, 6, 1), 2)
    assert d1.share == pytest.approx((35 - 10) / (60 - 10))  # 0.5
    # half the way on 1 June, and 151 of 364 days have passed since the start: on track
    assert d1.on_track is True
    assert d2.share == pytest.approx((14 - 20) / (10 - 20))  # going down works too: 0.6
    assert d3.share is None and d3.on_track is None and d3.latest is None


def test_behind_schedule_is_not_on_track():
    late = location(("D1", dt.date(2025, 11, 1), 20), start=dt.date(2025, 1, 1))
    d1 = goal_progress(plan(), late)[0]
    assert d1.share == pytest.approx(0.2)
    assert d1.on_track is False  # 304 of 364 days gone, only 20 % of the way


def test_local_target_replaces_the_goal_target_and_reaching_it_is_on_track():
    local = location(("D1", dt.date(2025, 2, 1), 40), targets=[LocalTarget(goal_id="D1", target=40)])
    d1 = goal_progress(plan(), local)[0]
    assert d1.target == 40 and d1.local_target
    assert d1.share == pytest.approx(1.0) and d1.reached and d1.on_track is True


def test_without_a_deadline_on_track_is_unknown_until_reached():
    d2 = goal_progress(plan(), location(("D2", dt.date(2025, 2, 1), 15)))[1]
    assert d2.share == pytest.approx(0.5) and d2.on_track is None


def test_organisation_wide_counts_and_mean_share():
    a = location(("D1", dt.date(2025, 6, 1), 60))
    b = location(("D1", dt.date(2025, 6, 1), 35))
    c = location()
    d1 = organisation_progress(plan(), [a, b, c])[0]
    assert (d1.locations, d1.reached) == (2, 1)
    assert d1.mean_share == pytest.approx((1.0 + 0.5) / 2)
    assert len(d1.rows) == 3
    assert organisation_progress(plan(), [])[0].mean_share is None
