"""The embedded demo organisation: complete, lossless through the store, valid, and free of client names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

import workbook.model as model
from workbook.analysis.lint import lint_plan
from workbook.analysis.smart import check_goal
from workbook.cli.check import check_project
from workbook.instruments import SCAN_FACTORS
from workbook.model import Location, Phase, Plan
from workbook.model.base import Record
from workbook.project.store import Project
from workbook.resources import demo_dir

# Two capitalised words in a row, allowing Dutch name particles between them: "Jan de Vries".
NAME_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+(?:van|de|der|den|ter|ten|el|op|in|'t))*\s+[A-ZÀ-Ý][a-zà-ÿ]+")


@pytest.fixture(scope="module")
def demo() -> tuple[Plan, list[Location]]:
    project = Project.open(demo_dir())
    return project.load_plan(), project.load_locations()


def records(value: object) -> Iterator[BaseModel]:
    """`value` and every record inside it."""
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from records(getattr(value, name))
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from records(item)


def filled(value: object) -> bool:
    return value not in (None, "", [], {})


def test_every_record_type_and_every_field_is_filled_somewhere(demo):
    plan, locations = demo
    seen: dict[type, set[str]] = {}
    for record in records([plan, *locations]):
        fields = seen.setdefault(type(record), set())
        fields |= {name for name in type(record).model_fields if filled(getattr(record, name))}
    every_type = {cls for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, Record)}
    assert set(seen) == every_type - {Record}
    empty = {f"{cls.__name__}.{name}" for cls, names in seen.items() for name in cls.model_fields if name not in names}
    assert not empty


def test_every_plan_section_is_non_empty(demo):
    plan, _ = demo
    for name in Plan.model_fields:
        section = getattr(plan, name)
        assert filled(section), name
        if isinstance(section, BaseModel):
            assert all(filled(getattr(section, f)) for f in type(section).model_fields), name


def test_locations_cover_every_phase_and_the_rollout_names_them_all(demo):
    plan, locations = demo
    assert len(locations) >= 6
    phases = [loc.phase for loc in locations]
    assert set(phases) == set(Phase)
    assert phases.count(Phase.finished) >= 2 and phases.count(Phase.running) >= 2
    in_waves = [slug for wave in plan.spread.rollout.waves for slug in wave.locations]
    assert sorted(in_waves) == sorted(loc.slug for loc in locations)
    names = [loc.name for loc in locations]
    assert any("'" in name for name in names) and any(not name.isascii() for name in names)


def test_sustainability_scans_at_two_moments_by_four_to_six_raters(demo):
    plan, _ = demo
    moments: dict = {}
    for response in plan.sustainment.scans:
        moments.setdefault(response.date, set()).add(response.rater)
        assert set(response.answers) == set(SCAN_FACTORS)
    assert len(moments) == 2
    assert all(4 <= len(raters) <= 6 for raters in moments.values())


def test_save_and_load_again_is_lossless_byte_for_byte(demo_project):
    original = {p: p.read_bytes() for p in files(demo_project.root)}
    plan, locations = demo_project.load_plan(), demo_project.load_locations()
    demo_project.save_plan(plan)
    for location in locations:
        demo_project.save_location(location)
    assert {p: p.read_bytes() for p in files(demo_project.root)} == original
    assert demo_project.load_plan() == plan
    assert demo_project.load_locations() == locations


def files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_the_embedded_demo_holds_only_project_files():
    everything = [p.relative_to(demo_dir()) for p in demo_dir().rglob("*") if p.is_file()]
    assert {p.parts[0] for p in everything} == {"werkboek.yaml", "locaties", "metingen"}
    assert all(p.suffix in (".yaml", ".csv") and not p.name.startswith(".") for p in everything)


def test_the_name_pattern_catches_names():
    assert NAME_RE.search("Na overleg met Jan de Vries uitgezet")
    assert NAME_RE.search("Fatima El Amrani wil geen sensor")
    assert not NAME_RE.search("Komt 's nachts uit bed en heeft een verhoogd valrisico")


def test_client_suitability_holds_counts_and_reasons_but_no_names(demo):
    plan, locations = demo
    staff = {m.name for m in plan.basics.working_group}
    staff |= {m.name for loc in locations for m in loc.team} | {a.person for loc in locations for a in loc.runbook}
    staff.discard("")
    for location in locations:
        clients = location.clients
        texts = [c.criterion for c in clients.criteria] + [c.reason for c in clients.criteria]
        texts += [change.reason for change in clients.changes]
        for text in texts:
            assert not NAME_RE.search(text), f"{location.slug}: {text}"
            assert not any(person in text for person in staff), f"{location.slug}: {text}"
        assert all(isinstance(c.count, int) for c in clients.criteria)


def test_scan_raters_are_roles_or_initials(demo):
    plan, locations = demo
    for response in [*plan.sustainment.scans, *(s for loc in locations for s in loc.scans)]:
        assert not NAME_RE.search(response.rater), response.rater


def test_the_demo_is_valid_with_a_few_pieces_of_advice(demo):
    plan, locations = demo
    report = check_project(Project.open(demo_dir()))
    assert report.valid, report.problems
    assert 0 < len(lint_plan(plan, locations)) <= 15
    weak = [goal.id for goal in plan.goals if not check_goal(goal).smart]
    assert weak and len(weak) < len(plan.goals)
