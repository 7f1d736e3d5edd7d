"""The organisation-wide implementation plan as a report for stakeholders.

The plan report notebook calls one method per cell::

    report = PlanReport.load(project)
    report.header(); report.summary(); report.why(); report.context(); report.goals(); …

Each method returns a ``Fragment`` (HTML). Charts come from ``workbook.charts``, checks and
figures from ``workbook.analysis``; every piece of user text is escaped by ``report.html``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from workbook import charts
from workbook.analysis import lint, progress, reaim, rollout, smart, stakeholders, sustainability
from workbook.analysis.smart import Outcome
from workbook.errors import WorkbookError
from workbook.fields import field_label
from workbook.i18n import Messages, language
from workbook.model import (
    Action,
    AnchoringGroup,
    CommunicationAction,
    ContextFactor,
    DataItem,
    Effect,
    EmbeddingItem,
    Goal,
    Location,
    MessageChecks,
    Phase,
    Plan,
    Position,
    Risk,
    SimpleAction,
    SpreadPhase,
    Stakeholder,
    SystemEffect,
    WhyPerAudience,
)
from workbook.report import formats
from workbook.report.html import (
    Fragment,
    badge,
    bullet_list,
    chart,
    element,
    heading,
    join,
    long_text,
    paragraph,
    section,
    table,
    tiles,
)
from workbook.store import Project

STARTED = (Phase.starting, Phase.running, Phase.finished)
POSITION_TONE = {Position.supporter: "good", Position.neutral: "neutral", Position.opponent: "bad"}
OUTCOME_TONE = {Outcome.met: "good", Outcome.not_met: "bad", Outcome.unknown: "neutral"}

msg = Messages(
    {
        "title": ("Implementatieplan {project}", "Implementation plan {project}"),
        "untitled": ("naamloos project", "untitled project"),
        "innovation": ("Vernieuwing: {innovation}", "Innovation: {innovation}"),
        "as_of": (
            "Stand van zaken op {date}; plan laatst bijgewerkt op {updated}",
            "Status as of {date}; plan last updated on {updated}",
        ),
        "authors": ("Werkgroep: {names}", "Working group: {names}"),
        "summary": ("Samenvatting", "Summary"),
        "approach": ("Aanpak: {approach}.", "Approach: {approach}."),
        "goals_smart": ("doelen volledig SMART", "goals fully SMART"),
        "locations_started": ("locaties begonnen", "locations started"),
        "rollout_months": ("maanden uitrol", "months of rollout"),
        "one_off": ("eenmalige kosten (alle locaties)", "one-off costs (all locations)"),
        "structural": ("structureel per jaar (alle locaties)", "structural per year (all locations)"),
        "of": ("{part} van {whole}", "{part} of {whole}"),
        "attention": ("Vraagt aandacht", "Needs attention"),
        "advice_count": ("{section}: {count} aandachtspunt(en)", "{section}: {count} point(s) of attention"),
        "all_well": ("Het plan heeft geen open aandachtspunten.", "The plan has no open points of attention."),
        "see_advice": ("Alle aandachtspunten staan onderaan dit rapport.", "All points are listed at the end."),
        "why": ("Waarom deze vernieuwing", "Why this innovation"),
        "need": ("De behoefte", "The need"),
        "payers": ("Wie betaalt: {payers}.", "Who pays: {payers}."),
        "context": ("Contextdiagnose", "Context diagnosis"),
        "context_alt": (
            "Staafdiagram: per groep het gewicht van bevorderende en belemmerende factoren.",
            "Bar chart: per group the weight of promoting and hindering factors.",
        ),
        "goals": ("SMART-doelen en acties", "SMART goals and actions"),
        "target_text": ("{baseline} → {target}", "{baseline} → {target}"),
        "smart": ("SMART", "SMART"),
        "actions_of": ("Acties bij {goal}", "Actions for {goal}"),
        "done": ("klaar", "done"),
        "open": ("open", "open"),
        "data": ("Gegevensverzameling", "Data collection"),
        "communication": ("Communicatie", "Communication"),
        "core_message": ("Kernboodschap", "Core message"),
        "checks": ("Toets van de kernboodschap", "Check of the core message"),
        "yes": ("ja", "yes"),
        "no": ("nee", "no"),
        "unanswered": ("nog niet beantwoord", "not answered yet"),
        "stakeholders": ("Stakeholders", "Stakeholders"),
        "quadrant": ("Kwadrant", "Quadrant"),
        "grid_alt": (
            "Spreidingsdiagram: stakeholders naar invloed en belang, in vier kwadranten.",
            "Scatter chart: stakeholders by power and interest, in four quadrants.",
        ),
        "spread": ("Verspreidingsplan", "Spread plan"),
        "characteristics": ("Kenmerken van de verandering", "Characteristics of the change"),
        "rogers_alt": (
            "Staafdiagram: hoe gunstig de vijf kenmerken van de verandering scoren.",
            "Bar chart: how favourable the five characteristics of the change score.",
        ),
        "rollout": ("Uitrol over de locaties", "Rollout across the locations"),
        "gantt_alt": (
            "Tijdbalk: per locatie wanneer zij aan de beurt is.",
            "Timeline: per location when it takes its turn.",
        ),
        "sustainment": ("Borging", "Sustainment"),
        "scan_alt": (
            "Staafdiagram: per borgingsfactor de gemiddelde score tegen het maximum.",
            "Bar chart: per sustainability factor the mean score against the maximum.",
        ),
        "rings_alt": (
            "Ringen: welke medewerkersgroepen de nieuwe werkwijze toepassen of ondersteunen.",
            "Rings: which staff groups apply or support the new way of working.",
        ),
        "approximation": (
            "Een deel van de gewichten van de borgingsscan is een benadering (niet geverifieerd aan de bron).",
            "Some weights of the sustainability scan are approximations (not verified against the source).",
        ),
        "results": ("Resultaten over alle locaties", "Results across all locations"),
        "progress_alt": (
            "Staafdiagram: per doel gemiddeld hoe ver de locaties zijn van nulmeting naar streefwaarde.",
            "Bar chart: per goal how far the locations have come on average from baseline to target.",
        ),
        "measured_at": ("Gemeten op", "Measured at"),
        "reached_at": ("Gehaald op", "Reached at"),
        "on_track_at": ("Op schema op", "On track at"),
        "mean_share": ("Gemiddeld deel van de weg", "Mean share of the way"),
        "evaluation": ("Evaluatie", "Evaluation"),
        "reaim": ("RE-AIM", "RE-AIM"),
        "dimension": ("Dimensie", "Dimension"),
        "value": ("Waarde", "Value"),
        "explanation": ("Toelichting", "Explanation"),
        "cycles": ("PDCA-cycli", "PDCA cycles"),
        "lessons": ("Geleerde lessen", "Lessons learned"),
        "advice": ("Aandachtspunten in het plan", "Points of attention in the plan"),
        "advice_intro": (
            "Deze punten zijn advies: ze helpen het plan sterker te maken en houden niets tegen.",
            "These points are advice: they help make the plan stronger and block nothing.",
        ),
        "section": ("Onderdeel", "Section"),
        "item": ("Onderwerp", "Item"),
        "point": ("Aandachtspunt", "Point"),
        "nothing": ("Nog niet ingevuld.", "Not filled in yet."),
        "missing_locations": (
            "Niet meegenomen omdat het bestand niet te lezen is: {names}.",
            "Left out because the file cannot be read: {names}.",
        ),
    }
)


@dataclass
class PlanReport:
    """The organisation-wide report, from the plan and all its locations."""

    plan: Plan
    locations: list[Location]
    lang: str
    today: dt.date
    unreadable: list[str]

    @classmethod
    def load(cls, project: str | Path, today: dt.date | None = None) -> PlanReport:
        """Read the plan and every location; a location that cannot be read is named, not fatal."""
        store = Project.open(project)
        locations, unreadable = [], []
        for slug in store.location_slugs():
            try:
                locations.append(store.load_location(slug))
            except WorkbookError:
                unreadable.append(slug)
        return cls(store.load_plan(), locations, language(), today or dt.date.today(), unreadable)

    # --- helpers ---------------------------------------------------------------------------------

    def _m(self, key: str, **values: object) -> str:
        return msg(key, self.lang, **values)

    def _labels(self, model: type, *names: str) -> list[str]:
        return [field_label(model, name, self.lang) for name in names]

    def _empty(self) -> Markup:
        return paragraph(self._m("nothing"), cls="empty")

    def _yes_no(self, value: bool | None) -> str:
        return self._m("unanswered") if value is None else self._m("yes" if value else "no")

    def _findings(self) -> list[lint.Finding]:
        return lint.lint_plan(self.plan, self.locations, self.lang)

    def _schedule(self) -> rollout.Schedule:
        return rollout.schedule(self.plan, self.locations)

    # --- sections --------------------------------------------------------------------------------

    def header(self) -> Fragment:
        basics, lang = self.plan.basics, self.lang
        title = self._m("title", project=basics.project_name or self._m("untitled"))
        parts = [heading(title, 1)]
        if basics.institution:
            parts.append(paragraph(basics.institution, cls="subtitle"))
        if basics.innovation:
            parts.append(paragraph(self._m("innovation", innovation=basics.innovation), cls="subtitle"))
        if basics.working_group:
            names = ", ".join(f"{m.name} ({m.role})" if m.role else m.name for m in basics.working_group)
            parts.append(paragraph(self._m("authors", names=names), cls="subtitle"))
        as_of = self._m("as_of", date=formats.date(self.today, lang), updated=formats.date(basics.last_updated, lang))
        parts.append(paragraph(as_of, cls="as-of"))
        return Fragment(element("header", join(parts)), title=title)

    def summary(self) -> Fragment:
        lang, plan = self.lang, self.plan
        parts = []
        if plan.basics.approach is not None:
            parts.append(paragraph(self._m("approach", approach=plan.basics.approach.label(lang))))
        verdicts = [smart.check_goal(goal, lang) for goal in plan.goals]
        started = sum(location.phase in STARTED for location in self.locations)
        runbooks = [activity for location in self.locations for activity in location.runbook]
        figures = [
            (self._m("of", part=sum(v.smart for v in verdicts), whole=len(verdicts)), self._m("goals_smart")),
            (self._m("of", part=started, whole=len(self.locations)), self._m("locations_started")),
            (formats.amount(self._schedule().months, lang), self._m("rollout_months")),
            (formats.money(sum(a.one_off_cost for a in runbooks), lang), self._m("one_off")),
            (formats.money(sum(a.structural_cost for a in runbooks), lang), self._m("structural")),
        ]
        parts.append(tiles(figures))
        findings = self._findings()
        if findings:
            counts: dict[str, int] = {}
            for finding in findings:
                label = finding.section_label(lang)
                counts[label] = counts.get(label, 0) + 1
            items = [self._m("advice_count", section=label, count=count) for label, count in counts.items()]
            body = heading(self._m("attention"), 3) + bullet_list(items) + paragraph(self._m("see_advice"), cls="note")
            parts.append(element("div", body, cls="attention"))
        else:
            parts.append(element("div", paragraph(self._m("all_well")), cls="all-well"))
        if self.unreadable:
            parts.append(paragraph(self._m("missing_locations", names=", ".join(self.unreadable)), cls="note"))
        return Fragment(section("samenvatting", self._m("summary"), *parts))

    def why(self) -> Fragment:
        basics, lang = self.plan.basics, self.lang
        parts = []
        if basics.need.strip():
            parts += [heading(self._m("need"), 3), long_text(basics.need)]
        for name, label in zip(
            ("management", "care_staff", "clients"),
            self._labels(WhyPerAudience, "management", "care_staff", "clients"),
            strict=True,
        ):
            text = getattr(basics.why, name)
            if text.strip():
                parts += [heading(label, 3), long_text(text)]
        if basics.payers:
            parts.append(paragraph(self._m("payers", payers=", ".join(p.label(lang) for p in basics.payers))))
        if basics.payment_notes.strip():
            parts.append(long_text(basics.payment_notes))
        return Fragment(section("waarom", self._m("why"), *(parts or [self._empty()])))

    def context(self) -> Fragment:
        context, lang = self.plan.context, self.lang
        parts = [long_text(context.team_description)] if context.team_description.strip() else []
        if context.factors:
            parts.append(chart(charts.context_factors(self.plan, lang), self._m("context_alt")))
            headers = self._labels(ContextFactor, "id", "description", "group", "effect", "weight")
            rows = [
                [
                    f.id,
                    f.description,
                    f.group.label(lang),
                    badge(f.effect.label(lang), "good" if f.effect == Effect.promoting else "bad"),
                    str(f.weight),
                ]
                for f in context.factors
            ]
            parts.append(table(headers, rows, numeric={4}))
        return Fragment(section("context", self._m("context"), *(parts or [self._empty()])))

    def goals(self) -> Fragment:
        lang, plan = self.lang, self.plan
        if not plan.goals:
            return Fragment(section("doelen", self._m("goals"), self._empty()))
        headers = [
            *self._labels(Goal, "id", "text", "indicator"),
            self._m("smart"),
            *self._labels(Goal, "deadline", "owner"),
        ]
        headers.insert(3, f"{field_label(Goal, 'baseline', lang)} → {field_label(Goal, 'target', lang)}")
        rows = []
        for goal in plan.goals:
            verdict = smart.check_goal(goal, lang)
            letters = join(badge(c, OUTCOME_TONE[verdict[c].outcome]) + Markup(" ") for c in smart.CRITERIA)
            target = self._m(
                "target_text", baseline=formats.amount(goal.baseline, lang), target=formats.amount(goal.target, lang)
            )
            rows.append(
                [
                    goal.id,
                    goal.text,
                    goal.indicator,
                    f"{target} {goal.unit}".strip(),
                    letters,
                    formats.date(goal.deadline, lang),
                    goal.owner,
                ]
            )
        parts = [table(headers, rows, nowrap={5})]
        action_headers = self._labels(Action, "text", "who", "when", "done")
        for goal in plan.goals:
            if goal.actions:
                rows = [
                    [a.text, a.who, formats.date(a.when, lang), self._m("done" if a.done else "open")]
                    for a in goal.actions
                ]
                parts += [
                    heading(self._m("actions_of", goal=f"{goal.id} {goal.text}"), 3),
                    table(action_headers, rows, nowrap={2}),
                ]
        return Fragment(section("doelen", self._m("goals"), *parts))

    def data_collection(self) -> Fragment:
        items = self.plan.data_collection
        if not items:
            return Fragment(section("gegevens", self._m("data"), self._empty()))
        names = ("goal_id", "data", "recorder", "method", "frequency", "system", "feedback")
        rows = [
            [
                *(getattr(item, name) for name in names[:5]),
                item.system.label(self.lang) if item.system else formats.MISSING,
                item.feedback,
            ]
            for item in items
        ]
        return Fragment(section("gegevens", self._m("data"), table(self._labels(DataItem, *names), rows)))

    def communication(self) -> Fragment:
        communication, lang = self.plan.communication, self.lang
        parts = []
        if communication.core_message.strip():
            parts += [heading(self._m("core_message"), 3), long_text(communication.core_message)]
            names = ("fits", "appeals", "unambiguous", "anticipates_resistance")
            rows = [
                [label, self._yes_no(getattr(communication.checks, name))]
                for name, label in zip(names, self._labels(MessageChecks, *names), strict=True)
            ]
            parts += [heading(self._m("checks"), 3), table(["", ""], rows)]
        if communication.actions:
            headers = self._labels(CommunicationAction, "purpose", "form", "who", "when", "done")
            rows = [
                [a.purpose, a.form, a.who, formats.date(a.when, lang), self._m("done" if a.done else "open")]
                for a in communication.actions
            ]
            parts.append(table(headers, rows, nowrap={3}))
        return Fragment(section("communicatie", self._m("communication"), *(parts or [self._empty()])))

    def stakeholders(self) -> Fragment:
        lang, people = self.lang, self.plan.stakeholders
        if not people:
            return Fragment(section("stakeholders", self._m("stakeholders"), self._empty()))
        headers = [
            *self._labels(Stakeholder, "name", "role", "power", "interest", "position"),
            self._m("quadrant"),
            *self._labels(Stakeholder, "strategy", "next_step"),
        ]
        rows = []
        for person in people:
            suggestion = stakeholders.suggested_strategy(person, lang)
            rows.append(
                [
                    person.name,
                    person.role,
                    str(person.power),
                    str(person.interest),
                    badge(person.position.label(lang), POSITION_TONE[person.position]),
                    suggestion.quadrant.label(lang),
                    person.strategy.label(lang) if person.strategy else formats.MISSING,
                    person.next_step,
                ]
            )
        parts = [
            chart(charts.stakeholder_grid(people, lang), self._m("grid_alt")),
            table(headers, rows, numeric={2, 3}),
        ]
        return Fragment(section("stakeholders", self._m("stakeholders"), *parts))

    def spread(self) -> Fragment:
        spread, lang = self.plan.spread, self.lang
        parts = []
        for name in ("what", "future_users", "context", "progress_measure"):
            text = getattr(spread, name)
            if text.strip():
                parts += [heading(field_label(type(spread), name, lang), 3), long_text(text)]
        if spread.phases:
            rows = [
                [p.name, p.description, formats.date(p.start, lang), formats.date(p.end, lang)] for p in spread.phases
            ]
            parts.append(table(self._labels(SpreadPhase, "name", "description", "start", "end"), rows, nowrap={2, 3}))
        if spread.characteristics:
            parts += [
                heading(self._m("characteristics"), 3),
                chart(charts.rogers_profile(spread.characteristics, lang), self._m("rogers_alt")),
            ]
            rows = [
                [c.key.label(lang), str(c.score) if c.score is not None else formats.MISSING, c.handling]
                for c in spread.characteristics
            ]
            parts.append(table(self._labels(type(spread.characteristics[0]), "key", "score", "handling"), rows))
        if spread.system_effects:
            rows = [[e.who, e.expected, e.needs, e.phase] for e in spread.system_effects]
            parts.append(table(self._labels(SystemEffect, "who", "expected", "needs", "phase"), rows))
        if spread.risks:
            rows = [[r.risk, str(r.likelihood), str(r.impact), r.mitigation] for r in spread.risks]
            parts.append(table(self._labels(Risk, "risk", "likelihood", "impact", "mitigation"), rows, numeric={1, 2}))
        parts += [
            heading(self._m("rollout"), 3),
            chart(charts.rollout_gantt(self._schedule(), lang), self._m("gantt_alt")),
        ]
        return Fragment(section("verspreiding", self._m("spread"), *parts))

    def sustainment(self) -> Fragment:
        sustainment, lang = self.plan.sustainment, self.lang
        parts = []
        latest = sustainability.latest_moment(sustainment.scans)
        if latest:
            previous = sustainability.previous_moment(sustainment.scans)
            result = sustainability.score(latest[1])
            before = sustainability.score(previous[1]) if previous else None
            parts.append(chart(charts.sustainability_scan(result, lang, previous=before), self._m("scan_alt")))
            if result.unverified:
                parts.append(paragraph(self._m("approximation"), cls="note"))
        if sustainment.checklist:
            rows = [[i.area.label(lang), self._yes_no(i.embedded), i.notes] for i in sustainment.checklist]
            parts.append(table(self._labels(EmbeddingItem, "area", "embedded", "notes"), rows))
        if sustainment.anchoring:
            parts.append(chart(charts.anchoring_rings(sustainment.anchoring, lang), self._m("rings_alt")))
            rows = [[g.group, g.ring.label(lang), g.meaning, g.change] for g in sustainment.anchoring]
            parts.append(table(self._labels(AnchoringGroup, "group", "ring", "meaning", "change"), rows))
        if sustainment.actions:
            rows = [
                [a.text, a.who, formats.date(a.when, lang), self._m("done" if a.done else "open")]
                for a in sustainment.actions
            ]
            parts.append(table(self._labels(SimpleAction, "text", "who", "when", "done"), rows, nowrap={2}))
        return Fragment(section("borging", self._m("sustainment"), *(parts or [self._empty()])))

    def results(self) -> Fragment:
        """Progress per goal over all locations."""
        lang = self.lang
        rows_by_goal = progress.organisation_progress(self.plan, self.locations)
        if not rows_by_goal:
            return Fragment(section("resultaten", self._m("results"), self._empty()))
        headers = [
            field_label(Goal, "text", lang),
            self._m("measured_at"),
            self._m("reached_at"),
            self._m("on_track_at"),
            self._m("mean_share"),
        ]
        rows = [
            [
                f"{row.goal_id} {row.text}",
                str(row.locations),
                str(row.reached),
                str(row.on_track),
                formats.percent(row.mean_share),
            ]
            for row in rows_by_goal
        ]
        parts = [
            chart(charts.goal_progress(rows_by_goal, lang), self._m("progress_alt")),
            table(headers, rows, numeric={1, 2, 3, 4}),
        ]
        return Fragment(section("resultaten", self._m("results"), *parts))

    def evaluation(self) -> Fragment:
        lang, evaluation = self.lang, self.plan.evaluation
        summary = reaim.reaim(self.plan, self.locations, today=self.today, lang=lang)
        rows = [[d.label, formats.percent(d.value), d.explanation] for d in summary]
        parts = [
            heading(self._m("reaim"), 3),
            table([self._m(k) for k in ("dimension", "value", "explanation")], rows, numeric={1}),
        ]
        if evaluation.cycles:
            items = []
            for cycle in evaluation.cycles:
                body = [element("strong", cycle.title), element("div", formats.date(cycle.date, lang), cls="meta")]
                for name in ("plan", "do", "check", "act"):
                    text = getattr(cycle, name)
                    if text.strip():
                        body += [element("h4", name.capitalize()), long_text(text)]
                items.append(join(body))
            parts += [heading(self._m("cycles"), 3), bullet_list(items, cls="entries")]
        if evaluation.lessons:
            items = [
                join([element("div", formats.date(lesson.date, lang), cls="meta"), long_text(lesson.lesson)])
                for lesson in evaluation.lessons
            ]
            parts += [heading(self._m("lessons"), 3), bullet_list(items, cls="entries")]
        return Fragment(section("evaluatie", self._m("evaluation"), *parts))

    def advice(self) -> Fragment:
        """Every point of attention from the plan lint."""
        findings = self._findings()
        if not findings:
            return Fragment(
                section("advies", self._m("advice"), element("div", paragraph(self._m("all_well")), cls="all-well"))
            )
        headers = [self._m(k) for k in ("section", "item", "point")]
        rows = [[f.section_label(self.lang), f.item, f.message] for f in findings]
        return Fragment(section("advies", self._m("advice"), paragraph(self._m("advice_intro")), table(headers, rows)))
