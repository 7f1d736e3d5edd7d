"""A version store that cannot wedge: leftovers of a killed save are cleared or ignored, and a save
killed between its file and its version leaves no phantom version and no invented hand edit."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from dulwich.objects import Blob
from dulwich.repo import Repo

from workbook.model import Basics, Goal, Measurement
from workbook.project import store as store_module
from workbook.project.restore import restore
from workbook.project.store import Project
from workbook.versions import store as versions_module

FORK = multiprocessing.get_context("fork")
WORKBOOK = Path(sys.executable).with_name("workbook")
GARBAGE = b"half a save that never became a version"


@pytest.fixture(autouse=True)
def no_folding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save its own version (forked children inherit this), so each one can be counted."""
    monkeypatch.setattr(versions_module, "FOLD_MINUTES", 0)


def workbook(*args: str) -> subprocess.CompletedProcess:
    """The installed ``workbook`` command, in Dutch."""
    command = [str(WORKBOOK)] if WORKBOOK.is_file() else [sys.executable, "-c", "from workbook.cli import main; main()"]
    env = {**os.environ, "WORKBOOK_LANG": "nl"}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=120)


def kinds(project: Project) -> list[str]:
    return [v.kind for v in Project.open(project.root).versions.versions()]


def plan_names(project: Project) -> list[str]:
    """The project name in werkboek.yaml of every version, oldest first."""
    store = Project.open(project.root).versions
    names = []
    for version in store.versions():
        text = store.read(version, "werkboek.yaml").decode()
        names.append(next(line.split(":", 1)[1].strip() for line in text.splitlines() if "project_name" in line))
    return names


