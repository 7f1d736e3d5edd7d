"""Benchmark: milliseconds per goal for the SMART check, on the labelled Dutch goals.

    python benchmarks/bench_smart.py              # every goal of tests/advice/goals.yaml, 20 rounds
    python benchmarks/bench_smart.py --rounds 100

Prints the mean, median, p99 and max over every timed check in ms (target: under 5 ms per goal),
in Dutch and English; the processor time per goal; and the slowest goal timed by its fastest round
(the check's own cost, without the waits of a busy machine).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from workbook.analysis.smart import check_goal
from workbook.model import Goal

GOALS = Path(__file__).resolve().parent.parent / "tests" / "advice" / "goals.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    goals = [Goal(id=f"D{i}", text=g["text"]) for i, g in enumerate(yaml.safe_load(GOALS.read_text("utf-8")))]
    check_goal(goals[0], "nl")  # compile the patterns and load the locale once
    per_goal: list[float] = []
    cpu_start = time.process_time()
    fastest: dict[tuple[str, str], float] = {}
    for lang in ("nl", "en"):
        for _ in range(args.rounds):
            for goal in goals:
                start = time.perf_counter()
                check_goal(goal, lang)
                elapsed = (time.perf_counter() - start) * 1000
                per_goal.append(elapsed)
                key = (goal.id, lang)
                fastest[key] = min(fastest.get(key, elapsed), elapsed)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(per_goal)
    print(f"SMART check: {len(goals)} goals x {args.rounds} rounds x 2 languages")
    print(f"  cpu    {cpu_ms:.3f} ms per goal (processor time of this process, whatever else runs)")
    print(f"  mean   {statistics.mean(per_goal):.3f} ms per goal")
    print(f"  median {statistics.median(per_goal):.3f} ms per goal")
    print(f"  p99    {statistics.quantiles(per_goal, n=100)[98]:.3f} ms per goal")
    print(f"  max    {max(per_goal):.3f} ms per goal (target: under 5 ms)")
    print(f"  slowest goal, best of its rounds: {max(fastest.values()):.3f} ms")


if __name__ == "__main__":
    main()
