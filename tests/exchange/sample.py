"""A small project with awkward text: Unicode names, apostrophes, long texts, every section used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.model import (
    Action,
    ContextFactor,
    DataItem,
    Goal,
    Measurement,
    Member,
    RunbookActivity,
    ScanResponse,
    Stakeholder,
)
from workbook.project.store import Project

LONG_TEXT = " ".join(["Cliënten in 't Holt bellen hun naasten nu zelf via het scherm."] * 60)
HOLT = "Woonzorg 't Holt"
ZUID = "Zuidhoek – Ærø"


def make_awkward_project(root: Path) -> Project:
    """Two locations, two goals with actions, measurements and a runbook; names that test escaping."""
    project = Project.create(root, "Beeldbellen ‘t Holt & Zuidhoek", "Zorggroep Één <test>")
    plan = project.load_plan()
    plan.basics.need = LONG_TEXT
    plan.context.factors = [
        ContextFactor(id="F1", description="Collega's vinden het 'gedoe'", group="professional", effect="hindering"),
        ContextFactor(id="F2", description="Wifi op alle kamers", group="organisation", effect="promoting", weight=3),
    ]
    plan.goals = [
        Goal(
            id="D1",
            text="80% van de cliënten belt wekelijks met naasten",
            indicator="aandeel cliënten dat belt",
            baseline=10,
            target=80,
            unit="%",
            deadline=dt.date(2025, 6, 30),
            owner="Teamleider Ånne",
            actions=[
                Action(text="Tablets aanschaffen", who="Inkoop", when=dt.date(2025, 1, 15), done=True),
                Action(text="=SUM(A1) is geen formule", who="José d'Oliveira", when=dt.date(2025, 2, 1)),
            ],
        ),
        Goal(
            id="D2",
            text="Iedere medewerker is getraind",
            term="long",
            actions=[Action(text="Training geven", who="Opleider", when=dt.date(2025, 3, 1))],
        ),
    ]
    plan.data_collection = [DataItem(goal_id="D1", data="Aantal belmomenten", recorder="EVV'er", system="epd")]
    plan.stakeholders = [Stakeholder(name="Cliëntenraad", power=4, interest=5, position="supporter")]
    plan.sustainment.scans = [
        ScanResponse(rater="TL", date=dt.date(2025, 2, 1), answers={"benefits": "A", "fit": "C"}),
    ]
    project.save_plan(plan)

    holt = project.add_location(HOLT)
    holt.team = [Member(name="Ïda", role="Coördinator")]
    holt.runbook = [
        RunbookActivity(activity="Kick-off", person="Ïda", start=dt.date(2025, 1, 6), one_off_cost=250.5),
        RunbookActivity(activity="Licenties", person="ICT", structural_cost=1200, status="busy"),
    ]
    holt.measurements = [
        Measurement(date=dt.date(2025, 1, 1), goal_id="D1", value=12, note="nulmeting"),
        Measurement(date=dt.date(2025, 3, 1), goal_id="D1", value=35.5, note=LONG_TEXT),
    ]
    project.save_location(holt)

    zuid = project.add_location(ZUID)
    zuid.runbook = [RunbookActivity(activity="Uitleg aan team", one_off_cost=100)]
    zuid.measurements = [Measurement(date=dt.date(2025, 2, 1), goal_id="D2", value=4)]
    project.save_location(zuid)
    return project
