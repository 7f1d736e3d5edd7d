"""The truth up front: what the board must decide on, what is late, what is due, what it costs.

Each function turns the analysis (``analysis.decisions``, ``analysis.late``, ``analysis.costs``)
into a fragment through its template in ``templates/workbook/fragments/``; the overview, the plan
report and the location report put them at the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import astuple

from markupsafe import Markup

from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import Decisions
from workbook.analysis.late import DatedItem
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
            "Er is op dit moment niets te laat, geen open financiering en geen hoog risico.",
            "Right now nothing is late, no funding is open and no risk is high.",
        ),
        "locations_behind": ("Locaties die achterlopen", "Locations behind"),
        "period_ended": ("periode voorbij sinds {date}, nog niet afgerond", "period over since {date}, not finished"),
        "goal_late": ("{goal} te laat (uiterlijk {due})", "{goal} late (due {due})"),
        "goal_missed": ("{goal} niet gehaald (uiterlijk {due})", "{goal} not reached (due {due})"),
        "goal_behind": ("{goal} achter op schema (uiterlijk {due})", "{goal} behind schedule (due {due})"),
        "late_title": ("Te laat", "Late"),
        "late_where_location": ("draaiboek {location}", "runbook {location}"),
        "late_where_plan": ("actie in het plan", "action in the plan"),
        "due_on": ("uiterlijk {date}", "due {date}"),
        "more_late": ("En nog {n} andere punten die te laat zijn.", "And {n} more items that are late."),
        "open_agreements": ("Open financiering en afspraken", "Open funding and agreements"),
        "high_risks": ("Hoge risico's", "High risks"),
        "risk_score": ("kans {likelihood}/5, impact {impact}/5", "likelihood {likelihood}/5, impact {impact}/5"),
        "mitigation": ("Wat we eraan doen:", "Mitigation:"),
        "days_late": ("{n} dagen te laat", "{n} days late"),
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


def decisions_box(decisions: Decisions, lang: str) -> Markup:
    """The board's box "Besluiten en risico's"."""
    return render("decisions.html.j2", msg, lang, decisions=decisions, limit=LATE_SHOWN)


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
