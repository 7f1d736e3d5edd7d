"""Benchmark: ``workbook build`` against the loop a user would write, on the same machine, in one run.

    python benchmarks/bench_build.py                  # 24 locations, then 200 for memory
    python benchmarks/bench_build.py --locations 8 --large 0 --naive-sample 4
    python benchmarks/bench_build.py --demo-only      # only the demo, rebuilt with --force

Makes an organisation of N locations from the demo (its locations repeated under new codes),
then times, one after the other:

1. the naive loop, per location: ``papermill`` (CLI) on the location notebook, then
   ``jupyter nbconvert --to html --no-input``; locations one after another;
2. the same loop on a copy of the notebook holding only the parameters and the report cells
   (the work ``workbook build`` does: it skips the interactive form cell);
3. ``workbook build DIR`` from scratch, and again with nothing changed;
4. the same location reports rendered in one Python process, without notebooks (every section
   of ``LocationReport`` on a page): the floor the build is compared with;
5. ``workbook build`` on a large organisation (``--large``, default 200) for peak memory;
6. ``workbook build --force`` on the demo itself (7 locations), ``--demo-runs`` times (default 3):
   the case the speed target is set for (under 2 s on a 2-core machine).

Peak memory is the largest sum of resident memory over the command and all its child processes
(kernels included), sampled every 50 ms with psutil. CPU is the user plus system time of the
command and all its child processes (kernels included). The load average is printed beside
every figure: other work on the machine slows the wall time down.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil

from workbook.build.engine import REPORT_TAG
from workbook.build.pipeline import LOCATION_NOTEBOOK as LOCATION_NOTEBOOK_NAME
from workbook.project.store import Project
from workbook.resources import demo_dir, notebooks_dir

BIN = Path(sys.executable).parent
LOCATION_NOTEBOOK = notebooks_dir() / LOCATION_NOTEBOOK_NAME


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu: float
    """User plus system seconds of the commands and all their child processes."""
    load: float
    """The one-minute load average when the commands started."""


def organisation(target: Path, count: int) -> list[str]:
    """A copy of the demo with `count` locations; returns their codes."""
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    project = Project.open(target)
    originals = project.location_slugs()
    slugs = []
    for number in range(count):
        source = originals[number % len(originals)]
        round_ = number // len(originals) + 1
        if round_ > 1:
            location = project.load_location(source)
            location.slug = f"{source}-{round_}"
            location.name = f"{location.name} {round_}"
            project.save_location(location)
        slugs.append(source if round_ == 1 else f"{source}-{round_}")
    for extra in originals[count:]:
        project.location_path(extra).unlink()
        project.measurements_path(extra).unlink(missing_ok=True)
    return slugs


def measure(commands: list[list[str]], env: dict[str, str]) -> Run:
    """Run `commands` one after another; wall time, CPU time and peak memory of each process tree."""
    peak = 0.0
    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    for command in commands:
        process = psutil.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = _Sampler(process)
        sampler.start()
        _, stderr = process.communicate()
        sampler.stop()
        peak = max(peak, sampler.peak)
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr.decode()[-2000:]}")
    return Run(time.perf_counter() - start, peak / 2**20, _children_cpu() - cpu_before, load)


def _children_cpu() -> float:
    """CPU seconds of every finished child process of this one (their own children included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class _Sampler(threading.Thread):
    """Samples the resident memory of a process and all its descendants."""

    def __init__(self, process: psutil.Process):
        super().__init__(daemon=True)
        self.process = process
        self.peak = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(_rss(p) for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> None:
        self.running = False
        self.join()


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


def report_cells_only(target: Path) -> Path:
    """The location notebook with only its parameters cell and its report cells."""
    nb = nbformat.read(LOCATION_NOTEBOOK, as_version=4)
    nb.cells = [
        cell
        for cell in nb.cells
        if {"parameters", REPORT_TAG} & set(cell.metadata.get("tags", [])) and cell.cell_type == "code"
    ]
    nbformat.write(nb, target)
    return target


IN_PROCESS = """
import sys, time
from workbook.report.location import LocationReport
from workbook.report.page import page
from workbook.project.store import Project

SECTIONS = ("header", "summary", "team", "runbook", "clients", "measurements", "sustainability",
            "experiences", "intake", "evaluation")
project = Project.open(sys.argv[1])
for slug in project.location_slugs():
    report = LocationReport.load(project.root, slug)
    body = "".join(str(getattr(report, name)()) for name in SECTIONS)
    page(slug, body, "nl", "")
"""
"""Every location's report rendered in this one process: no kernel, no notebook, no nbconvert."""


def naive_loop(notebook: Path, project: Path, slugs: list[str], out: Path) -> list[list[str]]:
    """The commands of the loop a user would write."""
    out.mkdir(parents=True, exist_ok=True)
    commands = []
    for slug in slugs:
        executed = out / f"{slug}.ipynb"
        commands.append(
            [str(BIN / "papermill"), "--no-progress-bar", str(notebook), str(executed)]
            + ["-p", "project", str(project), "-p", "location", slug]
        )
        commands.append([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
    return commands


def line(label: str, run: Run, locations: int) -> str:
    return (
        f"{label:<46} {run.seconds:8.1f} s  {run.seconds / locations:6.2f} s/location  "
        f"CPU {run.cpu:6.1f} s  peak {run.peak_mb:5.0f} MB  load {run.load:4.1f}"
    )


def demo_runs(folder: Path, runs: int, jobs: list[str], env: dict[str, str]) -> None:
    """``workbook build --force`` on the demo, `runs` times after one build to set it up."""
    demo = folder / "demo"
    shutil.copytree(demo_dir(), demo, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    count = len(Project.open(demo).location_slugs())
    command = [str(BIN / "workbook"), "build", str(demo), "--force", *jobs]
    measure([command], env)
    print(f"The demo ({count} locations), workbook build --force:")
    results = [measure([command], env) for _ in range(runs)]
    for number, run in enumerate(results, 1):
        print(f"  run {number}: {run.seconds:5.2f} s wall  CPU {run.cpu:5.2f} s  load {run.load:4.1f}")
    best = min(results, key=lambda run: run.seconds)
    print(f"  best: {best.seconds:5.2f} s wall, CPU {min(run.cpu for run in results):5.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--locations", type=int, default=24)
    parser.add_argument("--large", type=int, default=200, help="locations for the memory run (0: skip)")
    parser.add_argument(
        "--naive-sample", type=int, default=0, help="time the naive loops on this many locations only (0: all)"
    )
    parser.add_argument("--jobs", type=int, default=0, help="workbook build --jobs (0: its default)")
    parser.add_argument("--demo-runs", type=int, default=3, help="builds of the demo with --force (0: skip)")
    parser.add_argument("--demo-only", action="store_true", help="only the demo builds")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("WORKBOOK_INTERACTIVE", None)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []

    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        root = Path(folder)
        print(f"Machine: {os.cpu_count()} cores.")
        if args.demo_runs:
            demo_runs(root, args.demo_runs, jobs, env)
        if args.demo_only:
            return
        slugs = organisation(root / "org", args.locations)
        sample = slugs[: args.naive_sample] if args.naive_sample else slugs
        print(f"\nOrganisation: {len(slugs)} locations (the demo's, repeated).")
        print(f"Naive loops timed on {len(sample)} locations, one after another.\n")

        naive = measure(naive_loop(LOCATION_NOTEBOOK, root / "org", sample, root / "naive"), env)
        print(line("naive loop (papermill + nbconvert, per location)", naive, len(sample)), flush=True)
        lean = report_cells_only(root / "report_cells.ipynb")
        naive_lean = measure(naive_loop(lean, root / "org", sample, root / "naive-lean"), env)
        print(line("naive loop, report cells only", naive_lean, len(sample)), flush=True)

        workbook = str(BIN / "workbook")
        built = measure([[workbook, "build", str(root / "org"), *jobs]], env)
        print(line("workbook build (from scratch)", built, len(slugs)), flush=True)
        again = measure([[workbook, "build", str(root / "org"), *jobs]], env)
        print(f"{'workbook build, nothing changed':<46} {again.seconds:8.2f} s  CPU {again.cpu:6.2f} s")
        in_process = measure([[sys.executable, "-c", IN_PROCESS, str(root / "org")]], env)
        print(line("the same reports in one process (no notebooks)", in_process, len(slugs)), flush=True)

        per_naive, per_lean, per_build = (
            naive.seconds / len(sample),
            naive_lean.seconds / len(sample),
            built.seconds / len(slugs),
        )
        print(f"\nPer location, naive loop / workbook build:               {per_naive / per_build:5.1f}x")
        print(f"Per location, naive loop (report cells only) / build:     {per_lean / per_build:5.1f}x")
        print(
            f"Per location, build / in one process:                     {per_build / (in_process.seconds / len(slugs)):5.1f}x"
        )

        if args.large:
            large_slugs = organisation(root / "large", args.large)
            large = measure([[workbook, "build", str(root / "large"), *jobs]], env)
            print()
            print(line(f"workbook build, {len(large_slugs)} locations", large, len(large_slugs)))


if __name__ == "__main__":
    main()
