"""Report sections straight from the model: no kernel needed."""

from __future__ import annotations

import datetime as dt

from workbook.model import RunbookActivity, Status
from workbook.report.location import LocationReport, attention_points
from workbook.report.plan import PlanReport

TODAY = dt.date(2026, 11, 23)


def test_the_location_report_speaks_english_when_asked(demo_project):
    report = LocationReport(demo_project.load_plan(), demo_project.load_location("tweeeiken"), "en", TODAY)
    header = report.header()
    assert header.title.startswith("Progress report ")
    summary = str(report.summary())
    assert "<h2>Summary</h2>" in summary and "Samenvatting" not in summary
    assert "€" in str(report.runbook()) and "Total" in str(report.runbook())


def test_money_and_dates_read_the_dutch_way(demo_project):
    report = LocationReport(demo_project.load_plan(), demo_project.load_location("de-kolk"), "nl", TODAY)
    runbook = str(report.runbook())
    assert "€\u00a08.400" in runbook  # a non-breaking space: the amount never breaks over two lines
    assert "2 nov 2026" in runbook


def test_a_runbook_with_one_amount_in_cents_shows_every_amount_with_cents_in_nl_and_en(demo_project):
    plan = demo_project.load_plan()
    location = demo_project.load_location("de-kolk")
    location.runbook = [
        RunbookActivity(activity="Folder drukken", one_off_cost=12.5, status=Status.todo),
        RunbookActivity(activity="Sensoren", one_off_cost=1500, structural_cost=600, status=Status.todo),
    ]
    dutch = str(LocationReport(plan, location, "nl", TODAY).runbook())
    assert "€\u00a012,50" in dutch and "€\u00a01.500,00" in dutch and "€\u00a01.512,50" in dutch
    assert "€\u00a00,00" in dutch and "€\u00a0600,00" in dutch  # the structural column takes the same form
    assert "€\u00a013" not in dutch  # cents are never rounded away
    english = str(LocationReport(plan, location, "en", TODAY).runbook())
    assert "€12.50" in english and "€1,500.00" in english and "€1,512.50" in english
    # Whole amounts only: whole euros, as before.
    location.runbook = [RunbookActivity(activity="Sensoren", one_off_cost=1500, status=Status.todo)]
    assert "€\u00a01.500</td>" in str(LocationReport(plan, location, "nl", TODAY).runbook())


def test_the_summary_lists_overdue_work_and_attention_names_activities_without_a_person(demo_project):
    plan = demo_project.load_plan()
    location = demo_project.load_location("de-kolk")
    location.runbook = [
        RunbookActivity(
            activity="Sensoren bestellen", person="Ans", end=TODAY - dt.timedelta(days=3), status=Status.busy
        ),
        RunbookActivity(activity="Wifi meten", start=TODAY, status=Status.todo),
        RunbookActivity(activity="Al klaar", person="Bo", end=TODAY - dt.timedelta(days=9), status=Status.done),
    ]
    points = attention_points(plan, location, "nl", TODAY)
    late = str(LocationReport(plan, location, "nl", TODAY).summary()).split('<div class="late">')[1].split("</div>")[0]
    assert "Sensoren bestellen (Ans)" in late and "3 dagen te laat" in late
    assert "Al klaar" not in late and "Wifi meten" not in late
    assert any(point.startswith("Wifi meten:") and "verantwoordelijke" in point for point in points)
    assert not any("Al klaar" in point for point in points)


def test_the_plan_report_names_an_unreadable_location_instead_of_failing(demo_project):
    broken = demo_project.location_path("de-kolk")
    broken.write_text("name: [niet af\n", encoding="utf-8")
    report = PlanReport.load(demo_project.root, today=TODAY)
    assert report.unreadable == ["de-kolk"]
    assert "de-kolk" in str(report.summary())
    assert len(report.locations) == len(demo_project.location_slugs()) - 1


def test_the_overview_sets_the_scan_factors_beside_each_other_per_location(demo_project):
    from workbook.report.overview import overview_page

    page = overview_page(demo_project, {}, None, "nl", "", TODAY)
    matrix = page[page.index('id="borging-per-locatie"') :].split("</section>")[0]
    header = matrix.split("</thead>")[0]
    assert '<th class="number">De Linde</th>' in header and "Tweeëiken" in header and "De Kolk" not in header
    rows = matrix.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") == 10  # one row per factor of the scan
    assert "<td>Totaal</td>" in matrix


def test_the_plan_report_gives_re_aim_per_location_as_well_as_overall(demo_project):
    report = PlanReport.load(demo_project.root, today=TODAY)
    report.lang = "nl"  # whatever language an earlier test left behind
    evaluation = str(report.evaluation())
    per_location = evaluation[evaluation.index("RE-AIM per locatie") :]
    body = per_location.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(demo_project.location_slugs())
    assert "Alle locaties" in per_location


def test_the_client_councils_plan_report_names_nobody_for_actions(demo_project):
    plan = demo_project.load_plan()
    assert plan.communication.core_message.strip()
    plan.communication.actions[0].who = "Jantje Bezem"
    plan.goals[0].actions[0].who = "Pietje Puk"
    plan.sustainment.actions[0].who = "Klaasje Kwak"
    report = PlanReport(plan, [], "nl", TODAY, [])
    for section, name in (
        (report.communication(), "Jantje"),
        (report.goals(), "Pietje"),
        (report.sustainment(), "Klaasje"),
    ):
        assert name in str(section) and "<th>Wie</th>" in str(section)
        council = section.variants["council"]
        assert name not in council and "<th>Wie</th>" not in council
