"""The demo portfolio built end to end: every project's reports, the overview and the year plan."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.build.test_readable_tables import BROKEN_WORDS, SCROLLING_BOXES, SIDEWAYS
from tests.outside_judges import axe_script, axe_violations
from workbook.cli import main
from workbook.portfolio.store import PortfolioFolder
from workbook.portfolio.yearplan import Placement, year_plan

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("portefeuille") / "p"
    assert main(["demo", "--portfolio", str(folder)]) == 0
    return folder


def text_of(page: Path) -> str:
    source = re.sub(r"<style>.*?</style>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", source)).split())


def test_the_overview_names_every_project_and_links_to_its_reports(built: Path):
    portfolio = PortfolioFolder.open(built).load()
    assert len(portfolio.projects) >= 6
    assert {p.status.value for p in portfolio.projects} >= {"running", "proposed", "finished", "rejected", "deferred"}
    index = built / "build" / "reports" / "index.html"
    text = text_of(index)
    source = index.read_text(encoding="utf-8")
    for entry in portfolio.projects:
        assert entry.name in text
        own = built / "projecten" / entry.code / "build" / "reports"
        assert (own / "index.html").is_file() and (own / "plan.html").is_file()
        assert f'href="../../projecten/{entry.code}/build/reports/index.html"' in source
    assert "http://" not in source and "https://" not in source
    assert "Open besluiten" in text


def test_the_year_plan_places_within_capacity_and_says_not_this_year_with_figures(built: Path):
    plan = year_plan(PortfolioFolder.open(built).load())
    assert all(plan.planned[q] <= plan.capacity[q] for q in plan.capacity)
    assert plan.not_this_year
    text = text_of(built / "build" / "reports" / "jaarplan.html")
    assert "niet dit jaar" in text
    assert "vraagt 320 uur in Q2; er is nog 0 uur vrij" in text
    assert "Zo komt het jaarplan tot stand" in text
    # the chart's text alternative carries the figures
    assert "Q1 capaciteit 400 uur, gepland 400 uur" in built.joinpath("build/reports/jaarplan.html").read_text()
    placed = [r for r in plan.ranked if r.placement is Placement.placed]
    for row in placed:
        assert row.project.status.value in ("proposed", "running")


def test_every_audience_has_both_pages_linking_to_its_own_reports(built: Path):
    reports = built / "build" / "reports"
    for folder in ("bestuur", "team", "clientenraad"):
        index = (reports / folder / "index.html").read_text(encoding="utf-8")
        assert f'href="../../../projecten/slimme-nachtzorg/build/reports/{folder}/index.html"' in index
        assert (reports / folder / "jaarplan.html").is_file()
    assert "Budget" in text_of(reports / "bestuur" / "index.html")
    assert "Budget" not in text_of(reports / "clientenraad" / "index.html")


def test_check_on_the_demo_portfolio_passes(built: Path, capsys):
    assert main(["check", str(built)]) == 0
    assert "geen fouten in de portefeuille en in 7 projecten" in capsys.readouterr().out


PAGES = tuple(
    f"{folder}{page}"
    for folder in ("", "bestuur/", "team/", "clientenraad/")
    for page in ("index.html", "jaarplan.html")
)


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_the_committee_pages_are_readable_on_a_phone_and_a_laptop(built: Path, browser, width: int, artifacts):
    """The same measures as every other report's (tests/build/test_readable_tables.py): no ordinary word in
    a table cell broken over two lines, no sideways scroll, a table wider than the page in a named box
    a keyboard reaches; and axe-core finds nothing serious or critical."""
    script = axe_script()
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        for name in PAGES:
            tab.goto((built / "build" / "reports" / name).as_uri())
            assert tab.locator("td, th").count() > 40, name
            assert tab.evaluate(BROKEN_WORDS) == [], name
            assert not tab.evaluate(SIDEWAYS), name
            boxes = tab.evaluate(SCROLLING_BOXES)
            assert [b for b in boxes if not (b["focusable"] and b["name"] and b["role"] == "region")] == [], name
            if "/" not in name:
                tab.screenshot(path=artifacts / f"portfolio-{Path(name).stem}-{width}.png", full_page=True)
            serious, passed = axe_violations(tab, script)
            assert serious == [], name
            assert passed > 10, name
    finally:
        context.close()


@pytest.mark.browser
def test_the_overview_table_fits_a_laptop_without_scrolling(built: Path, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = context.new_page()
        tab.goto((built / "build" / "reports" / "index.html").as_uri())
        box = tab.locator("#projecten .table-box")
        assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
        assert box.locator("th").last.is_visible()
    finally:
        context.close()
