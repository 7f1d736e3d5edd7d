"""The truth up front in Word: what the board must decide and what the rollout costs.

The same view models as the HTML reports (``analysis.decisions``, ``analysis.costs``) in the same
words (``report.truth``'s catalogue), money and dates through the locale module.
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document

from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import HORIZON_WEEKS, Decisions, LocationBehind
from workbook.analysis.late import DatedItem
from workbook.exchange import docx_parts as part
from workbook.exchange.values import show_amount, show_date
from workbook.model import Location, Risk
from workbook.report import formats
from workbook.report.audience import Audience
from workbook.report.truth import DecisionView, behind_reasons, days, decision_views, msg


def write_decisions(
    doc: Document, decisions: Decisions, today: dt.date, lang: str, audience: Audience | None = None
) -> None:
    """ "Besluiten en risico's": the decisions to take (when, what, the amount, who prepares it where
    `audience` may read that, and why), locations behind, late work, high risks."""
    part.heading(doc, msg("decisions", lang), 1)
    if not decisions:
        part.note(doc, msg("nothing_to_decide", lang))
        return
    lists = [
        ("to_decide", [_decision(view) for view in decision_views(decisions.to_decide, today, lang, audience)]),
        ("locations_behind", [_behind(location, lang) for location in decisions.locations_behind]),
        ("late_title", [_late(item, today, lang) for item in decisions.late]),
        ("high_risks", [_risk(risk, lang) for risk in decisions.high_risks]),
    ]
    for title, items in lists:
        if items:
            part.heading(doc, msg(title, lang), 2)
            part.bullets(doc, items)
    if decisions.to_decide:
        part.note(doc, msg("decide_rule", lang, weeks=HORIZON_WEEKS))


def write_costs(doc: Document, locations: list[Location], lang: str) -> None:
    """Costs per location and in total: one-off and per year, planned and already incurred."""
    part.heading(doc, msg("costs", lang), 1)
    rows, total = costs_per_location(locations)
    names = ("one_off", "one_off_incurred", "structural", "structural_incurred")
    headers = [msg("location", lang), *(msg(name, lang) for name in names)]
    cents = formats.cents_of(getattr(costs, name) for costs in [*(row.costs for row in rows), total] for name in names)
    table = [[row.name, *(show_amount(getattr(row.costs, name), lang, cents) for name in names)] for row in rows]
    table.append([msg("total", lang), *(show_amount(getattr(total, name), lang, cents) for name in names)])
    part.table(doc, headers, table)
    part.note(doc, msg("costs_note", lang))


def _decision(view: DecisionView) -> str:
    """One decision on one line, as the HTML box has it: "Uiterlijk 10 dec 2026 (over 3 dagen) · Geld en
    mandaat: … Gaat over € 28.160 per jaar: … Voorbereid door …"."""
    return " ".join([f"{view.when} · {view.what}", view.amount, *view.details])


def _behind(location: LocationBehind, lang: str) -> str:
    return f"{location.name}: {'; '.join(behind_reasons(location.ended, location.goals, lang))}."


def _late(item: DatedItem, today: dt.date, lang: str) -> str:
    where = msg("late_where_location" if item.location else "late_where_plan", lang, location=item.location)
    due = msg("due_on", lang, date=show_date(item.due, lang))
    return f"{item.text} ({where}; {due}; {msg('days_late', lang, days=days(item.days_late(today), lang))})"


def _risk(risk: Risk, lang: str) -> str:
    score = msg("risk_score", lang, likelihood=risk.likelihood, impact=risk.impact)
    mitigation = f" {msg('mitigation', lang)} {risk.mitigation}" if risk.mitigation else ""
    return f"{risk.risk} ({score}).{mitigation}"
