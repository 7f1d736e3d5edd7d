"""Printing HTML reports to PDF with Debian's headless Chromium."""

from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path

import pypdf
import pytest

from workbook.exchange.pdf import DEFAULT_CHROMIUM, PdfUnavailable, outdated, print_reports
from workbook.settings import CHROMIUM_ENV

from .read_back import page_text

needs_chromium = pytest.mark.skipif(not DEFAULT_CHROMIUM.exists(), reason="Debian's chromium is not installed")
A4_POINTS = (595.3, 841.9)  # 210 x 297 mm


def report(folder: Path, body: str, head: str = "") -> Path:
    path = folder / "rapport.html"
    path.write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )
    return path


@pytest.mark.browser
@needs_chromium
def test_a_report_becomes_an_a4_pdf_beside_it(tmp_path):
    rows = "".join(f"<tr><td>Activiteit {i}</td><td>Cliënten en collega's</td></tr>" for i in range(120))
    html = report(tmp_path, f"<h1>Woonzorg 't Holt – Ærø</h1><table>{rows}</table>")
    [pdf] = print_reports([html])
    assert pdf == tmp_path / "rapport.pdf"
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width == pytest.approx(A4_POINTS[0], abs=2) and height == pytest.approx(A4_POINTS[1], abs=2)
    text = page_text(reader.pages[0])
    assert "Woonzorg 't Holt – Ærø" in text and "Cliënten en collega's" in text
    assert "Activiteit 119" in page_text(reader.pages[-1])


class _Counting(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        _Counting.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.browser
@needs_chromium
def test_nothing_is_fetched_from_a_network(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        head = f'<link rel="stylesheet" href="{base}/style.css"><script src="{base}/app.js"></script>'
        html = report(tmp_path, f'<p>Offline</p><img src="{base}/logo.png">', head)
        [pdf] = print_reports([html])
    finally:
        server.shutdown()
    assert "Offline" in page_text(pypdf.PdfReader(pdf).pages[0])
    assert _Counting.requests == []


def test_missing_chromium_is_a_clear_message_and_no_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "geen-chromium"))
    html = report(tmp_path, "<p>Rapport</p>")
    with pytest.raises(PdfUnavailable) as error:
        print_reports([html])
    assert "Chromium" in str(error.value) and "apt-get install chromium" in str(error.value)
    assert str(tmp_path / "geen-chromium") in str(error.value)
    assert not html.with_suffix(".pdf").exists()


def test_outdated_lists_reports_without_a_current_pdf(tmp_path):
    reports = []
    for name in ("printed", "changed-since", "never-printed"):
        (tmp_path / name).mkdir()
        reports.append(report(tmp_path / name, f"<p>{name}</p>"))
    printed, changed, never = reports
    for html in (printed, changed):
        html.with_suffix(".pdf").write_bytes(b"%PDF-1.4")
    later = changed.with_suffix(".pdf").stat().st_mtime + 10
    os.utime(changed, (later, later))
    assert outdated(reports) == [changed, never]
