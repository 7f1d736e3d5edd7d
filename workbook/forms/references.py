"""What a field that refers to something else can point to: the plan's goals and factors, the locations.

A reference field (a goal number in a measurement, a factor number in an action, location codes in
a rollout wave) is shown as a picker of these, labelled as people know them ("D3 · Minder
valincidenten"); the code is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from workbook.forms import kinds
from workbook.model import Location, Plan

GOAL = "goal"
FACTOR = "factor"
LOCATION = "location"

LABEL_LENGTH = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _numbered(number: str, text: str) -> str:
    return f"{number} · {_short(text)}" if text.strip() else number


@dataclass(frozen=True)
class Choices:
    """(label, code) pairs per kind of thing a field can refer to."""

    goals: tuple[tuple[str, str], ...] = ()
    factors: tuple[tuple[str, str], ...] = ()
    locations: tuple[tuple[str, str], ...] = ()

    def of(self, target: str) -> tuple[tuple[str, str], ...]:
        """The choices for `target` (GOAL, FACTOR or LOCATION)."""
        return {GOAL: self.goals, FACTOR: self.factors, LOCATION: self.locations}[target]

    @classmethod
    def for_sections(
        cls, model: type[BaseModel], sections: Iterable[str], plan: Callable[[], Plan], locations: Callable[[], list]
    ) -> Choices:
        """The choices the reference fields in `sections` of `model` need; the plan and the
        locations are only read when a field refers to them."""
        wanted = set().union(*(referred_to(model, name) for name in sections))
        if not wanted:
            return NO_CHOICES
        found = plan() if wanted & {GOAL, FACTOR} else Plan()
        return cls.of_project(found, locations() if LOCATION in wanted else [])

    @classmethod
    def of_project(cls, plan: Plan, locations: Iterable[Location]) -> Choices:
        """The goals and factors of `plan` and the `locations`, in their order."""
        return cls(
            goals=tuple((_numbered(goal.id, goal.text), goal.id) for goal in plan.goals if goal.id),
            factors=tuple(
                (_numbered(factor.id, factor.description), factor.id) for factor in plan.context.factors if factor.id
            ),
            locations=tuple((place.name, place.slug) for place in locations),
        )


NO_CHOICES = Choices()


@cache
def referred_to(model: type[BaseModel], name: str) -> frozenset[str]:
    """What the reference fields in field `name` of `model` (and in its records) refer to."""
    kind = kinds.kind_of(model, name)
    if kind.name in (kinds.REFERENCE, kinds.REFERENCES):
        return frozenset({kind.inner})
    if kind.name in (kinds.GROUP, kinds.TABLE):
        return frozenset().union(*(referred_to(kind.inner, inner) for inner in kind.inner.model_fields))
    return frozenset()
