"""The year plan's chart: the team's capacity against the hours placed, per quarter."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from workbook.charts.style import ACCENT, CONCERN, INK, LIGHT, new_figure, number, resolve, set_titles, style_axes
from workbook.language.i18n import Messages
from workbook.portfolio.yearplan import YearPlan

msg = Messages(
    {
        "title": ("Capaciteit en geplande uren per kwartaal", "Capacity and planned hours per quarter"),
        "capacity": ("Capaciteit", "Capacity"),
        "planned": ("Gepland", "Planned"),
        "full": ("Gepland, kwartaal vol", "Planned, quarter full"),
        "hours": ("uren", "hours"),
    }
)


def capacity_chart(plan: YearPlan, lang: str | None = None) -> Figure:
    """Grey bars for the capacity, blue bars for the hours placed (red when a quarter is full), labelled.

    The legend stands under the chart, clear of the bars and their labels.
    """
    lang = resolve(lang)
    quarters = sorted(plan.capacity)
    figure = new_figure(3.4)
    axes = figure.add_subplot()
    style_axes(axes)
    xs = range(len(quarters))
    capacity = [plan.capacity[q] for q in quarters]
    planned = [plan.planned[q] for q in quarters]
    full = [plan.planned[q] >= plan.capacity[q] > 0 for q in quarters]
    axes.bar([x - 0.2 for x in xs], capacity, width=0.4, color=LIGHT, edgecolor=INK)
    colours = [CONCERN if f else ACCENT for f in full]
    axes.bar([x + 0.2 for x in xs], planned, width=0.4, color=colours)
    for x, value in zip(xs, capacity, strict=True):
        axes.annotate(number(value, lang, 0), (x - 0.2, value), ha="center", va="bottom", fontsize=9, color=INK)
    for x, value in zip(xs, planned, strict=True):
        axes.annotate(number(value, lang, 0), (x + 0.2, value), ha="center", va="bottom", fontsize=9, color=INK)
    axes.set_xticks(list(xs), [f"Q{q}" for q in quarters])
    axes.set_ylabel(msg("hours", lang))
    axes.set_ylim(0, max([*capacity, *planned, 1]) * 1.15)
    legend = [Patch(facecolor=LIGHT, edgecolor=INK, label=msg("capacity", lang))]
    if not all(full):
        legend.append(Patch(color=ACCENT, label=msg("planned", lang)))
    if any(full):
        legend.append(Patch(color=CONCERN, label=msg("full", lang)))
    figure.legend(handles=legend, loc="outside lower left", ncols=len(legend), fontsize=9, frameon=False)
    set_titles(figure, axes, msg("title", lang))
    return figure
