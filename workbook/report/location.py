"""One location's report for stakeholders: summary first, then the details, in plain language.

The location notebook calls one method per cell::

    report = LocationReport.load(project, location)
    report.header()      # title, organisation, as-of date
    report.summary()     # status, key figures, what needs attention
    report.team() … report.evaluation()

Each method returns a ``Fragment`` (HTML); nothing here prints or writes files. Client data are
counts only. Charts come from ``workbook.charts``, scores and progress from ``workbook.analysis``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from workbook import charts, instruments
from workbook.analysis import lint, sustainability
from workbook.analysis.progress import GoalProgress, goal_progress
from workbook.charts.style import shorten
from workbook.fields import field_label
from workbook.i18n import Messages, language
from workbook.model import (
    ClientCriterion,
    CriterionKind,
    ExperienceKind,
    Intake,
    Location,
    LocationEvaluation,
    Member,
    Phase,
    Plan,
    RunbookActivity,
    Status,
    SuitabilityChange,
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
from workbook.session import find_project

PHASE_TONE = {Phase.planned: "neutral", Phase.starting: "warn", Phase.running: "good", Phase.finished: "good"}
OPEN = (Status.todo, Status.busy)

msg = Messages(
    {
        "title": ("Voortgangsrapport {name}", "Progress report {name}"),
        "choose_location": (
            "Hier komt het rapport van één locatie. Kies de locatie in het formulier hierboven; "
            "'workbook build' maakt de rapporten van alle locaties in de map build/reports.",
            "The report of one location appears here. Choose the location in the form above; "
            "'workbook build' makes the reports of all locations in the folder build/reports.",
        ),
        "subtitle": ("{project} · {organisation}", "{project} · {organisation}"),
        "innovation": ("Vernieuwing: {innovation}", "Innovation: {innovation}"),
        "as_of": ("Stand van zaken op {date}", "Status as of {date}"),
        # summary
        "summary": ("Samenvatting", "Summary"),
        "status": ("Periode: {period}.", "Period: {period}."),
        "no_period": ("Nog geen start- en einddatum.", "No start and end date yet."),
        "week": ("Week {week} van {weeks}.", "Week {week} of {weeks}."),
        "starts_in": ("Begint over {days} dagen.", "Starts in {days} days."),
        "runbook_done": ("activiteiten klaar", "activities done"),
        "one_off": ("eenmalige kosten", "one-off costs"),
        "structural": ("structurele kosten per jaar", "structural costs per year"),
        "suitable": ("cliënten waarschijnlijk geschikt", "clients probably suitable"),
        "goals_on_track": ("doelen op schema", "goals on track"),
        "scan_score": ("borgingsscan (van {max})", "sustainability scan (of {max})"),
        "of": ("{part} van {whole}", "{part} of {whole}"),
        "attention": ("Vraagt aandacht", "Needs attention"),
        "all_well": (
            "Er zijn op dit moment geen aandachtspunten voor deze locatie.",
            "There is nothing that needs attention at this location right now.",
        ),
        "overdue": (
            "Over de einddatum: {activity} (gepland tot {date}).",
            "Past its end date: {activity} (planned until {date}).",
        ),
        "behind": ("Achter op schema: {goal}.", "Behind schedule: {goal}."),
        "disagreement": (
            "Het team denkt verschillend over de borgingsfactor '{factor}': bespreek dat samen.",
            "The team disagrees on the sustainability factor '{factor}': talk it through together.",
        ),
        "failure_open": (
            "Mislukking zonder les: {description}",
            "Failure without a lesson: {description}",
        ),
        # team
        "team": ("Uitvoeringsteam", "Execution team"),
        "contact": ("Centrale contactpersoon: {name}", "Central contact: {name}"),
        "no_team": ("Er is nog geen uitvoeringsteam vastgelegd.", "No execution team has been recorded yet."),
        # runbook
        "runbook": ("Draaiboek en kosten", "Runbook and costs"),
        "no_runbook": ("Er is nog geen draaiboek voor deze locatie.", "There is no runbook for this location yet."),
        "total": ("Totaal", "Total"),
        "missing": ("ontbreekt", "missing"),
        "flag_note": (
            "Gemarkeerde regels missen een verantwoordelijke of een datum.",
            "Highlighted rows lack a responsible person or a date.",
        ),
        "costs_text": (
            "Eenmalige kosten in totaal {one_off}; structureel {structural} per jaar.",
            "One-off costs in total {one_off}; structural {structural} per year.",
        ),
        # clients
        "clients": ("Geschikte cliënten", "Suitable clients"),
        "clients_counts": (
            "Van de {total} cliënten van het team zijn er naar schatting {suitable} geschikt.",
            "Of the team's {total} clients, an estimated {suitable} are suitable.",
        ),
        "clients_unknown": (
            "Het aantal geschikte cliënten is nog niet ingeschat.",
            "The number of suitable clients has not been estimated yet.",
        ),
        "counts_only": (
            "Alleen aantallen; dit rapport bevat geen gegevens van individuele cliënten.",
            "Counts only; this report holds no data on individual clients.",
        ),
        "changes": ("Bijgestelde inschattingen", "Revised assessments"),
        # measurements
        "measurements": ("Metingen en streefwaarden", "Measurements and targets"),
        "goal": ("Doel", "Goal"),
        "baseline": ("Nulmeting", "Baseline"),
        "target": ("Streefwaarde", "Target"),
        "latest": ("Laatste meting", "Latest measurement"),
        "share": ("Deel van de weg", "Share of the way"),
        "state": ("Stand", "Status"),
        "local": ("(lokaal)", "(local)"),
        "on_track": ("op schema", "on track"),
        "reached": ("gehaald", "reached"),
        "behind_badge": ("achter", "behind"),
        "unknown": ("nog onbekend", "not yet known"),
        "progress_alt": (
            "Staafdiagram: per doel hoe ver deze locatie is van nulmeting naar streefwaarde.",
            "Bar chart: per goal how far this location has come from baseline to target.",
        ),
        "over_time_alt": (
            "Lijndiagrammen: de metingen per doel door de tijd, met de streefwaarde.",
            "Line charts: the measurements per goal over time, with the target.",
        ),
        "no_goals": ("Het plan heeft nog geen SMART-doelen.", "The plan has no SMART goals yet."),
        # sustainability
        "scan": ("Borgingsscan", "Sustainability scan"),
        "no_scan": (
            "Het team heeft de borgingsscan nog niet ingevuld.",
            "The team has not filled in the sustainability scan yet.",
        ),
        "scan_text": (
            "Laatste scan op {date} door {n} invullers: {total} van {max} punten.",
            "Latest scan on {date} by {n} raters: {total} of {max} points.",
        ),
        "scan_previous": (
            "Bij de vorige scan ({date}) was dat {total}.",
            "At the previous scan ({date}) it was {total}.",
        ),
        "approximation": (
            "Let op: een deel van de gewichten in deze scan is een benadering (niet geverifieerd aan de bron); "
            "die factoren zijn gemarkeerd met *. Lees de score daarom als indicatie.",
            "Note: some weights in this scan are approximations (not verified against the source); those "
            "factors are marked with *. Read the score as an indication.",
        ),
        "scan_alt": (
            "Staafdiagram: per borgingsfactor de gemiddelde score van het team tegen het maximum.",
            "Bar chart: per sustainability factor the team's mean score against the maximum.",
        ),
        "factor": ("Factor", "Factor"),
        "mean": ("Gemiddeld", "Mean"),
        "max": ("Maximum", "Maximum"),
        "spread": ("Spreiding", "Spread"),
        "agreement": ("Eensgezind?", "Agreed?"),
        "yes": ("ja", "yes"),
        "no": ("nee, bespreken", "no, discuss"),
        # experiences
        "experiences": ("Successen en mislukkingen", "Successes and failures"),
        "successes": ("Successen", "Successes"),
        "failures": ("Mislukkingen", "Failures"),
        "none_yet": ("Nog niets vastgelegd.", "Nothing recorded yet."),
        "lesson": ("Les: ", "Lesson: "),
        # intake
        "intake": ("Instroom van nieuwe cliënten en collega's", "Intake of new clients and colleagues"),
        "no_intake": (
            "Er is nog niet vastgelegd wie nieuwe cliënten en collega's wegwijs maakt.",
            "It has not been recorded yet who introduces new clients and colleagues.",
        ),
        # evaluation
        "evaluation": ("Evaluatie en terugkoppeling", "Evaluation and feedback"),
        "no_evaluation": ("Er is nog geen evaluatie vastgelegd.", "No evaluation has been recorded yet."),
    }
)


def scan_scores(location: Location) -> tuple[sustainability.ScanScore | None, sustainability.ScanScore | None]:
    """The team's latest sustainability scan result and the one before it (None when absent)."""
    latest = sustainability.latest_moment(location.scans)
    previous = sustainability.previous_moment(location.scans)
    return (
        sustainability.score(latest[1]) if latest else None,
        sustainability.score(previous[1]) if previous else None,
    )


