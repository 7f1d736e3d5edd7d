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
from workbook.analysis import late, lint, small_cells, sustainability
from workbook.analysis.costs import runbook_costs
from workbook.analysis.deid import public_words
from workbook.analysis.progress import BAD, TONE, GoalProgress, goal_progress, overdue
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_count
from workbook.model import Experience, ExperienceKind, Location, Phase, Plan, Status
from workbook.project.session import find_project
from workbook.report import formats, tables, truth
from workbook.report.audience import Audience, field_text
from workbook.report.html import Fragment
from workbook.report.kept_charts import drawn
from workbook.report.render import per_audience, render
from workbook.report.scan import scan_section

STANDING_TONE = {standing.value: tone for standing, tone in TONE.items()}
DUE_WEEKS = 4
"""The location's summary lists what is due in this many coming weeks."""
PHASE_TONE = dict.fromkeys(Phase, "phase")
"""A phase is no judgement: its badge is in no status colour (those say where goals stand)."""
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
        "scan_score": ("borgingsscan (van ca. {max})", "sustainability scan (of about {max})"),
        "of": ("{part} van {whole}", "{part} of {whole}"),
        "attention": ("Vraagt aandacht", "Needs attention"),
        "all_well": (
            "Er zijn op dit moment geen aandachtspunten voor deze locatie.",
            "There is nothing that needs attention at this location right now.",
        ),
        "period_over": (
            "De periode van deze locatie is voorbij sinds {date}, maar zij is nog niet afgerond.",
            "This location's period ended on {date}, but it is not finished.",
        ),
        "late_badge": ("te laat", "late"),
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
        "owner": ("Eigenaar op de locatie: {name}", "Owner at the location: {name}"),
        "team_size": ("Het uitvoeringsteam telt {n} mensen.", "The execution team has {n} members."),
        "team_size_one": ("Het uitvoeringsteam is één persoon.", "The execution team is one person."),
        "no_team": ("Er is nog geen uitvoeringsteam vastgelegd.", "No execution team has been recorded yet."),
        # runbook
        "runbook": ("Draaiboek en kosten", "Runbook and costs"),
        "from_end": (
            "Teruggepland: de datums van {count} zijn teruggerekend vanaf het einde van de locatie op {end}, en "
            "schuiven mee als die datum verandert.",
            "Planned back: the dates of {count} are worked out back from the location's end on {end}, and move "
            "along when that date changes.",
        ),
        "from_end_no_end": (
            "{count} staan gepland in weken vóór het einde, maar de locatie heeft nog geen einddatum: zet die, dan "
            "krijgen ze een datum.",
            "{count} are planned in weeks before the end, but the location has no end date yet: set it, and they "
            "get a date.",
        ),
        "activity": ("activiteit", "activity"),
        "activities": ("activiteiten", "activities"),
        "no_runbook": ("Er is nog geen draaiboek voor deze locatie.", "There is no runbook for this location yet."),
        "total": ("Totaal", "Total"),
        "missing": ("ontbreekt", "missing"),
        "flag_note": (
            "Gemarkeerde regels missen een verantwoordelijke of een datum.",
            "Highlighted rows lack a responsible person or a date.",
        ),
        "costs_text": (
            "Eenmalige kosten in totaal {one_off}; structureel {structural} per jaar (vervallen activiteiten niet "
            "meegeteld).",
            "One-off costs in total {one_off}; structural {structural} per year (cancelled activities not counted).",
        ),
        # clients
        "clients": ("Geschikte cliënten", "Suitable clients"),
        "clients_counts": (
            "Van de {total} cliënten van het team zijn er naar schatting {suitable} geschikt.",
            "Of the team's {total} clients, an estimated {suitable} are suitable.",
        ),
        "clients_total_only": (
            "Het team heeft {total} cliënten; hoeveel er geschikt zijn staat er niet, zie de noot hieronder.",
            "The team has {total} clients; how many are suitable is left out, see the note below.",
        ),
        "clients_not_shown": (
            "De aantallen cliënten van het team staan er niet, zie de noot hieronder.",
            "The team's client numbers are left out, see the note below.",
        ),
        "clients_unknown": (
            "Het aantal geschikte cliënten is nog niet ingeschat.",
            "The number of suitable clients has not been estimated yet.",
        ),
        "counts_only": (
            "Alleen aantallen; dit rapport bevat geen gegevens van individuele cliënten. Aantallen onder de 5 staan "
            "er als 'minder dan 5', zodat niemand te herkennen is.",
            "Counts only; this report holds no data on individual clients. Counts under 5 are shown as 'fewer "
            "than 5', so that nobody can be recognised.",
        ),
        "secondary": (
            "Om dezelfde reden staan een paar andere aantallen er niet of afgerond, zodat je een klein aantal "
            "ook niet kunt uitrekenen uit de rest.",
            "For the same reason a few other counts are left out or rounded, so that a small count cannot be "
            "worked out from the rest either.",
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
        "measured_on": ("Gemeten op", "Measured on"),
        "due": ("Uiterlijk", "Due"),
        "local_note": (
            "* de eigen streefwaarde van deze locatie.",
            "* this location's own target.",
        ),
        "due_note": (
            "Uiterlijk: wanneer deze locatie het doel moet halen, gerekend vanaf haar eigen start als het doel zo "
            "geschreven is. Op schema: de laatste meting ligt op of boven de rechte lijn van nulmeting (bij de "
            "start) naar streefwaarde (op die datum). Gehaald: vanaf de eerste meting die de streefwaarde haalt, "
            "met hoe lang na de deadline als dat later was; één meting daarna eronder is een dip en staat erbij, "
            "twee op rij eronder en het doel telt weer als niet gehaald.",
            "Due: when this location must reach the goal, counted from its own start when the goal is written "
            "that way. On track: the latest measurement is on or above the straight line from the baseline (at the "
            "start) to the target (on that date). Reached: from the first measurement that reaches the target, "
            "with how long after the deadline when that was later; one measurement below it afterwards is a dip "
            "and is noted, two in a row below it and the goal counts as not reached again.",
        ),
        "progress_alt": (
            "Staafdiagram: per doel hoe ver deze locatie is van nulmeting naar streefwaarde, en waar het staat. {figures}",
            "Bar chart: per goal how far this location has come from baseline to target, and where it stands. {figures}",
        ),
        "over_time_alt": (
            "Lijndiagrammen: de metingen per doel door de tijd, met de streefwaarde.",
            "Line charts: the measurements per goal over time, with the target.",
        ),
        "no_goals": ("Het plan heeft nog geen SMART-doelen.", "The plan has no SMART goals yet."),
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


def attention_points(
    plan: Plan, location: Location, lang: str, today: dt.date, audience: Audience | None = None
) -> list[str]:
    """What needs attention at `location`: the plan lint's advice for it, overdue runbook work,
    goals behind schedule, scan factors the team disagrees on, failures without a lesson (their
    text as `audience` may read it)."""
    prefix = f"{location.name}: "
    items = [
        (finding.item.removeprefix(prefix) + ": " + finding.message)
        if finding.rule == "runbook-activity-incomplete"
        else finding.message
        for finding in lint.lint_plan(plan, [location], lang, today)
        if finding.section == "locations"
        and not (finding.rule == "phase-contradicts-dates" and overdue(location, today))
    ]
    if overdue(location, today):
        items.append(msg("period_over", lang, date=formats.date(location.end, lang)))
    for row in goal_progress(plan, location, today):
        if row.standing in BAD:
            items.append(truth.goal_status(row, lang))
    latest, _ = scan_scores(location)
    if latest is not None:
        scan = instruments.sustainability_scan()
        items += [
            msg("disagreement", lang, factor=scan[factor.key].label(lang))
            for factor in latest.factors
            if factor.disagreement
        ]
    known = public_words(plan, location)
    items += [
        msg("failure_open", lang, description=field_text(Experience, "description", e.description, audience, known))
        for e in location.experiences
        if e.kind == ExperienceKind.failure and not e.lesson.strip()
    ]
    return items


@dataclass
class NoLocationChosen:
    """Stands in for the report while the notebook has no location (opened in lab or workshop)."""

    lang: str

    def header(self) -> Fragment:
        return Fragment(render("hint.html.j2", msg, self.lang, text=msg("choose_location", self.lang)))

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

    def _table(self, table: tables.Table, records: list, audience: Audience | None) -> tables.ShownTable:
        """`records` in the declared `table` as `audience` may see them (``report.tables``)."""
        return tables.shown(table, records, audience, self.lang, known=self._known_words)

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """The project's own capitalised words (location, organisation, plan titles): not names."""
        return public_words(self.plan, self.location)

    @cached_property
    def _progress(self) -> list[GoalProgress]:
        """Progress per goal, worked out once for the summary and the measurements section."""
        return goal_progress(self.plan, self.location, self.today)

    @cached_property
    def _scan(self) -> tuple[sustainability.ScanScore | None, sustainability.ScanScore | None]:
        """The latest and previous scan scores, worked out once for the summary and the scan section."""
        return scan_scores(self.location)

    # --- sections --------------------------------------------------------------------------------

    def header(self) -> Fragment:
        """The title block: location, project, organisation, innovation, as-of date."""
        basics = self.plan.basics
        title = self._m("title", name=self.location.name)
        subtitles = [" · ".join(part for part in (basics.project_name, basics.institution) if part)]
        if basics.innovation:
            subtitles.append(self._m("innovation", innovation=basics.innovation))
        view = {
            "title": title,
            "subtitles": [line for line in subtitles if line],
            "as_of": self._m("as_of", date=formats.date(self.today, self.lang)),
        }
        return Fragment(render("header.html.j2", msg, self.lang, **view), title=title)

    def summary(self) -> Fragment:
        """Status, key figures, what is late and due, and what needs attention."""
        location, lang = self.location, self.lang
        if location.start is None and location.end is None:
            status = self._m("no_period")
        else:
            status = self._m("status", period=formats.period(location.start, location.end, lang))
        items = late.open_items(None, [location])
        overdue_items = late.late(items, self.today)
        due_items = late.due_soon(items, self.today, DUE_WEEKS)
        view = {
            "location": location,
            "phase_tone": PHASE_TONE[location.phase],
            "overdue": overdue(location, self.today),
            "status": status,
            "timing": self._timing(),
            "figures": self._key_figures(),
        }

        def build(audience: Audience | None) -> Markup:
            late_list = truth.late_list(overdue_items, self.today, lang, audience)
            due_list = truth.due_soon_list(due_items, self.today, DUE_WEEKS, lang, audience)
            attention = attention_points(self.plan, location, lang, self.today, audience)
            return render(
                "location_summary.html.j2",
                msg,
                lang,
                audience=audience,
                late_list=late_list,
                due_list=due_list,
                attention=attention,
                **view,
            )

        return per_audience(build)

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

    def _cents(self) -> bool:
        """Whether the runbook's amounts show cents: the runbook table, its totals and the key figures
        take one form (``locale.format_money``)."""
        runbook = self.location.runbook
        return formats.cents_of([a.one_off_cost for a in runbook] + [a.structural_cost for a in runbook])

    def _key_figures(self) -> list[tuple[str, str]]:
        lang, location = self.lang, self.location
        counted = [a for a in location.runbook if a.status != Status.cancelled]
        done = sum(a.status == Status.done for a in counted)
        costs = runbook_costs(location.runbook)
        cents = self._cents()
        figures = []
        if counted:
            figures.append((self._m("of", part=done, whole=len(counted)), self._m("runbook_done")))
        figures += [
            (formats.money(costs.one_off, lang, cents), self._m("one_off")),
            (formats.money(costs.structural, lang, cents), self._m("structural")),
        ]
        _, clients = small_cells.protect_listed(location.clients)
        if clients.suitable.value is not None:
            part, whole = formats.protected(clients.suitable, lang), formats.protected(clients.total, lang)
            figures.append((self._m("of", part=part, whole=whole), self._m("suitable")))
        progress = [row for row in self._progress if row.on_track is not None]
        if progress:
            on_track = sum(1 for row in progress if row.on_track)
            figures.append((self._m("of", part=on_track, whole=len(progress)), self._m("goals_on_track")))
        latest, _ = self._scan
        if latest is not None:
            figures.append(
                (
                    formats.score(latest.total, lang),
                    self._m("scan_score", max=formats.grouped(round(latest.max_total), lang)),
                )
            )
        return figures

    def team(self) -> Fragment:
        """Who carries it out here, and the central contact; where the audience policy hides the team
        (the client council), how many."""
        location = self.location
        return per_audience(
            lambda audience: render(
                "team.html.j2",
                msg,
                self.lang,
                team=self._table(tables.TEAM, location.team, audience),
                contact=field_text(Location, "central_contact", location.central_contact, audience),
                owner=field_text(Location, "local_owner", location.local_owner, audience),
            )
        )

    def runbook(self) -> Fragment:
        """The runbook with responsible people, dates, costs and status; totals at the bottom."""
        activities = self.location.runbook
        costs = runbook_costs(activities)
        backward = sum(a.weeks_before_end is not None for a in activities)
        count = format_count(backward, self._m("activity"), self._m("activities"), self.lang)
        end = self.location.end
        note = ""
        if backward:
            note = self._m("from_end", count=count, end=formats.date(end, self.lang)) if end else ""
            note = note or self._m("from_end_no_end", count=count)
        return per_audience(
            lambda audience: render(
                "runbook.html.j2",
                msg,
                self.lang,
                costs=costs,
                runbook=self._table(tables.RUNBOOK, activities, audience),
                from_end=note,
            )
        )

    def clients(self) -> Fragment:
        """Suitable clients as counts per criterion, with reasons; never names, counts under 5 hidden
        and what would give them away; for the client council the reasons de-identified."""
        clients = self.location.clients

        def build(audience: Audience | None) -> Markup:
            shown = tables.client_tables(clients, audience, self.lang, known=self._known_words)
            view = {
                "clients": clients,
                "protected": shown.protected,
                "criteria": shown.criteria,
                "changes": shown.changes,
            }
            return render("clients.html.j2", msg, self.lang, **view)

        return per_audience(build)

    def measurements(self) -> Fragment:
        """Per goal: baseline, target, latest measurement, due date and where it stands; with charts."""
        progress = self._progress
        states = [truth.standing_text(row, self.lang) for row in progress]  # the table's words, and the chart's
        over_time = drawn(charts.measurements_over_time, self.plan, self.location, self.lang) if progress else None
        return Fragment(
            render(
                "measurements.html.j2",
                msg,
                self.lang,
                rows=progress,
                states=states,
                tones=STANDING_TONE,
                figures="; ".join(
                    f"{row.goal_id}: "
                    + (f"{formats.percent(row.share, self.lang)}, " if row.share is not None else "")
                    + state
                    for row, state in zip(progress, states, strict=True)
                )
                + ".",
                progress_chart=drawn(charts.goal_progress, progress, self.lang) if progress else None,
                over_time_chart=over_time if self.location.measurements else None,
            )
        )

    def sustainability(self) -> Fragment:
        """The latest sustainability scan: total and domain subtotals, chart, and per factor mean, spread
        and agreement; one footnote when weights are approximations."""
        latest, previous = self._scan
        return Fragment(scan_section("borging", latest, previous, self.lang))

    def experiences(self) -> Fragment:
        """Successes and failures, each with the lesson learned; for the client council de-identified."""
        chosen = {
            kind: sorted((e for e in self.location.experiences if e.kind == kind), key=lambda e: e.date or dt.date.min)
            for kind in (ExperienceKind.success, ExperienceKind.failure)
        }
        titles = {ExperienceKind.success: "successes", ExperienceKind.failure: "failures"}

        def build(audience: Audience | None) -> Markup:
            groups = [
                {
                    "title": self._m(titles[kind]),
                    "entries": tables.entries(self._table(tables.EXPERIENCES, experiences, audience)),
                    "empty": self._m("none_yet"),
                }
                for kind, experiences in chosen.items()
            ]
            view = {"anchor": "ervaringen", "title": self._m("experiences"), "groups": groups}
            return render("entries.html.j2", msg, self.lang, **view)

        return per_audience(build)

    def intake(self) -> Fragment:
        """Who introduces new clients and new colleagues, and in what role."""
        intake = self.location.intake
        return per_audience(
            lambda audience: render(
                "intake.html.j2", msg, self.lang, intake=self._table(tables.INTAKE, intake, audience)
            )
        )

    def evaluation(self) -> Fragment:
        """What was achieved and learned, and the feedback for others; for the client council de-identified."""
        evaluations = sorted(self.location.evaluations, key=lambda e: e.date or dt.date.min)

        def build(audience: Audience | None) -> Markup:
            entries = tables.entries(self._table(tables.EVALUATIONS, evaluations, audience))
            group = {"title": "", "entries": entries, "empty": self._m("no_evaluation")}
            view = {"anchor": "evaluatie", "title": self._m("evaluation"), "groups": [group]}
            return render("entries.html.j2", msg, self.lang, **view)

        return per_audience(build)
