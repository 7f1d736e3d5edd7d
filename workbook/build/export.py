"""nbconvert with the workbook template: an executed notebook becomes a self-contained report.

The template (``templates/workbook``, installed with the package and found through
``extra_template_basedirs``) shows only the outputs of cells tagged ``report``: no code, no
prompts, no external scripts. Build one exporter per worker thread and reuse it: loading the
template is the expensive part.
"""

from __future__ import annotations

from nbconvert.exporters import TemplateExporter
from nbformat import NotebookNode
from traitlets import default

from workbook.build.engine import REPORT_TAG
from workbook.report.audience import VARIANTS_MIME, Audience
from workbook.report.glossary import glossary
from workbook.report.page import TEMPLATE, stylesheet
from workbook.resources import templates_dir


class ReportExporter(TemplateExporter):
    """HTML through the workbook template."""

    output_mimetype = "text/html"
    # not in Jupyter's "export as" menu; nbconvert types this str but its own default is None
    export_from_notebook = None  # type: ignore[assignment]

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".html"

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(templates_dir())]

    def report(self, nb: NotebookNode, lang: str, footer: str, audience: Audience | None = None) -> str:
        """The report page of an executed notebook: the full report, or `audience`'s version of it.

        The client council's page ends with a glossary of the terms it still uses.
        """
        settings = {
            "lang": lang,
            "title": page_title(nb),
            "css": stylesheet(),
            "footer": footer,
            "audience": audience.value if audience else "",
            "variants": VARIANTS_MIME,
            "glossary": glossary(report_html(nb, audience), lang) if audience == Audience.council else "",
        }
        html, _ = self.from_notebook_node(nb, resources={"workbook": settings})
        return html


def page_title(nb: NotebookNode) -> str:
    """The title a report cell attached to its output (``Fragment(title=…)``), else empty."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            title = output.get("metadata", {}).get("text/html", {}).get("title")
            if title:
                return title
    return ""


def report_html(nb: NotebookNode, audience: Audience) -> str:
    """The HTML of the report cells' outputs as `audience` sees them, one after the other."""
    parts = []
    for cell in nb.cells:
        if REPORT_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(data.get(VARIANTS_MIME, {}).get(audience.value, data.get("text/html", "")))
    return "\n".join(parts)
