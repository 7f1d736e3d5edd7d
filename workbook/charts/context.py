"""Context diagnosis: per group, the weight of promoting against hindering factors."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from workbook.charts.style import (
    CONCERN,
    GOOD,
    INK,
    empty_figure,
    legend_below,
    new_figure,
    resolve,
    set_titles,
    style_axes,
)
from workbook.language.i18n import Messages
from workbook.model import ContextGroup, Effect, Plan

msg = Messages(
    {
        "title": ("Wat helpt en wat remt, per groep", "What helps and what holds back, per group"),
        "axis": (
            "Totaal gewicht van de factoren (links remmend, rechts helpend)",
            "Total weight of the factors (left holding back, right helping)",
        ),
        "hint": (
            "Vul in de contextdiagnose bevorderende en belemmerende factoren in.",
            "Fill in promoting and hindering factors in the context diagnosis.",
        ),
    }
)


def context_factors(plan: Plan, lang: str | None = None) -> Figure:
    """Two bars per context group: promoting weight to the right, hindering to the left.

    Each factor counts with its weight (1-3). Without factors: the "nothing yet" figure.
    """
    lang = resolve(lang)
    factors = plan.context.factors
    if not factors:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    groups = list(ContextGroup)
    totals = {
        effect: [sum(f.weight for f in factors if f.group == group and f.effect == effect) for group in groups]
        for effect in Effect
    }
    figure = new_figure(3.6)
    axes = figure.add_subplot()
    rows = range(len(groups))
    promoting = axes.barh(rows, totals[Effect.promoting], color=GOOD, label=Effect.promoting.label(lang))
    hindering = axes.barh(
        rows, [-w for w in totals[Effect.hindering]], color=CONCERN, label=Effect.hindering.label(lang)
    )
    for bars, values in ((promoting, totals[Effect.promoting]), (hindering, totals[Effect.hindering])):
        axes.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=3, color=INK)

    widest = max([*totals[Effect.promoting], *totals[Effect.hindering], 1])
    axes.set_xlim(-widest * 1.2, widest * 1.2)
    axes.axvline(0, color=INK, linewidth=1)
    axes.set_yticks(list(rows), [group.label(lang) for group in groups])
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    axes.set_xlabel(msg("axis", lang))
    legend_below(figure)
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang))
    return figure
