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

  - *reached* from the first measurement at or past the target (``reached_on``), on time or not:
    a goal reached after its due date is reached, and the reports say how long after ("gehaald,
    2 maanden na de deadline", ``lateness``). One measurement below the target after that is a
    dip and does not undo it (``dipped``: the reports say the latest measurement fell back); two
    measurements in a row below the target do, and the goal is judged again as one not reached.
    So two goals that both reached their target are both "gehaald", whichever came later or
    dipped once since;
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


FALLEN_BACK = 2
"""Measurements in a row below the target after reaching it that undo "reached"; fewer are a dip."""
SHORT_TEXT = 72
"""A goal's short text, when its indicator is empty, is the start of its text up to this many characters."""


class Unit(StrEnum):
    """The unit of a lateness: days under one whole month, months from one month on."""

    days = "days"
    months = "months"


@dataclass(frozen=True)
class Lateness:
    """How long after its due date something came."""

    count: int
    unit: Unit


def lateness(due: dt.date, came: dt.date) -> Lateness | None:
    """How long after `due` `came` came: None when on time; in days under one whole month ("25
    dagen"), else in months rounded to the nearest whole month ("4 maanden" for 3 months and 25 days)."""
    if came <= due:
        return None
    months = 0
    while add_months(due, months + 1) <= came:
        months += 1
    if months == 0:
        return Lateness((came - due).days, Unit.days)
    since, following = add_months(due, months), add_months(due, months + 1)
    if 2 * (came - since).days >= (following - since).days:
        months += 1
    return Lateness(months, Unit.months)


def short_text(goal: Goal) -> str:
    """A goal in a few words, for sentences and lists: its indicator when filled in (what it
    measures: "Aandeel getrainde nachtmedewerkers"), else the start of its text, cut at a word."""
    text = " ".join((goal.indicator or goal.text).split())
    if len(text) <= SHORT_TEXT:
        return text
    cut = text[: SHORT_TEXT - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def goal_name(goal_id: str, short: str) -> str:
    """How a sentence names a goal: its number and short text, "D3 · Aandeel getrainde …", never a bare code."""
    return f"{goal_id} · {short}" if short else goal_id


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
    short: str = ""
    """The goal in a few words (``short_text``)."""
    reached_on: dt.date | None = None
    """The date of the measurement that first reached the target (since it last fell back), or None."""
    dipped: bool = False
    """Reached, and the latest measurement is below the target again (a dip, see the module's rules)."""

    @property
    def reached(self) -> bool:
        return self.standing == Standing.reached

    @property
    def at_target(self) -> bool:
        """Whether the latest measurement is at or past the target (RE-AIM counts these): unlike
        ``reached``, a dip is not at target."""
        return self.share is not None and self.share >= 1

    @property
    def name(self) -> str:
        """The goal's number and short text: "D3 · Aandeel getrainde nachtmedewerkers en invalkrachten"."""
        return goal_name(self.goal_id, self.short)

    @property
    def reached_late(self) -> Lateness | None:
        """How long after the due date the target was reached; None when on time, undated or not reached."""
        if self.standing != Standing.reached or self.reached_on is None or self.due is None:
            return None
        return lateness(self.due, self.reached_on)

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


def _reached_on(measured: list[Measurement], baseline: float | None, target: float | None) -> dt.date | None:
    """The date of the first measurement at or past the target, unless FALLEN_BACK measurements in a
    row fell below it since (then the first one that reached it again, if any)."""
    reached_on, below = None, 0
    for measurement in measured:
        share = _share(baseline, target, measurement.value)
        if share is None:
            return None
        if share >= 1:
            reached_on = reached_on or measurement.date
            below = 0
        else:
            below += 1
            if below >= FALLEN_BACK:
                reached_on = None
    return reached_on


def _standing(
    share: float | None,
    reached_on: dt.date | None,
    line_start: dt.date | None,
    due: dt.date | None,
    location: Location,
    today: dt.date,
) -> Standing:
    if share is None:
        return Standing.unknown
    if reached_on is not None:
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
    reached_on = _reached_on(measured, baseline, target)
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
        standing=_standing(share, reached_on, min(starts, default=None), due, location, today),
        n_measurements=len(measured),
        short=short_text(goal),
        reached_on=reached_on,
        dipped=reached_on is not None and share is not None and share < 1,
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
