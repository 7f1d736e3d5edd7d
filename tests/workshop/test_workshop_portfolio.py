"""``workbook workshop`` on a portfolio, without a server: the start page lists the projects, a page's
address chooses one (and nothing else), and a step page saves into the project it was opened on,
also when its kernel was pre-heated before anyone chose."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import jinja2
import pytest
import yaml

from workbook.cli import main
from workbook.cli.lab import WORKSHOP_PORT, prepare_portfolio, workshop_command
from workbook.errors import WorkbookError
from workbook.model import Phase
from workbook.model.portfolio import ProjectStatus
from workbook.portfolio.store import PortfolioFolder
from workbook.project.store import Project
from workbook.resources import templates_dir
from workbook.steps import STEPS, page_open
from workbook.steps import show as show_module
from workbook.steps.show import PortfolioStepPage, show_step
from workbook.workshop.start_page import portfolio_page, refusal, workshop_page

WORKSHOP_TEMPLATE = templates_dir() / "voila" / "templates" / "workshop"


@pytest.fixture
def portfolio(tmp_path: Path, demo_project: Project) -> PortfolioFolder:
    """A committee's portfolio with the demo project (three locations) and a new, empty project."""
    root = tmp_path / "pf"
    assert (
        main(["portfolio", "new", str(root), "--name", "Innovatiecommissie", "--organisation", "Zorggroep Test"]) == 0
    )
    assert main(["portfolio", "add", str(root), "Slimme nachtzorg", "--from", str(demo_project.root)]) == 0
    assert main(["portfolio", "add", str(root), "Valpreventie"]) == 0
    folder = PortfolioFolder.open(root)
    with folder.locked():
        data = folder.load()
        data.projects[0].status = ProjectStatus.running
        folder._write(data)
    return folder


@pytest.fixture
def page_address(monkeypatch: pytest.MonkeyPatch):
    """Set the address a page was opened with, as Voilà hands it to a kernel (``QUERY_STRING``)."""
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)

    def address(query: str) -> None:
        monkeypatch.setenv("QUERY_STRING", query)

    return address


def plan_of(folder: PortfolioFolder, code: str) -> dict:
    return yaml.safe_load(folder.project(code).plan_path.read_text(encoding="utf-8"))


# --- which project an address may open -------------------------------------------------------------


def test_each_project_of_the_portfolio_can_be_chosen_by_its_code(portfolio: PortfolioFolder) -> None:
    assert portfolio.project_codes() == ["slimme-nachtzorg", "valpreventie"]
    for code in portfolio.project_codes():
        assert portfolio.chosen_project(code).root.resolve() == (portfolio.root / "projecten" / code).resolve()


@pytest.mark.parametrize(
    "code",
    [
        "",
        "onbekend",
        "../pf",
        "..",
        ".",
        "projecten/valpreventie",
        "valpreventie/../slimme-nachtzorg",
        "valpreventie/",
        "/etc",
        "VALPREVENTIE",
        " valpreventie",
        "%2e%2e",
        "leeg",  # a folder under projecten/ without a werkboek.yaml
        "notities.txt",  # a file under projecten/
    ],
)
def test_an_address_opens_no_folder_but_a_project_of_the_portfolio(portfolio: PortfolioFolder, code: str) -> None:
    (portfolio.projects_dir / "leeg").mkdir()
    (portfolio.projects_dir / "notities.txt").write_text("geen project", encoding="utf-8")
    with pytest.raises(WorkbookError) as refused:
        portfolio.chosen_project(code)
    said = str(refused.value)
    assert "slimme-nachtzorg, valpreventie" in said  # the projects there are to choose from
    assert ("geen project van deze portefeuille" if code else "kies eerst een project") in said


def test_the_project_comes_from_the_page_address_once(page_address) -> None:
    page_address("project=valpreventie&naam=Anna")
    assert page_open.requested_project() == "valpreventie"
    page_address("location=de-linde")
    assert page_open.requested_project() == ""
    page_address("project=valpreventie&project=..%2F..%2Fetc")  # two answers: none is taken
    assert page_open.requested_project() == ""
    page_address("project=..%2Fpf")
    assert page_open.requested_project() == "../pf"  # decoded as it came, and then refused by the portfolio


# --- the start page ---------------------------------------------------------------------------------


