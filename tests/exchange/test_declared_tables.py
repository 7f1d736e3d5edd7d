"""Every table is declared once (``report.tables``): HTML, Word and Excel follow the declaration.

A field added to the model and named in a table's declaration shows in the HTML report, the Word
document and the Excel workbook; declared a person's name, it shows for the working group, the
board and the team and leaves every output of the client council; no renderer is touched.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import html
import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from workbook.model import Action, Location, Plan, RunbookActivity
from workbook.model.fields import Privacy, field
from workbook.project.store import Project
from workbook.report import tables
from workbook.report.audience import Audience
from workbook.report.location import LocationReport
from workbook.report.plan import PlanReport
from workbook.resources import demo_dir

from .test_audience_exports import export

TODAY = dt.date(2026, 3, 1)


def models_under(root: type[BaseModel]) -> list[type[BaseModel]]:
    """`root` and every model its fields hold, the innermost first (rebuilt in that order)."""
    found: list[type[BaseModel]] = []

    def walk(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            for info in annotation.model_fields.values():
                walk(info.annotation)
            found.append(annotation)
        for arg in typing.get_args(annotation):
            walk(arg)

    walk(root)
    return found


def rebuild() -> None:
    for model in [*models_under(Plan), *models_under(Location)]:
        model.model_rebuild(force=True)


@contextlib.contextmanager
def new_field(model: type[BaseModel], name: str, nl: str, en: str, privacy: Privacy) -> Iterator[None]:
    """A text field `name` on `model`, declared as ``field(nl, en, privacy=...)``, for the test only."""
    info = field(nl, en, default="", privacy=privacy)
    info.annotation = str
    model.model_fields[name] = info
    rebuild()
    try:
        yield
    finally:
        del model.model_fields[name]
        rebuild()


def with_column(monkeypatch: pytest.MonkeyPatch, key: str, name: str) -> None:
    """The declaration `tables.<key>` with one more column: the model's field `name`."""
    table = getattr(tables, key)
    monkeypatch.setattr(tables, key, dataclasses.replace(table, columns=(*table.columns, tables.Column(name))))


def html_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def for_audience(fragment, audience: Audience | None) -> str:
    """The HTML a report section shows `audience` (None: the full report)."""
    if audience is None:
        return html_text(str(fragment.html))
    return html_text(fragment.variants.get(audience.value, str(fragment.html)))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    return "\n".join(str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c)


OPTIONS = {None: [], Audience.board: ["--audience", "bestuur"], Audience.team: ["--audience", "team"]}
OPTIONS[Audience.council] = ["--audience", "clientenraad"]


def outputs(project: Path, audience: Audience | None) -> dict[str, str]:
    """The text of the de-linde and plan reports' HTML, the Word document with De Linde and the
    Excel workbook, as `audience` gets them."""
    location = LocationReport.load(project, "de-linde", today=TODAY)
    plan = PlanReport.load(project, today=TODAY)
    sections = [location.runbook(), location.team(), plan.goals()]
    options = OPTIONS[audience]
    return {
        "html": "\n".join(for_audience(section, audience) for section in sections),
        "docx": docx_text(export(project, "--format", "docx", "--location", "de-linde", *options)),
        "xlsx": xlsx_text(export(project, "--format", "xlsx", *options)),
    }


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A fresh copy of the demo: the tests save a field into it that only they know."""
    target = tmp_path / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    return target


def fill_buddies(project: Path) -> None:
    store = Project.open(project)
    location = store.load_location("de-linde")
    for activity in location.runbook:
        activity.buddy = "Kees Maatman"
    store.save_location(location)
    plan = store.load_plan()
    for goal in plan.goals:
        for action in goal.actions:
            action.buddy = "Kees Maatman"
    store.save_plan(plan)


def test_a_field_added_to_a_declaration_shows_in_html_word_and_excel(demo, monkeypatch):
    with (
        new_field(RunbookActivity, "buddy", "Proefveld", "Test field", Privacy.public),
        new_field(Action, "buddy", "Proefveld", "Test field", Privacy.public),
    ):
        with_column(monkeypatch, "RUNBOOK", "buddy")
        with_column(monkeypatch, "ACTIONS", "buddy")
        fill_buddies(demo)
        for audience in (None, Audience.council):
            for kind, text in outputs(demo, audience).items():
                assert "Proefveld" in text, (kind, audience)  # the header: the field's own label
                assert "Kees Maatman" in text, (kind, audience)


def test_a_new_person_name_field_leaves_every_council_output(demo, monkeypatch):
    """Declared ``privacy="person"`` on the model and named in the declarations: the working
    group, the board and the team read it in HTML, Word and Excel; the client council nowhere."""
    with (
        new_field(RunbookActivity, "buddy", "Maatje", "Buddy", Privacy.person),
        new_field(Action, "buddy", "Maatje", "Buddy", Privacy.person),
    ):
        with_column(monkeypatch, "RUNBOOK", "buddy")
        with_column(monkeypatch, "ACTIONS", "buddy")
        fill_buddies(demo)
        for audience in (Audience.board, Audience.team):
            for kind, text in outputs(demo, audience).items():
                assert "Maatje" in text and "Kees Maatman" in text, (kind, audience)
        for kind, text in outputs(demo, Audience.council).items():
            assert "Kees Maatman" not in text, kind
            assert "Maatje" not in text, kind
