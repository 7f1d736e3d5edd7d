"""Long lists as folding cards, labelled add buttons, pickers for references, and the scan's levels."""

from __future__ import annotations

import re
from html import unescape

import yaml

from tests.forms.conftest import location_file, plan_file
from workbook.forms import Form, Section
from workbook.forms.inputs import Levels, References
from workbook.forms.kinds import TABLE, kind_of
from workbook.forms.records import Card
from workbook.model import Location, Plan
from workbook.model.choices import Level
from workbook.project.places import record_model
from workbook.project.store import Project


def goals_form(project: Project) -> Form:
    return Form(project, [Section("goals")], lang="nl", delay=60)


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_goals_open_as_folded_cards_with_number_text_and_smart_letters(demo_project: Project) -> None:
    goals = demo_project.load_plan().goals
    table = goals_form(demo_project).find("goals")
    assert all(isinstance(row, Card) and not row.is_open and row.group is None for row in table.rows)
    assert all(row.widget is row.toggle for row in table.rows)  # one line each
    first = table.rows[0].toggle.description
    assert re.match(rf"▸ {goals[0].id} · S[✓✗?] M[✓✗?] A[✓✗?] R[✓✗?] T[✓✗?] · ", first)
    assert goals[0].text[:30] in first


def test_a_vague_goal_shows_what_it_misses_on_its_card(demo_project: Project) -> None:
    form = goals_form(demo_project)
    goal = form.find("goals").add()
    goal.find("text").control.value = "We willen dat de zorg beter wordt."
    card = form.find("goals").rows[-1]
    assert card.is_open
    assert "· S✗ M✗ A? R? T✗ · We willen dat de zorg beter wordt." in card.toggle.description
    assert "S ✗" in text(card.feedback.value)  # the reasons stand right under the goal


def test_saving_one_card_leaves_the_folded_ones_exactly_as_they_were(demo_project: Project) -> None:
    before = plan_file(demo_project, ids=True)["goals"]
    form = goals_form(demo_project)
    form.find("goals", 2, "owner").control.value = "Anna de Vries"
    form.flush()
    after = plan_file(demo_project, ids=True)["goals"]
    assert after[2]["owner"] == "Anna de Vries"
    assert [g for i, g in enumerate(after) if i != 2] == [g for i, g in enumerate(before) if i != 2]
    assert sum(row.group is not None for row in form.find("goals").rows) == 1


def test_a_card_with_a_red_message_opens_by_itself(demo_project: Project) -> None:
    form = goals_form(demo_project)
    card = form.find("goals").rows[0]
    form.find("goals", 0, "baseline").control.value = "2.375"  # ambiguous: asked about, not saved
    card.fold()
    form.find("goals", 1, "owner").control.value = "Piet"
    assert card.is_open
    assert "2,375" in text(card.group.find("baseline").error.value)


def test_add_buttons_say_what_they_add_and_where(demo_project: Project) -> None:
    form = goals_form(demo_project)
    table = form.find("goals")
    assert table.add_button.description == "+ Doel"
    actions = form.find("goals", 1, "actions")
    number = demo_project.load_plan().goals[1].id
    assert actions.add_button.description == f"+ Actie bij {number}"
    form.find("goals", 1, "id").control.value = "D42"
    assert actions.add_button.description == "+ Actie bij D42"
    assert Form(demo_project, [Section("stakeholders")], lang="en").find("stakeholders").add_button.description == (
        "+ Stakeholder"
    )


def test_every_list_of_records_names_what_it_holds() -> None:
    """Each list gets an add button with a noun ("+ Risico"), never the field's whole label."""
    missing, seen = [], set()

    def walk(model: type) -> None:
        for name, info in model.model_fields.items():
            inner = record_model(info.annotation)
            if inner is None or inner in seen and kind_of(model, name).name != TABLE:
                continue
            if kind_of(model, name).name == TABLE and "nouns" not in (info.json_schema_extra or {}):
                missing.append(f"{model.__name__}.{name}")
            if inner not in seen:
                seen.add(inner)
                walk(inner)

    walk(Plan)
    walk(Location)
    assert missing == []


def test_measurements_pick_a_goal_by_its_number_and_text(demo_project: Project) -> None:
    slug = demo_project.location_slugs()[0]
    goals = demo_project.load_plan().goals
    form = Form(demo_project, [Section("measurements")], location=slug, lang="nl", delay=60)
    picker = form.find("measurements").add().find("goal_id").control
    labels = dict((code, label) for label, code in picker.options)
    assert labels[goals[0].id].startswith(f"{goals[0].id} · {goals[0].text[:20]}")
    picker.value = goals[1].id
    measurement = form.find("measurements").rows[-1]
    measurement.find("date").control.value = "1 juli 2027"
    measurement.find("value").control.value = "12,5"
    form.flush()
    saved = demo_project.load_location(slug).measurements[-1]
    assert (saved.goal_id, saved.value) == (goals[1].id, 12.5)


def test_a_code_that_refers_to_nothing_known_is_kept(demo_project: Project) -> None:
    data = yaml.safe_load(demo_project.plan_path.read_text(encoding="utf-8"))
    data["goals"][0]["actions"][0]["factor_id"] = "F99"
    demo_project.plan_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    form = goals_form(demo_project)
    picker = form.find("goals", 0, "actions", 0, "factor_id").control
    assert picker.value == "F99"
    assert "F99 (niet gevonden)" in [label for label, _ in picker.options]
    form.find("goals", 0, "owner").control.value = "Piet"
    form.flush()
    assert plan_file(demo_project)["goals"][0]["actions"][0]["factor_id"] == "F99"


def test_waves_pick_locations_by_name_and_keep_their_order(demo_project: Project) -> None:
    form = Form(demo_project, [Section("spread")], lang="nl", delay=60)
    waves = form.find("spread", "rollout", "waves")
    first = waves.find(0, "locations")
    assert isinstance(first, References)
    stored = demo_project.load_plan().spread.rollout.waves[0].locations
    assert first.get() == stored
    others = [slug for slug in demo_project.location_slugs() if slug not in stored]
    first.boxes[others[0]].value = True
    first.boxes[stored[0]].value = False
    assert len(stored) >= 2
    assert text(first.order.value) == "Volgorde: " + " → ".join(
        demo_project.load_location(slug).name for slug in [*stored[1:], others[0]]
    )
    form.flush()
    assert plan_file(demo_project)["spread"]["rollout"]["waves"][0]["locations"] == [*stored[1:], others[0]]


def test_the_scan_says_what_each_level_means(demo_project: Project) -> None:
    slug = demo_project.location_slugs()[0]
    form = Form(demo_project, [Section("scans")], location=slug, lang="nl", delay=60)
    scan = form.find("scans").add()
    answers = scan.find("answers")
    assert isinstance(answers, Levels)
    legend = text(answers.widget.children[1].value)
    for level in Level:
        assert f"{level.value} = " in legend
    assert "klopt helemaal" in legend and "klopt (nog) niet" in legend
    control = answers.controls["benefits"]
    assert [label for label, _ in control.options][:4] == ["A", "B", "C", "D"]
    assert control.tooltips[0].startswith("A: klopt helemaal")
    scan.find("rater").control.value = "TL"
    scan.find("date").control.value = "1-9-2026"
    control.value = "B"
    form.flush()
    assert location_file(demo_project, slug)["scans"][-1]["answers"] == {"benefits": "B"}
