"""The plan report's "Wat is er veranderd sinds …" section: in-process and in a built report."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.build.conftest import copy_demo, run_build
from workbook.model import Goal
from workbook.report.changes import changes_since_mark
from workbook.store import Project

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
