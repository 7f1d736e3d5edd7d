"""Layout that fits: every page of the demo at a projector width and a phone width, and its PDFs.

- In headless Chromium, no report scrolls sideways at 1280 px or 375 px (wide tables scroll in
  their own box, long words break).
- Printed to PDF, no page ends with a heading whose content went to the next page, every page has
  the title and its number, and links to other reports point at their PDFs, relatively.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDTHS = (1280, 375)


def pages(built) -> list:
    reports = built.reports
    return [*sorted(reports.glob("*.html")), *sorted(reports.glob("*/*.html"))]


def test_no_report_scrolls_sideways_at_1280_or_375_px(built_demo, browser):
    every = pages(built_demo)
    assert len(every) == 4 * (len(built_demo.project.location_slugs()) + 2)  # the full set and three audiences
    too_wide = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in every:
            page.goto(path.as_uri(), wait_until="load")
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide.append((width, str(path.relative_to(built_demo.reports)), scroll))
        context.close()
    assert too_wide == []


def test_one_unbroken_long_string_does_not_widen_the_page(small_project, browser):
    from tests.build.conftest import run_build

    location = small_project.load_location("de-kolk")
    location.runbook[0].activity = "x" * 3000
    small_project.save_location(location)
    built = run_build(small_project, "--location", "de-kolk", "--audience", "team")
    assert built.code == 0, built.output
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto((built.reports / "de-kolk.html").as_uri(), wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_pdf_pages_keep_headings_with_their_content_and_carry_title_and_number(built_demo):
    pypdf = pytest.importorskip("pypdf")
    from workbook.exchange.pdf import print_reports

    reports = sorted(built_demo.reports.glob("*.html"))
    pdfs = print_reports(reports)
    stranded = []
    for report, pdf in zip(reports, pdfs, strict=True):
        source = report.read_text(encoding="utf-8")
        title = normalised(html.unescape(re.search(r"<title>(.*?)</title>", source, flags=re.S).group(1)))
        headings = {
            normalised(html.unescape(re.sub(r"<[^>]+>", "", text)))
            for text in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", source, flags=re.S)
        }
        reader = pypdf.PdfReader(pdf)
        for number, page in enumerate(reader.pages, start=1):
            lines = [normalised(line) for line in page.extract_text().splitlines() if line.strip()]
            assert f"{number} / {len(reader.pages)}" in lines, (pdf.name, number)
            assert title in lines, (pdf.name, number, lines[:3])
            content = [line for line in lines if line not in (title, f"{number} / {len(reader.pages)}")]
            if not content or content[-1] in headings:
                stranded.append((pdf.name, number, content[-1:] or "empty"))
    assert stranded == []


def test_pdf_links_to_other_reports_are_relative(built_demo):
    pytest.importorskip("pypdf")
    import pypdf

    from workbook.exchange.pdf import print_reports

    (index,) = print_reports([built_demo.reports / "index.html"])
    targets = []
    for page in pypdf.PdfReader(index).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                targets.append((str(action.get("/S")), str(action.get("/F", action.get("/URI", "")))))
    assert ("/GoToR", "plan.pdf") in targets
    assert ("/GoToR", "de-kolk.pdf") in targets
    assert not [target for target in targets if str(built_demo.reports) in target[1]]
