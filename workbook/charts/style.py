"""One look for every chart: colour-blind-safe colours, readable sizes, Dutch number and date formats.

Each meaning keeps one colour in every chart and on every page, and one colour has one meaning:

- green, orange and red judge: a goal's standing (``STANDING_COLOURS``, the families of the
  reports' badges), and good / promoting / for against a concern / hindering / against; grey is
  unknown or neutral. Nothing else is drawn in them.
- blue is a value measured or scored (the team's score, a measurement, a location's progress).
- groups that are no judgement (the waves of a rollout) take ``WAVE_COLOURS``: indigo, magenta
  and lavender, never green, orange, red, grey or blue; a location's phase is written, not coloured.

Every colour has at least 3:1 contrast on white (WCAG 2.1 for graphics); text at least 4.5:1.
Figures are plain ``matplotlib.figure.Figure`` objects: no pyplot state, safe with the Agg backend.
"""

from __future__ import annotations

import datetime as dt
from textwrap import fill as wrap

from babel.dates import format_skeleton
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from workbook.language.i18n import Messages, language
from workbook.language.locale import babel_locale, format_date, format_number, format_percent

GOOD = "#009E73"  # bluish green: promoting, supporter, on track
CONCERN = "#D55E00"  # vermillion: hindering, opponent, behind
NEUTRAL = "#707070"  # grey with enough contrast on white: neutral, unknown
ACCENT = "#0072B2"  # blue: the team's own score or measurement
LIGHT = "#E4E4E4"  # backgrounds: maxima, quadrants
INK = "#222222"  # text and reference lines
WAVE_COLOURS = ("#332288", "#AA4499", "#8591C2")
"""Waves of a rollout, in order; after the third the colours come back dotted, then crossed."""
WAVE_HATCHES = (None, "..", "xx")

STANDING_COLOURS = {
    "reached": "#006D4F",  # dark bluish green
    "on_track": "#009E73",  # bluish green
    "behind": "#C65400",  # dark vermillion
    "late": "#B3261E",  # red
    "missed": "#8E1B12",  # dark red
    "unknown": "#767676",  # grey
}
"""Where a goal stands (``analysis.progress.Standing``): one colour each, in the families of the
reports' badges (green good, orange behind, red late, grey unknown), all at least 3:1 on white."""

FONT_SIZE = 10
TITLE_SIZE = 13
WIDTH = 5.0
"""Inches. A chart is shown at its own width or narrower, never wider: on a laptop its text has the
size of the page's, on a 375 px phone it is shrunk to the screen with text still about 10 px, in
Word it fits the page. Legends go under the chart, long labels are wrapped."""

EMPTY = "workbook-empty"

msg = Messages(
    {
        "nothing": ("Nog niets om te tonen", "Nothing to show yet"),
    }
)


def resolve(lang: str | None) -> str:
    """`lang`, or the language in use."""
    return lang or language()


def new_figure(height: float, width: float = WIDTH) -> Figure:
    """A blank figure of the house size; no pyplot involved."""
    figure = Figure(figsize=(width, height), layout="constrained")
    figure.set_facecolor("white")
    return figure


TITLE_CHARS = 42
"""A title or subtitle line holds about this many characters at the house width (wrapped beyond)."""
LABEL_CHARS = 44
"""An axis label line holds about this many characters (wrapped beyond)."""


def set_titles(figure: Figure, axes, title: str, subtitle: str = "") -> None:
    """The chart's title (bold, top left) and an optional subtitle above the first axes, both wrapped."""
    figure.suptitle(
        wrap(title, TITLE_CHARS, break_long_words=False),
        x=0.01,
        ha="left",
        fontsize=TITLE_SIZE,
        fontweight="bold",
        color=INK,
    )
    if subtitle:
        axes.set_title(wrap(subtitle, TITLE_CHARS, break_long_words=False), loc="left", fontsize=FONT_SIZE, color=INK)


