"""The page around a report: the shared stylesheet, and a whole page for HTML made outside nbconvert."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup

from workbook.language.i18n import Messages
from workbook.report.render import render
from workbook.resources import templates_dir

TEMPLATE = "workbook"

msg = Messages(
    {
        "made_by": (
            "Gemaakt met het implementatiewerkboek {version} op {date}.",
            "Made with the implementation workbook {version} on {date}.",
        ),
    }
)


@cache
def stylesheet() -> str:
    """The report stylesheet (templates/workbook/static/report.css)."""
    return (templates_dir() / TEMPLATE / "static" / "report.css").read_text(encoding="utf-8")


def footer(version: str, date: str, lang: str) -> str:
    """The line at the bottom of every report."""
    return msg("made_by", lang, version=version, date=date)


def page(title: str, body: Markup, lang: str, footer_text: str) -> str:
    """A whole self-contained HTML page, laid out like the nbconvert reports."""
    view = {"title": title, "css": Markup(stylesheet()), "body": body, "footer": footer_text}
    return str(render("page.html.j2", msg, lang, **view)) + "\n"
