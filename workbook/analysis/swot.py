"""The SWOT view of the context diagnosis: its points by kind, each with the factors it is about.

Strengths and weaknesses are about the organisation itself, opportunities and threats come from
outside. A point names the context factors it concerns (``SwotPoint.factor_ids``); a weakness or
threat counts as addressed when a goal action addresses one of its factors (``Action.factor_id``),
the same link the plan lint reads for hindering factors.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.model import ContextFactor, Plan, SwotKind, SwotPoint

TO_ADDRESS = (SwotKind.weakness, SwotKind.threat)
"""The kinds of point an action should address."""


@dataclass(frozen=True)
class SwotEntry:
    """One point of the SWOT with the factors it names."""

    point: SwotPoint
    factors: tuple[ContextFactor, ...]
    """The factors of the diagnosis it names, in the order it names them."""
    unknown: tuple[str, ...]
    """Numbers it names that no factor has."""
    addressed: bool | None
    """For a weakness or threat: whether an action addresses one of its factors; None for the others."""


@dataclass(frozen=True)
class Quadrant:
    kind: SwotKind
    entries: tuple[SwotEntry, ...]


def addressed_factors(plan: Plan) -> set[str]:
    """The numbers of the factors some goal action addresses."""
    return {action.factor_id for goal in plan.goals for action in goal.actions if action.factor_id}


def swot(plan: Plan) -> list[Quadrant]:
    """The four quadrants in the usual order (strengths, weaknesses, opportunities, threats)."""
    by_id = {factor.id: factor for factor in plan.context.factors if factor.id}
    addressed = addressed_factors(plan)
    quadrants = []
    for kind in SwotKind:
        entries = []
        for point in plan.context.swot:
            if point.kind != kind:
                continue
            ids = [factor_id.strip() for factor_id in point.factor_ids if factor_id.strip()]
            known = tuple(by_id[i] for i in ids if i in by_id)
            unknown = tuple(i for i in ids if i not in by_id)
            done = bool(addressed.intersection(ids)) if kind in TO_ADDRESS else None
            entries.append(SwotEntry(point, known, unknown, done))
        quadrants.append(Quadrant(kind, tuple(entries)))
    return quadrants
