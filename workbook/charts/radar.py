"""The sustainability scan as a radar ("portal") diagram: each factor a spoke, the share of its maximum."""

from __future__ import annotations

import math
from textwrap import fill as wrap
from typing import cast

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from workbook import instruments
from workbook.analysis.sustainability import ScanScore
from workbook.charts.style import (
    ACCENT,
    INK,
    LIGHT,
    NEUTRAL,
    empty_figure,
    legend_below,
    new_figure,
    resolve,
    set_titles,
)
from workbook.language.i18n import Messages

msg = Messages(
    {
        "title": ("Borgingsscan in één oogopslag", "Sustainability scan at a glance"),
        "subtitle": (
            "Per factor hoeveel van het maximum het team haalt; de rand is 100%.",
            "Per factor how much of its maximum the team reaches; the edge is 100%.",
        ),
        "hint": ("Vul de borgingsscan in om dit diagram te zien.", "Fill in the scan to see this diagram."),
        "previous": ("vorige scan", "previous scan"),
        "latest": ("laatste scan", "latest scan"),
    }
)


def _shares(result: ScanScore) -> list[float]:
    return [(factor.mean or 0.0) / factor.max if factor.max else 0.0 for factor in result.factors]


def scan_radar(result: ScanScore, lang: str | None = None, previous: ScanScore | None = None) -> Figure:
    """A spoke per factor from the centre (0) to the edge (its maximum), the team's mean on it.

    With `previous`, the earlier scan is drawn as a grey outline. An empty scan gives the "nothing
    yet" figure.
    """
    lang = resolve(lang)
    if result.empty:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)
    scan = instruments.sustainability_scan()
    labels = [wrap(scan[factor.key].label(lang), 15, break_long_words=False) for factor in result.factors]
    angles = [2 * math.pi * index / len(labels) for index in range(len(labels))]
    figure = new_figure(5.6)
    # add_subplot is typed as giving plain Axes, whatever the projection
    axes = cast(PolarAxes, figure.add_subplot(projection="polar"))
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    closed = [*angles, angles[0]]
    if previous is not None and not previous.empty:
        shares = _shares(previous)
        axes.plot(
            closed, [*shares, shares[0]], color=NEUTRAL, linewidth=1.2, linestyle="--", label=msg("previous", lang)
        )
    shares = _shares(result)
    axes.plot(closed, [*shares, shares[0]], color=ACCENT, linewidth=2, label=msg("latest", lang))
    axes.fill(closed, [*shares, shares[0]], color=ACCENT, alpha=0.18)
    axes.set_ylim(0, 1)
    axes.set_yticks([0.25, 0.5, 0.75, 1.0], ["25%", "50%", "75%", "100%"], color=NEUTRAL, fontsize=8)
    axes.set_xticks(angles, labels, color=INK, fontsize=8)
    axes.grid(color=LIGHT)
    set_titles(figure, axes, msg("title", lang))
    legend_below(figure, None if previous is not None and not previous.empty else [], notes=[msg("subtitle", lang)])
    return figure
