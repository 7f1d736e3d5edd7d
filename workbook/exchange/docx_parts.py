"""Building blocks of a Word document: headings, text, tables with a header row, figures."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font

from workbook.analysis.small_cells import Count
from workbook.charts import is_empty
from workbook.exchange.values import clean, show, show_amount
from workbook.report import formats
from workbook.report.tables import ShownColumn, ShownTable

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21), Cm(29.7), Cm(2)
TEXT_WIDTH, LANDSCAPE_WIDTH = PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN
FONT = "Arial"
TABLE_FONT, SMALLEST_FONT = Pt(9), Pt(6.5)
CELL_PADDING = Cm(0.42)  # Word's cell margins and borders
SHORT_TEXT = 16  # a column whose values are all this short is kept on one line
FIGURE_WIDTH, FIGURE_MAX_HEIGHT = Cm(16), Cm(11)
FIGURE_DPI = 150


def set_up_page(doc: Document, lang: str) -> None:
    """A4 with 2 cm margins, "Pagina 3 van 12" at the foot of every page, and the proofing language."""
    for section in doc.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        _page_numbers(section.footer.paragraphs[0], lang)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    # Arial everywhere Word runs, and its metric twin (Liberation Sans) in LibreOffice: the column
    # widths below are measured for it.
    normal.font.name = FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    properties = normal.element.get_or_add_rPr()
    for existing in properties.findall(qn("w:lang")):
        properties.remove(existing)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB" if lang == "en" else "nl-NL")
    properties.append(language)


def _page_numbers(paragraph, lang: str) -> None:
    """ "Pagina {PAGE} van {NUMPAGES}" as Word fields, centred."""
    page, of = ("Page", "of") if lang == "en" else ("Pagina", "van")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{page} ")
    _field(paragraph, "PAGE")
    paragraph.add_run(f" {of} ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


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

    Columns get a width that fits their content, wide enough for their longest word; rows do not
    break across pages.
    """
    rows = [[clean(value) for value in values] for values in rows]
    widths, size = column_widths(headers, rows)
    wide = size.pt <= SMALLEST_FONT.pt and _too_wide(headers, rows, TEXT_WIDTH)
    if wide:  # too many long words for a portrait page: this table gets a landscape page of its own
        _orientation(doc, WD_ORIENT.LANDSCAPE)
        widths, size = column_widths(headers, rows, LANDSCAPE_WIDTH)
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    _fill(grid.rows[0], [clean(h) for h in headers], widths, size, bold=True)
    _row_flag(grid.rows[0], "w:tblHeader")
    for values in rows:
        row = grid.add_row()
        _row_flag(row, "w:cantSplit")
        _fill(row, values, widths, size)
    doc.add_paragraph()
    if wide:
        _orientation(doc, WD_ORIENT.PORTRAIT)
    return grid


