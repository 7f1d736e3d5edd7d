"""Report sections as plain data: a section is a title and a list of blocks (a heading, a paragraph,
free text, a table, a chart, key figures, a box, a list of entries), rendered by one template,
``templates/workbook/fragments/blocks.html.j2``.

The plan report describes its chapters with these constructors; nothing here writes HTML. A table
cell is text, or a badge block (``badge``, ``badges``). ``markup`` passes a fragment that another
template already rendered (the board's box, RE-AIM per location).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from workbook.language.i18n import Messages
from workbook.report.render import render

Block = dict
msg = Messages({})


def heading(text: str, level: int = 3) -> Block:
    return {"kind": "heading", "text": text, "level": level}


def paragraph(text: str, cls: str = "") -> Block:
    return {"kind": "paragraph", "text": text, "cls": cls}


def long_text(text: str) -> Block:
    """Multi-line user text: line breaks kept, nothing interpreted."""
    return {"kind": "text", "text": text}


def meta(text: str) -> Block:
    """A small grey line, such as the date of an entry."""
    return {"kind": "meta", "text": text}


def strong(text: str) -> Block:
    return {"kind": "strong", "text": text}


def badge(text: str, tone: str = "neutral") -> Block:
    """A small status label; tone is good, warn, bad or neutral."""
    return {"kind": "badge", "text": text, "tone": tone}


def badges(items: Iterable[Block]) -> Block:
    """Several badges side by side, in one table cell."""
    return {"kind": "badges", "items": list(items)}


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str | Block]],
    numeric: Iterable[int] = (),
    nowrap: Iterable[int] = (),
    foot: Sequence[str] | None = None,
) -> Block:
    """A table; `numeric` columns align right, `nowrap` columns (dates) stay on one line."""
    kinds = {index: "nowrap" for index in nowrap} | {index: "number" for index in numeric}
    columns = [(header, kinds.get(index, "")) for index, header in enumerate(headers)]
    return {"kind": "table", "columns": columns, "rows": [list(row) for row in rows], "foot": foot}


def chart(figure, alt: str, caption: str = "") -> Block:
    """A chart as an embedded SVG; `alt` describes it for screen readers."""
    return {"kind": "chart", "figure": figure, "alt": alt, "caption": caption}


def tiles(figures: Sequence[tuple[str, str]]) -> Block:
    """Key figures: (value, label) pairs."""
    return {"kind": "tiles", "figures": list(figures)}


def box(cls: str, *blocks: Block) -> Block:
    """Blocks in a framed box: ``attention`` or ``all-well``."""
    return {"kind": "box", "cls": cls, "blocks": list(blocks)}


def entries(items: Iterable[Sequence[Block]]) -> Block:
    """A list of framed entries (PDCA cycles, lessons), each a list of blocks."""
    return {"kind": "entries", "items": [list(item) for item in items]}


def markup(html: Markup) -> Block:
    """A fragment another template already rendered."""
    return {"kind": "markup", "html": Markup(html)}


def section(anchor: str, title: str, *blocks: Block | None, lang: str = "nl") -> Markup:
    """A chapter of a report: a heading and its blocks (None is left out)."""
    return render("blocks.html.j2", msg, lang, anchor=anchor, title=title, blocks=[b for b in blocks if b])
