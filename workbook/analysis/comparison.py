"""Where each location stands: its progress towards the targets and its latest sustainability scan.

One row per location, in rollout order (the locations of ``plan.spread.rollout.waves`` wave by
wave, then the rest in the order given), so the locations can be compared side by side.

- Progress is the mean share of the way from baseline to target over the goals with a known
  share (see ``progress``); None when no goal has one.
- The scan score is the total of the latest scan moment as a share of the maximum total (see
  ``sustainability``); None without a scan.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.analysis import sustainability
from workbook.analysis.progress import GoalProgress, goal_progress
from workbook.analysis.sustainability import ScanScore
from workbook.model import Location, Phase, Plan


@dataclass(frozen=True)
class LocationStanding:
    slug: str
    name: str
    phase: Phase
    goals: list[GoalProgress]
    """Progress per goal of the plan at this location."""
    scan: ScanScore | None
    """The latest scan moment's result; None without a scan."""

    @property
    def measured(self) -> bool:
        """True when any goal has at least one measurement here."""
        return any(row.n_measurements for row in self.goals)

    @property
    def progress(self) -> float | None:
        """Mean share of the way from baseline to target over the goals with a known share."""
        shares = [row.share for row in self.goals if row.share is not None]
        return statistics.fmean(shares) if shares else None

    @property
    def scan_share(self) -> float | None:
        """The latest scan total as a share of the maximum total."""
        if self.scan is None or not self.scan.max_total:
            return None
        return self.scan.total / self.scan.max_total


def standing(plan: Plan, location: Location, today: dt.date) -> LocationStanding:
    """Where `location` stands on the goals of `plan` and on its latest scan."""
    latest = sustainability.latest_moment(location.scans)
    return LocationStanding(
        slug=location.slug,
        name=location.name,
        phase=location.phase,
        goals=goal_progress(plan, location, today),
        scan=sustainability.score(latest[1]) if latest else None,
    )


def compare_locations(
    plan: Plan, locations: Iterable[Location], today: dt.date | None = None
) -> list[LocationStanding]:
    """Every location's standing on `today` (default: today), in rollout order."""
    today = today or dt.date.today()
    position: dict[str, int] = {}
    for wave in plan.spread.rollout.waves:
        for slug in wave.locations:
            position.setdefault(slug, len(position))
    ordered = sorted(locations, key=lambda location: position.get(location.slug, len(position)))
    return [standing(plan, location, today) for location in ordered]
