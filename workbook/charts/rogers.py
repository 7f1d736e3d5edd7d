"""Rogers' characteristics of the change: how favourable each is for spreading it."""

from __future__ import annotations

from collections.abc import Iterable
from textwrap import fill as wrap

from matplotlib.figure import Figure

from workbook.charts.style import CONCERN, GOOD, INK, NEUTRAL, empty_figure, new_figure, resolve, set_titles, style_axes
from workbook.instruments import rogers
from workbook.language.i18n import Messages
from workbook.model import Characteristic, RogersKey

msg = Messages(
    {
        "title": ("Kenmerken van de verandering", "Characteristics of the change"),
        "axis": (
            "Hoe gunstig voor verspreiding (1 = ongunstig, 5 = gunstig)",
            "How favourable for spreading (1 = unfavourable, 5 = favourable)",
        ),
        "reversed": ("{label} (omgekeerd: 5 = eenvoudig)", "{label} (reversed: 5 = simple)"),
        "hint": (
            "Geef in het verspreidingsplan de kenmerken van de verandering een score van 1 tot 5.",
            "Score the characteristics of the change from 1 to 5 in the spread plan.",
        ),
    }
)


def favourable(characteristic: Characteristic) -> int | None:
    """The score turned so that 5 is always favourable (complexity is reverse-scored)."""
    if characteristic.score is None:
        return None
    return 6 - characteristic.score if rogers()[characteristic.key].reverse_scored else characteristic.score


def _colour(value: int) -> str:
    return GOOD if value >= 4 else CONCERN if value <= 2 else NEUTRAL


def rogers_profile(characteristics: Iterable[Characteristic], lang: str | None = None) -> Figure:
    """One bar per scored characteristic, in the usual order; longer is more favourable.

    Without any scored characteristic: the "nothing yet" figure.
    """
    lang = resolve(lang)
    scored = {c.key: c for c in characteristics if c.score is not None}
    if not scored:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    keys = [key for key in RogersKey if key in scored]
    values = [value for key in keys if (value := favourable(scored[key])) is not None]  # all: each has a score
    labels = [
        wrap(
            msg("reversed", lang, label=key.label(lang)) if rogers()[key].reverse_scored else key.label(lang),
            22,
            break_long_words=False,
        )
        for key in keys
    ]
    figure = new_figure(0.55 * len(keys) + 1.6)
    axes = figure.add_subplot()
    bars = axes.barh(range(len(keys)), values, color=[_colour(v) for v in values])
    axes.bar_label(bars, padding=3, color=INK)
    axes.set_yticks(range(len(keys)), labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 5.4)
    axes.set_xticks(range(0, 6))
    axes.set_xlabel(msg("axis", lang))
    style_axes(axes)
    set_titles(figure, axes, msg("title", lang))
    return figure
