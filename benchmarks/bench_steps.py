"""Benchmark: how long the step pages take to draw from the demo, now that Jinja templates write them.

    python benchmarks/bench_steps.py            # best of 5 per step
    python benchmarks/bench_steps.py --runs 10

Prints, per step, the static summary (``static_html``: what papermill shows, every location for
the location step) and the feedback panels redrawn after a save (``feedback_html`` without the
charts, which matplotlib draws the same way as before; the charts are in the static figure).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbook.project.store import Project
from workbook.resources import demo_dir
from workbook.steps import STEPS, static_html
from workbook.steps.feedback import PANELS, Situation, feedback_html

CHARTS = {name for name in PANELS if name.endswith(("_factors", "_grid", "_profile", "_gantt", "_scan", "_rings"))}
CHARTS |= {"organisation_progress", "goal_progress", "measurements_over_time"}


def best(run: Callable[[], object], runs: int) -> float:
    """The fastest of `runs` runs, in milliseconds (after one run to warm up)."""
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp()) / "demo"
    shutil.copytree(demo_dir(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    project = Project.open(root)
    plan, locations = project.load_plan(), project.load_locations()
    print(f"{'step':<14}{'static summary':>16}{'feedback redraw':>18}")
    for key, step in STEPS.items():
        panels = tuple(name for name in step.feedback if name not in CHARTS)
        situation = Situation(plan, "nl", locations[0] if step.per_location else None, locations)
        summary = best(lambda step=step: static_html(step, project, lang="nl"), args.runs)
        redraw = best(lambda panels=panels, situation=situation: feedback_html(panels, situation), args.runs)
        print(f"{key:<14}{summary:>13.0f} ms{redraw:>15.1f} ms")
    shutil.rmtree(root.parent)


if __name__ == "__main__":
    main()
