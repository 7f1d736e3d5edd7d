"""Progress per goal: how far along the way from baseline to target."""

from __future__ import annotations

from collections.abc import Iterable
from textwrap import fill as wrap

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from workbook.analysis.progress import GoalProgress, OrganisationGoalProgress
from workbook.charts.style import (
    CONCERN,
    FONT_SIZE,
    GOOD,
    INK,
    NEUTRAL,
    empty_figure,
    new_figure,
    percent,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.language.i18n import Messages

SHOWN_MAX = 1.5  # bars beyond 150% of the way are cut off (the label still says how far)

msg = Messages(
    {
        "title": ("Voortgang per doel", "Progress per goal"),
        "axis": ("Deel van de weg van nulmeting naar streefwaarde", "Share of the way from baseline to target"),
        "target": ("Streefwaarde", "Target"),
        "on_track": ("Op schema", "On track"),
        "behind": ("Achter op schema", "Behind schedule"),
        "unknown": ("Nog niet te zeggen", "Cannot tell yet"),
        "no_measurement": ("nog geen meting", "no measurement yet"),
        "no_target": ("geen nulmeting of streefwaarde", "no baseline or target"),
        "hint": (
            "Leg SMART-doelen vast met nulmeting en streefwaarde, en voer metingen in.",
            "Record SMART goals with baseline and target, and enter measurements.",
        ),
    }
)


def _status(row: GoalProgress | OrganisationGoalProgress) -> tuple[float | None, bool | None]:
    """Share and on-track for a location row, or for a goal over all locations."""
    if isinstance(row, OrganisationGoalProgress):
        on_track = None if not row.locations else row.on_track == row.locations
        return row.mean_share, on_track
    return row.share, row.on_track


def _unmeasured(row: GoalProgress | OrganisationGoalProgress) -> bool:
    if isinstance(row, OrganisationGoalProgress):
        return row.locations == 0
    return row.latest is None


def goal_progress(rows: Iterable[GoalProgress | OrganisationGoalProgress], lang: str | None = None) -> Figure:
    """A bar per goal from 0 (baseline) to 1 (target), green on track, orange-red behind.

    Accepts the rows of ``analysis.progress.goal_progress`` (one location) or of
    ``organisation_progress`` (mean share over locations; on track when all measured
    locations are). Goals without a share get a note instead of a bar. Without goals: the
    "nothing yet" figure.
    """
    lang = resolve(lang)
    rows = list(rows)
    if not rows:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    meaning = {True: (GOOD, "on_track"), False: (CONCERN, "behind"), None: (NEUTRAL, "unknown")}
    figure = new_figure(0.65 * len(rows) + 1.9)
    axes = figure.add_subplot()
    shown = set()
    for index, row in enumerate(rows):
        share, on_track = _status(row)
        if share is None:
            note = "no_measurement" if _unmeasured(row) else "no_target"
            axes.text(0.01, index, msg(note, lang), va="center", color=NEUTRAL, fontsize=FONT_SIZE)
            continue
        colour, key = meaning[on_track]
        shown.add(on_track)
        bars = axes.barh(index, min(max(share, 0), SHOWN_MAX), color=colour)
        axes.bar_label(
            bars,
            labels=[percent(share, lang)],
            padding=3,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
    axes.axvline(1, color=INK, linewidth=1.2, linestyle="--", zorder=0)
    axes.text(1, -0.75, msg("target", lang), ha="center", va="bottom", color=INK, fontsize=FONT_SIZE - 1)
    axes.set_yticks(
        range(len(rows)), [wrap(shorten(f"{row.goal_id}: {row.text}", 76), 40, break_long_words=False) for row in rows]
    )
    axes.set_ylim(len(rows) - 0.5, -0.9)
    axes.set_xlim(0, SHOWN_MAX + 0.15)
    axes.xaxis.set_major_formatter(PercentFormatter(1.0))
    axes.set_xlabel(msg("axis", lang))
    legend = [Patch(color=meaning[k][0], label=msg(meaning[k][1], lang)) for k in (True, False, None) if k in shown]
    if legend:
        axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(-0.02, -0.16), ncols=3, frameon=False)
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang))
    return figure
