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
from workbook.report.audience import Audience, visible

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
        "for_audience": ("Voor", "For"),
        "audience_note": (
            "Volgens de afspraken voor dit publiek: namen die het niet hoort te lezen staan er niet in.",
            "Following the rules for this audience: names it should not read are left out.",
        ),
        "unnamed": ("(zonder rol)", "(no role)"),
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


def export_xlsx(
    project: Project,
    out: str | Path | None = None,
    location: str = "",
    lang: str | None = None,
    audience: Audience | None = None,
) -> Path:
    """Write the project's tables as one .xlsx file; returns its path.

    With `location`, the runbook, cost and measurement sheets hold that location only, so a
    team can fill in its measurements and read them back with ``workbook import``. With
    `audience`, the first sheet says for whom it is and every sheet holds the columns the audience
    policy (``report.audience``) lets that audience see. Without `out` the file goes to
    ``build/export/werkboek[-<location>][-<audience folder>].xlsx``.
    """
    lang = lang or language()
    plan = project.load_plan()
    locations = [project.load_location(location)] if location else project.load_locations()
    stem = "-".join(part for part in ("werkboek", location, audience.folder if audience else "") if part)
    path = output_path(project, out, f"{stem}.xlsx", ".xlsx")
    book = Workbook()
    if book.active is not None:  # (a new book has one empty sheet)
        book.remove(book.active)
    add_about_sheet(book, plan, locations, lang, audience)
    add_goals_sheet(book, plan, lang, audience)
    add_actions_sheet(book, plan, lang, audience)
    add_runbooks_sheet(book, locations, lang, audience)
    add_costs_sheet(book, locations, lang)
    add_measurements_sheet(book, locations)
    add_stakeholders_sheet(book, plan, lang, audience)
    book.properties.title = plan.basics.project_name
    book.calculation.fullCalcOnLoad = True
    return write_whole(path, lambda tmp: book.save(tmp))


def add_about_sheet(
    book: Workbook, plan: Plan, locations: list[Location], lang: str, audience: Audience | None = None
) -> None:
    sheet = book.create_sheet(msg("about_sheet", lang))
    if audience is not None:
        append_row(sheet, [msg("for_audience", lang), audience.reader(lang)])
        append_row(sheet, [msg("audience_note", lang)])
        append_row(sheet, [])
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


def add_goals_sheet(book: Workbook, plan: Plan, lang: str, audience: Audience | None = None) -> None:
    kinds = {"text": "long", "baseline": "number", "target": "number", "deadline": "date"}
    names = visible(
        Goal, ["id", "text", "indicator", "baseline", "target", "unit", "deadline", "owner", "term"], audience
    )
    columns = [Column(field_label(Goal, name, lang), kinds.get(name, "text")) for name in names]
    rows = [[_cell(getattr(goal, name), lang) for name in names] for goal in plan.goals]
    add_sheet(book, msg("goals_sheet", lang), columns, rows)


def add_actions_sheet(book: Workbook, plan: Plan, lang: str, audience: Audience | None = None) -> None:
    kinds = {"text": "long", "when": "date"}
    names = visible(Action, ["text", "who", "when", "done", "target_group", "factor_id"], audience)
    columns = [Column(field_label(Measurement, "goal_id", lang)), Column(field_label(Goal, "text", lang), "long")]
    columns += [
        Column(field_label(RunbookActivity, "status", lang))
        if name == "done"
        else Column(field_label(Action, name, lang), kinds.get(name, "text"))
        for name in names
    ]
    rows = [
        [
            goal.id,
            goal.text,
            *(
                (Status.done if action.done else Status.todo).label(lang) if name == "done" else getattr(action, name)
                for name in names
            ),
        ]
        for goal in plan.goals
        for action in goal.actions
    ]
    add_sheet(book, msg("actions_sheet", lang), columns, rows)


def add_runbooks_sheet(book: Workbook, locations: list[Location], lang: str, audience: Audience | None = None) -> None:
    kinds = {"activity": "long", "start": "date", "end": "date", "one_off_cost": "money", "structural_cost": "money"}
    names = visible(
        RunbookActivity, ["activity", "person", "start", "end", "one_off_cost", "structural_cost", "status"], audience
    )
    columns = [Column(msg("location", lang))]
    columns += [Column(field_label(RunbookActivity, name, lang), kinds.get(name, "text")) for name in names]
    rows = [
        [location.name, *(_cell(getattr(activity, name), lang) for name in names)]
        for location in locations
        for activity in location.runbook
    ]
    sheet = add_sheet(book, msg("runbooks_sheet", lang), columns, rows)
    if rows:
        money = [2 + i for i, name in enumerate(names) if kinds.get(name) == "money"]
        if money:
            add_total_row(sheet, msg("total", lang), money, len(rows))


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


def add_stakeholders_sheet(book: Workbook, plan: Plan, lang: str, audience: Audience | None = None) -> None:
    kinds = {"power": "number", "interest": "number", "stake": "long"}
    names = ["name", "role", "power", "interest", "position", "strategy", "stake", "next_step"]
    names = visible(Stakeholder, names, audience)
    columns = [Column(field_label(Stakeholder, name, lang), kinds.get(name, "text")) for name in names]
    at = names.index("power")
    columns.insert(at, Column(msg("quadrant", lang)))
    rows = []
    for stakeholder in plan.stakeholders:
        row = [_cell(getattr(stakeholder, name), lang) for name in names]
        row.insert(at, quadrant(stakeholder.power, stakeholder.interest).label(lang))
        rows.append(row)
    add_sheet(book, msg("stakeholders_sheet", lang), columns, rows)


def _cell(value: object, lang: str) -> object:
    """A field value for a cell: numbers, dates and text stay themselves, choices become their label."""
    if isinstance(value, Choice):
        return value.label(lang)
    if value is None or isinstance(value, (int, float, str, dt.date)) and not isinstance(value, bool):
        return value
    return show(value, lang)
