"""Progress per goal: from the baseline (nulmeting) towards the target, per location and overall.

A shared goal is reached per location, within that location's own period:

- The target is the location's own target when it has one (``Location.targets``), else the
  goal's target.
- The due date: a goal dated relative to the rollout (``Goal.due_after_start``: 0 = before the
  start, 4 = within four months after it) is due that many months after the location's start;
  otherwise the goal's calendar deadline; otherwise the location's end date.
- Share = (latest - baseline) / (target - baseline): 0 at the baseline, 1 at the target; it may
  exceed 1, and it works the same for goals that aim to go down. Without a baseline the first
  measurement serves as one.
- The standing, on the report's date (``today``):

  - *reached* when the latest measurement is at or past the target;
  - *late* when the due date has passed, or the location's end date has passed while it is not
    finished (never "on track" then); *missed* when the location is finished without reaching it;
  - otherwise the latest measurement is compared with the straight line from the baseline (at the
    location's start, or its first measurement when that came earlier) to the target (at the due
    date): *on track* when it is on or above the line today, *behind* when below;
  - *unknown* without a measurement, a target or a due date.

Over all locations a goal has no standing of its own: it stands at so many locations each way
(``OrganisationGoalProgress.counts``). The plan's chart and table both show those counts, in the
words of ``standing_words``, so they cannot tell two stories.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workbook.analysis.rollout import add_months
from workbook.language.i18n import Messages, language
from workbook.model import Goal, Location, Measurement, Phase, Plan


class Standing(StrEnum):
    """Where one goal stands at one location."""

    reached = "reached"
    on_track = "on_track"
    behind = "behind"
    late = "late"
    missed = "missed"
    unknown = "unknown"


GOOD = (Standing.reached, Standing.on_track)
BAD = (Standing.behind, Standing.late, Standing.missed)
ORDER = (Standing.reached, Standing.on_track, Standing.behind, Standing.late, Standing.missed, Standing.unknown)
"""The order in which standings are listed and stacked: best first."""
TONE = {
    Standing.reached: "good",
    Standing.on_track: "good",
    Standing.behind: "warn",
    Standing.late: "bad",
    Standing.missed: "bad",
    Standing.unknown: "neutral",
}
"""How each standing is judged: the badge's tone in a table, the colour family in a chart."""

msg = Messages(
    {
        "reached": ("gehaald", "reached"),
        "on_track": ("op schema", "on track"),
        "behind": ("achter op schema", "behind schedule"),
        "late": ("te laat", "late"),
        "missed": ("niet gehaald", "not reached"),
        "unknown": ("nog onbekend", "not yet known"),
        "count": ("{count} {words}", "{count} {words}"),
        "unmeasured": ("nog niet gemeten", "not measured yet"),
    }
)


def standing_words(standing: Standing, lang: str | None = None) -> str:
    """The words for `standing` that every table and chart uses ("op schema", "te laat")."""
    return msg(standing.value, lang or language())


def counts_summary(rows: Iterable[OrganisationGoalProgress], lang: str | None = None) -> str:
    """ "D1: 2 gehaald, 1 te laat; D2: nog niet gemeten.": every goal's counts in one sentence, for a
    chart's text alternative."""
    lang = lang or language()
    parts = [f"{row.goal_id}: {counts_words(row.counts, lang) or msg('unmeasured', lang)}" for row in rows]
    return "; ".join(parts) + ("." if parts else "")


