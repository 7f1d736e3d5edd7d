"""The workshop's start page: the project, a location picker and the ten steps, how far each is.

``start_page`` gathers plain data from the project folder (fresh on every visit, no kernel);
``StartPageHandler`` renders it with ``start.html`` of the workshop template.

On a portfolio (``workbook workshop PORTFOLIO``, ``WORKBOOK_PORTFOLIO``) the start page without a
project lists the portfolio's projects (``portfolio_page``); ``?project=CODE`` is then that
project's start page, whose links all carry the same ``?project=CODE`` to the steps. Only the code
of one of the portfolio's project folders is accepted (``PortfolioFolder.chosen_project``): any
other gives the list with the reason, as does a step page asked for without a valid project
(``refusal``, used by the workshop server before a kernel is taken).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import tornado.web
from jupyter_server.base.handlers import JupyterHandler
from voila.utils import include_css

from workbook.analysis.completeness import next_step, step_completeness
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.model import Phase
from workbook.model.portfolio import Portfolio
from workbook.model.steps import STEPS
from workbook.portfolio.store import PortfolioFolder
from workbook.project.session import find_project
from workbook.project.store import Project
from workbook.settings import Settings
from workbook.steps.page_open import HUB_USER_ENV, PROJECT_PARAMETER
from workbook.workshop.menu import TEMPLATE, template_resources

msg = Messages(
    {
        "title": ("Werkboek · {name}", "Workbook · {name}"),
        "unnamed": ("Implementatieplan", "Implementation plan"),
        "intro": (
            "Kies een stap. Wat je invult, wordt vanzelf bewaard in de projectmap.",
            "Choose a step. What you fill in is saved in the project folder as you go.",
        ),
        "location": ("Locatie voor stap {number}", "Location for step {number}"),
        "choose": ("Kies een locatie", "Choose a location"),
        "open": ("Open het draaiboek", "Open the runbook"),
        "no_locations": (
            "Nog geen locaties: voeg ze toe in stap 9.",
            "No locations yet: add them in step 9.",
        ),
        "steps": ("De tien stappen", "The ten steps"),
        "your_name": ("Je naam (bij wat je opslaat)", "Your name (with what you save)"),
        "keep_name": ("Onthoud mijn naam", "Remember my name"),
        "name_kept": (
            "Onthouden: wat je opslaat, staat op jouw naam.",
            "Remembered: what you save carries your name.",
        ),
        "working_as": ("Je werkt als", "You work as"),
        "unreadable": (
            "Het werkboek kan nu niet worden gelezen:",
            "The workbook cannot be read right now:",
        ),
        "portfolio": ("Portefeuille", "Portfolio"),
        "projects": ("De projecten", "The projects"),
        "choose_project": (
            "Kies het project waaraan jouw groep werkt. Elke groep opent zijn eigen project; wat je "
            "invult, wordt bewaard in de map van dat project.",
            "Choose the project your group works on. Each group opens its own project; what you fill "
            "in is saved in that project's folder.",
        ),
        "project": ("Project", "Project"),
        "status": ("Status", "Status"),
        "phase": ("Fase van de locaties", "Phase of the locations"),
        "no_phase": ("nog geen locaties", "no locations yet"),
        "all_projects": ("Alle projecten", "All projects"),
        "no_projects": (
            "Deze portefeuille heeft nog geen projecten.",
            "This portfolio has no projects yet.",
        ),
        "not_listed": ("niet in de portefeuille", "not in the portfolio"),
        "project_unreadable": ("kan nu niet worden gelezen", "cannot be read right now"),
    }
)


def start_page(project: Project, lang: str) -> dict[str, object]:
    """Everything the start page shows, as plain data (user text is escaped by the template)."""
    words = {key: msg(key, lang) for key in msg.catalogue}
    words["location"] = msg("location", lang, number=next(s.number for s in STEPS.values() if s.per_location))
    resources = template_resources(lang)
    page = {"lang": lang, "words": words, "hub_user": os.environ.get(HUB_USER_ENV, ""), **resources}
    try:
        plan = project.load_plan()
        locations = project.load_locations()
    except WorkbookError as error:
        return {**page, "title": msg("title", lang, name=msg("unnamed", lang)), "error": str(error)}
    name = plan.basics.project_name or msg("unnamed", lang)
    done = {step.key: step for step in step_completeness(plan, locations, lang)}
    coming = next_step(plan, locations, lang)
    steps = [{**step, "status": done[step["key"]].status} for step in resources["workbook"]["steps"]]
    return {
        **page,
        "title": msg("title", lang, name=name),
        "project": name,
        "organisation": plan.basics.institution,
        "next": coming.text if coming else "",
        "locations": [{"code": place.slug, "name": place.name} for place in locations],
        "steps": steps,
    }


def portfolio_page(folder: PortfolioFolder, lang: str, error: str = "") -> dict[str, object]:
    """The start page of a portfolio: its projects (name, status, the phases of their locations),
    each to be opened; `error` says why a project asked for was not opened."""
    words = {key: msg(key, lang) for key in msg.catalogue}
    page = {"lang": lang, "words": words, "hub_user": "", **template_resources(lang)}
    portfolio = _portfolio(folder)
    name = portfolio.name or msg("portfolio", lang)
    projects = [_project_row(folder, portfolio, code, lang) for code in folder.project_codes()]
    return {
        **page,
        "title": msg("title", lang, name=name),
        "portfolio": name,
        "organisation": portfolio.organisation,
        "projects": projects,
        "error": error,
    }


def _portfolio(folder: PortfolioFolder) -> Portfolio:
    try:
        return folder.load()
    except WorkbookError:  # the projects can still be opened: the committee's file is not needed for that
        return Portfolio()


def _project_row(folder: PortfolioFolder, portfolio: Portfolio, code: str, lang: str) -> dict[str, object]:
    entry = portfolio.project(code)
    row: dict[str, object] = {
        "code": code,
        "name": (entry.name if entry else "") or code,
        "status": entry.status.label(lang) if entry else msg("not_listed", lang),
        "phases": [],
        "error": "",
    }
    try:
        project = folder.project(code)
        row["name"] = project.load_plan().basics.project_name or row["name"]
        phases = [place.phase for place in project.load_locations()]
    except WorkbookError:
        row["error"] = msg("project_unreadable", lang)
        return row
    row["phases"] = [
        {"count": count, "label": phase.label(lang).lower()} for phase in Phase if (count := phases.count(phase))
    ]
    return row


def workshop_page(code: Sequence[str], lang: str, portfolio: str = "") -> tuple[dict[str, object], int]:
    """The start page to show for the address's ``project`` values (`code`) and its HTTP status:
    the project's own page; on a portfolio without a project the list of projects; with a
    project that is not one of the portfolio's the list and why (404)."""
    if not portfolio:
        return start_page(find_project(), lang), 200
    folder = PortfolioFolder(portfolio)
    if not code:
        return portfolio_page(folder, lang), 200
    chosen = code[0] if len(code) == 1 else ""
    try:
        project = folder.chosen_project(chosen)
    except WorkbookError as error:
        return portfolio_page(folder, lang, str(error)), 404
    portfolio = _portfolio(folder).name or msg("portfolio", lang)
    return {**start_page(project, lang), "code": chosen, "portfolio": portfolio}, 200


