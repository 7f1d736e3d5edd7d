"""``workbook export --format docx``: the implementation plan, optionally with one location, as Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from workbook.analysis.deid import public_words
from workbook.exchange.docx_location import write_location
from workbook.exchange.docx_parts import set_up_page
from workbook.exchange.docx_plan import msg as plan_msg
from workbook.exchange.docx_plan import write_plan
from workbook.exchange.files import output_path, write_whole
from workbook.language.i18n import language
from workbook.project.store import Project
from workbook.report.audience import Audience


def export_docx(
    project: Project,
    out: str | Path | None = None,
    location: str = "",
    lang: str | None = None,
    today: dt.date | None = None,
    audience: Audience | None = None,
) -> Path:
    """Write the plan (and location `location`, when given) as a .docx file as it stands on `today`;
    returns its path.

    With `audience` the document is that audience's version: the first page says for whom, and the
    audience policy (``report.audience``) decides what it shows. Without `out` the file goes to
    ``build/export/implementatieplan[-<location>][-<audience folder>].docx``.
    """
    lang = lang or language()
    plan = project.load_plan()
    place = project.load_location(location) if location else None
    locations = project.load_locations()
    stem = "-".join(part for part in ("implementatieplan", location, audience.folder if audience else "") if part)
    name = f"{stem}.docx"
    path = output_path(project, out, name, ".docx")

    doc = docx.Document()
    set_up_page(doc, lang)
    doc.core_properties.title = property_text(f"{plan_msg('title', lang)} {plan.basics.project_name}")
    doc.core_properties.author = property_text(plan.basics.institution)
    doc.core_properties.language = "en-GB" if lang == "en" else "nl-NL"
    known = public_words(plan, *locations)
    write_plan(doc, plan, locations, lang, today or dt.date.today(), audience, known)
    if place:
        write_location(doc, plan, place, lang, audience, known)
    return write_whole(path, lambda tmp: doc.save(str(tmp)))


PROPERTY_LENGTH = 255
"""Word's document properties (title, author) hold at most this many characters."""


def property_text(text: str) -> str:
    """`text` for a document property: one line, cut to PROPERTY_LENGTH with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= PROPERTY_LENGTH else text[: PROPERTY_LENGTH - 1].rstrip() + "…"
