"""``workbook workshop`` in headless Chromium, as a room uses it: start page, step menu, Dutch
only, a projector and a phone, pre-heated steps, and kernels of closed pages stopped again."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.browser.conftest import Server, kernels
from workbook.steps import STEPS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROJECTOR = {"width": 1366, "height": 768}
PHONE = {"width": 375, "height": 740}
FORM = ".wb-status, .wb-location-picker"  # a step's form (or, in step 9, its location picker) is there
# Words that give away English (or Voilà's own) text on a page meant to be all Dutch.
ENGLISH = re.compile(
    r"\b(the|and|with|select|items|executing|running|loading|cells|click|please|your|save|error|"
    r"step|steps|goal|goals|location|next|previous|choose)\b|Voilà",
    re.IGNORECASE,
)
STEP_COUNT = len(STEPS)
CULL_AFTER = 60  # seconds; the product's default is 300
KERNEL_TIMEOUT = 300_000  # ms: a test machine shared with other work can be very slow to start kernels


def base(server: Server) -> str:
    return server.url.split("/werkboek")[0]


def step_url(server: Server, notebook: str, query: str = "") -> str:
    """The address of a step, with the token, as a participant's first visit has it."""
    token = server.url.split("?", 1)[1]
    return f"{base(server)}/voila/render/{notebook}?{token}{'&' + query if query else ''}"


def wait_for_pool(server: Server, timeout: float = 240) -> None:
    """Until every step has its pre-heated kernel (and the pre-rendering is done)."""
    deadline = time.monotonic() + timeout
    while kernels(server) < STEP_COUNT and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(10)  # the kernels exist; give the last ones time to execute their step


def settled_kernels(server: Server, quiet: float = 8, timeout: float = 90) -> int:
    """The number of kernels once it has not changed for `quiet` seconds (refills take a while)."""
    deadline = time.monotonic() + timeout
    count, since = kernels(server), time.monotonic()
    while time.monotonic() - since < quiet and time.monotonic() < deadline:
        time.sleep(1)
        now = kernels(server)
        if now != count:
            count, since = now, time.monotonic()
    return count


def assert_dutch_with_menu(page, what: str) -> None:
    menu = page.locator("nav.wb-menu")
    assert menu.count() == 1, what
    assert menu.locator("li").count() == STEP_COUNT, what
    text = page.inner_text("body")
    english = ENGLISH.findall(text)
    assert english == [], f"{what}: {english}"


