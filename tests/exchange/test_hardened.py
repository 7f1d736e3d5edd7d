"""Exports at the edges: text that looks like a formula, very long names, files that are alias bombs."""

from __future__ import annotations

import itertools
import time
import tracemalloc

import docx
import openpyxl
import pytest
from pydantic import BaseModel

from workbook.cli import main
from workbook.exchange.docx_export import export_docx
from workbook.exchange.xlsx_export import export_xlsx
from workbook.model.fields import Choice
from workbook.project.store import Project

STARTS = ("=", "+", "-", "@")
TOTAL_FORMULA = "=SUBTOTAL(109,"


def prefix_every_text(record: BaseModel, starts: itertools.cycle) -> None:
    """Let every text field of `record` (and of the records in it) start with =, +, - or @."""
    for name, info in type(record).model_fields.items():
        if info.exclude:
            continue
        value = getattr(record, name)
        if isinstance(value, str) and not isinstance(value, Choice):
            setattr(record, name, f"{next(starts)}{value or 'x'}")
        elif isinstance(value, BaseModel):
            prefix_every_text(value, starts)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    prefix_every_text(item, starts)


@pytest.fixture
def formula_project(demo_project: Project) -> Project:
    """The demo with every text (names, goals, measurements' notes, ...) starting with =, +, - or @."""
    starts = itertools.cycle(STARTS)
    plan = demo_project.load_plan()
    prefix_every_text(plan, starts)
    plan.basics.project_name = '=HYPERLINK("http://voorbeeld.invalid","klik")'
    plan.basics.institution = "=1+1"
    demo_project.save_plan(plan)
    for location in demo_project.load_locations():
        prefix_every_text(location, starts)
        location.name = f'=HYPERLINK("x","{location.slug}")'
        demo_project.save_location(location)
    return demo_project


def formula_cells(path) -> tuple[list, int]:
    """Formula cells other than the workbook's own totals, and how many cells hold text."""
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    unexpected = [
        (cell.parent.title, cell.coordinate, cell.value)
        for cell in cells
        if cell.data_type == "f" and not str(cell.value).startswith(TOTAL_FORMULA)
    ]
    texts = sum(1 for cell in cells if isinstance(cell.value, str) and cell.value[:1] in STARTS)
    return unexpected, texts


def test_no_cell_is_a_formula_whatever_the_user_typed(formula_project: Project, tmp_path) -> None:
    paths = [export_xlsx(formula_project, tmp_path / "alles.xlsx", lang="nl")]
    paths += [
        export_xlsx(formula_project, tmp_path / f"{slug}.xlsx", location=slug, lang="en")
        for slug in formula_project.location_slugs()
    ]
    for path in paths:
        unexpected, texts = formula_cells(path)
        assert unexpected == []
        assert texts > 20
    book = openpyxl.load_workbook(paths[0])
    about = book.worksheets[0]
    assert about["B1"].value == '=HYPERLINK("http://voorbeeld.invalid","klik")'
    assert about["B1"].data_type == "s"
    names = [cell for row in about.iter_rows() for cell in row if str(cell.value).startswith('=HYPERLINK("x"')]
    assert len(names) == len(formula_project.location_slugs())
    assert {cell.data_type for cell in names} == {"s"}


def test_word_export_of_a_very_long_project_name(empty_project: Project, tmp_path) -> None:
    name = "Slimme nachtzorg in alle woonzorglocaties van de regio " * 5  # 280 characters
    plan = empty_project.load_plan()
    plan.basics.project_name = name.strip()
    plan.basics.institution = "Zorggroep " + "Veenhove " * 40
    empty_project.save_plan(plan)
    path = export_docx(empty_project, tmp_path / "plan.docx", lang="nl")
    document = docx.Document(path)
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.startswith("Implementatieplan Slimme nachtzorg")
    assert len(document.core_properties.author) <= 255
    assert name.strip() in "\n".join(p.text for p in document.paragraphs)  # the text itself is whole


@pytest.mark.parametrize("command", ["check", "export", "build"])
def test_an_alias_bomb_is_refused_by_check_export_and_build(
    empty_project: Project, alias_bomb: str, capsys, command: str
) -> None:
    empty_project.plan_path.write_text(alias_bomb, encoding="utf-8")
    argv = {
        "check": ["check", str(empty_project.root)],
        "export": ["export", str(empty_project.root), "--format", "xlsx"],
        "build": ["build", str(empty_project.root)],
    }[command]
    assert main(argv) == 1  # once to import what the command needs: the refusal is what is timed
    capsys.readouterr()
    tracemalloc.start()
    started = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    captured = capsys.readouterr()
    assert code == 1
    assert "ankers en verwijzingen (& en *)" in captured.out + captured.err
    assert "Traceback" not in captured.err
    assert seconds < 1 and peak < 200_000_000
