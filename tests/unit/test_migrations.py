"""Files from older versions are brought up to date on loading; files from newer versions are refused."""

from __future__ import annotations

from typing import Any

import pytest

from workbook.errors import WorkbookError
from workbook.files import migrations
from workbook.files.yamlio import parse
from workbook.model import SCHEMA_VERSION
from workbook.project.store import Project

OLD_PLAN = "schema_version: 1\nbasics:\n  naam: Beeldbellen\n  organisatie: Zorggroep Test\n"


def rename_basics(data: dict[str, Any]) -> dict[str, Any]:
    """A test migration 1 -> 2: Dutch keys in basics became English ones."""
    basics = dict(data.get("basics") or {})
    basics["project_name"] = basics.pop("naam", "")
    basics["institution"] = basics.pop("organisatie", "")
    return {**data, "basics": basics}


def add_need(data: dict[str, Any]) -> dict[str, Any]:
    """A test migration 2 -> 3 that relies on the first having run."""
    basics = dict(data["basics"])
    basics["need"] = f"behoefte van {basics['institution']}"
    return {**data, "basics": basics}


@pytest.fixture
def schema(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Pretend the current schema is a later one, with test migrations registered."""

    def set_schema(version: int, steps: dict[tuple[str, int], migrations.Migration]) -> None:
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", version)
        monkeypatch.setattr(migrations, "MIGRATIONS", steps)

    return set_schema


def load_problem(project: Project, text: str) -> Any:
    project.plan_path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        project.load_plan()
    [problem] = caught.value.problems
    return problem


def test_a_registered_migration_runs_on_loading(empty_project: Project, schema: Any) -> None:
    schema(2, {("plan", 1): rename_basics})
    empty_project.plan_path.write_text(OLD_PLAN, encoding="utf-8")
    plan = empty_project.load_plan()
    assert (plan.basics.project_name, plan.basics.institution) == ("Beeldbellen", "Zorggroep Test")
    assert plan.schema_version == 2
    assert empty_project.plan_path.read_text(encoding="utf-8") == OLD_PLAN, "loading must not write"


def test_saving_a_migrated_plan_writes_the_new_schema_and_keeps_the_old_file(
    empty_project: Project, schema: Any
) -> None:
    schema(2, {("plan", 1): rename_basics})
    empty_project.plan_path.write_text(OLD_PLAN, encoding="utf-8")
    empty_project.save_plan(empty_project.load_plan())
    data, _ = parse(empty_project.plan_path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2 and data["basics"]["project_name"] == "Beeldbellen"
    kept = empty_project.versions.versions()
    assert empty_project.versions.read(kept[-2], "werkboek.yaml").decode("utf-8") == OLD_PLAN


def test_migrations_run_in_order_from_the_file_version(empty_project: Project, schema: Any) -> None:
    schema(3, {("plan", 1): rename_basics, ("plan", 2): add_need})
    empty_project.plan_path.write_text(OLD_PLAN, encoding="utf-8")
    plan = empty_project.load_plan()
    assert (plan.schema_version, plan.basics.need) == (3, "behoefte van Zorggroep Test")

    empty_project.plan_path.write_text("schema_version: 2\nbasics:\n  institution: Zorghuis\n", encoding="utf-8")
    assert empty_project.load_plan().basics.need == "behoefte van Zorghuis"


def test_a_file_without_schema_version_counts_as_version_1(empty_project: Project, schema: Any) -> None:
    schema(2, {("plan", 1): rename_basics})
    empty_project.plan_path.write_text(OLD_PLAN.replace("schema_version: 1\n", ""), encoding="utf-8")
    assert empty_project.load_plan().basics.project_name == "Beeldbellen"


def test_plan_migrations_do_not_touch_locations(empty_project: Project, schema: Any) -> None:
    slug = empty_project.add_location("De Linde").slug
    schema(2, {("plan", 1): rename_basics, ("location", 1): lambda data: {**data, "central_contact": "Ans"}})
    empty_project.location_path(slug).write_text("schema_version: 1\nname: De Linde\n", encoding="utf-8")
    location = empty_project.load_location(slug)
    assert (location.schema_version, location.central_contact) == (2, "Ans")


def test_a_missing_migration_step_is_reported(empty_project: Project, schema: Any) -> None:
    schema(3, {("plan", 1): rename_basics})
    problem = load_problem(empty_project, OLD_PLAN)
    assert problem.file == "werkboek.yaml"
    assert problem.message == "geen migratie van schema 2 naar 3"


def test_a_file_from_a_newer_workbook_is_refused(empty_project: Project) -> None:
    problem = load_problem(empty_project, f"basics:\n  project_name: x\nschema_version: {SCHEMA_VERSION + 1}\n")
    assert (problem.file, problem.line, problem.field) == ("werkboek.yaml", 3, "schema_version")
    assert f"schema {SCHEMA_VERSION + 1}" in problem.message and "nieuwere versie" in problem.message


@pytest.mark.parametrize("version", ["twee", "true", "0", "1.5", "null"])
def test_a_schema_version_that_is_not_a_whole_number_from_1(empty_project: Project, version: str) -> None:
    problem = load_problem(empty_project, f"schema_version: {version}\n")
    assert (problem.line, problem.field) == (1, "schema_version")
    assert "geheel getal" in problem.message
