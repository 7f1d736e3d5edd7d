"""The organisation-wide implementation plan as a report for stakeholders.

The plan report notebook calls one method per cell::

    report = PlanReport.load(project)
    report.header(); report.summary(); report.why(); report.context(); report.goals(); …

Each method returns a ``Fragment`` (HTML). Charts come from ``workbook.charts``, checks and
figures from ``workbook.analysis``; each chapter hands them, with the plan's own records, to one Jinja
template (``templates/workbook/fragments/plan/``), which lays it out and escapes every piece of user text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from workbook import charts
from workbook.analysis import lint, progress, reaim, rollout, smart, sustainability
from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import decisions
from workbook.analysis.deid import public_words
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.model import Context, Goal, Location, MessageChecks, Phase, Plan, WhyPerAudience
from workbook.model.fields import field_label
from workbook.project.store import Project
from workbook.report import formats, tables, truth
from workbook.report.audience import Audience, field_text
from workbook.report.html import Fragment
from workbook.report.kept_charts import drawn
from workbook.report.render import per_audience, render
from workbook.report.swot import swot_html

STARTED = (Phase.starting, Phase.running, Phase.finished)

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
        "swot": ("SWOT", "SWOT"),
        "swot_intro": (
            "De factoren samengevat: sterktes en zwaktes van de eigen organisatie, kansen en bedreigingen van "
            "buiten. Bij elk punt staan de factoren waar het over gaat.",
            "The factors summed up: strengths and weaknesses of the organisation itself, opportunities and "
            "threats from outside. Each point lists the factors it is about.",
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
        "conversations": ("Vierhoeksgesprekken", "Four-party conversations"),
        "conversations_intro": (
            "Zorgverlener, cliënt, financier en vernieuwer toetsten samen de aannames over de behoefte, het "
            "gebruik en de betaling. Wie er per partij bij was (in rollen) en wat elke aanname opleverde:",
            "Care provider, client, funder and innovator tested the assumptions about the need, the use and the "
            "payment together. Who took part for each party (as roles) and what each assumption came to:",
        ),
        "no_conversations": (
            "Nog geen vierhoeksgesprek gehouden.",
            "No four-party conversation held yet.",
        ),
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
            "Staafdiagram: per doel op hoeveel locaties het gehaald, op schema, achter of te laat is. {figures}",
            "Bar chart: per goal at how many locations it is reached, on track, behind or late. {figures}",
        ),
        "measured_at": ("Gemeten op", "Measured at"),
        "standing_at": ("Stand op die locaties", "Standing at those locations"),
        "mean_share": ("Gemiddeld deel van de weg", "Mean share of the way"),
        "evaluation": ("Evaluatie", "Evaluation"),
        "reaim": ("RE-AIM", "RE-AIM"),
        "reaim_per_location": ("RE-AIM per locatie", "RE-AIM per location"),
        "reach_hidden": ("niet getoond", "not shown"),
        "location": ("Locatie", "Location"),
        "all_locations": ("Alle locaties", "All locations"),
        "dimension": ("Dimensie", "Dimension"),
        "value": ("Waarde", "Value"),
        "explanation": ("Toelichting", "Explanation"),
        "reaim_meaning": ("Wat betekent elke dimensie?", "What does each dimension mean?"),
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

    def _labels(self, model: type, *names: str) -> dict[str, str]:
        return {name: field_label(model, name, self.lang) for name in names}

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """The project's own capitalised words (locations, organisation, plan titles): not names."""
        return public_words(self.plan, *self.locations)

    def _table(self, table: tables.Table, records: list, audience: Audience | None) -> tables.ShownTable:
        """`records` in the declared `table` as `audience` may see them (``report.tables``)."""
        return tables.shown(table, records, audience, self.lang, known=self._known_words)

    def _render(self, template: str, **view: object) -> Markup:
        """The chapter template ``fragments/plan/<template>.html.j2`` for the view model in `view`."""
        return render(f"plan/{template}.html.j2", msg, self.lang, **view)

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

        def build(audience: Audience | None) -> Markup:
            members = self._table(tables.WORKING_GROUP, basics.working_group, audience)
            staff = []
            if members and members.has("name"):
                names = [
                    f"{members.text(i, 'name')} ({members.text(i, 'role')})"
                    if members.has("role") and members.text(i, "role")
                    else members.text(i, "name")
                    for i in range(len(members.rows))
                ]
                staff = [self._m("authors", names=", ".join(names))]
            view = {"title": title, "subtitles": [*subtitles, *staff], "as_of": as_of}
            return render("header.html.j2", msg, lang, **view)

        return per_audience(build, title=title)

    def summary(self) -> Fragment:
        lang, plan = self.lang, self.plan
        verdicts = [smart.check_goal(goal, lang) for goal in plan.goals]
        started = sum(location.phase in STARTED for location in self.locations)
        _, costs = costs_per_location(self.locations)
        cents = formats.cents_of([costs.one_off, costs.structural])
        figures = [
            (self._m("of", part=sum(v.smart for v in verdicts), whole=len(verdicts)), self._m("goals_smart")),
            (self._m("of", part=started, whole=len(self.locations)), self._m("locations_started")),
            (formats.amount(self._schedule().months, lang), self._m("rollout_months")),
            (formats.money(costs.one_off, lang, cents), self._m("one_off")),
            (formats.money(costs.structural, lang, cents), self._m("structural")),
        ]
        view = {
            "approach": plan.basics.approach,
            "figures": figures,
            "findings": len(self._findings()),
            "unreadable": self.unreadable,
        }
        to_decide = decisions(plan, self.locations, self.today)

        def build(audience: Audience | None) -> Markup:
            box = truth.decisions_box(to_decide, self.today, lang, audience)
            return self._render("summary", **view, decisions=box)

        return per_audience(build)

    def why(self) -> Fragment:
        basics, lang = self.plan.basics, self.lang
        audiences = ("management", "care_staff", "clients")
        labels = self._labels(WhyPerAudience, *audiences)
        texts = [(self._m("need"), basics.need)] + [(labels[name], getattr(basics.why, name)) for name in audiences]
        view = {
            "texts": [(heading, text) for heading, text in texts if text.strip()],
            "payers": [payer.label(lang) for payer in basics.payers],
            "payment_notes": basics.payment_notes,
        }
        return Fragment(self._render("why", **view))

    def context(self) -> Fragment:
        context = self.plan.context
        chart = drawn(charts.context_factors, self.plan, self.lang) if context.factors else None
        boxes = swot_html(self.plan, self.lang, level=4) if context.swot else None

        def build(audience: Audience | None) -> Markup:
            view = {
                "description": field_text(
                    Context, "team_description", context.team_description, audience, self._known_words
                ),
                "factors": self._table(tables.CONTEXT_FACTORS, context.factors, audience),
                "factors_chart": chart,
                "swot": boxes,
            }
            return self._render("context", **view)

        return per_audience(build)

    def goals(self) -> Fragment:
        goals, table = self.plan.goals, tables.goals_table(self.lang)

        def build(audience: Audience | None) -> Markup:
            view = {
                "goals": self._table(table, goals, audience),
                "actions": [
                    (goal, self._table(tables.ACTIONS, goal.actions, audience)) for goal in goals if goal.actions
                ],
            }
            return self._render("goals", **view)

        return per_audience(build)

    def data_collection(self) -> Fragment:
        items = self.plan.data_collection
        return per_audience(
            lambda audience: self._render("data", items=self._table(tables.DATA_COLLECTION, items, audience))
        )

    def communication(self) -> Fragment:
        communication = self.plan.communication
        checks = ("fits", "appeals", "unambiguous", "anticipates_resistance")
        view = {"communication": communication, "check_labels": self._labels(MessageChecks, *checks)}
        return per_audience(
            lambda audience: self._render(
                "communication",
                actions=self._table(tables.COMMUNICATION_ACTIONS, communication.actions, audience),
                **view,
            )
        )

    def _conversations(self, audience: Audience | None) -> dict[str, object]:
        """The four-party conversations and the assumptions they tested, as `audience` may see them."""
        conversations = sorted(self.plan.conversations, key=lambda c: (c.date is None, c.date or dt.date.min))
        pairs = [(c, a) for c in conversations for a in c.assumptions]
        assumptions = tables.shown(
            tables.ASSUMPTIONS,
            [a for _, a in pairs],
            audience,
            self.lang,
            known=self._known_words,
            parents=[c for c, _ in pairs],
        )
        return {"conversations": self._table(tables.CONVERSATIONS, conversations, audience), "assumptions": assumptions}

    def stakeholders(self) -> Fragment:
        lang, people = self.lang, self.plan.stakeholders
        if not people:
            return per_audience(
                lambda audience: self._render("stakeholders", grid=None, people=None, **self._conversations(audience))
            )
        grid = drawn(charts.stakeholder_grid, people, lang)
        # where the audience may not read their names, the grid names them by role too
        roles = [p.model_copy(update={"name": p.role or self._m("unnamed")}) for p in people]
        grid_roles = drawn(charts.stakeholder_grid, roles, lang)

        def build(audience: Audience | None) -> Markup:
            shown = self._table(tables.STAKEHOLDERS, people, audience)
            return self._render(
                "stakeholders",
                grid=grid if shown.has("name") else grid_roles,
                people=shown,
                **self._conversations(audience),
            )

        return per_audience(build)

    def spread(self) -> Fragment:
        spread, lang = self.plan.spread, self.lang
        questions = ("what", "future_users", "context", "progress_measure")
        labels = self._labels(type(spread), *questions)
        texts = [(labels[name], getattr(spread, name)) for name in questions]
        rogers = drawn(charts.rogers_profile, spread.characteristics, lang) if spread.characteristics else None
        planned = rollout.planned_schedule(self.plan, self.locations)
        view = {
            "texts": [(heading, text) for heading, text in texts if text.strip()],
            "rogers_chart": rogers,
            "gantt": drawn(charts.rollout_gantt, self._schedule(), lang, self.today, planned=planned),
        }
        declared = (
            ("phases", tables.SPREAD_PHASES, spread.phases),
            ("characteristics", tables.CHARACTERISTICS, spread.characteristics),
            ("effects", tables.SYSTEM_EFFECTS, spread.system_effects),
            ("risks", tables.RISKS, spread.risks),
        )
        return per_audience(
            lambda audience: self._render(
                "spread", **view, **{key: self._table(table, rows, audience) for key, table, rows in declared}
            )
        )

    def sustainment(self) -> Fragment:
        sustainment, lang = self.plan.sustainment, self.lang
        scan_chart, approximated = None, False
        latest = sustainability.latest_moment(sustainment.scans)
        if latest:
            previous = sustainability.previous_moment(sustainment.scans)
            result = sustainability.score(latest[1])
            before = sustainability.score(previous[1]) if previous else None
            scan_chart = drawn(charts.sustainability_scan, result, lang, previous=before)
            approximated = bool(result.unverified)
        rings = drawn(charts.anchoring_rings, sustainment.anchoring, lang) if sustainment.anchoring else None
        view = {"scan_chart": scan_chart, "approximated": approximated, "rings_chart": rings}
        declared = (
            ("checklist", tables.CHECKLIST, sustainment.checklist),
            ("anchoring", tables.ANCHORING, sustainment.anchoring),
            ("actions", tables.SUSTAINMENT_ACTIONS, sustainment.actions),
        )
        return per_audience(
            lambda audience: self._render(
                "sustainment", **view, **{key: self._table(table, rows, audience) for key, table, rows in declared}
            )
        )

    def results(self) -> Fragment:
        """Progress per goal over all locations."""
        rows = progress.organisation_progress(self.plan, self.locations, self.today)
        standings = {row.goal_id: progress.counts_words(row.counts, self.lang) for row in rows}
        view = {
            "rows": rows,
            "standings": standings,
            "figures": progress.counts_summary(rows, self.lang),
            "progress_chart": drawn(charts.goal_progress, rows, self.lang) if rows else None,
            "goal_label": field_label(Goal, "text", self.lang),
        }
        return Fragment(self._render("results", **view))

    def evaluation(self) -> Fragment:
        lang, evaluation = self.lang, self.plan.evaluation
        # A location's reach is left out where its suitable count is not shown exactly: with the
        # number of clients taking part it would give that count away.
        per_location = [
            (
                location.name,
                reaim.reaim(self.plan, [location], today=self.today, lang=lang),
                reaim.reach_can_be_shown(self.plan, location),
            )
            for location in self.locations
        ]
        overall = reaim.reaim(self.plan, self.locations, today=self.today, lang=lang)

        def build(audience: Audience | None) -> Markup:
            view = {
                "overall": overall,
                "per_location": per_location,
                "cycles": tables.entries(self._table(tables.PDCA_CYCLES, evaluation.cycles, audience)),
                "lessons": tables.entries(self._table(tables.LESSONS, evaluation.lessons, audience)),
                "reaim_source": reaim.source(lang),
            }
            return self._render("evaluation", **view)

        return per_audience(build)

    def advice(self) -> Fragment:
        """Every point of attention from the plan lint."""
        return Fragment(self._render("advice", findings=self._findings()))
