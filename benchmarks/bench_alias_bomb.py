"""Benchmark: a 1.5 KB YAML alias bomb ("billion laughs") as werkboek.yaml and as a location file.

    python benchmarks/bench_alias_bomb.py

For ``workbook check``, ``workbook export --format xlsx`` and ``workbook build`` it prints:

- the refusal itself, in this process after one warm-up run (so imports are not counted):
  seconds, and the peak of Python allocations (tracemalloc) in MB;
- the whole command as a new process: wall seconds and peak resident memory (ru_maxrss) in MB,
  Python start-up and imports included.

Targets (issue 9): refused in under 1 s with under 200 MB.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from workbook.cli import main
from workbook.project.store import Project

BIN = Path(sys.executable).parent


def bomb() -> str:
    """Nine strings, then nine levels of nine aliases: 9^10 strings when expanded, about 1.5 KB written."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        this, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append("# " + "lol " * 260)
    return "\n".join(lines) + "\n"


def in_process(argv: list[str]) -> tuple[int, float, float]:
    """Exit code, seconds and peak MB of Python allocations of `argv`, after one warm-up run."""
    quiet = contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO())
    with quiet[0], quiet[1]:
        main(argv)
        tracemalloc.start()
        started = time.perf_counter()
        code = main(argv)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return code, seconds, peak


def as_process(argv: list[str]) -> tuple[int, float, float]:
    """Exit code, wall seconds and peak resident MB of `workbook argv` as a new process."""
    started = time.perf_counter()
    process = subprocess.Popen([str(BIN / "workbook"), *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, seconds, usage.ru_maxrss / 1024


def main_() -> None:
    text = bomb()
    print(f"bomb: {len(text.encode())} bytes, 9^10 = {9**10:,} strings when expanded")
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "plan", "Bomb", "Test")
        location = project.add_location("De Kolk")
        cases = {
            "plan": (project.plan_path, ["check", "export", "build"]),
            "location": (project.location_path(location.slug), ["check", "export", "build"]),
        }
        for where, (path, commands) in cases.items():
            good = path.read_text(encoding="utf-8")
            path.write_text(text, encoding="utf-8")
            for command in commands:
                argv = {
                    "check": ["check", str(project.root)],
                    "export": ["export", str(project.root), "--format", "xlsx"],
                    "build": ["build", str(project.root), "--location", location.slug],
                }[command]
                code, seconds, peak = in_process(argv)
                p_code, p_seconds, p_peak = as_process(argv)
                print(
                    f"{where:<9} {command:<7} refused (exit {code}) in {seconds:6.3f} s, {peak:6.1f} MB allocated"
                    f" | as a process: exit {p_code}, {p_seconds:5.2f} s wall, {p_peak:6.1f} MB peak resident"
                )
            path.write_text(good, encoding="utf-8")


if __name__ == "__main__":
    main_()
