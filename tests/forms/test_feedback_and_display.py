"""Live feedback redraws after a change; user text stays text; language; finding the project; show_step."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as w
import pytest
from markupsafe import escape

from workbook.errors import WorkbookError
from workbook.model import Location, Plan
from workbook.model.fields import field_label
from workbook.project.store import Project
from workbook.steps import STEPS, find_project, show_step, static_html
from workbook.steps import show as show_module

SCRIPT = "<script>alert('x')</script>"
CHART_PANELS = {
    "context_factors",
    "stakeholder_grid",
    "rogers_profile",
    "rollout_gantt",
    "sustainability_scan",
    "anchoring_rings",
    "organisation_progress",
    "goal_progress",
    "measurements_over_time",
    "location_scan",
}


def _smart_row(html: str, goal_id: str) -> str:
    match = re.search(rf'<tr data-goal="{goal_id}">.*?</tr>', html)
    assert match, f"no SMART row for {goal_id}"
    return match.group(0)


def test_smart_verdict_redraws_when_a_goal_becomes_measurable(open_step) -> None:
    view = open_step("doelen")
    goal = view.form.find("goals", 0)
    goal_id = goal.find("id").control.value
    goal.find("text").control.value = "Het team gaat de nachtzorg verbeteren"
    goal.find("target").control.value = ""
    goal.find("baseline").control.value = ""
    view.flush()
    assert "Hoeveel precies?" in _smart_row(view.feedback.value, goal_id)

    goal.find("target").control.value = "90"
    view.flush()
    row = _smart_row(view.feedback.value, goal_id)
    assert "Hoeveel precies?" not in row
    assert "streefwaarde" in row


def test_stakeholder_grid_redraws_with_a_new_stakeholder(open_step) -> None:
    view = open_step("stakeholders")
    before = view.feedback.value
    row = view.form.find("stakeholders").add()
    row.find("name").control.value = "Ondernemingsraad"
    row.find("power").control.value = "5"
    row.find("position").control.value = "opponent"
    view.flush()
    assert view.feedback.value != before
    assert "Ondernemingsraad" in view.feedback.value
    assert view.feedback.value.count("<img") >= 1


def test_user_text_never_becomes_markup(open_step, demo_project: Project) -> None:
    view = open_step("stakeholders")
    view.form.find("stakeholders", 0, "name").control.value = SCRIPT
    view.flush()
    assert SCRIPT not in view.feedback.value
    assert "&lt;script&gt;" in view.feedback.value
    summary = static_html(STEPS["stakeholders"], demo_project, lang="nl")
    assert SCRIPT not in summary
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in summary


@pytest.mark.parametrize("key", list(STEPS))
def test_static_summary_of_every_step_shows_its_sections_and_feedback(key, demo_project: Project) -> None:
    step = STEPS[key]
    html = static_html(step, demo_project, lang="nl")
    model = Location if step.per_location else Plan
    for section in step.sections:
        assert escape(field_label(model, section.name, "nl")) in html
    for panel in step.feedback:
        assert f'class="wb-feedback-{panel.replace(":", "-")}"' in html
    charts = [name for name in step.feedback if name in CHART_PANELS]
    assert html.count('<img class="wb-chart"') >= len(charts) * (
        len(demo_project.location_slugs()) if step.per_location else 1
    )
    if step.per_location:
        for place in demo_project.load_locations():
            assert f"<h2>{escape(place.name)}</h2>" in html


def test_forms_and_summaries_speak_english_on_request(open_step, demo_project: Project) -> None:
    from workbook.steps import StepView

    english = StepView(STEPS["start"], demo_project, lang="en")
    labels = " ".join(child.value for child in _html_widgets(english.widget))
    assert "Project name" in labels
    assert "Naam van het project" not in labels
    dutch = open_step("start")
    assert "Naam van het project" in " ".join(child.value for child in _html_widgets(dutch.widget))
    assert "Points to check" in static_html(STEPS["doelen"], demo_project, lang="en")


def test_show_step_builds_a_form_only_when_interactive(monkeypatch, demo_project: Project) -> None:
    shown = []
    monkeypatch.setattr(show_module, "display", shown.append)
    monkeypatch.setenv("WORKBOOK_INTERACTIVE", "1")
    show_step("doelen", str(demo_project.root))
    monkeypatch.setenv("WORKBOOK_INTERACTIVE", "0")
    show_step("doelen", str(demo_project.root))
    assert isinstance(shown[0], w.VBox)
    assert "SMART" in shown[1].data and not isinstance(shown[1], w.Widget)


def test_the_project_comes_from_the_parameter_the_environment_or_the_folders_above(
    monkeypatch, demo_project: Project, tmp_path: Path
) -> None:
    monkeypatch.delenv("WORKBOOK_PROJECT", raising=False)
    inside = demo_project.root / "stappen"
    inside.mkdir()
    monkeypatch.chdir(inside)
    assert find_project("").root == demo_project.root
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with pytest.raises(WorkbookError, match="geen werkboek gevonden"):
        find_project("")
    monkeypatch.setenv("WORKBOOK_PROJECT", str(demo_project.root))
    assert find_project("").root == demo_project.root


def _html_widgets(widget: w.Widget):
    if isinstance(widget, w.HTML):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _html_widgets(child)
