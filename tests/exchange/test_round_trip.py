"""Export to Excel, change a measurement in the sheet, read it back with ``workbook import``."""

from __future__ import annotations

import datetime as dt

import openpyxl

from workbook.cli import main
from workbook.exchange.xlsx_export import MEASUREMENT_COLUMNS, MEASUREMENTS_SHEET, export_xlsx

NOTE = "Nageteld in 't Holt: één meting aangepast"


def edit_one_measurement(path, slug: str) -> tuple[dt.date, str, float]:
    """Change the value and note of `slug`'s first row on the measurements sheet, as a user would."""
    book = openpyxl.load_workbook(path)
    sheet = book[MEASUREMENTS_SHEET]
    column = {header: number for number, header in enumerate(MEASUREMENT_COLUMNS, start=1)}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column["Locatie"]).value == slug)
    date = sheet.cell(row, column["Datum"]).value.date()
    goal = sheet.cell(row, column["Doel"]).value
    new_value = float(sheet.cell(row, column["Waarde"]).value) + 7.5
    sheet.cell(row, column["Waarde"]).value = new_value
    sheet.cell(row, column["Toelichting"]).value = NOTE
    book.save(path)
    return date, goal, new_value


def assert_held(project, slug: str, date: dt.date, goal: str, value: float, others: dict) -> None:
    held = [m for m in project.load_location(slug).measurements if (m.date, m.goal_id) == (date, goal)]
    assert [(m.value, m.note) for m in held] == [(value, NOTE)]
    for other, measurements in others.items():
        assert project.load_location(other).measurements == measurements


def measured(project) -> tuple[str, dict]:
    """A location with measurements, and the measurements of every other location."""
    slug = next(s for s in project.location_slugs() if project.load_location(s).measurements)
    others = {s: project.load_location(s).measurements for s in project.location_slugs() if s != slug}
    return slug, others


def test_an_edited_measurement_comes_back_into_the_project(demo_project, tmp_path):
    slug, others = measured(demo_project)
    path = export_xlsx(demo_project, tmp_path / "werkboek.xlsx", location=slug, lang="nl")
    date, goal, value = edit_one_measurement(path, slug)
    assert main(["import", str(demo_project.root), str(path), "--location", slug]) == 0
    assert_held(demo_project, slug, date, goal, value, others)


def test_the_whole_workbook_file_reads_back_one_location_at_a_time(demo_project, tmp_path):
    slug, others = measured(demo_project)
    path = export_xlsx(demo_project, tmp_path / "werkboek.xlsx", lang="nl")
    date, goal, value = edit_one_measurement(path, slug)
    root = str(demo_project.root)
    assert main(["import", root, str(path), "--location", slug, "--skip-other-locations"]) == 0
    assert_held(demo_project, slug, date, goal, value, others)
