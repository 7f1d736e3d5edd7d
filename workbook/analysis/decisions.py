"""What the board must see first: late work, open funding and agreements, high risks, locations behind.

- Late work: runbook activities and plan actions past their date and not done (``late``).
- Open agreements: the sustainment checklist's areas that carry the money and the mandate (the
  annual plan and agreements with funders) that are not yet embedded.
- High risks: failure risks with likelihood × impact of at least ``HIGH_RISK`` (out of 25).
- Locations behind: a location whose period has ended while it is not finished, or with a goal
  late or behind schedule (see ``progress``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.analysis.late import DatedItem, late, open_items
from workbook.analysis.progress import BAD, GoalProgress, goal_progress, overdue
from workbook.model import EmbeddingArea, EmbeddingItem, Location, Plan, Risk

HIGH_RISK = 15
"""Likelihood × impact (each 1-5) from which a failure risk counts as high."""
FUNDING_AREAS = (EmbeddingArea.annual_plan, EmbeddingArea.insurer_agreements)


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
    late: list[DatedItem]
    open_agreements: list[EmbeddingItem]
    high_risks: list[Risk]
    locations_behind: list[LocationBehind]

    def __bool__(self) -> bool:
        return bool(self.late or self.open_agreements or self.high_risks or self.locations_behind)


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


def high_risks(plan: Plan) -> list[Risk]:
    """Failure risks with likelihood × impact of at least HIGH_RISK, highest first."""
    risks = [risk for risk in plan.spread.risks if risk.likelihood * risk.impact >= HIGH_RISK]
    return sorted(risks, key=lambda risk: -risk.likelihood * risk.impact)


def decisions(plan: Plan, locations: Iterable[Location], today: dt.date) -> Decisions:
    """Everything the board must decide on or know about, on `today`."""
    locations = list(locations)
    return Decisions(
        late=late(open_items(plan, locations), today),
        open_agreements=open_agreements(plan),
        high_risks=high_risks(plan),
        locations_behind=locations_behind(plan, locations, today),
    )
