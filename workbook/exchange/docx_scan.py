"""The sustainability scan's latest team result as a Word table with its total and caveats."""

from __future__ import annotations

from docx.document import Document

from workbook import charts
from workbook.analysis.sustainability import latest_moment, previous_moment, score
from workbook.exchange import docx_parts as part
from workbook.exchange.values import show, show_number
from workbook.instruments import sustainability_scan
from workbook.language.i18n import Messages
from workbook.model import ScanResponse

msg = Messages(
    {
        "factor": ("Factor", "Factor"),
        "mean": ("Gemiddelde", "Mean"),
        "max": ("Maximum", "Maximum"),
        "spread": ("Spreiding (sd)", "Spread (sd)"),
        "levels": ("Gekozen niveaus", "Levels chosen"),
        "disagree": ("uiteenlopend", "apart"),
        "moment": (
            "Scan van {date}, ingevuld door {n} teamleden. Totaal: {total} van {max_total} punten.",
            "Scan of {date}, filled in by {n} team members. Total: {total} of {max_total} points.",
        ),
        "approximation": (
            "* Bij deze factor is minstens één gewicht een benadering, niet geverifieerd aan de bron.",
            "* For this factor at least one weight is an approximation, not verified against the source.",
        ),
        "disagreement": (
            "'Uiteenlopend': teamleden kozen niveaus die twee of meer stappen uit elkaar liggen; bespreek waarom.",
            "'Apart': team members chose levels two or more steps apart; discuss why.",
        ),
    }
)


def write_scan_result(doc: Document, responses: list[ScanResponse], lang: str) -> None:
    """The latest scan moment per factor (mean against maximum, spread), the total and caveats."""
    moment = latest_moment(responses)
    if moment is None:
        return
    date, latest = moment
    result = score(latest)
    earlier = previous_moment(responses)
    previous = score(earlier[1]) if earlier else None
    part.figure(doc, charts.sustainability_scan(result, lang, previous=previous))
    instrument = sustainability_scan()
    part.text(
        doc,
        msg(
            "moment",
            lang,
            date=show(date, lang),
            n=result.n_raters,
            total=show_number(result.total, lang),
            max_total=show_number(result.max_total, lang),
        ),
    )
    rows = []
    for factor in result.factors:
        label = instrument[factor.key].label(lang) + ("" if factor.verified else " *")
        levels = " ".join(f"{level.value}×{count}" for level, count in factor.counts.items() if count)
        if factor.disagreement:
            levels += f" ({msg('disagree', lang)})"
        spread = show_number(round(factor.sd, 1), lang) if factor.sd is not None else ""
        mean = show_number(round(factor.mean, 1), lang) if factor.mean is not None else ""
        rows.append([label, mean, show_number(factor.max, lang), spread, levels])
    headers = [msg(key, lang) for key in ("factor", "mean", "max", "spread", "levels")]
    part.table(doc, headers, rows)
    if any(not factor.verified for factor in result.factors):
        part.note(doc, msg("approximation", lang))
    if any(factor.disagreement for factor in result.factors):
        part.note(doc, msg("disagreement", lang))
    part.note(doc, instrument.threshold.label(lang))
