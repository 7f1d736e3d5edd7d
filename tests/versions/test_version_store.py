"""The version store: every save a version, autosaves folded, hand edits and old .history kept."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from workbook.model import Basics, Goal, Measurement
from workbook.project.restore import restore
from workbook.project.store import Project
from workbook.versions import store as versions_module
from workbook.versions.store import FOLD_MINUTES, STORE_DIR

FORK = multiprocessing.get_context("fork")


class Clock:
    """A clock for the version store that only moves when told."""

    def __init__(self, start: dt.datetime):
        self.moment = start.timestamp()

    def __call__(self) -> float:
        return self.moment

    def advance(self, minutes: float) -> None:
        self.moment += minutes * 60


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(versions_module, "now", clock)
    return clock


def plan_versions(project: Project) -> list[bytes | None]:
    """The content of werkboek.yaml in every version, oldest first."""
    store = project.versions
    return [store.read(v, "werkboek.yaml") for v in store.versions()]


def test_every_save_is_a_version_with_author_section_and_file(
    empty_project: Project, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = empty_project.plan_path.read_bytes()
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Anna de Vries")
    empty_project.update_plan("basics", Basics(project_name="Beeldbellen"))
    after_basics = empty_project.plan_path.read_bytes()
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Piet Bakker")
    empty_project.update_plan("goals", [Goal(id="D1", text="Meer beeldbellen")])
    versions = empty_project.versions.versions()
    assert [(v.author, v.section, v.files) for v in versions[1:]] == [
        ("Anna de Vries", "basics", ("werkboek.yaml",)),
        ("Piet Bakker", "goals", ("werkboek.yaml",)),
    ]
    assert plan_versions(empty_project) == [first, after_basics, empty_project.plan_path.read_bytes()]
    assert versions[-1].when == dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC)
    assert (empty_project.root / STORE_DIR / "HEAD").is_file()


def test_autosaves_of_one_author_in_one_section_fold_within_the_window(empty_project: Project, clock: Clock) -> None:
    for n in range(5):
        empty_project.update_plan("basics", Basics(project_name=f"versie {n}"))
        clock.advance(1)
    folded = empty_project.versions.versions()
    assert len(folded) == 2, "the first version and one version of the five autosaves"
    assert folded[-1].started == dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC)
    assert folded[-1].when == dt.datetime(2026, 4, 9, 12, 4, tzinfo=dt.UTC)
    clock.advance(FOLD_MINUTES)
    empty_project.update_plan("basics", Basics(project_name="na de pauze"))
    assert len(empty_project.versions.versions()) == 3, "a save after the window is a version of its own"


def test_another_author_or_section_or_a_mark_is_never_folded(
    empty_project: Project, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Anna")
    empty_project.update_plan("basics", Basics(project_name="een"))
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Piet")
    empty_project.update_plan("basics", Basics(project_name="twee"))
    empty_project.update_plan("goals", [Goal(id="D1", text="Doel")])
    empty_project.versions.mark("Terugkomdag 9 april")
    empty_project.update_plan("goals", [Goal(id="D1", text="Doel, anders")])
    names = [v.section for v in empty_project.versions.versions()]
    assert names == ["", "basics", "basics", "goals", "goals"]
    assert empty_project.versions.versions()[3].labels == ("Terugkomdag 9 april",)


def test_a_file_changed_by_hand_is_kept_before_the_next_save(empty_project: Project, clock: Clock) -> None:
    by_hand = empty_project.plan_path.read_text(encoding="utf-8").replace("Nieuw project", "Met de hand")
    empty_project.plan_path.write_text(by_hand, encoding="utf-8")
    empty_project.update_plan("goals", [Goal(id="D1", text="Doel")])
    kinds = [v.kind for v in empty_project.versions.versions()]
    assert kinds == ["save", "found", "save"]
    assert plan_versions(empty_project)[1] == by_hand.encode()


def test_saving_the_same_content_adds_no_version(empty_project: Project) -> None:
    plan = empty_project.load_plan()
    plan.basics.need = "minder reistijd"
    empty_project.save_plan(plan)
    empty_project.save_plan(plan)
    assert len(empty_project.versions.versions()) == 2


def test_locations_and_measurements_are_kept_too(empty_project: Project, clock: Clock) -> None:
    location = empty_project.add_location("De Linde")
    location.measurements = [Measurement(date=dt.date(2026, 3, 1), goal_id="D1", value=10, uid="a1b2c3")]
    empty_project.save_location(location)
    store = empty_project.versions
    assert store.changed_files(store.versions()[-1]) == ["metingen/de-linde.csv"]
    assert store.read(store.versions()[-1], "metingen/de-linde.csv") == (
        b"datum,doel,waarde,toelichting,id\n2026-03-01,D1,10,,a1b2c3\n"
    )


def test_old_history_folder_is_imported_in_time_order_then_removed(tmp_path: Path) -> None:
    root = tmp_path / "oud"
    (root / ".history" / "werkboek.yaml").mkdir(parents=True)
    (root / ".history" / "metingen" / "de-linde.csv").mkdir(parents=True)
    (root / "metingen").mkdir()
    project = Project.create(tmp_path / "bron", "Oud project", "Zorggroep Test")
    plan_now = project.plan_path.read_bytes()
    (root / "werkboek.yaml").write_bytes(plan_now)
    (root / "metingen" / "de-linde.csv").write_bytes(b"datum,doel,waarde,toelichting\n2026-03-01,D1,12,\n")
    copies = {
        ".history/werkboek.yaml/20260102T090000000000Z.yaml": b"schema_version: 1\nbasics: {project_name: Een}\n",
        ".history/metingen/de-linde.csv/20260103T090000000000Z.csv": b"datum,doel,waarde,toelichting\n",
        ".history/werkboek.yaml/20260104T090000000000Z.yaml": b"schema_version: 1\nbasics: {project_name: Twee}\n",
    }
    for rel, data in copies.items():
        (root / rel).write_bytes(data)
    project = Project.open(root)
    project.update_plan("basics", Basics(project_name="Drie"))
    store = project.versions
    versions = store.versions()
    assert not (root / ".history").exists()
    assert [v.kind for v in versions] == ["imported", "imported", "found", "save"]
    assert [v.when.date() for v in versions[:2]] == [dt.date(2026, 1, 2), dt.date(2026, 1, 4)]
    assert [store.read(v, "werkboek.yaml") for v in versions[:3]] == [
        copies[".history/werkboek.yaml/20260102T090000000000Z.yaml"],
        copies[".history/werkboek.yaml/20260104T090000000000Z.yaml"],
        plan_now,
    ]
    assert store.read(versions[0], "metingen/de-linde.csv") == b"datum,doel,waarde,toelichting\n"
    assert store.read(versions[2], "metingen/de-linde.csv").endswith(b"2026-03-01,D1,12,\n")


def test_after_1000_autosaves_the_first_version_comes_back(empty_project: Project, clock: Clock) -> None:
    first = empty_project.plan_path.read_bytes()
    for n in range(1000):
        section = ("basics", "goals")[n % 2]  # alternating sections: none of them folds
        value = Basics(project_name=f"versie {n}") if section == "basics" else [Goal(id="D1", text=f"doel {n}")]
        empty_project.update_plan(section, value)
        clock.advance(0.1)
    store = empty_project.versions
    versions = store.versions()
    assert len(versions) == 1001
    done = restore(empty_project, versions[0])
    assert done.written == ("werkboek.yaml",)
    assert empty_project.plan_path.read_bytes() == first
    assert empty_project.load_plan().basics.project_name == "Nieuw project"
    assert store.versions()[-1].kind == "restore" and len(store.versions()) == 1002
    second = empty_project.versions.read(versions[1], "werkboek.yaml")
    loose = list((empty_project.root / STORE_DIR / "objects").glob("[0-9a-f][0-9a-f]/*"))
    assert 0 < len(loose) < 1500, "saves pack the store now and then (4 objects a save)"
    with empty_project.locked():
        assert store.pack() == len(loose)
    assert not list((empty_project.root / STORE_DIR / "objects").glob("[0-9a-f][0-9a-f]/*"))
    packed = Project.open(empty_project.root)
    restore(packed, packed.versions.versions()[1])
    assert empty_project.plan_path.read_bytes() == second, "a version inside the pack comes back too"


def test_restore_of_one_file_leaves_the_others_and_removes_what_did_not_exist(
    empty_project: Project, clock: Clock
) -> None:
    start = empty_project.versions.versions()[-1]
    empty_project.update_plan("basics", Basics(project_name="Later"))
    empty_project.add_location("De Linde")
    later_plan = empty_project.plan_path.read_bytes()
    assert restore(empty_project, start, files=["locaties/de-linde.yaml"]).removed == ("locaties/de-linde.yaml",)
    assert empty_project.plan_path.read_bytes() == later_plan
    assert empty_project.location_slugs() == []
    restore(empty_project, empty_project.versions.versions()[-2])
    assert empty_project.location_slugs() == ["de-linde"], "a restore is a version that can be undone"


def _save_many(root: Path, author: str, count: int) -> None:
    os.environ["WORKBOOK_AUTHOR"] = author
    project = Project.open(root)
    for n in range(count):
        project.update_plan("basics" if author == "A" else "goals", _value(author, n))


def _value(author: str, n: int) -> object:
    return Basics(project_name=f"{author}{n}") if author == "A" else [Goal(id="D1", text=f"{author}{n}")]


def test_two_processes_saving_at_once_keep_every_version(
    empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(versions_module, "FOLD_MINUTES", 0)  # inherited by the children: no folding
    workers = [FORK.Process(target=_save_many, args=(empty_project.root, who, 40)) for who in "AB"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [worker.exitcode for worker in workers] == [0, 0]
    store = empty_project.versions
    versions = store.versions()
    assert sorted(v.author for v in versions[1:]) == ["A"] * 40 + ["B"] * 40
    kept = {store.read(v, "werkboek.yaml") for v in versions}
    assert len(kept) == 81, "every save is a different version"
    plan = empty_project.load_plan()
    assert (plan.basics.project_name, plan.goals[0].text) == ("A39", "B39")


def test_a_zipped_and_unzipped_project_brings_its_versions_along(empty_project: Project, tmp_path: Path) -> None:
    empty_project.update_plan("basics", Basics(project_name="Voor de terugkomdag"))
    with empty_project.locked():
        empty_project.versions.mark("Terugkomdag 9 april")
    archive = shutil.make_archive(str(tmp_path / "meenemen"), "zip", empty_project.root)
    shutil.unpack_archive(archive, tmp_path / "uitgepakt")
    copy = Project.open(tmp_path / "uitgepakt")
    assert [v.id for v in copy.versions.versions()] == [v.id for v in empty_project.versions.versions()]
    copy.update_plan("basics", Basics(project_name="Op de terugkomdag"))
    restore(copy, copy.versions.resolve("terugkomdag 9 april"))
    assert copy.load_plan().basics.project_name == "Voor de terugkomdag"
