"""Small HTML building blocks for reports. Every value is escaped unless it is already markup.

Built on ``markupsafe``: ``Markup("<td>{}</td>").format(text)`` escapes `text`, so whatever a user
typed ends up as text on the page, never as markup or script. Charts are embedded as SVG images
(``data:`` URLs), so a report needs nothing from outside.
"""

from __future__ import annotations

import base64
import html
import io
import re
import weakref
from collections.abc import Iterable, Sequence

import matplotlib
from markupsafe import Markup, escape
from matplotlib.figure import Figure

from workbook.report.audience import VARIANTS_MIME

# Fixed ids and no date in the SVG: the same chart gives the same bytes in every build. Text stays
# text (fonttype none): a third of the size and quicker to write than glyphs drawn as paths.
SVG_SETTINGS = {"svg.hashsalt": "workbook-report", "svg.fonttype": "none"}


class Fragment:
    """A piece of a report: shows as HTML in a notebook, and can carry the page title.

    `variants` holds this piece for an audience whose version differs (an empty string: the
    audience does not see it); the build picks them from the output (see ``report.audience``).
    """

    def __init__(self, html: Markup | str, title: str = "", variants: dict[str, Markup | str] | None = None):
        self.html = Markup(html)
        self.title = title
        self.variants = {audience: str(text) for audience, text in (variants or {}).items() if text != html}

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/html": str(self.html)}
        if self.variants:
            data[VARIANTS_MIME] = self.variants
        metadata = {"text/html": {"title": self.title}} if self.title else {}
        return data, metadata

    def __html__(self) -> str:
        return str(self.html)

    def __str__(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        """The visible text, shortened: the same for the same report, unlike an object address."""
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(self.html))).split())
        return text if len(text) <= 100 else text[:99] + "…"


def join(parts: Iterable[Markup | str]) -> Markup:
    """Markup pieces (and escaped text) one after the other."""
    return Markup("").join(escape(part) for part in parts)


def element(name: str, content: Markup | str = "", cls: str = "", **attributes: str) -> Markup:
    """``<name class=…>content</name>``; attribute values and text content are escaped."""
    attrs = Markup("").join(Markup(' {}="{}"').format(key.rstrip("_"), value) for key, value in attributes.items())
    if cls:
        attrs = Markup(' class="{}"').format(cls) + attrs
    return Markup("<{}{}>{}</{}>").format(Markup(name), attrs, content, Markup(name))


def heading(text: str, level: int = 2, anchor: str = "") -> Markup:
    return element(f"h{level}", text, id=anchor) if anchor else element(f"h{level}", text)


def paragraph(text: str, cls: str = "") -> Markup:
    return element("p", text, cls=cls)


def long_text(text: str) -> Markup:
    """Multi-line user text: line breaks kept (CSS ``pre-line``), nothing interpreted."""
    return element("div", text, cls="text")


def section(anchor: str, title: str, *parts: Markup | str) -> Markup:
    """A chapter of a report: a heading and what follows."""
    return element("section", heading(title, 2) + join(parts), cls="chapter", id=anchor)


def badge(text: str, tone: str = "neutral") -> Markup:
    """A small status label; tone is good, warn, bad or neutral."""
    return element("span", text, cls=f"badge {tone}")


def bullet_list(items: Iterable[Markup | str], cls: str = "") -> Markup:
    return element("ul", join(element("li", item) for item in items), cls=cls)


def tiles(figures: Sequence[tuple[str, str]]) -> Markup:
    """Key figures: (value, label) pairs as tiles."""
    cells = (
        element("div", element("span", value, cls="value") + element("span", label, cls="label"), cls="figure-tile")
        for value, label in figures
    )
    return element("div", join(cells), cls="figures")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Markup | str]],
    numeric: Iterable[int] = (),
    foot: Sequence[Markup | str] | None = None,
    flagged: Iterable[int] = (),
    nowrap: Iterable[int] = (),
) -> Markup:
    """A table; `numeric` columns align right, `nowrap` columns (dates) stay on one line, `flagged`
    rows (by index) stand out."""
    classes = {index: "nowrap" for index in nowrap} | {index: "number" for index in numeric}
    flagged = set(flagged)

    def cells(values: Sequence[Markup | str], tag: str) -> Markup:
        return join(element(tag, value, cls=classes.get(index, "")) for index, value in enumerate(values))

    head = element("thead", element("tr", cells(headers, "th")))
    body = element(
        "tbody",
        join(element("tr", cells(row, "td"), cls="flagged" if i in flagged else "") for i, row in enumerate(rows)),
    )
    tail = element("tfoot", element("tr", cells(foot, "td"))) if foot else Markup("")
    return element("div", element("table", head + body + tail), cls="table-box")


_SVG: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()
"""Each chart is drawn once, however many audiences' pages show it."""


def svg_data(figure: Figure) -> str:
    """`figure` as a base64 SVG, the same bytes for the same chart."""
    if figure not in _SVG:
        buffer = io.BytesIO()
        with matplotlib.rc_context(SVG_SETTINGS):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        _SVG[figure] = base64.b64encode(buffer.getvalue()).decode("ascii")
    return _SVG[figure]


def chart(figure: Figure, alt: str, caption: str = "") -> Markup:
    """A chart embedded as an image; `alt` describes it for screen readers."""
    image = Markup('<img src="data:image/svg+xml;base64,{}" alt="{}">').format(svg_data(figure), alt)
    note = element("figcaption", caption) if caption else Markup("")
    return element("figure", image + note, cls="chart")
