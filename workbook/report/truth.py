"""The truth up front: what the board must decide on, what is late, what is due, what it costs.

Each function turns the analysis (``analysis.decisions``, ``analysis.late``, ``analysis.costs``)
into a fragment through its template in ``templates/workbook/fragments/``; the overview, the plan
report and the location report put them at the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import astuple, dataclass

from markupsafe import Markup

from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import HORIZON_WEEKS, Decision, DecisionKind, Decisions
from workbook.analysis.late import DatedItem
from workbook.analysis.progress import GoalProgress, Lateness, Unit, standing_words
from workbook.language.i18n import Messages
from workbook.model import Action, CommunicationAction, Location, RunbookActivity, SimpleAction
from workbook.report import formats
from workbook.report.audience import Audience, visible
from workbook.report.render import render

LATE_SHOWN = 8
"""The board's box lists at most this many late items; the rest are counted."""

msg = Messages(
    {
        "decisions": ("Besluiten en risico's", "Decisions and risks"),
        "nothing_to_decide": (
            "Er is op dit moment niets te besluiten, niets te laat en geen hoog risico.",
            "Right now there is nothing to decide, nothing is late and no risk is high.",
        ),
        "to_decide": ("Te besluiten", "To decide"),
        "decide_rule": (
            "Te besluiten, de eerste datum eerst: afspraken over geld en mandaat (jaarplan, financiers) die "
            "nog niet geborgd zijn; een locatie die binnen {weeks} weken start terwijl werk vóór de start te "
            "laat is; een locatie waarvan de periode voorbij is en die niet is afgerond. Ander werk dat te "
            "laat is staat eronder.",
            "To decide, the first date first: agreements on money and mandate (annual plan, funders) not "
            "yet embedded; a location starting within {weeks} weeks while work due before its start is late; "
            "a location whose period is over and that is not finished. Other late work is listed below.",
        ),
        "decide_money": ("Geld en mandaat: {subject}", "Money and mandate: {subject}"),
        "decide_money_open": (
            "Geld en mandaat, nog niet geborgd: {area}.",
            "Money and mandate, not embedded yet: {area}.",
        ),
        "decide_start": (
            "{location} starten terwijl de voorbereiding te laat is, of de start uitstellen?",
            "Start {location} while its preparation is late, or postpone the start?",
        ),
        "decide_period": (
            "De periode van {location} verlengen, of de locatie afronden?",
            "Extend the period of {location}, or close the location?",
        ),
        "decide_by": ("Uiterlijk {date}", "By {date}"),
        "decide_on_start": ("Start {date}", "Start {date}"),
        "decide_on_end": ("Einde {date}", "End {date}"),
        "in_days": ("over {days}", "in {days}"),
        "today": ("vandaag", "today"),
        "days_ago": ("{days} geleden", "{days} ago"),
        "no_date": ("Nog geen datum afgesproken", "No date agreed yet"),
        "about_yearly_costs": (
            "Gaat over {per_year} per jaar: de structurele kosten van alle locaties samen.",
            "About {per_year} a year: the structural costs of all locations together.",
        ),
        "about_preparation": (
            "Gaat over {amount}: de kosten van het werk dat te laat is.",
            "About {amount}: the costs of the late work.",
        ),
        "about_location": (
            "Gaat over {amount}: wat de locatie nog kost.",
            "About {amount}: what the location still costs.",
        ),
        "one_off_amount": ("{amount} eenmalig", "{amount} one-off"),
        "per_year_amount": ("{amount} per jaar", "{amount} a year"),
        "and": ("{first} en {second}", "{first} and {second}"),
        "no_costs": ("Geen kosten in het draaiboek.", "No costs in the runbook."),
        "prepared_by": ("Voorbereid door {who}.", "Prepared by {who}."),
        "not_embedded": ("Nog niet geborgd: {area}", "Not embedded yet: {area}"),
        "late_preparation": ("Te laat: {items}.", "Late: {items}."),
        "locations_behind": ("Locaties die achterlopen", "Locations behind"),
        "period_ended": ("periode voorbij sinds {date}, nog niet afgerond", "period over since {date}, not finished"),
        "goal_status": ("{goal}: {status}", "{goal}: {status}"),
        "goal_status_due": ("{goal}: {status} (uiterlijk {due})", "{goal}: {status} (due {due})"),
        "reached_late": ("gehaald, {time} na de deadline", "reached, {time} after the deadline"),
        "dipped": ("laatste meting weer onder de streefwaarde", "latest measurement below the target again"),
        "day": ("dag", "day"),
        "days": ("dagen", "days"),
        "month": ("maand", "month"),
        "months": ("maanden", "months"),
        "late_title": ("Te laat", "Late"),
        "late_where_location": ("draaiboek {location}", "runbook {location}"),
        "late_where_plan": ("actie in het plan", "action in the plan"),
        "due_on": ("uiterlijk {date}", "due {date}"),
        "more_late": ("En nog {n} andere punten die te laat zijn.", "And {n} more items that are late."),
        "high_risks": ("Hoge risico's", "High risks"),
        "risk_score": ("kans {likelihood}/5, impact {impact}/5", "likelihood {likelihood}/5, impact {impact}/5"),
        "mitigation": ("Wat we eraan doen:", "Mitigation:"),
        "days_late": ("{days} te laat", "{days} late"),
        "no_late": ("Niets is te laat.", "Nothing is late."),
        "due_soon": ("De komende {weeks} weken", "The coming {weeks} weeks"),
        "nothing_due": ("Niets gepland in de komende weken.", "Nothing planned in the coming weeks."),
        "costs": ("Kosten", "Costs"),
        "costs_text": (
            "Eenmalig {one_off} in totaal, waarvan {one_off_incurred} al gemaakt; structureel {structural} per jaar.",
            "One-off {one_off} in total, of which {one_off_incurred} already spent; structural {structural} per year.",
        ),
        "location": ("Locatie", "Location"),
        "one_off": ("Eenmalig gepland", "One-off planned"),
        "one_off_incurred": ("Eenmalig gemaakt", "One-off spent"),
        "structural": ("Per jaar gepland", "Per year planned"),
        "structural_incurred": ("Per jaar lopend", "Per year running"),
        "total": ("Totaal", "Total"),
        "costs_note": (
            "Gepland: alle activiteiten in de draaiboeken die niet vervallen zijn. Gemaakt of lopend: de "
            "activiteiten die klaar zijn.",
            "Planned: every runbook activity that is not cancelled. Spent or running: the activities that are done.",
        ),
    }
)


