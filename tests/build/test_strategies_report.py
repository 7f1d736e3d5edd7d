"""plan.html in headless Chromium: the chapter with strategies per hindering factor, with sources."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_plan_report_shows_strategies_per_hindering_factor_with_sources(built_demo, browser, artifacts):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto((built_demo.reports / "plan.html").resolve().as_uri(), wait_until="load")
    chapter = page.locator("section#strategies")
    assert chapter.is_visible()
    text = chapter.inner_text()
    assert "Strategieën per belemmerende factor" in text
    for factor in ("F3:", "F5:", "F10:"):
        assert factor in text
    assert "Betrek cliënten en naasten bij de keuzes over de invoering" in text
    assert "Gekozen door 71% van de experts bij Behoeften en mogelijkheden van cliënten (niveau 1)." in text
    assert "Bron: CFIR-ERIC matching tool output" in text
    assert chapter.locator(".badge", has_text="≈ benadering").count() > 0  # approximate links say so
    assert chapter.locator(".badge", has_text="geen percentage bekend").count() > 0  # and unknown shares
    assert chapter.locator(".badge.warn, .badge.bad, .badge.good").count() == 0  # in no status colour
    chapter.screenshot(path=str(artifacts / "plan-strategies.png"))
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (375, 740)])
def test_the_strategies_chapter_fits_a_projector_and_a_phone(built_demo, browser, artifacts, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto((built_demo.reports / "plan.html").resolve().as_uri(), wait_until="load")
    chapter = page.locator("section#strategies")
    box = chapter.bounding_box()
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('#strategies ol, #strategies li, #strategies h3')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert box["x"] >= 0 and widest <= width, (box, widest)
    chapter.screenshot(path=str(artifacts / f"plan-strategies-{width}.png"))
    context.close()
