"""Planning back from a location's end date: a runbook activity placed "N weeks before the end" takes
its dates from the end date, moves along when the end date moves, and the runbook report shows the
worked-out dates and says they were planned back."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from tests.forms.conftest import location_file
from workbook.cli import main
from workbook.language.locale import format_date
from workbook.model import Location, RunbookActivity
from workbook.project.store import Project
from workbook.report.location import LocationReport

END = dt.date(2027, 6, 25)  # a Friday


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


def test_an_activity_weeks_before_the_end_is_dated_from_the_end_and_keeps_its_length():
    week_long = RunbookActivity(activity="Eindevaluatie", weeks_before_end=0)
    own_length = RunbookActivity(
        activity="Borgingsscan", weeks_before_end=3, start=dt.date(2027, 1, 4), end=dt.date(2027, 1, 14)
    )
    forward = RunbookActivity(activity="Aftrap", start=dt.date(2027, 2, 1), end=dt.date(2027, 2, 5))
    location = Location(name="Noord", end=END, runbook=[week_long, own_length, forward])
    final, scan, kickoff = location.runbook
    assert (final.start, final.end) == (END - dt.timedelta(days=4), END)  # Monday to Friday of the last week
    three_weeks_before = END - dt.timedelta(weeks=3)
    assert (scan.start, scan.end) == (three_weeks_before - dt.timedelta(days=10), three_weeks_before)
    assert (kickoff.start, kickoff.end) == (dt.date(2027, 2, 1), dt.date(2027, 2, 5)), "dated forward: untouched"

    later = END + dt.timedelta(weeks=2)
    location.end = later
    assert final.end == later and scan.end == later - dt.timedelta(weeks=3)
    assert (scan.end - scan.start).days == 10, "the length stays when the end date moves"
    assert kickoff.start == dt.date(2027, 2, 1)


def test_without_an_end_date_the_activity_waits_for_one():
    location = Location(name="Noord", runbook=[RunbookActivity(activity="Eindevaluatie", weeks_before_end=1)])
    assert (location.runbook[0].start, location.runbook[0].end) == (None, None)


def test_step_9_works_out_the_dates_and_moves_them_with_the_end_date(open_step, demo_project: Project):
    slug = next(loc.slug for loc in demo_project.load_locations() if loc.end and loc.phase.value == "planned")
    end = demo_project.load_location(slug).end
    view = open_step("locatie", location=slug)
    runbook = view.form.find("runbook")
    row = runbook.add()
    row.find("activity").control.value = "Afscheid van de projectgroep en overdracht aan de lijn"
    row.find("person").control.value = "Teamleider"
    row.find("weeks_before_end").control.value = "2"
    view.flush()

    two_weeks_before = end - dt.timedelta(weeks=2)
    saved = location_file(demo_project, slug)["runbook"][-1]
    assert saved["weeks_before_end"] == 2
    assert (saved["start"], saved["end"]) == (str(two_weeks_before - dt.timedelta(days=4)), str(two_weeks_before))
    assert row.find("end").control.value == format_date(two_weeks_before, "nl", style="short")

    later = end + dt.timedelta(weeks=3)
    view.form.find("end").control.value = later.strftime("%d-%m-%Y")
    view.flush()
    moved = later - dt.timedelta(weeks=2)
    assert location_file(demo_project, slug)["runbook"][-1]["end"] == str(moved)
    shown = view.form.find("runbook", len(runbook.rows) - 1, "end").control.value
    assert shown == format_date(moved, "nl", style="short"), "the form shows the moved date at once"


def test_the_runbook_report_shows_the_worked_out_dates_and_says_they_were_planned_back(demo_project: Project):
    location = next(loc for loc in demo_project.load_locations() if any(a.weeks_before_end for a in loc.runbook))
    report = text(LocationReport.load(demo_project.root, location.slug, today=dt.date(2026, 3, 1)).runbook().html)
    backward = [a for a in location.runbook if a.weeks_before_end is not None]
    assert f"de datums van {len(backward)} activiteiten zijn teruggerekend vanaf het einde van de locatie op" in report
    for activity in backward:
        weeks = activity.weeks_before_end
        where = "laatste week" if weeks == 0 else f"{weeks} {'week' if weeks == 1 else 'weken'}"
        dates = f"{format_date(activity.start, 'nl', style='medium')} {format_date(activity.end, 'nl', style='medium')}"
        assert f"{activity.activity} {activity.person} {dates} {where}" in report


def test_the_template_can_plan_back_from_the_end_and_the_location_dates_it(empty_project: Project, capsys):
    plan = empty_project.load_plan()
    plan.runbook_template = [
        {"activity": "Aftrap", "week": 1},
        {"activity": "Eindevaluatie", "week": 1, "weeks_before_end": 1},
    ]
    empty_project.save_plan(plan)
    folder = str(empty_project.root)
    assert main(["location", "add", folder, "De Linde"]) == 0
    assert main(["location", "set", folder, "de-linde", "--start", "1-3-2027", "--end", "25-6-2027"]) == 0
    assert main(["location", "runbook", folder, "de-linde", "--from-template"]) == 0
    capsys.readouterr()
    kickoff, final = empty_project.load_location("de-linde").runbook
    assert kickoff.start == dt.date(2027, 3, 1)
    assert (final.weeks_before_end, final.end) == (1, END - dt.timedelta(weeks=1))
