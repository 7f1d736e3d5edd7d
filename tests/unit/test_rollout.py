"""Rollout schedule: wave order, concurrency, own dates, total duration."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.analysis.rollout import add_months, months_between, schedule
from workbook.model import Location, Plan, Rollout, Wave

START = dt.date(2025, 1, 1)


def plan_with(**rollout) -> Plan:
    plan = Plan()
    plan.spread.rollout = Rollout(**rollout)
    return plan


def locations(*slugs: str, **dates) -> list[Location]:
    return [Location(slug=slug, name=slug.title(), **dates.get(slug, {})) for slug in slugs]


def test_add_months_clamps_the_day():
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 11, 15), 3) == dt.date(2026, 2, 15)
    assert add_months(dt.date(2025, 3, 15), -4) == dt.date(2024, 11, 15)
    assert months_between(START, dt.date(2025, 9, 1)) == 8.0


def test_two_at_a_time_four_months_each():
    plan = plan_with(start=START, max_concurrent=2, months_per_location=4)
    result = schedule(plan, locations("a", "b", "c", "d", "e"))
    starts = [(slot.slug, slot.start) for slot in result.slots]
    # a, b start together; c, d when they end (4 months later); e after that
    may, sep = dt.date(2025, 5, 1), dt.date(2025, 9, 1)
    assert starts == [("a", START), ("b", START), ("c", may), ("d", may), ("e", sep)]
    assert result.end == dt.date(2026, 1, 1)
    assert result.months == 12.0
    assert result.unscheduled == []


def test_waves_set_the_order_and_the_rest_follows():
    plan = plan_with(
        start=START,
        max_concurrent=1,
        months_per_location=3,
        waves=[Wave(name="Golf 1", locations=["c", "onbekend"]), Wave(name="Golf 2", locations=["a"])],
    )
    result = schedule(plan, locations("a", "b", "c"))
    assert [(s.slug, s.wave) for s in result.slots] == [("c", "Golf 1"), ("a", "Golf 2"), ("b", None)]
    assert [s.start for s in result.slots] == [START, dt.date(2025, 4, 1), dt.date(2025, 7, 1)]
    assert result.months == 9.0


def test_own_dates_are_kept_and_take_a_place():
    plan = plan_with(start=START, max_concurrent=1, months_per_location=4)
    own = {"a": {"start": dt.date(2025, 2, 1), "end": dt.date(2025, 5, 1)}}
    result = schedule(plan, locations("a", "b", **own))
    a, b = result.slots
    assert (a.start, a.end, a.own_dates) == (dt.date(2025, 2, 1), dt.date(2025, 5, 1), True)
    # b may not start before a (order), and only one at a time: it starts when a ends
    assert (b.start, b.end, b.own_dates) == (dt.date(2025, 5, 1), dt.date(2025, 9, 1), False)


def test_only_an_end_date_gives_the_start():
    plan = plan_with(start=START, months_per_location=6)
    result = schedule(plan, locations("a", a={"end": dt.date(2025, 12, 1)}))
    assert result.slots[0].start == dt.date(2025, 6, 1)


def test_without_any_start_nothing_is_scheduled():
    result = schedule(Plan(), locations("a", "b"))
    assert result.slots == [] and result.unscheduled == ["A", "B"]
    assert result.start is None and result.months == 0.0


def test_without_rollout_start_the_earliest_own_date_is_used():
    plan = plan_with(max_concurrent=1, months_per_location=3)
    result = schedule(plan, locations("a", "b", b={"start": dt.date(2025, 3, 1)}))
    assert result.slots[0].start == dt.date(2025, 6, 1)  # a waits for b, which runs Mar-Jun


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=9),
    limit=st.integers(min_value=1, max_value=4),
    months=st.integers(min_value=3, max_value=6),
)
def test_never_more_than_max_concurrent_and_order_kept(count, limit, months):
    plan = plan_with(start=START, max_concurrent=limit, months_per_location=months)
    result = schedule(plan, locations(*[f"l{i}" for i in range(count)]))
    slots = result.slots
    assert len(slots) == count
    assert [s.start for s in slots] == sorted(s.start for s in slots)
    for slot in slots:
        running = [other for other in slots if other.start <= slot.start < other.end]
        assert len(running) <= limit
        assert slot.end == add_months(slot.start, months)
    expected_rounds = -(-count // limit)  # ceiling
    assert result.months == (expected_rounds * months if count else 0.0)
