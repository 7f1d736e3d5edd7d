"""What the board must see first: the decisions it must take, late work, high risks, locations behind.

A **decision the board must take** (``to_decide``) is one of three, each with the date it is due and
the amount it is about, the first date first:

- *Money and mandate*: who pays for the innovation after the project, and whether it is in the
  annual plan. An open sustainment action about money or mandate (its text names the annual plan,
  a budget, a funder or funding, see ``MONEY_WORDS``) is due on its date; the sustainment
  checklist's items on money and mandate (annual plan, agreements with funders) that are not yet
  embedded are its background. Such an item without an open action about it is a decision of its
  own, without a date yet. It is about the rollout's yearly costs: what the annual plan or the
  funders must carry once the project is over.
- *A start with late preparation*: a location not started yet (planned or starting) whose start
  lies within ``HORIZON_WEEKS`` weeks or has passed, while runbook work due before its start is
  late: start anyway or postpone. Due on the start date; about the late preparation's costs.
- *A period over*: a location whose end date has passed while it is not finished: extend its
  period or close it. Due on its end date (already past); about its one-off costs not yet made and
  its yearly costs.

Late work that needs no choice of the board is listed as late, not as a decision.

- Late work: runbook activities and plan actions past their date and not done (``late``), but
  for the late preparation a start decision names already.
- High risks: failure risks with likelihood × impact of at least ``HIGH_RISK`` (out of 25).
- Locations behind: a location whose period has ended while it is not finished, or with a goal
  late or behind schedule (see ``progress``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from workbook.analysis.costs import Costs, costs_per_location, runbook_costs
from workbook.analysis.late import OPEN, DatedItem, late, open_items
from workbook.analysis.progress import BAD, GoalProgress, goal_progress, overdue
from workbook.model import EmbeddingArea, EmbeddingItem, Location, Phase, Plan, Risk, RunbookActivity, SimpleAction

HIGH_RISK = 15
"""Likelihood × impact (each 1-5) from which a failure risk counts as high."""
FUNDING_AREAS = (EmbeddingArea.annual_plan, EmbeddingArea.insurer_agreements)
HORIZON_WEEKS = 4
"""A location starting within this many weeks with late preparation asks for a decision."""
MONEY_WORDS = {
    EmbeddingArea.annual_plan: ("jaarplan", "begroting", "budget", "annual plan"),
    EmbeddingArea.insurer_agreements: (
        "financ",
        "zorgkantoor",
        "zorgverzekeraar",
        "verzekeraar",
        "gemeente",
        "subsidie",
        "bijdrage",
        "vergoeding",
        "funding",
        "funder",
        "insurer",
    ),
}
"""By area, the starts of words (in any case) by which a sustainment action is about money or mandate."""
NOT_STARTED = (Phase.planned, Phase.starting)


class DecisionKind(StrEnum):
    money = "money"
    """Money and mandate: an agreement with funders, the annual plan."""
    start = "start"
    """Start a location whose preparation is late, or postpone it."""
    period = "period"
    """Extend a location's period that is over, or close it."""


@dataclass(frozen=True)
class Decision:
    """One decision the board must take."""

    kind: DecisionKind
    subject: str
    """What it is about: the sustainment action's text (money), else the location's name."""
    due: dt.date | None
    """When the board must decide; None when no date is agreed yet."""
    costs: Costs
    """The amount it is about: ``one_off`` and ``structural`` (per year); the rest is zero."""
    who: str = ""
    """Who prepares it (the sustainment action's who), a person's name: shown as the audience policy
    shows ``SimpleAction.who``."""
    agreements: list[EmbeddingItem] = field(default_factory=list)
    """Money: the checklist items on money and mandate not yet embedded that it is about."""
    preparation: list[RunbookActivity] = field(default_factory=list)
    """Start: the late preparation."""


@dataclass(frozen=True)
class LocationBehind:
    slug: str
    name: str
    ended: dt.date | None
    """The end date when the period has passed unfinished, else None."""
    goals: list[GoalProgress]
    """Goals late, missed or behind schedule here."""


@dataclass(frozen=True)
class Decisions:
    to_decide: list[Decision]
    late: list[DatedItem]
    high_risks: list[Risk]
    locations_behind: list[LocationBehind]

    def __bool__(self) -> bool:
        return bool(self.to_decide or self.late or self.high_risks or self.locations_behind)


def locations_behind(plan: Plan, locations: Iterable[Location], today: dt.date) -> list[LocationBehind]:
    """The locations past their period unfinished or with goals behind, in the order given."""
    result = []
    for location in locations:
        goals = [row for row in goal_progress(plan, location, today) if row.standing in BAD]
        ended = location.end if overdue(location, today) else None
        if goals or ended:
            result.append(LocationBehind(location.slug, location.name, ended, goals))
    return result


