"""``workbook build`` at the edges: a read-only folder, a file it does not read, a build killed outright."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.build.conftest import copy_demo, run_build
from workbook.build.pool import RUNTIME_PREFIX

WORKBOOK = [str(Path(sys.executable).parent / "workbook")]


def as_reader(argv: list[str], folder: Path) -> subprocess.CompletedProcess:
    """Run `argv` as someone who may read `folder` but not write in it."""
    if os.geteuid() == 0:  # root writes anywhere: run as nobody instead
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    else:
        prefix = []
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    env = {**os.environ, "HOME": str(folder.parent), "WORKBOOK_LANG": "nl"}
    return subprocess.run(prefix + argv, capture_output=True, text=True, env=env, cwd=folder.parent, timeout=120)


def test_build_in_a_read_only_folder_says_so_in_dutch(tmp_path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to run as another user")
    shared = Path(tempfile.mkdtemp(prefix="alleen-lezen-"))  # outside root's private pytest folder
    try:
        shared.chmod(0o755)
        project = copy_demo(shared / "demo", keep=("de-kolk",))
        before = sorted(p.relative_to(shared) for p in shared.rglob("*"))
        done = as_reader([*WORKBOOK, "build", str(project.root)], shared)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert "kan de rapporten hier niet schrijven (Permission denied)" in done.stderr
        assert str(project.root / "build") in done.stderr
        assert sorted(p.relative_to(shared) for p in shared.rglob("*")) == before
    finally:
        shutil.rmtree(shared, ignore_errors=True)


@pytest.mark.slow
def test_build_names_a_location_file_it_does_not_read(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo", keep=("de-kolk",))
    shutil.copy(project.location_path("de-kolk"), project.root / "locaties" / "Nieuwe Locatie.yaml")
    built = run_build(project)
    assert built.code == 0, built.output
    assert "Let op, deze bestanden zijn niet gelezen" in built.output
    assert "locaties/Nieuwe Locatie.yaml: deze bestandsnaam wordt niet gelezen" in built.output
    assert "locaties/nieuwe-locatie.yaml" in built.output


def finished_reports(manifest: Path) -> set[str]:
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["targets"]
    except (OSError, ValueError, KeyError):
        return set()
    return {key for key, entry in entries.items() if entry["status"] == "ok"}


@pytest.mark.slow
def test_a_killed_build_keeps_finished_reports_and_leaves_no_kernel_folder(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo", keep=("tweeeiken", "de-kolk", "het-spijker"))
    temp = Path(tempfile.mkdtemp(prefix="wbk-"))  # short: kernel sockets live here, and socket paths are short
    try:
        _kill_and_build_again(project, temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _kill_and_build_again(project, temp: Path) -> None:
    env = {**os.environ, "TMPDIR": str(temp), "WORKBOOK_LANG": "nl"}
    manifest = project.root / "build" / "manifest.json"
    build = subprocess.Popen(
        [*WORKBOOK, "build", str(project.root), "--jobs", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while not finished_reports(manifest) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.2)
    finished = finished_reports(manifest)
    assert build.poll() is None and finished, build.stderr.read() if build.poll() is not None else "no report finished"
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert list(temp.glob(f"{RUNTIME_PREFIX}{build.pid}-*")), "the killed build's kernel folder is expected to remain"
    reports = project.root / "build" / "reports"
    kept = {path.name: path.stat().st_mtime_ns for path in reports.glob("*.html")}
    (reports / ".plan.html.0123456789ab.tmp").write_text("half a report")  # as a kill mid-write leaves it

    again = subprocess.run(
        [*WORKBOOK, "build", str(project.root), "--jobs", "1"], env=env, capture_output=True, text=True, timeout=600
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert list(temp.glob(f"{RUNTIME_PREFIX}*")) == []
    assert [p.name for p in (project.root / "build").rglob("*.tmp")] == []
    skipped = int(again.stdout.split("ongewijzigd en overgeslagen: ")[1].split(";")[0])
    assert skipped == len(finished)
    for name, mtime in kept.items():
        stem = name.removesuffix(".html")
        key = "plan" if stem == "plan" else f"location:{stem}"
        if key in finished:
            assert (reports / name).stat().st_mtime_ns == mtime  # not made again
    assert len(list(reports.glob("*.html"))) == 5  # three locations, the plan and the overview


def test_a_location_file_that_is_an_alias_bomb_fails_at_once_without_a_kernel(tmp_path: Path, alias_bomb: str) -> None:
    project = copy_demo(tmp_path / "demo", keep=("de-kolk",))
    project.location_path("de-kolk").write_text(alias_bomb, encoding="utf-8")
    run_build(project, "--location", "de-kolk")  # once, to import what a build needs: the refusal is timed
    started = time.perf_counter()
    built = run_build(project, "--location", "de-kolk")
    seconds = time.perf_counter() - started
    assert built.code == 1
    assert "mislukt: 1" in built.output
    assert "locaties/de-kolk.yaml, regel 1: het bestand herhaalt stukken via ankers en verwijzingen" in built.output
    assert seconds < 1
    assert not (built.reports / "de-kolk.html").exists()
