"""The version store after many saves: time per save, restoring the first version, size on disk.

Makes the demo's plan go through N autosaves (alternating sections, so that none are folded),
then prints the median time the store adds to a save, how long ``workbook restore`` of the first
version takes, and the size of ``.versies/`` on disk (loose objects as saved, then packed).

    python benchmarks/bench_versions.py [--saves N]
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from workbook.model import Basics
from workbook.project.restore import restore
from workbook.project.store import Project
from workbook.resources import demo_dir
from workbook.versions.store import STORE_DIR, VersionStore


def size_on_disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def report(label: str, value: str) -> None:
    print(f"{label:<52} {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "demo"
        shutil.copytree(demo_dir(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        project = Project.open(root)
        first = project.plan_path.read_bytes()
        plan = project.load_plan()
        keeping: list[float] = []
        saving = project.versions.saving

        @contextlib.contextmanager
        def timed_saving(*args, **kwargs):
            """The store's own time per save: around the file write, not the write itself."""
            began = time.perf_counter()
            with saving(*args, **kwargs):
                inside = time.perf_counter()
                yield
                resumed = time.perf_counter()
            keeping.append(((inside - began) + (time.perf_counter() - resumed)) * 1000)

        project.versions.saving = timed_saving
        began = time.perf_counter()
        for n in range(args.saves):
            if n % 2:
                project.update_plan("basics", Basics(**{**plan.basics.model_dump(), "need": f"versie {n}"}))
            else:
                goals = [
                    g.model_copy(update={"owner": f"Eigenaar {n}"}) if i == 2 else g for i, g in enumerate(plan.goals)
                ]
                project.update_plan("goals", goals)
        elapsed = time.perf_counter() - began
        report(f"{args.saves} saves of werkboek.yaml ({len(first) // 1024} KiB)", f"{elapsed:.1f} s in all")
        rest = sorted(keeping[1:])
        report(
            "  of which keeping the version, per save",
            f"median {statistics.median(rest):.1f} ms, 95% under {rest[int(len(rest) * 0.95)]:.1f} ms, "
            f"max {rest[-1]:.0f} ms",
        )
        report("  the first save, which makes the store", f"{keeping[0]:.0f} ms")
        slow = [t for t in rest if t > 300]
        report(
            "  saves that also packed the store (> 300 ms)", f"{len(slow)}, {statistics.mean(slow or [0]):.0f} ms each"
        )
        store_dir = root / STORE_DIR
        report("size of .versies/ (loose objects)", f"{size_on_disk(store_dir) / 1024 / 1024:.1f} MiB")

        began = time.perf_counter()
        fresh = Project.open(root)  # as a new `workbook restore` process would
        versions = fresh.versions.versions()
        restore(fresh, versions[0])
        report(f"restore of the first of {len(versions)} versions", f"{(time.perf_counter() - began) * 1000:.0f} ms")
        assert fresh.plan_path.read_bytes() == first

        store = VersionStore(root)
        began = time.perf_counter()
        with fresh.locked():
            store.pack()
        report("packing the store", f"{(time.perf_counter() - began) * 1000:.0f} ms")
        report("size of .versies/ (packed)", f"{size_on_disk(store_dir) / 1024 / 1024:.1f} MiB")
        began = time.perf_counter()
        packed = Project.open(root)
        restore(packed, packed.versions.versions()[1])
        report("restore of the second version, from the pack", f"{(time.perf_counter() - began) * 1000:.0f} ms")
        report("plan size × versions, for comparison", f"{len(first) * len(versions) / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
