"""index.html: every location side by side (as a chart and a table), with links to the reports, and the
rollout as a chart.

Per location: phase, dates, progress against the targets, the latest sustainability score, the
number of points that need attention, recorded failures, and whether its report is current. A
report that could not be rebuilt stays available and is marked as out of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from workbook import charts, instruments
from workbook.analysis import late, progress, rollout
from workbook.analysis.comparison import LocationStanding, compare_locations
from workbook.analysis.decisions import decisions
from workbook.analysis.progress import overdue
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.model import ExperienceKind, Location, Phase, Plan
from workbook.project.store import Project
from workbook.report import truth
from workbook.report.audience import Audience
from workbook.report.glossary import glossary
from workbook.report.kept_charts import drawn
from workbook.report.location import DUE_WEEKS, PHASE_TONE, attention_points
from workbook.report.page import page
from workbook.report.render import render
from workbook.report.status import CURRENT, FAILED, MISSING, STALE, ReportState

STATE_TONE = {CURRENT: "good", STALE: "warn", FAILED: "bad", MISSING: "neutral"}

msg = Messages(
    {
        "title": ("Overzicht van de uitrol", "Rollout overview"),
        "as_of": ("Stand van zaken op {date}", "Status as of {date}"),
        "plan_link": ("Lees het implementatieplan", "Read the implementation plan"),
        "plan_stale": (
            "Het rapport over het plan is niet bijgewerkt: {error}",
            "The plan report was not updated: {error}",
        ),
        "locations": ("locaties", "locations"),
        "started": ("begonnen", "started"),
        "finished": ("afgerond", "finished"),
        "successes_total": ("successen vastgelegd", "successes recorded"),
        "failures_total": ("mislukkingen vastgelegd", "failures recorded"),
        "problems": ("Niet alle rapporten zijn bijgewerkt", "Not every report is up to date"),
        "problem": ("{name}: {error}", "{name}: {error}"),
        "comparison": ("Locaties naast elkaar", "Locations side by side"),
        "location": ("Locatie", "Location"),
        "phase": ("Fase", "Phase"),
        "period": ("Periode", "Period"),
        "progress": ("Doelen op schema", "Goals on track"),
        "scan": ("Borgingsscan", "Sustainability scan"),
        "attention": ("Aandachtspunten", "Points of attention"),
        "successes": ("Successen", "Successes"),
        "failures": ("Mislukkingen", "Failures"),
        "report": ("Rapport", "Report"),
        "of": ("{part} van {whole}", "{part} of {whole}"),
        "open": ("openen", "open"),
        "no_report": ("nog geen rapport", "no report yet"),
        CURRENT: ("actueel", "current"),
        STALE: ("verouderd", "out of date"),
        FAILED: ("mislukt", "failed"),
        MISSING: ("ontbreekt", "missing"),
        "unreadable": ("bestand niet te lezen", "file cannot be read"),
        "late": ("te laat", "late"),
        "approximation": (
            "* de score gebruikt gewichten die een benadering zijn (niet geverifieerd aan de bron).",
            "* the score uses weights that are approximations (not verified against the source).",
        ),
        "state_note": (
            "Verouderd: de gegevens zijn veranderd sinds het rapport gemaakt is, of het bijwerken mislukte; "
            "het vorige rapport blijft te lezen.",
            "Out of date: the data changed since the report was made, or updating it failed; the previous "
            "report can still be read.",
        ),
        "standing": ("Waar staan de locaties?", "Where do the locations stand?"),
        "standing_caption": (
            "Boven: hoe ver elke locatie gemiddeld is van de nulmeting naar haar streefwaarden. Onder: de "
            "uitkomst van haar laatste borgingsscan. Onder de naam staat de fase; zonder metingen of scan staat "
            "er geen balk maar een opmerking.",
            "Top: how far each location has come on average from the baseline to its targets. Below: the "
            "result of its latest sustainability scan. The phase stands under the name; without measurements or "
            "a scan there is a note instead of a bar.",
        ),
        "scan_matrix": ("Borgingsscan per factor en locatie", "Sustainability scan per factor and location"),
        "factor": ("Factor", "Factor"),
        "max": ("Maximum", "Maximum"),
        "total": ("Totaal", "Total"),
        "scan_matrix_note": (
            "Per locatie het gemiddelde van haar laatste scan. Zo zie je welke factor overal achterblijft.",
            "Per location the mean of its latest scan. This shows which factor lags everywhere.",
        ),
        "standing_alt": (
            "Staafdiagram: per locatie de voortgang naar de streefwaarden en de score van de laatste borgingsscan.",
            "Bar chart: per location the progress towards the targets and the score of the latest sustainability scan.",
        ),
        "charts": ("Planning en resultaten", "Planning and results"),
        "gantt_alt": (
            "Tijdbalk: per locatie wanneer zij aan de beurt is.",
            "Timeline: per location when it takes its turn.",
        ),
        "progress_alt": (
            "Staafdiagram: per doel op hoeveel locaties het gehaald, op schema, achter of te laat is. {figures}",
            "Bar chart: per goal at how many locations it is reached, on track, behind or late. {figures}",
        ),
    }
)


@dataclass(frozen=True)
class _Row:
    slug: str
    location: Location | None


def overview_pages(
    project: Project,
    states: dict[str, ReportState],
    plan_state: ReportState | None,
    lang: str,
    footer: str,
    audiences: Iterable[Audience | None] = (None,),
    today: dt.date | None = None,
) -> dict[Audience | None, str]:
    """The whole index.html page for each of `audiences` (None: the full overview), worked out once."""
    today = today or dt.date.today()
    plan = project.load_plan()
    rows = [_Row(slug, _load(project, slug)) for slug in project.location_slugs()]
    locations = [row.location for row in rows if row.location is not None]
    standings = {s.slug: s for s in compare_locations(plan, locations, today)}
    table_rows = [_row(plan, row, standings, states, lang, today) for row in rows]
    organisation = progress.organisation_progress(plan, locations, today)
    view = {
        "today": today,
        "subtitle": " · ".join(part for part in (plan.basics.project_name, plan.basics.institution) if part),
        "plan_link": plan_state.report if plan_state is not None else None,
        "plan_error": plan_state.error if plan_state is not None else "",
        "figures": _figures(locations, lang),
        "problems": [
            (_name(row), states[row.slug].error) for row in rows if row.slug in states and states[row.slug].error
        ],
        "rows": table_rows,
        "approximated": any(row["scan"] is not None and row["scan"].unverified for row in table_rows),
        "state_tone": STATE_TONE,
        "phase_tone": {phase.value: tone for phase, tone in PHASE_TONE.items()},
        "standing_chart": drawn(charts.location_comparison, list(standings.values()), lang),
        "gantt": drawn(
            charts.rollout_gantt,
            rollout.schedule(plan, locations),
            lang,
            today,
            planned=rollout.planned_schedule(plan, locations),
        ),
        "progress_chart": drawn(charts.goal_progress, organisation, lang) if organisation else None,
        "progress_figures": progress.counts_summary(organisation, lang),
        "scan_matrix": _scan_matrix(list(standings.values()), lang),
        "glossary": "",
    }
    pages = {}
    for audience in audiences:
        own = view | {
            "first": _first(plan, locations, lang, today, audience),
            "costs": truth.costs_section(locations, lang) if audience in (None, Audience.board) else "",
        }
        body = render("overview.html.j2", msg, lang, **own)
        if audience == Audience.council:
            body = render("overview.html.j2", msg, lang, **(own | {"glossary": glossary(str(body), lang)}))
        pages[audience] = page(msg("title", lang), body, lang, footer)
    return pages


def overview_page(
    project: Project,
    states: dict[str, ReportState],
    plan_state: ReportState | None,
    lang: str,
    footer: str,
    today: dt.date | None = None,
    audience: Audience | None = None,
) -> str:
    """The whole index.html page: the full overview, or `audience`'s (see ``report.audience``)."""
    return overview_pages(project, states, plan_state, lang, footer, (audience,), today)[audience]


