"""Reports on paper: a location report laid out for print at the width of an A4 page, and printed.

Every table fits the page it prints on (portrait, or landscape for a table marked wide), no word of a
table cell is split over two lines, and the printed PDF has no page where text runs down one narrow
column (the squeezed goals table De Linde's report used to print).
"""

from __future__ import annotations

import re
import shutil

import pytest

from workbook.exchange.print_layout import (
    A4_LANDSCAPE_WIDTH_PX,
    A4_WIDTH_PX,
    BROKEN_WORDS,
    TABLE_FIT,
    page_count,
    split_words,
    squeezed_pages,
    squeezed_runs,
    words_of,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LOCATION = "de-linde"
"""The demo's location with the most goals measured: its goals table was the squeezed one."""


def laid_out_for_print(browser, path):
    page = browser.new_page(viewport={"width": A4_WIDTH_PX, "height": 1100})
    page.emulate_media(media="print")
    page.goto(path.as_uri(), wait_until="load")
    return page


def test_every_table_of_a_location_report_fits_an_a4_page_and_no_word_breaks(built_demo, browser):
    page = laid_out_for_print(browser, built_demo.reports / f"{LOCATION}.html")
    tables = page.evaluate(TABLE_FIT, [A4_WIDTH_PX, A4_LANDSCAPE_WIDTH_PX])
    broken = page.evaluate(BROKEN_WORDS)
    page.close()
    assert len(tables) >= 5  # team, runbook, clients, goals, scan: the check saw the report's tables
    widest = max(tables, key=lambda table: table["width"])
    assert widest["width"] <= widest["page"], widest
    assert [table for table in tables if table["width"] > table["page"]] == []
    assert [table for table in tables if table["squeezed"]] == []
    assert broken == []
    goals = [table for table in tables if table["section"] == "Metingen en streefwaarden"]
    assert goals and not goals[0]["landscape"]  # the goals table fits portrait: a sentence above its values


def test_every_demo_page_prints_its_tables_within_the_page(built_demo, browser):
    """The plan, the overview and every audience's pages too: a table wider than portrait is marked wide."""
    too_wide, broken = [], {}
    page = laid_out_for_print(browser, built_demo.reports / "index.html")
    for path in sorted(built_demo.reports.rglob("*.html")):
        page.goto(path.as_uri(), wait_until="load")
        name = path.relative_to(built_demo.reports).as_posix()
        for table in page.evaluate(TABLE_FIT, [A4_WIDTH_PX, A4_LANDSCAPE_WIDTH_PX]):
            if table["width"] > table["page"] or table["squeezed"]:
                too_wide.append((name, table["section"], table["width"], table["page"], table["squeezed"][:2]))
        if words := page.evaluate(BROKEN_WORDS):
            broken[name] = words
    page.close()
    assert too_wide == []
    assert broken == {}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_a_printed_location_report_has_no_squeezed_page_and_no_broken_word(built_demo, artifacts):
    pypdf = pytest.importorskip("pypdf")
    from workbook.exchange.pdf import print_reports

    report = built_demo.reports / f"{LOCATION}.html"
    (pdf,) = print_reports([report])
    source = re.sub(r'src="data:[^"]*"', "", report.read_text(encoding="utf-8"))
    assert 3 <= page_count(pdf) <= 9
    assert squeezed_pages(pdf) == []
    assert split_words(pdf, words_of(re.sub(r"<[^>]+>", " ", source))) == []
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pypdf.PdfReader(pdf).pages}
    assert sizes == {(595, 842)}  # A4 portrait throughout
    shutil.copy(pdf, artifacts / "print-location-report.pdf")


def test_the_plan_prints_its_widest_tables_on_landscape_pages(built_demo):
    pypdf = pytest.importorskip("pypdf")
    from workbook.exchange.pdf import print_reports

    (pdf,) = print_reports([built_demo.reports / "plan.html"])
    pages = pypdf.PdfReader(pdf).pages
    landscape = [n for n, p in enumerate(pages, start=1) if p.mediabox.width > p.mediabox.height]
    assert landscape, "the SMART goals and the stakeholders print on A4 landscape"
    assert len(landscape) < len(pages) / 3
    # The page header and number are on the landscape pages too.
    for number in landscape:
        assert f"{number} / {len(pages)}" in pages[number - 1].extract_text()


def test_the_squeezed_column_detector_finds_a_narrow_column_and_not_ordinary_text():
    squeezed = [
        " Doel                 Nulmeting     Streefwaarde",
        " D1 Uiterlijk 30 juni        0%             80%",
        " 2027 heeft 80%",
        " van de geschikte",
        " cliënten op de",
        " zeven locaties 's",
        " nachts een actieve",
        " sensor in plaats",
    ]
    ordinary = [
        " Het team heeft ongeveer 30 cliënten; hoeveel er geschikt zijn staat er niet, zie de noot.",
        " Wie                   Rol",
        " Anouk Verbeek         Teamleider",
        " Bas Kuipers           Aandachtsvelder",
        " Femke Nijhuis         EVV'er",
        " Ilse Brouwer-Kamp     Kwaliteitsadviseur",
        " Jeroen Olde Wolbers   ICT",
        " Samira El Khatib      Opleidingen",
    ]
    assert len(squeezed_runs(squeezed)) == 1
    assert squeezed_runs(ordinary) == []


def test_on_paper_folded_parts_open_menus_go_and_the_made_by_line_is_in_every_footer(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from workbook.exchange.pdf import print_reports
    from workbook.report.page import stylesheet

    html = tmp_path / "kort.html"
    html.write_text(
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Kort</title><style>{stylesheet()}</style>"
        "</head><body><main class='report'><nav><a href='index.html'>Menu-item</a></nav>"
        "<h1>Kort rapport</h1><details><summary>Uitleg</summary><p>Verborgen uitleg</p></details>"
        "<button>Knop</button><p><a href='https://example.org/bron'>de bron</a></p></main>"
        "<footer class='made-by'>Gemaakt met het werkboek</footer></body></html>",
        encoding="utf-8",
    )
    (pdf,) = print_reports([html])
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Verborgen uitleg" in text
    assert "Menu-item" not in text and "Knop" not in text
    assert "https://example.org/bron" in text  # an address outside the reports is printed after its link
    assert "Gemaakt met het werkboek" in text
