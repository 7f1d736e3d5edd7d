"""Building the demo: every report, self-contained, readable, with provenance."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from workbook.build.targets import file_stem

pytestmark = pytest.mark.slow

# A resource fetched from elsewhere: src=, href= or url() pointing at http(s):// or a bare //host.
EXTERNAL = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)\s*(?:https?:)?//""", re.IGNORECASE)


def test_the_demo_builds_a_report_for_every_location_the_plan_and_an_overview(built_demo):
    assert built_demo.code == 0, built_demo.output
    slugs = built_demo.project.location_slugs()
    assert len(slugs) >= 5
    for slug in slugs:
        assert (built_demo.reports / f"{file_stem(slug)}.html").is_file()
        assert (built_demo.notebooks / f"{file_stem(slug)}.ipynb").is_file()
    assert (built_demo.reports / "plan.html").is_file()
    assert (built_demo.reports / "index.html").is_file()
    assert str(built_demo.reports / "index.html") in built_demo.output


def test_no_report_refers_to_anything_outside_itself(built_demo):
    for report in built_demo.reports.glob("*.html"):
        html = report.read_text(encoding="utf-8")
        assert not EXTERNAL.findall(html), report.name
        assert "<script" not in html.lower(), report.name


def test_the_external_reference_check_would_notice_one():
    samples = [
        '<script src="https://cdn.example/require.js">',
        "<link href='//fonts.example/css'>",
        "background: url( http://example.org/a.png)",
    ]
    assert all(EXTERNAL.search(sample) for sample in samples)
    assert not EXTERNAL.search('<img src="data:image/svg+xml;base64,PHN2Zz4=">')


def test_location_reports_stay_under_one_megabyte(built_demo):
    for slug in built_demo.project.location_slugs():
        assert (built_demo.reports / f"{file_stem(slug)}.html").stat().st_size < 1_000_000


def test_a_report_is_dutch_shows_no_code_and_starts_with_a_summary(built_demo):
    slug = "tweeeiken"
    html = (built_demo.reports / f"{slug}.html").read_text(encoding="utf-8")
    name = built_demo.project.load_location(slug).name
    assert '<html lang="nl">' in html
    assert f"<title>Voortgangsrapport {name}</title>" in html
    for code in ("LocationReport", "report.summary()", "import ", "show_step", "In&nbsp;["):
        assert code not in html
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[0] == "Samenvatting"
    assert {"Uitvoeringsteam", "Draaiboek en kosten", "Geschikte cliënten", "Borgingsscan"} <= set(headings)
    assert html.count("data:image/svg+xml;base64,") >= 3


def test_each_executed_notebook_records_its_provenance(built_demo):
    manifest = json.loads((built_demo.project.root / "build" / "manifest.json").read_text(encoding="utf-8"))
    slug = "de-kolk"
    nb = nbformat.read(built_demo.notebooks / f"{slug}.ipynb", as_version=4)
    provenance = nb.metadata["workbook"]
    assert provenance["parameters"] == {"project": str(built_demo.project.root), "location": slug}
    assert provenance["inputs"]["digest"] == manifest["targets"][f"location:{slug}"]["inputs"]
    assert f"locaties/{slug}.yaml" in provenance["inputs"]["files"]
    assert {"python", "workbook", "papermill", "nbconvert"} <= set(provenance["versions"])
    assert provenance["timings"]["execute_seconds"] > 0
    assert provenance["language"] == "nl"


def test_the_overview_links_every_location_and_the_plan(built_demo):
    html = (built_demo.reports / "index.html").read_text(encoding="utf-8")
    for slug in built_demo.project.location_slugs():
        assert f'href="{file_stem(slug)}.html"' in html
    assert 'href="plan.html"' in html
    assert '<html lang="nl">' in html
    assert html.count("actueel") >= len(built_demo.project.location_slugs())


@pytest.mark.browser
def test_pdf_prints_every_report_without_rebuilding(built_demo):
    # In a separate process: the session's Chromium (playwright) may be running in this one.
    command = [str(Path(sys.executable).parent / "workbook"), "build", str(built_demo.project.root), "--pdf"]
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Rapporten gemaakt: 0" in again.stdout
    for report in built_demo.reports.glob("*.html"):
        pdf = report.with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), report.name