def _scan_matrix(standings: list[LocationStanding], lang: str) -> Markup:
    """Factor × location: the latest scan's mean per factor at every location that did a scan."""
    scan = instruments.sustainability_scan()
    view = {
        "locations": [(s.name, s.scan) for s in standings if s.scan is not None],
        "factors": [(factor.key, factor.label(lang), factor.max) for factor in scan.factors],
        "max_total": scan.max_total,
    }
    return render("scan_matrix.html.j2", msg, lang, **view)


def _first(plan: Plan, locations: list[Location], lang: str, today: dt.date, audience: Audience | None) -> list[Markup]:
    """What the reader sees first: the board what to decide, the team what is late and due."""
    if audience == Audience.council:
        return []
    if audience == Audience.team:
        items = late.open_items(plan, locations)
        return [
            # Before the first chapter, right under the page's h1: their headings are h2.
            truth.late_list(late.late(items, today), today, lang, level=2),
            truth.due_soon_list(late.due_soon(items, today, DUE_WEEKS), today, DUE_WEEKS, lang, level=2),
        ]
    return [truth.decisions_box(decisions(plan, locations, today), today, lang, audience)]


def _load(project: Project, slug: str) -> Location | None:
    try:
        return project.load_location(slug)
    except WorkbookError:
        return None


def _figures(locations: list[Location], lang: str) -> list[tuple[str, str]]:
    started = sum(location.phase != Phase.planned for location in locations)
    finished = sum(location.phase == Phase.finished for location in locations)
    kinds = [e.kind for location in locations for e in location.experiences]
    return [
        (str(len(locations)), msg("locations", lang)),
        (str(started), msg("started", lang)),
        (str(finished), msg("finished", lang)),
        (str(kinds.count(ExperienceKind.success)), msg("successes_total", lang)),
        (str(kinds.count(ExperienceKind.failure)), msg("failures_total", lang)),
    ]


def _name(row: _Row) -> str:
    return row.location.name if row.location is not None else row.slug


def _row(
    plan: Plan,
    row: _Row,
    standings: dict[str, LocationStanding],
    states: dict[str, ReportState],
    lang: str,
    today: dt.date,
) -> dict:
    """One location in the comparison table, as plain data."""
    state = states.get(row.slug, ReportState(row.slug, None, MISSING))
    location = row.location
    view = {"name": _name(row), "link": state.report, "state": state.state, "location": location, "scan": None}
    if location is None:
        return view
    standing = standings[location.slug]
    judged = [goal for goal in standing.goals if goal.on_track is not None]
    kinds = [e.kind for e in location.experiences]
    return view | {
        "overdue": overdue(location, today),
        "judged": len(judged),
        "on_track": sum(1 for goal in judged if goal.on_track),
        "scan": standing.scan,
        "attention": len(attention_points(plan, location, lang, today)),
        "successes": kinds.count(ExperienceKind.success),
        "failures": kinds.count(ExperienceKind.failure),
    }
