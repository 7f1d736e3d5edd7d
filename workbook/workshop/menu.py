"""The step menu of the workshop pages: every step with its number, title, purpose and address.

The Voilà template (templates/voila/templates/workshop/) gets this as plain data through
``VoilaConfiguration.resources``; the start page gets the same list.
"""

from __future__ import annotations

from typing import Any

from workbook.language.i18n import Messages
from workbook.model.steps import STEPS, Step

TEMPLATE = "workshop"  # templates/voila/templates/workshop/
START_PATH = "werkboek"  # the start page, under the server's base URL

msg = Messages(
    {
        "step": ("Stap {number} · {title}", "Step {number} · {title}"),
        "start": ("Start", "Start"),
        "previous": ("Vorige stap", "Previous step"),
        "next": ("Volgende stap", "Next step"),
        "menu": ("Stappen", "Steps"),
        "loading": ("De stap wordt geopend…", "The step is opening…"),
        "intro": ("Uitleg bij deze stap", "About this step"),
        "still_loading": (
            "Een moment nog: het formulier wordt klaargezet.",
            "One moment: the form is being prepared.",
        ),
        "no_script": ("Deze pagina heeft JavaScript nodig.", "This page needs JavaScript."),
    }
)


def page_title(step: Step, lang: str) -> str:
    """The title of a step's page and browser tab: "Stap 3 · SMART-doelen en acties"."""
    return msg("step", lang, number=step.number, title=step.title(lang))


def step_menu(lang: str) -> list[dict[str, object]]:
    """Every step in the order of the work, as plain data for a template."""
    return [
        {
            "key": step.key,
            "number": step.number,
            "name": step.notebook.removesuffix(".ipynb"),
            "notebook": step.notebook,
            "title": step.title(lang),
            "label": page_title(step, lang),
            "purpose": step.purpose(lang),
            "per_location": step.per_location,
        }
        for step in STEPS.values()
    ]


def template_resources(lang: str) -> dict[str, dict[str, Any]]:
    """What the workshop template needs besides the notebook: the menu and its words."""
    words = {
        key: msg(key, lang)
        for key in ("start", "previous", "next", "menu", "loading", "still_loading", "no_script", "intro")
    }
    return {"workbook": {"lang": lang, "start_path": START_PATH, "steps": step_menu(lang), "words": words}}
