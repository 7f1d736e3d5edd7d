"""A real ``workbook hub`` on loopback for the hub's tests, and logging in to it in Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from workbook.cli.lab import free_port
from workbook.project.store import Project

WORKBOOK = Path(sys.executable).with_name("workbook")
PASSWORD = "zaal-wachtwoord-1"
TIMEOUT = 180_000  # ms: spawning a server and its first kernel on a busy machine


@pytest.fixture
def hub(demo_project: Project, tmp_path: Path):
    if shutil.which("configurable-http-proxy") is None:
        pytest.skip("configurable-http-proxy is not installed (npm install -g configurable-http-proxy)")
    port = free_port(9700)
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),  # the hub's state
        WORKBOOK_ROOM_PASSWORD=PASSWORD,  # not --password: that shows in the process list
    )
    command = [str(WORKBOOK), "hub", str(demo_project.root), "--port", str(port), "--ip", "127.0.0.1"]
    process = subprocess.Popen(
        command,
        stdout=(tmp_path / "hub.out").open("w"),
        stderr=(tmp_path / "hub.log").open("w"),
        env=env,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        assert process.poll() is None, (tmp_path / "hub.log").read_text()
        try:
            with urllib.request.urlopen(f"{url}/hub/login", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            assert time.monotonic() < deadline, "the hub did not answer"
            time.sleep(0.5)
    yield url, demo_project
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def log_in(browser, url: str, name: str):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.locator(".wb-steps").wait_for(timeout=TIMEOUT)  # the workshop's start page, on this participant's server
    return page
