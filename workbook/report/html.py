"""What the report templates hand to a notebook: a ``Fragment`` of HTML, and charts as SVG data.

The HTML itself is written by the Jinja templates of ``report.render`` (autoescaped, so whatever a
user typed ends up as text, never as markup or script). Charts are embedded as SVG images
(``data:`` URLs), so a report needs nothing from outside.
"""

from __future__ import annotations

import base64
import html
import io
import re
import weakref
from typing import TYPE_CHECKING, Any

import matplotlib
from markupsafe import Markup
from matplotlib.figure import Figure

from workbook.report.audience import VARIANTS_MIME
from workbook.report.kept_charts import KeptChart, keep

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Fixed ids and no date in the SVG: the same chart gives the same bytes in every build. Text stays
# text (fonttype none): a third of the size and quicker to write than glyphs drawn as paths.
SVG_SETTINGS: dict[RcKeyType, Any] = {"svg.hashsalt": "workbook-report", "svg.fonttype": "none"}


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
        data: dict[str, object] = {"text/html": str(self.html)}
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


_SVG: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()
"""Each chart is drawn once, however many audiences' pages show it."""


def svg_data(figure: Figure | KeptChart) -> str:
    """`figure` as a base64 SVG, the same bytes for the same chart; a kept chart as it was kept."""
    if isinstance(figure, KeptChart):
        return figure.svg
    if figure not in _SVG:
        buffer = io.BytesIO()
        with matplotlib.rc_context(SVG_SETTINGS):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        keep(figure, buffer.getvalue())
        _SVG[figure] = base64.b64encode(buffer.getvalue()).decode("ascii")
    return _SVG[figure]
