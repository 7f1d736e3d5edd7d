"""Save latency after one edit on a large plan: 100 goals, 500 actions, 50 locations.

Prints the time from typing into one field to the section being on disk (validation, then
``Project.save_plan_section`` under the lock: read, three-way merge with what the form loaded,
write atomically, keep the version in ``.versies/``), without the pause the form waits for while
someone types. Goal: under 100 ms.

    python benchmarks/bench_save.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from workbook.forms import Form, Section
from workbook.model import Action, Goal, Location, RunbookActivity
from workbook.project.store import Project

GOALS, ACTIONS_PER_GOAL, LOCATIONS = 100, 5, 50


def large_project(root: Path) -> Project:
    """A project with 100 goals of 5 actions each and 50 locations with a runbook."""
    project = Project.create(root, "Groot project", "Zorggroep Benchmark")
    plan = project.load_plan()
    start = dt.date(2026, 1, 1)
    plan.goals = [
        Goal(
            id=f"D{g}",
            text=f"Binnen een jaar gebruikt {g}% van de teams de nieuwe werkwijze bij elke dienst.",
            indicator="Aandeel teams",
            baseline=0,
            target=80,
            unit="%",
            deadline=start + dt.timedelta(days=365),
            owner="Projectleider",
            actions=[
                Action(text=f"Actie {a} bij doel {g}", who="Teamleider", when=start + dt.timedelta(days=a))
                for a in range(ACTIONS_PER_GOAL)
            ],
        )
        for g in range(1, GOALS + 1)
    ]
    project.save_plan(plan)
    for number in range(1, LOCATIONS + 1):
        location = project.add_location(f"Locatie {number}")
        project.save_location(
            Location(
                name=location.name,
                slug=location.slug,
                start=start,
                runbook=[RunbookActivity(activity=f"Stap {s}", person="Coach") for s in range(12)],
            )
        )
    return project


def timed_edit(form: Form, section: str, path: tuple, values: list[str]) -> list[float]:
    """Milliseconds from setting the value to the saved file, once per value."""
    control = form.find(section, *path).control
    timings = []
    for value in values:
        began = time.perf_counter()
        control.value = value
        form.flush()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def split(form: Form, section: str, repeat: int) -> tuple[list[float], list[float]]:
    """Milliseconds spent validating the section (the form) and writing it (the store), separately."""
    checking, writing = [], []
    for _ in range(repeat):
        began = time.perf_counter()
        part = form.sections[section]
        value, _errors = part.validate()
        data = part.data(value)
        checking.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        form.target.save(section, data, part.base)
        writing.append((time.perf_counter() - began) * 1000)
    return checking, writing


def keep_timings(project: Project) -> list[float]:
    """Milliseconds the version store takes per save, collected while the benchmark runs."""
    timings: list[float] = []
    saving = project.versions.saving

    @contextlib.contextmanager
    def timed(*args, **kwargs):
        """The store's own time per save: around the file write, not the write itself."""
        began = time.perf_counter()
        with saving(*args, **kwargs):
            inside = time.perf_counter()
            yield
            resumed = time.perf_counter()
        timings.append(((inside - began) + (time.perf_counter() - resumed)) * 1000)

    project.versions.saving = timed
    return timings


def report(label: str, timings: list[float]) -> None:
    print(
        f"{label:<44} median {statistics.median(timings):6.1f} ms   "
        f"min {min(timings):6.1f} ms   max {max(timings):6.1f} ms   (n={len(timings)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        project = large_project(Path(folder) / "groot")
        print(
            f"made a project with {GOALS} goals, {GOALS * ACTIONS_PER_GOAL} actions and {LOCATIONS} locations "
            f"in {time.perf_counter() - began:.1f} s; plan file {project.plan_path.stat().st_size // 1024} KiB"
        )

        keeping = keep_timings(project)
        began = time.perf_counter()
        goals = Form(project, [Section("goals")], lang="nl", delay=60)
        print(f"{'opening the goals form (100 cards)':<44} {(time.perf_counter() - began) * 1000:6.0f} ms")
        values = [f"Eigenaar {n}" for n in range(args.repeat)]
        report("one edit in goal 50 -> werkboek.yaml", timed_edit(goals, "goals", (49, "owner"), values))
        report("one edit in an action -> werkboek.yaml", timed_edit(goals, "goals", (10, "actions", 2, "who"), values))
        report("  of which: keeping the version (.versies/)", keeping[1:])
        checking, writing = split(goals, "goals", args.repeat)
        report("  of which: validating the goals (form)", checking)
        report("  of which: Project.save_plan_section (store)", writing)

        basics = Form(project, [Section("basics")], lang="nl", delay=60)
        report("one edit in the basics -> werkboek.yaml", timed_edit(basics, "basics", ("need",), values))

        slug = project.location_slugs()[25]
        location = Form(project, [Section("runbook")], location=slug, lang="nl", delay=60)
        report("one edit in a runbook -> locaties/<slug>.yaml", timed_edit(location, "runbook", (5, "person"), values))
        print("goal: under 100 ms per save")


if __name__ == "__main__":
    main()
