"""The plan report's "Wat is er veranderd sinds …" section: in-process and in a built report."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.build.conftest import copy_demo, run_build
from tests.build.test_truth_up_front import visible_text
from workbook.model import Goal, Member
from workbook.project.store import Project
from workbook.report.changes import changes_since_mark

HOSTILE = "<script>window.__pwned = 1</script>"


def edit_after_mark(project: Project) -> None:
    with project.locked():
        project.versions.mark("Terugkomdag 9 april")
    goals = project.load_plan().goals
    goals[0].owner = HOSTILE
    goals.append(Goal(id="D9", text="Minder valincidenten 's nachts", deadline=dt.date(2027, 7, 1)))
    project.update_plan("goals", goals)
    project.update_location("tweeeiken", "phase", "finished")


def test_without_a_label_there_is_no_section(demo_project: Project) -> None:
    demo_project.update_plan("goals", [])
    assert changes_since_mark(demo_project.root, "nl") is None


def test_the_section_lists_the_changes_since_the_newest_label(tmp_path) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    with project.locked():
        project.versions.mark("Kick-off")
    edit_after_mark(project)
    html = str(changes_since_mark(project.root, "nl"))
    assert "<h2>Wat is er veranderd sinds Terugkomdag 9 april</h2>" in html
    assert "<p>3 wijzigingen</p>" in html
    assert "<li>Doel D9 toegevoegd</li>" in html
    assert "<li>Tweeëiken, fase: Loopt → Afgerond</li>" in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html and HOSTILE not in html
    english = str(changes_since_mark(project.root, "en"))
    assert "<h2>What has changed since Terugkomdag 9 april</h2>" in english and "<li>Goal D9 added</li>" in english


def test_the_client_council_reads_what_changed_but_no_name(tmp_path) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    with project.locked():
        project.versions.mark("Terugkomdag 9 april")
    goals = project.load_plan().goals
    goals[0].owner, goals[0].target = "Piet Bakker", 85
    project.update_plan("goals", goals)
    team = project.load_location("tweeeiken").team
    team.append(Member(name="Fatima el Amrani", role="Nachtdienst"))
    project.update_location("tweeeiken", "team", team)

    section = changes_since_mark(project.root, "nl")
    full, council = str(section), section.variants["council"]
    assert "<li>Doel D1, eigenaar: &#39;Ilse Brouwer-Kamp (projectleider)&#39; → &#39;Piet Bakker&#39;</li>" in full
    assert "<li>Tweeëiken, teamlid &#39;Fatima el Amrani&#39; toegevoegd</li>" in full
    assert "<li>Doel D1, eigenaar gewijzigd</li>" in council
    assert "<li>Doel D1, streefwaarde: 80 → 85</li>" in council
    assert "<li>Tweeëiken, teamlid toegevoegd</li>" in council
    assert "<p>3 wijzigingen</p>" in council
    for name in ("Ilse Brouwer-Kamp", "Piet Bakker", "Fatima el Amrani", "Nachtdienst"):
        assert name not in council
    assert set(section.variants) == {"council"}, "the board and the team read the changes as the working group"


def test_one_change_is_counted_in_the_singular(tmp_path) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    with project.locked():
        project.versions.mark("Terugkomdag 9 april")
    project.update_location("tweeeiken", "phase", "finished")
    assert "<p>1 wijziging</p>" in str(changes_since_mark(project.root, "nl"))
    assert "<p>1 change</p>" in str(changes_since_mark(project.root, "en"))


def test_nothing_changed_since_the_label_says_so(tmp_path) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    with project.locked():
        project.versions.mark("Terugkomdag 9 april")
    html = str(changes_since_mark(project.root, "nl"))
    assert "Sindsdien is er niets veranderd." in html


@pytest.mark.slow
@pytest.mark.browser
def test_the_built_plan_report_shows_the_return_day_view(tmp_path, browser) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    edit_after_mark(project)
    built = run_build(project)
    assert built.code == 0, built.output
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto((built.reports / "plan.html").resolve().as_uri(), wait_until="load")
    section = page.locator("section#veranderd")
    assert section.locator("h2").inner_text() == "Wat is er veranderd sinds Terugkomdag 9 april"
    items = section.locator("li").all_inner_texts()
    assert "Doel D9 toegevoegd" in items and "Tweeëiken, fase: Loopt → Afgerond" in items
    assert any(HOSTILE in item for item in items)
    assert page.evaluate("window.__pwned") is None
    context.close()


def staff_names(project: Project) -> set[str]:
    """Every person the plan and its locations name as staff (without a role in brackets; the demo
    gives roles, not names, for who does an action)."""
    plan = project.load_plan()
    names = {member.name for member in plan.basics.working_group} | {goal.owner for goal in plan.goals}
    for location in project.load_locations():
        names |= {member.name for member in location.team} | {a.person for a in location.runbook}
        names.add(location.central_contact)
    return {name.split(" (")[0].strip() for name in names} - {""}


@pytest.mark.slow
def test_the_built_council_report_names_no_staff_also_in_what_changed(tmp_path) -> None:
    project = copy_demo(tmp_path / "klein", keep=("tweeeiken",))
    with project.locked():
        project.versions.mark("Terugkomdag 9 april")
    goals = project.load_plan().goals
    goals[0].owner = "Piet Bakker"
    project.update_plan("goals", goals)
    names = staff_names(project) | {"Ilse Brouwer-Kamp"}  # the owner before the change
    assert {"Piet Bakker", "Ilse Brouwer-Kamp", "Yvonne de Graaf"} <= names and len(names) > 8
    built = run_build(project)
    assert built.code == 0, built.output
    full = visible_text((built.reports / "plan.html").read_text(encoding="utf-8"))
    assert "Doel D1, eigenaar: 'Ilse Brouwer-Kamp (projectleider)' → 'Piet Bakker'" in full
    council = visible_text((built.reports / "clientenraad" / "plan.html").read_text(encoding="utf-8"))
    assert "Wat is er veranderd sinds Terugkomdag 9 april" in council and "Doel D1, eigenaar gewijzigd" in council
    found = sorted(name for name in names if name in council)
    assert found == [], found
