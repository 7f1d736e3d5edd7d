"""The board's decisions in Word: the same words as the HTML box, who prepares them hidden from the client council."""

from __future__ import annotations

import datetime as dt

from workbook.exchange.docx_export import export_docx
from workbook.model import Status
from workbook.project.store import Project
from workbook.report.audience import Audience

from .read_back import all_text

TODAY = dt.date(2026, 12, 7)
DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def test_word_names_the_same_decisions_and_hides_who_from_the_client_council(demo_project: Project, tmp_path):
    plan, locations = demo_project.load_plan(), demo_project.load_locations()
    action = next(a for a in plan.sustainment.actions if "zorgkantoor" in a.text and not a.done)
    assert action.when is not None
    yearly = sum(a.structural_cost for location in locations for a in location.runbook if a.status != Status.cancelled)
    date = f"{action.when.day} {DUTCH_MONTHS[action.when.month - 1]} {action.when.year}"
    euros = "€\u00a0" + f"{yearly:,.0f}".replace(",", ".")
    board = all_text(export_docx(demo_project, tmp_path / "bestuur.docx", lang="nl", today=TODAY))
    line = f"Uiterlijk {date} (over 3 dagen) · Geld en mandaat: {action.text} Gaat over {euros} per jaar"
    assert line in board and f"Voorbereid door {action.who}." in board
    council = all_text(
        export_docx(demo_project, tmp_path / "raad.docx", lang="nl", today=TODAY, audience=Audience.council)
    )
    assert line in council and f"Voorbereid door {action.who}" not in council
