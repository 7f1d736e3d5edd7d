"""The client council's HTML, Word and Excel over the demo: no staff name, no exact client count
under 5, and no client name typed into a success or a failure.

The typed names ("mevrouw Jansen", "Pieter de Vries") are added to De Linde's successes and
failures here; the full outputs keep them, so the test would see them if they leaked.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.exchange.test_audience_exports import clients_section, docx_text, export, staff_names, xlsx_text
from workbook.model import Experience, ExperienceKind

from .conftest import copy_demo, run_build

pytestmark = pytest.mark.slow

TYPED = [
    Experience(
        date=dt.date(2026, 1, 15),
        kind=ExperienceKind.success,
        description="Mevrouw Jansen sliep voor het eerst in weken door; haar zoon belde blij.",
        lesson="Vraag mevrouw Jansen en haar familie na een week hoe het gaat.",
    ),
    Experience(
        date=dt.date(2026, 1, 22),
        kind=ExperienceKind.failure,
        description="De melding van Pieter de Vries op kamer 12 bleef een kwartier liggen.",
    ),
]
CLIENT_WORDS = ("Jansen", "Pieter", "Vries", "kamer 12")
COUNT_CELL = re.compile(r'<td class="number">([^<]*)</td>')
CLIENTS_SECTION = re.compile(r'<section class="chapter" id="clienten">(.*?)</section>', re.DOTALL)


def page_text(path: Path) -> str:
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def small(cells: list[str]) -> list[str]:
    """The cells that show a client count from 1 to 4 as a number."""
    return [cell for cell in cells if re.fullmatch(r"\s*[1-4]\s*", str(cell))]


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    project = copy_demo(tmp_path_factory.mktemp("council") / "demo")
    linde = project.load_location("de-linde")
    linde.experiences += [experience.model_copy() for experience in TYPED]
    project.save_location(linde)
    built = run_build(project, "--audience", "clientenraad")
    assert built.code == 0, built.output
    root = project.root
    return {
        "root": root,
        "pages": sorted((built.reports / "clientenraad").glob("*.html")),
        "docx": export(root, "--format", "docx", "--location", "de-linde", "--audience", "clientenraad"),
        "xlsx": export(root, "--format", "xlsx", "--audience", "clientenraad"),
        "full_docx": export(root, "--format", "docx", "--location", "de-linde"),
        "full_xlsx": export(root, "--format", "xlsx"),
    }


def test_the_full_outputs_hold_the_typed_names(council):
    for text in (docx_text(council["full_docx"]), xlsx_text(council["full_xlsx"])):
        assert "mevrouw Jansen" in text and "Pieter de Vries" in text


def test_no_staff_name_and_no_typed_client_name_in_any_council_output(council):
    texts = {page.name: page_text(page) for page in council["pages"]}
    texts["docx"] = docx_text(council["docx"])
    texts["xlsx"] = xlsx_text(council["xlsx"])
    names = staff_names(council["root"])
    assert len(texts) > 3 and names
    for where, text in texts.items():
        assert not [name for name in names if name in text], where
        assert not [word for word in CLIENT_WORDS if word in text], where
    assert "mevrouw [naam]" in texts["de-linde.html"] and "mevrouw [naam]" in texts["docx"]
    assert "mevrouw [naam]" in texts["xlsx"]


def test_no_exact_client_count_under_five_in_any_council_output(council):
    for page in council["pages"]:
        sections = CLIENTS_SECTION.findall(page.read_text(encoding="utf-8"))
        assert not small([cell for section in sections for cell in COUNT_CELL.findall(section)]), page.name
    paragraphs, tables = clients_section(council["docx"])
    cells = [row[2] for row in tables[0][1:]] + [row[1] for row in tables[1][1:]]
    cells += [line.split(":", 1)[1] for line in paragraphs if ":" in line]
    assert cells and not small(cells)
    book = load_workbook(council["xlsx"])
    counts = []
    for title in ("In- en exclusiecriteria", "Bijgestelde inschattingen"):
        sheet = book[title]
        column = [cell.value for cell in sheet[1]].index("Aantal cliënten")
        counts += [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert counts and "minder dan 5" in counts and not small(counts)
