"""Every step's form: type, tick, add, remove and reorder rows; the files hold it; a new form shows it."""

from __future__ import annotations

from tests.forms.conftest import location_file, measurement_rows, plan_file
from workbook.project.store import Project


def test_start_fields_choices_and_working_group(open_step, demo_project: Project) -> None:
    view = open_step("start")
    form = view.form
    form.find("basics", "project_name").control.value = "Nachtzorg met sensoren"
    form.find("basics", "approach").control.value = "bottom_up"
    form.find("basics", "why", "clients").control.value = "Rustiger nachten\nen minder wekken."
    payers = form.find("basics", "payers")
    for box in payers.boxes.values():
        box.value = False
    payers.boxes["insurer"].value = True
    team = form.find("basics", "working_group")
    before = len(team.rows)
    team.add_button.click()
    form.find("basics", "working_group", before, "name").control.value = "Verpleegkundige nachtdienst"
    form.find("basics", "last_updated").control.value = "1-3-2026"
    view.flush()

    basics = plan_file(demo_project)["basics"]
    assert basics["project_name"] == "Nachtzorg met sensoren"
    assert basics["approach"] == "bottom_up"
    assert basics["why"]["clients"] == "Rustiger nachten\nen minder wekken."
    assert basics["payers"] == ["insurer"]
    assert basics["working_group"][-1] == {"name": "Verpleegkundige nachtdienst", "role": ""}
    assert len(basics["working_group"]) == before + 1
    assert basics["last_updated"] == "2026-03-01"
    assert "Opgeslagen om" in form.status_text

    again = open_step("start").form
    assert again.find("basics", "project_name").control.value == "Nachtzorg met sensoren"
    assert again.find("basics", "approach").control.value == "bottom_up"
    assert again.find("basics", "payers").get() == ["insurer"]
    assert again.find("basics", "working_group", before, "name").control.value == "Verpleegkundige nachtdienst"


def test_context_factor_added_weighted_and_moved_to_the_top(open_step, demo_project: Project) -> None:
    view = open_step("context")
    table = view.form.find("context", "factors")
    count = len(table.rows)
    row = table.add()
    row.find("id").control.value = "F99"
    row.find("description").control.value = "Nachtdienst heeft weinig tijd voor uitleg"
    row.find("group").control.value = "organisation"
    row.find("effect").control.value = "hindering"
    row.find("weight").control.value = "3"
    for _ in range(count):
        table.move(table.rows.index(row), -1)
    view.flush()

    factors = plan_file(demo_project)["context"]["factors"]
    assert len(factors) == count + 1
    assert factors[0] == {
        "id": "F99",
        "description": "Nachtdienst heeft weinig tijd voor uitleg",
        "group": "organisation",
        "effect": "hindering",
        "weight": 3,
        "source": "",
        "determinant": None,
    }
    assert open_step("context").form.find("context", "factors", 0, "id").control.value == "F99"


def test_goals_edit_numbers_dates_tristate_actions_and_remove(open_step, demo_project: Project) -> None:
    view = open_step("doelen")
    form = view.form
    goals = form.find("goals")
    count = len(goals.rows)
    form.find("goals", 0, "baseline").control.value = "12,5"
    form.find("goals", 0, "target").control.value = ""
    form.find("goals", 0, "deadline").control.value = "30-06-2027"
    form.find("goals", 0, "acceptable").control.value = "no"
    form.find("goals", 0, "realistic").control.value = "unknown"
    actions = form.find("goals", 0, "actions")
    action_count = len(actions.rows)
    actions.add_button.click()
    form.find("goals", 0, "actions", action_count, "text").control.value = "Uitleg geven in het teamoverleg"
    form.find("goals", 0, "actions", action_count, "done").control.value = True
    goals.remove(count - 1)
    view.flush()

    saved = plan_file(demo_project)["goals"]
    assert len(saved) == count - 1
    first = saved[0]
    assert first["baseline"] == 12.5
    assert first["target"] is None
    assert first["deadline"] == "2027-06-30"
    assert first["acceptable"] is False
    assert first["realistic"] is None
    assert first["actions"][-1]["text"] == "Uitleg geven in het teamoverleg"
    assert first["actions"][-1]["done"] is True
    assert len(first["actions"]) == action_count + 1

    again = open_step("doelen").form
    assert again.find("goals", 0, "baseline").control.value == "12,5"
    assert again.find("goals", 0, "acceptable").control.value == "no"
    assert len(again.find("goals").rows) == count - 1


