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

from workbook.report.page import TEMPLATE, stylesheet
from workbook.resources import templates_dir


class ReportExporter(TemplateExporter):
    """HTML through the workbook template."""

    output_mimetype = "text/html"
    export_from_notebook = None

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".html"

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(templates_dir())]

    def report(self, nb: NotebookNode, lang: str, footer: str) -> str:
        """The report page of an executed notebook."""
        resources = {"workbook": {"lang": lang, "title": page_title(nb), "css": stylesheet(), "footer": footer}}
        html, _ = self.from_notebook_node(nb, resources=resources)
        return html


def page_title(nb: NotebookNode) -> str:
    """The title a report cell attached to its output (``Fragment(title=…)``), else empty."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            title = output.get("metadata", {}).get("text/html", {}).get("title")
            if title:
                return title
    return ""
