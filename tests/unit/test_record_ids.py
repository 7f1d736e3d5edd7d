"""Every item of a list carries a stable id: given once, kept by saves, imports and migrations."""

from __future__ import annotations

import typing

import yaml
from pydantic import BaseModel

from workbook.model import SCHEMA_VERSION, Location, Plan
from workbook.model.base import Item
from workbook.project.store import Project

OLD_PLAN = """schema_version: 1
basics:
  project_name: Beeldbellen
goals:
- id: D1
  text: Minder valincidenten
  actions:
  - text: Sensoren plaatsen
- id: D2
  text: Tevreden cliënten
"""


def list_item_models(model: type[BaseModel], seen: set[type] | None = None) -> set[type]:
    """Every record class that stands in a list somewhere below `model`."""
    seen = set() if seen is None else seen
    found = set()
    for info in model.model_fields.values():
        for arg in (info.annotation, *typing.get_args(info.annotation)):
            inner = typing.get_args(arg)
            candidates = [arg, *inner]
            for candidate in candidates:
                if isinstance(candidate, type) and issubclass(candidate, BaseModel) and candidate not in seen:
                    seen.add(candidate)
                    if typing.get_origin(arg) is list:
                        found.add(candidate)
                    found |= list_item_models(candidate, seen)
    return found


def test_every_record_in_a_list_has_an_id() -> None:
    records = list_item_models(Plan) | list_item_models(Location)
    assert len(records) >= 25
    assert [r.__name__ for r in records if not issubclass(r, Item)] == []


def test_an_old_file_gets_ids_that_stay_the_same_until_and_after_saving(empty_project: Project) -> None:
    empty_project.plan_path.write_text(OLD_PLAN, encoding="utf-8")
    first, second = empty_project.load_plan(), Project.open(empty_project.root).load_plan()
    ids = [first.goals[0].uid, first.goals[0].actions[0].uid, first.goals[1].uid]
    assert len(set(ids)) == 3 and all(ids)
    assert [second.goals[0].uid, second.goals[0].actions[0].uid, second.goals[1].uid] == ids
    assert empty_project.plan_path.read_text(encoding="utf-8") == OLD_PLAN, "loading must not write"

    empty_project.save_plan(first)
    on_disk = yaml.safe_load(empty_project.plan_path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert [on_disk["goals"][0]["uid"], on_disk["goals"][0]["actions"][0]["uid"], on_disk["goals"][1]["uid"]] == ids
    assert list(on_disk["goals"][0]) == ["id", "text", *list(on_disk["goals"][0])[2:-1], "uid"], "the id comes last"


def test_a_repeated_id_is_repaired_on_loading(empty_project: Project) -> None:
    text = OLD_PLAN.replace("- id: D1", "- uid: abc\n  id: D1").replace("- id: D2", "- uid: abc\n  id: D2")
    empty_project.plan_path.write_text(text, encoding="utf-8")
    goals = empty_project.load_plan().goals
    assert goals[0].uid == "abc" and goals[1].uid not in ("abc", "")


def test_ids_survive_an_edit_of_another_item(empty_project: Project) -> None:
    empty_project.plan_path.write_text(OLD_PLAN, encoding="utf-8")
    plan = empty_project.load_plan()
    ids = [goal.uid for goal in plan.goals]
    goals = [goal.model_dump() for goal in plan.goals]
    goals[0]["text"] = "Minder vallen 's nachts"
    saved = empty_project.update_plan("goals", goals)
    assert [goal.uid for goal in saved.goals] == ids
    assert [goal.uid for goal in empty_project.load_plan().goals] == ids


def test_measurements_keep_their_ids_in_the_csv(empty_project: Project) -> None:
    location = empty_project.add_location("'t Holt")
    location.measurements = [{"date": "2026-03-01", "goal_id": "D1", "value": 12.5, "uid": "m-1"}]
    empty_project.save_location(location)
    assert empty_project.measurements_path("t-holt").read_text(encoding="utf-8").splitlines() == [
        "datum,doel,waarde,toelichting,id",
        "2026-03-01,D1,12.5,,m-1",
    ]
    assert empty_project.load_location("t-holt").measurements[0].uid == "m-1"


def test_a_measurements_file_without_the_id_column_still_loads_with_stable_ids(empty_project: Project) -> None:
    empty_project.add_location("De Linde")
    path = empty_project.measurements_path("de-linde")
    path.parent.mkdir(exist_ok=True)
    path.write_text("datum,doel,waarde,toelichting\n2026-03-01,D1,4,\n2026-03-01,D1,4,\n", encoding="utf-8")
    first = [m.uid for m in empty_project.load_location("de-linde").measurements]
    again = [m.uid for m in Project.open(empty_project.root).load_location("de-linde").measurements]
    assert first == again and len(set(first)) == 2
