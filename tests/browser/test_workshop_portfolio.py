"""``workbook workshop`` on the demo portfolio in headless Chromium, as a return day with two project
groups in one room: the start page lists the projects, each group opens its own, and what each
types lands in its own project's folder."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import Server, kernels
from tests.browser.test_workshop import KERNEL_TIMEOUT, PHONE, PROJECTOR, assert_dutch_with_menu, base
from workbook.portfolio.demo import prepare_demo_portfolio
from workbook.portfolio.store import PortfolioFolder
from workbook.steps import STEPS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME_FIELD = ".wb-field-project_name input"  # step 1: the project's name
SAVED_WITHIN = 30  # seconds; a busy test machine is slow
GROUPS = {  # project code: what its group types as the project's name
    "valpreventie": "Valpreventie, besproken op de terugkomdag",
    "slimme-nachtzorg": "Slimme nachtzorg, besproken op de terugkomdag",
}


def saved_name(folder: PortfolioFolder, code: str) -> str:
    plan = yaml.safe_load(folder.project(code).plan_path.read_text(encoding="utf-8"))
    return plan["basics"]["project_name"]


def token(server: Server) -> str:
    return server.url.split("?", 1)[1]


def test_two_groups_work_on_two_projects_of_a_portfolio_at_once(serve, browser, tmp_path: Path, artifacts) -> None:
    folder = PortfolioFolder.open(prepare_demo_portfolio(tmp_path / "pf"))  # `workbook demo --portfolio`, unbuilt
    names = {code: folder.project(code).load_plan().basics.project_name for code in folder.project_codes()}
    # One pre-heated page, for step 1: the first group's page takes it before it knows its project.
    server = serve("workshop", "--pool", "0", "--room", "1", "--steps", "1", folder=folder.root)
    deadline = time.monotonic() + 240
    while kernels(server) < 1 and time.monotonic() < deadline:
        time.sleep(1)

    first, second = (browser.new_page(viewport=PROJECTOR) for _ in GROUPS)
    try:
        # The first group comes in through the start page: the list, its project's page, step 1.
        first.goto(server.url, timeout=60_000)
        assert first.title() == "Werkboek · Innovatiecommissie"
        links = first.locator("a.wb-project-link")
        assert links.count() == len(folder.project_codes())
        assert "Lopend" in first.locator("table.wb-projects").inner_text()
        first.screenshot(path=str(artifacts / "workshop-portfolio-start.png"), full_page=True)
        first.set_viewport_size(PHONE)  # the list fits a phone
        assert first.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        first.screenshot(path=str(artifacts / "workshop-portfolio-start-phone.png"), full_page=True)
        first.set_viewport_size(PROJECTOR)
        first.locator("a.wb-project-link", has_text=names["valpreventie"]).click()
        first.locator("h1", has_text=names["valpreventie"]).wait_for(timeout=30_000)
        assert_dutch_with_menu(first, "a project's start page")
        first.locator("a.wb-step-link").first.click()
        server.wait_for(first, NAME_FIELD, KERNEL_TIMEOUT)
        # The second group opens its project's step 1 directly, while the first page is open.
        server.open(
            second,
            f"{base(server)}/voila/render/{STEPS['start'].notebook}?{token(server)}&project=slimme-nachtzorg",
            NAME_FIELD,
            KERNEL_TIMEOUT,
        )
        used = re.findall(r"Using pre-heated kernel: \S+ for (\S+)\.ipynb", server.log.read_text(encoding="utf-8"))
        assert used[:1] == [
            "01_start"
        ]  # the first page came from the pre-heated kernel (the second may, once refilled)

        pages = {"valpreventie": first, "slimme-nachtzorg": second}
        for code, page in pages.items():
            assert page.url.endswith(f"project={code}") or f"project={code}&" in page.url
            bar = page.locator(".wb-statusbar").first.inner_text()
            assert f"Stap 1 · Start · {names[code]}" in bar, bar  # each group sees whose project it is
            assert page.locator(NAME_FIELD).first.input_value() == names[code]
            steps = page.locator(".wb-menu-steps a").evaluate_all("links => links.map(a => a.href)")
            assert len(steps) == len(STEPS) and all(f"project={code}" in href for href in steps), steps
            start = page.locator(".wb-menu a.wb-menu-start").get_attribute("href")
            assert f"project={code}" in start
        for code, page in pages.items():
            page.locator(NAME_FIELD).first.fill(GROUPS[code])

        deadline = time.monotonic() + SAVED_WITHIN
        while any(saved_name(folder, code) != text for code, text in GROUPS.items()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert {code: saved_name(folder, code) for code in GROUPS} == GROUPS
        others = {code: name for code, name in names.items() if code not in GROUPS}
        assert {code: saved_name(folder, code) for code in others} == others  # the other projects are untouched
        for code, page in pages.items():
            page.screenshot(path=str(artifacts / f"workshop-portfolio-{code}.png"))

        # An address with another folder than a project's opens no step: the list, and why.
        refused = first.goto(
            f"{base(server)}/voila/render/{STEPS['start'].notebook}?project=..%2Fprojecten%2Femar", timeout=60_000
        )
        assert refused is not None and refused.status == 404
        assert "geen project van deze portefeuille" in first.locator(".wb-error").inner_text()
        assert first.locator("a.wb-project-link").count() == len(folder.project_codes())
    finally:
        first.close()
        second.close()
