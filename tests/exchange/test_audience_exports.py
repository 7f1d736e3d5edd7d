"""``workbook export --audience``: Word and Excel per audience, by the same policy as the reports.

The client council's document and workbook hold no staff name (the names are collected from the
demo's YAML here, not from the model's declarations) and no exact client count under 5.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from openpyxl import load_workbook

from workbook.cli import main
from workbook.resources import demo_dir

PERSON_KEYS = {"person", "who", "owner", "central_contact", "who_explains", "recorder", "rater"}
PEOPLE_LISTS = {"team", "working_group", "stakeholders"}


def staff_names(folder: Path) -> set[str]:
    """Every staff name in the demo's YAML: team and working group members, and every value of a
    who/person/owner/contact key or stakeholder that starts with one of their first names."""
    documents = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.rglob("*.yaml"))]
    members, values = set(), set()

    def walk(node: object, parent: str = "") -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and (key in PERSON_KEYS or (key == "name" and parent in PEOPLE_LISTS)):
                    values.add(re.sub(r"\s*\(.*\)", "", value).strip())
                    if parent in ("team", "working_group") and key == "name":
                        members.add(value.strip())
                walk(value, key if isinstance(value, list) else parent)
        elif isinstance(node, list):
            for item in node:
                walk(item, parent)

    for document in documents:
        walk(document)
    first_names = {name.split()[0] for name in members}
    return members | {value for value in values if value and value.split()[0] in first_names}


def export(project: Path, *options: str) -> Path:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["export", str(project), *options]) == 0
    return Path(out.getvalue().split(": ", 1)[1].strip())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("audience") / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    return target


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    return "\n".join(
        str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if cell
    )


def clients_section(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs and tables of the Word clients section ("Geschikte cliënten")."""
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs, tables, inside = [], [], False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            if paragraph.style.name == "Heading 2":
                inside = paragraph.text == "Geschikte cliënten"
            elif inside:
                paragraphs.append(paragraph.text)
        elif tag == "tbl" and inside:
            table = docx.table.Table(child, document)
            tables.append([[cell.text for cell in row.cells] for row in table.rows])
    return paragraphs, tables


def test_the_names_are_found_in_the_demo(demo):
    names = staff_names(demo)
    assert {"Ilse Brouwer-Kamp", "Jeroen Olde Wolbers", "Wouter Pranger"} <= names
    assert len(names) >= 15


@pytest.mark.parametrize("audience", ["clientenraad", "council"])
def test_the_council_document_names_no_staff_and_no_small_count(demo, audience):
    path = export(demo, "--format", "docx", "--location", "de-linde", "--audience", audience)
    assert path.name == "implementatieplan-de-linde-clientenraad.docx"
    text = docx_text(path)
    leaked = sorted(name for name in staff_names(demo) if name in text)
    assert not leaked
    assert "de cliëntenraad" in docx.Document(str(path)).paragraphs[1].text  # said on the first page
    paragraphs, tables = clients_section(path)
    counts = [row[2] for row in tables[0][1:]] + [row[1] for row in tables[1][1:]]
    counts += [line.split(":", 1)[1] for line in paragraphs if line.startswith(("Cliënten van", "Waarschijnlijk"))]
    shown = [int(n) for count in counts for n in re.findall(r"\d+", count)]
    assert shown and all(n >= 5 for n in shown), counts
    assert "minder dan 5" in counts
    for hidden in (3, 6, 2, 1, 32, 22):  # De Linde's exact counts that must not be given away
        assert hidden not in shown


def test_the_council_workbook_names_no_staff(demo):
    path = export(demo, "--format", "xlsx", "--audience", "council")
    assert path.name == "werkboek-clientenraad.xlsx"
    text = xlsx_text(path)
    assert not sorted(name for name in staff_names(demo) if name in text)
    about = load_workbook(path).worksheets[0]
    assert [about.cell(1, 1).value, about.cell(1, 2).value] == ["Voor", "de cliëntenraad"]


def test_the_board_and_the_full_export_keep_the_names(demo):
    for options in ([], ["--audience", "board"]):
        text = docx_text(export(demo, "--format", "docx", "--location", "de-linde", *options))
        assert "Ilse Brouwer-Kamp" in text
        assert "Ilse Brouwer-Kamp" in xlsx_text(export(demo, "--format", "xlsx", *options))


def test_the_full_document_protects_small_counts_too(demo):
    _, tables = clients_section(export(demo, "--format", "docx", "--location", "de-linde"))
    cells = [row[2] for row in tables[0][1:]] + [row[1] for row in tables[1][1:]]
    assert not any(cell.strip() in {"1", "2", "3", "4"} for cell in cells), cells


def test_an_unknown_audience_is_refused_in_dutch(demo, capsys):
    with pytest.raises(SystemExit):
        main(["export", str(demo), "--format", "docx", "--audience", "iedereen"])
    assert "onbekend publiek" in capsys.readouterr().err
