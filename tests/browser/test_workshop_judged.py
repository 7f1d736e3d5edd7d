"""``workbook workshop`` as axe-core judges it: the start page and every step (step 9 with a location
open) have no serious or critical WCAG 2.0/2.1 A or AA violation: every control has a name a screen
reader reads out, and the buttons' text stands out enough from their colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_workshop import FORM, KERNEL_TIMEOUT, PROJECTOR, step_url
from tests.outside_judges import axe_script, axe_violations
from workbook.steps import STEPS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_axe_finds_nothing_serious_on_the_start_page_or_any_step(serve, browser, artifacts: Path) -> None:
    script = axe_script()
    server = serve("workshop")
    pages = [("start", server.url, "")]
    pages += [(step.notebook, step_url(server, step.notebook), FORM) for step in STEPS.values()]
    pages.append(
        (
            "09_locatie.ipynb?location=de-linde",
            step_url(server, "09_locatie.ipynb", "location=de-linde"),
            ".wb-report-preview",
        )
    )
    page = browser.new_page(viewport=PROJECTOR)
    found, controls = {}, 0
    try:
        for name, url, ready in pages:
            if ready:
                server.open(page, url, ready, KERNEL_TIMEOUT)
                page.wait_for_timeout(1000)  # the last widgets of the form
            else:
                page.goto(url, timeout=KERNEL_TIMEOUT)
            controls += page.locator("select, input, textarea").count()
            violations, passed = axe_violations(page, script)
            assert passed > 0, name
            if violations:
                found[name] = violations
        page.screenshot(path=str(artifacts / "workshop-09-de-linde-named-controls.png"))
    finally:
        page.close()
    assert controls > 100  # axe looked at the forms' controls
    assert found == {}
