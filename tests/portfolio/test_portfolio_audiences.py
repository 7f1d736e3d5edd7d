"""The committee's pages per audience, as a project's reports: the board sees costs and decisions as
typed; the team sees no costs; the client council sees what is planned and why, without costs and
with the names in the committee's free text replaced, and every audience's page links to that
audience's reports of each project."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from workbook.build.portfolio import _links
from workbook.model.portfolio import Decision, ProjectStatus
from workbook.portfolio.store import PortfolioFolder
from workbook.portfolio.summary import summarise
from workbook.portfolio.yearplan import year_plan
from workbook.report.audience import Audience
from workbook.report.portfolio import overview_page, yearplan_page

TODAY = dt.date(2027, 2, 1)
REASON = "Mevrouw Jansen uit kamer 12 vroeg erom; besproken met Piet de Vries"


def text_of(page: str) -> str:
    source = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", source)).split())


@pytest.fixture
def folder(tmp_path: Path) -> PortfolioFolder:
    folder = PortfolioFolder.create(tmp_path / "commissie", "Innovatiecommissie", "Zorggroep Test", 2027)
    folder.add_project("Valpreventie")
    portfolio = folder.load()
    (entry,) = portfolio.projects
    entry.status, entry.budget, entry.hours_total = ProjectStatus.running, 35_000, 100
    entry.decisions.append(Decision(date=dt.date(2027, 1, 14), decision="Gestart", reason=REASON))
    folder.save(portfolio)
    reports = folder.project_dir("valpreventie") / "build" / "reports"
    for sub in ("", *(a.folder for a in Audience)):
        (reports / sub).mkdir(parents=True, exist_ok=True)
        (reports / sub / "index.html").write_text("<p>rapport</p>", encoding="utf-8")
    return folder


def pages(folder: PortfolioFolder, audience: Audience | None) -> tuple[str, str]:
    portfolio = folder.load()
    reports = folder.root / "build" / "reports" / (audience.folder if audience else "")
    links = {"valpreventie": _links(folder, "valpreventie", reports, audience)}
    rows = summarise(folder, TODAY, "nl")
    return (
        overview_page(portfolio, rows, links, "nl", TODAY, (), audience),
        yearplan_page(portfolio, year_plan(portfolio), "nl", TODAY, audience),
    )


@pytest.mark.parametrize("audience", [None, Audience.board])
def test_the_committee_and_the_board_see_costs_and_the_reasons_as_typed(folder, audience):
    overview, plan = pages(folder, audience)
    assert "Budget" in text_of(overview) and "€ 35.000" in text_of(overview)
    assert REASON in text_of(plan)
    own = "valpreventie/build/reports/" + (f"{audience.folder}/" if audience else "") + "index.html"
    assert f'href="../../{"../" if audience else ""}projecten/{own}"' in overview


def test_the_team_sees_no_costs_and_its_own_reports(folder):
    overview, plan = pages(folder, Audience.team)
    text = text_of(overview)
    assert "Budget" not in text and "€" not in text and "Eenmalig" not in text
    assert "Deze versie is voor het team" in text
    assert 'href="../../../projecten/valpreventie/build/reports/team/index.html"' in overview
    assert REASON in text_of(plan)


def test_the_client_council_sees_what_is_planned_and_why_without_costs_or_names(folder):
    overview, plan = pages(folder, Audience.council)
    text, plan_text = text_of(overview), text_of(plan)
    assert "Budget" not in text and "€" not in text
    assert "Deze versie is voor de cliëntenraad" in text
    assert 'href="../../../projecten/valpreventie/build/reports/clientenraad/index.html"' in overview
    assert "Valpreventie" in plan_text and "Gestart" in plan_text  # what and why
    assert "Jansen" not in plan_text and "Piet de Vries" not in plan_text and "kamer 12" not in plan_text
    assert "Mevrouw [naam] uit [kamer] vroeg erom; besproken met [naam]" in plan_text
    assert "100 uur in totaal" in plan_text  # the hours asked and placed are what is planned
