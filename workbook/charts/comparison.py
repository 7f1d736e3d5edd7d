"""All locations side by side: progress towards the targets and the latest sustainability scan."""

from __future__ import annotations

from collections.abc import Iterable

from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from workbook.analysis.comparison import LocationStanding
from workbook.charts.style import (
    ACCENT,
    FONT_SIZE,
    INK,
    NEUTRAL,
    empty_figure,
    footnote,
    new_figure,
    percent,
    resolve,
    set_titles,
    shorten,
    style_axes,
)
from workbook.instruments import sustainability_scan
from workbook.language.i18n import Messages

PROGRESS_MAX = 1.5  # bars beyond 150% of the way are cut off (the label still says how far)

msg = Messages(
    {
        "title": ("Locaties vergeleken", "Locations compared"),
        "progress": ("Op weg naar de streefwaarden", "On the way to the targets"),
        "progress_axis": ("Gemiddeld deel van nulmeting naar streefwaarde", "Mean share from baseline to target"),
        "scan": ("Laatste borgingsscan", "Latest sustainability scan"),
        "scan_axis": ("Score als deel van de hoogste score", "Score as a share of the highest score"),
        "target": ("Streefwaarde", "Target"),
        "rule": ("Vuistregel", "Rule of thumb"),
        "no_measurements": ("nog geen metingen", "no measurements yet"),
        "no_target": ("geen nulmeting of streefwaarde", "no baseline or target"),
        "no_scan": ("nog geen scan", "no scan yet"),
        "approximation": (
            "* de score gebruikt gewichten die een benadering zijn.",
            "* the score uses weights that are approximations.",
        ),
        "hint": (
            "Voeg locaties toe; hun metingen en borgingsscans komen hier naast elkaar te staan.",
            "Add locations; their measurements and sustainability scans will appear here side by side.",
        ),
    }
)


def _bar(axes, row: int, share: float, shown: float, colour: str, label: str) -> None:
    bars = axes.barh(row, min(max(share, 0.0), shown), height=0.6, color=colour)
    axes.bar_label(
        bars, labels=[label], padding=3, color=INK, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1}
    )


def _note(axes, row: int, text: str) -> None:
    axes.text(0.01, row, text, va="center", color=NEUTRAL, fontsize=FONT_SIZE, fontstyle="italic")


def _reference(axes, x: float, text: str) -> None:
    axes.axvline(x, color=INK, linewidth=1.2, linestyle="--", zorder=0)
    axes.text(x, -0.75, text, ha="center", va="bottom", color=INK, fontsize=FONT_SIZE - 1)


def location_comparison(rows: Iterable[LocationStanding], lang: str | None = None) -> Figure:
    """Per location (in the order given) a bar for its progress towards the targets and one for its
    latest scan score; its phase is written under its name (a phase is no judgement, so it takes no
    colour: green, orange and red say where a goal stands on the same page).

    Takes the rows of ``analysis.comparison.compare_locations``. A location without measurements
    or without a scan gets a note instead of a bar, never a bar of zero. Without locations: the
    "nothing yet" figure.
    """
    lang = resolve(lang)
    rows = list(rows)
    if not rows:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    scan = sustainability_scan()
    figure = new_figure(2 * (0.5 * len(rows) + 1.1) + 1.0)
    progress_axes, scan_axes = figure.subplots(2, 1)  # one above the other: readable on a phone
    unverified = False
    for index, row in enumerate(rows):
        colour = ACCENT
        if row.progress is not None:
            _bar(progress_axes, index, row.progress, PROGRESS_MAX, colour, percent(row.progress, lang))
        else:
            _note(progress_axes, index, msg("no_target" if row.measured else "no_measurements", lang))
        if row.scan_share is not None and row.scan is not None:  # (a share comes from a scan)
            marker = " *" if row.scan.unverified else ""
            unverified |= row.scan.unverified
            _bar(scan_axes, index, row.scan_share, 1.0, colour, percent(row.scan_share, lang) + marker)
        else:
            _note(scan_axes, index, msg("no_scan", lang))

    _reference(progress_axes, 1.0, msg("target", lang))
    _reference(scan_axes, scan.threshold.value / scan.max_total, msg("rule", lang))
    names = [f"{shorten(row.name, 28)}\n{row.phase.label(lang)}" for row in rows]
    for axes in (progress_axes, scan_axes):
        axes.set_yticks(range(len(rows)), names)
        axes.set_ylim(len(rows) - 0.5, -0.9)
    for axes, limit, title, label in (
        (progress_axes, PROGRESS_MAX + 0.2, "progress", "progress_axis"),
        (scan_axes, 1.2, "scan", "scan_axis"),
    ):
        axes.set_xlim(0, limit)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0))
        axes.set_xlabel(msg(label, lang))
        axes.set_title(msg(title, lang), loc="left", fontsize=FONT_SIZE, fontweight="bold", color=INK)
        style_axes(axes)

    set_titles(figure, progress_axes, msg("title", lang))
    notes = [scan.threshold.label(lang)]
    if unverified:
        notes.append(msg("approximation", lang))
    footnote(figure, notes)
    return figure
