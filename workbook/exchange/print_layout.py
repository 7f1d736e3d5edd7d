"""How a printed report reads: the measures behind the print stylesheet, for the tests and the benchmark.

Two ways to look, each for what it sees best:

- In Chromium, laid out for print at the width of an A4 page (``A4_WIDTH_PX`` portrait,
  ``A4_LANDSCAPE_WIDTH_PX`` on the landscape page ``wide``): ``BROKEN_WORDS`` (a word of a table
  cell split over two lines), ``TABLE_FIT`` (each table's width against the page's, and its columns
  too narrow for their text).
- In the printed PDF, with poppler's ``pdftotext -layout`` (the text as it stands on the page):
  ``squeezed_pages`` (pages where text runs down one narrow column, a word or two a line) and
  ``split_words`` (a word broken over two lines), and ``page_count``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

# The page box the PDF printer uses (workbook.exchange.pdf.MARGIN): A4 less 14 mm left and right.
MM = 96 / 25.4
A4_WIDTH_PX = round((210 - 2 * 14) * MM)
A4_LANDSCAPE_WIDTH_PX = round((297 - 2 * 14) * MM)

BROKEN_WORDS = r"""
() => {
  // Every word (between spaces and hyphens: a break after a hyphen is a normal line break) whose
  // letters do not all stand on one line. Words of more than 20 characters (addresses, codes) may
  // break: a column cannot always be that wide on a phone.
  const broken = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\s\-‐‑–—]+/g)) {
        if (match[0].length < 2 || match[0].length > 20) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}
"""
"""A list of the words in table cells that are split over two lines, as the page is laid out now."""

TABLE_FIT = r"""
([portrait, landscape]) => {
  // Each table laid out at the width of the page it prints on (landscape inside an element whose
  // CSS page is "wide"), as wide as it wants: its width, the page's, and its squeezed columns (a
  // cell narrower than 8 em whose text takes five lines or more, a word or two a line).
  const found = [];
  for (const table of document.querySelectorAll('table')) {
    let wide = false;
    for (let e = table; e; e = e.parentElement) {
      if (getComputedStyle(e).page === 'wide') { wide = true; break; }
    }
    const section = table.closest('section');
    const heading = section ? section.querySelector('h2, h3') : null;
    const page = wide ? landscape : portrait;
    const holder = document.createElement('div');
    holder.style.width = page + 'px';
    const box = table.closest('.table-box') || table;
    box.before(holder);
    holder.append(box);
    const squeezed = [];
    for (const cell of table.querySelectorAll('td, th')) {
      const style = getComputedStyle(cell);
      const em = parseFloat(style.fontSize);
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const lineHeight = parseFloat(style.lineHeight) || em * 1.5;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
      const words = cell.textContent.trim().split(/\s+/).filter(Boolean).length;
      if (width < 8 * em && lines >= 5 && words / lines <= 3) squeezed.push(cell.textContent.trim().slice(0, 40));
    }
    found.push({
      section: heading ? heading.textContent.trim() : '',
      columns: table.rows.length ? table.rows[0].cells.length : 0,
      width: Math.ceil(table.getBoundingClientRect().width),
      page: page,
      landscape: wide,
      squeezed: squeezed,
    });
    holder.before(box);
    holder.remove();
  }
  return found;
}
"""
"""Every table with its width at the page it prints on: call with [A4_WIDTH_PX, A4_LANDSCAPE_WIDTH_PX]."""

SQUEEZED_RUN = 6
"""Lines in a row that hold only one short piece of text at the same place: a squeezed column."""
SQUEEZED_WIDTH = 24
"""The most characters a line of a squeezed column holds."""


def page_count(pdf: Path) -> int:
    """The number of pages of `pdf`."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def pdftotext() -> str | None:
    """poppler's pdftotext (Debian: poppler-utils), or None when it is not installed."""
    return shutil.which("pdftotext")


def layout_pages(pdf: Path) -> list[list[str]]:
    """The lines of each page of `pdf` as ``pdftotext -layout`` lays them out (columns kept in place)."""
    tool = pdftotext()
    if tool is None:
        raise FileNotFoundError("pdftotext (poppler-utils) is not installed")
    text = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout
    pages = text.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [unicodedata.normalize("NFKC", page).splitlines() for page in pages]


_PIECE = re.compile(r"\S+(?: \S+)*")
"""A piece of text on a layout line: words with single spaces between them (columns are further apart)."""


def squeezed_runs(lines: list[str]) -> list[list[str]]:
    """Runs of at least ``SQUEEZED_RUN`` lines where the only text is one short piece starting at the
    same column, and the lines are full of it (at least two words, or a word and a part of one): text
    wrapped into a column too narrow for it."""
    runs: list[list[str]] = []
    current: list[str] = []
    column = -1
    for line in lines:
        pieces = list(_PIECE.finditer(line))
        if len(pieces) == 1 and len(pieces[0][0]) <= SQUEEZED_WIDTH and pieces[0].start() == column:
            current.append(pieces[0][0])
            continue
        if len(current) >= SQUEEZED_RUN:
            runs.append(current)
        # A row of a table starts a run: its first line may have other columns beside it.
        current = [pieces[0][0]] if pieces and len(pieces[0][0]) <= SQUEEZED_WIDTH else []
        column = pieces[0].start() if current else -1
    if len(current) >= SQUEEZED_RUN:
        runs.append(current)
    return [run for run in runs if sum(len(piece.split()) for piece in run) >= 2 * len(run) - 1]


def squeezed_pages(pdf: Path) -> list[int]:
    """The numbers (from 1) of the pages of `pdf` with text squeezed into one narrow column."""
    return [number for number, lines in enumerate(layout_pages(pdf), start=1) if squeezed_runs(lines)]


_WORD = re.compile(r"[^\W\d_][\w'’]*", re.UNICODE)


def words_of(text: str) -> set[str]:
    """The words in `text` (letters first), as they are written."""
    return set(_WORD.findall(unicodedata.normalize("NFKC", text)))


def split_words(pdf: Path, vocabulary: set[str]) -> list[str]:
    """Words of `vocabulary` broken over two lines in `pdf` ("contro|lerondes"): a line whose last
    piece of text and the next line's first piece (in the same column) make a word of the
    vocabulary while the first half is no word of it. A break after a hyphen is a normal one."""
    broken = []
    for lines in layout_pages(pdf):
        for line, following in zip(lines, lines[1:], strict=False):
            last = list(_PIECE.finditer(line))
            first = list(_PIECE.finditer(following))
            if not last or not first:
                continue
            # The pieces of the same column: the last piece of this line that starts where one of the next does.
            for piece in last:
                below = [p for p in first if p.start() == piece.start()]
                if not below:
                    continue
                head = piece[0].split()[-1]
                tail = below[0][0].split()[0]
                if head.endswith(("-", "‐")):
                    continue
                start = head.strip(".,;:()'’\"*…")
                joined = (head + tail).strip(".,;:()'’\"*…")
                if start[:1].isalpha() and joined in vocabulary and start not in vocabulary:
                    broken.append(f"{head}|{tail}")
    return broken
