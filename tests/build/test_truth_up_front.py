"""The truth up front (issue 10, "Must show"), on a small organisation with every kind of trouble:

- Het Anker is behind on a goal due one month after its own start;
- De Berk's period ended three weeks ago and it is still running;
- the plan action "Wifi versterken vóór de start" is two weeks overdue;
- Het Anker has 2 clients under one criterion.

The board's overview names all three problems on its first screen; no audience shows "2" for
those clients; the client council's pages hold no staff name.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import nbformat
import pytest

from tests.build.conftest import run_build
from workbook.model import (
    Action,
    ClientCriterion,
    Clients,
    Goal,
    Measurement,
    Member,
    RunbookActivity,
)
from workbook.project.store import Project

pytestmark = pytest.mark.slow

TODAY = dt.date.today()
STAFF = ("Anouk Verbeek", "Karin Mulder", "Piet Staal", "Bram Visser", "Sanne de Wit", "Joost Bakker")
RARE = "Slaapt zo licht dat elke ronde haar wekt"


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture(scope="module")
def troubled(tmp_path_factory) -> Project:
    project = Project.create(tmp_path_factory.mktemp("truth") / "werkboek", "Slimme nachtzorg", "Zorggroep Proef")
    plan = project.load_plan()
    plan.basics.working_group = [Member(name="Anouk Verbeek", role="projectleider")]
    plan.goals = [
        Goal(
            id="D1",
            text="Binnen een maand na de start heeft elke geschikte cliënt een sensor.",
            indicator="Aandeel geschikte cliënten met een sensor",
            baseline=0,
            target=100,
            unit="%",
            due_after_start=1,
            deadline=days(400),
            owner="Karin Mulder",
            actions=[Action(text="Wifi versterken vóór de start", who="Piet Staal", when=days(-14))],
        )
    ]
    project.save_plan(plan)
    anker = project.add_location("Het Anker")
    anker.phase, anker.start, anker.end = "running", days(-25), days(95)
    anker.team = [Member(name="Bram Visser", role="teamleider")]
    anker.central_contact = "Joost Bakker"
    anker.runbook = [
        RunbookActivity(activity="Sensoren plaatsen", person="Sanne de Wit", start=days(-25), end=days(20))
    ]
    anker.clients = Clients(
        total=30,
        suitable=12,
        criteria=[
            ClientCriterion(criterion="Komt 's nachts uit bed", kind="inclusion", count=10, reason="Valrisico"),
            ClientCriterion(criterion=RARE, kind="inclusion", count=2, reason="Betere nachtrust"),
        ],
    )
    anker.measurements = [Measurement(goal_id="D1", date=days(-2), value=30)]
    project.save_location(anker)
    berk = project.add_location("De Berk")
    berk.phase, berk.start, berk.end = "running", days(-150), days(-21)
    berk.team = [Member(name="Bram Visser", role="invaller")]
    project.save_location(berk)
    built = run_build(project, "--lang", "nl")
    assert built.code == 0, built.output
    return project


def reports(project: Project):
    return project.root / "build" / "reports"


def visible_text(page: str) -> str:
    return " ".join(
        html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", page, flags=re.S))).split()
    )


def test_the_board_sees_all_three_problems_on_its_first_screen(troubled, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto((reports(troubled) / "bestuur" / "index.html").as_uri())
    first_screen = page.evaluate(
        """() => [...document.querySelectorAll("h1, h2, h3, p, li")]
            .filter((element) => element.getBoundingClientRect().bottom <= window.innerHeight)
            .map((element) => element.innerText)
            .join(" ")"""
    )
    context.close()
    first_screen = " ".join(first_screen.split())
    berk_end = f"{TODAY - dt.timedelta(days=21):%-d}"
    assert "Besluiten en risico's" in first_screen
    # the goal by number and short text (its indicator), never a bare code
    assert "Het Anker: D1 · Aandeel geschikte cliënten met een sensor: achter op schema" in first_screen
    assert "De Berk: periode voorbij sinds " + berk_end in first_screen
    assert "Wifi versterken vóór de start" in first_screen and "actie in het plan" in first_screen


def test_no_audience_shows_the_two_clients(troubled):
    pages = [reports(troubled) / "het-anker.html"] + [
        reports(troubled) / folder / "het-anker.html" for folder in ("bestuur", "team", "clientenraad")
    ]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        row = re.search(rf"<tr>(?:(?!</tr>).)*{re.escape(html.escape(RARE))}(?:(?!</tr>).)*</tr>", text, flags=re.S)
        assert row is not None, path
        cells = [visible_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), flags=re.S)]
        assert "minder dan 5" in cells and "2" not in cells, (path, cells)


def test_the_client_council_reads_no_staff_name(troubled):
    council = sorted((reports(troubled) / "clientenraad").glob("*.html"))
    assert [path.name for path in council] == ["de-berk.html", "het-anker.html", "index.html", "plan.html"]
    for path in council:
        text = visible_text(path.read_text(encoding="utf-8"))
        assert [name for name in STAFF if name in text] == [], path.name
    # the full report for the working group does name them
    assert "Bram Visser" in visible_text((reports(troubled) / "het-anker.html").read_text(encoding="utf-8"))


def test_the_team_sees_what_is_late_and_due_first(troubled):
    text = visible_text((reports(troubled) / "team" / "index.html").read_text(encoding="utf-8"))
    assert text.index("Te laat") < text.index("De komende 4 weken") < text.index("Locaties naast elkaar")
    assert "Sensoren plaatsen (Sanne de Wit)" in text.split("De komende 4 weken")[1]


def test_the_executed_location_notebook_reads_as_a_report(troubled):
    notebook = nbformat.read(troubled.root / "build" / "notebooks" / "het-anker.ipynb", as_version=4)
    assert notebook.metadata["title"] == "Voortgangsrapport Het Anker"
    assert [cell.cell_type for cell in notebook.cells] == ["code"] * len(notebook.cells)
    report_cells = [cell for cell in notebook.cells if "stakeholder-report" in cell.metadata.get("tags", [])]
    assert len(report_cells) == len(notebook.cells) - 2  # the parameters and the injected parameters
    assert all(cell.outputs and "skipped-by-build" not in cell.metadata.tags for cell in report_cells)
    assert not any("show_step" in cell.source for cell in notebook.cells)
