"""The anchoring map: which staff groups apply the new way of working, as concentric rings."""

from __future__ import annotations

import math
from collections.abc import Iterable
from textwrap import fill as wrap

from matplotlib.figure import Figure
from matplotlib.patches import Circle

from workbook.charts.style import FONT_SIZE, INK, WIDTH, empty_figure, new_figure, resolve, set_titles, shorten
from workbook.language.i18n import Messages
from workbook.model import AnchoringGroup, Ring

RINGS = list(Ring)  # from the core outwards
FILLS = {Ring.core: "#0072B2", Ring.close: "#56B4E9", Ring.outer: "#D7ECF8"}
TEXT_ON = {Ring.core: "white", Ring.close: INK, Ring.outer: INK}
GROUP_GID = "anchoring-group"

msg = Messages(
    {
        "title": ("Verankering: wie past de nieuwe werkwijze toe?", "Anchoring: who applies the new way of working?"),
        "hint": (
            "Vul bij Borging de verankering in kaart: welke medewerkersgroepen, in welke ring.",
            "Fill in the anchoring map under Sustainment: which staff groups, in which ring.",
        ),
    }
)


def _places(index: int, count: int) -> list[tuple[float, float]]:
    """Where the names of `count` groups go in ring `index`: stacked in the core; in the other
    rings spread along the band from the bottom upwards, keeping the top free for the ring's name.
    """
    if index == 0:
        return [(0.0, 0.15 - 0.75 * i / max(count - 1, 1)) if count > 1 else (0.0, -0.15) for i in range(count)]
    radius = index + 0.5
    spread = min(math.radians(140), math.radians(40) * (count - 1))
    angles = [-math.pi / 2 + (spread * (2 * i / (count - 1) - 1) if count > 1 else 0) for i in range(count)]
    return [(radius * math.cos(a), radius * math.sin(a)) for a in angles]


def anchoring_rings(groups: Iterable[AnchoringGroup], lang: str | None = None) -> Figure:
    """Three rings (core, close, outer) with each staff group's name placed in its ring.

    All three rings are always drawn, so an empty ring shows where nobody is yet. Without any
    group: the "nothing yet" figure.
    """
    lang = resolve(lang)
    groups = list(groups)
    if not groups:
        return empty_figure(msg("title", lang), msg("hint", lang), lang)

    figure = new_figure(WIDTH, WIDTH)
    axes = figure.add_subplot()
    for index in reversed(range(len(RINGS))):  # outer first, so inner rings sit on top
        ring = RINGS[index]
        axes.add_patch(Circle((0, 0), index + 1, facecolor=FILLS[ring], edgecolor="white", linewidth=2))
        label_y, width = (0.55, 16) if index == 0 else (index + 0.8, 40)
        axes.text(
            0,
            label_y,
            wrap(ring.label(lang), width),
            ha="center",
            va="center",
            fontsize=FONT_SIZE - 1,
            color=TEXT_ON[ring],
            fontweight="bold",
        )

    for index, ring in enumerate(RINGS):
        members = [g for g in groups if g.ring == ring]
        for (x, y), group in zip(_places(index, len(members)), members, strict=True):
            name = wrap(shorten(group.group, 48), 16, break_long_words=False)
            text = axes.text(x, y, name, ha="center", va="center", fontsize=FONT_SIZE - 1, color=TEXT_ON[ring])
            text.set_gid(GROUP_GID)

    axes.set_xlim(-3.1, 3.1)
    axes.set_ylim(-3.1, 3.1)
    axes.set_aspect("equal")
    axes.set_axis_off()
    set_titles(figure, axes, msg("title", lang))
    return figure
