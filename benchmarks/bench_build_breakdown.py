"""Benchmark: where the CPU of ``workbook build --force`` goes, part by part.

    python benchmarks/bench_build_breakdown.py            # the demo, in a temporary copy
    python benchmarks/bench_build_breakdown.py DIR --jobs 2

Runs the build in this process, with timers wrapped around its parts: CPU of the build process
(imports, the threads that talk to the kernels, the export thread, the overview) and CPU of the
kernels (start-up, warm-up imports, fresh starts, executing the location and plan notebooks),
read from the kernel processes with psutil. The parts add up to about the CPU the whole build
takes; on a machine of N cores its wall time can be no less than that total divided by N.
The wall time printed here is not the build's own (``bench_build.py`` measures that): this script
imports papermill and nbconvert before the kernels start, to count that part on its own.
"""

from __future__ import annotations

import argparse
import collections
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

PARTS: collections.Counter[str] = collections.Counter()


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def kernel_cpu(kernel) -> float:
    times = psutil.Process(kernel.km.provisioner.pid).cpu_times()
    return times.user + times.system


def instrument() -> None:
    """Wrap timers around the parts of the build (imports them, so count that first)."""
    before = own_cpu()
    import workbook.build.execute as execute
    import workbook.build.export  # noqa: F401
    import workbook.build.overview as overview
    from workbook.build import kernels

    PARTS["build process: import papermill, nbconvert, report code"] += own_cpu() - before
    last: dict[int, float] = {}

    start, run = kernels.WarmKernel._start, kernels.WarmKernel._run

    async def timed_start(self):
        await start(self)
        PARTS["kernels: start-up and warm-up imports"] += kernel_cpu(self)
        last[id(self)] = kernel_cpu(self)

    async def timed_run(self, code):
        await run(self, code)
        if code == kernels.FRESH_START and id(self) in last:
            now = kernel_cpu(self)
            PARTS["kernels: fresh start before each notebook"] += now - last[id(self)]
            last[id(self)] = now

    kernels.WarmKernel._start, kernels.WarmKernel._run = timed_start, timed_run

    run_notebook, export = execute.execute, execute.export

    def timed_execute(target, kernel, settings):
        began = time.thread_time()
        result = run_notebook(target, kernel, settings)
        now = kernel_cpu(kernel)
        PARTS[f"kernels: execute the {target.kind} notebooks"] += now - last[id(kernel)]
        last[id(kernel)] = now
        PARTS["build process: threads that talk to the kernels"] += time.thread_time() - began
        return result

    def timed_export(item, exporter, settings):
        began = time.thread_time()
        result = export(item, exporter, settings)
        PARTS["build process: nbconvert export, 4 pages per notebook"] += time.thread_time() - began
        return result

    execute.execute, execute.export = timed_execute, timed_export

    pages = overview.Overview._pages

    def timed_pages(self, states):
        began = time.thread_time()
        result = pages(self, states)
        where = (
            "ahead, in its own thread" if threading.current_thread().name.startswith("build-overview") else "at the end"
        )
        PARTS[f"build process: overview pages ({where})"] += time.thread_time() - began
        return result

    overview.Overview._pages = timed_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", nargs="?", help="a workbook folder (default: a copy of the demo)")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    began, wall = own_cpu(), time.perf_counter()
    from workbook.build.lean import skip_unused_imports

    skip_unused_imports()
    from workbook.build import pipeline
    from workbook.project.store import Project
    from workbook.resources import demo_dir

    PARTS["build process: start and import the pipeline"] += own_cpu() - began
    instrument()
    with tempfile.TemporaryDirectory(prefix="bench-breakdown-") as folder:
        root = Path(args.dir) if args.dir else Path(folder) / "demo"
        if not args.dir:
            shutil.copytree(demo_dir(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
        before = own_cpu()
        result = pipeline.build(Project.open(root), jobs=args.jobs, force=True, progress=False)
        inside = own_cpu() - before
    wall = time.perf_counter() - wall
    accounted = sum(value for key, value in PARTS.items() if key.startswith("build process: ") and "import" not in key)
    PARTS["build process: the rest (hashing, manifest, waiting threads)"] += inside - accounted
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    kernels_total = usage.ru_utime + usage.ru_stime
    print(
        f"workbook build --force: {len(result.built)} reports, {len(result.failed)} failed, {psutil.cpu_count()} cores"
    )
    print(
        f"wall {wall:.2f} s; CPU {own_cpu() + kernels_total:.2f} s (build process {own_cpu():.2f} s, kernels {kernels_total:.2f} s)"
    )
    print(f"load average (1 minute) at the end: {psutil.getloadavg()[0]:.1f}")
    for part, seconds in sorted(PARTS.items()):
        print(f"  {part:<62} {seconds:6.2f} s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
