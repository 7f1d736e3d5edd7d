"""The organisation-wide implementation plan as Word sections, in the fill-in order people know."""

from __future__ import annotations

import datetime as dt

from docx.document import Document
from pydantic import BaseModel

from workbook import charts
from workbook.analysis.decisions import decisions
from workbook.analysis.progress import organisation_progress
from workbook.analysis.rollout import schedule
from workbook.analysis.stakeholders import quadrant
from workbook.exchange import docx_parts as part
from workbook.exchange.docx_scan import write_scan_result
from workbook.exchange.docx_truth import write_costs, write_decisions
from workbook.exchange.values import show
from workbook.language.i18n import Messages
from workbook.model import (
    Action,
    AnchoringGroup,
    Basics,
    Characteristic,
    Communication,
    CommunicationAction,
    Context,
    ContextFactor,
    DataItem,
    Effect,
    EmbeddingItem,
    Evaluation,
    Goal,
    Lesson,
    Location,
    Measurement,
    Member,
    MessageChecks,
    PdcaCycle,
    Plan,
    Risk,
    Rollout,
    RunbookTemplateActivity,
    SimpleAction,
    SpreadPhase,
    SpreadPlan,
    Stakeholder,
    Sustainment,
    SystemEffect,
    Term,
    Wave,
    WhyPerAudience,
)
from workbook.model.fields import field_label
from workbook.report.audience import Audience, Treatment, field_treatment, visible

msg = Messages(
    {
        "title": ("Implementatieplan", "Implementation plan"),
        "introduction": ("Inleiding", "Introduction"),
        "about": (
            "Dit implementatieplan groeit mee met de invoering: de werkgroep vult het aan zolang de "
            "nieuwe werkwijze wordt ingevoerd. Per doel staat erin wat er moet gebeuren, wie dat doet "
            "en wanneer, hoe de gegevens worden verzameld, hoe we erover communiceren en hoe de "
            "werkwijze wordt verspreid en geborgd.",
            "This implementation plan grows with the rollout: the working group adds to it for as "
            "long as the new way of working is being introduced. For each goal it says what needs to "
            "happen, who does it and when, how data are collected, how we communicate about it, and "
            "how the way of working is spread and sustained.",
        ),
        "measurable": ("Meetbaar en tijdgebonden", "Measurable and time-bound"),
        "actions_per_goal": ("Acties per doel", "Actions per goal"),
        "empty": ("Bij '{section}' is nog niets ingevuld.", "Nothing has been filled in for '{section}' yet."),
        "no_goals_in_term": ("Er zijn nog geen doelen voor de {term}.", "There are no {term} goals yet."),
        "check_yes": ("ja", "yes"),
        "check_no": ("nee", "no"),
        "check_open": ("nog niet beoordeeld", "not assessed yet"),
        "stakes": ("Wat het de stakeholders oplevert of wat het bedreigt", "What it brings or threatens"),
        "quadrant": ("Kwadrant", "Quadrant"),
        "unnamed": ("(zonder rol)", "(no role)"),
        "for_audience": ("Voor", "For"),
        "audience_board": (
            "Deze versie is voor het bestuur: status, besluiten, risico's en kosten.",
            "This version is for the board: status, decisions, risks and costs.",
        ),
        "audience_team": (
            "Deze versie is voor het team: wat te laat is en wat eraan komt.",
            "This version is for the team: what is late and what is coming up.",
        ),
        "audience_council": (
            "Deze versie is voor de cliëntenraad: zonder namen van medewerkers (alleen rollen en aantallen), "
            "en kleine aantallen cliënten staan er als 'minder dan 5'.",
            "This version is for the client council: without staff names (only roles and counts), and small "
            "numbers of clients read 'fewer than 5'.",
        ),
    }
)


def write_plan(
    doc: Document,
    plan: Plan,
    locations: list[Location],
    lang: str,
    today: dt.date,
    audience: Audience | None = None,
) -> None:
    """Every section of the plan, each under a Heading 1; what needs a decision and the costs first.

    For an `audience` the first page says who it is for, and every section shows what the audience
    policy (``report.audience``) lets that audience see of each field.
    """
    write_title(doc, plan, lang, audience)
    write_introduction(doc, plan.basics, lang)
    write_decisions(doc, decisions(plan, locations, today), today, lang)
    write_costs(doc, locations, lang)
    write_context(doc, plan, lang)
    write_goals(doc, plan.goals, lang, audience)
    write_actions(doc, plan.goals, lang, audience)
    write_data_collection(doc, plan.data_collection, lang, audience)
    write_communication(doc, plan.communication, lang, audience)
    write_stakeholders(doc, plan.stakeholders, lang, audience)
    write_spread(doc, plan, locations, lang, audience)
    write_sustainment(doc, plan.sustainment, lang, audience)
    write_evaluation(doc, plan, locations, lang, audience)
    write_runbook_template(doc, plan.runbook_template, lang, audience)