@dataclass(frozen=True)
class DecisionView:
    """One decision to take in words, the same in HTML and Word."""

    when: str
    """ "Uiterlijk 10 dec 2026 (over 3 dagen)"."""
    what: str
    """What the board decides."""
    amount: str
    """What it is about in euros."""
    details: list[str]
    """Who prepares it (where the audience may read that) and why."""


def decisions_box(decisions: Decisions, today: dt.date, lang: str, audience: Audience | None = None) -> Markup:
    """The board's box "Besluiten en risico's": the decisions to take, then locations behind, late work
    and high risks; who prepares a decision where `audience` may read that."""
    return render(
        "decisions.html.j2",
        msg,
        lang,
        decisions=decisions,
        to_decide=decision_views(decisions.to_decide, today, lang, audience),
        rule=msg("decide_rule", lang, weeks=HORIZON_WEEKS),
        behind=[
            (location.name, behind_reasons(location.ended, location.goals, lang))
            for location in decisions.locations_behind
        ],
        limit=LATE_SHOWN,
    )


def decision_views(
    decisions: Iterable[Decision], today: dt.date, lang: str, audience: Audience | None = None
) -> list[DecisionView]:
    """Each decision in words: when, what, the amount it is about, who prepares it and why."""
    show_who = bool(visible(SimpleAction, ["who"], audience))
    return [_decision_view(decision, today, lang, show_who) for decision in decisions]


def _decision_view(decision: Decision, today: dt.date, lang: str, show_who: bool) -> DecisionView:
    costs = decision.costs
    cents = formats.cents_of([costs.one_off, costs.structural])
    parts = [
        msg(f"{name}_amount", lang, amount=formats.money(value, lang, cents))
        for name, value in (("one_off", costs.one_off), ("per_year", costs.structural))
        if value
    ]
    amount = parts[0] if len(parts) == 1 else msg("and", lang, first=parts[0], second=parts[1]) if parts else ""
    details = []
    match decision.kind:
        case DecisionKind.money:
            if decision.subject:
                what = msg("decide_money", lang, subject=decision.subject)
                details += [
                    msg(
                        "not_embedded",
                        lang,
                        area=f"{item.area.label(lang)} – {item.notes}" if item.notes else item.area.label(lang),
                    )
                    for item in decision.agreements
                ]
            else:
                areas = [item.area.label(lang) for item in decision.agreements]
                what = msg("decide_money_open", lang, area=", ".join(areas))
                details += [item.notes for item in decision.agreements if item.notes]
            about = msg("about_yearly_costs", lang, per_year=formats.money(costs.structural, lang, cents))
            when_key = "decide_by"
        case DecisionKind.start:
            what = msg("decide_start", lang, location=decision.subject)
            about = msg("about_preparation", lang, amount=amount) if amount else msg("no_costs", lang)
            details.append(msg("late_preparation", lang, items="; ".join(a.activity for a in decision.preparation)))
            when_key = "decide_on_start"
        case _:
            what = msg("decide_period", lang, location=decision.subject)
            about = msg("about_location", lang, amount=amount) if amount else msg("no_costs", lang)
            when_key = "decide_on_end"
    if decision.who and show_who:
        details.insert(0, msg("prepared_by", lang, who=decision.who))
    return DecisionView(_when(decision.due, today, when_key, lang), what, about, details)


