"""``workbook lab`` and ``workbook workshop`` in headless Chromium: type in a step, find it on disk.

Each test starts the real command on a demo copy (a free port, a token), waits for the server,
and stops the whole process group afterwards, also when the test fails.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from workbook.cli.lab import free_port
from workbook.store import Project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WORKBOOK = Path(sys.executable).with_name("workbook")  # the installed command, next to this Python
START_TIMEOUT = 90
KERNEL_TIMEOUT = 120_000  # ms: the first kernel start in a fresh server can be slow on a busy machine


class Server:
    """A running ``workbook lab`` or ``workbook workshop``: its address and its project."""

    def __init__(self, process: subprocess.Popen, url: str, project: Project):
        self.process = process
        self.url = url
        self.project = project


def wait_until_serving(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server stopped before it was ready"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"no answer from {url} within {START_TIMEOUT} s")


@pytest.fixture
def serve(demo_project: Project, tmp_path: Path) -> Iterator:
    """Start `workbook <command> DIR` and return a Server; stopped (the whole group) at teardown."""
    started: list[subprocess.Popen] = []
    jupyter_home = tmp_path / "jupyter"
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(jupyter_home / "config"),
        JUPYTER_RUNTIME_DIR=str(jupyter_home / "runtime"),
        IPYTHONDIR=str(jupyter_home / "ipython"),
    )

    def start(command: str) -> Server:
        port = free_port(9100 if command == "lab" else 9200)
        process = subprocess.Popen(
            [str(WORKBOOK), command, str(demo_project.root), "--port", str(port), "--no-browser"],
            stdout=subprocess.PIPE,
            stderr=(tmp_path / f"{command}.log").open("w"),
            text=True,
            env=env,
            start_new_session=True,
        )
        started.append(process)
        url = ""
        while not url:
            line = process.stdout.readline()
            assert line, "the command ended without printing an address"
            url = next(iter(re.findall(r"http://\S+token=\w+", line)), "")
        wait_until_serving(url, process)
        return Server(process, url, demo_project)

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        process.stdout.close()


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


def test_workshop_shows_the_form_and_no_code(serve, browser, artifacts: Path) -> None:
    server = serve("workshop")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(server.url.replace("01_start", "03_doelen"), timeout=KERNEL_TIMEOUT)
        page.locator(".wb-table-goals").first.wait_for(timeout=KERNEL_TIMEOUT)
        page.locator(".wb-field-text textarea").first.wait_for(timeout=10_000)
        text = page.inner_text("body")
        assert "SMART-doelen en acties" in text
        assert "show_step" not in page.content()
        assert "project = " not in text
        assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    finally:
        page.screenshot(path=str(artifacts / "workshop-03_doelen.png"))
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
        page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=KERNEL_TIMEOUT)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).first.click()
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