def empty(doc: Document, section: str, lang: str) -> None:
    """Say in a sentence that a section has nothing yet, instead of showing an empty table."""
    part.note(doc, msg("empty", lang, section=section))


def write_title(doc: Document, plan: Plan, lang: str, audience: Audience | None = None) -> None:
    basics = plan.basics
    doc.add_heading(msg("title", lang), level=0)
    if audience is not None:
        part.labelled(doc, msg("for_audience", lang), audience.reader(lang))
        part.note(doc, msg(f"audience_{audience.value}", lang))
    rows = [
        (field_label(Basics, "project_name", lang), basics.project_name),
        (field_label(Basics, "institution", lang), basics.institution),
        (field_label(Basics, "innovation", lang), basics.innovation),
        (field_label(Basics, "last_updated", lang), show(basics.last_updated, lang)),
    ]
    for label, value in rows:
        part.labelled(doc, label, value)
    if basics.working_group:
        label = field_label(Basics, "working_group", lang)
        if field_treatment(Basics, "working_group", audience) == Treatment.hide:
            roles = [m.role for m in basics.working_group if m.role and "role" in visible(Member, ["role"], audience)]
            part.labelled(doc, label, ", ".join(roles) or str(len(basics.working_group)))
        else:
            members = [f"{m.name} ({m.role})" if m.role else m.name for m in basics.working_group]
            part.labelled(doc, label, ", ".join(members))


def write_introduction(doc: Document, basics: Basics, lang: str) -> None:
    part.heading(doc, msg("introduction", lang), 1)
    part.text(doc, msg("about", lang))
    part.labelled(doc, field_label(Basics, "approach", lang), show(basics.approach, lang))
    _long_text(doc, Basics, basics, "need", lang)
    why = basics.why
    if any(getattr(why, name) for name in WhyPerAudience.model_fields):
        part.heading(doc, field_label(Basics, "why", lang), 2)
        for name in WhyPerAudience.model_fields:
            part.labelled(doc, field_label(WhyPerAudience, name, lang), getattr(why, name))
    part.labelled(doc, field_label(Basics, "payers", lang), show(basics.payers, lang))
    _long_text(doc, Basics, basics, "payment_notes", lang)


def write_context(doc: Document, plan: Plan, lang: str) -> None:
    context = plan.context
    part.heading(doc, field_label(Plan, "context", lang), 1)
    part.heading(doc, field_label(Context, "team_description", lang), 2)
    if context.team_description:
        part.text(doc, context.team_description)
    else:
        empty(doc, field_label(Context, "team_description", lang), lang)
    factors_label = field_label(Context, "factors", lang)
    part.heading(doc, factors_label, 2)
    if not context.factors:
        empty(doc, factors_label, lang)
        return
    factors = sorted(context.factors, key=lambda f: (list(Effect).index(f.effect), f.id))
    names = ["id", "description", "group", "effect", "weight", "source"]
    part.record_table(doc, ContextFactor, factors, names, lang)
    part.figure(doc, charts.context_factors(plan, lang))


def write_goals(doc: Document, goals: list[Goal], lang: str, audience: Audience | None = None) -> None:
    section = field_label(Plan, "goals", lang)
    part.heading(doc, section, 1)
    if not goals:
        empty(doc, section, lang)
        return
    headers = [field_label(Goal, "id", lang), field_label(Goal, "text", lang), msg("measurable", lang)]
    for term in Term:
        part.heading(doc, term.label(lang), 2)
        in_term = [goal for goal in goals if goal.term == term]
        if in_term:
            rows = [[goal.id, goal.text, _goal_details(goal, lang, audience)] for goal in in_term]
            part.table(doc, headers, rows)
        else:
            part.note(doc, msg("no_goals_in_term", lang, term=term.label(lang).lower()))


def _goal_details(goal: Goal, lang: str, audience: Audience | None = None) -> str:
    """Indicator, baseline, target, deadline and owner as labelled lines (with the unit), as far as
    `audience` may see them."""
    lines = []
    for name in visible(Goal, ("indicator", "baseline", "target", "deadline", "owner"), audience):
        value = show(getattr(goal, name), lang)
        if name in ("baseline", "target") and value and goal.unit:
            value = f"{value} {goal.unit}"
        if value:
            lines.append(f"{field_label(Goal, name, lang)}: {value}")
    return "\n".join(lines)


