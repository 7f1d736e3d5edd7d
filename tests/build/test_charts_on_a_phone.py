"""Charts a person can read on a phone, measured in Chromium at 375 px over every demo report page in
every audience: no chart is wider than the screen or its box, and every legend and every word of a
chart lies inside the chart (none cut off at an edge, none beside the chart off screen)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

WIDTH = 375

SIZES = """
() => [...document.querySelectorAll('figure.chart img')].map(img => {
  const box = img.getBoundingClientRect();
  return {width: box.width, right: box.right, room: img.parentElement.clientWidth, natural: img.naturalWidth};
})
"""

# Each chart's SVG laid into the page (hidden), so that the browser measures its legends and texts
# with the fonts it draws the image with; a part that sticks out of the SVG's own box is cut off.
OUTSIDE = """
async () => {
  const found = [];
  const images = [...document.querySelectorAll('figure.chart img')];
  for (const [index, img] of images.entries()) {
    const text = await (await fetch(img.src)).text();
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute; left:-10000px; top:0; visibility:hidden';
    holder.innerHTML = text.slice(text.indexOf('<svg'));
    document.body.appendChild(holder);
    const svg = holder.querySelector('svg');
    const edge = svg.getBoundingClientRect();
    const legends = svg.querySelectorAll('g[id^="legend"]').length;
    for (const part of svg.querySelectorAll('g[id^="legend"], text')) {
      const b = part.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (b.left < edge.left - 1 || b.top < edge.top - 1 || b.right > edge.right + 1 || b.bottom > edge.bottom + 1) {
        found.push({chart: index, part: part.tagName === 'text' ? part.textContent : part.id});
      }
    }
    found.push({chart: index, legends});
    holder.remove();
  }
  return found;
}
"""


def demo_pages(built_demo):
    pages = sorted(built_demo.reports.rglob("*.html"))
    assert {page.parent.name for page in pages} >= {"reports", "bestuur", "team", "clientenraad"}
    return pages


def test_no_chart_is_wider_than_a_phone_or_its_box_and_nothing_of_it_is_cut_off(built_demo, browser, artifacts):
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    too_wide, cut, charts, legends = [], [], 0, 0
    for path in demo_pages(built_demo):
        name = path.relative_to(built_demo.reports).as_posix()
        page.goto(path.as_uri())
        for index, size in enumerate(page.evaluate(SIZES)):
            charts += 1
            if size["width"] > size["room"] + 0.5 or size["right"] > WIDTH:
                too_wide.append((name, index, size))
        for item in page.evaluate(OUTSIDE):
            if "legends" in item:
                legends += item["legends"]
            else:
                cut.append((name, item["chart"], item["part"]))
        if name == "tweeeiken.html":
            page.locator("#metingen").screenshot(path=str(artifacts / "measurements-375.png"))
    page.close()
    assert charts > 50 and legends > 10  # the check looked at the demo's charts and their legends
    assert too_wide == []
    assert cut == []


def test_on_a_phone_chart_text_stays_about_the_size_of_small_print(built_demo, browser):
    """A chart is shrunk to the screen, not drawn for a projector: its 10-point text stays at least
    9 px on a 375 px phone (it was 6 px when charts were 8 inches wide)."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    page.goto((built_demo.reports / "plan.html").as_uri())
    scales = [size["width"] / size["natural"] for size in page.evaluate(SIZES)]
    page.close()
    assert scales
    assert min(scales) * 10 * 96 / 72 >= 9
