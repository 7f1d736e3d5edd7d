"""One location's part of the plan as Word sections: team, runbook, clients, measurements, evaluation.

Every table is a declared one (``report.tables``), as the audience may see it.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document

from workbook import charts
from workbook.analysis.progress import goal_progress
from workbook.exchange import docx_parts as part
from workbook.exchange.docx_plan import empty
from workbook.exchange.docx_scan import write_scan_result
from workbook.exchange.values import show
from workbook.language.i18n import Messages
from workbook.model import Clients, Location, Plan
from workbook.model.fields import field_label
from workbook.report import formats, tables
from workbook.report.audience import Audience, visible
from workbook.report.location import msg as location_msg
from workbook.report.tables import DOCX

msg = Messages(
    {
        "location": ("Locatie {name}", "Location {name}"),
        "total": ("Totaal", "Total"),
        "not_cancelled": ("zonder vervallen activiteiten", "without cancelled activities"),
        "team_size": ("Het uitvoeringsteam telt {n} mensen.", "The execution team has {n} members."),
        "team_size_one": ("Het uitvoeringsteam is één persoon.", "The execution team is one person."),
    }
)


def write_location(
    doc: Document,
    plan: Plan,
    location: Location,
    lang: str,
    audience: Audience | None = None,
    known: Iterable[str] = (),
) -> None:
    """The location's own sections, under one Heading 1 with its name, as far as `audience` may see
    them (``report.audience``); client counts always through small-cell protection. `known`: the
    project's own capitalised words, which de-identified free text keeps."""
    part.heading(doc, msg("location", lang, name=location.name), 1)
    for name in visible(Location, ("phase", "start", "end", "central_contact"), audience):
        part.labelled(doc, field_label(Location, name, lang), show(getattr(location, name), lang))

    def declared(table: tables.Table, records: list) -> tables.ShownTable:
        return tables.shown(table, records, audience, lang, DOCX, known)

    write_team(doc, declared(tables.TEAM, location.team), lang)
    write_runbook(doc, declared(tables.RUNBOOK, location.runbook), lang)
    write_clients(doc, location.clients, lang, audience, known)
    if location.targets:
        part.heading(doc, field_label(Location, "targets", lang), 2)
        part.declared_table(doc, declared(tables.targets_table(plan), location.targets))
    write_measurements(doc, plan, location, declared(tables.MEASUREMENTS, _by_goal(location)), lang)
    write_scans(doc, location, lang)
    _records(doc, declared(tables.EXPERIENCES, location.experiences), lang)
    _records(doc, declared(tables.INTAKE, location.intake), lang)
    write_evaluations(doc, declared(tables.EVALUATIONS, location.evaluations), lang)


def _by_goal(location: Location) -> list:
    return sorted(location.measurements, key=lambda m: (m.goal_id, m.date))


def write_team(doc: Document, team: tables.ShownTable, lang: str) -> None:
    """The execution team; where the audience may not see who is in it, how many."""
    if team.hidden and team.size:
        part.heading(doc, team.title, 2)
        part.text(doc, msg("team_size_one", lang) if team.size == 1 else msg("team_size", lang, n=team.size))
        return
    _records(doc, team, lang)


def write_runbook(doc: Document, runbook: tables.ShownTable, lang: str) -> None:
    part.heading(doc, runbook.title, 2)
    if not runbook:
        empty(doc, runbook.title, lang)
        return
    part.declared_table(doc, runbook, total=msg("total", lang), note=msg("not_cancelled", lang))


def write_clients(
    doc: Document, clients: Clients, lang: str, audience: Audience | None = None, known: Iterable[str] = ()
) -> None:
    """Counts per criterion with their reasons, through the same small-cell protection as the reports
    (``analysis.small_cells``): for every audience, also the full document."""
    label = field_label(Location, "clients", lang)
    part.heading(doc, label, 2)
    if clients.total is None and clients.suitable is None and not clients.criteria and not clients.changes:
        empty(doc, label, lang)
        return
    counts = formats.clients(clients, lang)
    for name in ("total", "suitable"):
        if getattr(clients, name) is not None:
            part.labelled(doc, field_label(Clients, name, lang), getattr(counts, name))
    shown = tables.client_tables(clients, audience, lang, DOCX, known)
    for table in (shown.criteria, shown.changes):
        if table:
            part.heading(doc, table.title, 3)
            part.declared_table(doc, table)
    note = location_msg("counts_only", lang)
    part.note(doc, note + (" " + location_msg("secondary", lang) if counts.secondary else ""))


def write_measurements(
    doc: Document, plan: Plan, location: Location, measurements: tables.ShownTable, lang: str
) -> None:
    part.heading(doc, measurements.title, 2)
    if not measurements:
        empty(doc, measurements.title, lang)
        return
    part.figure(doc, charts.goal_progress(goal_progress(plan, location), lang))
    part.figure(doc, charts.measurements_over_time(plan, location, lang))
    part.declared_table(doc, measurements)


def write_scans(doc: Document, location: Location, lang: str) -> None:
    if not location.scans:
        return
    part.heading(doc, field_label(Location, "scans", lang), 2)
    write_scan_result(doc, location.scans, lang)


def write_evaluations(doc: Document, evaluations: tables.ShownTable, lang: str) -> None:
    """Each evaluation under its date, its texts as labelled paragraphs."""
    part.heading(doc, evaluations.title, 2)
    if not evaluations:
        empty(doc, evaluations.title, lang)
        return
    for entry in tables.entries(evaluations):
        if entry["date"]:
            part.heading(doc, show(entry["date"], lang), 3)
        for heading, text, _ in entry["parts"]:
            part.labelled(doc, heading, text)


def _records(doc: Document, records: tables.ShownTable, lang: str) -> None:
    """A location list as a table under its title, or a sentence when it is empty."""
    part.heading(doc, records.title, 2)
    if records:
        part.declared_table(doc, records)
    else:
        empty(doc, records.title, lang)
