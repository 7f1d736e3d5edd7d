"""Export to Excel, change a measurement in the sheet, read it back with ``workbook import``."""

from __future__ import annotations

import openpyxl
import pytest

from workbook.cli import COMMAND_MODULES, main
from workbook.exchange.xlsx_export import MEASUREMENT_COLUMNS, MEASUREMENTS_SHEET, export_xlsx

pytestmark = pytest.mark.skipif("import" not in COMMAND_MODULES, reason="'workbook import' has not landed yet")


def test_an_edited_measurement_comes_back_into_the_project(demo_project, tmp_path):
    slug = next(s for s in demo_project.location_slugs() if demo_project.load_location(s).measurements)
    others = {s: demo_project.load_location(s).measurements for s in demo_project.location_slugs() if s != slug}
    path = export_xlsx(demo_project, tmp_path / "werkboek.xlsx", lang="nl")

    book = openpyxl.load_workbook(path)
    sheet = book[MEASUREMENTS_SHEET]
    column = {header: number for number, header in enumerate(MEASUREMENT_COLUMNS, start=1)}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column["Locatie"]).value == slug)
    date = sheet.cell(row, column["Datum"]).value.date()
    goal = sheet.cell(row, column["Doel"]).value
    new_value = float(sheet.cell(row, column["Waarde"]).value) + 7.5
    sheet.cell(row, column["Waarde"]).value = new_value
    sheet.cell(row, column["Toelichting"]).value = "Nageteld in 't Holt: één meting aangepast"
    book.save(path)

    assert main(["import", str(demo_project.root), str(path), "--location", slug]) == 0

    held = [m for m in demo_project.load_location(slug).measurements if (m.date, m.goal_id) == (date, goal)]
    assert [(m.value, m.note) for m in held] == [(new_value, "Nageteld in 't Holt: één meting aangepast")]
    for other, measurements in others.items():
        assert demo_project.load_location(other).measurements == measurements
