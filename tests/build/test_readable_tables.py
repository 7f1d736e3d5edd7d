"""Tables a person can read, measured in Chromium as a reader meets them: on a small phone, a phone
and a laptop, no ordinary word in any table cell of any demo page (every audience) is broken
across lines, and no page scrolls sideways; a table that is wider than the page scrolls in its own
box, which a keyboard reaches and a screen reader names."""

from __future__ import annotations

import pytest

from workbook.exchange.print_layout import BROKEN_WORDS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDTHS = (320, 375, 1280)

SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth + 1"
SCROLLING_BOXES = """
() => [...document.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1
    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => ({
  focusable: e.tabIndex >= 0, name: e.getAttribute('aria-label') || '', role: e.getAttribute('role') || ''}))
"""


def demo_pages(built_demo):
    pages = sorted(built_demo.reports.rglob("*.html"))
    assert {page.parent.name for page in pages} >= {"reports", "bestuur", "team", "clientenraad"}
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_no_word_in_a_table_breaks_and_no_page_scrolls_sideways(built_demo, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    broken, sideways, cells = {}, [], 0
    for path in demo_pages(built_demo):
        page.goto(path.as_uri())
        cells += page.locator("td, th").count()
        name = path.relative_to(built_demo.reports).as_posix()
        if words := page.evaluate(BROKEN_WORDS):
            broken[name] = words
        if page.evaluate(SIDEWAYS):
            sideways.append(name)
    page.close()
    assert cells > 1000  # the check looked at the demo's tables
    assert broken == {}
    assert sideways == []


def test_a_table_that_scrolls_in_its_box_can_be_reached_and_is_named(built_demo, browser):
    page = browser.new_page(viewport={"width": 375, "height": 900})
    boxes = []
    for path in demo_pages(built_demo):
        page.goto(path.as_uri())
        boxes += page.evaluate(SCROLLING_BOXES)
    page.close()
    assert boxes, "at 375 px some demo table is wider than the phone"
    assert [box for box in boxes if not (box["focusable"] and box["name"] and box["role"] == "region")] == []


def test_the_overview_table_fits_a_laptop_without_scrolling(built_demo, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto((built_demo.reports / "index.html").as_uri())
    box = page.locator("#locaties .table-box")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    assert box.locator("th").last.is_visible()
    page.close()
