"""Benchmark: a committee's portfolio of 30 projects, built and checked on this machine.

    python benchmarks/bench_portfolio.py                       # 30 projects of 5 locations each
    python benchmarks/bench_portfolio.py --projects 8 --locations 3
    python benchmarks/bench_portfolio.py --mix                 # the demo's seven projects, repeated

Makes a portfolio from the demo portfolio (``workbook demo --portfolio``): by default every project is
a copy of its night-care project cut to ``--locations`` locations (the issue's 30 projects × 5
locations), with the portfolio facts (status, scores, hours, start, budget) of the demo's seven
projects in turn, varied with a fixed seed so the year plan has work to do. With ``--mix`` the
projects are copies of the demo's seven project folders in turn (most of them small).

Then times, one after the other, each as a command of its own:

1. ``workbook build DIR`` from scratch;
2. ``workbook build DIR`` again with nothing changed;
3. ``workbook check DIR``.

Wall seconds, CPU seconds (user plus system of the command and all its child processes, kernels
included) and peak memory (the largest sum of resident memory over the command and its child
processes, sampled every 50 ms) are measured as ``bench_build.py`` measures them.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

from bench_build import BIN, Run, measure

from workbook.model.portfolio import QUARTERS, PortfolioProject
from workbook.portfolio.demo import prepare_demo_portfolio
from workbook.portfolio.store import PortfolioFolder
from workbook.project.store import Project

NIGHT_CARE = "slimme-nachtzorg"


def portfolio(target: Path, projects: int, locations: int, mix: bool, seed: int) -> tuple[int, int]:
    """A portfolio of `projects` projects at `target`; returns (projects, locations) made."""
    demo_root = target.parent / "demo-portfolio"
    demo = PortfolioFolder.open(prepare_demo_portfolio(demo_root))
    facts = demo.load()
    folder = PortfolioFolder.create(target, facts.name, facts.organisation, facts.year)
    made = folder.load()
    made.criteria = facts.criteria
    # capacity grows with the number of projects, a little short of what they ask: the plan must say no
    scale = projects / len(facts.projects)
    made.capacity = facts.capacity.model_copy(
        update={f"q{q}": round(facts.capacity.of(q) * scale * 0.8) for q in QUARTERS}
    )
    rng = random.Random(seed)
    total_locations = 0
    for number in range(projects):
        template = facts.projects[number % len(facts.projects)]
        code = f"{template.code}-{number + 1:02d}"
        source = demo.project_dir(NIGHT_CARE if not mix else template.code)
        shutil.copytree(source, folder.project_dir(code), ignore=shutil.ignore_patterns("build"))
        project = Project.open(folder.project_dir(code))
        for extra in project.location_slugs()[locations:]:
            project.location_path(extra).unlink()
            project.measurements_path(extra).unlink(missing_ok=True)
        total_locations += len(project.location_slugs())
        entry = PortfolioProject(
            code=code,
            name=f"{template.name} {number + 1}",
            status=template.status,
            start_quarter=rng.randint(1, 4) if template.hours_per_quarter or template.hours_total else 1,
            hours_per_quarter=[round(h * rng.uniform(0.5, 1.5)) for h in template.hours_per_quarter],
            hours_total=round(template.hours_total * rng.uniform(0.5, 1.5)) if template.hours_total else None,
            budget=template.budget,
            scores={key: rng.randint(1, 5) for key in template.scores},
            decisions=template.decisions,
        )
        made.projects.append(entry)
    folder.save(made)
    shutil.rmtree(demo_root)
    return projects, total_locations


def line(label: str, run: Run) -> str:
    return (
        f"{label:<36} {run.seconds:8.1f} s wall  CPU {run.cpu:7.1f} s  peak {run.peak_mb:6.0f} MB  load {run.load:4.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=30)
    parser.add_argument("--locations", type=int, default=5, help="at most this many locations per project")
    parser.add_argument("--mix", action="store_true", help="copies of the demo's seven projects, not of night care")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--keep", metavar="DIR", help="make the portfolio here and leave it (default: a temporary folder)"
    )
    args = parser.parse_args()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("WORKBOOK_INTERACTIVE", None)
    workbook = str(BIN / "workbook")

    with tempfile.TemporaryDirectory(prefix="bench-portfolio-") as scratch:
        root = Path(args.keep).resolve() if args.keep else Path(scratch) / "portefeuille"
        count, locations = portfolio(root, args.projects, args.locations, args.mix, args.seed)
        kind = "copies of the demo's seven projects" if args.mix else "copies of the night-care project"
        print(f"Machine: {os.cpu_count()} cores. Python {sys.version.split()[0]}.")
        print(f"Portfolio: {count} projects ({kind}), {locations} locations in all.\n", flush=True)
        first = measure([[workbook, "build", str(root)]], env)
        print(line("workbook build (from scratch)", first), flush=True)
        again = measure([[workbook, "build", str(root)]], env)
        print(line("workbook build, nothing changed", again), flush=True)
        check = measure([[workbook, "check", str(root)]], env)
        print(line("workbook check", check), flush=True)
        print(f"\nPer project: build {first.seconds / count:.1f} s, rebuild {again.seconds / count:.2f} s.")


if __name__ == "__main__":
    main()
