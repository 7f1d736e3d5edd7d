"""A location's measurements over time: one small chart per goal, with its target."""

from __future__ import annotations

from textwrap import fill as wrap

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import blended_transform_factory

from workbook.analysis.progress import target_of
from workbook.charts.style import (
    ACCENT,
    FONT_SIZE,
    INK,
    date_axis,
    empty_figure,
    new_figure,
    number,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.language.i18n import Messages
from workbook.language.locale import format_number
from workbook.model import Location, Plan

TARGET_GID = "target"
BASELINE_GID = "baseline"
MEASURED_GID = "measured"

msg = Messages(
    {
        "title": ("Metingen in {location}", "Measurements at {location}"),
        "target": ("Streefwaarde {value}", "Target {value}"),
        "local_target": ("Lokale streefwaarde {value}", "Local target {value}"),
        "baseline": ("Nulmeting {value}", "Baseline {value}"),
        "measured": ("Gemeten", "Measured"),
        "hint": (
            "Voer metingen in voor deze locatie (datum, doel, waarde).",
            "Enter measurements for this location (date, goal, value).",
        ),
    }
)


def measurements_over_time(plan: Plan, location: Location, lang: str | None = None) -> Figure:
    """Per measured goal: the measurements as a line, the target (the location's own when set)
    as a dashed line and the baseline as a dotted one. Goals without measurements are left out;
    without any measurement: the "nothing yet" figure.
    """
    lang = resolve(lang)
    title = msg("title", lang, location=location.name)
    measured = [g for g in plan.goals if any(m.goal_id == g.id for m in location.measurements)]
    if not measured:
        return empty_figure(title, msg("hint", lang), lang)

    figure = new_figure(2.9 * len(measured) + 0.9)
    all_axes = figure.subplots(len(measured), 1, sharex=True, squeeze=False)[:, 0]
    for axes, goal in zip(all_axes, measured, strict=True):
        rows = sorted((m for m in location.measurements if m.goal_id == goal.id), key=lambda m: m.date)
        dates = [mdates.date2num(m.date) for m in rows]
        axes.plot(
            dates,
            [m.value for m in rows],
            color=ACCENT,
            marker="o",
            linewidth=2,
            label=msg("measured", lang),
            gid=MEASURED_GID,
        )
        target, local = target_of(goal, location)
        if target is not None:
            key = "local_target" if local else "target"
            label = msg(key, lang, value=number(target, lang, 0 if target.is_integer() else 1))
            axes.axhline(target, color=INK, linestyle="--", linewidth=1.5, label=label, gid=TARGET_GID)
            _name_line(axes, target, label)
        if goal.baseline is not None:
            label = msg("baseline", lang, value=number(goal.baseline, lang, 0 if goal.baseline.is_integer() else 1))
            axes.axhline(goal.baseline, color=INK, linestyle=":", linewidth=1.2, label=label, gid=BASELINE_GID)
            _name_line(axes, goal.baseline, label)
        levels = [m.value for m in rows] + [v for v in (target, goal.baseline) if v is not None]
        low, high = min(levels), max(levels)
        pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1)
        axes.set_ylim(low - pad, high + pad)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number_text(value, lang)))
        axes.set_title(
            wrap(shorten(f"{goal.id}: {goal.text}", 90), 48, break_long_words=False), loc="left", fontsize=FONT_SIZE
        )
        axes.set_ylabel(goal.unit)
        axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        style_axes(axes)
    date_axis(all_axes[-1].xaxis, lang)
    set_titles(figure, all_axes[0], title)
    return figure


def _name_line(axes, value: float, label: str) -> None:
    """The line's name written on it, at the right (no legend beside or under the chart)."""
    axes.text(
        1.0,
        value,
        label,
        transform=blended_transform_factory(axes.transAxes, axes.transData),
        ha="right",
        va="bottom",
        fontsize=FONT_SIZE - 1,
        color=INK,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8},
    )


def number_text(value: float, lang: str) -> str:
    """A tick label in the report's language: 2,4 in Dutch, without needless zeros."""
    return format_number(round(float(value), 6), lang)
