"""Progress per goal: at one location how far along the way from baseline to target, over all
locations at how many locations each goal stands each way.

Both draw the standing that the tables beside them show (``analysis.progress``): its colour
(``STANDING_COLOURS``) and its words (``standing_words``), so a chart and its table cannot
disagree. Every bar or segment carries the id ``standing-<goal>-<standing>`` (and the count over
all locations), which the SVG keeps, so a test can read what the chart says.
"""

from __future__ import annotations

from collections.abc import Sequence
from textwrap import fill as wrap

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

from workbook.analysis.progress import ORDER, GoalProgress, OrganisationGoalProgress, Standing, standing_words
from workbook.charts.style import (
    FONT_SIZE,
    INK,
    NEUTRAL,
    STANDING_COLOURS,
    empty_figure,
    legend_below,
    new_figure,
    percent,
    resolve,
    set_titles,
    shorten,
    style_axes,
    text_on,
)
from workbook.language.i18n import Messages

SHOWN_MAX = 1.5  # bars beyond 150% of the way are cut off (the label still says how far)
INSIDE = 0.9  # from here on a bar's label is written inside it

msg = Messages(
    {
        "title": ("Voortgang per doel", "Progress per goal"),
        "axis": ("Deel van de weg van nulmeting naar streefwaarde", "Share of the way from baseline to target"),
        "locations_axis": ("Aantal locaties", "Number of locations"),
        "locations_subtitle": (
            "Per doel: op hoeveel locaties het gehaald, op schema of achter is",
            "Per goal: at how many locations it is reached, on track or behind",
        ),
        "target": ("Streefwaarde", "Target"),
        "no_measurement": ("nog geen meting", "no measurement yet"),
        "no_target": ("geen nulmeting of streefwaarde", "no baseline or target"),
        "hint": (
            "Leg SMART-doelen vast met nulmeting en streefwaarde, en voer metingen in.",
            "Record SMART goals with baseline and target, and enter measurements.",
        ),
    }
)


def gid(goal_id: str, standing: Standing, count: int | None = None) -> str:
    """The id a bar or segment carries in the SVG: the goal, its standing and, over all locations, the count."""
    return f"standing-{goal_id}-{standing.value}" + (f"-{count}" if count is not None else "")


def _label(goal_id: str, text: str) -> str:
    return wrap(shorten(f"{goal_id}: {text}", 60), 24, break_long_words=False)


def _legend(figure: Figure, shown: set[Standing], lang: str, extra: list[Patch] | None = None) -> None:
    """The standings drawn, best first, under the chart (inside the figure, never beside it)."""
    handles = [
        Patch(color=STANDING_COLOURS[standing.value], label=standing_words(standing, lang))
        for standing in ORDER
        if standing in shown
    ] + (extra or [])
    legend_below(figure, handles)


def goal_progress(rows: Sequence[GoalProgress] | Sequence[OrganisationGoalProgress], lang: str | None = None) -> Figure:
    """One location's rows (``analysis.progress.goal_progress``): a bar per goal from 0 (baseline)
    to 1 (target) in the colour of its standing, labelled with the share and the standing's words.

    The rows of ``organisation_progress``: per goal a bar of as many locations as measure it, in a
    segment per standing. Goals without a share or a measurement get a note instead of a bar.
    Without goals: the "nothing yet" figure.
    """
    lang = resolve(lang)
    over_locations = [row for row in rows if isinstance(row, OrganisationGoalProgress)]
    if over_locations:
        return _over_locations(over_locations, lang)
    one_location = [row for row in rows if isinstance(row, GoalProgress)]
    if one_location:
        return _one_location(one_location, lang)
    return empty_figure(msg("title", lang), msg("hint", lang), lang)


def _one_location(rows: list[GoalProgress], lang: str) -> Figure:
    figure = new_figure(0.75 * len(rows) + 2.1)
    axes = figure.add_subplot()
    shown: set[Standing] = set()
    for index, row in enumerate(rows):
        if row.share is None:
            note = "no_measurement" if row.latest is None else "no_target"
            axes.text(
                0.01,
                index,
                msg(note, lang),
                va="center",
                color=NEUTRAL,
                fontsize=FONT_SIZE,
                gid=gid(row.goal_id, row.standing),
            )
            continue
        shown.add(row.standing)
        share, colour = row.share, STANDING_COLOURS[row.standing.value]
        width = min(max(share, 0), SHOWN_MAX)
        bars = axes.barh(index, width, color=colour, gid=gid(row.goal_id, row.standing))
        label = f"{percent(share, lang)} · {standing_words(row.standing, lang)}"
        if width >= INSIDE:  # a long bar carries its label inside, so that it stays on a narrow chart
            axes.text(width - 0.03, index, label, ha="right", va="center", color=text_on(colour), fontsize=FONT_SIZE)
        else:
            axes.bar_label(
                bars,
                labels=[label],
                padding=3,
                color=INK,
                fontsize=FONT_SIZE,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            )
    axes.axvline(1, color=INK, linewidth=1.2, linestyle="--", zorder=0)
    axes.text(1, -0.75, msg("target", lang), ha="center", va="bottom", color=INK, fontsize=FONT_SIZE - 1)
    axes.set_yticks(range(len(rows)), [_label(row.goal_id, row.text) for row in rows])
    axes.set_ylim(len(rows) - 0.5, -0.9)
    axes.set_xlim(0, SHOWN_MAX + 0.15)
    axes.xaxis.set_major_formatter(PercentFormatter(1.0))
    axes.set_xlabel(msg("axis", lang))
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang))
    _legend(figure, shown, lang)
    return figure


def _over_locations(rows: list[OrganisationGoalProgress], lang: str) -> Figure:
    figure = new_figure(0.75 * len(rows) + 2.6)
    axes = figure.add_subplot()
    widest = max(len(row.rows) for row in rows) or 1
    shown: set[Standing] = set()
    without = False
    for index, row in enumerate(rows):
        left = 0
        for standing in ORDER:
            count = row.counts.get(standing, 0)
            if not count:
                continue
            shown.add(standing)
            colour = STANDING_COLOURS[standing.value]
            axes.barh(
                index,
                count,
                left=left,
                color=colour,
                edgecolor="white",
                linewidth=1.5,
                gid=gid(row.goal_id, standing, count),
            )
            axes.text(
                left + count / 2, index, str(count), ha="center", va="center", color=text_on(colour), fontsize=FONT_SIZE
            )
            left += count
        if unmeasured := len(row.rows) - row.locations:
            axes.barh(index, unmeasured, left=left, color="white", edgecolor=NEUTRAL, linewidth=1, linestyle="--")
            axes.text(
                left + unmeasured / 2, index, str(unmeasured), ha="center", va="center", color=INK, fontsize=FONT_SIZE
            )
            without = True
    axes.set_yticks(range(len(rows)), [_label(row.goal_id, row.text) for row in rows])
    axes.set_ylim(len(rows) - 0.5, -0.6)
    axes.set_xlim(0, widest + 0.2)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(msg("locations_axis", lang))
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang), msg("locations_subtitle", lang))
    extra = [Patch(facecolor="white", edgecolor=NEUTRAL, linestyle="--", label=msg("no_measurement", lang))]
    _legend(figure, shown, lang, extra if without else [])
    return figure
