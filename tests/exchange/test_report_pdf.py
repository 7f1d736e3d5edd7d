"""``workbook build DIR --pdf`` on the demo: a location's report as a multi-page A4 PDF."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from workbook.cli import main
from workbook.exchange.pdf import DEFAULT_CHROMIUM
from workbook.settings import CHROMIUM_ENV

from .read_back import page_text


class _Headings(HTMLParser):
    """The text of every h1/h2 in an HTML page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2"):
            self._open = True
            self.found.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1] += data


def headings(html: Path) -> list[str]:
    parser = _Headings()
    parser.feed(html.read_text(encoding="utf-8"))
    return [squeeze(text) for text in parser.found if text.strip()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not DEFAULT_CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_a_demo_location_report_prints_to_a_multi_page_pdf(demo_project, artifacts, monkeypatch, capsys):
    slug = demo_project.location_slugs()[0]
    name = demo_project.load_location(slug).name
    command = ["build", str(demo_project.root), "--location", slug, "--pdf", "--jobs", "1"]
    html = demo_project.root / "build" / "reports" / f"{slug}.html"
    pdf = html.with_suffix(".pdf")

    # Without Chromium: the HTML report is built all the same, and the message says what to install.
    monkeypatch.setenv(CHROMIUM_ENV, str(demo_project.root / "geen-chromium"))
    assert main(command) == 1
    assert html.is_file() and not pdf.exists()
    output = capsys.readouterr()
    assert "Geen PDF gemaakt" in output.err and "HTML-rapporten zijn wel klaar" in output.err
    assert "index.html" in output.out
    built = html.stat().st_mtime_ns

    # With Chromium: the report is up to date, so only the missing PDF is made.
    monkeypatch.delenv(CHROMIUM_ENV)
    assert main(command) == 0
    assert pdf.is_file()
    assert html.stat().st_mtime_ns == built
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 1
    text = squeeze(" ".join(page_text(page) for page in reader.pages))
    assert name in text
    sections = headings(html)
    assert len(sections) > 3
    missing = [heading for heading in sections if heading not in text]
    assert not missing, f"section headings missing from the PDF's text: {missing}"
    shutil.copy(pdf, artifacts / "exchange-location-report.pdf")