def test_the_start_page_of_a_portfolio_lists_its_projects_with_status_and_phase(portfolio: PortfolioFolder) -> None:
    night = portfolio.project("slimme-nachtzorg")
    phases = [place.phase for place in night.load_locations()]
    page, status = workshop_page([], "nl", str(portfolio.root))
    assert status == 200 and page["portfolio"] == "Innovatiecommissie"
    assert page["title"] == "Werkboek · Innovatiecommissie"
    rows = {row["code"]: row for row in page["projects"]}
    assert list(rows) == ["slimme-nachtzorg", "valpreventie"]
    assert rows["slimme-nachtzorg"]["name"] == night.load_plan().basics.project_name
    assert rows["slimme-nachtzorg"]["status"] == "Lopend"
    assert rows["valpreventie"]["status"] == "Voorstel"
    expected = [{"count": phases.count(p), "label": p.label("nl").lower()} for p in Phase if p in phases]
    assert rows["slimme-nachtzorg"]["phases"] == expected
    assert rows["valpreventie"]["phases"] == []  # no locations yet


def test_a_project_chosen_on_the_start_page_gets_its_own_start_page(portfolio: PortfolioFolder) -> None:
    page, status = workshop_page(["valpreventie"], "nl", str(portfolio.root))
    assert status == 200
    assert (page["project"], page["code"], page["portfolio"]) == ("Valpreventie", "valpreventie", "Innovatiecommissie")
    assert len(page["steps"]) == len(STEPS)


@pytest.mark.parametrize("codes", [["../pf"], ["onbekend"], ["valpreventie", "slimme-nachtzorg"], [""]])
def test_an_unknown_project_gives_the_list_and_the_reason(portfolio: PortfolioFolder, codes: list[str]) -> None:
    page, status = workshop_page(codes, "nl", str(portfolio.root))
    assert status == 404
    assert "projects" in page and "slimme-nachtzorg, valpreventie" in page["error"]
    assert refusal(codes, "nl", str(portfolio.root)) is not None  # and no step page opens on it


def test_a_step_page_opens_only_on_a_project_of_the_portfolio(portfolio: PortfolioFolder, demo_project) -> None:
    assert refusal(["valpreventie"], "nl", str(portfolio.root)) is None
    assert refusal([], "nl", str(portfolio.root))["error"].startswith("kies eerst een project")
    assert refusal([], "nl", "") is None  # one project (workbook workshop PROJECT): as ever


def render_start(page: dict) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(WORKSHOP_TEMPLATE), autoescape=True)
    return env.get_template("start.html").render(base_url="/", stylesheet="", **page)


def test_every_link_of_a_projects_start_page_keeps_the_project(portfolio: PortfolioFolder) -> None:
    page, _ = workshop_page(["slimme-nachtzorg"], "nl", str(portfolio.root))
    html = render_start(page)
    steps = re.findall(r'href="/voila/render/([^"]+)"', html)
    assert len(steps) == 2 * len(STEPS)  # the menu and the list of steps
    assert all(link.endswith(".ipynb?project=slimme-nachtzorg") for link in steps), steps
    assert '<input type="hidden" name="project" value="slimme-nachtzorg">' in html  # the runbook's location form
    assert 'href="/werkboek?project=slimme-nachtzorg"' in html  # Start
    assert 'href="/werkboek">' in html  # back to all projects

    listing = render_start(portfolio_page(portfolio, "nl"))
    assert re.findall(r'href="/werkboek\?project=([^"]+)"', listing) == ["slimme-nachtzorg", "valpreventie"]
    assert 'href="/voila/render' not in listing  # no step without a project


def test_a_single_projects_start_page_is_as_before(demo_project: Project, monkeypatch) -> None:
    monkeypatch.setenv("WORKBOOK_PROJECT", str(demo_project.root))
    page, status = workshop_page([], "nl", "")
    assert status == 200 and page["project"] == "Slimme nachtzorg" and "code" not in page
    html = render_start(page)
    assert "project=" not in html
    assert len(re.findall(r'href="/voila/render/[0-9a-z_]+\.ipynb"', html)) == 2 * len(STEPS)


# --- a step page on the chosen project --------------------------------------------------------------


def test_a_step_page_saves_into_the_project_of_its_address(portfolio: PortfolioFolder, page_address) -> None:
    before = plan_of(portfolio, "slimme-nachtzorg")
    page_address("project=valpreventie&naam=Anna")
    page = PortfolioStepPage(STEPS["start"], portfolio)
    assert page.view is not None and page.view.project.root.resolve() == portfolio.project_dir("valpreventie").resolve()
    bar = " ".join(text for text in html_texts(page.widget) if "Stap 1" in text)
    assert "Stap 1 · Start · Valpreventie" in bar  # the status bar names the project a group works on
    page.view.form.close()
    page.view.form.find("basics", "innovation").control.value = "Een beweegprogramma tegen vallen"
    page.view.flush()
    assert plan_of(portfolio, "valpreventie")["basics"]["innovation"] == "Een beweegprogramma tegen vallen"
    assert plan_of(portfolio, "slimme-nachtzorg") == before
    newest = portfolio.project("valpreventie").versions.versions()[-1]
    assert newest.author == "Anna"


