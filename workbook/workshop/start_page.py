"""The workshop's start page: the project, a location picker and the ten steps, how far each is.

``start_page`` gathers plain data from the project folder (fresh on every visit, no kernel);
``StartPageHandler`` renders it with ``start.html`` of the workshop template.
"""

from __future__ import annotations

import os

import tornado.web
from jupyter_server.base.handlers import JupyterHandler
from voila.utils import include_css

from workbook.analysis.completeness import next_step, step_completeness
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.model.steps import STEPS
from workbook.project.session import find_project
from workbook.project.store import Project
from workbook.steps.page_open import HUB_USER_ENV
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


class StartPageHandler(JupyterHandler):
    """``/werkboek`` (and ``/`` of ``workbook workshop``): the start page, in place of a file list."""

    @tornado.web.authenticated
    def get(self, path: str = "") -> None:
        lang = language()
        self.xsrf_token  # noqa: B018 -- sets the _xsrf cookie that a step page sends back when it is closed
        page = start_page(find_project(), lang)
        template = self.settings["voila_jinja2_env"].get_template("start.html")
        self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
        stylesheet = include_css(TEMPLATE, self.base_url, "static/workshop.css")
        self.finish(template.render(base_url=self.base_url, stylesheet=stylesheet, **page))
