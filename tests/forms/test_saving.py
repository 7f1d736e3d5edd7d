"""Saving as you type: invalid input is shown inline and never saved; saves are debounced and per section."""

from __future__ import annotations

import datetime as dt
import time

from tests.forms.conftest import plan_file
from workbook.forms import Form, Section
from workbook.project.store import Project


def test_invalid_number_is_shown_in_dutch_and_the_file_keeps_the_last_valid_version(open_step, demo_project) -> None:
    before = demo_project.plan_path.read_bytes()
    view = open_step("doelen")
    field = view.form.find("goals", 0, "target")
    field.control.value = "veel"
    view.flush()

    assert "verwacht een getal" in field.error.value
    assert "veel" in field.error.value
    assert "niet opgeslagen wat rood staat bij SMART-doelen en acties" in view.form.status_text
    assert demo_project.plan_path.read_bytes() == before
    assert field.control.value == "veel", "what the user typed stays on screen"

    field.control.value = "81"
    view.flush()
    assert field.error.value == ""
    assert plan_file(demo_project)["goals"][0]["target"] == 81
    assert "Opgeslagen om" in view.form.status_text


def test_an_invalid_new_row_waits_while_the_rest_is_saved(demo_project: Project) -> None:
    form = Form(demo_project, [Section("basics"), Section("runbook_template")], lang="nl")
    before = plan_file(demo_project)["runbook_template"]
    row = form.find("runbook_template").add()
    row.find("activity").control.value = "Evalueren"
    row.find("week").control.value = "200"
    form.find("basics", "innovation").control.value = "Slimme sensoren"
    form.flush()

    saved = plan_file(demo_project)
    assert saved["runbook_template"] == before
    assert saved["basics"]["innovation"] == "Slimme sensoren"
    assert "verwacht hoogstens 104" in row.find("week").error.value
    assert "Draaiboek (sjabloon)" in form.status_text


def test_a_required_number_left_empty_is_named_next_to_the_field(demo_project: Project) -> None:
    slug = demo_project.location_slugs()[0]
    before = demo_project.location_path(slug).read_bytes()
    form = Form(demo_project, [Section("targets")], location=slug, lang="nl")
    row = form.find("targets").add()
    row.find("goal_id").control.value = "D1"
    form.flush()
    assert "verwacht een getal" in row.find("target").error.value
    assert demo_project.location_path(slug).read_bytes() == before


def test_saving_waits_for_a_pause_in_typing(demo_project: Project) -> None:
    form = Form(demo_project, [Section("basics")], lang="nl", delay=1.0)
    field = form.find("basics", "need")
    for text in ("M", "Mi", "Min", "Minder wekken"):
        field.control.value = text
    assert plan_file(demo_project)["basics"]["need"] != "Minder wekken"
    assert "zo opgeslagen" in form.status_text
    deadline = time.monotonic() + 5
    while plan_file(demo_project)["basics"]["need"] != "Minder wekken" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert plan_file(demo_project)["basics"]["need"] == "Minder wekken"
    assert "Opgeslagen om" in form.status_text


def test_two_forms_on_different_sections_both_keep_their_change(demo_project: Project) -> None:
    goals = Form(demo_project, [Section("goals")], lang="nl")
    people = Form(demo_project, [Section("stakeholders")], lang="nl")
    goals.find("goals", 0, "owner").control.value = "Teamleider nacht"
    people.find("stakeholders", 0, "role").control.value = "Meedenker"
    goals.flush()
    people.flush()

    saved = plan_file(demo_project)
    assert saved["goals"][0]["owner"] == "Teamleider nacht"
    assert saved["stakeholders"][0]["role"] == "Meedenker"


def test_a_step_showing_some_fields_keeps_the_others(demo_project: Project) -> None:
    before = plan_file(demo_project)["basics"]
    form = Form(demo_project, [Section("basics", fields=("need", "project_name"))], lang="nl")
    assert list(form.find("basics").inputs) == ["need", "project_name"]
    form.find("basics", "need").control.value = "Meer rust in de nacht"
    form.flush()
    after = plan_file(demo_project)["basics"]
    assert after["need"] == "Meer rust in de nacht"
    assert after["last_updated"] == dt.date.today().isoformat()
    untouched = {"need", "last_updated"}
    assert {k: v for k, v in after.items() if k not in untouched} == {
        k: v for k, v in before.items() if k not in untouched
    }
