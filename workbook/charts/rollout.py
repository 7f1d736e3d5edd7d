"""The rollout as a timeline: one bar per location, coloured by wave (never in a status colour)."""

from __future__ import annotations

import datetime as dt
from textwrap import fill as wrap

from matplotlib import dates as mdates
from matplotlib.figure import Figure

from workbook.analysis.rollout import Schedule
from workbook.charts.style import (
    INK,
    WAVE_COLOURS,
    WAVE_HATCHES,
    date_axis,
    empty_figure,
    legend_below,
    month_year,
    new_figure,
    number,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.language.i18n import Messages

msg = Messages(
    {
        "title": ("Uitrolplanning per locatie", "Rollout plan per location"),
        "subtitle": (
            "Van {start} tot {end}: {months} maanden; tot {most} locaties tegelijk (het plan: hoogstens {limit}).",
            "From {start} to {end}: {months} months; up to {most} locations at once (the plan: at most {limit}).",
        ),
        "today": ("vandaag", "today"),
        "planned": ("omlijnd: zoals gepland", "outlined: as planned"),
        "no_wave": ("Zonder golf", "No wave"),
        "own_dates": ("gestreept: eigen data van de locatie", "hatched: the location's own dates"),
        "unscheduled": ("Nog niet ingepland: {names}", "Not yet scheduled: {names}"),
        "hint": (
            "Vul bij de volgorde van de locaties een startdatum in, of geef locaties een start- of einddatum.",
            "Fill in a start date for the rollout, or give locations a start or end date.",
        ),
    }
)


def _look(index: int | None) -> tuple[str, str, str | None]:
    """Fill, edge and hatch of a wave's bars: the wave colours in order (dotted, then crossed, after the
    last one); a location in no wave is an outline."""
    if index is None:
        return "white", INK, None
    colour = WAVE_COLOURS[index % len(WAVE_COLOURS)]
    return colour, "white", WAVE_HATCHES[index // len(WAVE_COLOURS) % len(WAVE_HATCHES)]


def rollout_gantt(
    schedule: Schedule, lang: str | None = None, today: dt.date | None = None, planned: Schedule | None = None
) -> Figure:
    """A bar from start to end per location, sorted by start (first at the top), with a line for today.

    When only some locations have their own dates, their bars are hatched. With `planned` (the plan's own
    schedule), an outline shows where a location was planned when that differs. Without any scheduled
    location: the "nothing yet" figure.
    """
    lang = resolve(lang)
    first, last = schedule.start, schedule.end
    if first is None or last is None:  # no location scheduled
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    waves = list(dict.fromkeys(slot.wave for slot in schedule.slots))
    looks = {wave: _look(waves.index(wave) if wave else None) for wave in waves}
    mixed = len({slot.own_dates for slot in schedule.slots}) == 2  # hatch only when it tells something
    slots = sorted(schedule.slots, key=lambda slot: (slot.start, slot.end))
    plan = {slot.slug: slot for slot in planned.slots} if planned is not None else {}
    shifted = False
    figure = new_figure(0.45 * len(slots) + 2.0)
    axes = figure.add_subplot()
    for row, slot in enumerate(slots):
        was = plan.get(slot.slug)
        if was is not None and (was.start, was.end) != (slot.start, slot.end):
            shifted = True
            axes.barh(
                row,
                mdates.date2num(was.end) - mdates.date2num(was.start),
                left=mdates.date2num(was.start),
                height=0.8,
                fill=False,
                edgecolor=INK,
                linewidth=1.0,
                linestyle="--",
            )
        start = mdates.date2num(slot.start)
        face, edge, hatch = looks[slot.wave]
        if slot.own_dates and mixed:
            hatch = (hatch or "") + "//"
        axes.barh(
            row,
            mdates.date2num(slot.end) - start,
            left=start,
            color=face,
            hatch=hatch,
            edgecolor=edge,
            height=0.55,
            label=slot.wave or msg("no_wave", lang),
        )
    if today is not None:
        axes.axvline(mdates.date2num(today), color=INK, linewidth=1.2)
        axes.text(mdates.date2num(today), -0.8, msg("today", lang), ha="center", va="bottom", color=INK)
    axes.set_yticks(range(len(slots)), [wrap(shorten(slot.name, 40), 16, break_long_words=False) for slot in slots])
    axes.set_ylim(len(slots) - 0.5, -1.1)
    date_axis(axes.xaxis, lang)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    axes.set_axisbelow(True)
    style_axes(axes)
    subtitle = msg(
        "subtitle",
        lang,
        start=month_year(first, lang),
        end=month_year(last, lang),
        months=number(schedule.months, lang),
        most=schedule.most_at_once,
        limit=schedule.max_concurrent,
    )
    set_titles(figure, axes, msg("title", lang), subtitle)
    notes = [msg("own_dates", lang)] if mixed else []
    if shifted:
        notes.append(msg("planned", lang))
    if schedule.unscheduled:
        notes.append(msg("unscheduled", lang, names=", ".join(schedule.unscheduled)))
    legend_below(figure, [] if len(waves) == 1 and not waves[0] else None, notes=notes)
    return figure