def attention_points(plan: Plan, location: Location, lang: str, today: dt.date) -> list[str]:
    """What needs attention at `location`: the plan lint's advice for it, overdue runbook work,
    goals behind schedule, scan factors the team disagrees on, failures without a lesson."""
    prefix = f"{location.name}: "
    items = [
        (finding.item.removeprefix(prefix) + ": " + finding.message)
        if finding.rule == "runbook-activity-incomplete"
        else finding.message
        for finding in lint.lint_plan(plan, [location], lang)
        if finding.section == "locations"
    ]
    for activity in location.runbook:
        if activity.status in OPEN and activity.end is not None and activity.end < today:
            items.append(msg("overdue", lang, activity=activity.activity, date=formats.date(activity.end, lang)))
    for row in goal_progress(plan, location):
        if row.on_track is False:
            items.append(msg("behind", lang, goal=f"{row.goal_id} {row.text}"))
    latest, _ = scan_scores(location)
    if latest is not None:
        scan = instruments.sustainability_scan()
        items += [
            msg("disagreement", lang, factor=scan[factor.key].label(lang))
            for factor in latest.factors
            if factor.disagreement
        ]
    items += [
        msg("failure_open", lang, description=experience.description)
        for experience in location.experiences
        if experience.kind == ExperienceKind.failure and not experience.lesson.strip()
    ]
    return items


