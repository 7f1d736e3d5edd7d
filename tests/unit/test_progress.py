"""Progress towards targets, per location and over all locations."""

import datetime as dt

import pytest

from workbook.analysis.progress import Standing, counts_words, goal_progress, organisation_progress
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
    d1, d2, d3 = goal_progress(plan(), rows, today=dt.date(2025, 6, 1))
    assert (d1.latest, d1.latest_date, d1.n_measurements) == (35, dt.date(2025, 6, 1), 2)
    assert d1.share == pytest.approx((35 - 10) / (60 - 10))  # 0.5
    # half the way on 1 June, and 151 of 364 days have passed since the start: on track
    assert d1.on_track is True
    assert d2.share == pytest.approx((14 - 20) / (10 - 20))  # going down works too: 0.6
    assert d3.share is None and d3.on_track is None and d3.latest is None


def test_behind_schedule_is_not_on_track():
    late = location(("D1", dt.date(2025, 11, 1), 20), start=dt.date(2025, 1, 1))
    d1 = goal_progress(plan(), late, today=dt.date(2025, 11, 1))[0]
    assert d1.share == pytest.approx(0.2)
    assert d1.on_track is False  # 304 of 364 days gone, only 20 % of the way


def test_local_target_replaces_the_goal_target_and_reaching_it_is_on_track():
    local = location(("D1", dt.date(2025, 2, 1), 40), targets=[LocalTarget(goal_id="D1", target=40)])
    d1 = goal_progress(plan(), local, today=dt.date(2025, 2, 1))[0]
    assert d1.target == 40 and d1.local_target
    assert d1.share == pytest.approx(1.0) and d1.reached and d1.on_track is True


def test_without_a_deadline_on_track_is_unknown_until_reached():
    d2 = goal_progress(plan(), location(("D2", dt.date(2025, 2, 1), 15)), today=dt.date(2025, 3, 1))[1]
    assert d2.share == pytest.approx(0.5) and d2.on_track is None


def test_organisation_wide_counts_and_mean_share():
    a = location(("D1", dt.date(2025, 6, 1), 60))
    b = location(("D1", dt.date(2025, 6, 1), 35))
    c = location()
    d1 = organisation_progress(plan(), [a, b, c], today=dt.date(2025, 6, 1))[0]
    assert (d1.locations, d1.reached) == (2, 1)
    assert d1.mean_share == pytest.approx((1.0 + 0.5) / 2)
    assert len(d1.rows) == 3
    # a's 60 is the target; b is half the way on the day its line starts (its first measurement); c measures nothing
    assert {standing: n for standing, n in d1.counts.items() if n} == {Standing.reached: 1, Standing.on_track: 1}
    assert counts_words(d1.counts, "nl") == "1 gehaald, 1 op schema"
    assert counts_words(d1.counts, "en") == "1 reached, 1 on track"
    assert organisation_progress(plan(), [])[0].mean_share is None


# --- dated per location: the location's own period (DOMAIN: "Judging progress per location") ---

TRAINED = Goal(id="T", text="Vóór de start 90% getraind", unit="%", baseline=10, target=90, due_after_start=0)
ROUNDS = Goal(
    id="R",
    text="Binnen vier maanden minder rondes",
    baseline=4,
    target=1,
    deadline=dt.date(2027, 8, 31),
    due_after_start=4,
)


def test_a_goal_due_before_the_start_is_behind_when_the_start_is_near_and_the_target_far():
    kolk = location(
        ("T", dt.date(2026, 10, 31), 35),
        ("T", dt.date(2026, 11, 13), 52),
        start=dt.date(2026, 12, 7),
        end=dt.date(2027, 4, 2),
        phase="starting",
    )
    (row,) = goal_progress(Plan(goals=[TRAINED]), kolk, today=dt.date(2026, 12, 1))
    assert row.due == dt.date(2026, 12, 7)
    # 52% is 0.525 of the way; 31 of the 37 days from the first measurement to the start have gone
    assert row.standing == Standing.behind and row.on_track is False


def test_a_relative_goal_is_dated_from_each_locations_own_start_not_the_shared_deadline():
    early = location(
        ("R", dt.date(2026, 3, 1), 2), start=dt.date(2026, 1, 5), end=dt.date(2026, 12, 31), phase="running"
    )
    (row,) = goal_progress(Plan(goals=[ROUNDS]), early, today=dt.date(2026, 6, 1))
    assert row.due == dt.date(2026, 5, 5)  # four months after 5 January, not 31 August 2027
    assert row.standing == Standing.late and row.on_track is False


def test_a_location_past_its_end_date_and_not_finished_is_late_never_on_track():
    ended = location(
        ("D1", dt.date(2025, 3, 1), 55), start=dt.date(2025, 1, 1), end=dt.date(2025, 4, 30), phase="running"
    )
    d1 = goal_progress(plan(), ended, today=dt.date(2025, 5, 10))[0]
    # 0.9 of the way and the shared deadline (31 December) is far off, but the location's period is over
    assert d1.standing == Standing.late


def test_a_finished_location_that_did_not_reach_a_goal_missed_it():
    done = location(
        ("T", dt.date(2025, 9, 30), 60), start=dt.date(2025, 10, 6), end=dt.date(2026, 2, 13), phase="finished"
    )
    (row,) = goal_progress(Plan(goals=[TRAINED]), done, today=dt.date(2026, 12, 1))
    assert row.standing == Standing.missed


def test_without_a_location_start_a_relative_goal_falls_back_to_the_deadline():
    undated = location(("R", dt.date(2027, 1, 1), 2))
    (row,) = goal_progress(Plan(goals=[ROUNDS]), undated, today=dt.date(2027, 1, 2))
    assert row.due == dt.date(2027, 8, 31)