def _when(due: dt.date | None, today: dt.date, key: str, lang: str) -> str:
    """ "Uiterlijk 10 dec 2026 (over 3 dagen)", "Start 7 dec 2026 (vandaag)", "Einde 27 nov 2026 (10 dagen geleden)"."""
    if due is None:
        return msg("no_date", lang)
    ahead = (due - today).days
    if ahead == 0:
        relative = msg("today", lang)
    else:
        relative = msg("in_days" if ahead > 0 else "days_ago", lang, days=days(abs(ahead), lang))
    return f"{msg(key, lang, date=formats.date(due, lang))} ({relative})"


def days(n: int, lang: str) -> str:
    """ "1 dag", "3 dagen": a number of days with the plural by the language's rules."""
    return formats.counted(n, msg("day", lang), msg("days", lang), lang)


def standing_text(row: GoalProgress, lang: str) -> str:
    """Where a goal stands, in words: "achter op schema", "gehaald, 4 maanden na de deadline"; a goal
    reached and then dipped once adds that its latest measurement is below the target again."""
    late = row.reached_late
    words = msg("reached_late", lang, time=lateness_text(late, lang)) if late else standing_words(row.standing, lang)
    return f"{words}; {msg('dipped', lang)}" if row.dipped else words


def lateness_text(late: Lateness, lang: str) -> str:
    """ "25 dagen", "1 maand", "4 maanden": with the plural by the language's rules."""
    one, other = ("day", "days") if late.unit == Unit.days else ("month", "months")
    return formats.counted(late.count, msg(one, lang), msg(other, lang), lang)


def goal_status(row: GoalProgress, lang: str, due: bool = True) -> str:
    """A goal by number and short text with where it stands: "D3 · Aandeel getrainde
    nachtmedewerkers en invalkrachten: achter op schema (uiterlijk 7 dec 2026)"."""
    status = standing_text(row, lang)
    if due and row.due is not None:
        return msg("goal_status_due", lang, goal=row.name, status=status, due=formats.date(row.due, lang))
    return msg("goal_status", lang, goal=row.name, status=status)


def behind_reasons(ended: dt.date | None, goals: Iterable[GoalProgress], lang: str) -> list[str]:
    """Why a location is behind: its period is over, and its goals behind, by number and short text.
    A goal due after the period ended is late because the period is over, not by its own date,
    so that date is not shown ("te laat (uiterlijk 30 jun 2027)" would contradict itself)."""
    reasons = [msg("period_ended", lang, date=formats.date(ended, lang))] if ended else []
    return reasons + [goal_status(row, lang, due=not (ended and row.due and row.due > ended)) for row in goals]


def late_list(
    items: list[DatedItem], today: dt.date, lang: str, audience: Audience | None = None, level: int = 3
) -> Markup:
    """Work past its date, the longest overdue first, with who does it where `audience` may read
    that; `level`: its heading's level (2 before the first chapter)."""
    return render(
        "late.html.j2",
        msg,
        lang,
        items=items,
        late=True,
        today=today,
        title=msg("late_title", lang),
        empty=msg("no_late", lang),
        show_who=_shows_who(audience),
        show_location=True,
        level=level,
    )


def due_soon_list(
    items: list[DatedItem],
    today: dt.date,
    weeks: int,
    lang: str,
    audience: Audience | None = None,
    level: int = 3,
) -> Markup:
    """What is due in the coming weeks, the first due first, with who does it where `audience` may
    read that; `level`: its heading's level."""
    return render(
        "late.html.j2",
        msg,
        lang,
        items=items,
        late=False,
        today=today,
        title=msg("due_soon", lang, weeks=weeks),
        empty=msg("nothing_due", lang),
        show_who=_shows_who(audience),
        show_location=True,
        level=level,
    )


def _shows_who(audience: Audience | None) -> bool:
    """Whether `audience` reads who does a dated item: the person fields it comes from (a runbook
    activity's responsible person, an action's who) decide, by the audience policy."""
    sources = ((RunbookActivity, "person"), (Action, "who"), (CommunicationAction, "who"), (SimpleAction, "who"))
    return all(visible(model, [name], audience) for model, name in sources)


def costs_section(locations: Iterable[Location], lang: str) -> Markup:
    """Costs per location and in total."""
    rows, total = costs_per_location(locations)
    cents = formats.cents_of(amount for costs in [*(row.costs for row in rows), total] for amount in astuple(costs))
    return render("costs.html.j2", msg, lang, locations=rows, total=total, cents=cents)