def test_a_loose_object_and_a_stale_lock_stop_nothing(empty_project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    root = empty_project.root
    garbage = Blob.from_string(GARBAGE)
    repo = Repo(str(root / ".versies"))
    repo.object_store.add_object(garbage)  # written by a save killed before its commit
    repo.close()
    folder = root / ".versies" / "objects" / garbage.id.decode()[:2]
    lock = folder / (garbage.id.decode()[2:] + ".lock")  # its lock, left by the kill
    other_lock = root / ".versies" / "objects" / "ab" / ("c" * 38 + ".lock")  # a loose write killed midway
    other_lock.parent.mkdir(exist_ok=True)
    lock.write_bytes(b"x")
    other_lock.write_bytes(b"x")

    packs = []
    real_pack = versions_module.VersionStore._pack

    def counted_pack(self):
        packs.append(real_pack(self))
        return packs[-1]

    monkeypatch.setattr(versions_module, "PACK_LOOSE", 128)  # saves pack every 30 or so
    monkeypatch.setattr(versions_module.VersionStore, "_pack", counted_pack)
    for n in range(200):
        if n % 2:
            empty_project.update_plan("goals", [Goal(id="D1", text=f"doel {n}")])
        else:
            empty_project.update_plan("basics", Basics(project_name=f"versie {n}"))
    assert packs, "saves packed the store along the way"
    assert packs[0][1] == 1, "the first pack removed the one unused object"
    assert garbage.id not in Repo(str(root / ".versies")).object_store
    assert not lock.exists() and not other_lock.exists(), "stale lock files are cleared"

    history = workbook("history", str(root))
    assert history.returncode == 0, history.stderr
    assert "Traceback" not in history.stderr + history.stdout
    marked = workbook("mark", str(root), "Na tweehonderd keer opslaan")
    assert marked.returncode == 0, marked.stderr
    assert "Label 'Na tweehonderd keer opslaan'" in marked.stdout
    empty_project.update_plan("basics", Basics(project_name="daarna"))
    restored = workbook("restore", str(root), "Na tweehonderd keer opslaan")
    assert restored.returncode == 0, restored.stderr
    assert "Traceback" not in restored.stderr + restored.stdout

    project = Project.open(root)
    assert project.load_plan().basics.project_name == "versie 198"
    assert project.load_plan().goals[0].text == "doel 199"
    names = plan_names(project)
    assert names[-3:] == ["versie 198", "daarna", "versie 198"]
    assert [f"versie {n}" for n in range(0, 200, 2)] == [n for n in dict.fromkeys(names) if n.startswith("versie")]
    assert "found" not in kinds(project)
    check = workbook("check", str(root))
    assert check.returncode == 0, check.stdout + check.stderr


def test_history_heals_the_loose_object_of_the_issue(empty_project: Project) -> None:
    """The reproduction in issue 19: one loose blob, then ``workbook history``."""
    Repo(str(empty_project.root / ".versies")).object_store.add_object(Blob.from_string(b"half"))
    history = workbook("history", str(empty_project.root))
    assert history.returncode == 0 and "Traceback" not in history.stderr, history.stderr
    assert "eerste bewaarde versie" in history.stdout


# --- a save killed between its file and its version -----------------------------------------------


def _save_then_die(root: Path, name: str, when: str) -> None:
    """In a child: save the project name, killed just before or just after the file is replaced."""
    real = store_module.atomic_write_bytes

    def write(path: Path, data: bytes) -> None:
        if when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real(path, data)
        if when == "after":
            os.kill(os.getpid(), signal.SIGKILL)

    store_module.atomic_write_bytes = write
    Project.open(root).update_plan("basics", Basics(project_name=name))
    os._exit(3)  # not reached: the kill comes first


def killed_save(project: Project, name: str, when: str) -> None:
    child = FORK.Process(target=_save_then_die, args=(project.root, name, when))
    child.start()
    child.join()
    assert child.exitcode == -signal.SIGKILL


@pytest.mark.parametrize("next_step", ["save", "history"])
def test_a_save_killed_after_its_file_is_kept_once_as_a_save(empty_project: Project, next_step: str) -> None:
    empty_project.update_plan("basics", Basics(project_name="Voor"))
    killed_save(empty_project, "Na", "after")
    project = Project.open(empty_project.root)
    assert project.load_plan().basics.project_name == "Na", "the file was replaced before the kill"
    if next_step == "save":
        project.update_plan("goals", [Goal(id="D1", text="Daarna")])
    else:
        assert workbook("history", str(project.root)).returncode == 0
    assert plan_names(project)[-2 if next_step == "save" else -1] == "Na"
    assert "Voor" in plan_names(project) and plan_names(project).count("Na") == (2 if next_step == "save" else 1)
    assert "found" not in kinds(project), "no hand edit is invented for the workbook's own save"
    newest = Project.open(project.root).versions.versions()[-1]
    assert newest.kind == "save"


def test_a_save_killed_before_its_file_leaves_no_phantom_version(empty_project: Project) -> None:
    empty_project.update_plan("basics", Basics(project_name="Voor"))
    killed_save(empty_project, "Na", "before")
    project = Project.open(empty_project.root)
    assert project.load_plan().basics.project_name == "Voor"
    project.update_plan("goals", [Goal(id="D1", text="Daarna")])
    assert "Na" not in plan_names(project), "no version holds what never reached the disk"
    assert plan_names(project)[-2:] == ["Voor", "Voor"]
    assert "found" not in kinds(project)


def test_a_store_that_fails_after_the_file_is_settled_by_the_next_save(
    empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_project.update_plan("basics", Basics(project_name="Voor"))

    def broken_move(self, commit, head) -> None:
        raise RuntimeError("killed here")

    with monkeypatch.context() as patch:
        patch.setattr(versions_module.VersionStore, "_move", broken_move)
        with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the store raised
            empty_project.update_plan("basics", Basics(project_name="Na"))
    project = Project.open(empty_project.root)
    project.update_plan("goals", [Goal(id="D1", text="Daarna")])
    assert plan_names(project)[-3:] == ["Voor", "Na", "Na"]
    assert "found" not in kinds(project)


def _restore_then_die(root: Path, label: str) -> None:
    """In a child: restore `label`, killed just after the first file of several is in place."""
    real = versions_module.atomic_write_bytes

    def write(path: Path, data: bytes) -> None:
        real(path, data)
        if path.name != versions_module.PENDING_FILE:
            os.kill(os.getpid(), signal.SIGKILL)

    versions_module.atomic_write_bytes = write
    project = Project.open(root)
    restore(project, project.versions.resolve(label))
    os._exit(3)


def test_a_restore_killed_halfway_is_finished_by_the_next_step(empty_project: Project) -> None:
    project = empty_project
    project.update_plan("basics", Basics(project_name="Terugkomdag"))
    location = project.add_location("De Linde")
    location.measurements = [Measurement(date="2026-03-01", goal_id="D1", value=12)]
    project.save_location(location)
    with project.locked():
        project.versions.mark("Begin")
    files = ("werkboek.yaml", "locaties/de-linde.yaml", "metingen/de-linde.csv")
    marked = {rel: (project.root / rel).read_bytes() for rel in files}
    project.update_plan("basics", Basics(project_name="Later"))
    project.update_location("de-linde", "name", "De Linde Oost")
    project.update_location("de-linde", "measurements", [])
    later = {rel: (project.root / rel).read_bytes() for rel in files}
    assert all(later[rel] != marked[rel] for rel in files)

    child = FORK.Process(target=_restore_then_die, args=(project.root, "Begin"))
    child.start()
    child.join()
    assert child.exitcode == -signal.SIGKILL
    halfway = {rel: (project.root / rel).read_bytes() for rel in files}
    assert sum(halfway[rel] == marked[rel] for rel in files) == 1, "killed after the first file"

    history = workbook("history", str(project.root))
    assert history.returncode == 0, history.stderr
    after = {rel: (project.root / rel).read_bytes() for rel in files}
    assert after == marked, "the restore was finished, not left halfway"
    store = Project.open(project.root).versions
    newest = store.versions()[-1]
    assert newest.kind == "restore"
    assert {rel: store.read(newest, rel) for rel in files} == marked
    assert "found" not in [v.kind for v in store.versions()]
