"""The project store: atomic saves under SIGKILL, concurrent section updates, history, CSV files."""

from __future__ import annotations

import datetime as dt
import errno
import multiprocessing
import os
import random
import signal
import stat
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from filelock import FileLock

from workbook.errors import WorkbookError
from workbook.files.atomic import atomic_write
from workbook.model import (
    Action,
    Basics,
    Goal,
    Measurement,
    Member,
    Plan,
    RunbookActivity,
    Stakeholder,
)
from workbook.project import store as store_module
from workbook.project.store import LOCK_FILE, Project

FORK = multiprocessing.get_context("fork")


def large_plan(label: str, goals: int = 22) -> Plan:
    """A plan of some tens of kilobytes whose every goal carries `label`."""
    plan = Plan(basics=Basics(project_name=f"Plan {label}", institution="Zorggroep Test"))
    plan.goals = [
        Goal(
            id=f"D{n}",
            text=f"{label}: meer cliënten gebruiken de beeldbellen-app binnen een half jaar. " * 3,
            indicator="aandeel cliënten dat de app gebruikt",
            baseline=n,
            target=80.5,
            deadline=dt.date(2025, 6, 30),
            owner="teamleider",
            actions=[Action(text=f"{label}: scholing voor het team, ronde {k}", who="Ans") for k in range(4)],
        )
        for n in range(goals)
    ]
    return plan


# --- opening and creating ----------------------------------------------------------------------


def test_open_refuses_a_folder_without_plan(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="werkboek.yaml ontbreekt"):
        Project.open(tmp_path)


def test_create_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "iets.txt").write_text("x")
    with pytest.raises(WorkbookError, match="bestaat al"):
        Project.create(tmp_path, "Project", "Organisatie")


def test_create_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("x")
    with pytest.raises(WorkbookError, match="bestaat al"):
        Project.create(tmp_path / "plan.txt", "Project", "Organisatie")


def test_create_writes_a_plan_that_loads(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "nieuw", "Beeldbellen", "Zorggroep Test")
    plan = Project.open(tmp_path / "nieuw").load_plan()
    assert (plan.basics.project_name, plan.basics.institution) == ("Beeldbellen", "Zorggroep Test")
    assert project.location_slugs() == []


# --- atomic saves under SIGKILL ----------------------------------------------------------------


def _save_alternately(root: Path, plans: list[Plan]) -> None:
    """Child process: save the plans in turn until killed."""
    project = Project(root)
    n = 0
    while True:
        project.save_plan(plans[n % len(plans)])
        n += 1


