"""Step feedback never praises an empty section, and step 1 shows how complete every step is."""

from workbook.project.store import Project


def test_step_3_with_no_goals_says_what_to_do_instead_of_netjes_ingevuld(open_step, empty_project: Project):
    view = open_step("doelen", project=empty_project)
    html = view.feedback.value
    assert "netjes ingevuld" not in html
    assert "Nog leeg: schrijf een eerste SMART-doel." in html


def test_a_complete_section_without_findings_is_still_netjes_ingevuld(open_step):
    # The demo's communication step is complete and has no findings.
    assert "Geen aandachtspunten: netjes ingevuld." in open_step("communicatie").feedback.value


def test_step_1_overview_shows_every_step_and_the_next_thing_to_do(open_step, empty_project: Project):
    html = open_step("start", project=empty_project).feedback.value
    assert "Begin met stap 1: wat is de vernieuwing en voor wie?" in html
    assert html.count("<tr data-step=") == 10
    assert "0 van 7" in html  # step 3 expects seven parts

    view = open_step("start", project=empty_project)
    view.form.find("basics").find("innovation").control.value = "Beeldbellen met cliënten in de wijk"
    view.flush()
    assert "Ga verder met stap 1 (Start): welke behoefte lost de vernieuwing op?" in view.feedback.value
    saved = empty_project.load_plan()
    assert saved.basics.innovation == "Beeldbellen met cliënten in de wijk"
