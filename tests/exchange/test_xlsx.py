"""The Excel export read back with pandas and openpyxl: every action and measurement, real dates, filters."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from workbook.exchange.xlsx_export import MEASUREMENT_COLUMNS, MEASUREMENTS_SHEET, export_xlsx
from workbook.exchange.xlsx_parts import DATE_FORMAT
from workbook.model import Status

from .sample import LONG_TEXT

ACTIONS_SHEET = "Acties"


def text(value: object) -> str:
    """A text cell as read by pandas: empty cells come back as NaN."""
    return "" if pd.isna(value) else value


def date(value: object) -> dt.date | None:
    """A date cell as read by pandas: a Timestamp, or NaT when empty."""
    return None if pd.isna(value) else value.date()


def test_every_action_is_a_row_with_its_status(demo_project):
    plan = demo_project.load_plan()
    sheet = pd.read_excel(export_xlsx(demo_project, lang="nl"), sheet_name=ACTIONS_SHEET)
    rows = [(r["Doel (nr)"], r["Actie"], text(r["Wie"]), date(r["Wanneer"]), r["Klaar"]) for _, r in sheet.iterrows()]
    expected = [
        (goal.id, action.text, action.who, action.when, "klaar" if action.done else "open")
        for goal in plan.goals
        for action in goal.actions
    ]
    assert expected
    assert rows == expected


def test_every_measurement_of_every_location_is_a_row(demo_project):
    sheet = pd.read_excel(export_xlsx(demo_project, lang="nl"), sheet_name=MEASUREMENTS_SHEET)
    assert tuple(sheet.columns) == MEASUREMENT_COLUMNS
    rows = sorted((r.Locatie, date(r.Datum), r.Doel, float(r.Waarde), text(r.Toelichting)) for r in sheet.itertuples())
    expected = sorted(
        (location.slug, m.date, m.goal_id, m.value, m.note)
        for location in demo_project.load_locations()
        for m in location.measurements
    )
    assert expected
    assert rows == expected


def test_runbooks_and_costs_per_location(demo_project):
    veenhuys = demo_project.load_location("t-veenhuys")
    next(a for a in veenhuys.runbook if a.status == Status.cancelled).one_off_cost = 1250
    demo_project.save_location(veenhuys)
    path = export_xlsx(demo_project, lang="nl")
    locations = demo_project.load_locations()
    runbooks = pd.read_excel(path, sheet_name="Draaiboeken").dropna(subset=["Activiteit"])
    assert len(runbooks) == sum(len(location.runbook) for location in locations)
    costs = pd.read_excel(path, sheet_name="Kosten").dropna(subset=["Eenmalig gepland"])
    assert list(costs.columns) == [
        "Locatie",
        "Eenmalig gepland",
        "Eenmalig gemaakt",
        "Per jaar gepland",
        "Per jaar lopend",
    ]
    by_name = {row.Locatie: row for row in costs.itertuples(index=False)}
    for location in locations:  # as the reports count them: cancelled activities cost nothing
        planned = [a for a in location.runbook if a.status != Status.cancelled]
        done = [a for a in planned if a.status == Status.done]
        expected = [sum(a.one_off_cost for a in planned), sum(a.one_off_cost for a in done)]
        expected += [sum(a.structural_cost for a in planned), sum(a.structural_cost for a in done)]
        assert list(by_name[location.name])[1:] == expected, location.name
    totals = openpyxl.load_workbook(path)["Kosten"]
    total_row = next(row for row in totals.iter_rows() if row[0].value == "Totaal")
    assert total_row[1].value.startswith("=SUBTOTAL(109,B2:")


def test_sheets_have_real_dates_a_frozen_header_and_filters(awkward_project):
    book = openpyxl.load_workbook(export_xlsx(awkward_project, lang="nl"))
    for title in (ACTIONS_SHEET, "Draaiboeken", MEASUREMENTS_SHEET, "Stakeholders", "Doelen"):
        sheet = book[title]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert all(cell.font.b for cell in sheet[1])
    dates = book[MEASUREMENTS_SHEET]["B2"]
    assert dates.is_date and dates.number_format == DATE_FORMAT
    assert dates.value == dt.datetime(2025, 1, 1)
    formula_like = [c for row in book[ACTIONS_SHEET].iter_rows() for c in row if c.value == "=SUM(A1) is geen formule"]
    assert formula_like and formula_like[0].data_type == "s"


def test_long_texts_and_names_survive(awkward_project):
    path = export_xlsx(awkward_project, lang="nl")
    measurements = pd.read_excel(path, sheet_name=MEASUREMENTS_SHEET)
    assert LONG_TEXT in set(measurements["Toelichting"])
    runbooks = pd.read_excel(path, sheet_name="Draaiboeken")
    assert "Woonzorg 't Holt" in set(runbooks["Locatie"])
    about = openpyxl.load_workbook(path).worksheets[0]
    assert about["B2"].value == "Zorggroep Één <test>"


def test_empty_project_gives_sheets_with_headers_only(empty_project):
    path = export_xlsx(empty_project, lang="nl")
    sheets = pd.read_excel(path, sheet_name=None)
    assert {ACTIONS_SHEET, "Draaiboeken", "Kosten", MEASUREMENTS_SHEET, "Stakeholders"} <= set(sheets)
    assert sheets[MEASUREMENTS_SHEET].empty
    assert tuple(sheets[MEASUREMENTS_SHEET].columns) == MEASUREMENT_COLUMNS
    assert sheets[ACTIONS_SHEET].empty


def test_one_location_holds_only_its_own_runbook_and_measurements(demo_project):
    slug = next(s for s in demo_project.location_slugs() if demo_project.load_location(s).measurements)
    location = demo_project.load_location(slug)
    path = export_xlsx(demo_project, location=slug, lang="nl")
    assert path.name == f"werkboek-{slug}.xlsx"
    measurements = pd.read_excel(path, sheet_name=MEASUREMENTS_SHEET)
    assert set(measurements["Locatie"]) == {slug}
    assert len(measurements) == len(location.measurements)
    runbooks = pd.read_excel(path, sheet_name="Draaiboeken").dropna(subset=["Activiteit"])
    assert set(runbooks["Locatie"]) == {location.name}
