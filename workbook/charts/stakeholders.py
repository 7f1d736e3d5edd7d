"""Stakeholders on the power/interest grid, coloured by their position."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from matplotlib.figure import Figure

from workbook.analysis.stakeholders import HIGH
from workbook.charts.style import (
    CONCERN,
    FONT_SIZE,
    GOOD,
    INK,
    LIGHT,
    NEUTRAL,
    empty_figure,
    legend_below,
    new_figure,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.instruments import Quadrant
from workbook.language.i18n import Messages
from workbook.model import Position, Stakeholder
from workbook.model.fields import field_label

STYLE = {  # colour and marker shape, so the position reads without colour too
    Position.supporter: (GOOD, "o"),
    Position.neutral: (NEUTRAL, "s"),
    Position.opponent: (CONCERN, "^"),
}
CORNERS = {  # (x, y, horizontal alignment, vertical alignment) in data coordinates
    Quadrant.manage_closely: (5.4, 5.4, "right", "top"),
    Quadrant.keep_satisfied: (0.6, 5.4, "left", "top"),
    Quadrant.keep_informed: (5.4, 0.6, "right", "bottom"),
    Quadrant.monitor: (0.6, 0.6, "left", "bottom"),
}
SPREAD = 0.18  # how far stakeholders with the same scores are moved apart

msg = Messages(
    {
        "title": ("Stakeholders: invloed en belang", "Stakeholders: power and interest"),
        "hint": (
            "Vul bij Stakeholders in wie er betrokken zijn, met invloed, belang en positie.",
            "Fill in under Stakeholders who is involved, with power, interest and position.",
        ),
    }
)


def _positions(stakeholders: list[Stakeholder]) -> list[tuple[float, float]]:
    """Grid positions; stakeholders on the same cell are spread on a small circle around it."""
    totals = Counter((s.interest, s.power) for s in stakeholders)
    seen: Counter = Counter()
    points = []
    for s in stakeholders:
        cell = (s.interest, s.power)
        index, count = seen[cell], totals[cell]
        seen[cell] += 1
        if count == 1:
            points.append((float(s.interest), float(s.power)))
            continue
        angle = 2 * math.pi * index / count + math.pi / 2
        points.append((s.interest + SPREAD * math.cos(angle), s.power + SPREAD * math.sin(angle)))
    return points


def stakeholder_grid(stakeholders: Iterable[Stakeholder], lang: str | None = None) -> Figure:
    """Interest (across) against power (up), a numbered dot per stakeholder, the names listed
    beside the grid by number, and the four quadrants named.

    Scores of 3 or more count as high, so the quadrant lines sit between 2 and 3.
    Without stakeholders: the "nothing yet" figure.
    """
    lang = resolve(lang)
    stakeholders = list(stakeholders)
    if not stakeholders:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    figure = new_figure(5.2 + 0.11 * len(stakeholders))
    axes = figure.add_subplot()
    line = HIGH - 0.5
    axes.axhspan(line, 5.5, xmin=(line - 0.5) / 5, color=LIGHT, zorder=0)
    axes.axvline(line, color=INK, linewidth=0.8, linestyle="--")
    axes.axhline(line, color=INK, linewidth=0.8, linestyle="--")
    for quadrant, (x, y, ha, va) in CORNERS.items():
        axes.text(x, y, quadrant.label(lang), ha=ha, va=va, fontsize=FONT_SIZE + 1, color=INK, fontweight="bold")

    points = _positions(stakeholders)
    for position, (colour, marker) in STYLE.items():
        members = [(p, s) for p, s in zip(points, stakeholders, strict=True) if s.position == position]
        numbers = [i + 1 for i, s in enumerate(stakeholders) if s.position == position]
        if not members:
            continue
        xs, ys = zip(*(p for p, _ in members), strict=True)
        axes.scatter(xs, ys, s=90, color=colour, marker=marker, edgecolor="white", zorder=3, label=position.label(lang))
        for number, (x, y) in zip(numbers, (p for p, _ in members), strict=True):
            axes.annotate(
                str(number),
                (x, y),
                xytext=(7, 3),
                textcoords="offset points",
                fontsize=FONT_SIZE - 1,
                color=INK,
                fontweight="bold",
            )

    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.set_xticks(range(1, 6))
    axes.set_yticks(range(1, 6))
    axes.set_xlabel(field_label(Stakeholder, "interest", lang))
    axes.set_ylabel(field_label(Stakeholder, "power", lang))
    names = [f"{i}  {shorten(s.name, 44)}" for i, s in enumerate(stakeholders, start=1)]
    legend_below(figure, notes=names)
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang))
    return figure