def test_data_collection_row_added_with_system_and_moved_down(open_step, demo_project: Project) -> None:
    view = open_step("gegevens")
    table = view.form.find("data_collection")
    count = len(table.rows)
    first_data = table.rows[0].find("data").control.value
    table.move(0, +1)
    row = table.add()
    row.find("goal_id").control.value = "D1"
    row.find("data").control.value = "Aantal nachtelijke controles"
    row.find("system").control.value = "epd"
    view.flush()

    saved = plan_file(demo_project)["data_collection"]
    assert len(saved) == count + 1
    assert saved[1]["data"] == first_data
    assert saved[-1]["data"] == "Aantal nachtelijke controles"
    assert saved[-1]["system"] == "epd"


def test_communication_message_checks_and_actions(open_step, demo_project: Project) -> None:
    view = open_step("communicatie")
    form = view.form
    form.find("communication", "core_message").control.value = "Sensoren 's nachts: minder storen, meer rust."
    form.find("communication", "checks", "appeals").control.value = "yes"
    form.find("communication", "checks", "anticipates_resistance").control.value = "unknown"
    actions = form.find("communication", "actions")
    row = actions.add()
    row.find("purpose").control.value = "Familieavond"
    row.find("when").control.value = "12 mei 2026"
    view.flush()

    saved = plan_file(demo_project)["communication"]
    assert saved["core_message"] == "Sensoren 's nachts: minder storen, meer rust."
    assert saved["checks"]["appeals"] is True
    assert saved["checks"]["anticipates_resistance"] is None
    assert saved["actions"][-1]["purpose"] == "Familieavond"
    assert saved["actions"][-1]["when"] == "2026-05-12"


def test_stakeholder_scored_reordered_and_removed(open_step, demo_project: Project) -> None:
    view = open_step("stakeholders")
    table = view.form.find("stakeholders")
    count = len(table.rows)
    second_name = table.rows[1].find("name").control.value
    row = table.add()
    row.find("name").control.value = "Cliëntenraad"
    row.find("power").control.value = "5"
    row.find("interest").control.value = "2"
    row.find("position").control.value = "opponent"
    row.find("strategy").control.value = "yellow"
    table.move(len(table.rows) - 1, -1)
    table.remove(0)
    view.flush()

    saved = plan_file(demo_project)["stakeholders"]
    assert len(saved) == count
    assert saved[0]["name"] == second_name
    moved = saved[-2]
    assert (moved["name"], moved["power"], moved["interest"]) == ("Cliëntenraad", 5, 2)
    assert (moved["position"], moved["strategy"]) == ("opponent", "yellow")


def test_spread_plan_scores_rollout_waves_and_runbook_template(open_step, demo_project: Project) -> None:
    view = open_step("verspreiding")
    form = view.form
    form.find("spread", "characteristics", 0, "score").control.value = ""
    form.find("spread", "rollout", "months_per_location").control.value = "5"
    form.find("spread", "rollout", "max_concurrent").control.value = "3"
    waves = form.find("spread", "rollout", "waves")
    wave = waves.add()
    wave.find("name").control.value = "Golf 9"
    picker = wave.find("locations")
    assert picker.boxes["de-linde"].description == demo_project.load_location("de-linde").name  # names, not codes
    picker.boxes["de-linde"].value = True  # ticked first: first in the wave
    picker.boxes["de-kolk"].value = True
    template = form.find("runbook_template")
    activity = template.add()
    activity.find("activity").control.value = "Sensoren ophangen"
    activity.find("one_off_cost").control.value = "1250,50"
    view.flush()

    saved = plan_file(demo_project)
    assert saved["spread"]["characteristics"][0]["score"] is None
    assert saved["spread"]["rollout"]["months_per_location"] == 5
    assert saved["spread"]["rollout"]["max_concurrent"] == 3
    assert saved["spread"]["rollout"]["waves"][-1] == {"name": "Golf 9", "locations": ["de-linde", "de-kolk"]}
    assert saved["runbook_template"][-1]["activity"] == "Sensoren ophangen"
    assert saved["runbook_template"][-1]["one_off_cost"] == 1250.5


