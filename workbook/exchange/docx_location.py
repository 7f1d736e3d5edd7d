"""One location's part of the plan as Word sections: team, runbook, clients, measurements, evaluation."""

from __future__ import annotations

from docx.document import Document

from workbook import charts
from workbook.analysis.costs import runbook_costs
from workbook.analysis.progress import goal_progress
from workbook.exchange import docx_parts as part
from workbook.exchange.docx_plan import empty
from workbook.exchange.docx_scan import write_scan_result
from workbook.exchange.values import show, show_amount
from workbook.language.i18n import Messages
from workbook.model import (
    ClientCriterion,
    Clients,
    Experience,
    Goal,
    Intake,
    LocalTarget,
    Location,
    LocationEvaluation,
    Measurement,
    Member,
    Plan,
    RunbookActivity,
    SuitabilityChange,
)
from workbook.model.fields import field_label

msg = Messages(
    {
        "location": ("Locatie {name}", "Location {name}"),
        "total": ("Totaal", "Total"),
        "not_cancelled": ("zonder vervallen activiteiten", "without cancelled activities"),
    }
)


def write_location(doc: Document, plan: Plan, location: Location, lang: str) -> None:
    """The location's own sections, under one Heading 1 with its name."""
    part.heading(doc, msg("location", lang, name=location.name), 1)
    for name in ("phase", "start", "end", "central_contact"):
        part.labelled(doc, field_label(Location, name, lang), show(getattr(location, name), lang))
    write_team(doc, location, lang)
    write_runbook(doc, location, lang)
    write_clients(doc, location.clients, lang)
    write_targets(doc, plan, location, lang)
    write_measurements(doc, plan, location, lang)
    write_scans(doc, location, lang)
    _records(doc, location, "experiences", Experience, ["date", "kind", "description", "lesson"], lang)
    _records(doc, location, "intake", Intake, ["newcomer", "who_explains", "role"], lang)
    write_evaluations(doc, location, lang)


def write_team(doc: Document, location: Location, lang: str) -> None:
    _records(doc, location, "team", Member, ["name", "role"], lang)


def write_runbook(doc: Document, location: Location, lang: str) -> None:
    label = field_label(Location, "runbook", lang)
    part.heading(doc, label, 2)
    if not location.runbook:
        empty(doc, label, lang)
        return
    headers = [field_label(RunbookActivity, name, lang) for name in ("activity", "person")]
    headers.append(f"{field_label(RunbookActivity, 'start', lang)} – {field_label(RunbookActivity, 'end', lang)}")
    headers += [field_label(RunbookActivity, name, lang) for name in ("one_off_cost", "structural_cost", "status")]
    rows = [
        [
            a.activity,
            a.person,
            " – ".join(show(d, lang) for d in (a.start, a.end) if d),
            show_amount(a.one_off_cost, lang),
            show_amount(a.structural_cost, lang),
            show(a.status, lang),
        ]
        for a in location.runbook
    ]
    costs = runbook_costs(location.runbook)
    total = [show_amount(costs.one_off, lang), show_amount(costs.structural, lang)]
    rows.append([msg("total", lang), "", "", *total, msg("not_cancelled", lang)])
    part.table(doc, headers, rows)


def write_clients(doc: Document, clients: Clients, lang: str) -> None:
    label = field_label(Location, "clients", lang)
    part.heading(doc, label, 2)
    if clients.total is None and clients.suitable is None and not clients.criteria and not clients.changes:
        empty(doc, label, lang)
        return
    for name in ("total", "suitable"):
        part.labelled(doc, field_label(Clients, name, lang), show(getattr(clients, name), lang))
    if clients.criteria:
        part.heading(doc, field_label(Clients, "criteria", lang), 3)
        part.record_table(doc, ClientCriterion, clients.criteria, ["criterion", "kind", "count", "reason"], lang)
    if clients.changes:
        part.heading(doc, field_label(Clients, "changes", lang), 3)
        part.record_table(doc, SuitabilityChange, clients.changes, ["date", "count", "reason"], lang)


def write_targets(doc: Document, plan: Plan, location: Location, lang: str) -> None:
    if not location.targets:
        return
    part.heading(doc, field_label(Location, "targets", lang), 2)
    headers = [field_label(LocalTarget, "goal_id", lang), field_label(Goal, "text", lang)]
    headers += [field_label(LocalTarget, name, lang) for name in ("target", "note")]
    rows = []
    for target in location.targets:
        goal = plan.goal(target.goal_id)
        rows.append([target.goal_id, goal.text if goal else "", show(target.target, lang), target.note])
    part.table(doc, headers, rows)


def write_measurements(doc: Document, plan: Plan, location: Location, lang: str) -> None:
    label = field_label(Location, "measurements", lang)
    part.heading(doc, label, 2)
    if not location.measurements:
        empty(doc, label, lang)
        return
    part.figure(doc, charts.goal_progress(goal_progress(plan, location), lang))
    part.figure(doc, charts.measurements_over_time(plan, location, lang))
    rows = sorted(location.measurements, key=lambda m: (m.goal_id, m.date))
    part.record_table(doc, Measurement, rows, ["goal_id", "date", "value", "note"], lang)


def write_scans(doc: Document, location: Location, lang: str) -> None:
    if not location.scans:
        return
    part.heading(doc, field_label(Location, "scans", lang), 2)
    write_scan_result(doc, location.scans, lang)


def write_evaluations(doc: Document, location: Location, lang: str) -> None:
    label = field_label(Location, "evaluations", lang)
    part.heading(doc, label, 2)
    if not location.evaluations:
        empty(doc, label, lang)
        return
    for evaluation in location.evaluations:
        if evaluation.date:
            part.heading(doc, show(evaluation.date, lang), 3)
        for name in ("achieved", "learned", "feedback"):
            part.labelled(doc, field_label(LocationEvaluation, name, lang), getattr(evaluation, name))


def _records(doc: Document, location: Location, name: str, model: type, columns: list[str], lang: str) -> None:
    """A location list as a table under its label, or a sentence when it is empty."""
    label = field_label(Location, name, lang)
    part.heading(doc, label, 2)
    records = getattr(location, name)
    if records:
        part.record_table(doc, model, records, columns, lang)
    else:
        empty(doc, label, lang)