def _write_window(path: Path, text: str) -> float:
    """How long one atomic write of `text` takes here (seconds), the median of a few."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        atomic_write(path, text)
        times.append(time.perf_counter() - start)
    return sorted(times)[2]


def _temp_files(folder: Path) -> set[str]:
    return {name for name in os.listdir(folder) if name.startswith(".werkboek.yaml.")}


def _wait_for_new_temp_file(folder: Path, known: set[str]) -> None:
    deadline = time.monotonic() + 30  # a busy machine starts processes slowly
    while time.monotonic() < deadline:
        if _temp_files(folder) - known:
            return
        time.sleep(0.0001)
    raise AssertionError("the writer never started a write")


def test_sigkill_during_saves_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """200 writers killed at random moments, most of them while a write is under way."""
    project = Project.create(tmp_path / "p", "Project", "Organisatie")
    created = project.plan_path.read_bytes()
    plans = [large_plan("A"), large_plan("B")]
    texts = []
    for plan in plans:
        project.save_plan(plan)
        texts.append(project.plan_path.read_bytes())
    versions = set(texts)
    assert len(versions) == 2 and len(min(versions, key=len)) > 20_000
    window = _write_window(tmp_path / "probe.yaml", project.plan_path.read_text(encoding="utf-8"))
    rng = random.Random(20240501)
    killed_inside_a_write, left_behind = 0, set()

    for _ in range(200):
        on_disk = project.plan_path.read_bytes()
        order = plans if on_disk == texts[1] else plans[::-1]  # first save changes the file
        writer = FORK.Process(target=_save_alternately, args=(project.root, order))
        writer.start()
        if rng.random() < 0.25:
            time.sleep(rng.uniform(0, 0.05))  # anywhere: rendering, history, writing
        else:
            _wait_for_new_temp_file(project.root, left_behind)
            time.sleep(rng.uniform(0, window))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        assert writer.exitcode == -signal.SIGKILL
        assert project.plan_path.read_bytes() in versions
        now_left = _temp_files(project.root)
        killed_inside_a_write += bool(now_left - left_behind)
        left_behind = now_left

    print(f"{killed_inside_a_write} of 200 kills landed between creating and renaming the temporary file")
    assert killed_inside_a_write > 0
    assert project.load_plan() in plans
    kept = [project.versions.read(version, "werkboek.yaml") for version in project.versions.versions()]
    assert set(kept) <= versions | {created}, "every kept version is a whole file"

    last = large_plan("C")
    project.save_plan(last)
    assert not [p for p in project.root.iterdir() if p.name.endswith(".tmp")], "stale temporary files were left"
    assert project.load_plan() == last


# --- concurrent updates of different sections --------------------------------------------------

ROUNDS = 15


def _add_goals(root: Path, start: Barrier) -> None:
    project = Project(root)
    start.wait()
    for n in range(ROUNDS):
        goals = project.load_plan().goals
        project.update_plan("goals", [*goals, Goal(id=f"D{n}", text=f"doel {n}")])


def _add_stakeholders(root: Path, start: Barrier) -> None:
    project = Project(root)
    start.wait()
    for n in range(ROUNDS):
        stakeholders = project.load_plan().stakeholders
        project.update_plan("stakeholders", [*stakeholders, Stakeholder(name=f"groep {n}")])


def _add_team_members(root: Path, slug: str, start: Barrier) -> None:
    project = Project(root)
    start.wait()
    for n in range(ROUNDS):
        team = project.load_location(slug).team
        project.update_location(slug, "team", [*team, Member(name=f"lid {n}")])


def _add_runbook_activities(root: Path, slug: str, start: Barrier) -> None:
    project = Project(root)
    start.wait()
    for n in range(ROUNDS):
        runbook = project.load_location(slug).runbook
        project.update_location(slug, "runbook", [*runbook, RunbookActivity(activity=f"stap {n}")])


def _run_together(*jobs: tuple) -> None:
    """Start each (function, args...) in its own process at the same moment; all must succeed."""
    start = FORK.Barrier(len(jobs))
    processes = [FORK.Process(target=job[0], args=(*job[1:], start)) for job in jobs]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0


def test_two_processes_updating_different_plan_sections_both_keep_every_change(empty_project: Project) -> None:
    _run_together((_add_goals, empty_project.root), (_add_stakeholders, empty_project.root))
    plan = empty_project.load_plan()
    assert [g.id for g in plan.goals] == [f"D{n}" for n in range(ROUNDS)]
    assert [s.name for s in plan.stakeholders] == [f"groep {n}" for n in range(ROUNDS)]


def test_two_processes_updating_different_location_sections_both_keep_every_change(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    _run_together((_add_team_members, empty_project.root, slug), (_add_runbook_activities, empty_project.root, slug))
    location = empty_project.load_location(slug)
    assert [m.name for m in location.team] == [f"lid {n}" for n in range(ROUNDS)]
    assert [a.activity for a in location.runbook] == [f"stap {n}" for n in range(ROUNDS)]


def test_a_plan_update_and_two_locations_at_the_same_time(empty_project: Project) -> None:
    first = empty_project.add_location("De Linde").slug
    second = empty_project.add_location("Zuidhoek").slug
    _run_together(
        (_add_goals, empty_project.root),
        (_add_team_members, empty_project.root, first),
        (_add_runbook_activities, empty_project.root, second),
    )
    assert len(empty_project.load_plan().goals) == ROUNDS
    assert len(empty_project.load_location(first).team) == ROUNDS
    assert len(empty_project.load_location(second).runbook) == ROUNDS


def _add_same_location(root: Path, start: Barrier) -> None:
    project = Project(root)
    start.wait()
    for _ in range(5):
        project.add_location("De Linde")


def test_adding_the_same_name_from_two_processes_gives_unique_slugs(empty_project: Project) -> None:
    _run_together((_add_same_location, empty_project.root), (_add_same_location, empty_project.root))
    slugs = empty_project.location_slugs()
    assert len(slugs) == 10
    assert {empty_project.load_location(s).name for s in slugs} == {"De Linde"}


# --- update_plan / update_location -------------------------------------------------------------


def test_update_plan_refuses_unknown_sections(empty_project: Project) -> None:
    for section in ("doelen", "schema_version"):
        with pytest.raises(WorkbookError, match=f"onbekend onderdeel '{section}'"):
            empty_project.update_plan(section, [])


def test_update_plan_with_a_wrong_value_names_the_field_and_writes_nothing(empty_project: Project) -> None:
    before = empty_project.plan_path.read_bytes()
    with pytest.raises(WorkbookError) as caught:
        empty_project.update_plan("goals", [{"id": "D1", "text": "doel", "deadline": "morgen"}])
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("werkboek.yaml", "goals[0].deadline")
    assert "datum" in problem.message
    assert empty_project.plan_path.read_bytes() == before


def test_update_plan_marks_the_plan_as_updated_today(empty_project: Project) -> None:
    plan = empty_project.load_plan()
    plan.basics.last_updated = dt.date(2020, 1, 1)
    empty_project.save_plan(plan)
    empty_project.update_plan("stakeholders", [Stakeholder(name="Cliëntenraad")])
    assert empty_project.load_plan().basics.last_updated == dt.date.today()


def test_a_file_changed_by_someone_else_is_read_again(empty_project: Project) -> None:
    empty_project.update_plan("stakeholders", [Stakeholder(name="Cliëntenraad")])
    Project(empty_project.root).update_plan("goals", [Goal(id="D1", text="doel")])
    plan = empty_project.update_plan("stakeholders", [Stakeholder(name="OR")])
    assert [g.id for g in plan.goals] == ["D1"]
    assert [g.id for g in empty_project.load_plan().goals] == ["D1"]


def test_update_location_refuses_the_slug_and_unknown_locations(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    with pytest.raises(WorkbookError, match="onbekend onderdeel 'slug'"):
        empty_project.update_location(slug, "slug", "x")
    with pytest.raises(WorkbookError, match="onbekende locatie 'elders'.*de-linde"):
        empty_project.update_location("elders", "team", [])


@pytest.mark.parametrize("slug", ["../werkboek", "a/b", "De-Linde", "nul", "x\n", ""])
def test_paths_only_accept_plain_slugs(empty_project: Project, slug: str) -> None:
    with pytest.raises(WorkbookError, match="geen geldige locatiecode"):
        empty_project.location_path(slug)
    with pytest.raises(WorkbookError, match="geen geldige locatiecode"):
        empty_project.measurements_path(slug)


# --- files on disk -----------------------------------------------------------------------------


def test_saving_keeps_the_permissions_of_the_file(empty_project: Project) -> None:
    os.chmod(empty_project.plan_path, 0o640)
    empty_project.update_plan("basics", Basics(project_name="anders"))
    assert stat.S_IMODE(empty_project.plan_path.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        project = Project.create(tmp_path / "p", "Project", "Organisatie")
    finally:
        os.umask(old)
    assert stat.S_IMODE(project.plan_path.stat().st_mode) == 0o644


def test_a_save_removes_temporary_files_of_a_killed_writer(empty_project: Project) -> None:
    stale = empty_project.root / ".werkboek.yaml.0123abcd.tmp"
    stale.write_text("half")
    empty_project.update_plan("basics", Basics(project_name="anders"))
    assert not stale.exists()


def test_a_save_waits_for_the_lock_then_says_the_workbook_is_busy(
    empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.2)
    project = Project(empty_project.root)
    before = project.plan_path.read_bytes()
    other_program = FileLock(str(project.root / LOCK_FILE))
    with other_program, pytest.raises(WorkbookError, match="door een ander programma opgeslagen"):
        project.update_plan("basics", Basics(project_name="anders"))
    assert project.plan_path.read_bytes() == before
    project.update_plan("basics", Basics(project_name="anders"))
    assert project.load_plan().basics.project_name == "anders"


def test_a_full_disk_is_a_clear_message_and_leaves_the_file(
    empty_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = empty_project.plan_path.read_bytes()
    monkeypatch.setattr(store_module, "atomic_write_bytes", disk_full)
    with pytest.raises(WorkbookError) as caught:
        empty_project.update_plan("basics", Basics(project_name="anders"))
    [problem] = caught.value.problems
    assert problem.file == "werkboek.yaml"
    assert problem.message == f"kan niet opslaan ({os.strerror(errno.ENOSPC)}); het bestand is niet veranderd"
    assert empty_project.plan_path.read_bytes() == before


# --- the measurements CSV ----------------------------------------------------------------------


def test_measurement_notes_with_quotes_commas_and_line_breaks_survive(empty_project: Project) -> None:
    location = empty_project.add_location("De Linde")
    notes = ['zei: "goed", dacht ik', "regel 1\nregel 2", "windows\r\nregel", "oude mac\rregel", "", "😀 €"]
    location.measurements = [
        Measurement(date=dt.date(2024, 1, n + 1), goal_id="D1", value=n / 3, note=note) for n, note in enumerate(notes)
    ]
    empty_project.save_location(location)
    assert empty_project.load_location(location.slug).measurements == location.measurements


def test_measurements_are_stored_in_date_order_with_whole_numbers_plain(empty_project: Project) -> None:
    location = empty_project.add_location("De Linde")
    location.measurements = [
        Measurement(uid="m2", date=dt.date(2024, 5, 1), goal_id="D2", value=12.0),
        Measurement(uid="m1", date=dt.date(2024, 2, 1), goal_id="D1", value=0.1),
    ]
    empty_project.save_location(location)
    text = empty_project.measurements_path(location.slug).read_text(encoding="utf-8")
    assert text == "datum,doel,waarde,toelichting,id\n2024-02-01,D1,0.1,,m1\n2024-05-01,D2,12,,m2\n"


def test_a_measurements_file_saved_with_bom_and_windows_line_ends_loads(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    path = empty_project.measurements_path(slug)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes("\ufeffdatum,doel,waarde,toelichting\r\n2024-02-01,D1,3,eerste\r\n".encode())
    [measurement] = empty_project.load_location(slug).measurements
    assert (measurement.value, measurement.note) == (3, "eerste")


def test_a_bad_measurements_file_names_line_and_column(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    path = empty_project.measurements_path(slug)
    path.parent.mkdir(exist_ok=True)
    path.write_text("datum,doel,waarde,toelichting\n2024-02-01,D1,3,\n2024-03-01,D1,veel,\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        empty_project.load_location(slug)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (f"metingen/{slug}.csv", 3, "waarde")
    assert "getal" in problem.message

    path.write_text("date,goal,value\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="kolommen moeten zijn: datum, doel, waarde, toelichting"):
        empty_project.load_location(slug)
