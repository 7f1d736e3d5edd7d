"""One location's part of the plan as Word sections: team, runbook, clients, measurements, evaluation."""

from __future__ import annotations

from docx.document import Document

from workbook import charts
from workbook.analysis import small_cells
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
from workbook.report import formats
from workbook.report.audience import Audience, Treatment, field_text, field_treatment, visible
from workbook.report.location import msg as location_msg

msg = Messages(
    {
        "location": ("Locatie {name}", "Location {name}"),
        "total": ("Totaal", "Total"),
        "not_cancelled": ("zonder vervallen activiteiten", "without cancelled activities"),
        "team_size": ("Het uitvoeringsteam telt {n} mensen.", "The execution team has {n} members."),
        "team_size_one": ("Het uitvoeringsteam is één persoon.", "The execution team is one person."),
    }
)


def write_location(doc: Document, plan: Plan, location: Location, lang: str, audience: Audience | None = None) -> None:
    """The location's own sections, under one Heading 1 with its name, as far as `audience` may see
    them (``report.audience``); client counts always through small-cell protection."""
    part.heading(doc, msg("location", lang, name=location.name), 1)
    for name in visible(Location, ("phase", "start", "end", "central_contact"), audience):
        part.labelled(doc, field_label(Location, name, lang), show(getattr(location, name), lang))
    write_team(doc, location, lang, audience)
    write_runbook(doc, location, lang, audience)
    write_clients(doc, location.clients, lang)
    write_targets(doc, plan, location, lang, audience)
    write_measurements(doc, plan, location, lang, audience)
    write_scans(doc, location, lang)
    _records(doc, location, "experiences", Experience, ["date", "kind", "description", "lesson"], lang, audience)
    _records(doc, location, "intake", Intake, ["newcomer", "who_explains", "role"], lang, audience)
    write_evaluations(doc, location, lang, audience)


def write_team(doc: Document, location: Location, lang: str, audience: Audience | None = None) -> None:
    """The execution team; where the audience may not see who is in it, how many and their roles."""
    if location.team and field_treatment(Location, "team", audience) == Treatment.hide:
        part.heading(doc, field_label(Location, "team", lang), 2)
        size = len(location.team)
        part.text(doc, msg("team_size_one", lang) if size == 1 else msg("team_size", lang, n=size))
        part.record_table(doc, Member, location.team, ["name", "role"], lang, audience)
        return
    _records(doc, location, "team", Member, ["name", "role"], lang, audience)


def write_runbook(doc: Document, location: Location, lang: str, audience: Audience | None = None) -> None:
    label = field_label(Location, "runbook", lang)
    part.heading(doc, label, 2)
    if not location.runbook:
        empty(doc, label, lang)
        return
    before = visible(RunbookActivity, ("activity", "person"), audience)
    money = visible(RunbookActivity, ("one_off_cost", "structural_cost"), audience)
    headers = [field_label(RunbookActivity, name, lang) for name in before]
    headers.append(f"{field_label(RunbookActivity, 'start', lang)} – {field_label(RunbookActivity, 'end', lang)}")
    headers += [field_label(RunbookActivity, name, lang) for name in (*money, "status")]
    cents = formats.cents_of(getattr(a, name) for a in location.runbook for name in money)
    rows = [
        [
            *(show(getattr(a, name), lang) for name in before),
            " – ".join(show(d, lang) for d in (a.start, a.end) if d),
            *(show_amount(getattr(a, name), lang, cents) for name in money),
            show(a.status, lang),
        ]
        for a in location.runbook
    ]
    if money:
        costs = runbook_costs(location.runbook)
        total = [show_amount(getattr(costs, name.removesuffix("_cost")), lang, cents) for name in money]
        rows.append([msg("total", lang), *[""] * len(before), *total, msg("not_cancelled", lang)][: len(headers)])
    part.table(doc, headers, rows)