def test_a_location_in_the_address_of_a_step_for_the_whole_plan_is_left_aside(
    portfolio: PortfolioFolder, page_address
) -> None:
    page_address("project=slimme-nachtzorg&location=de-linde")  # a link carried from the runbook
    page = PortfolioStepPage(STEPS["doelen"], portfolio)
    assert page.error == "" and page.view is not None and page.view.location == ""


@pytest.mark.parametrize("query", ["project=..%2F..%2Fdemo", "", "project=onbekend", "project=%2Fetc"])
def test_a_step_page_on_no_project_of_the_portfolio_opens_nothing(
    portfolio: PortfolioFolder, page_address, query: str
) -> None:
    page_address(query)
    page = PortfolioStepPage(STEPS["start"], portfolio)
    assert page.view is None
    shown = page.widget.children[0].value
    assert "Kies het project op de startpagina" in shown and "slimme-nachtzorg, valpreventie" in shown


def test_a_preheated_step_learns_its_project_and_location_when_a_page_takes_it(
    portfolio: PortfolioFolder, page_address, monkeypatch
) -> None:
    waiting = []
    monkeypatch.setattr(show_module, "when_opened", lambda callback: waiting.append(callback) or True)
    page_address("")  # pre-heated: no request yet
    page = PortfolioStepPage(STEPS["locatie"], portfolio)
    assert page.view is None and waiting
    assert "wordt geopend" in page.widget.children[0].value

    page_address("project=slimme-nachtzorg&location=de-linde")  # a page takes the kernel
    (opened,) = waiting
    opened("de-linde")
    assert page.view is not None and page.widget.children == (page.view.widget,)
    assert page.view.project.root.resolve() == portfolio.project_dir("slimme-nachtzorg").resolve()
    assert page.view.picker.value == "de-linde" and page.view.form.current.name == "De Linde"
    assert page.view.watch  # it follows what the other groups' pages save from now on


def test_show_step_on_a_portfolio_asks_no_project_of_the_kernels_folder(
    portfolio: PortfolioFolder, page_address, monkeypatch, tmp_path: Path
) -> None:
    shown = []
    monkeypatch.setattr(show_module, "display", shown.append)
    monkeypatch.setenv("WORKBOOK_PORTFOLIO", str(portfolio.root))
    monkeypatch.setenv("WORKBOOK_INTERACTIVE", "1")
    monkeypatch.delenv("WORKBOOK_PROJECT", raising=False)
    monkeypatch.chdir(portfolio.root)  # the kernel's folder (stappen/ of the portfolio) is in no project
    page_address("project=slimme-nachtzorg")
    show_step("doelen")
    (widget,) = shown
    texts = html_texts(widget)
    assert any("Stap 3 · SMART-doelen en acties · Slimme nachtzorg" in text for text in texts)
    assert not any("geen werkboek gevonden" in text for text in texts)


def html_texts(widget) -> list[str]:
    """The text of every HTML widget in `widget`, at any depth."""
    texts = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
    for child in getattr(widget, "children", ()):
        texts += html_texts(child)
    return texts


# --- the command ------------------------------------------------------------------------------------


def test_the_workshop_on_a_portfolio_binds_the_portfolio_and_no_project(
    portfolio: PortfolioFolder, monkeypatch
) -> None:
    monkeypatch.setenv("WORKBOOK_PROJECT", "/ergens/anders")  # left over in the shell
    args = argparse.Namespace(dir=str(portfolio.root), port=None, ip="127.0.0.1", default_port=WORKSHOP_PORT)
    folder, env, port, token = prepare_portfolio(args)
    assert env["WORKBOOK_PORTFOLIO"] == str(portfolio.root) and "WORKBOOK_PROJECT" not in env
    assert env["WORKBOOK_INTERACTIVE"] == "1"
    assert sorted(p.name for p in (portfolio.root / "stappen").glob("*.ipynb")) == sorted(
        step.notebook for step in STEPS.values()
    )
    command = workshop_command(folder, port, token, "127.0.0.1", False)
    assert str(portfolio.root / "stappen") in command
    assert not (portfolio.projects_dir / "valpreventie" / "stappen").exists()  # the projects are left as they are
