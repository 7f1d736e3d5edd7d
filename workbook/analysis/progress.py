"""Progress per goal: from the baseline (nulmeting) towards the target, per location and overall.

- The target is the location's own target when it has one (``Location.targets``), else the
  goal's target.
- Share = (latest - baseline) / (target - baseline): 0 at the baseline, 1 at the target; it may
  exceed 1, and it works the same for goals that aim to go down. Without a baseline the first
  measurement serves as one.
- On track: yes when the target is reached. Otherwise the share is compared with the share of
  time that has passed between the first measurement (or the location's start) and the
  deadline (the goal's deadline, else the location's end date), at the latest measurement:
  on track when the progress keeps up with the time. Unknown without a measurement, a target
  or a deadline.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.model import Goal, Location, Measurement, Plan


@dataclass(frozen=True)
class GoalProgress:
    goal_id: str
    text: str
    unit: str
    baseline: float | None
    target: float | None
    local_target: bool
    """True when the target is the location's own."""
    latest: float | None
    latest_date: dt.date | None
    share: float | None
    """0 at the baseline, 1 at the target; may exceed 1 or be negative."""
    on_track: bool | None
    n_measurements: int

    @property
    def reached(self) -> bool:
        return self.share is not None and self.share >= 1


@dataclass(frozen=True)
class OrganisationGoalProgress:
    """One goal over all locations."""

    goal_id: str
    text: str
    unit: str
    target: float | None
    locations: int
    """Locations with at least one measurement of this goal."""
    reached: int
    on_track: int
    mean_share: float | None
    """Mean share over the locations with a known share."""
    rows: list[GoalProgress]
    """Per location (measured or not), in the order given."""


def _share(baseline: float | None, target: float | None, latest: float | None) -> float | None:
    if baseline is None or target is None or latest is None:
        return None
    if target == baseline:
        return 1.0 if latest == target else 0.0
    return (latest - baseline) / (target - baseline)


def _on_track(share: float | None, start: dt.date | None, deadline: dt.date | None, at: dt.date | None) -> bool | None:
    if share is None:
        return None
    if share >= 1:
        return True
    if start is None or deadline is None or at is None or deadline <= start:
        return None
    elapsed = min(max((at - start).days / (deadline - start).days, 0.0), 1.0)
    return share >= elapsed


def progress_of(goal: Goal, location: Location) -> GoalProgress:
    """Progress of one goal at one location."""
    local = next((t.target for t in location.targets if t.goal_id == goal.id), None)
    target = local if local is not None else goal.target
    measured: list[Measurement] = sorted(
        (m for m in location.measurements if m.goal_id == goal.id), key=lambda m: m.date
    )
    latest = measured[-1] if measured else None
    baseline = goal.baseline if goal.baseline is not None else (measured[0].value if measured else None)
    share = _share(baseline, target, latest.value if latest else None)
    start = measured[0].date if measured else location.start
    if location.start and start:
        start = min(start, location.start)
    deadline = goal.deadline or location.end
    return GoalProgress(
        goal_id=goal.id,
        text=goal.text,
        unit=goal.unit,
        baseline=baseline,
        target=target,
        local_target=local is not None,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        share=share,
        on_track=_on_track(share, start, deadline, latest.date if latest else None),
        n_measurements=len(measured),
    )


def goal_progress(plan: Plan, location: Location) -> list[GoalProgress]:
    """Progress of every goal of `plan` at `location`, in the plan's order."""
    return [progress_of(goal, location) for goal in plan.goals]


def organisation_progress(plan: Plan, locations: Iterable[Location]) -> list[OrganisationGoalProgress]:
    """Every goal over all `locations`: how many measure it, reached it, are on track."""
    locations = list(locations)
    result = []
    for goal in plan.goals:
        rows = [progress_of(goal, location) for location in locations]
        measured = [row for row in rows if row.n_measurements]
        shares = [row.share for row in measured if row.share is not None]
        result.append(
            OrganisationGoalProgress(
                goal_id=goal.id,
                text=goal.text,
                unit=goal.unit,
                target=goal.target,
                locations=len(measured),
                reached=sum(row.reached for row in measured),
                on_track=sum(row.on_track is True for row in measured),
                mean_share=statistics.fmean(shares) if shares else None,
                rows=rows,
            )
        )
    return result