def write_clients(doc: Document, clients: Clients, lang: str) -> None:
    """Counts per criterion with their reasons, through the same small-cell protection as the reports
    (``analysis.small_cells``): for every audience, also the full document."""
    label = field_label(Location, "clients", lang)
    part.heading(doc, label, 2)
    if clients.total is None and clients.suitable is None and not clients.criteria and not clients.changes:
        empty(doc, label, lang)
        return
    criteria = small_cells.sorted_criteria(clients)
    protected = small_cells.protect(clients.model_copy(update={"criteria": criteria}))
    for name in ("total", "suitable"):
        count = getattr(protected, name)
        part.labelled(
            doc, field_label(Clients, name, lang), "" if count.exact is None else formats.protected(count, lang)
        )
    if clients.criteria:
        part.heading(doc, field_label(Clients, "criteria", lang), 3)
        rows = [
            [c.criterion, show(c.kind, lang), formats.protected(count, lang), c.reason]
            for c, count in zip(criteria, protected.criteria, strict=True)
        ]
        headers = [field_label(ClientCriterion, name, lang) for name in ("criterion", "kind", "count", "reason")]
        part.table(doc, headers, rows)
    if clients.changes:
        part.heading(doc, field_label(Clients, "changes", lang), 3)
        rows = [
            [show(c.date, lang), formats.protected(count, lang), c.reason]
            for c, count in zip(clients.changes, protected.changes, strict=True)
        ]
        headers = [field_label(SuitabilityChange, name, lang) for name in ("date", "count", "reason")]
        part.table(doc, headers, rows)
    part.note(
        doc, location_msg("counts_only", lang) + (" " + location_msg("secondary", lang) if protected.secondary else "")
    )


def write_targets(doc: Document, plan: Plan, location: Location, lang: str, audience: Audience | None = None) -> None:
    if not location.targets:
        return
    part.heading(doc, field_label(Location, "targets", lang), 2)
    headers = [field_label(LocalTarget, "goal_id", lang), field_label(Goal, "text", lang)]
    names = visible(LocalTarget, ("target", "note"), audience)
    headers += [field_label(LocalTarget, name, lang) for name in names]
    rows = []
    for target in location.targets:
        goal = plan.goal(target.goal_id)
        rows.append([target.goal_id, goal.text if goal else "", *(show(getattr(target, n), lang) for n in names)])
    part.table(doc, headers, rows)


def write_measurements(
    doc: Document, plan: Plan, location: Location, lang: str, audience: Audience | None = None
) -> None:
    label = field_label(Location, "measurements", lang)
    part.heading(doc, label, 2)
    if not location.measurements:
        empty(doc, label, lang)
        return
    part.figure(doc, charts.goal_progress(goal_progress(plan, location), lang))
    part.figure(doc, charts.measurements_over_time(plan, location, lang))
    rows = sorted(location.measurements, key=lambda m: (m.goal_id, m.date))
    part.record_table(doc, Measurement, rows, ["goal_id", "date", "value", "note"], lang, audience)


def write_scans(doc: Document, location: Location, lang: str) -> None:
    if not location.scans:
        return
    part.heading(doc, field_label(Location, "scans", lang), 2)
    write_scan_result(doc, location.scans, lang)


def write_evaluations(doc: Document, location: Location, lang: str, audience: Audience | None = None) -> None:
    label = field_label(Location, "evaluations", lang)
    part.heading(doc, label, 2)
    if not location.evaluations:
        empty(doc, label, lang)
        return
    for evaluation in location.evaluations:
        if evaluation.date:
            part.heading(doc, show(evaluation.date, lang), 3)
        for name in visible(LocationEvaluation, ("achieved", "learned", "feedback"), audience):
            text = field_text(LocationEvaluation, name, getattr(evaluation, name), audience)
            part.labelled(doc, field_label(LocationEvaluation, name, lang), text)


def _records(
    doc: Document,
    location: Location,
    name: str,
    model: type,
    columns: list[str],
    lang: str,
    audience: Audience | None = None,
) -> None:
    """A location list as a table under its label, or a sentence when it is empty."""
    label = field_label(Location, name, lang)
    part.heading(doc, label, 2)
    records = getattr(location, name)
    if records:
        part.record_table(doc, model, records, columns, lang, audience)
    else:
        empty(doc, label, lang)
