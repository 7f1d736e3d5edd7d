"""The presentation layer: report sections are plain data (view models) rendered by Jinja templates.

Templates live in ``templates/workbook/fragments/`` beside the nbconvert page template that wraps
them; both pages (nbconvert's and ``page.html.j2`` for the overview) share ``fragments/head.html.j2``. Every value is escaped by Jinja (autoescape), so whatever a user typed shows as text.
Templates format numbers, money and dates through ``fmt`` (``report.formats``, bound to the
report's language) and read their words through ``m`` (the section's message catalogue).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from workbook.language.i18n import Messages
from workbook.report import formats
from workbook.report.audience import Audience
from workbook.report.html import Fragment, svg_data
from workbook.resources import templates_dir


class Formats:
    """``report.formats`` bound to one language, for templates: ``fmt.money(x)``, ``fmt.date(d)``."""

    def __init__(self, lang: str):
        self.lang = lang

    def __getattr__(self, name: str):
        function = getattr(formats, name)
        return partial(function, lang=self.lang) if callable(function) else function


@cache
def environment() -> Environment:
    """The Jinja environment of the report fragments: autoescaped, strict about missing names."""
    env = Environment(
        loader=FileSystemLoader(templates_dir() / "workbook"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["svg_data"] = svg_data
    return env


def render(template: str, messages: Messages, lang: str, **view: object) -> Markup:
    """The fragment `template` (``name.html.j2`` in ``fragments/``) for the view model in `view`, as markup."""
    words = partial(_message, messages, lang)
    html = environment().get_template(f"fragments/{template}").render(lang=lang, m=words, fmt=Formats(lang), **view)
    return Markup(html)


def line(text: str, tone: str = "", tag: str = "p", cls: str = "") -> str:
    """One line of text for a widget, escaped: a paragraph, heading or span (`tag`) with an optional
    class; `tone` ``done`` marks it ✓, ``error`` ⚠ in red."""
    return str(render("steps/line.html.j2", NO_WORDS, "nl", text=text, tone=tone, tag=tag, cls=cls))


NO_WORDS = Messages({})


def _message(messages: Messages, lang: str, key: str, **values: object) -> str:
    return messages(key, lang, **values)


def per_audience(build: Callable[[Audience | None], Markup], title: str = "") -> Fragment:
    """A section built for the full report (``None``) and for every audience, as one fragment."""
    return Fragment(build(None), title, {audience.value: build(audience) for audience in Audience})
