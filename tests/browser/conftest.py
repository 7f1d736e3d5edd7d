"""Start the real ``workbook lab`` / ``workbook workshop`` on a demo copy for browser tests.

Each test starts the command (a free port, a token), waits for the server, and stops the whole
process group afterwards, also when the test fails.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from workbook.cli.lab import free_port
from workbook.project.store import Project

WORKBOOK = Path(sys.executable).with_name("workbook")  # the installed command, next to this Python
START_TIMEOUT = 90
KERNEL_TIMEOUT = 120_000  # ms: the first kernel start in a fresh server can be slow on a busy machine


class Server:
    """A running ``workbook lab`` or ``workbook workshop``: its address and its project (None when
    it serves a portfolio: ``folder`` is then the portfolio's folder)."""

    def __init__(self, process: subprocess.Popen, url: str, project: Project | None, log: Path, folder: Path):
        self.process = process
        self.url = url
        self.project = project
        self.log = log
        self.folder = folder

    def wait_for(self, page, selector: str, timeout: int) -> None:
        """Wait until `selector` shows on `page`; when it never does, fail with what the page and
        the end of the server's log say (a CI run keeps no screenshots)."""
        if not self._shows(page, selector, timeout):
            pytest.fail(self._diagnosis(page, selector, timeout))

    def open(self, page, url: str, selector: str, timeout: int) -> None:
        """Open `url` on `page` and wait until `selector` shows. A page that never shows it is
        opened once more, as a participant would reload it, and the test warns with what the first
        page and the server's log said; a second failure fails the test with the same."""
        page.goto(url, timeout=timeout)
        if self._shows(page, selector, timeout // 2):
            return
        warnings.warn(PageReloaded(self._diagnosis(page, selector, timeout // 2)), stacklevel=2)
        page.goto(url, timeout=timeout)
        self.wait_for(page, selector, timeout)

    @staticmethod
    def _shows(page, selector: str, timeout: int) -> bool:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            page.locator(selector).first.wait_for(timeout=timeout)
        except PlaywrightTimeout:
            return False
        return True

    def _diagnosis(self, page, selector: str, timeout: int) -> str:
        text = page.locator("body").inner_text(timeout=5_000)[:2_000]
        log = self.log.read_text(encoding="utf-8", errors="replace")[-6_000:]
        return (
            f"{selector!r} did not show on {page.url} within {timeout // 1000} s.\n"
            f"--- the page says:\n{text}\n--- the server's log ends with:\n{log}"
        )


class PageReloaded(UserWarning):
    """A workshop page had to be opened twice before its form showed."""


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
    """Start `workbook <command> DIR` (the demo project, or `folder=`) and return a Server; stopped
    (the whole group) at teardown."""
    started: list[subprocess.Popen] = []
    jupyter_home = tmp_path / "jupyter"
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(jupyter_home / "config"),
        JUPYTER_RUNTIME_DIR=str(jupyter_home / "runtime"),
        IPYTHONDIR=str(jupyter_home / "ipython"),
    )

    def start(command: str, *options: str, attempts: int = 3, folder: Path | None = None) -> Server:
        # Other test runs on the same machine may take a port between choosing and binding it:
        # start from a random port, and try again on another one when the server could not bind.
        port = free_port(random.randrange(9100, 9900, 7))
        process = subprocess.Popen(
            [str(WORKBOOK), command, str(folder or demo_project.root), "--port", str(port), "--no-browser", *options],
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
        try:
            wait_until_serving(url, process)
        except AssertionError:
            if attempts > 1 and "no available port" in (tmp_path / f"{command}.log").read_text(encoding="utf-8"):
                return start(command, *options, attempts=attempts - 1, folder=folder)
            raise
        project = demo_project if folder is None else None
        return Server(process, url, project, tmp_path / f"{command}.log", folder or demo_project.root)

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


def kernels(server: Server) -> int:
    """How many kernel processes the server runs now."""
    children = psutil.Process(server.process.pid).children(recursive=True)
    count = 0
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            count += "ipykernel_launcher" in " ".join(child.cmdline())
    return count
