"""The portfolio file ``portefeuille.yaml``: the committee, its capacity, its criteria, its projects.

Labels and help live on the fields (``workbook.model.fields.field``), in Dutch and English, as in
the plan's model; field names are English, the content is whatever language people write in.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from workbook.model.base import Item, Record
from workbook.model.fields import Choice, field

QUARTERS = (1, 2, 3, 4)


class ProjectStatus(Choice):
    proposed = "proposed", "Voorstel", "Proposed", "voorgesteld"
    running = "running", "Lopend", "Running", "loopt"
    finished = "finished", "Afgerond", "Finished"
    rejected = "rejected", "Afgewezen", "Rejected"
    deferred = "deferred", "Later", "Later", "uitgesteld"


PLACED_STATUSES = (ProjectStatus.proposed, ProjectStatus.running)
"""The statuses the year plan places in quarters; the others are listed with the reason."""


class Capacity(Record):
    """The team's hours per quarter."""

    q1: float = field(
        "Q1", "Q1", help_nl="uren in het eerste kwartaal", help_en="hours in the first quarter", default=0, ge=0
    )
    q2: float = field(
        "Q2", "Q2", help_nl="uren in het tweede kwartaal", help_en="hours in the second quarter", default=0, ge=0
    )
    q3: float = field(
        "Q3", "Q3", help_nl="uren in het derde kwartaal", help_en="hours in the third quarter", default=0, ge=0
    )
    q4: float = field(
        "Q4", "Q4", help_nl="uren in het vierde kwartaal", help_en="hours in the fourth quarter", default=0, ge=0
    )

    def of(self, quarter: int) -> float:
        return float(getattr(self, f"q{quarter}"))


class Criterion(Item):
    key: str = field(
        "Code",
        "Code",
        help_nl="korte naam waarmee de scores van een project naar dit criterium verwijzen",
        help_en="short name by which a project's scores refer to this criterion",
        min_length=1,
        pattern=r"^[a-z0-9-]+$",
        privacy="public",
    )
    label: str = field("Criterium", "Criterion", default="", privacy="public")
    weight: float = field(
        "Gewicht", "Weight", help_nl="hoe zwaar het telt", help_en="how much it counts", default=1, ge=0
    )


def default_criteria() -> list[Criterion]:
    return [
        Criterion(key="strategie", label="Past bij de strategie", weight=3),
        Criterion(key="bewijs", label="Bewijs dat het werkt", weight=2),
        Criterion(key="urgentie", label="Urgentie", weight=2),
        Criterion(key="haalbaarheid", label="Haalbaarheid", weight=2),
        Criterion(key="draagvlak", label="Draagvlak", weight=1),
    ]


class Decision(Item):
    date: dt.date | None = field("Datum", "Date", default=None)
    decision: str = field("Besluit", "Decision", default="", widget="longtext", privacy="free_text")
    reason: str = field("Reden", "Reason", default="", widget="longtext", privacy="free_text")


class PortfolioProject(Item):
    code: str = field(
        "Map",
        "Folder",
        help_nl="de map van het project onder projecten/",
        help_en="the project's folder under projecten/",
        min_length=1,
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        privacy="public",
    )
    name: str = field("Naam", "Name", default="", privacy="public")
    status: ProjectStatus = field("Status", "Status", default=ProjectStatus.proposed)
    start_quarter: int = field(
        "Gewenst startkwartaal",
        "Preferred start quarter",
        help_nl="1 tot en met 4",
        help_en="1 to 4",
        default=1,
        ge=1,
        le=4,
    )
    hours_per_quarter: list[Annotated[float, Field(ge=0)]] = field(
        "Uren per kwartaal",
        "Hours per quarter",
        help_nl="de gevraagde uren per kwartaal, vanaf het startkwartaal (bijvoorbeeld [120, 80])",
        help_en="the hours asked per quarter, from the start quarter (for example [120, 80])",
        default_factory=list,
    )
    hours_total: float | None = field(
        "Uren in totaal",
        "Hours in total",
        help_nl="of: het totaal aantal uren, te verdelen vanaf het startkwartaal",
        help_en="or: the total hours, to be spread from the start quarter",
        default=None,
        ge=0,
    )
    budget: float | None = field(
        "Budget", "Budget", help_nl="in euro", help_en="in euros", default=None, ge=0, widget="money", privacy="money"
    )
    scores: dict[str, Annotated[int, Field(ge=1, le=5)]] = field(
        "Scores",
        "Scores",
        help_nl="per criterium een score van 1 tot en met 5",
        help_en="per criterion a score from 1 to 5",
        default_factory=dict,
    )
    decisions: list[Decision] = field(
        "Besluiten", "Decisions", default_factory=list, nouns=("besluit", "besluiten", "decision", "decisions")
    )


class Portfolio(Record):
    name: str = field("Commissie", "Committee", default="", privacy="public")
    organisation: str = field("Organisatie", "Organisation", default="", privacy="public")
    year: int = field("Jaar", "Year", default_factory=lambda: dt.date.today().year, ge=2000, le=2100)
    capacity: Capacity = field(
        "Capaciteit (uren per kwartaal)", "Capacity (hours per quarter)", default_factory=Capacity
    )
    criteria: list[Criterion] = field(
        "Criteria",
        "Criteria",
        default_factory=default_criteria,
        nouns=("criterium", "criteria", "criterion", "criteria"),
    )
    projects: list[PortfolioProject] = field(
        "Projecten", "Projects", default_factory=list, nouns=("project", "projecten", "project", "projects")
    )

    def project(self, code: str) -> PortfolioProject | None:
        return next((p for p in self.projects if p.code == code), None)
