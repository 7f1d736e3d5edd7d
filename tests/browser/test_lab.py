"""``workbook lab`` and ``workbook workshop`` in headless Chromium: type in a step, find it on disk."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import KERNEL_TIMEOUT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_lab_runs_a_step_and_what_is_typed_is_on_disk_within_two_seconds(serve, browser, artifacts: Path) -> None:
    server = serve("lab")
    assert "/lab/tree/stappen/01_start.ipynb" in server.url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(server.url, timeout=60_000)
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=KERNEL_TIMEOUT)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).first.click()
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
    finally:
        page.screenshot(path=str(artifacts / "lab-01_start.png"))
        page.close()
