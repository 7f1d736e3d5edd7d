"""Building blocks of a Word document: headings, text, tables with a header row, figures."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from matplotlib.figure import Figure
from pydantic import BaseModel

from workbook.charts import is_empty
from workbook.exchange.values import clean, show
from workbook.fields import field_label

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21), Cm(29.7), Cm(2)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
TABLE_FONT = Pt(9)
CHAR_WIDTH, CELL_PADDING = Cm(0.23), Cm(0.45)  # at 9 pt, generous enough for bold header text
SHORT_TEXT = 16  # a column whose values are all this short is kept on one line
LONG_WORD = 12  # words longer than this in a text column may wrap
FIGURE_WIDTH, FIGURE_MAX_HEIGHT = Cm(16), Cm(11)
FIGURE_DPI = 150


def set_up_page(doc: Document, lang: str) -> None:
    """A4 with 2 cm margins, and the proofing language of the text."""
    for section in doc.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    properties = normal.element.get_or_add_rPr()
    for existing in properties.findall(qn("w:lang")):
        properties.remove(existing)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB" if lang == "en" else "nl-NL")
    properties.append(language)


def heading(doc: Document, text: str, level: int) -> None:
    """A real Word heading (Heading 1, 2, ...), so the navigation pane lists it."""
    doc.add_heading(clean(text), level=level)


def text(doc: Document, value: str) -> None:
    """Free text as paragraphs: one per blank-line separated block, line breaks kept."""
    for block in clean(value).strip().split("\n\n"):
        if block.strip():
            doc.add_paragraph(block.strip())


def labelled(doc: Document, label: str, value: str) -> None:
    """``Label: value`` with the label in bold; nothing when the value is empty."""
    if not value:
        return
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{clean(label)}: ").bold = True
    paragraph.add_run(clean(value))


def note(doc: Document, sentence: str) -> None:
    """A sentence in italics, e.g. to say a section has nothing in it yet."""
    doc.add_paragraph().add_run(clean(sentence)).italic = True


def bullets(doc: Document, items: Sequence[str]) -> None:
    """A bulleted list."""
    for item in items:
        doc.add_paragraph(clean(item), style="List Bullet")


def table(doc: Document, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A Word table whose first row is a bold header that repeats on every page.

    Columns get a width that fits their content; rows do not break across pages.
    """
    rows = [[clean(value) for value in values] for values in rows]
    widths = column_widths(headers, rows)
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    _fill(grid.rows[0], [clean(h) for h in headers], widths, bold=True)
    _row_flag(grid.rows[0], "w:tblHeader")
    for values in rows:
        row = grid.add_row()
        _row_flag(row, "w:cantSplit")
        _fill(row, values, widths)
    doc.add_paragraph()
    return grid


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """Column widths (EMU) that fill the text width and suit what each column holds.

    Short columns (codes, dates, numbers) get room for their longest value on one line and
    their header's longest word. Text columns share the rest, each at least as wide as a
    long word, and the more text a column holds on average, the wider it gets.
    """
    widths: list[float | None] = []
    floors, weights = {}, {}
    for number, header in enumerate(headers):
        values = [row[number] for row in rows]
        header_word = max((len(word) for word in header.split()), default=1)
        longest = max((len(value) for value in values), default=0)
        if longest <= SHORT_TEXT:
            widths.append(CELL_PADDING + CHAR_WIDTH * max(longest, header_word))
            continue
        widths.append(None)
        longest_word = max((len(word) for value in [header, *values] for word in value.split()), default=1)
        floors[number] = CELL_PADDING + CHAR_WIDTH * min(longest_word, LONG_WORD)
        weights[number] = math.sqrt(sum(len(value) for value in values) / max(len(values), 1))
    spare = TEXT_WIDTH - sum(w for w in widths if w is not None) - sum(floors.values())
    for number, floor in floors.items():
        widths[number] = floor + max(spare, 0) * weights[number] / sum(weights.values())
    total = sum(widths)
    if spare > 0 and floors:
        return [int(w) for w in widths]
    return [int(w * TEXT_WIDTH / total) for w in widths]


def _fill(row, values: Sequence[str], widths: Sequence[int], bold: bool = False) -> None:
    for cell, value, width in zip(row.cells, values, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(value)
        run.font.size = TABLE_FONT
        run.bold = bold or None


def record_table(
    doc: Document, model: type[BaseModel], records: Sequence[BaseModel], names: Sequence[str], lang: str
) -> Table:
    """A table of `records` with the model's own labels for the columns `names`."""
    headers = [field_label(model, name, lang) for name in names]
    rows = [[show(getattr(record, name), lang) for name in names] for record in records]
    return table(doc, headers, rows)


def figure(doc: Document, chart: Figure) -> None:
    """A chart as a PNG picture across the text width; nothing for a "nothing to show yet" chart.

    Sections say in a sentence when they are empty, so such a chart would only repeat that.
    """
    if is_empty(chart):
        return
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=FIGURE_DPI)
    buffer.seek(0)
    width_inches, height_inches = chart.get_size_inches()
    width = min(FIGURE_WIDTH, int(FIGURE_MAX_HEIGHT * width_inches / height_inches))
    doc.add_picture(buffer, width=width)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _row_flag(row, tag: str) -> None:
    """Set an on/off property (e.g. repeat as header, do not split) on a table row."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    properties.append(flag)