def _orientation(doc: Document, orientation: WD_ORIENT) -> None:
    """Continue on a new page in `orientation` (the page number footer carries on)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = orientation
    landscape = orientation == WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)


def _too_wide(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> bool:
    """True when the longest words do not fit `width` even at the smallest font."""
    return sum(_floors(headers, rows)[0]) * SMALLEST_FONT.pt / TABLE_FONT.pt + CELL_PADDING * len(headers) > width


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], text_width: int = TEXT_WIDTH
) -> tuple[list[int], Pt]:
    """Column widths (EMU) that fill the text width and suit what each column holds, and the font size.

    Every column is at least as wide as its longest word (header included, in bold), so no word is
    broken. Short columns (codes, dates, numbers, amounts) get room for their longest value on one
    line. Text columns share the rest: the more text a column holds on average, the wider it gets.
    When the longest words alone do not fit the page, the table's font shrinks until they do (down
    to ``SMALLEST_FONT``). Words are measured in DejaVu Sans, which is wider than Arial, so what fits
    here fits in Word and in LibreOffice.
    """
    floors, weights = _floors(headers, rows)
    padding = CELL_PADDING * len(headers)
    scale = max(min(1.0, (text_width - padding) / max(sum(floors), 1)), SMALLEST_FONT.pt / TABLE_FONT.pt)
    widths = [CELL_PADDING + floor * scale for floor in floors]
    spare = text_width - sum(widths)
    if spare > 0:
        share = weights or dict.fromkeys(range(len(widths)), 1.0)
        for number, weight in share.items():
            widths[number] += spare * weight / sum(share.values())
    total = sum(widths)
    return [int(w * text_width / total) for w in widths], Pt(TABLE_FONT.pt * scale)


def _floors(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[list[int], dict[int, float]]:
    """Per column the width of its widest word (or whole value, for short columns) at the table font,
    and the weight of each text column (by how much text it holds)."""
    floors, weights = [], {}
    for number, header in enumerate(headers):
        values = [row[number] for row in rows]
        widest = max((_width(word, bold=True) for word in header.split()), default=0)
        longest = max((len(value) for value in values), default=0)
        if longest <= SHORT_TEXT:
            widest = max(widest, *(_width(value) for value in values), 0)
        else:
            widest = max(widest, *(_width(word) for value in values for word in value.split()), 0)
            weights[number] = math.sqrt(sum(len(value) for value in values) / max(len(values), 1))
        floors.append(widest)
    return floors, weights


@cache
def _font(bold: bool) -> FT2Font:
    path = font_manager.findfont(FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal"))
    return FT2Font(path)


@cache
def _width(text: str, bold: bool = False) -> int:
    """The width (EMU) of `text` at the table font size, with a little room to spare."""
    font = _font(bold)
    font.set_size(TABLE_FONT.pt, 72)
    font.set_text(text)
    points = font.get_width_height()[0] / 64
    return int(Pt(points * 1.04))


def _fill(row, values: Sequence[str], widths: Sequence[int], size: Pt, bold: bool = False) -> None:
    for cell, value, width in zip(row.cells, values, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(value)
        run.font.size = size
        run.bold = bold or None


def declared_table(doc: Document, shown: ShownTable, total: str = "", note: str = "") -> Table:
    """A declared table (``report.tables``) as the audience may see it: ``shown`` has left out what
    it may not read; a table with totals ends in a row that starts with `total` and says `note` in
    its last column when that holds no total."""
    rows = [
        [cell_text(column, value, shown.cents) for column, value in zip(shown.columns, row, strict=True)]
        for row in shown.rows
    ]
    if shown.foot is not None:
        foot = [
            show_amount(shown.foot[c.name], shown.lang, shown.cents) if c.name in shown.foot else ""
            for c in shown.columns
        ]
        foot[0] = total
        if note and not foot[-1]:
            foot[-1] = note
        rows.append(foot)
    return table(doc, shown.headers, rows)


def cell_text(column: ShownColumn, value: object, cents: bool | None = None) -> str:
    """A value of a declared table's column as Word writes it: its declared words, a protected client
    count as "minder dan 5", an amount in euros (with cents as `cents` says for the whole table), other values as ``values.show`` writes them."""
    words = column.words(value)
    if words is not None:
        return words
    if isinstance(value, Count):
        return formats.protected(value, column.lang)
    if column.kind == "money" and isinstance(value, int | float):
        return show_amount(value, column.lang, cents)
    return show(value, column.lang)


def figure(doc: Document, chart: Figure, alt: str = "") -> None:
    """A chart as a PNG picture across the text width, with `alt` (else the chart's title) as its
    alternative text; nothing for a "nothing to show yet" chart.

    Sections say in a sentence when they are empty, so such a chart would only repeat that.
    """
    if is_empty(chart):
        return
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=FIGURE_DPI)
    buffer.seek(0)
    width_inches, height_inches = chart.get_size_inches()
    width = min(FIGURE_WIDTH, int(FIGURE_MAX_HEIGHT * width_inches / height_inches))
    picture = doc.add_picture(buffer, width=width)
    picture._inline.docPr.set("descr", clean(alt or chart_title(chart)))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def chart_title(chart: Figure) -> str:
    """The title the chart shows (with its subtitle), to describe it to a screen reader."""
    title = chart.get_suptitle()
    subtitles = [axes.get_title(loc="left") for axes in chart.axes if axes.get_title(loc="left")]
    return ": ".join(part for part in (title, *subtitles[:1]) if part)


def _row_flag(row, tag: str) -> None:
    """Set an on/off property (e.g. repeat as header, do not split) on a table row."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    properties.append(flag)