def refusal(code: Sequence[str], lang: str, portfolio: str = "") -> dict[str, object] | None:
    """On a portfolio, the list of projects with the reason when a step page's address does not name
    exactly one of its projects; else None (the page opens)."""
    if not portfolio:
        return None
    folder = PortfolioFolder(portfolio)
    try:
        folder.chosen_project(code[0] if len(code) == 1 else "")
    except WorkbookError as error:
        return portfolio_page(folder, lang, str(error))
    return None


def render_start_page(handler: JupyterHandler, page: dict[str, object], status: int = 200) -> None:
    """Send `page` (from ``start_page``, ``portfolio_page`` or ``workshop_page``) as HTML."""
    handler.xsrf_token  # noqa: B018 -- sets the _xsrf cookie that a step page sends back when it is closed
    template = handler.settings["voila_jinja2_env"].get_template("start.html")
    handler.set_status(status)
    handler.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
    stylesheet = include_css(TEMPLATE, handler.base_url, "static/workshop.css")
    handler.finish(template.render(base_url=handler.base_url, stylesheet=stylesheet, **page))


class StartPageHandler(JupyterHandler):
    """``/werkboek`` (and ``/`` of ``workbook workshop``): the start page, in place of a file list;
    on a portfolio the list of its projects, or with ``?project=CODE`` that project's start page."""

    @tornado.web.authenticated
    def get(self, path: str = "") -> None:
        codes = self.get_query_arguments(PROJECT_PARAMETER)
        page, status = workshop_page(codes, language(), Settings.current().portfolio)
        render_start_page(self, page, status)
