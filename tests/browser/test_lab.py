"""``workbook lab`` and ``workbook workshop`` in headless Chromium: type in a step, find it on disk."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import KERNEL_TIMEOUT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_lab_runs_a_step_by_itself_and_what_is_typed_is_on_disk_and_never_unsaved(
    serve, browser, artifacts: Path
) -> None:
    server = serve("lab")
    assert "/lab/tree/stappen/01_start.ipynb" in server.url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(server.url, timeout=60_000)
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        # No "Run All": the workbook's lab extension runs a step as it is opened.
        field = page.locator(".wb-field-project_name input").first
        field.wait_for(timeout=KERNEL_TIMEOUT)
        assert page.locator(".wb-status").first.inner_text().startswith("✓")

        field.fill("Getypt in de browser")
        typed = time.monotonic()
        saved = ""
        while time.monotonic() - typed < 2.0:
            saved = yaml.safe_load(server.project.plan_path.read_text(encoding="utf-8"))["basics"]["project_name"]
            if saved == "Getypt in de browser":
                break
            time.sleep(0.05)
        assert saved == "Getypt in de browser"
        page.locator(".wb-status", has_text="Opgeslagen om").first.wait_for(timeout=5_000)
        # The notebook itself did not change (the form saves to the project): nothing to save on close.
        assert page.locator(".lm-TabBar-tab.jp-mod-dirty").count() == 0
        page.get_by_role("menuitem", name="File", exact=True).click()
        page.get_by_role("menuitem", name=re.compile(r"^Close Tab")).first.click()
        page.wait_for_timeout(1_000)
        assert page.locator(".jp-Dialog").count() == 0, "closing the step asked a question"
    finally:
        page.screenshot(path=str(artifacts / "lab-01_start.png"))
        page.close()


def test_lab_date_field_saves_only_the_whole_date_and_reads_it_back_in_words(serve, browser, artifacts: Path) -> None:
    """Typed slowly, day first, no date picker: nothing reaches the file until the box is left."""
    server = serve("lab")
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    plan = server.project.plan_path

    def last_updated() -> object:
        return yaml.safe_load(plan.read_text(encoding="utf-8"))["basics"].get("last_updated")

    try:
        page.goto(server.url, timeout=60_000)
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        field = page.locator(".wb-field-last_updated input").first
        field.wait_for(timeout=KERNEL_TIMEOUT)
        assert field.get_attribute("type") == "text"  # not the browser's own (mm/dd) date picker
        before = last_updated()

        field.fill("")
        field.press_sequentially("01-07-2027", delay=300)  # a pause after every key
        time.sleep(1.5)  # longer than the form's save delay
        assert last_updated() == before
        field.press("Tab")
        deadline = time.monotonic() + 10
        while last_updated() != "2027-07-01" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert last_updated() == "2027-07-01"
        page.locator(".wb-reading", has_text="1 juli 2027").first.wait_for(timeout=5_000)

        field.fill("31-02-2027")
        field.press("Tab")
        page.locator(".wb-error", has_text="'31-02-2027' is geen bestaande datum").first.wait_for(timeout=5_000)
        time.sleep(1.5)
        assert last_updated() == "2027-07-01"
    finally:
        page.screenshot(path=str(artifacts / "lab-date-field.png"))
        page.close()
