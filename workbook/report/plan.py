"""The organisation-wide implementation plan as a report for stakeholders.

The plan report notebook calls one method per cell::

    report = PlanReport.load(project)
    report.header(); report.summary(); report.why(); report.context(); report.goals(); …

Each method returns a ``Fragment`` (HTML). Charts come from ``workbook.charts``, checks and
figures from ``workbook.analysis``; the chapters are blocks (``report.blocks``) that one Jinja template
renders, escaping every piece of user text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from workbook import charts
from workbook.analysis import lint, progress, reaim, rollout, smart, stakeholders, sustainability
from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import decisions
from workbook.analysis.smart import Outcome
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
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
from workbook.model.fields import field_label
from workbook.project.store import Project
from workbook.report import formats, truth
from workbook.report.audience import Audience
from workbook.report.blocks import (
    Block,
    badge,
    badges,
    box,
    chart,
    entries,
    heading,
    long_text,
    markup,
    meta,
    paragraph,
    strong,
    table,
    tiles,
)
from workbook.report.blocks import section as blocks_section
from workbook.report.html import Fragment
from workbook.report.render import per_audience, render

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
        "all_well": ("Het plan heeft geen open aandachtspunten.", "The plan has no open points of attention."),
        "see_advice": (
            "Het plan zelf heeft nog {count}; ze staan onderaan dit rapport.",
            "The plan itself still has {count}; they are listed at the end of this report.",
        ),
        "points": ("aandachtspunten", "points of attention"),
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
        "before_start": ("vóór de start", "before the start"),
        "months_after_start": ("{n} mnd na de start", "{n} months after the start"),
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
        "unnamed": ("(geen rol)", "(no role)"),
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
        "reaim_per_location": ("RE-AIM per locatie", "RE-AIM per location"),
        "location": ("Locatie", "Location"),
        "all_locations": ("Alle locaties", "All locations"),
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
        "point": ("aandachtspunt", "point of attention"),
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

    def _section(self, anchor: str, title: str, *blocks: Block | None) -> Markup:
        return blocks_section(anchor, title, *blocks, lang=self.lang)

    def _empty(self) -> Block:
        return paragraph(self._m("nothing"), cls="empty")

    def _yes_no(self, value: bool | None) -> str:
        return self._m("unanswered") if value is None else self._m("yes" if value else "no")

    def _findings(self) -> list[lint.Finding]:
        return lint.lint_plan(self.plan, self.locations, self.lang, self.today)

    def _schedule(self) -> rollout.Schedule:
        return rollout.schedule(self.plan, self.locations)

    # --- sections --------------------------------------------------------------------------------

    def header(self) -> Fragment:
        basics, lang = self.plan.basics, self.lang
        title = self._m("title", project=basics.project_name or self._m("untitled"))
        subtitles = [basics.institution] if basics.institution else []
        if basics.innovation:
            subtitles.append(self._m("innovation", innovation=basics.innovation))
        as_of = self._m("as_of", date=formats.date(self.today, lang), updated=formats.date(basics.last_updated, lang))
        authors = []
        if basics.working_group:
            names = ", ".join(f"{m.name} ({m.role})" if m.role else m.name for m in basics.working_group)
            authors = [self._m("authors", names=names)]

        def build(audience: Audience | None) -> Markup:
            staff = authors if audience is None or audience.names_staff else []
            view = {"title": title, "subtitles": [*subtitles, *staff], "as_of": as_of}
            return render("header.html.j2", msg, lang, **view)

        return per_audience(build, title=title)

    def summary(self) -> Fragment:
        lang, plan = self.lang, self.plan
        parts = []
        if plan.basics.approach is not None:
            parts.append(paragraph(self._m("approach", approach=plan.basics.approach.label(lang))))
        verdicts = [smart.check_goal(goal, lang) for goal in plan.goals]
        started = sum(location.phase in STARTED for location in self.locations)
        _, costs = costs_per_location(self.locations)
        figures = [
            (self._m("of", part=sum(v.smart for v in verdicts), whole=len(verdicts)), self._m("goals_smart")),
            (self._m("of", part=started, whole=len(self.locations)), self._m("locations_started")),
            (formats.amount(self._schedule().months, lang), self._m("rollout_months")),
            (formats.money(costs.one_off, lang), self._m("one_off")),
            (formats.money(costs.structural, lang), self._m("structural")),
        ]
        parts.append(tiles(figures))
        parts.append(markup(truth.decisions_box(decisions(plan, self.locations, self.today), lang)))
        findings = self._findings()
        if findings:
            count = formats.counted(len(findings), self._m("point"), self._m("points"), lang)
            parts.append(paragraph(self._m("see_advice", count=count), cls="note"))
        if self.unreadable:
            parts.append(paragraph(self._m("missing_locations", names=", ".join(self.unreadable)), cls="note"))
        return Fragment(self._section("samenvatting", self._m("summary"), *parts))

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
        return Fragment(self._section("waarom", self._m("why"), *(parts or [self._empty()])))

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
        return Fragment(self._section("context", self._m("context"), *(parts or [self._empty()])))

    def goals(self) -> Fragment:
        return per_audience(lambda audience: self._goals(audience is None or audience.names_staff))

    def _goals(self, names: bool) -> Markup:
        lang, plan = self.lang, self.plan
        if not plan.goals:
            return self._section("doelen", self._m("goals"), self._empty())
        headers = [
            *self._labels(Goal, "id", "text", "indicator"),
            self._m("smart"),
            *self._labels(Goal, "deadline", "due_after_start"),
            *(self._labels(Goal, "owner") if names else []),
        ]
        headers.insert(3, f"{field_label(Goal, 'baseline', lang)} → {field_label(Goal, 'target', lang)}")
        rows = []
        for goal in plan.goals:
            verdict = smart.check_goal(goal, lang)
            letters = badges(badge(c, OUTCOME_TONE[verdict[c].outcome]) for c in smart.CRITERIA)
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
                    self._relative_due(goal),
                    *([goal.owner] if names else []),
                ]
            )
        parts = [table(headers, rows, nowrap={5})]
        action_headers = self._labels(Action, *(("text", "who", "when", "done") if names else ("text", "when", "done")))
        for goal in plan.goals:
            if goal.actions:
                rows = [
                    [
                        a.text,
                        *([a.who] if names else []),
                        formats.date(a.when, lang),
                        self._m("done" if a.done else "open"),
                    ]
                    for a in goal.actions
                ]
                parts += [
                    heading(self._m("actions_of", goal=f"{goal.id} {goal.text}"), 3),
                    table(action_headers, rows, nowrap={2 if names else 1}),
                ]
        return self._section("doelen", self._m("goals"), *parts)

    def _relative_due(self, goal: Goal) -> str:
        if goal.due_after_start is None:
            return formats.MISSING
        if goal.due_after_start == 0:
            return self._m("before_start")
        return self._m("months_after_start", n=goal.due_after_start)

    def data_collection(self) -> Fragment:
        return per_audience(lambda audience: self._data_collection(audience is None or audience.names_staff))

    def _data_collection(self, names: bool) -> Markup:
        items = self.plan.data_collection
        if not items:
            return self._section("gegevens", self._m("data"), self._empty())
        columns = (
            ("goal_id", "data", "recorder", "method", "frequency")
            if names
            else ("goal_id", "data", "method", "frequency")
        )
        rows = [
            [
                *(getattr(item, name) for name in columns),
                item.system.label(self.lang) if item.system else formats.MISSING,
                item.feedback,
            ]
            for item in items
        ]
        return self._section(
            "gegevens", self._m("data"), table(self._labels(DataItem, *columns, "system", "feedback"), rows)
        )

    def communication(self) -> Fragment:
        return per_audience(lambda audience: self._communication(audience is None or audience.names_staff))

    def _communication(self, names: bool) -> Markup:
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
            who = ("who",) if names else ()
            headers = self._labels(CommunicationAction, "purpose", "form", *who, "when", "done")
            rows = [
                [
                    a.purpose,
                    a.form,
                    *([a.who] if names else []),
                    formats.date(a.when, lang),
                    self._m("done" if a.done else "open"),
                ]
                for a in communication.actions
            ]
            parts.append(table(headers, rows, nowrap={len(headers) - 2}))
        return self._section("communicatie", self._m("communication"), *(parts or [self._empty()]))

    def stakeholders(self) -> Fragment:
        people = self.plan.stakeholders
        if not people:
            return per_audience(lambda audience: self._stakeholders(None, True))
        grid = chart(charts.stakeholder_grid(people, self.lang), self._m("grid_alt"))
        # the client council reads roles, not names, also beside the grid
        roles = [p.model_copy(update={"name": p.role or self._m("unnamed")}) for p in people]
        grid_roles = chart(charts.stakeholder_grid(roles, self.lang), self._m("grid_alt"))
        return per_audience(
            lambda audience: (
                self._stakeholders(grid, True)
                if audience is None or audience.names_staff
                else self._stakeholders(grid_roles, False)
            )
        )

    def _stakeholders(self, grid: Block | None, names: bool) -> Markup:
        lang, people = self.lang, self.plan.stakeholders
        if not people:
            return self._section("stakeholders", self._m("stakeholders"), self._empty())
        headers = [
            *self._labels(Stakeholder, *(("name", "role") if names else ("role",)), "power", "interest", "position"),
            self._m("quadrant"),
            *self._labels(Stakeholder, "strategy", "next_step"),
        ]
        rows = []
        for person in people:
            suggestion = stakeholders.suggested_strategy(person, lang)
            rows.append(
                [
                    *([person.name] if names else []),
                    person.role,
                    str(person.power),
                    str(person.interest),
                    badge(person.position.label(lang), POSITION_TONE[person.position]),
                    suggestion.quadrant.label(lang),
                    person.strategy.label(lang) if person.strategy else formats.MISSING,
                    person.next_step,
                ]
            )
        numeric = {2, 3} if names else {1, 2}
        return self._section("stakeholders", self._m("stakeholders"), grid, table(headers, rows, numeric=numeric))

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
            chart(
                charts.rollout_gantt(
                    self._schedule(), lang, self.today, planned=rollout.planned_schedule(self.plan, self.locations)
                ),
                self._m("gantt_alt"),
            ),
        ]
        return Fragment(self._section("verspreiding", self._m("spread"), *parts))

    def sustainment(self) -> Fragment:
        sustainment, lang = self.plan.sustainment, self.lang
        parts: list[Block] = []
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

        def build(audience: Audience | None) -> Markup:
            names = audience is None or audience.names_staff
            actions = None
            if sustainment.actions:
                who = ("who",) if names else ()
                rows = [
                    [
                        a.text,
                        *([a.who] if names else []),
                        formats.date(a.when, lang),
                        self._m("done" if a.done else "open"),
                    ]
                    for a in sustainment.actions
                ]
                headers = self._labels(SimpleAction, "text", *who, "when", "done")
                actions = table(headers, rows, nowrap={len(headers) - 2})
            content = [*parts, actions] if parts or sustainment.actions else [self._empty()]
            return self._section("borging", self._m("sustainment"), *content)

        return per_audience(build)

    def results(self) -> Fragment:
        """Progress per goal over all locations."""
        lang = self.lang
        rows_by_goal = progress.organisation_progress(self.plan, self.locations, self.today)
        if not rows_by_goal:
            return Fragment(self._section("resultaten", self._m("results"), self._empty()))
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
        return Fragment(self._section("resultaten", self._m("results"), *parts))

    def evaluation(self) -> Fragment:
        lang, evaluation = self.lang, self.plan.evaluation
        summary = reaim.reaim(self.plan, self.locations, today=self.today, lang=lang)
        rows = [[d.label, formats.percent(d.value), d.explanation] for d in summary]
        per_location = [
            (location.name, reaim.reaim(self.plan, [location], today=self.today, lang=lang))
            for location in self.locations
        ]
        parts = [
            heading(self._m("reaim"), 3),
            table([self._m(k) for k in ("dimension", "value", "explanation")], rows, numeric={1}),
            markup(render("reaim_locations.html.j2", msg, lang, overall=summary, per_location=per_location)),
        ]
        if evaluation.cycles:
            items = []
            for cycle in evaluation.cycles:
                body = [strong(cycle.title), meta(formats.date(cycle.date, lang))]
                for name in ("plan", "do", "check", "act"):
                    text = getattr(cycle, name)
                    if text.strip():
                        body += [heading(name.capitalize(), 4), long_text(text)]
                items.append(body)
            parts += [heading(self._m("cycles"), 3), entries(items)]
        if evaluation.lessons:
            items = [[meta(formats.date(lesson.date, lang)), long_text(lesson.lesson)] for lesson in evaluation.lessons]
            parts += [heading(self._m("lessons"), 3), entries(items)]
        return Fragment(self._section("evaluatie", self._m("evaluation"), *parts))

    def advice(self) -> Fragment:
        """Every point of attention from the plan lint."""
        findings = self._findings()
        if not findings:
            return Fragment(self._section("advies", self._m("advice"), box("all-well", paragraph(self._m("all_well")))))
        headers = [self._m("section"), self._m("item"), self._m("point").capitalize()]
        rows = [[f.section_label(self.lang), f.item, f.message] for f in findings]
        return Fragment(
            self._section("advies", self._m("advice"), paragraph(self._m("advice_intro")), table(headers, rows))
        )
