"""When each location takes its turn: waves in order, a limited number at once.

Locations are taken in the order of ``plan.spread.rollout.waves`` (then any location not in a
wave, in the order given). A location with its own start and/or end date keeps them (a missing
one follows from ``months_per_location``). Every other location gets ``months_per_location``
months from the earliest moment when

- it does not start before the location before it in the order (so waves stay in sequence), and
- fewer than ``max_concurrent`` locations are running at any time during its months.

The rollout starts at ``rollout.start``; without one, at the earliest date a location has.
Without either, nothing can be placed and every location is listed as unscheduled.

The phasing follows the plan's approach (``basics.approach``). Top-down (planned), the waves are
steps the project group takes one after the other: a location of a wave starts no earlier than the
end of every location of the waves before it (locations in no wave form a last step), so that the
group can evaluate and adjust between two waves. Bottom-up, mixed or not chosen, the waves only set
the order and locations overlap as far as ``max_concurrent`` allows: a location starts as soon as
there is room.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.model import Approach, Location, Plan

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Slot:
    slug: str
    name: str
    wave: str | None
    start: dt.date
    end: dt.date
    own_dates: bool
    """True when the location's own start or end date was used."""


@dataclass(frozen=True)
class Schedule:
    slots: list[Slot]
    unscheduled: list[str]
    """Names of locations that could not be placed (no start date known)."""
    max_concurrent: int

    @property
    def start(self) -> dt.date | None:
        return min((slot.start for slot in self.slots), default=None)

    @property
    def end(self) -> dt.date | None:
        return max((slot.end for slot in self.slots), default=None)

    @property
    def most_at_once(self) -> int:
        """The most locations running at the same moment (the real number, not the configured maximum)."""
        return max((sum(1 for s in self.slots if s.start <= slot.start < s.end) for slot in self.slots), default=0)

    @property
    def months(self) -> float:
        """The whole rollout in months (one decimal); 0 when nothing is scheduled."""
        start, end = self.start, self.end
        if start is None or end is None:  # nothing scheduled
            return 0.0
        return months_between(start, end)


def add_months(date: dt.date, months: int) -> dt.date:
    """`date` plus `months` calendar months (the day is clamped to the month's length)."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> float:
    """Calendar months from `start` to `end`, the remaining days as a fraction (one decimal)."""
    whole = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, whole) > end:
        whole -= 1
    rest = (end - add_months(start, whole)).days
    return round(whole + rest / DAYS_PER_MONTH, 1)


def _ordered(plan: Plan, locations: list[Location]) -> list[tuple[Location, str | None]]:
    """Locations in wave order with their wave's name, then the rest in the order given."""
    by_slug = {location.slug: location for location in locations}
    ordered: list[tuple[Location, str | None]] = []
    seen: set[str] = set()
    for wave in plan.spread.rollout.waves:
        for slug in wave.locations:
            if slug in by_slug and slug not in seen:
                ordered.append((by_slug[slug], wave.name))
                seen.add(slug)
    ordered += [(location, None) for location in locations if location.slug not in seen]
    return ordered


def _own_dates(location: Location, months: int) -> tuple[dt.date, dt.date] | None:
    if location.start and location.end:
        return location.start, location.end
    if location.start:
        return location.start, add_months(location.start, months)
    if location.end:
        return add_months(location.end, -months), location.end
    return None


def _busy(taken: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> int:
    """The most locations running at once within [start, end)."""
    moments = [start] + [s for s, _ in taken if start < s < end]
    return max(sum(1 for s, e in taken if s <= moment < e) for moment in moments)


def _first_free(taken: list[tuple[dt.date, dt.date]], earliest: dt.date, months: int, limit: int) -> dt.date:
    """The earliest start from `earliest` on with room for `months` months."""
    start = earliest
    while _busy(taken, start, add_months(start, months)) >= limit:
        start = min(e for s, e in taken if e > start)
    return start


def schedule(plan: Plan, locations: Iterable[Location]) -> Schedule:
    """Start and end per location, in rollout order, at most ``max_concurrent`` at once."""
    rollout = plan.spread.rollout
    months, limit = rollout.months_per_location, rollout.max_concurrent
    ordered = _ordered(plan, list(locations))
    fixed = {loc.slug: dates for loc, _ in ordered if (dates := _own_dates(loc, months))}
    first = rollout.start or min((start for start, _ in fixed.values()), default=None)
    if first is None:
        return Schedule([], [location.name for location, _ in ordered], limit)

    taken = list(fixed.values())
    in_waves = plan.basics.approach == Approach.top_down
    slots: list[Slot] = []
    cursor, gate, step = first, first, object()
    for location, wave in ordered:
        if in_waves and wave != step:  # a new wave: it waits for the waves before it
            gate = max((slot.end for slot in slots), default=first)
            step = wave
        if location.slug in fixed:
            start, end = fixed[location.slug]
        else:
            start = _first_free(taken, max(cursor, gate), months, limit)
            end = add_months(start, months)
            taken.append((start, end))
        cursor = max(cursor, start)
        slots.append(Slot(location.slug, location.name, wave, start, end, location.slug in fixed))
    return Schedule(slots, [], limit)


@dataclass(frozen=True)
class WaveSpan:
    """One wave of a schedule: its name, its locations and when its first starts and its last ends."""

    name: str | None
    """None: the locations in no wave."""
    names: tuple[str, ...]
    start: dt.date
    end: dt.date


def wave_spans(result: Schedule) -> list[WaveSpan]:
    """The waves of `result` in rollout order (locations in no wave as a last span named None)."""
    spans: list[WaveSpan] = []
    for slot in result.slots:
        if spans and spans[-1].name == slot.wave:
            last = spans[-1]
            spans[-1] = WaveSpan(
                last.name, (*last.names, slot.name), min(last.start, slot.start), max(last.end, slot.end)
            )
        else:
            spans.append(WaveSpan(slot.wave, (slot.name,), slot.start, slot.end))
    return spans


def planned_schedule(plan: Plan, locations: Iterable[Location]) -> Schedule:
    """The schedule the rollout plan alone gives (waves, months per location, the maximum at once),
    ignoring the locations' own dates: what was planned, to set beside what happens."""
    return schedule(plan, [location.model_copy(update={"start": None, "end": None}) for location in locations])