def test_the_start_page_and_every_step_have_the_menu_and_no_english(serve, browser, artifacts: Path) -> None:
    server = serve("workshop")
    for size, viewport in (("projector", PROJECTOR), ("phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        try:
            page.goto(server.url, timeout=60_000)
            assert page.title() == "Werkboek · Slimme nachtzorg"
            assert "Select items" not in page.content()
            assert page.locator(".wb-steps li").count() == STEP_COUNT
            assert page.locator("#wb-location option").count() == len(server.project.location_slugs()) + 1
            assert_dutch_with_menu(page, f"start page ({size})")
            page.screenshot(path=str(artifacts / f"workshop-start-{size}.png"), full_page=True)
            if size == "phone":
                assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            for step in STEPS.values():
                server.open(page, step_url(server, step.notebook), FORM, KERNEL_TIMEOUT)
                what = f"step {step.number} ({size})"
                assert page.title() == f"Stap {step.number} · {step.title('nl')}", what
                assert page.locator(".wb-menu .wb-current").inner_text().startswith(str(step.number)), what
                assert page.locator(".wb-pager a").count() == (1 if step.number == STEP_COUNT else 2), what
                assert "JupyterLab" not in page.inner_text("body"), what
                intro = page.locator("details.wb-intro")  # the explanation is folded away, one line
                assert intro.count() == 1 and intro.get_attribute("open") is None, what
                assert intro.locator("summary").inner_text() == "Uitleg bij deze stap", what
                assert_dutch_with_menu(page, what)
                page.screenshot(path=str(artifacts / f"workshop-{step.notebook[:-6]}-{size}.png"))
        finally:
            page.close()


def test_a_step_opens_from_a_preheated_kernel_and_follows_the_location(serve, browser) -> None:
    server = serve("workshop")
    wait_for_pool(server)
    opened = ("03_doelen", "02_context", "06_stakeholders")
    for step in opened:
        page = browser.new_page(viewport=PROJECTOR)
        server.open(page, step_url(server, f"{step}.ipynb"), ".wb-status", KERNEL_TIMEOUT)
        page.close()
    # How fast that is, is measured by benchmarks/bench_workshop.py (target: 1.5 s on an idle machine).
    used = re.findall(r"Using pre-heated kernel: \S+ for (\S+)\.ipynb", server.log.read_text(encoding="utf-8"))
    assert used == list(opened)

    page = browser.new_page(viewport=PROJECTOR)
    try:
        server.open(
            page, step_url(server, "09_locatie.ipynb", "location=de-linde"), ".wb-report-preview", KERNEL_TIMEOUT
        )
        assert "De Linde" in page.locator(".wb-report-preview").first.inner_text()
        assert "stakeholder-report" not in page.inner_text("body")
    finally:
        page.close()


def test_a_room_on_one_step_finds_a_waiting_page_for_each_participant(serve, browser) -> None:
    room = 3
    server = serve("workshop", "--room", str(room), "--steps", "3")
    deadline = time.monotonic() + 300
    while kernels(server) < STEP_COUNT - 1 + room and time.monotonic() < deadline:
        time.sleep(1)
    time.sleep(10)  # the kernels exist; give the last ones time to execute their step
    pages = []
    try:
        for _ in range(room):  # one after the other, faster than a used kernel is replaced
            page = browser.new_page(viewport=PROJECTOR)
            server.open(page, step_url(server, "03_doelen.ipynb"), ".wb-status", KERNEL_TIMEOUT)
            pages.append(page)
        log = server.log.read_text(encoding="utf-8")
        used = re.findall(r"Using pre-heated kernel: \S+ for (\S+)\.ipynb", log)
        assert used == ["03_doelen"] * room
    finally:
        for page in pages:
            page.close()


def test_closing_twenty_pages_brings_the_kernels_back_down_within_the_cull_time(serve, browser) -> None:
    server = serve("workshop", "--cull-after", str(CULL_AFTER))
    wait_for_pool(server)
    at_rest = kernels(server)
    context = browser.new_context(viewport=PROJECTOR)
    pages = []
    notebooks = [step.notebook for step in STEPS.values() if not step.per_location]
    for i in range(20):  # one after the other: a busy test machine loads twenty pages at once too slowly
        page = context.new_page()
        server.open(page, step_url(server, notebooks[i % len(notebooks)]), ".wb-status", KERNEL_TIMEOUT)
        pages.append(page)
    busy = settled_kernels(server)  # the pool refills the pre-heated kernels that pages took
    assert busy >= at_rest + 20 - len(notebooks)  # pre-heated kernels are taken first, then refilled

    for page in pages[:10]:  # closed properly: Voilà's page stops its kernel at once
        page.close(run_before_unload=True)
    deadline = time.monotonic() + 30
    while kernels(server) > busy - 10 and time.monotonic() < deadline:
        time.sleep(1)
    assert kernels(server) <= busy - 10, "closing a page did not stop its kernel"

    closed = time.monotonic()
    for page in pages[10:]:  # vanished without a word (a laptop lid): culled once idle for CULL_AFTER
        page.close()
    context.close()
    while kernels(server) > at_rest and time.monotonic() - closed < CULL_AFTER + 60:
        time.sleep(2)
    assert kernels(server) <= at_rest, f"{kernels(server)} kernels left, {at_rest} at rest"
