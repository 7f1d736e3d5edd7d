"""Parallel workers: each owns one warm kernel and takes targets from a queue; one exporter
thread turns their executed notebooks into reports meanwhile.

Workers are threads: the heavy work happens in the kernel processes. Because exporting happens
in its own thread, a kernel starts on its next notebook at once instead of waiting for the
export. Each worker starts its kernel when it takes its first target, so kernels start in
parallel. Outcomes arrive in the calling thread, in completion order.

Papermill and nbconvert (``execute``, ``export``) are imported by the threads, after the kernels
have been launched: the kernels start up on their own cores while this process imports them.
"""

from __future__ import annotations

import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.build.kernels import WarmKernel, kernel_environment
from workbook.build.outcome import Outcome, Settings, failed
from workbook.build.targets import Target
from workbook.language.i18n import Messages

if TYPE_CHECKING:
    from workbook.build.execute import Executed

msg = Messages(
    {
        "worker_failed": (
            "de rekenkern kon niet starten of herstarten: {error}",
            "the kernel could not start or restart: {error}",
        ),
    }
)

RUNTIME_PREFIX = "workbook-kernels-"
"""Kernel sockets and connection files live in <temp>/workbook-kernels-<pid of the build>-<random>."""

_WORKER_DONE = object()
_ALL_DONE = object()


def run_all(targets: list[Target], jobs: int, settings: Settings, cwd: Path) -> Iterator[Outcome]:
    """Run `targets` on `jobs` warm kernels; yield each outcome as soon as it is known."""
    if not targets:
        return
    todo: queue.Queue = queue.Queue()
    for target in targets:
        todo.put(target)
    executed: queue.Queue = queue.Queue()
    results: queue.Queue = queue.Queue()
    workers = min(jobs, len(targets))
    remove_stale_runtime_dirs()
    with tempfile.TemporaryDirectory(prefix=f"{RUNTIME_PREFIX}{os.getpid()}-") as runtime:
        env = kernel_environment(settings.lang)
        threads = [
            threading.Thread(
                target=_work,
                args=(WarmKernel(Path(runtime), number, env, cwd), todo, executed, results, settings),
                name=f"build-kernel-{number}",
                daemon=True,
            )
            for number in range(workers)
        ]
        threads.append(
            threading.Thread(
                target=_export, args=(executed, results, settings, workers), name="build-export", daemon=True
            )
        )
        for thread in threads:
            thread.start()
        while (item := results.get()) is not _ALL_DONE:
            yield item
        for thread in threads:
            thread.join()


def remove_stale_runtime_dirs() -> list[Path]:
    """Remove the kernel folders that builds killed outright (SIGKILL, power cut) left behind.

    A folder is stale when the build process named in it no longer runs; its kernels have
    stopped too, as a kernel exits when its parent is gone.
    """
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{RUNTIME_PREFIX}*-*"):
        pid = folder.name.removeprefix(RUNTIME_PREFIX).split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _work(
    kernel: WarmKernel, todo: queue.Queue, executed: queue.Queue, results: queue.Queue, settings: Settings
) -> None:
    """Execute targets until none are left; failures go straight to the results."""
    try:
        while True:
            try:
                target = todo.get_nowait()
            except queue.Empty:
                return
            result = _attempt(target, kernel, settings)
            (results if isinstance(result, Outcome) else executed).put(result)
    finally:
        try:
            _safe_shutdown(kernel)
        finally:
            executed.put(_WORKER_DONE)


def _export(executed: queue.Queue, results: queue.Queue, settings: Settings, workers: int) -> None:
    """Export executed notebooks until every worker has finished."""
    remaining = workers
    try:
        from workbook.build.execute import export
        from workbook.build.export import ReportExporter

        exporter = ReportExporter()
        while remaining:
            item = executed.get()
            if item is _WORKER_DONE:
                remaining -= 1
            else:
                results.put(export(item, exporter, settings))
    finally:
        results.put(_ALL_DONE)


def _attempt(target: Target, kernel: WarmKernel, settings: Settings) -> Executed | Outcome:
    """One target; a kernel that cannot start fails this target, and the next one tries again."""
    started = time.perf_counter()
    try:
        if kernel.km is None:
            kernel.start()
        from workbook.build.execute import execute  # after the kernel: it starts up meanwhile

        return execute(target, kernel, settings)
    except Exception as error:
        _safe_shutdown(kernel)
        return failed(target, started, msg("worker_failed", error=f"{type(error).__name__}: {error}"))


def _safe_shutdown(kernel: WarmKernel) -> None:
    try:
        kernel.shutdown()
    except Exception:
        kernel.km = None
        kernel.kc = None
