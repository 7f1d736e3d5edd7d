"""``workbook export --format xlsx``: actions, runbooks, costs, measurements and stakeholders in one workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from workbook.analysis.costs import costs_per_location
from workbook.analysis.stakeholders import quadrant
from workbook.exchange.files import output_path, write_whole
from workbook.exchange.values import show
from workbook.exchange.xlsx_parts import DATE_FORMAT, Column, add_sheet, add_total_row, append_row
from workbook.language.i18n import Messages, language
from workbook.model import Action, Basics, Goal, Location, Measurement, Plan, RunbookActivity, Stakeholder, Status
from workbook.model.fields import Choice, field_label
from workbook.project.store import Project
from workbook.report import truth

# The measurements sheet is also an input: `workbook import` reads it back, so its name and
# columns are fixed (the store's CSV columns, capitalised, with the location in front).
MEASUREMENTS_SHEET = "Metingen"
MEASUREMENT_COLUMNS = ("Locatie", "Datum", "Doel", "Waarde", "Toelichting")

msg = Messages(
    {
        "about_sheet": ("Over dit bestand", "About this file"),
        "goals_sheet": ("Doelen", "Goals"),
        "actions_sheet": ("Acties", "Actions"),
        "runbooks_sheet": ("Draaiboeken", "Runbooks"),
        "costs_sheet": ("Kosten", "Costs"),
        "stakeholders_sheet": ("Stakeholders", "Stakeholders"),
        "location": ("Locatie", "Location"),
        "quadrant": ("Kwadrant", "Quadrant"),
        "code": ("Code", "Code"),
        "total": ("Totaal", "Total"),
        "exported": ("Geëxporteerd op", "Exported on"),
        "import_one": (
            "Nieuwe metingen: vul ze in op het blad 'Metingen', één regel per meting, en lees ze in met: "
            "workbook import MAP BESTAND --location {code}",
            "New measurements: fill them in on the 'Metingen' sheet, one row per measurement, and read them "
            "in with: workbook import FOLDER FILE --location {code}",
        ),
        "import_all": (
            "Nieuwe metingen: vul ze in op het blad 'Metingen', één regel per meting, met in de kolom Locatie "
            "de code van de locatie (zie hieronder). Lees ze per locatie in met: workbook import MAP BESTAND "
            "--location CODE --skip-other-locations",
            "New measurements: fill them in on the 'Metingen' sheet, one row per measurement, with the "
            "location's code (see below) in the Locatie column. Read them in per location with: workbook "
            "import FOLDER FILE --location CODE --skip-other-locations",
        ),
    }
)


def export_xlsx(project: Project, out: str | Path | None = None, location: str = "", lang: str | None = None) -> Path:
    """Write the project's tables as one .xlsx file; returns its path.

    With `location`, the runbook, cost and measurement sheets hold that location only, so a
    team can fill in its measurements and read them back with ``workbook import``. Without
    `out` the file goes to ``build/export/werkboek[-<location>].xlsx``.
    """
    lang = lang or language()
    plan = project.load_plan()
    locations = [project.load_location(location)] if location else project.load_locations()
    name = f"werkboek-{location}.xlsx" if location else "werkboek.xlsx"
    path = output_path(project, out, name, ".xlsx")
    book = Workbook()
    if book.active is not None:  # (a new book has one empty sheet)
        book.remove(book.active)
    add_about_sheet(book, plan, locations, lang)
    add_goals_sheet(book, plan, lang)
    add_actions_sheet(book, plan, lang)
    add_runbooks_sheet(book, locations, lang)
    add_costs_sheet(book, locations, lang)
    add_measurements_sheet(book, locations)
    add_stakeholders_sheet(book, plan, lang)
    book.properties.title = plan.basics.project_name
    book.calculation.fullCalcOnLoad = True
    return write_whole(path, lambda tmp: book.save(tmp))


def add_about_sheet(book: Workbook, plan: Plan, locations: list[Location], lang: str) -> None:
    sheet = book.create_sheet(msg("about_sheet", lang))
    for name in ("project_name", "institution", "innovation"):
        append_row(sheet, [field_label(Basics, name, lang), show(getattr(plan.basics, name), lang)])
    append_row(sheet, [msg("exported", lang), dt.datetime.combine(dt.date.today(), dt.time())])
    sheet.cell(row=sheet.max_row, column=2).number_format = DATE_FORMAT
    append_row(sheet, [])
    if len(locations) == 1:
        append_row(sheet, [msg("import_one", lang, code=locations[0].slug)])
    else:
        append_row(sheet, [msg("import_all", lang)])
    append_row(sheet, [])
    append_row(sheet, [msg("code", lang), msg("location", lang)])
    for location in locations:
        append_row(sheet, [location.slug, show(location.name, lang)])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60


def add_goals_sheet(book: Workbook, plan: Plan, lang: str) -> None:
    kinds = {"text": "long", "baseline": "number", "target": "number", "deadline": "date"}
    names = ["id", "text", "indicator", "baseline", "target", "unit", "deadline", "owner", "term"]
    columns = [Column(field_label(Goal, name, lang), kinds.get(name, "text")) for name in names]
    rows = [[_cell(getattr(goal, name), lang) for name in names] for goal in plan.goals]
    add_sheet(book, msg("goals_sheet", lang), columns, rows)


def add_actions_sheet(book: Workbook, plan: Plan, lang: str) -> None:
    columns = [
        Column(field_label(Measurement, "goal_id", lang)),
        Column(field_label(Goal, "text", lang), "long"),
        Column(field_label(Action, "text", lang), "long"),
        Column(field_label(Action, "who", lang)),
        Column(field_label(Action, "when", lang), "date"),
        Column(field_label(RunbookActivity, "status", lang)),
        Column(field_label(Action, "target_group", lang)),
        Column(field_label(Action, "factor_id", lang)),
    ]
    rows = [
        [
            goal.id,
            goal.text,
            action.text,
            action.who,
            action.when,
            (Status.done if action.done else Status.todo).label(lang),
            action.target_group,
            action.factor_id,
        ]
        for goal in plan.goals
        for action in goal.actions
    ]
    add_sheet(book, msg("actions_sheet", lang), columns, rows)


def add_runbooks_sheet(book: Workbook, locations: list[Location], lang: str) -> None:
    kinds = {"activity": "long", "start": "date", "end": "date", "one_off_cost": "money", "structural_cost": "money"}
    names = ["activity", "person", "start", "end", "one_off_cost", "structural_cost", "status"]
    columns = [Column(msg("location", lang))]
    columns += [Column(field_label(RunbookActivity, name, lang), kinds.get(name, "text")) for name in names]
    rows = [
        [location.name, *(_cell(getattr(activity, name), lang) for name in names)]
        for location in locations
        for activity in location.runbook
    ]
    sheet = add_sheet(book, msg("runbooks_sheet", lang), columns, rows)
    if rows:
        add_total_row(sheet, msg("total", lang), [6, 7], len(rows))


def add_costs_sheet(book: Workbook, locations: list[Location], lang: str) -> None:
    """Costs per location as the reports show them (``analysis.costs``): planned (every activity
    that is not cancelled) and incurred (the activities that are done), one-off and per year."""
    names = ("one_off", "one_off_incurred", "structural", "structural_incurred")
    columns = [Column(msg("location", lang)), *(Column(truth.msg(name, lang), "money") for name in names)]
    per_location, _ = costs_per_location(locations)
    rows = [[row.name, *(getattr(row.costs, name) for name in names)] for row in per_location]
    sheet = add_sheet(book, msg("costs_sheet", lang), columns, rows)
    if rows:
        add_total_row(sheet, msg("total", lang), [2, 3, 4, 5], len(rows))
    append_row(sheet, [])
    append_row(sheet, [truth.msg("costs_note", lang)])


def add_measurements_sheet(book: Workbook, locations: list[Location]) -> None:
    kinds = ("text", "date", "text", "number", "long")
    columns = [Column(header, kind) for header, kind in zip(MEASUREMENT_COLUMNS, kinds, strict=True)]
    rows = [
        [location.slug, m.date, m.goal_id, m.value, m.note]
        for location in locations
        for m in sorted(location.measurements, key=lambda m: (m.date, m.goal_id))
    ]
    add_sheet(book, MEASUREMENTS_SHEET, columns, rows)


def add_stakeholders_sheet(book: Workbook, plan: Plan, lang: str) -> None:
    kinds = {"power": "number", "interest": "number", "stake": "long"}
    names = ["name", "role", "power", "interest", "position", "strategy", "stake", "next_step"]
    columns = [Column(field_label(Stakeholder, name, lang), kinds.get(name, "text")) for name in names]
    columns.insert(4, Column(msg("quadrant", lang)))
    rows = []
    for stakeholder in plan.stakeholders:
        row = [_cell(getattr(stakeholder, name), lang) for name in names]
        row.insert(4, quadrant(stakeholder.power, stakeholder.interest).label(lang))
        rows.append(row)
    add_sheet(book, msg("stakeholders_sheet", lang), columns, rows)


def _cell(value: object, lang: str) -> object:
    """A field value for a cell: numbers, dates and text stay themselves, choices become their label."""
    if isinstance(value, Choice):
        return value.label(lang)
    if value is None or isinstance(value, (int, float, str, dt.date)) and not isinstance(value, bool):
        return value
    return show(value, lang)
