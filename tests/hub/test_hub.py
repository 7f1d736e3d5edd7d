"""``workbook hub``: a JupyterHub on loopback from the recipe; participants log in with the room
password in headless Chromium and edit the same project at once, and no change is lost."""

from __future__ import annotations

import time

import pytest
import yaml

from tests.hub.conftest import TIMEOUT, log_in
from workbook.project.store import Project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Until saves merge per record and field (the lead's branch), participants edit different sections.
EDITS = {
    "anna": ("01_start.ipynb", ".wb-field-project_name input", "Nachtzorg door Anna"),
    "bram": ("01_start.ipynb", ".wb-field-innovation input", "Sensoren van Bram"),  # the same section
}


def saved(project: Project) -> tuple[str, str]:
    plan = yaml.safe_load(project.plan_path.read_text(encoding="utf-8"))
    return plan["basics"]["project_name"], plan["basics"]["innovation"]


def test_participants_log_in_and_edit_the_same_project_at_once_without_losing_a_change(hub, browser, artifacts):
    url, project = hub
    pages = {name: log_in(browser, url, name) for name in EDITS}
    assert all(f"/user/{name}/werkboek" in page.url for name, page in pages.items())

    for name, (notebook, _, _) in EDITS.items():
        pages[name].goto(f"{url}/user/{name}/voila/render/{notebook}", timeout=TIMEOUT)
    for name, (_, field, _) in EDITS.items():
        pages[name].locator(field).first.wait_for(timeout=TIMEOUT)
    for name, (_, field, text) in EDITS.items():  # both type before either save is written
        pages[name].locator(field).first.fill(text)

    expected = tuple(text for _, _, text in EDITS.values())
    deadline = time.monotonic() + 20
    while saved(project) != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    for name, page in pages.items():
        page.screenshot(path=str(artifacts / f"hub-{name}.png"))
        page.context.close()
    assert saved(project) == expected
