"""A workshop room under load: N participants open a step of ``workbook workshop`` at once and edit.

For N = 1, 10 and 30 (or ``--participants``) this starts ``workbook workshop`` on a fresh copy of the
demo (its default pool: one pre-heated kernel per step, kernels of closed pages culled), waits until
the pool is ready, and opens N pages in headless Chromium at the same moment (all on one step, like
a room following the advisor). Each participant then types into a field. It prints

- page open: from asking for the page to the form being visible (median, p95);
- save latency: from typing to the page saying "Opgeslagen om" (median, p95);
- peak memory of the server and its kernels (the browser is not counted), and per kernel.

    python benchmarks/bench_workshop.py [--participants 1 10 30] [--step 01_start] [--room]

With ``--room`` the workshop is started as for a group (``--room N --steps <the step>``): a
pre-heated page waits for each of the N participants on that step.

Needs Debian's chromium and the playwright package, like the browser tests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil
from playwright.async_api import async_playwright

from workbook.cli.lab import free_port
from workbook.exchange.pdf import CHROMIUM_ARGS, DEFAULT_CHROMIUM
from workbook.resources import demo_dir
from workbook.steps import STEPS

WORKBOOK = Path(sys.executable).with_name("workbook")
FIELD = {
    "01_start": ".wb-field-innovation textarea, .wb-field-innovation input",
    "05_communicatie": ".wb-field-core_message textarea",
}
WARM_UP = "05_communicatie"  # opened once before the measurement
TIMEOUT = 600_000  # ms
POOL_TIMEOUT = 900  # s
SAVED = re.compile("Opgeslagen om|bijgewerkt om")


class Workshop:
    """``workbook workshop`` on a demo copy, with its memory sampled until it stops."""

    def __init__(self, folder: Path, room: int = 0, step: str = ""):
        project = folder / "demo"
        self.waiting = len(STEPS) + max(room - 1, 0)
        """Kernels that wait when the pool is full: one per step, `room` for the room's step."""
        group = ["--room", str(room), "--steps", step[:2].lstrip("0")] if room else []
        shutil.copytree(demo_dir(), project, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
        env.update(JUPYTER_CONFIG_DIR=str(folder / "config"), JUPYTER_RUNTIME_DIR=str(folder / "runtime"))
        port = free_port(9300)
        self.process = subprocess.Popen(
            [str(WORKBOOK), "workshop", str(project), "--port", str(port), "--no-browser", *group],
            stdout=subprocess.PIPE,
            stderr=(folder / "workshop.log").open("w"),
            text=True,
            env=env,
            start_new_session=True,
        )
        url = ""
        while not url:  # (with --room, a line on memory comes first)
            line = self.process.stdout.readline()
            assert line, "workbook workshop ended without printing an address"
            url = next(iter(re.findall(r"http://\S+token=\w+", line)), "")
        self.url = url
        self.base, self.token = url.split("/werkboek?")
        self.peak = 0
        self.peak_kernels = 0
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()
        self._wait_until_serving()

    def _tree(self) -> list[psutil.Process]:
        root = psutil.Process(self.process.pid)
        return [root, *root.children(recursive=True)]

    def kernels(self) -> int:
        return sum("ipykernel_launcher" in " ".join(p.cmdline()) for p in self._tree() if p.is_running())

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                tree = self._tree()
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
                self.peak_kernels = max(self.peak_kernels, self.kernels())
            except psutil.Error:
                pass
            time.sleep(0.2)

    def _wait_until_serving(self) -> None:
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=5):
                    return
            except OSError:
                time.sleep(0.5)

    def wait_for_pool(self) -> None:
        """Until every step has its pre-heated kernels and all kernels are done executing."""
        deadline = time.monotonic() + POOL_TIMEOUT
        while self.kernels() < self.waiting or self.busy():
            if time.monotonic() > deadline:
                raise SystemExit(f"the pool did not fill in {POOL_TIMEOUT} s (a kernel that failed to start?)")
            time.sleep(1)

    def busy(self) -> bool:
        """Whether the server or a kernel still works (more than 5% of a core over a second)."""
        tree = self._tree()
        for process in tree:
            process.cpu_percent()
        time.sleep(1)
        return any(process.cpu_percent() > 5 for process in tree if process.is_running())

    def stop(self) -> None:
        self._stop.set()
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


async def participant(browser, workshop: Workshop, step: str, number: int) -> tuple[float, float]:
    """Open the step, wait for the form, type; returns (page open, save latency) in seconds."""
    page = await browser.new_page()
    started = time.monotonic()
    await page.goto(f"{workshop.base}/voila/render/{step}.ipynb?{workshop.token}", timeout=TIMEOUT)
    field = page.locator(FIELD[step]).first
    await field.wait_for(timeout=TIMEOUT)
    opened = time.monotonic() - started
    status = page.locator(".wb-status").first
    before = await status.inner_text()
    await field.fill(f"Ingevuld door deelnemer {number}")
    typed = time.monotonic()
    # Saved: the bar changed to "Opgeslagen om …", or to "… bijgewerkt om …" when others' saves
    # came in after it (it says "wordt zo opgeslagen" while something of this page waits).
    await page.wait_for_function(
        "([before, pattern]) => { const text = document.querySelector('.wb-status').innerText;"
        " return text !== before && new RegExp(pattern).test(text); }",
        arg=[before, SAVED.pattern],
        timeout=TIMEOUT,
    )
    return opened, time.monotonic() - typed


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


async def room(participants: int, step: str, preheat_room: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-workshop-") as folder:
        workshop = Workshop(Path(folder), participants if preheat_room else 0, step)
        try:
            workshop.wait_for_pool()
            at_rest = workshop.peak
            async with async_playwright() as playwright:
                chromium = await playwright.chromium.launch(executable_path=str(DEFAULT_CHROMIUM), args=CHROMIUM_ARGS)
                # One browser profile for the room: after a first step the page's scripts are cached,
                # as in a participant's own browser (the goal is 1.5 s "after the first").
                browser = await chromium.new_context(viewport={"width": 1366, "height": 768})
                await participant(browser, workshop, WARM_UP, -1)
                workshop.wait_for_pool()
                results = await asyncio.gather(*(participant(browser, workshop, step, n) for n in range(participants)))
                await chromium.close()
        finally:
            workshop.stop()
    opened = [r[0] for r in results]
    saved = [r[1] for r in results]
    per_kernel = workshop.peak / max(1, workshop.peak_kernels)
    print(
        f"N={participants:>2}{' room' if preheat_room else ''}  page open median {statistics.median(opened):5.2f} s  p95 {p95(opened):5.2f} s"
        f"  |  save median {statistics.median(saved):5.2f} s  p95 {p95(saved):5.2f} s"
        f"  |  memory at rest {at_rest / 2**20:6.0f} MiB, peak {workshop.peak / 2**20:6.0f} MiB"
        f" with {workshop.peak_kernels} kernels ({per_kernel / 2**20:.0f} MiB each)",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--step", default="01_start", choices=sorted(FIELD))
    parser.add_argument("--room", action="store_true", help="a pre-heated page for each participant (--room N)")
    args = parser.parse_args()
    print(f"machine: {psutil.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    for participants in args.participants:
        asyncio.run(room(participants, args.step, args.room))


if __name__ == "__main__":
    main()
