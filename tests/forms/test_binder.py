"""The binder: each field type gets its widget once, and every section survives a form unchanged."""

from __future__ import annotations

import ipywidgets as w
import pytest

from workbook.forms import Form, Section
from workbook.forms.records import Table, editable_fields, input_for
from workbook.instruments import SCAN_FACTORS
from workbook.model import (
    Action,
    Basics,
    ContextFactor,
    Goal,
    Location,
    Measurement,
    Plan,
    Rollout,
    ScanResponse,
    Stakeholder,
)
from workbook.project.store import Project


@pytest.mark.parametrize(
    ("model", "name", "widget"),
    [
        (Basics, "project_name", w.Text),
        (Goal, "text", w.Textarea),
        (Basics, "approach", w.Dropdown),
        (ContextFactor, "weight", w.ToggleButtons),
        (Stakeholder, "power", w.ToggleButtons),
        (Rollout, "max_concurrent", w.Text),
        (Goal, "baseline", w.Text),
        (Action, "done", w.Checkbox),
        (Goal, "acceptable", w.ToggleButtons),
        (Action, "when", w.Text),
        (Action, "factor_id", w.Dropdown),
        (Measurement, "goal_id", w.Dropdown),
    ],
)
def test_each_field_type_gets_its_widget(model, name, widget) -> None:
    value = getattr(model.model_construct(), name, None)
    assert isinstance(input_for(model, name, value, "nl").control, widget)


def test_choices_show_labels_and_store_codes_with_an_empty_option_only_when_optional() -> None:
    approach = input_for(Basics, "approach", None, "nl").control
    assert approach.options[0] == ("—", "")
    assert ("Gemengd", "mixed") in approach.options
    position = input_for(Stakeholder, "position", "neutral", "en").control
    assert ("Against", "opponent") in position.options
    assert "" not in [code for _, code in position.options]


def test_scales_follow_the_field_bounds() -> None:
    assert [code for _, code in input_for(ContextFactor, "weight", 2, "nl").control.options] == ["1", "2", "3"]
    months = input_for(Rollout, "months_per_location", 4, "nl").control
    assert [code for _, code in months.options] == ["3", "4", "5", "6"]


def test_yes_no_dont_know_and_multiple_choice() -> None:
    tristate = input_for(Goal, "acceptable", None, "nl")
    assert tristate.control.value == "unknown"
    assert [label for label, _ in tristate.control.options] == ["Ja", "Nee", "Weet ik niet"]
    tristate.control.value = "yes"
    assert tristate.get() is True
    payers = input_for(Basics, "payers", ["insurer", "client"], "nl")
    assert payers.get() == ["client", "insurer"]


def test_scan_answers_offer_a_level_per_factor() -> None:
    answers = input_for(ScanResponse, "answers", {"fit": "B"}, "nl")
    assert list(answers.controls) == list(SCAN_FACTORS)
    assert answers.get() == {"fit": "B"}


def test_small_records_are_table_rows_and_large_ones_cards() -> None:
    actions = input_for(Goal, "actions", [], "nl")
    goals = input_for(Plan, "goals", [], "nl")
    assert isinstance(actions, Table) and actions.flat
    assert isinstance(goals, Table) and not goals.flat
    row = actions.add()
    assert list(row.inputs) == editable_fields(Action)


def test_every_section_of_the_demo_survives_a_form_unchanged(demo_project: Project) -> None:
    plan = demo_project.load_plan()
    sections = [Section(name) for name in editable_fields(Plan)]
    form = Form(demo_project, sections, lang="nl")
    for name, section in form.sections.items():
        value, errors = section.validate()
        assert errors == {}, name
        assert value == getattr(plan, name), name
    for location in demo_project.load_locations():
        form = Form(demo_project, [Section(n) for n in editable_fields(Location)], location=location.slug)
        for name, section in form.sections.items():
            value, errors = section.validate()
            assert errors == {}, (location.slug, name)
            assert value == getattr(location, name), (location.slug, name)


def test_opening_and_flushing_without_changes_writes_nothing(demo_project: Project) -> None:
    before = demo_project.plan_path.read_bytes()
    form = Form(demo_project, [Section("goals"), Section("basics")], lang="nl")
    form.flush()
    assert demo_project.plan_path.read_bytes() == before
    assert not (demo_project.root / ".versies").exists()
