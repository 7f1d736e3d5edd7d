"""Two participants on step 3 of ``workbook workshop`` at once, in headless Chromium: both add a
goal, both goals land on disk with their own number, and each page shows the other's goal."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tests.browser.test_workshop import KERNEL_TIMEOUT, PROJECTOR, step_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TEXTS = ("Elke nachtdienst gebruikt de app bij iedere melding", "De cliëntenraad kent de sensoren in 't Holt")
GOAL_TEXTS = ".wb-table-goals .wb-field-text textarea:not(.wb-table-actions textarea)"  # not the actions' texts
CARD_TITLES = ".wb-table-goals .wb-card-toggle"  # one per goal, folded or open
OPEN_CARD = ".wb-table-goals .wb-card"
CHOSEN_GREEN = "rgb(27, 94, 32)"  # the chosen button of a scale or yes/no (#1b5e20)
SEEN_WITHIN = 30  # seconds; the page looks every second (the figure is printed; busy test machines are slow)


def goals_on_disk(server) -> list[dict]:
    return yaml.safe_load(server.project.plan_path.read_text(encoding="utf-8"))["goals"]


def shows_goal(page, text: str) -> bool:
    """True when a goal card on the page (folded: its title; open: its text box) shows `text`."""
    titles = page.locator(CARD_TITLES).evaluate_all("buttons => buttons.map(b => b.innerText)")
    boxes = page.locator(GOAL_TEXTS).evaluate_all("areas => areas.map(a => a.value)")
    return any(text in shown for shown in [*titles, *boxes])


def test_two_pages_add_goals_at_once_and_each_sees_the_other(serve, browser, artifacts: Path) -> None:
    server = serve("workshop")
    before = goals_on_disk(server)
    pages = [browser.new_page(viewport=PROJECTOR) for _ in TEXTS]
    try:
        for page in pages:
            page.goto(step_url(server, "03_doelen.ipynb"), timeout=KERNEL_TIMEOUT)
            page.locator(".wb-status").first.wait_for(timeout=KERNEL_TIMEOUT)
        for page in pages:  # both add a goal before either has saved
            page.locator(".wb-add-goals").first.click()
            page.wait_for_function(f"document.querySelectorAll('{CARD_TITLES}').length > {len(before)}")
        for page, text in zip(pages, TEXTS, strict=True):
            page.locator(GOAL_TEXTS).last.fill(text)

        deadline = time.monotonic() + SEEN_WITHIN
        while {t for t in TEXTS} - {g["text"] for g in goals_on_disk(server)} and time.monotonic() < deadline:
            time.sleep(0.2)
        after = goals_on_disk(server)
        assert after[: len(before)] == before, "the goals that were there are unchanged"
        assert sorted(g["text"] for g in after[len(before) :]) == sorted(TEXTS)
        numbers = [g["id"] for g in after]
        assert len(set(numbers)) == len(numbers), f"two goals share a number: {numbers}"

        for page, other in zip(pages, reversed(TEXTS), strict=True):
            began = time.monotonic()
            while not shows_goal(page, other) and time.monotonic() - began < SEEN_WITHIN:
                time.sleep(0.2)
            assert shows_goal(page, other), "the page does not show the other participant's goal"
            print(f"the other's goal appeared after {time.monotonic() - began:.1f} s")
        assert all(
            "Opgeslagen" in p.locator(".wb-status").first.inner_text()
            or "bijgewerkt" in p.locator(".wb-status").first.inner_text()
            for p in pages
        )

        page = pages[1]  # on a projector the goals are one line each until opened, with their SMART letters
        first = page.locator(CARD_TITLES).first
        assert first.inner_text().startswith(f"▸ {before[0]['id']} · ")
        assert first.bounding_box()["height"] < 60
        open_before = page.locator(OPEN_CARD).count()  # the goal this page added is open
        first.click()
        page.wait_for_function(f"document.querySelectorAll('{OPEN_CARD}').length > {open_before}")
        card = page.locator(OPEN_CARD).first
        card.locator("textarea").first.wait_for(timeout=KERNEL_TIMEOUT)
        assert card.locator(".wb-card-toggle").inner_text().startswith(f"▾ {before[0]['id']} · ")
        text_box = card.locator(".wb-field-text").first.bounding_box()  # long text: the whole width
        baseline = card.locator(".wb-field-baseline").first.bounding_box()  # short fields side by side
        assert text_box["width"] > 2 * baseline["width"]
        chosen = card.locator(".mod-active").first  # "Ja" for acceptable
        assert chosen.evaluate("b => getComputedStyle(b).backgroundColor") == CHOSEN_GREEN
        assert page.locator(".wb-add-goals").first.inner_text().strip() == "+ Doel"

        page = pages[0]  # the status bar stays in view on a projector, however far down one scrolls
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(500)
        bar = page.locator(".wb-statusbar").first.bounding_box()
        menu = page.locator("nav.wb-menu").first.bounding_box()
        assert bar is not None and menu is not None
        assert menu["y"] + menu["height"] - 2 <= bar["y"] < PROJECTOR["height"] / 4, "the bar is right below the menu"
        assert "Stap 3 · SMART-doelen en acties" in page.locator(".wb-statusbar").first.inner_text()
    finally:
        for number, page in enumerate(pages, start=1):
            page.screenshot(path=str(artifacts / f"many-hands-page-{number}.png"))
            page.close()
