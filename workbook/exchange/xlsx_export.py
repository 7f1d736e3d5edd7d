"""``workbook export --format xlsx``: goals, actions, runbooks, costs, measurements, client counts,
successes and failures, and stakeholders in one workbook.

Every sheet but the costs and the measurements (which ``workbook import`` reads back in fixed
columns) is a declared table (``report.tables``), as the audience may see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from workbook.analysis.costs import costs_per_location
from workbook.analysis.deid import public_words
from workbook.exchange.files import output_path, write_whole
from workbook.exchange.values import show
from workbook.exchange.xlsx_parts import DATE_FORMAT, Column, add_declared_sheet, add_sheet, add_total_row, append_row
from workbook.language.i18n import Messages, language
from workbook.model import Basics, Location, Measurement, Plan
from workbook.model.fields import field_label
from workbook.project.store import Project
from workbook.report import tables, truth
from workbook.report.audience import Audience, field_text
from workbook.report.tables import XLSX

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
    declared = Declared(audience, lang, public_words(plan, *project.load_locations()))
    add_about_sheet(book, plan, locations, lang, audience)
    add_goals_sheet(book, plan, lang, declared)
    add_actions_sheet(book, plan, lang, declared)
    add_runbooks_sheet(book, locations, lang, declared)
    add_costs_sheet(book, locations, lang)
    add_measurements_sheet(book, locations, declared)
    add_clients_sheets(book, locations, lang, declared)
    add_experiences_sheet(book, locations, lang, declared)
    add_stakeholders_sheet(book, plan, lang, declared)
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


def add_goals_sheet(book: Workbook, plan: Plan, lang: str, declared: Declared) -> None:
    add_declared_sheet(book, msg("goals_sheet", lang), declared(tables.goals_table(lang), plan.goals))


def add_actions_sheet(book: Workbook, plan: Plan, lang: str, declared: Declared) -> None:
    pairs = [(goal, action) for goal in plan.goals for action in goal.actions]
    actions = declared(tables.ACTIONS, [a for _, a in pairs], parents=[g for g, _ in pairs])
    add_declared_sheet(book, msg("actions_sheet", lang), actions)


def add_runbooks_sheet(book: Workbook, locations: list[Location], lang: str, declared: Declared) -> None:
    pairs = [(location, activity) for location in locations for activity in location.runbook]
    runbooks = declared(tables.RUNBOOK, [a for _, a in pairs], parents=[loc for loc, _ in pairs])
    sheet = add_declared_sheet(book, msg("runbooks_sheet", lang), runbooks)
    money = [number for number, column in enumerate(runbooks.columns, start=1) if column.kind == "money"]
    if runbooks and money:
        add_total_row(sheet, msg("total", lang), money, len(runbooks.rows))


def add_clients_sheets(book: Workbook, locations: list[Location], lang: str, declared: Declared) -> None:
    """Per location the counts per criterion and the revised assessments, each count through
    small-cell protection of its location's whole section, as in the reports."""
    shown = [
        tables.client_tables(location.clients, declared.audience, lang, XLSX, declared.known, parent=location)
        for location in locations
    ]
    criteria = tables.joined(tables.CRITERIA_TABLE, (s.criteria for s in shown), declared.audience, lang, XLSX)
    changes = tables.joined(tables.CHANGES_TABLE, (s.changes for s in shown), declared.audience, lang, XLSX)
    add_declared_sheet(book, criteria.title, criteria)
    add_declared_sheet(book, changes.title, changes)


def add_experiences_sheet(book: Workbook, locations: list[Location], lang: str, declared: Declared) -> None:
    pairs = [(location, experience) for location in locations for experience in location.experiences]
    experiences = declared(tables.EXPERIENCES, [e for _, e in pairs], parents=[loc for loc, _ in pairs])
    add_declared_sheet(book, experiences.title, experiences)


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


def add_measurements_sheet(book: Workbook, locations: list[Location], declared: Declared) -> None:
    """The measurements in the columns ``workbook import`` reads; the notes as the audience may read
    them (de-identified for the client council)."""
    kinds = ("text", "date", "text", "number", "long")
    columns = [Column(header, kind) for header, kind in zip(MEASUREMENT_COLUMNS, kinds, strict=True)]
    rows = [
        [
            location.slug,
            m.date,
            m.goal_id,
            m.value,
            field_text(Measurement, "note", m.note, declared.audience, declared.known),
        ]
        for location in locations
        for m in sorted(location.measurements, key=lambda m: (m.date, m.goal_id))
    ]
    add_sheet(book, MEASUREMENTS_SHEET, columns, rows)


def add_stakeholders_sheet(book: Workbook, plan: Plan, lang: str, declared: Declared) -> None:
    add_declared_sheet(book, msg("stakeholders_sheet", lang), declared(tables.STAKEHOLDERS, plan.stakeholders))


class Declared:
    """The declared tables (``report.tables``) of one workbook, as its audience may see them."""

    def __init__(self, audience: Audience | None, lang: str, known: Iterable[str] = ()):
        self.audience, self.lang, self.known = audience, lang, frozenset(known)

    def __call__(self, table: tables.Table, records: list, parents: list | None = None) -> tables.ShownTable:
        return tables.shown(table, records, self.audience, self.lang, XLSX, self.known, parents=parents)
