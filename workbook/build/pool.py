"""Parallel workers: each owns one warm kernel and one exporter, and takes targets from a queue.

Workers are threads: the heavy work happens in the kernel processes, and the papermill and
nbconvert steps in between are short. Each worker starts its kernel when it takes its first
target, so kernels start in parallel. Outcomes arrive in the calling thread, in completion order.
"""

from __future__ import annotations

import queue
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from workbook.build.execute import run_target
from workbook.build.export import ReportExporter
from workbook.build.kernels import WarmKernel, kernel_environment
from workbook.build.outcome import Outcome, Settings, failed
from workbook.build.targets import Target
from workbook.i18n import Messages

msg = Messages(
    {
        "worker_failed": (
            "de rekenkern kon niet starten of herstarten: {error}",
            "the kernel could not start or restart: {error}",
        ),
    }
)

_DONE = object()


def run_all(targets: list[Target], jobs: int, settings: Settings, cwd: Path) -> Iterator[Outcome]:
    """Run `targets` on `jobs` warm kernels; yield each outcome as soon as it is known."""
    if not targets:
        return
    todo: queue.Queue = queue.Queue()
    for target in targets:
        todo.put(target)
    results: queue.Queue = queue.Queue()
    workers = min(jobs, len(targets))
    with tempfile.TemporaryDirectory(prefix="workbook-kernels-") as runtime:
        env = kernel_environment(settings.lang)
        make = lambda number: WarmKernel(Path(runtime), number, env, cwd)  # noqa: E731
        threads = [
            threading.Thread(target=_work, args=(make(n), todo, results, settings), daemon=True, name=f"build-{n}")
            for n in range(workers)
        ]
        for thread in threads:
            thread.start()
        finished = 0
        while finished < workers:
            item = results.get()
            if item is _DONE:
                finished += 1
            else:
                yield item
        for thread in threads:
            thread.join()


def _work(kernel: WarmKernel, todo: queue.Queue, results: queue.Queue, settings: Settings) -> None:
    exporter = ReportExporter()
    try:
        while True:
            try:
                target = todo.get_nowait()
            except queue.Empty:
                return
            results.put(_attempt(target, kernel, exporter, settings))
    finally:
        try:
            kernel.shutdown()
        finally:
            results.put(_DONE)


def _attempt(target: Target, kernel: WarmKernel, exporter: ReportExporter, settings: Settings) -> Outcome:
    """One target; a kernel that cannot start fails this target, and the next one tries again."""
    started = time.perf_counter()
    try:
        if kernel.km is None:
            kernel.start()
        return run_target(target, kernel, exporter, settings)
    except Exception as error:
        _safe_shutdown(kernel)
        return failed(target, started, msg("worker_failed", error=f"{type(error).__name__}: {error}"))


def _safe_shutdown(kernel: WarmKernel) -> None:
    try:
        kernel.shutdown()
    except Exception:
        kernel.km = None
        kernel.kc = None