def write_actions(doc: Document, goals: list[Goal], lang: str, audience: Audience | None = None) -> None:
    section = msg("actions_per_goal", lang)
    part.heading(doc, section, 1)
    names = visible(Action, ("text", "who", "when", "done"), audience)
    rows = [
        [goal.id, *(show(getattr(action, name), lang) for name in names)] for goal in goals for action in goal.actions
    ]
    if not rows:
        empty(doc, section, lang)
        return
    headers = [field_label(Measurement, "goal_id", lang)]
    headers += [field_label(Action, name, lang) for name in names]
    part.table(doc, headers, rows)


def write_data_collection(doc: Document, items: list[DataItem], lang: str, audience: Audience | None = None) -> None:
    section = field_label(Plan, "data_collection", lang)
    part.heading(doc, section, 1)
    if not items:
        empty(doc, section, lang)
        return
    names = ["data", "recorder", "method", "frequency", "system", "feedback", "goal_id"]
    part.record_table(doc, DataItem, items, names, lang, audience)


def write_communication(
    doc: Document, communication: Communication, lang: str, audience: Audience | None = None
) -> None:
    part.heading(doc, field_label(Plan, "communication", lang), 1)
    message_label = field_label(Communication, "core_message", lang)
    part.heading(doc, message_label, 2)
    if communication.core_message:
        part.text(doc, communication.core_message)
        checks = communication.checks
        answers = {True: msg("check_yes", lang), False: msg("check_no", lang), None: msg("check_open", lang)}
        part.bullets(
            doc,
            [
                f"{field_label(MessageChecks, name, lang)}: {answers[getattr(checks, name)]}"
                for name in MessageChecks.model_fields
            ],
        )
    else:
        empty(doc, message_label, lang)
    actions_label = field_label(Communication, "actions", lang)
    part.heading(doc, actions_label, 2)
    if communication.actions:
        names = ["purpose", "form", "who", "when", "done"]
        part.record_table(doc, CommunicationAction, communication.actions, names, lang, audience)
    else:
        empty(doc, actions_label, lang)


def write_stakeholders(
    doc: Document, stakeholders: list[Stakeholder], lang: str, audience: Audience | None = None
) -> None:
    section = field_label(Plan, "stakeholders", lang)
    part.heading(doc, section, 1)
    if not stakeholders:
        empty(doc, section, lang)
        return
    names = visible(Stakeholder, ["name", "role", "power", "interest", "position", "strategy", "next_step"], audience)
    if "name" not in names:  # named by role, also in the grid and beside the stakes
        stakeholders = [s.model_copy(update={"name": s.role or msg("unnamed", lang)}) for s in stakeholders]
    headers = [field_label(Stakeholder, name, lang) for name in names]
    at = names.index("power")
    headers.insert(at, msg("quadrant", lang))
    rows = []
    for stakeholder in stakeholders:
        row = [show(getattr(stakeholder, name), lang) for name in names]
        row.insert(at, quadrant(stakeholder.power, stakeholder.interest).label(lang))
        rows.append(row)
    part.table(doc, headers, rows)
    part.figure(doc, charts.stakeholder_grid(stakeholders, lang))
    stakes = [f"{s.name}: {s.stake}" for s in stakeholders if s.stake]
    if stakes:
        part.heading(doc, msg("stakes", lang), 2)
        part.bullets(doc, stakes)


def write_spread(
    doc: Document, plan: Plan, locations: list[Location], lang: str, audience: Audience | None = None
) -> None:
    spread = plan.spread
    part.heading(doc, field_label(Plan, "spread", lang), 1)
    for name in ("what", "future_users", "context", "progress_measure"):
        _long_text(doc, SpreadPlan, spread, name, lang, level=2)
    tables: list[tuple[str, type[BaseModel], list[str]]] = [
        ("phases", SpreadPhase, ["name", "description", "start", "end"]),
        ("characteristics", Characteristic, ["key", "score", "handling"]),
        ("system_effects", SystemEffect, ["who", "expected", "needs", "phase"]),
        ("risks", Risk, ["risk", "likelihood", "impact", "mitigation"]),
    ]
    for name, model, columns in tables:
        records = getattr(spread, name)
        if records:
            part.heading(doc, field_label(SpreadPlan, name, lang), 2)
            part.record_table(doc, model, records, columns, lang, audience)
            if name == "characteristics":
                part.figure(doc, charts.rogers_profile(records, lang))
    if not any(getattr(spread, name) for name in SpreadPlan.model_fields if name != "rollout"):
        empty(doc, field_label(Plan, "spread", lang), lang)
    write_rollout(doc, plan, locations, lang)


