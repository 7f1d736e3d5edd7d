"""``workbook export --format xlsx`` on a portfolio folder: the committee's overview and its year plan.

Four sheets: about this file (the committee, the rule of the year plan, the criteria), the overview
(one row per project, as the overview page sorts them), the year plan (rank, weighted score, the
quarters and hours placed against the capacity, "niet dit jaar" with the figures) and the
committee's decisions. The same data as the pages (``portfolio.summary``, ``portfolio.yearplan``)
and the same sheet idiom as a project's export (``xlsx_parts``): user text never becomes a formula,
totals are formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbook.exchange.files import output_path, write_whole
from workbook.exchange.xlsx_parts import DATE_FORMAT, NUMBER_FORMAT, Column, add_sheet, add_total_row, append_row
from workbook.language.i18n import Messages, language
from workbook.model.fields import field_label
from workbook.model.portfolio import QUARTERS, Criterion, Decision, Portfolio
from workbook.portfolio.store import PortfolioFolder
from workbook.portfolio.summary import ProjectSummary, summarise
from workbook.portfolio.yearplan import Placement, Ranked, YearPlan, year_plan
from workbook.report import formats, truth
from workbook.report import portfolio as page
from workbook.report.audience import Audience, field_text

msg = Messages(
    {
        "about_sheet": ("Over dit bestand", "About this file"),
        "overview_sheet": ("Overzicht", "Overview"),
        "yearplan_sheet": ("Jaarplan", "Year plan"),
        "decisions_sheet": ("Besluiten", "Decisions"),
        "exported": ("Geëxporteerd op", "Exported on"),
        "code": ("Map", "Folder"),
        "goals_judged": ("Doelen met een oordeel", "Goals judged"),
        "open_decisions": ("Open besluiten", "Open decisions"),
        "open_decisions_note": (
            "Open besluiten: wat het bestuur van het project nog moet besluiten, zoals het rapport van het project "
            "het noemt: geld en mandaat (jaarplan, financiers), een start met voorbereiding die te laat is, een "
            "periode die voorbij is.",
            "Open decisions: what the project's board still has to decide, as the project's report names it: "
            "money and mandate (annual plan, funders), a start with late preparation, a period that is over.",
        ),
        "goals_note": (
            "Doelen op schema: doelen die gehaald zijn of op schema liggen, per locatie geteld; doelen met een "
            "oordeel: doelen met genoeg metingen om dat te zeggen.",
            "Goals on track: goals met or on schedule, counted per location; goals judged: goals with enough "
            "measurements to say so.",
        ),
        "quarters": ("Kwartalen", "Quarters"),
        "hours_year": ("Uren dit jaar", "Hours this year"),
        "explanation": ("Toelichting", "Explanation"),
        "not_planned": ("geen uren", "no hours"),
        "total": ("Totaal gepland", "Total planned"),
        "total_row": ("Totaal", "Total"),
        "free_note": (
            "Gepland en vrij gelden voor het hele jaarplan; het totaal volgt een filter op de tabel.",
            "Planned and free are for the whole year plan; the total follows a filter on the table.",
        ),
        "last_decision": ("laatste besluit ({date}): {decision}", "last decision ({date}): {decision}"),
        "criterion_key": ("Code", "Code"),
        "capacity_row": ("Capaciteit", "Capacity"),
        "free_row": ("Vrij", "Free"),
    }
)


def export_portfolio_xlsx(
    folder: PortfolioFolder,
    out: str | Path | None = None,
    lang: str | None = None,
    today: dt.date | None = None,
    audience: Audience | None = None,
) -> Path:
    """Write the portfolio's overview and year plan as one .xlsx file; returns its path.

    With `audience`, the first sheet says for whom it is and the sheets hold what the audience
    policy lets it see, as the pages do (costs for the board only, the committee's free text
    de-identified for the client council). Without `out` the file goes to
    ``build/export/portefeuille[-<audience folder>].xlsx``.
    """
    lang = lang or language()
    today = today or dt.date.today()
    portfolio = folder.load()
    stem = "-".join(part for part in ("portefeuille", audience.folder if audience else "") if part)
    path = output_path(folder, out, f"{stem}.xlsx", ".xlsx")
    known = [p.name for p in portfolio.projects if p.name]
    rows = summarise(folder, today, lang)
    plan = year_plan(portfolio)
    book = Workbook()
    if book.active is not None:  # (a new book has one empty sheet)
        book.remove(book.active)
    add_about_sheet(book, portfolio, lang, today, audience)
    add_overview_sheet(book, rows, lang, audience)
    add_yearplan_sheet(book, plan, lang, audience, known)
    add_decisions_sheet(book, portfolio, lang, audience, known)
    book.active = 1  # open on the overview
    book.properties.title = page.msg("overview_title", lang, name=portfolio.name, year=portfolio.year)
    book.calculation.fullCalcOnLoad = True
    return write_whole(path, lambda tmp: book.save(tmp))


def add_about_sheet(
    book: Workbook, portfolio: Portfolio, lang: str, today: dt.date, audience: Audience | None = None
) -> None:
    sheet = book.create_sheet(msg("about_sheet", lang))
    if audience is not None:
        append_row(sheet, [page.for_whom(audience, lang)])
        append_row(sheet, [])
    for name in ("name", "organisation", "year"):
        append_row(sheet, [field_label(Portfolio, name, lang), getattr(portfolio, name)])
    append_row(sheet, [msg("exported", lang), dt.datetime.combine(today, dt.time())])
    sheet.cell(row=sheet.max_row, column=2).number_format = DATE_FORMAT
    append_row(sheet, [])
    append_row(sheet, [page.msg("rule_title", lang)])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for key in ("rule_score", "rule_place", "rule_rest"):
        append_row(sheet, [page.msg(key, lang)])
    append_row(sheet, [])
    append_row(
        sheet,
        [field_label(Criterion, "label", lang), msg("criterion_key", lang), field_label(Criterion, "weight", lang)],
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for criterion in portfolio.criteria:
        append_row(sheet, [criterion.label or criterion.key, criterion.key, criterion.weight])
    append_row(sheet, [])
    append_row(sheet, [msg("goals_note", lang)])
    append_row(sheet, [msg("open_decisions_note", lang)])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 40


def _phases(row: ProjectSummary, lang: str) -> str:
    if not row.phases:
        return page.msg("none", lang)
    return ", ".join(f"{n} {phase.label(lang).lower()}" for phase, n in row.phases.items())


OVERVIEW_TOTALS = ("locations", "late", "open_decisions", "one_off", "per_year", "budget")


def add_overview_sheet(
    book: Workbook, rows: list[ProjectSummary], lang: str, audience: Audience | None = None
) -> Worksheet:
    """Every project as the overview page shows it, what needs attention first; totals under the table.

    The costs (one-off, per year, budget) only for those who see them, as on the page.
    """
    columns = [
        Column(page.msg("project", lang)),
        Column(msg("code", lang)),
        Column(page.msg("status", lang)),
        Column(page.msg("phase", lang)),
        Column(page.msg("locations", lang), "number"),
        Column(page.msg("goals", lang), "number"),
        Column(msg("goals_judged", lang), "number"),
        Column(page.msg("late", lang), "number"),
        Column(msg("open_decisions", lang), "number"),
        Column(truth.msg("one_off", lang), "money"),
        Column(truth.msg("structural", lang), "money"),
        Column(page.msg("budget", lang), "money"),
        Column(page.msg("next", lang), "long"),
    ]
    cells: list[list[object]] = []
    for row in rows:
        if row.error:
            unreadable = page.msg("unreadable", lang, error=row.error)
            cells.append([row.name, row.code, row.status.label(lang), unreadable, *[None] * 7, row.budget, None])
            continue
        cells.append(
            [
                row.name,
                row.code,
                row.status.label(lang),
                _phases(row, lang),
                row.locations,
                row.goals_good,
                row.goals_judged,
                row.late,
                row.open_decisions,
                row.costs.one_off,
                row.costs.structural,
                row.budget,
                row.next_step,
            ]
        )
    keep = [i for i, column in enumerate(columns) if column.kind != "money" or page.shows_costs(audience)]
    columns = [columns[i] for i in keep]
    cells = [[row[i] for i in keep] for row in cells]
    sheet = add_sheet(book, msg("overview_sheet", lang), columns, cells)
    if cells:
        numbers = [n for n, column in enumerate(columns, start=1) if column.kind == "number"]
        money = [n for n, column in enumerate(columns, start=1) if column.kind == "money"]
        add_total_row(sheet, msg("total_row", lang), numbers, len(cells), NUMBER_FORMAT)
        if money:
            add_total_row(sheet, msg("total_row", lang), money, len(cells))
    return sheet


def _quarters(row: Ranked, lang: str) -> str:
    if row.placement is Placement.placed:
        return ", ".join(f"Q{q}" for q in sorted(row.hours)) or page.msg("placed_none", lang)
    if row.placement is Placement.not_this_year:
        return page.msg("not_this_year", lang)
    return msg("not_planned", lang)


def _explanation(row: Ranked, lang: str, audience: Audience | None = None, known: Sequence[str] = ()) -> str:
    """Why a project has no hours this year, in figures or in the committee's words (as `audience` may
    read them); what is missing."""
    parts = [] if row.placement is Placement.placed else page.placement_text(row, lang)
    if row.placement is Placement.not_planned and row.project.decisions:
        last = max(row.project.decisions, key=lambda d: d.date or dt.date.min)
        words = (
            field_text(Decision, "decision", last.decision, audience, known),
            field_text(Decision, "reason", last.reason, audience, known),
        )
        decision = ": ".join(part for part in words if part)
        if decision:
            parts.append(msg("last_decision", lang, date=formats.date(last.date, lang), decision=decision))
    if row.missing:
        parts.append(page.msg("missing", lang, keys=", ".join(row.missing)))
    return "; ".join(parts)


def add_yearplan_sheet(
    book: Workbook, plan: YearPlan, lang: str, audience: Audience | None = None, known: Sequence[str] = ()
) -> Worksheet:
    """The ranking with each project's quarters and hours, then planned, capacity and free per quarter.

    A row's hours this year, the total planned, and what is free are formulas, so a committee that
    tries other hours in the sheet sees the sums follow.
    """
    first = 7  # the column of Q1
    columns = [
        Column(page.msg("rank", lang), "number"),
        Column(page.msg("project", lang)),
        Column(page.msg("status", lang)),
        Column(page.msg("score", lang), "score"),
        Column(page.msg("asks", lang)),
        Column(msg("quarters", lang)),
        *(Column(f"Q{q}", "number") for q in QUARTERS),
        Column(msg("hours_year", lang), "number"),
        Column(msg("explanation", lang), "long"),
    ]
    cells: list[list[object]] = [
        [
            row.rank,
            row.project.name or row.project.code,
            row.project.status.label(lang),
            row.score,
            page.asks(row.project, lang),
            _quarters(row, lang),
            *(row.hours.get(q) for q in QUARTERS),
            None,  # a formula, below
            _explanation(row, lang, audience, known),
        ]
        for row in plan.ranked
    ]
    sheet = add_sheet(book, msg("yearplan_sheet", lang), columns, cells)
    q1, q4 = get_column_letter(first), get_column_letter(first + len(QUARTERS) - 1)
    year = first + len(QUARTERS)
    for number in range(2, len(cells) + 2):
        sheet.cell(row=number, column=year, value=f"=SUM({q1}{number}:{q4}{number})")
    hour_columns = list(range(first, year + 1))
    total = add_total_row(sheet, msg("total", lang), hour_columns, len(cells), NUMBER_FORMAT)
    last_data = len(cells) + 1
    capacity_row, free_row = total + 1, total + 2
    sheet.cell(row=capacity_row, column=1, value=msg("capacity_row", lang)).font = Font(bold=True)
    sheet.cell(row=free_row, column=1, value=msg("free_row", lang)).font = Font(bold=True)
    for offset, quarter in enumerate(QUARTERS):
        letter = get_column_letter(first + offset)
        sheet.cell(row=capacity_row, column=first + offset, value=plan.capacity[quarter])
        sheet.cell(
            row=free_row, column=first + offset, value=f"={letter}{capacity_row}-SUM({letter}2:{letter}{last_data})"
        )
    year_letter = get_column_letter(year)
    sheet.cell(row=capacity_row, column=year, value=f"=SUM({q1}{capacity_row}:{q4}{capacity_row})")
    sheet.cell(
        row=free_row, column=year, value=f"={year_letter}{capacity_row}-SUM({year_letter}2:{year_letter}{last_data})"
    )
    for column in hour_columns:
        for number in (capacity_row, free_row):
            sheet.cell(row=number, column=column).font = Font(bold=True)
    sheet.cell(row=free_row + 2, column=1, value=msg("free_note", lang))
    return sheet


def add_decisions_sheet(
    book: Workbook, portfolio: Portfolio, lang: str, audience: Audience | None = None, known: Sequence[str] = ()
) -> Worksheet:
    """The committee's decisions over time, oldest first (undated last), as `audience` may read them."""
    columns = [
        Column(page.msg("date", lang), "date"),
        Column(page.msg("project", lang)),
        Column(page.msg("decision", lang), "long"),
        Column(page.msg("reason", lang), "long"),
    ]
    decided = [(d, p.name or p.code) for p in portfolio.projects for d in p.decisions]
    decided.sort(key=lambda item: (item[0].date is None, item[0].date or dt.date.min))
    cells = [
        [
            d.date,
            name,
            field_text(Decision, "decision", d.decision, audience, known),
            field_text(Decision, "reason", d.reason, audience, known),
        ]
        for d, name in decided
    ]
    return add_sheet(book, msg("decisions_sheet", lang), columns, cells)
