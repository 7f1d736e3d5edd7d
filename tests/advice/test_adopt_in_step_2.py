"""Step 2 in-process: suggestions per hindering factor, and one click turns one into an action under a goal."""

import re
from html import unescape

import yaml

from workbook.project.store import Project


def plan_file(project: Project) -> dict:
    return yaml.safe_load(project.plan_path.read_text(encoding="utf-8"))


def test_step_2_shows_suggestions_per_hindering_factor_with_sources(open_step):
    html = unescape(open_step("context").feedback.value)
    assert "Wat kun je doen aan de belemmeringen?" in html
    for factor_id in ("F3", "F5", "F10"):
        assert f'data-factor="{factor_id}"' in html
    assert "Betrek cliënten en naasten bij de keuzes over de invoering" in html  # F5, 71% of the experts
    # the experts chose it for the CFIR construct, not for the MIDI determinant: the sentence names the construct
    assert "Gekozen door 71% van de experts bij Behoeften en mogelijkheden van cliënten (niveau 1)." in html
    assert "Bron: CFIR-ERIC matching tool output" in html


def test_step_2_marks_every_approximate_link_and_gives_the_workload_factor_priority_and_time(open_step):
    html = unescape(open_step("context").feedback.value)
    f11 = html.split('data-factor="F11"', 1)[1].split("</div>", 1)[0]  # Hoge werkdruk ... weinig ruimte voor scholing
    assert "CFIR: Relatieve prioriteit" in f11 and "(≈ benadering)" in f11
    assert "Leg afspraken over tijd en middelen vast" in f11
    assert "financiering" not in f11 and "gebouw" not in f11
    assert not re.search(r"naar schatting\s*\d", html) and not re.search(r"Samen\b[^<.]*\d+\s*%", html)


def test_one_click_turns_a_suggestion_into_an_action_under_a_goal(open_step, demo_project: Project):
    view = open_step("context")
    adopter = view.adopter
    choice = ("F10", "promote_adaptability")
    assert choice in [value for _, value in adopter.suggestion.options]
    adopter.suggestion.value = choice
    adopter.goal.value = "D2"
    before = next(g for g in plan_file(demo_project)["goals"] if g["id"] == "D2")["actions"]
    adopter.button.click()
    after = next(g for g in plan_file(demo_project)["goals"] if g["id"] == "D2")["actions"]
    assert after[:-1] == before
    assert after[-1]["text"] == "Spreek af wat vastligt en wat een team zelf mag aanpassen"
    assert after[-1]["factor_id"] == "F10"
    assert after[-1]["done"] is False
    assert "✓ Actie toegevoegd onder D2" in adopter.status.value

    adopter.button.click()  # a second click does not add it twice
    assert len(next(g for g in plan_file(demo_project)["goals"] if g["id"] == "D2")["actions"]) == len(after)
    assert "heeft deze actie al" in adopter.status.value


def test_choosing_a_determinant_in_the_form_brings_suggestions(open_step, demo_project: Project):
    view = open_step("context")
    factors = plan_file(demo_project)["context"]["factors"]
    index = next(i for i, f in enumerate(factors) if f["id"] == "F11")
    assert factors[index]["determinant"] == "time_available"
    view.form.find("context", "factors", index, "determinant").control.value = "coordinator"
    view.flush()
    assert plan_file(demo_project)["context"]["factors"][index]["determinant"] == "coordinator"
    assert "Wijs een trekker aan per locatie en geef die tijd en scholing" in view.feedback.value
    assert ("F11", "recruit_leadership") in [value for _, value in view.adopter.suggestion.options]


def test_without_goals_the_button_waits_and_says_why(open_step, empty_project: Project):
    plan = empty_project.load_plan()
    factor = {"id": "F1", "description": "Weinig tijd", "group": "organisation", "effect": "hindering"}
    empty_project.update_plan(
        "context", {**plan.context.model_dump(mode="json"), "factors": [factor | {"determinant": "time_available"}]}
    )
    view = open_step("context", project=empty_project)
    assert view.adopter.button.disabled
    assert "Er zijn nog geen doelen" in view.adopter.status.value
