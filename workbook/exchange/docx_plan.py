"""The organisation-wide implementation plan as Word sections, in the fill-in order people know."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from docx.document import Document
from pydantic import BaseModel

from workbook import charts
from workbook.analysis.decisions import decisions
from workbook.analysis.progress import organisation_progress
from workbook.analysis.rollout import schedule
from workbook.exchange import docx_parts as part
from workbook.exchange.docx_scan import write_scan_result
from workbook.exchange.docx_truth import write_costs, write_decisions
from workbook.exchange.values import show
from workbook.language.i18n import Messages
from workbook.model import (
    Basics,
    Communication,
    Context,
    Effect,
    Evaluation,
    Goal,
    Location,
    MessageChecks,
    Plan,
    Rollout,
    RunbookTemplateActivity,
    SpreadPlan,
    Sustainment,
    Term,
    Wave,
    WhyPerAudience,
)
from workbook.model.fields import field_label, field_noun
from workbook.report import tables
from workbook.report.audience import Audience, field_text
from workbook.report.tables import DOCX

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


class Declared:
    """The declared tables (``report.tables``) of one document, as its audience may see them."""

    def __init__(self, audience: Audience | None, lang: str, known: Iterable[str] = ()):
        self.audience, self.lang, self.known = audience, lang, frozenset(known)

    def __call__(self, table: tables.Table, records: list, parents: list | None = None) -> tables.ShownTable:
        return tables.shown(table, records, self.audience, self.lang, DOCX, self.known, parents=parents)

    def text(self, model: type, name: str, value: str) -> str:
        """A free text field as the audience may read it (de-identified for the client council)."""
        return field_text(model, name, value, self.audience, self.known)


def write_plan(
    doc: Document,
    plan: Plan,
    locations: list[Location],
    lang: str,
    today: dt.date,
    audience: Audience | None = None,
    known: Iterable[str] = (),
) -> None:
    """Every section of the plan, each under a Heading 1; what needs a decision and the costs first.

    For an `audience` the first page says who it is for, and every table and text shows what the
    audience policy (``report.audience``) lets that audience see of each field. `known`: the
    project's own capitalised words, which de-identified free text keeps.
    """
    declared = Declared(audience, lang, known)
    write_title(doc, plan, lang, audience, declared)
    write_introduction(doc, plan.basics, lang)
    write_decisions(doc, decisions(plan, locations, today), today, lang, audience)
    write_costs(doc, locations, lang)
    write_context(doc, plan, lang, declared)
    write_goals(doc, plan.goals, lang, declared)
    write_actions(doc, plan.goals, lang, declared)
    write_data_collection(doc, plan.data_collection, lang, declared)
    write_communication(doc, plan.communication, lang, declared)
    write_stakeholders(doc, plan.stakeholders, lang, declared)
    write_spread(doc, plan, locations, lang, declared)
    write_sustainment(doc, plan.sustainment, lang, declared)
    write_evaluation(doc, plan, locations, lang, declared)
    write_runbook_template(doc, plan.runbook_template, lang, declared)


def empty(doc: Document, section: str, lang: str) -> None:
    """Say in a sentence that a section has nothing yet, instead of showing an empty table."""
    part.note(doc, msg("empty", lang, section=section))


def write_title(doc: Document, plan: Plan, lang: str, audience: Audience | None, declared: Declared) -> None:
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
    members = declared(tables.WORKING_GROUP, basics.working_group)
    if members.hidden and members.size:  # who wrote it is left out: how many
        count = f"{members.size} {field_noun(Basics, 'working_group', members.size, lang)}"
        part.labelled(doc, members.title, count)
    elif members:
        names = [f"{row[0]} ({row[1]})" if len(row) > 1 and row[1] else str(row[0]) for row in members.rows]
        part.labelled(doc, members.title, ", ".join(names))


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


def write_context(doc: Document, plan: Plan, lang: str, declared: Declared) -> None:
    context = plan.context
    part.heading(doc, field_label(Plan, "context", lang), 1)
    part.heading(doc, field_label(Context, "team_description", lang), 2)
    if context.team_description:
        part.text(doc, declared.text(Context, "team_description", context.team_description))
    else:
        empty(doc, field_label(Context, "team_description", lang), lang)
    factors_label = field_label(Context, "factors", lang)
    part.heading(doc, factors_label, 2)
    if not context.factors:
        empty(doc, factors_label, lang)
        return
    factors = sorted(context.factors, key=lambda f: (list(Effect).index(f.effect), f.id))
    part.declared_table(doc, declared(tables.CONTEXT_FACTORS, factors))
    part.figure(doc, charts.context_factors(plan, lang))


def write_goals(doc: Document, goals: list[Goal], lang: str, declared: Declared) -> None:
    section = field_label(Plan, "goals", lang)
    part.heading(doc, section, 1)
    if not goals:
        empty(doc, section, lang)
        return
    table = tables.goals_table(lang)
    for term in Term:
        part.heading(doc, term.label(lang), 2)
        in_term = [goal for goal in goals if goal.term == term]
        if in_term:
            part.declared_table(doc, declared(table, in_term))
        else:
            part.note(doc, msg("no_goals_in_term", lang, term=term.label(lang).lower()))


def write_actions(doc: Document, goals: list[Goal], lang: str, declared: Declared) -> None:
    """Every goal's actions in one table, each after its goal's number."""
    section = msg("actions_per_goal", lang)
    part.heading(doc, section, 1)
    pairs = [(goal, action) for goal in goals for action in goal.actions]
    if not pairs:
        empty(doc, section, lang)
        return
    actions = declared(tables.ACTIONS, [a for _, a in pairs], parents=[g for g, _ in pairs])
    part.declared_table(doc, actions)


def write_data_collection(doc: Document, items: list, lang: str, declared: Declared) -> None:
    section = field_label(Plan, "data_collection", lang)
    part.heading(doc, section, 1)
    if not items:
        empty(doc, section, lang)
        return
    part.declared_table(doc, declared(tables.DATA_COLLECTION, items))


def write_communication(doc: Document, communication: Communication, lang: str, declared: Declared) -> None:
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
        part.declared_table(doc, declared(tables.COMMUNICATION_ACTIONS, communication.actions))
    else:
        empty(doc, actions_label, lang)


def write_stakeholders(doc: Document, stakeholders: list, lang: str, declared: Declared) -> None:
    section = field_label(Plan, "stakeholders", lang)
    part.heading(doc, section, 1)
    if not stakeholders:
        empty(doc, section, lang)
        return
    shown = declared(tables.STAKEHOLDERS, stakeholders)
    part.declared_table(doc, shown)
    if not shown.has("name"):  # named by role, also in the grid and beside the stakes
        stakeholders = [s.model_copy(update={"name": s.role or msg("unnamed", lang)}) for s in stakeholders]
    part.figure(doc, charts.stakeholder_grid(stakeholders, lang))
    stakes = [f"{s.name}: {s.stake}" for s in stakeholders if s.stake]
    if stakes:
        part.heading(doc, msg("stakes", lang), 2)
        part.bullets(doc, stakes)


def write_spread(doc: Document, plan: Plan, locations: list[Location], lang: str, declared: Declared) -> None:
    spread = plan.spread
    part.heading(doc, field_label(Plan, "spread", lang), 1)
    for name in ("what", "future_users", "context", "progress_measure"):
        _long_text(doc, SpreadPlan, spread, name, lang, level=2)
    spread_tables = (
        ("phases", tables.SPREAD_PHASES),
        ("characteristics", tables.CHARACTERISTICS),
        ("system_effects", tables.SYSTEM_EFFECTS),
        ("risks", tables.RISKS),
    )
    for name, table in spread_tables:
        records = getattr(spread, name)
        if records:
            part.heading(doc, field_label(SpreadPlan, name, lang), 2)
            part.declared_table(doc, declared(table, records))
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


def write_sustainment(doc: Document, sustainment: Sustainment, lang: str, declared: Declared) -> None:
    section = field_label(Plan, "sustainment", lang)
    part.heading(doc, section, 1)
    write_scans(doc, sustainment, lang)
    sustainment_tables = (
        ("checklist", tables.CHECKLIST),
        ("anchoring", tables.ANCHORING),
        ("actions", tables.SUSTAINMENT_ACTIONS),
    )
    for name, table in sustainment_tables:
        label = field_label(Sustainment, name, lang)
        part.heading(doc, label, 2)
        records = getattr(sustainment, name)
        if records:
            part.declared_table(doc, declared(table, records))
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


def write_evaluation(doc: Document, plan: Plan, locations: list[Location], lang: str, declared: Declared) -> None:
    evaluation = plan.evaluation
    section = field_label(Plan, "evaluation", lang)
    part.heading(doc, section, 1)
    part.figure(doc, charts.goal_progress(organisation_progress(plan, locations), lang))
    if not evaluation.cycles and not evaluation.lessons:
        empty(doc, section, lang)
        return
    if evaluation.cycles:
        part.heading(doc, field_label(Evaluation, "cycles", lang), 2)
        for cycle in tables.entries(declared(tables.PDCA_CYCLES, evaluation.cycles)):
            date = show(cycle["date"], lang)
            part.heading(doc, f"{cycle['title']} ({date})" if date else cycle["title"], 3)
            for heading, text, _ in cycle["parts"]:
                part.labelled(doc, heading, text)
    if evaluation.lessons:
        part.heading(doc, field_label(Evaluation, "lessons", lang), 2)
        part.declared_table(doc, declared(tables.LESSONS, evaluation.lessons))


def write_runbook_template(
    doc: Document, activities: list[RunbookTemplateActivity], lang: str, declared: Declared
) -> None:
    section = field_label(Plan, "runbook_template", lang)
    part.heading(doc, section, 1)
    if not activities:
        empty(doc, section, lang)
        return
    part.declared_table(doc, declared(tables.RUNBOOK_TEMPLATE, sorted(activities, key=lambda a: a.week)))


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
