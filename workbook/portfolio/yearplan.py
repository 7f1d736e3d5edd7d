"""The year plan: rank the projects by weighted score, then place them in quarters within capacity.

A pure function of the portfolio (no files, no clock). The rule, as the page states it:

1. Every project gets a weighted score: the sum of weight × score over the criteria, divided by
   the sum of the weights. A criterion without a score counts as 0. Higher comes first; equal
   scores go in alphabetical order of the name.
2. In that order each project with status *voorstel* or *lopend* is placed, starting in its
   preferred start quarter:

   - hours per quarter (``[120, 80]``: 120 in the start quarter, 80 in the next): it is placed when
     each of those quarters still has that many hours free; hours that would fall after Q4 belong
     to next year and are not counted;
   - a total: it is placed when the quarters from its start quarter to Q4 together still have that
     many hours free; the hours are taken from the start quarter on, each quarter as much as is free.

   What is placed is taken off the free hours before the next project is looked at. A project that
   does not fit is *niet dit jaar*, with the figures (what it asks, what is still free) and the
   first later start quarter in which it would fit, if there is one.
3. Projects that are *afgerond*, *afgewezen* or *later* are not placed; the page says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from workbook.model.portfolio import PLACED_STATUSES, QUARTERS, Portfolio, PortfolioProject


class Placement(StrEnum):
    placed = "placed"
    not_this_year = "not_this_year"
    not_planned = "not_planned"
    """Finished, rejected or deferred: not part of this year's placement."""


@dataclass(frozen=True)
class Shortfall:
    """Why a project did not fit: what it asks, where, and what was still free there."""

    asked: float
    free: float
    quarter: int
    total: bool
    """True: `asked` is the total from `quarter` on, and `free` the hours free from that quarter on."""


@dataclass(frozen=True)
class Ranked:
    rank: int
    project: PortfolioProject
    score: float
    missing: tuple[str, ...]
    """The criteria this project has no score for (counted as 0)."""
    placement: Placement
    hours: dict[int, float] = field(default_factory=dict)
    """The hours placed per quarter (only when placed)."""
    shortfall: Shortfall | None = None
    fits_from: int | None = None
    """For "niet dit jaar": the first later start quarter in which it would fit, if any."""


@dataclass(frozen=True)
class YearPlan:
    ranked: list[Ranked]
    capacity: dict[int, float]
    planned: dict[int, float]
    """The hours placed per quarter, over all placed projects."""

    @property
    def free(self) -> dict[int, float]:
        return {q: self.capacity[q] - self.planned[q] for q in QUARTERS}

    @property
    def not_this_year(self) -> list[Ranked]:
        return [r for r in self.ranked if r.placement is Placement.not_this_year]


def weighted_score(portfolio: Portfolio, project: PortfolioProject) -> float:
    """Sum of weight × score over the criteria, divided by the sum of the weights (0 without weights)."""
    weights = sum(c.weight for c in portfolio.criteria)
    if weights <= 0:
        return 0.0
    return sum(c.weight * project.scores.get(c.key, 0) for c in portfolio.criteria) / weights


def ranking(portfolio: Portfolio) -> list[tuple[PortfolioProject, float]]:
    """Every project with its weighted score, highest first; ties by name (then code)."""
    scored = [(p, weighted_score(portfolio, p)) for p in portfolio.projects]
    return sorted(
        scored, key=lambda item: (-round(item[1], 9), (item[0].name or item[0].code).casefold(), item[0].code)
    )


def year_plan(portfolio: Portfolio) -> YearPlan:
    """Rank the projects and place those with status voorstel or lopend (see the module's rule)."""
    capacity = {q: portfolio.capacity.of(q) for q in QUARTERS}
    free = dict(capacity)
    ranked = []
    for rank, (project, score) in enumerate(ranking(portfolio), start=1):
        missing = tuple(c.key for c in portfolio.criteria if c.key not in project.scores)
        if project.status not in PLACED_STATUSES:
            ranked.append(Ranked(rank, project, score, missing, Placement.not_planned))
            continue
        hours, shortfall = _fit(project, project.start_quarter, free)
        if shortfall is None:
            for quarter, taken in hours.items():
                free[quarter] -= taken
            ranked.append(Ranked(rank, project, score, missing, Placement.placed, hours))
            continue
        later = next((q for q in QUARTERS if q > project.start_quarter and _fit(project, q, free)[1] is None), None)
        ranked.append(Ranked(rank, project, score, missing, Placement.not_this_year, {}, shortfall, later))
    planned = {q: capacity[q] - free[q] for q in QUARTERS}
    return YearPlan(ranked, capacity, planned)


def _fit(project: PortfolioProject, start: int, free: dict[int, float]) -> tuple[dict[int, float], Shortfall | None]:
    """The hours `project` takes per quarter when it starts in `start`, or why it does not fit."""
    if project.hours_total is not None:
        asked = project.hours_total
        available = sum(free[q] for q in QUARTERS if q >= start)
        if asked > available + 1e-9:
            return {}, Shortfall(asked, available, start, total=True)
        hours, left = {}, asked
        for quarter in (q for q in QUARTERS if q >= start):
            taken = min(left, free[quarter])
            if taken > 0:
                hours[quarter] = taken
            left -= taken
        return hours, None
    hours = {}
    for offset, asked in enumerate(project.hours_per_quarter):
        quarter = start + offset
        if quarter > QUARTERS[-1]:
            break  # next year's hours
        if asked > free[quarter] + 1e-9:
            return {}, Shortfall(asked, free[quarter], quarter, total=False)
        if asked > 0:
            hours[quarter] = asked
    return hours, None