def open_agreements(plan: Plan) -> list[EmbeddingItem]:
    """The sustainment checklist's items on money and mandate (annual plan, funders) not yet embedded."""
    return [item for item in plan.sustainment.checklist if item.area in FUNDING_AREAS and not item.embedded]


def money_areas(text: str) -> list[EmbeddingArea]:
    """The areas of money and mandate `text` names, by ``MONEY_WORDS``: "Afspraak met het zorgkantoor
    over de financiering" is about the agreements with funders."""
    words = re.findall(r"\w+", text.lower())
    joined = " ".join(words)

    def names(start: str) -> bool:
        return f" {start}" in f" {joined}" if " " in start else any(word.startswith(start) for word in words)

    return [area for area, starts in MONEY_WORDS.items() if any(names(start) for start in starts)]


def money_decisions(plan: Plan, locations: Iterable[Location]) -> list[Decision]:
    """Decisions on money and mandate: every open sustainment action about them, with the open
    checklist items of its areas; and every open checklist item on money and mandate that no open
    action is about, without a date. All are about the rollout's yearly costs."""
    _, total = costs_per_location(locations)
    yearly = Costs(0.0, total.structural, 0.0, 0.0)
    items = open_agreements(plan)
    actions: list[tuple[SimpleAction, list[EmbeddingArea]]] = [
        (action, areas)
        for action in plan.sustainment.actions
        if not action.done and (areas := money_areas(action.text))
    ]
    covered = {area for _, areas in actions for area in areas}
    result = [
        Decision(
            DecisionKind.money,
            action.text,
            action.when,
            yearly,
            who=action.who,
            agreements=[item for item in items if item.area in areas],
        )
        for action, areas in actions
    ]
    result += [
        Decision(DecisionKind.money, "", None, yearly, agreements=[item]) for item in items if item.area not in covered
    ]
    return result


def late_preparation(location: Location, today: dt.date) -> list[RunbookActivity]:
    """The runbook work due before `location`'s start that is late on `today`, when the location has
    not started yet and its start lies within HORIZON_WEEKS weeks or has passed; else nothing."""
    start = location.start
    if location.phase not in NOT_STARTED or start is None or start > today + dt.timedelta(weeks=HORIZON_WEEKS):
        return []
    return [
        activity
        for activity in location.runbook
        if activity.status in OPEN and (due := activity.end or activity.start) is not None and due < min(today, start)
    ]


def start_decisions(locations: Iterable[Location], today: dt.date) -> list[Decision]:
    """Locations about to start (or past their start, not started) with late preparation: start or postpone.
    About the late preparation's costs."""
    result = []
    for location in locations:
        if preparation := late_preparation(location, today):
            costs = runbook_costs(preparation)
            result.append(
                Decision(
                    DecisionKind.start,
                    location.name,
                    location.start,
                    Costs(costs.one_off, costs.structural, 0.0, 0.0),
                    preparation=preparation,
                )
            )
    return result


def period_decisions(locations: Iterable[Location], today: dt.date) -> list[Decision]:
    """Locations past their end date and not finished: extend or close. About their one-off costs not
    yet made and their yearly costs."""
    result = []
    for location in locations:
        if overdue(location, today) and location.end is not None:
            costs = runbook_costs(location.runbook)
            still = Costs(costs.one_off - costs.one_off_incurred, costs.structural, 0.0, 0.0)
            result.append(Decision(DecisionKind.period, location.name, location.end, still))
    return result


def to_decide(plan: Plan, locations: Iterable[Location], today: dt.date) -> list[Decision]:
    """Every decision the board must take (see the module's rules), the first date first, undated last."""
    locations = list(locations)
    found = money_decisions(plan, locations) + start_decisions(locations, today) + period_decisions(locations, today)
    return sorted(found, key=lambda decision: (decision.due is None, decision.due or dt.date.max))


def high_risks(plan: Plan) -> list[Risk]:
    """Failure risks with likelihood × impact of at least HIGH_RISK, highest first."""
    risks = [risk for risk in plan.spread.risks if risk.likelihood * risk.impact >= HIGH_RISK]
    return sorted(risks, key=lambda risk: -risk.likelihood * risk.impact)


def decisions(plan: Plan, locations: Iterable[Location], today: dt.date) -> Decisions:
    """Everything the board must decide on or know about, on `today`."""
    locations = list(locations)
    decide = to_decide(plan, locations, today)
    prepared = {(d.subject, a.activity) for d in decide if d.kind == DecisionKind.start for a in d.preparation}
    return Decisions(
        to_decide=decide,
        late=[item for item in late(open_items(plan, locations), today) if (item.location, item.text) not in prepared],
        high_risks=high_risks(plan),
        locations_behind=locations_behind(plan, locations, today),
    )
