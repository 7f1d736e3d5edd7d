"""Step feedback never praises an empty section, and step 1 shows how complete every step is."""

from html import unescape

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


def _location_panel(location) -> str:
    from workbook.model import Plan
    from workbook.steps.feedback import Situation, panel_html

    return unescape(panel_html("location_lint", Situation(Plan(), "nl", location=location)))


def test_an_empty_location_is_never_netjes_ingevuld():
    from workbook.model import Location

    html = _location_panel(Location(slug="noord", name="Noord"))
    assert "netjes ingevuld" not in html
    assert "2 van 5 ingevuld; nog: geef elke locatie een uitvoeringsteam." in html


def test_a_location_is_netjes_ingevuld_only_when_it_is():
    import datetime as dt

    from workbook.model import Intake, Location, LocationEvaluation, Measurement, Member, Phase, RunbookActivity

    planned = Location(
        slug="noord",
        name="Noord",
        start=dt.date(2030, 3, 4),
        end=dt.date(2030, 7, 5),
        team=[Member(name="Ans", role="verpleegkundige")],
        runbook=[RunbookActivity(activity="Kick-off", person="Ans", start=dt.date(2030, 3, 4))],
    )
    assert "✓ Geen aandachtspunten: netjes ingevuld." in _location_panel(planned)
    done = planned.model_copy(
        update={
            "phase": Phase.finished,
            "start": dt.date(2025, 1, 6),
            "end": dt.date(2025, 5, 30),
            "measurements": [Measurement(date=dt.date(2025, 5, 1), goal_id="D1", value=2)],
        }
    )
    html = _location_panel(done)  # finished, but no evaluation and no intake
    assert "netjes ingevuld" not in html
    assert "Noord: Afgeronde locatie zonder evaluatie" in html
    assert "Noord: Afgeronde locatie zonder intake" in html
    written = done.model_copy(
        update={
            "evaluations": [LocationEvaluation(achieved="Iedereen werkt ermee")],
            "intake": [Intake(who_explains="Ans")],
        }
    )
    assert "✓ Geen aandachtspunten: netjes ingevuld." in _location_panel(written)
    too_long = written.model_copy(update={"end": dt.date(2025, 12, 19)})
    html = _location_panel(too_long)
    assert "netjes ingevuld" not in html
    assert "Noord: Deze locatie loopt ongeveer 11 maanden (6 januari 2025 tot 19 december 2025)" in html
