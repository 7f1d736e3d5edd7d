"""What each project's own plan and locations say, in one row per project for the committee.

Reuses the analysis of a single project (progress per goal, late work, costs, the next step); a
project whose files cannot be read becomes a row with the error, so that the overview still shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from workbook.analysis.completeness import next_step
from workbook.analysis.costs import NONE, Costs, costs_per_location
from workbook.analysis.decisions import to_decide
from workbook.analysis.late import late, open_items
from workbook.analysis.progress import BAD, GOOD, Standing, goal_progress
from workbook.errors import WorkbookError
from workbook.model import Phase
from workbook.model.portfolio import ProjectStatus
from workbook.portfolio.store import PortfolioFolder

STATUS_ORDER = {
    ProjectStatus.running: 0,
    ProjectStatus.proposed: 1,
    ProjectStatus.deferred: 2,
    ProjectStatus.finished: 3,
    ProjectStatus.rejected: 4,
}


@dataclass
class ProjectSummary:
    code: str
    name: str
    status: ProjectStatus
    error: str = ""
    """Why the project's files could not be read (empty when they could)."""
    phases: dict[Phase, int] = field(default_factory=dict)
    """How many locations are in each phase (only phases that occur, in the phases' order)."""
    locations: int = 0
    goals_good: int = 0
    goals_bad: int = 0
    goals_judged: int = 0
    late: int = 0
    open_decisions: int = 0
    """The decisions the project's board box asks for (``analysis.decisions.to_decide``): money and
    mandate, a start with late preparation, a period that is over."""
    costs: Costs = NONE
    next_step: str = ""
    budget: float | None = None

    @property
    def attention(self) -> int:
        """How much needs the committee's attention: an unreadable project first, then late work and goals behind."""
        return 1000 if self.error else self.late + self.goals_bad


def summarise(folder: PortfolioFolder, today: dt.date, lang: str | None = None) -> list[ProjectSummary]:
    """One summary per project of the portfolio, what needs attention first (then by status and name)."""
    portfolio = folder.load()
    rows = []
    for entry in portfolio.projects:
        row = ProjectSummary(entry.code, entry.name or entry.code, entry.status, budget=entry.budget)
        try:
            project = folder.project(entry.code)
            plan = project.load_plan()
            locations = project.load_locations()
        except WorkbookError as error:
            row.error = str(error)
            rows.append(row)
            continue
        row.locations = len(locations)
        row.phases = {phase: n for phase in Phase if (n := sum(loc.phase is phase for loc in locations))}
        for location in locations:
            for goal in goal_progress(plan, location, today):
                row.goals_good += goal.standing in GOOD
                row.goals_bad += goal.standing in BAD
                row.goals_judged += goal.standing is not Standing.unknown
        row.late = len(late(open_items(plan, locations), today))
        row.open_decisions = len(to_decide(plan, locations, today))
        row.costs = costs_per_location(locations)[1]
        todo = next_step(plan, locations, lang)
        row.next_step = todo.text if todo else ""
        rows.append(row)
    return sorted(rows, key=lambda r: (-r.attention, STATUS_ORDER[r.status], r.name.casefold()))
