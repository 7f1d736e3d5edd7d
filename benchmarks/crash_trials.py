"""Crash trials: SIGKILL a process that is saving, importing, restoring, marking and packing, at a
random moment, and check after every kill that nothing was lost and nothing is stuck.

Each trial forks a child from this process (the workbook is imported once, so a trial costs
milliseconds, not a Python start). The child works on a small project in a loop and writes an
acknowledgement line after each save, import and mark has returned. At a random moment the child
is killed with SIGKILL. Then this process checks that

- the project loads (plan and every location) and ``workbook check`` finds no errors;
- every acknowledged save, import and label is in the versions;
- the files on disk are the newest version and no hand edit was invented for the child's saves;
- ``workbook history`` and ``workbook mark`` work and the next save succeeds.

Every ``--fresh`` trials a new project is made, so that a trial's checks stay cheap. Autosaves are
not folded (``FOLD_MINUTES = 0``): folding replaces the newest version by design, which would
hide an acknowledged save the same way a lost one is hidden.

    python benchmarks/crash_trials.py --kills 1000

Prints the counts; exits 1 when any trial found a corrupt project, a lost save or a wedged store.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from workbook.cli import main as workbook_main
from workbook.cli.check import check_project
from workbook.importer import import_measurements
from workbook.model import Basics, Goal, Measurement
from workbook.project.restore import restore
from workbook.project.store import Project
from workbook.versions import store as versions_module
from workbook.versions.store import FOUND, blob_id

SLUG = "de-linde"


@dataclass
class Figures:
    kills: int = 0
    corrupt: int = 0  # does not load, or `workbook check` reports errors
    lost: int = 0  # acknowledged saves, imports and labels missing from the versions
    wedged: int = 0  # history, mark or the next save failed
    drift: int = 0  # files on disk that are not the newest version after the next step
    invented: int = 0  # "changed outside the workbook" versions nobody made
    child_errors: int = 0  # operations that raised in the child before it was killed
    acknowledged: int = 0
    ended_early: int = 0  # children that were not running any more when the kill came
    notes: list[str] = field(default_factory=list)

    @property
    def bad(self) -> int:
        return self.corrupt + self.lost + self.wedged + self.drift + self.invented


def make_project(root: Path) -> None:
    project = Project.create(root, "Crashproef", "Zorggroep Proef")
    project.update_plan("goals", [Goal(id="D1", text="Meer beeldbellen")])
    location = project.add_location("De Linde")
    location.measurements = [Measurement(date=date(2026, 1, 1), goal_id="D1", value=1)]
    project.save_location(location)


# --- the child -----------------------------------------------------------------------------------


def child(root: Path, acks: Path, seed: int) -> None:
    """Work on the project until killed; one line in `acks` after every operation that returned."""
    rng = random.Random(seed)
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def ack(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    project = Project.open(root)
    n = 0
    while True:
        n += 1
        token = f"t{seed}x{n}"
        op = rng.choices(["plan", "location", "import", "restore", "mark", "pack"], [40, 20, 10, 10, 10, 10])[0]
        try:
            if op == "plan":
                project.update_plan("basics", Basics(project_name=f"Crashproef {token}"))
                ack(f"plan {token}")
            elif op == "location":
                project.update_location(SLUG, "name", f"De Linde {token}")
                ack(f"location {token}")
            elif op == "import":
                source = root.parent / f"import-{seed}-{n}.csv"
                day = date(2020, 1, 1) + timedelta(days=rng.randrange(4000))
                source.write_text(f"datum,doel,waarde,toelichting\n{day.isoformat()},D1,{n},{token}\n")
                import_measurements(project, source, SLUG)
                source.unlink()
                ack(f"import {token}")
            elif op == "restore":
                versions = project.versions.versions()
                restore(project, rng.choice(versions[-20:]))
            elif op == "mark":
                with project.locked():
                    project.versions.mark(f"Label {token}")
                ack(f"mark Label {token}")
            else:
                with project.locked():
                    project.versions.pack()
        except Exception as error:  # noqa: BLE001 - counted by the parent
            ack(f"error {op} {type(error).__name__}: {error}".replace("\n", " "))


# --- a trial -------------------------------------------------------------------------------------


def run_trial(root: Path, trial: int, seed: int, max_ms: float, figures: Figures, rng: random.Random) -> None:
    acks = root.parent / f"acks-{trial}.txt"
    before = len(Project.open(root).versions.versions())
    pid = os.fork()
    if pid == 0:
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            child(root, acks, seed)
        finally:
            os._exit(1)
    time.sleep(rng.uniform(0, max_ms) / 1000)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    figures.kills += 1
    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        figures.ended_early += 1
    lines = acks.read_text().splitlines() if acks.exists() else []
    acks.unlink(missing_ok=True)
    errors = [line for line in lines if line.startswith("error ")]
    if errors:
        figures.child_errors += len(errors)
        figures.notes.append(f"trial {trial}: {errors[0]}")
    done = [line.split(" ", 1) for line in lines if not line.startswith("error ")]
    figures.acknowledged += len(done)
    verify(root, trial, done, before, figures)


def verify(root: Path, trial: int, done: list[list[str]], before: int, figures: Figures) -> None:
    # 1. The project loads as it was left, then `workbook check` (which heals the store) finds no errors.
    try:
        project = Project.open(root)
        project.load_plan()
        project.load_locations()
        report = check_project(project)
        if report.problems:
            figures.corrupt += 1
            figures.notes.append(f"trial {trial}: check: {report.problems[0]}")
    except Exception as error:  # noqa: BLE001
        figures.corrupt += 1
        figures.notes.append(f"trial {trial}: does not load: {type(error).__name__}: {error}")
        return
    # 2. Every acknowledged operation is in the versions.
    store = Project.open(root).versions
    try:
        missing = missing_acks(store, done)
    except Exception as error:  # noqa: BLE001
        missing = [f"versions unreadable: {error}"]
    if missing:
        figures.lost += len(missing)
        figures.notes.append(f"trial {trial}: lost {missing[:3]}")
    # 3. History and mark work, and the next save succeeds.
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            codes = [
                workbook_main(["history", str(root)]),
                workbook_main(["mark", str(root), f"Na proef {trial}"]),
            ]
        Project.open(root).update_plan("basics", Basics(project_name=f"Na proef {trial}"))
        if codes != [0, 0]:
            raise RuntimeError(f"exit codes {codes}: {quiet.getvalue()[-300:]}")
    except BaseException as error:  # noqa: BLE001 - SystemExit from argparse counts too
        figures.wedged += 1
        figures.notes.append(f"trial {trial}: wedged: {type(error).__name__}: {error}")
        traceback.print_exc(file=sys.stderr)
        return
    # 4. The folder is its newest version, and no version says "changed outside" for the child's work.
    store = Project.open(root).versions
    newest = store.newest_files()
    on_disk = {rel: blob_id(path.read_bytes()) for rel, path in store.tracked_on_disk().items()}
    if newest != on_disk:
        figures.drift += 1
        figures.notes.append(f"trial {trial}: disk differs from the newest version")
    invented = [v for v in store.versions()[before:] if v.kind == FOUND]
    if invented:
        figures.invented += len(invented)
        figures.notes.append(f"trial {trial}: {len(invented)} invented hand edit(s): {invented[0].files}")


def missing_acks(store: versions_module.VersionStore, done: list[list[str]]) -> list[str]:
    """The acknowledged operations that no version (or label) holds."""
    wanted = {"plan": set(), "location": set(), "import": set()}
    labels = {text for text, _ in store.label_list()}
    missing = [f"mark {text}" for kind, text in done if kind == "mark" and text not in labels]
    for kind, token in done:
        if kind in wanted:
            wanted[kind].add(token)
    files = {"plan": "werkboek.yaml", "location": f"locaties/{SLUG}.yaml", "import": f"metingen/{SLUG}.csv"}
    for kind, tokens in wanted.items():
        if not tokens:
            continue
        seen: set[bytes] = set()
        for version in reversed(store.versions()):
            blob = store.files(version).get(files[kind])
            if blob is None or blob in seen:
                continue
            seen.add(blob)
            text = store.repo.object_store[blob].as_raw_string().decode()
            tokens = {t for t in tokens if f" {t}" not in text and f",{t}" not in text}
            if not tokens:
                break
        missing += [f"{kind} {t}" for t in sorted(tokens)]
    return missing


def trials(kills: int, max_ms: float = 80, fresh: int = 20, seed: int = 19, folder: Path | None = None) -> Figures:
    """Run `kills` trials; the figures."""
    rng = random.Random(seed)
    os.environ.setdefault("WORKBOOK_AUTHOR", "Crashproef")
    versions_module.FOLD_MINUTES = 0  # inherited by every child
    figures = Figures()
    work = Path(folder or tempfile.mkdtemp(prefix="crash-trials-"))
    root = work / "p0"
    for trial in range(kills):
        if trial % fresh == 0:
            shutil.rmtree(root.parent / f"p{trial - fresh}", ignore_errors=True)
            root = work / f"p{trial}"
            make_project(root)
        run_trial(root, trial, rng.randrange(1 << 30), max_ms, figures, rng)
    if not folder:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="how many children to kill (default 1000)")
    parser.add_argument("--max-ms", type=float, default=80, help="kill within this many milliseconds")
    parser.add_argument("--fresh", type=int, default=20, help="a new project every this many trials")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--folder", type=Path, help="where the projects go (default: a temporary folder)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    figures = trials(args.kills, args.max_ms, args.fresh, args.seed, args.folder)
    seconds = time.perf_counter() - began
    print(f"kills                        {figures.kills}")
    print(f"corrupt projects             {figures.corrupt}")
    print(f"lost acknowledged saves      {figures.lost}")
    print(f"wedged stores                {figures.wedged}")
    print(f"disk not the newest version  {figures.drift}")
    print(f"invented hand edits          {figures.invented}")
    print(f"errors in children           {figures.child_errors}")
    print(f"acknowledged operations      {figures.acknowledged}")
    print(f"children already ended       {figures.ended_early}")
    print(f"time                         {seconds:.0f} s")
    for note in figures.notes[:20]:
        print("  " + note)
    return 1 if figures.bad else 0


if __name__ == "__main__":
    sys.exit(main())
