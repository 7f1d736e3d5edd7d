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
