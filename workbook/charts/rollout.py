"""The rollout as a timeline: one bar per location, coloured by wave."""

from __future__ import annotations

from matplotlib import dates as mdates
from matplotlib.figure import Figure

from workbook.analysis.rollout import Schedule
from workbook.charts.style import (
    NEUTRAL,
    SERIES,
    date_axis,
    empty_figure,
    footnote,
    month_year,
    new_figure,
    number,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.i18n import Messages

msg = Messages(
    {
        "title": ("Uitrolplanning per locatie", "Rollout plan per location"),
        "subtitle": (
            "Van {start} tot {end}: {months} maanden, hoogstens {limit} locaties tegelijk.",
            "From {start} to {end}: {months} months, at most {limit} locations at the same time.",
        ),
        "no_wave": ("Zonder golf", "No wave"),
        "own_dates": ("gestreept: eigen data van de locatie", "hatched: the location's own dates"),
        "unscheduled": ("Nog niet ingepland: {names}", "Not yet scheduled: {names}"),
        "hint": (
            "Vul bij de volgorde van de locaties een startdatum in, of geef locaties een start- of einddatum.",
            "Fill in a start date for the rollout, or give locations a start or end date.",
        ),
    }
)


def rollout_gantt(schedule: Schedule, lang: str | None = None) -> Figure:
    """A bar from start to end per location, in rollout order (first at the top).

    When only some locations have their own dates, their bars are hatched. Without any scheduled location: the
    "nothing yet" figure.
    """
    lang = resolve(lang)
    if not schedule.slots:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    waves = list(dict.fromkeys(slot.wave for slot in schedule.slots))
    colours = {wave: SERIES[i % len(SERIES)] if wave else NEUTRAL for i, wave in enumerate(waves)}
    mixed = len({slot.own_dates for slot in schedule.slots}) == 2  # hatch only when it tells something
    figure = new_figure(0.45 * len(schedule.slots) + 2.0)
    axes = figure.add_subplot()
    for row, slot in enumerate(schedule.slots):
        start = mdates.date2num(slot.start)
        axes.barh(
            row,
            mdates.date2num(slot.end) - start,
            left=start,
            color=colours[slot.wave],
            hatch="//" if slot.own_dates and mixed else None,
            edgecolor="white",
            label=slot.wave or msg("no_wave", lang),
        )
    axes.set_yticks(range(len(schedule.slots)), [shorten(slot.name, 30) for slot in schedule.slots])
    axes.invert_yaxis()
    date_axis(axes.xaxis, lang)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    axes.set_axisbelow(True)
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    if len(waves) > 1 or waves[0]:
        axes.legend(unique.values(), unique.keys(), loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    style_axes(axes)
    subtitle = msg(
        "subtitle",
        lang,
        start=month_year(schedule.start, lang),
        end=month_year(schedule.end, lang),
        months=number(schedule.months, lang),
        limit=schedule.max_concurrent,
    )
    set_titles(figure, axes, msg("title", lang), subtitle)
    notes = [msg("own_dates", lang)] if mixed else []
    if schedule.unscheduled:
        notes.append(msg("unscheduled", lang, names=", ".join(schedule.unscheduled)))
    footnote(figure, notes)
    return figure
