"""What the rollout costs: one-off and yearly (structural) costs per location and in total.

Planned costs are those of every runbook activity that is not cancelled; incurred costs are those
of the activities that are done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbook.model import Location, RunbookActivity, Status


@dataclass(frozen=True)
class Costs:
    one_off: float
    structural: float
    """Per year."""
    one_off_incurred: float
    structural_incurred: float

    def __add__(self, other: Costs) -> Costs:
        return Costs(
            self.one_off + other.one_off,
            self.structural + other.structural,
            self.one_off_incurred + other.one_off_incurred,
            self.structural_incurred + other.structural_incurred,
        )


NONE = Costs(0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class LocationCosts:
    slug: str
    name: str
    costs: Costs


def runbook_costs(activities: Iterable[RunbookActivity]) -> Costs:
    """Planned and incurred costs of a runbook."""
    planned = [a for a in activities if a.status != Status.cancelled]
    done = [a for a in planned if a.status == Status.done]
    return Costs(
        sum(a.one_off_cost for a in planned),
        sum(a.structural_cost for a in planned),
        sum(a.one_off_cost for a in done),
        sum(a.structural_cost for a in done),
    )


def costs_per_location(locations: Iterable[Location]) -> tuple[list[LocationCosts], Costs]:
    """The costs of every location, in the order given, and their total."""
    rows = [LocationCosts(location.slug, location.name, runbook_costs(location.runbook)) for location in locations]
    return rows, sum((row.costs for row in rows), NONE)