def test_sustainment_scan_checklist_and_anchoring(open_step, demo_project: Project) -> None:
    view = open_step("borging")
    form = view.form
    scans = form.find("sustainment", "scans")
    scan = scans.add()
    scan.find("rater").control.value = "TL"
    scan.find("date").control.value = "01-09-2026"
    answers = scan.find("answers")
    answers.controls["benefits"].value = "A"
    answers.controls["fit"].value = "D"
    checklist = form.find("sustainment", "checklist")
    item = checklist.add()
    item.find("area").control.value = "induction"
    item.find("embedded").control.value = True
    ring = form.find("sustainment", "anchoring").add()
    ring.find("group").control.value = "Nachtdienst"
    ring.find("ring").control.value = "close"
    view.flush()

    saved = plan_file(demo_project)["sustainment"]
    assert saved["scans"][-1] == {"rater": "TL", "date": "2026-09-01", "answers": {"benefits": "A", "fit": "D"}}
    assert saved["checklist"][-1]["area"] == "induction"
    assert saved["checklist"][-1]["embedded"] is True
    assert saved["anchoring"][-1]["ring"] == "close"

    again = open_step("borging").form
    assert again.find("sustainment", "scans", len(scans.rows) - 1, "answers").get() == {"benefits": "A", "fit": "D"}


def test_location_runbook_clients_and_measurements_csv(open_step, demo_project: Project) -> None:
    slug = demo_project.location_slugs()[0]
    view = open_step("locatie", slug)
    form = view.form
    form.find("phase").control.value = "running"
    form.find("clients", "total").control.value = "40"
    form.find("clients", "suitable").control.value = ""
    runbook = form.find("runbook")
    runbook.rows[0].find("status").control.value = "done"
    team = form.find("team")
    member = team.add()
    member.find("name").control.value = "Zorgcoördinator"
    measurements = form.find("measurements")
    row = measurements.add()
    row.find("date").control.value = "1/12/2026"
    row.find("goal_id").control.value = "D1"
    row.find("value").control.value = "7"
    experience = form.find("experiences").add()
    experience.find("kind").control.value = "failure"
    experience.find("description").control.value = "Sensor viel uit bij stroomstoring"
    view.flush()

    saved = location_file(demo_project, slug)
    assert saved["phase"] == "running"
    assert saved["clients"]["total"] == 40
    assert saved["clients"]["suitable"] is None
    assert saved["runbook"][0]["status"] == "done"
    assert saved["team"][-1]["name"] == "Zorgcoördinator"
    assert saved["experiences"][-1]["kind"] == "failure"
    assert "measurements" not in saved
    assert "2026-12-01,D1,7," in measurement_rows(demo_project, slug)

    again = open_step("locatie", slug).form
    assert again.find("clients", "total").control.value == "40"
    values = [r.find("value").control.value for r in again.find("measurements").rows]
    assert "7" in values


def test_location_chosen_and_added_through_the_picker(open_step, demo_project: Project) -> None:
    view = open_step("locatie")
    assert view.form is None
    slug = demo_project.location_slugs()[1]
    view.picker.value = slug
    assert view.form.target.slug == slug
    view.new_name.value = "Het Anker"
    view.add_location("Het Anker")
    assert view.form.target.slug == "het-anker"
    view.form.find("central_contact").control.value = "Projectleider"
    view.flush()
    assert location_file(demo_project, "het-anker")["central_contact"] == "Projectleider"


def test_evaluation_cycles_and_lessons(open_step, demo_project: Project) -> None:
    view = open_step("evaluatie")
    form = view.form
    cycle = form.find("evaluation", "cycles").add()
    cycle.find("title").control.value = "Alarmen 's nachts"
    cycle.find("check").control.value = "Te veel valse meldingen"
    lessons = form.find("evaluation", "lessons")
    count = len(lessons.rows)
    lesson = lessons.add()
    lesson.find("lesson").control.value = "Test de gevoeligheid per kamer"
    lessons.move(count, -1)
    view.flush()

    saved = plan_file(demo_project)["evaluation"]
    assert saved["cycles"][-1]["title"] == "Alarmen 's nachts"
    assert saved["cycles"][-1]["check"] == "Te veel valse meldingen"
    assert saved["lessons"][max(count - 1, 0)]["lesson"] == "Test de gevoeligheid per kamer"
    assert len(saved["lessons"]) == count + 1