def write_rollout(doc: Document, plan: Plan, locations: list[Location], lang: str) -> None:
    rollout = plan.spread.rollout
    part.heading(doc, field_label(SpreadPlan, "rollout", lang), 2)
    for name in ("start", "max_concurrent", "months_per_location"):
        part.labelled(doc, field_label(Rollout, name, lang), show(getattr(rollout, name), lang))
    names = {location.slug: location.name for location in locations}
    if rollout.waves:
        rows = [[wave.name, ", ".join(names.get(slug, slug) for slug in wave.locations)] for wave in rollout.waves]
        part.table(doc, [field_label(Wave, "name", lang), field_label(Wave, "locations", lang)], rows)
    part.figure(doc, charts.rollout_gantt(schedule(plan, locations), lang))


def write_sustainment(doc: Document, sustainment: Sustainment, lang: str, audience: Audience | None = None) -> None:
    section = field_label(Plan, "sustainment", lang)
    part.heading(doc, section, 1)
    write_scans(doc, sustainment, lang)
    tables: list[tuple[str, type[BaseModel], list[str]]] = [
        ("checklist", EmbeddingItem, ["area", "embedded", "notes"]),
        ("anchoring", AnchoringGroup, ["group", "ring", "meaning", "change"]),
        ("actions", SimpleAction, ["text", "who", "when", "done"]),
    ]
    for name, model, columns in tables:
        label = field_label(Sustainment, name, lang)
        part.heading(doc, label, 2)
        records = getattr(sustainment, name)
        if records:
            part.record_table(doc, model, records, columns, lang, audience)
            if name == "anchoring":
                part.figure(doc, charts.anchoring_rings(records, lang))
        else:
            empty(doc, label, lang)


def write_scans(doc: Document, sustainment: Sustainment, lang: str) -> None:
    label = field_label(Sustainment, "scans", lang)
    part.heading(doc, label, 2)
    if not sustainment.scans:
        empty(doc, label, lang)
        return
    write_scan_result(doc, sustainment.scans, lang)


def write_evaluation(
    doc: Document, plan: Plan, locations: list[Location], lang: str, audience: Audience | None = None
) -> None:
    evaluation = plan.evaluation
    section = field_label(Plan, "evaluation", lang)
    part.heading(doc, section, 1)
    part.figure(doc, charts.goal_progress(organisation_progress(plan, locations), lang))
    if not evaluation.cycles and not evaluation.lessons:
        empty(doc, section, lang)
        return
    if evaluation.cycles:
        part.heading(doc, field_label(Evaluation, "cycles", lang), 2)
        for cycle in evaluation.cycles:
            title = f"{cycle.title} ({show(cycle.date, lang)})" if cycle.date else cycle.title
            part.heading(doc, title, 3)
            for name in visible(PdcaCycle, ("plan", "do", "check", "act"), audience):
                part.labelled(doc, field_label(PdcaCycle, name, lang), getattr(cycle, name))
    if evaluation.lessons:
        part.heading(doc, field_label(Evaluation, "lessons", lang), 2)
        part.record_table(doc, Lesson, evaluation.lessons, ["date", "lesson"], lang, audience)


def write_runbook_template(
    doc: Document, activities: list[RunbookTemplateActivity], lang: str, audience: Audience | None = None
) -> None:
    section = field_label(Plan, "runbook_template", lang)
    part.heading(doc, section, 1)
    if not activities:
        empty(doc, section, lang)
        return
    names = ["week", "activity", "one_off_cost", "structural_cost"]
    ordered = sorted(activities, key=lambda a: a.week)
    part.record_table(doc, RunbookTemplateActivity, ordered, names, lang, audience)


def _long_text(doc: Document, model: type[BaseModel], record: object, name: str, lang: str, level: int = 0) -> None:
    """A long text under its own label: a heading at `level`, or a bold lead-in when level is 0."""
    value = getattr(record, name)
    if not value:
        return
    if level:
        part.heading(doc, field_label(model, name, lang), level)
        part.text(doc, value)
    else:
        part.labelled(doc, field_label(model, name, lang), value)
