"""RE-AIM summary over all locations, from data the workbook already holds.

- Reach: clients who take part / clients who could (``Location.clients.suitable``), summed
  over locations that have both. Who takes part comes from the latest measurement of the
  *client-use goal*: the first goal whose unit or indicator mentions clients ("cliënt",
  "client"). When that unit is a percentage, participants = percentage x suitable / 100.
- Effectiveness: of the (location, goal) pairs with a measurement and a target, the share at
  target.
- Adoption: locations that have started (phase starting, running or finished) / all locations.
- Implementation: runbook activities done / all activities that were not cancelled.
- Maintenance: of the locations finished at least 6 months ago (phase finished, end date six
  or more months before `today`), the share where every measured goal is still at target.

Each dimension is a share between 0 and 1 (reach may exceed 1 when more clients take part
than were thought suitable), or None when the data needed is missing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from workbook.analysis.progress import progress_of
from workbook.analysis.rollout import add_months
from workbook.language.i18n import Messages, language
from workbook.model import Goal, Location, Phase, Plan, Status

MAINTENANCE_MONTHS = 6
ADOPTED = (Phase.starting, Phase.running, Phase.finished)
CLIENT_WORDS = ("cliënt", "client")

msg = Messages(
    {
        "reach": ("Bereik", "Reach"),
        "effectiveness": ("Effectiviteit", "Effectiveness"),
        "adoption": ("Adoptie", "Adoption"),
        "implementation": ("Uitvoering", "Implementation"),
        "maintenance": ("Behoud", "Maintenance"),
        "reach_text": (
            "deel van de geschikte cliënten dat meedoet (de aantallen staan er niet bij: een klein aantal "
            "kan naar één cliënt wijzen)",
            "share of the suitable clients who take part (without the counts: a small count can point to one client)",
        ),
        "effectiveness_text": (
            "{numerator} van {denominator} gemeten doelen (per locatie) gehaald",
            "{numerator} of {denominator} measured goals (per location) met",
        ),
        "adoption_text": (
            "{numerator} van {denominator} locaties zijn begonnen",
            "{numerator} of {denominator} locations have started",
        ),
        "implementation_text": (
            "{numerator} van {denominator} activiteiten in de draaiboeken zijn klaar",
            "{numerator} of {denominator} runbook activities are done",
        ),
        "maintenance_text": (
            "{numerator} van {denominator} locaties, minstens {months} maanden klaar, halen hun doelen nog",
            "{numerator} of {denominator} locations, finished at least {months} months ago, still meet their goals",
        ),
        "no_data": ("Nog geen gegevens", "No data yet"),
    }
)


@dataclass(frozen=True)
class Dimension:
    key: str
    """reach, effectiveness, adoption, implementation or maintenance."""
    label: str
    numerator: float
    denominator: float
    explanation: str

    @property
    def value(self) -> float | None:
        """numerator / denominator; None when there is nothing to divide by."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class ReAim:
    reach: Dimension
    effectiveness: Dimension
    adoption: Dimension
    implementation: Dimension
    maintenance: Dimension

    def __iter__(self) -> Iterator[Dimension]:
        return iter((self.reach, self.effectiveness, self.adoption, self.implementation, self.maintenance))


def client_goal(plan: Plan) -> Goal | None:
    """The goal that counts clients who take part: its unit or indicator mentions clients."""
    for goal in plan.goals:
        if any(word in f"{goal.unit} {goal.indicator}".lower() for word in CLIENT_WORDS):
            return goal
    return None


def _count(value: float, lang: str) -> str:
    """A count for people: 12, or 12,5 in Dutch and 12.5 in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _dimension(key: str, numerator: float, denominator: float, lang: str, **extra: object) -> Dimension:
    counts = {"numerator": _count(numerator, lang), "denominator": _count(denominator, lang)}
    text = msg(f"{key}_text", lang, **counts, **extra)
    return Dimension(key, msg(key, lang), numerator, denominator, text if denominator else msg("no_data", lang))


def _reach(plan: Plan, locations: list[Location], today: dt.date) -> tuple[float, float]:
    goal = client_goal(plan)
    if goal is None:
        return 0, 0
    participants = eligible = 0.0
    for location in locations:
        latest = progress_of(goal, location, today).latest
        suitable = location.clients.suitable
        if latest is None or not suitable:
            continue
        participants += latest * suitable / 100 if "%" in goal.unit else latest
        eligible += suitable
    return math.floor(participants + 0.5), eligible  # whole clients (half up): nobody takes part for 0,1


def _still_at_target(plan: Plan, location: Location, today: dt.date) -> bool:
    rows = [progress_of(goal, location, today) for goal in plan.goals]
    measured = [row for row in rows if row.share is not None]
    return bool(measured) and all(row.reached for row in measured)


def reaim(plan: Plan, locations: Iterable[Location], today: dt.date | None = None, lang: str | None = None) -> ReAim:
    """The five RE-AIM dimensions over `locations` (see the module text for the definitions)."""
    lang = lang or language()
    today = today or dt.date.today()
    locations = list(locations)

    rows = [progress_of(goal, location, today) for location in locations for goal in plan.goals]
    judged = [row for row in rows if row.share is not None]
    activities = [a for location in locations for a in location.runbook if a.status != Status.cancelled]
    cutoff = add_months(today, -MAINTENANCE_MONTHS)
    finished = [loc for loc in locations if loc.phase == Phase.finished and loc.end and loc.end <= cutoff]

    return ReAim(
        reach=_dimension("reach", *_reach(plan, locations, today), lang),
        effectiveness=_dimension("effectiveness", sum(row.reached for row in judged), len(judged), lang),
        adoption=_dimension("adoption", sum(loc.phase in ADOPTED for loc in locations), len(locations), lang),
        implementation=_dimension(
            "implementation", sum(a.status == Status.done for a in activities), len(activities), lang
        ),
        maintenance=_dimension(
            "maintenance",
            sum(_still_at_target(plan, loc, today) for loc in finished),
            len(finished),
            lang,
            months=MAINTENANCE_MONTHS,
        ),
    )
