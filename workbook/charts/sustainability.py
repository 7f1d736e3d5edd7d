"""The team's sustainability scan: per factor the mean against the maximum, with the spread."""

from __future__ import annotations

from textwrap import fill as wrap

from matplotlib.figure import Figure

from workbook import instruments
from workbook.analysis.sustainability import ScanScore
from workbook.charts.style import (
    ACCENT,
    INK,
    LIGHT,
    NEUTRAL,
    day_month_year,
    empty_figure,
    legend_below,
    new_figure,
    number,
    resolve,
    set_titles,
    style_axes,
)
from workbook.language.i18n import Messages

msg = Messages(
    {
        "title": ("Borgingsscan: score per factor", "Sustainability scan: score per factor"),
        "subtitle": (
            "{date}, {n} invullers. Totaal {total} van {max_total} punten.",
            "{date}, {n} raters. Total {total} of {max_total} points.",
        ),
        "axis": (
            "Punten (streepje: hoe verschillend het team antwoordde)",
            "Points (whisker: how differently the team answered)",
        ),
        "mean": ("Gemiddelde van het team", "Team average"),
        "max": ("Hoogst haalbaar", "Highest possible"),
        "previous": ("Vorige meting ({date})", "Previous scan ({date})"),
        "approximation": (
            "* gewicht is een benadering, niet geverifieerd aan de bron",
            "* weight is an approximation, not verified against the source",
        ),
        "hatched": (
            "gestreept: het hoogst haalbare aantal punten is een benadering",
            "hatched: the highest possible points are an approximation",
        ),
        "hint": (
            "Laat het team de borgingsscan invullen: per factor een niveau A tot D.",
            "Ask the team to fill in the sustainability scan: a level A to D per factor.",
        ),
    }
)


def sustainability_scan(result: ScanScore | None, lang: str | None = None, previous: ScanScore | None = None) -> Figure:
    """Per factor: the maximum as a light bar, the team mean on top, the spread as a whisker.

    Factors whose score uses an approximated weight carry a *; an approximated maximum is
    hatched. The total and the rule of thumb (labelled as not verified) are in the subtitle and footnote.
    `previous` (optional) adds the earlier scan's means as hollow diamonds.
    Without responses: the "nothing yet" figure.
    """
    lang = resolve(lang)
    if result is None or result.empty or result.date is None:  # (no date: no responses, so empty)
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    scan = instruments.sustainability_scan()
    factors = result.factors
    rows = list(range(len(factors)))
    marked = [not (f.verified and scan[f.key].max_verified) for f in factors]
    labels = [
        wrap(scan[f.key].label(lang), 22, break_long_words=False) + (" *" if mark else "")
        for f, mark in zip(factors, marked, strict=True)
    ]
    figure = new_figure(8.2)
    axes = figure.add_subplot()
    maxima = axes.barh(
        rows, [f.max for f in factors], color=LIGHT, edgecolor=NEUTRAL, linewidth=0.5, label=msg("max", lang)
    )
    for bar, factor in zip(maxima, factors, strict=True):
        if not scan[factor.key].max_verified:
            bar.set_hatch("//")

    answered = [(row, f, mean) for row, f in zip(rows, factors, strict=True) if (mean := f.mean) is not None]
    axes.barh(
        [row for row, _, _ in answered],
        [mean for _, _, mean in answered],
        height=0.5,
        color=ACCENT,
        xerr=[f.sd for _, f, _ in answered],
        error_kw={"ecolor": INK, "capsize": 4, "linewidth": 1.2},
        label=msg("mean", lang),
    )
    if previous is not None and not previous.empty and previous.date is not None:
        means = [(row, previous.factor(f.key).mean) for row, f in zip(rows, factors, strict=True)]
        before = [(row, mean) for row, mean in means if mean is not None]
        axes.scatter(
            [mean for _, mean in before],
            [row for row, _ in before],
            marker="D",
            facecolor="white",
            edgecolor=INK,
            zorder=4,
            label=msg("previous", lang, date=day_month_year(previous.date, lang)),
        )

    axes.set_yticks(rows, labels)
    axes.invert_yaxis()
    axes.set_xlabel(msg("axis", lang))
    style_axes(axes)
    subtitle = msg(
        "subtitle",
        lang,
        date=day_month_year(result.date, lang),
        n=result.n_raters,
        total=number(result.total, lang),
        max_total=number(result.max_total, lang),
    )
    set_titles(figure, axes, msg("title", lang), subtitle)
    notes = [scan.threshold.label(lang)]
    if any(marked):
        notes.append(msg("approximation", lang))
    if not all(scan[f.key].max_verified for f in factors):
        notes.append(msg("hatched", lang))
    legend_below(figure, notes=notes)
    return figure
