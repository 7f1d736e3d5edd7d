"""The committee's pages of a portfolio: the overview of every project, and the year plan.

Plain data from ``workbook.portfolio`` (summaries, the year plan) rendered by the Jinja templates
``fragments/portfolio_overview.html.j2`` and ``fragments/portfolio_yearplan.html.j2``, inside the
same self-contained page as the other reports (the report stylesheet plus ``static/portfolio.css``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from markupsafe import Markup

from workbook.charts.portfolio import capacity_chart
from workbook.language.i18n import Messages
from workbook.model.portfolio import Decision, Portfolio, ProjectStatus
from workbook.portfolio.summary import ProjectSummary
from workbook.portfolio.yearplan import Placement, Ranked, YearPlan
from workbook.report import formats
from workbook.report.audience import Audience, field_text
from workbook.report.page import stylesheet
from workbook.report.render import render
from workbook.resources import templates_dir

msg = Messages(
    {
        "overview_title": ("Portefeuille {name} {year}", "Portfolio {name} {year}"),
        "yearplan_title": ("Jaarplan {name} {year}", "Year plan {name} {year}"),
        "as_of": ("Stand van {date}", "As of {date}"),
        "for_board": (
            "Deze versie is voor het bestuur: de projecten met hun kosten, en de besluiten.",
            "This version is for the board: the projects with their costs, and the decisions.",
        ),
        "for_team": (
            "Deze versie is voor het team: wat er loopt, wat te laat is en wat er gepland is; zonder de kosten.",
            "This version is for the team: what runs, what is late and what is planned; without the costs.",
        ),
        "for_council": (
            "Deze versie is voor de cliëntenraad: wat er gepland is en waarom, zonder kosten en zonder namen.",
            "This version is for the client council: what is planned and why, without costs and without names.",
        ),
        "to_yearplan": ("Naar het jaarplan", "To the year plan"),
        "to_overview": ("Naar het overzicht van de projecten", "To the overview of the projects"),
        "projects": ("Projecten", "Projects"),
        "projects_intro": (
            "Wat het meeste aandacht vraagt staat bovenaan: eerst een project dat niet gelezen kan worden, dan het "
            "aantal taken dat te laat is plus het aantal doelen dat achterloopt.",
            "What needs most attention comes first: a project that cannot be read, then the number of late tasks "
            "plus the number of goals behind.",
        ),
        "project": ("Project", "Project"),
        "status": ("Status", "Status"),
        "phase": ("Fase van de locaties", "Phase of the locations"),
        "locations": ("Locaties", "Locations"),
        "goals": ("Doelen op schema", "Goals on track"),
        "late": ("Te laat", "Late"),
        "open_decisions": ("Open besluiten", "Open decisions"),
        "one_off": ("Eenmalig", "One-off"),
        "per_year": ("Per jaar", "Per year"),
        "budget": ("Budget", "Budget"),
        "next": ("Volgende stap", "Next step"),
        "reports": ("Rapporten", "Reports"),
        "overview_link": ("overzicht", "overview"),
        "plan_link": ("plan", "plan"),
        "no_reports": ("nog geen rapport", "no report yet"),
        "unreadable": ("niet te lezen: {error}", "cannot be read: {error}"),
        "of": ("{part} van {whole}", "{part} of {whole}"),
        "none": ("geen locaties", "no locations"),
        "figures_projects": ("projecten", "projects"),
        "figures_running": ("lopend", "running"),
        "figures_late": ("taken te laat", "tasks late"),
        "figures_costs": ("eenmalige kosten (gepland)", "one-off costs (planned)"),
        "build_failed": (
            "Niet alle rapporten zijn gelukt: {names}. Het overzicht gebruikt de bestanden zoals ze nu zijn.",
            "Not every report was built: {names}. The overview uses the files as they are now.",
        ),
        "rule_title": ("Zo komt het jaarplan tot stand", "How the year plan is made"),
        "rule_score": (
            "Elk project krijgt een gewogen score: per criterium het gewicht keer de score (1 tot en met 5), "
            "opgeteld en gedeeld door de som van de gewichten. Een criterium zonder score telt als 0. De hoogste "
            "score komt eerst; bij gelijke score gaat de naam op alfabet.",
            "Every project gets a weighted score: per criterion the weight times the score (1 to 5), added up and "
            "divided by the sum of the weights. A criterion without a score counts as 0. The highest score comes "
            "first; equal scores go by name in alphabetical order.",
        ),
        "rule_place": (
            "In die volgorde krijgt elk project met status voorstel of lopend uren, vanaf het kwartaal waarin het "
            "wil beginnen. Vraagt het uren per kwartaal, dan moet elk van die kwartalen nog zoveel uren vrij hebben "
            "(uren die na Q4 vallen horen bij volgend jaar). Vraagt het een totaal, dan moeten de kwartalen vanaf "
            "het startkwartaal samen nog zoveel uren vrij hebben; de uren worden vanaf het startkwartaal genomen, "
            "elk kwartaal zoveel als er vrij is.",
            "In that order every project with status proposed or running gets hours, from the quarter in which it "
            "wants to start. When it asks hours per quarter, each of those quarters must still have that many hours "
            "free (hours after Q4 belong to next year). When it asks a total, the quarters from its start quarter "
            "together must still have that many hours free; the hours are taken from the start quarter on, each "
            "quarter as much as is free.",
        ),
        "rule_rest": (
            "Wat een project krijgt, gaat van de vrije uren af voordat het volgende project aan de beurt is. Past "
            "een project niet, dan staat het op 'niet dit jaar', met de cijfers en het eerste latere kwartaal "
            "waarin het wel zou passen. Projecten die afgerond, afgewezen of voor later zijn, krijgen geen uren.",
            "What a project gets is taken off the free hours before the next project's turn. A project that does "
            "not fit is 'not this year', with the figures and the first later quarter in which it would fit. "
            "Projects that are finished, rejected or deferred get no hours.",
        ),
        "criteria": ("Criteria en gewichten: {list}.", "Criteria and weights: {list}."),
        "capacity_title": ("Capaciteit per kwartaal", "Capacity per quarter"),
        "quarter": ("Kwartaal", "Quarter"),
        "capacity": ("Capaciteit", "Capacity"),
        "planned": ("Gepland", "Planned"),
        "free": ("Vrij", "Free"),
        "chart_alt": (
            "Staafdiagram van capaciteit en geplande uren per kwartaal: {figures}.",
            "Bar chart of capacity and planned hours per quarter: {figures}.",
        ),
        "chart_figure": (
            "Q{q} capaciteit {capacity} uur, gepland {planned} uur",
            "Q{q} capacity {capacity} hours, planned {planned} hours",
        ),
        "ranking_title": ("Rangorde en plaatsing", "Ranking and placement"),
        "rank": ("Nr.", "No."),
        "score": ("Score", "Score"),
        "asks": ("Vraagt", "Asks"),
        "placement": ("Plaatsing", "Placement"),
        "asks_quarters": ("{hours} uur vanaf Q{start}", "{hours} hours from Q{start}"),
        "asks_total": ("{hours} uur in totaal, vanaf Q{start}", "{hours} hours in total, from Q{start}"),
        "asks_nothing": ("geen uren opgegeven", "no hours given"),
        "placed": ("Q{q}: {hours} uur", "Q{q}: {hours} hours"),
        "placed_none": ("geplaatst, zonder uren", "placed, without hours"),
        "not_this_year": ("niet dit jaar", "not this year"),
        "short_quarter": (
            "vraagt {asked} uur in Q{q}; er is nog {free} uur vrij",
            "asks {asked} hours in Q{q}; {free} hours are still free",
        ),
        "short_total": (
            "vraagt {asked} uur vanaf Q{q}; er is vanaf Q{q} nog {free} uur vrij",
            "asks {asked} hours from Q{q}; from Q{q} {free} hours are still free",
        ),
        "fits_from": ("zou passen bij een start in Q{q}", "would fit when starting in Q{q}"),
        "fits_never": ("past dit jaar in geen enkel kwartaal", "fits in no quarter this year"),
        "why_finished": ("afgerond: heeft geen uren meer nodig", "finished: needs no more hours"),
        "why_rejected": ("afgewezen door de commissie", "rejected by the committee"),
        "why_deferred": ("later: dit jaar niet ingepland", "deferred: not planned this year"),
        "missing": ("zonder score voor: {keys} (telt als 0)", "without a score for: {keys} (counts as 0)"),
        "decisions_title": ("Besluiten", "Decisions"),
        "date": ("Datum", "Date"),
        "decision": ("Besluit", "Decision"),
        "reason": ("Reden", "Reason"),
        "made_by": (
            "Gemaakt met het implementatiewerkboek op {date}.",
            "Made with the implementation workbook on {date}.",
        ),
    }
)

STATUS_TONE = {
    ProjectStatus.proposed: "neutral",
    ProjectStatus.running: "good",
    ProjectStatus.finished: "good",
    ProjectStatus.rejected: "bad",
    ProjectStatus.deferred: "warn",
}
WHY = {
    ProjectStatus.finished: "why_finished",
    ProjectStatus.rejected: "why_rejected",
    ProjectStatus.deferred: "why_deferred",
}


@cache
def portfolio_css() -> str:
    """The report stylesheet with the few rules of the portfolio pages added."""
    extra = (templates_dir() / "workbook" / "static" / "portfolio.css").read_text(encoding="utf-8")
    return f"{stylesheet()}\n{extra}"


def shows_costs(audience: Audience | None) -> bool:
    """Costs for the committee's full pages and the board, as a project's overview shows them."""
    return audience in (None, Audience.board)


def for_whom(audience: Audience | None, lang: str) -> str:
    """The line under the title that says for whom this version is (empty for the full pages)."""
    return msg(f"for_{audience.value}", lang) if audience else ""


def decisions(portfolio: Portfolio, audience: Audience | None, lang: str) -> list[list[str]]:
    """The committee's decisions over time (oldest first, undated last), as `audience` may read them
    (free text de-identified for the client council)."""
    known = [p.name for p in portfolio.projects if p.name]
    decided = [(d, p.name or p.code) for p in portfolio.projects for d in p.decisions]
    decided.sort(key=lambda item: (item[0].date is None, item[0].date or dt.date.min))
    return [
        [
            formats.date(d.date, lang),
            name,
            field_text(Decision, "decision", d.decision, audience, known),
            field_text(Decision, "reason", d.reason, audience, known),
        ]
        for d, name in decided
    ]


def _page(title: str, body: Markup, lang: str, today: dt.date) -> str:
    footer = msg("made_by", lang, date=formats.date(today, lang))
    view = {"title": title, "css": Markup(portfolio_css()), "body": body, "footer": footer}
    return str(render("page.html.j2", msg, lang, **view)) + "\n"


def overview_page(
    portfolio: Portfolio,
    rows: list[ProjectSummary],
    links: dict[str, dict[str, str]],
    lang: str,
    today: dt.date,
    failed: Sequence[str] = (),
    audience: Audience | None = None,
) -> str:
    """index.html: every project with status, phase, locations, goals, late work, costs, next step and links.

    `links` holds per project code the relative links to its reports ("overview", "plan") that exist
    (for an audience: that audience's reports). Costs only where the audience sees them.
    """
    title = msg("overview_title", lang, name=portfolio.name, year=portfolio.year)
    body = render(
        "portfolio_overview.html.j2",
        msg,
        lang,
        title=title,
        portfolio=portfolio,
        rows=rows,
        links=links,
        today=today,
        failed=list(failed),
        status_tone=STATUS_TONE,
        cents=formats.cents_of(
            [amount for row in rows for amount in (row.costs.one_off, row.costs.structural, row.budget)]
            + [sum(row.costs.one_off for row in rows)]
        ),
        costs=shows_costs(audience),
        for_whom=for_whom(audience, lang),
    )
    return _page(title, body, lang, today)


def asks(entry, lang: str) -> str:
    """What a project asks, in words: "120 + 80 uur vanaf Q2", "320 uur in totaal, vanaf Q1"."""
    if entry.hours_total is not None:
        return msg("asks_total", lang, hours=formats.amount(entry.hours_total, lang), start=entry.start_quarter)
    if entry.hours_per_quarter:
        hours = " + ".join(formats.amount(h, lang) for h in entry.hours_per_quarter)
        return msg("asks_quarters", lang, hours=hours, start=entry.start_quarter)
    return msg("asks_nothing", lang)


def placement_text(row: Ranked, lang: str) -> list[str]:
    """The placement of one project in lines: the quarters and hours, or why not (with figures)."""
    if row.placement is Placement.placed:
        lines = [msg("placed", lang, q=q, hours=formats.amount(h, lang)) for q, h in sorted(row.hours.items())]
        return lines or [msg("placed_none", lang)]
    if row.placement is Placement.not_planned:
        return [msg(WHY[row.project.status], lang)]
    short = row.shortfall
    assert short is not None  # a project not placed this year says why in figures
    key = "short_total" if short.total else "short_quarter"
    lines = [
        msg(key, lang, asked=formats.amount(short.asked, lang), free=formats.amount(short.free, lang), q=short.quarter)
    ]
    lines.append(msg("fits_from", lang, q=row.fits_from) if row.fits_from else msg("fits_never", lang))
    return lines


def yearplan_page(
    portfolio: Portfolio, plan: YearPlan, lang: str, today: dt.date, audience: Audience | None = None
) -> str:
    """jaarplan.html: the rule in plain words, capacity against planned hours, the ranking with placements,
    and the committee's decisions (as `audience` may read them)."""
    title = msg("yearplan_title", lang, name=portfolio.name, year=portfolio.year)
    quarters = sorted(plan.capacity)
    alt_figures = "; ".join(
        msg(
            "chart_figure",
            lang,
            q=q,
            capacity=formats.amount(plan.capacity[q], lang),
            planned=formats.amount(plan.planned[q], lang),
        )
        for q in quarters
    )
    criteria = ", ".join(f"{c.label or c.key} ({formats.amount(c.weight, lang)})" for c in portfolio.criteria)
    rows = [
        {
            "rank": r.rank,
            "ranked": r,
            "asks": asks(r.project, lang),
            "placement": placement_text(r, lang),
            "missing": ", ".join(r.missing),
        }
        for r in plan.ranked
    ]
    body = render(
        "portfolio_yearplan.html.j2",
        msg,
        lang,
        title=title,
        portfolio=portfolio,
        plan=plan,
        quarters=quarters,
        rows=rows,
        criteria=criteria,
        capacity_figure=capacity_chart(plan, lang),
        chart_alt=msg("chart_alt", lang, figures=alt_figures),
        today=today,
        Placement=Placement,
        status_tone=STATUS_TONE,
        decided=decisions(portfolio, audience, lang),
        for_whom=for_whom(audience, lang),
    )
    return _page(title, body, lang, today)