def legend_below(figure: Figure, handles: list | None = None, ncols: int = 2, notes: list[str] | None = None) -> None:
    """The legend under the chart, inside the figure (the layout makes room), never beside it: the
    given `handles`, or every labelled artist of the figure's axes once. `notes` (small grey lines)
    come last in the same box, one to a line, so that legend and notes never overlap; without
    anything to explain they are the chart's footnote."""
    if handles is None:
        found: dict[str, Artist] = {}
        for axes in figure.axes:
            for handle, label in zip(*axes.get_legend_handles_labels(), strict=True):
                found.setdefault(label, handle)
        handles = list(found.values())
    notes = [wrap(note, 2 * TITLE_CHARS, break_long_words=False) for note in notes or []]
    if not handles:
        footnote(figure, notes)
        return
    blank = [Line2D([], [], linestyle="none", label=note) for note in notes]
    legend = figure.legend(
        handles=handles + blank,
        loc="outside lower left",
        ncols=1 if notes else ncols,
        frameon=False,
        fontsize=FONT_SIZE,
        handlelength=1.6,
    )
    for text in legend.get_texts()[len(handles) :]:
        text.set_color(NEUTRAL)
        text.set_fontsize(FONT_SIZE - 1)


def footnote(figure: Figure, lines: list[str]) -> None:
    """Small grey notes under the chart (kept clear of it by the layout); a chart with a legend puts
    them in it (``legend_below``)."""
    if lines:
        figure.supxlabel("\n".join(lines), x=0.01, ha="left", fontsize=FONT_SIZE - 1, color=NEUTRAL)


def style_axes(axes) -> None:
    """House style: light frame, readable tick labels, long axis labels wrapped."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for axis in (axes.xaxis, axes.yaxis):
        text = axis.label.get_text()
        if len(text) > LABEL_CHARS and "\n" not in text:
            axis.label.set_text(wrap(text, LABEL_CHARS, break_long_words=False))
    axes.tick_params(labelsize=FONT_SIZE, colors=INK)
    axes.xaxis.label.set_size(FONT_SIZE)
    axes.yaxis.label.set_size(FONT_SIZE)


def empty_figure(title: str, hint: str, lang: str | None = None) -> Figure:
    """A small figure that says there is nothing to show yet, and what would fill it."""
    figure = new_figure(2.0)
    axes = figure.add_subplot()
    axes.set_axis_off()
    set_titles(figure, axes, title)
    axes.text(0.0, 0.6, msg("nothing", resolve(lang)), fontsize=FONT_SIZE + 1, color=INK, transform=axes.transAxes)
    axes.text(0.0, 0.3, hint, fontsize=FONT_SIZE, color=NEUTRAL, transform=axes.transAxes, wrap=True)
    figure.set_gid(EMPTY)
    return figure


def is_empty(figure: Figure) -> bool:
    """True when `figure` is the "nothing to show yet" figure."""
    return figure.get_gid() == EMPTY


def number(value: float, lang: str | None = None, decimals: int = 1) -> str:
    """`value` with a decimal comma in Dutch (8,5) and a point in English (8.5)."""
    return format_number(value, resolve(lang), decimals)


def percent(value: float, lang: str | None = None) -> str:
    """A share as a whole percentage: 0.5 -> "50%"."""
    return format_percent(value, resolve(lang))


def month_year(date: dt.date, lang: str | None = None) -> str:
    """ "mrt 2025" in Dutch, "Mar 2025" in English."""
    return format_skeleton("yMMM", date, locale=babel_locale(resolve(lang)))


def day_month(date: dt.date, lang: str | None = None) -> str:
    """ "1 mrt" in Dutch, "1 Mar" in English."""
    return format_skeleton("dMMM", date, locale=babel_locale(resolve(lang)))


def day_month_year(date: dt.date, lang: str | None = None) -> str:
    """ "1 mrt 2025" in Dutch, "1 Mar 2025" in English."""
    return format_date(date, resolve(lang), "medium")


SHORT_SPAN_DAYS = 100


def date_axis(axis, lang: str | None = None) -> None:
    """Date ticks with month names in the report's language (matplotlib's own follow the locale):
    "1 mrt" over a short span, "mrt 2025" over a longer one."""

    def label(value: float, _position: int) -> str:
        date = mdates.num2date(value).date()
        low, high = axis.get_view_interval()
        if high - low < SHORT_SPAN_DAYS:
            return day_month(date, lang)
        return month_year(date, lang).replace(" ", "\n", 1)  # "mrt" over "2025": narrow enough for a phone

    axis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    axis.set_major_formatter(FuncFormatter(label))


def shorten(text: str, length: int = 40) -> str:
    """`text` on one line, cut with an ellipsis when longer than `length`."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours ("#RRGGBB"): 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill: str) -> str:
    """White or ink, whichever reads better on `fill`."""
    return "white" if contrast(fill, "#FFFFFF") >= contrast(fill, INK) else INK