def counts_words(counts: dict[Standing, int], lang: str | None = None) -> str:
    """ "2 gehaald, 1 op schema, 1 te laat": the counts best first, without the zeros ("" when all are)."""
    lang = lang or language()
    return ", ".join(
        msg("count", lang, count=counts[standing], words=standing_words(standing, lang))
        for standing in ORDER
        if counts.get(standing)
    )


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
    due: dt.date | None
    """When this location must reach the target."""
    standing: Standing
    n_measurements: int

    @property
    def reached(self) -> bool:
        return self.standing == Standing.reached

    @property
    def on_track(self) -> bool | None:
        """True when reached or on track, False when behind, late or missed, None when unknown."""
        if self.standing == Standing.unknown:
            return None
        return self.standing in GOOD


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
    """Locations where the goal is reached or on track."""
    mean_share: float | None
    """Mean share over the locations with a known share."""
    rows: list[GoalProgress]
    """Per location (measured or not), in the order given."""
    counts: dict[Standing, int]
    """How many measured locations stand each way, in ``ORDER`` (zeros included)."""


def _share(baseline: float | None, target: float | None, latest: float | None) -> float | None:
    if baseline is None or target is None or latest is None:
        return None
    if target == baseline:
        return 1.0 if latest == target else 0.0
    return (latest - baseline) / (target - baseline)


def target_of(goal: Goal, location: Location) -> tuple[float | None, bool]:
    """The target at `location` and whether it is the location's own."""
    local = next((t.target for t in location.targets if t.goal_id == goal.id), None)
    return (local, True) if local is not None else (goal.target, False)


def due_date(goal: Goal, location: Location) -> dt.date | None:
    """When `location` must reach `goal`: relative to its own start, else the calendar deadline, else its end."""
    if goal.due_after_start is not None and location.start is not None:
        return add_months(location.start, goal.due_after_start)
    return goal.deadline or location.end


def overdue(location: Location, today: dt.date) -> bool:
    """True when the location's end date has passed and it is not finished."""
    return location.end is not None and location.end < today and location.phase != Phase.finished


def _standing(
    share: float | None, line_start: dt.date | None, due: dt.date | None, location: Location, today: dt.date
) -> Standing:
    if share is None:
        return Standing.unknown
    if share >= 1:
        return Standing.reached
    if (due is not None and due < today) or overdue(location, today):
        return Standing.missed if location.phase == Phase.finished else Standing.late
    if line_start is None or due is None or due <= line_start:
        return Standing.unknown
    elapsed = min(max((today - line_start).days / (due - line_start).days, 0.0), 1.0)
    return Standing.on_track if share >= elapsed else Standing.behind


def progress_of(goal: Goal, location: Location, today: dt.date) -> GoalProgress:
    """Progress of one goal at one location on `today`."""
    target, local = target_of(goal, location)
    measured: list[Measurement] = sorted(
        (m for m in location.measurements if m.goal_id == goal.id), key=lambda m: m.date
    )
    latest = measured[-1] if measured else None
    baseline = goal.baseline if goal.baseline is not None else (measured[0].value if measured else None)
    share = _share(baseline, target, latest.value if latest else None)
    starts = [date for date in (location.start, measured[0].date if measured else None) if date is not None]
    due = due_date(goal, location)
    return GoalProgress(
        goal_id=goal.id,
        text=goal.text,
        unit=goal.unit,
        baseline=baseline,
        target=target,
        local_target=local,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        share=share,
        due=due,
        standing=_standing(share, min(starts, default=None), due, location, today),
        n_measurements=len(measured),
    )


def goal_progress(plan: Plan, location: Location, today: dt.date | None = None) -> list[GoalProgress]:
    """Progress of every goal of `plan` at `location` on `today` (default: today), in the plan's order."""
    today = today or dt.date.today()
    return [progress_of(goal, location, today) for goal in plan.goals]


def organisation_progress(
    plan: Plan, locations: Iterable[Location], today: dt.date | None = None
) -> list[OrganisationGoalProgress]:
    """Every goal over all `locations`: how many measure it, reached it, are on track."""
    today = today or dt.date.today()
    locations = list(locations)
    result = []
    for goal in plan.goals:
        rows = [progress_of(goal, location, today) for location in locations]
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
                counts={standing: sum(row.standing == standing for row in measured) for standing in ORDER},
            )
        )
    return result