@dataclass
class NoLocationChosen:
    """Stands in for the report while the notebook has no location (opened in lab or workshop)."""

    lang: str

    def header(self) -> Fragment:
        return Fragment(paragraph(msg("choose_location", self.lang), cls="hint"))

    def __getattr__(self, name: str):
        """The other sections (summary(), team(), …) have nothing to show yet."""
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda: Fragment("")


@dataclass
class LocationReport:
    """The report of one location, from the plan and the location as they are on disk."""

    plan: Plan
    location: Location
    lang: str
    today: dt.date

    @classmethod
    def load(cls, project: str | Path, slug: str, today: dt.date | None = None) -> LocationReport | NoLocationChosen:
        """Read the plan and location `slug` from the project folder (found as the notebooks find it)."""
        store = find_project(project)
        if not slug:
            return NoLocationChosen(language())
        return cls(store.load_plan(), store.load_location(slug), language(), today or dt.date.today())

    # --- helpers ---------------------------------------------------------------------------------

    def _m(self, key: str, **values: object) -> str:
        return msg(key, self.lang, **values)

    def _label(self, model: type, name: str) -> str:
        return field_label(model, name, self.lang)

    @cached_property
    def _progress(self) -> list[GoalProgress]:
        """Progress per goal, worked out once for the summary and the measurements section."""
        return goal_progress(self.plan, self.location)

    @cached_property
    def _scan(self) -> tuple[sustainability.ScanScore | None, sustainability.ScanScore | None]:
        """The latest and previous scan scores, worked out once for the summary and the scan section."""
        return scan_scores(self.location)

    # --- sections --------------------------------------------------------------------------------

    def header(self) -> Fragment:
        """The title block: location, project, organisation, innovation, as-of date."""
        basics = self.plan.basics
        title = self._m("title", name=self.location.name)
        parts = [heading(title, 1)]
        if basics.project_name or basics.institution:
            subtitle = " · ".join(part for part in (basics.project_name, basics.institution) if part)
            parts.append(paragraph(subtitle, cls="subtitle"))
        if basics.innovation:
            parts.append(paragraph(self._m("innovation", innovation=basics.innovation), cls="subtitle"))
        parts.append(paragraph(self._m("as_of", date=formats.date(self.today, self.lang)), cls="as-of"))
        return Fragment(element("header", join(parts)), title=title)

    def summary(self) -> Fragment:
        """Status, key figures, and what needs attention."""
        location, lang = self.location, self.lang
        if location.start is None and location.end is None:
            status = self._m("no_period")
        else:
            status = self._m("status", period=formats.period(location.start, location.end, lang))
        parts = [
            paragraph(Markup("{} {}").format(badge(location.phase.label(lang), PHASE_TONE[location.phase]), status))
        ]
        timing = self._timing()
        if timing:
            parts.append(paragraph(timing))
        parts.append(tiles(self._key_figures()))
        attention = self._attention()
        if attention:
            parts.append(element("div", heading(self._m("attention"), 3) + bullet_list(attention), cls="attention"))
        else:
            parts.append(element("div", paragraph(self._m("all_well")), cls="all-well"))
        return Fragment(section("samenvatting", self._m("summary"), *parts))

    def _timing(self) -> str:
        start, end = self.location.start, self.location.end
        if start is None:
            return ""
        if self.today < start:
            return self._m("starts_in", days=(start - self.today).days)
        if end is not None and end > start and self.today <= end:
            weeks = max(1, round((end - start).days / 7))
            week = min(weeks, (self.today - start).days // 7 + 1)
            return self._m("week", week=week, weeks=weeks)
        return ""

    def _key_figures(self) -> list[tuple[str, str]]:
        lang, location = self.lang, self.location
        counted = [a for a in location.runbook if a.status != Status.cancelled]
        done = sum(a.status == Status.done for a in counted)
        figures = []
        if counted:
            figures.append((self._m("of", part=done, whole=len(counted)), self._m("runbook_done")))
        figures += [
            (formats.money(sum(a.one_off_cost for a in location.runbook), lang), self._m("one_off")),
            (formats.money(sum(a.structural_cost for a in location.runbook), lang), self._m("structural")),
        ]
        clients = location.clients
        if clients.suitable is not None:
            whole = clients.total if clients.total is not None else formats.MISSING
            figures.append((self._m("of", part=clients.suitable, whole=whole), self._m("suitable")))
        progress = [row for row in self._progress if row.on_track is not None]
        if progress:
            on_track = sum(row.on_track for row in progress)
            figures.append((self._m("of", part=on_track, whole=len(progress)), self._m("goals_on_track")))
        latest, _ = self._scan
        if latest is not None:
            figures.append(
                (formats.score(latest.total, lang), self._m("scan_score", max=formats.score(latest.max_total, lang)))
            )
        return figures

    def _attention(self) -> list[str]:
        return attention_points(self.plan, self.location, self.lang, self.today)

    def team(self) -> Fragment:
        """Who carries it out here, and the central contact."""
        location = self.location
        parts = []
        if location.central_contact:
            parts.append(paragraph(self._m("contact", name=location.central_contact)))
        if location.team:
            rows = [[member.name, member.role] for member in location.team]
            parts.append(table([self._label(Member, "name"), self._label(Member, "role")], rows))
        else:
            parts.append(paragraph(self._m("no_team"), cls="empty"))
        return Fragment(section("team", self._m("team"), *parts))

    def runbook(self) -> Fragment:
        """The runbook with responsible people, dates, costs and status; totals at the bottom."""
        lang, activities = self.lang, self.location.runbook
        if not activities:
            return Fragment(section("draaiboek", self._m("runbook"), paragraph(self._m("no_runbook"), cls="empty")))
        missing = element("span", self._m("missing"), cls="missing")
        rows, flagged = [], []
        for index, activity in enumerate(activities):
            incomplete = activity.status in OPEN and (
                not activity.person.strip() or (activity.start is None and activity.end is None)
            )
            if incomplete:
                flagged.append(index)
            rows.append(
                [
                    activity.activity,
                    activity.person or missing,
                    formats.date(activity.start, lang),
                    formats.date(activity.end, lang),
                    formats.money(activity.one_off_cost, lang),
                    formats.money(activity.structural_cost, lang),
                    activity.status.label(lang),
                ]
            )
        one_off = sum(a.one_off_cost for a in activities)
        structural = sum(a.structural_cost for a in activities)
        headers = [
            self._label(RunbookActivity, name)
            for name in ("activity", "person", "start", "end", "one_off_cost", "structural_cost", "status")
        ]
        foot = [self._m("total"), "", "", "", formats.money(one_off, lang), formats.money(structural, lang), ""]
        parts = [
            paragraph(
                self._m("costs_text", one_off=formats.money(one_off, lang), structural=formats.money(structural, lang))
            ),
            table(headers, rows, numeric={4, 5}, foot=foot, flagged=flagged, nowrap={2, 3}),
        ]
        if flagged:
            parts.append(paragraph(self._m("flag_note"), cls="note"))
        return Fragment(section("draaiboek", self._m("runbook"), *parts))

    def clients(self) -> Fragment:
        """Suitable clients as counts per criterion, with reasons; never names."""
        lang, clients = self.lang, self.location.clients
        parts = []
        if clients.suitable is not None:
            total = clients.total if clients.total is not None else formats.MISSING
            parts.append(paragraph(self._m("clients_counts", total=total, suitable=clients.suitable)))
        else:
            parts.append(paragraph(self._m("clients_unknown"), cls="empty"))
        if clients.criteria:
            order = {CriterionKind.inclusion: 0, CriterionKind.exclusion: 1}
            criteria = sorted(clients.criteria, key=lambda c: order[c.kind])
            headers = [self._label(ClientCriterion, name) for name in ("criterion", "kind", "count", "reason")]
            rows = [[c.criterion, c.kind.label(lang), str(c.count), c.reason] for c in criteria]
            parts.append(table(headers, rows, numeric={2}))
        if clients.changes:
            headers = [self._label(SuitabilityChange, name) for name in ("date", "count", "reason")]
            rows = [[formats.date(c.date, lang), str(c.count), c.reason] for c in clients.changes]
            parts += [heading(self._m("changes"), 3), table(headers, rows, numeric={1}, nowrap={0})]
        parts.append(paragraph(self._m("counts_only"), cls="note"))
        return Fragment(section("clienten", self._m("clients"), *parts))

    def measurements(self) -> Fragment:
        """Per goal: baseline, target, latest measurement, and whether it is on track; with charts."""
        lang = self.lang
        progress = self._progress
        if not progress:
            return Fragment(section("metingen", self._m("measurements"), paragraph(self._m("no_goals"), cls="empty")))
        rows = []
        for row in progress:
            target = formats.amount(row.target, lang)
            if row.local_target:
                target = f"{target} {self._m('local')}"
            latest = formats.amount(row.latest, lang)
            if row.latest_date is not None:
                latest = f"{latest} ({formats.date(row.latest_date, lang)})"
            rows.append(
                [
                    f"{row.goal_id} {shorten(row.text, 80)}",
                    self._with_unit(formats.amount(row.baseline, lang), row),
                    self._with_unit(target, row),
                    self._with_unit(latest, row),
                    formats.percent(row.share),
                    self._progress_badge(row),
                ]
            )
        headers = [self._m(key) for key in ("goal", "baseline", "target", "latest", "share", "state")]
        parts = [
            chart(charts.goal_progress(progress, lang), self._m("progress_alt")),
            table(headers, rows, numeric={1, 2, 3, 4}),
        ]
        if self.location.measurements:
            parts.append(chart(charts.measurements_over_time(self.plan, self.location, lang), self._m("over_time_alt")))
        return Fragment(section("metingen", self._m("measurements"), *parts))

    @staticmethod
    def _with_unit(value: str, row: GoalProgress) -> str:
        return value if value == formats.MISSING or not row.unit else f"{value} {row.unit}"

    def _progress_badge(self, row: GoalProgress) -> Markup:
        if row.reached:
            return badge(self._m("reached"), "good")
        if row.on_track is True:
            return badge(self._m("on_track"), "good")
        if row.on_track is False:
            return badge(self._m("behind_badge"), "bad")
        return badge(self._m("unknown"), "neutral")

    def sustainability(self) -> Fragment:
        """The latest sustainability scan: total, chart, and per factor mean, spread and agreement."""
        lang = self.lang
        latest, previous = self._scan
        if latest is None:
            return Fragment(section("borging", self._m("scan"), paragraph(self._m("no_scan"), cls="empty")))
        scan = instruments.sustainability_scan()
        text = self._m(
            "scan_text",
            date=formats.date(latest.date, lang),
            n=latest.n_raters,
            total=formats.score(latest.total, lang),
            max=formats.score(latest.max_total, lang),
        )
        if previous is not None:
            text += " " + self._m(
                "scan_previous", date=formats.date(previous.date, lang), total=formats.score(previous.total, lang)
            )
        parts = [paragraph(text), paragraph(scan.threshold.label(lang), cls="note")]
        parts.append(chart(charts.sustainability_scan(latest, lang, previous=previous), self._m("scan_alt")))
        rows = []
        for factor in latest.factors:
            label = scan[factor.key].label(lang) + ("" if factor.verified else " *")
            agreed = self._m("no") if factor.disagreement else self._m("yes")
            rows.append(
                [
                    label,
                    formats.score(factor.mean, lang) if factor.mean is not None else formats.MISSING,
                    formats.score(factor.max, lang),
                    formats.score(factor.sd, lang) if factor.sd is not None else formats.MISSING,
                    agreed if factor.n else formats.MISSING,
                ]
            )
        headers = [self._m(key) for key in ("factor", "mean", "max", "spread", "agreement")]
        parts.append(table(headers, rows, numeric={1, 2, 3}))
        if latest.unverified or any(not factor.verified for factor in latest.factors):
            parts.append(paragraph(self._m("approximation"), cls="note"))
        return Fragment(section("borging", self._m("scan"), *parts))

    def experiences(self) -> Fragment:
        """Successes and failures, each with the lesson learned."""
        parts = []
        for kind, title in ((ExperienceKind.success, "successes"), (ExperienceKind.failure, "failures")):
            entries = [e for e in self.location.experiences if e.kind == kind]
            parts.append(heading(self._m(title), 3))
            if not entries:
                parts.append(paragraph(self._m("none_yet"), cls="empty"))
                continue
            items = []
            for entry in sorted(entries, key=lambda e: e.date or dt.date.min):
                body = [element("div", formats.date(entry.date, self.lang), cls="meta"), long_text(entry.description)]
                if entry.lesson.strip():
                    body.append(
                        element("div", join([element("strong", self._m("lesson")), entry.lesson]), cls="lesson")
                    )
                items.append(join(body))
            parts.append(bullet_list(items, cls="entries"))
        return Fragment(section("ervaringen", self._m("experiences"), *parts))

    def intake(self) -> Fragment:
        """Who introduces new clients and new colleagues, and in what role."""
        if not self.location.intake:
            return Fragment(section("instroom", self._m("intake"), paragraph(self._m("no_intake"), cls="empty")))
        headers = [self._label(Intake, name) for name in ("newcomer", "who_explains", "role")]
        rows = [[i.newcomer.label(self.lang), i.who_explains, i.role] for i in self.location.intake]
        return Fragment(section("instroom", self._m("intake"), table(headers, rows)))

    def evaluation(self) -> Fragment:
        """What was achieved and learned, and the feedback for others."""
        evaluations = sorted(self.location.evaluations, key=lambda e: e.date or dt.date.min)
        if not evaluations:
            return Fragment(
                section("evaluatie", self._m("evaluation"), paragraph(self._m("no_evaluation"), cls="empty"))
            )
        items = []
        for entry in evaluations:
            body = [element("div", formats.date(entry.date, self.lang), cls="meta")]
            for name in ("achieved", "learned", "feedback"):
                text = getattr(entry, name)
                if text.strip():
                    body += [element("h4", self._label(LocationEvaluation, name)), long_text(text)]
            items.append(join(body))
        return Fragment(section("evaluatie", self._m("evaluation"), bullet_list(items, cls="entries")))
