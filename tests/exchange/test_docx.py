"""The Word export read back with python-docx: sections, tables, locations, empty projects, odd text."""

from __future__ import annotations

import datetime as dt

import docx

from workbook.exchange.docx_export import export_docx
from workbook.exchange.docx_plan import msg as plan_msg
from workbook.exchange.values import show
from workbook.model import Action, Location, Measurement, Plan, RunbookActivity, Status, Sustainment
from workbook.model.fields import field_label
from workbook.report.tables import msg as table_words

from .read_back import all_text, headings, table_starting_with, table_with_header, tables
from .sample import HOLT, LONG_TEXT


def plan_headings(lang: str) -> list[str]:
    """The Heading 1 titles the plan document must have, in order."""
    labels = {name: field_label(Plan, name, lang) for name in Plan.model_fields}
    return [
        plan_msg("introduction", lang),
        "Besluiten en risico's" if lang == "nl" else "Decisions and risks",
        "Kosten" if lang == "nl" else "Costs",
        labels["context"],
        labels["goals"],
        plan_msg("actions_per_goal", lang),
        labels["data_collection"],
        labels["communication"],
        labels["stakeholders"],
        labels["spread"],
        labels["sustainment"],
        labels["evaluation"],
        labels["runbook_template"],
    ]


def test_every_section_is_a_real_heading(demo_project):
    path = export_docx(demo_project, lang="nl")
    assert headings(path, 1) == plan_headings("nl")
    assert field_label(Sustainment, "scans", "nl") in headings(path, 2)
    title = docx.Document(str(path)).paragraphs[0]
    assert title.style.name == "Title"


def test_actions_table_holds_every_action_with_who_and_when(demo_project):
    plan = demo_project.load_plan()
    path = export_docx(demo_project, lang="nl")
    header = [field_label(Measurement, "goal_id", "nl")]
    header += [field_label(Action, name, "nl") for name in ("text", "who", "when", "done")]
    rows = table_with_header(path, header)
    expected = [
        [goal.id, action.text, action.who, show(action.when), table_words("done" if action.done else "open", "nl")]
        for goal in plan.goals
        for action in goal.actions
    ]
    assert expected, "the sample project should have actions"
    assert rows == expected


def test_location_document_adds_the_locations_own_sections(demo_project):
    slug = demo_project.location_slugs()[0]
    location = demo_project.load_location(slug)
    path = export_docx(demo_project, location=slug, lang="nl")
    assert path.name == f"implementatieplan-{slug}.docx"
    assert headings(path, 1)[:-1] == plan_headings("nl")
    assert location.name in headings(path, 1)[-1]
    for name in ("team", "runbook", "clients", "measurements", "evaluations"):
        assert field_label(Location, name, "nl") in headings(path, 2)
    runbook = table_starting_with(path, field_label(RunbookActivity, "activity", "nl"))
    assert [row[0] for row in runbook[:-1]] == [a.activity for a in location.runbook]
    assert runbook[-1][0] == "Totaal"
    text = all_text(path)
    for measurement in location.measurements:
        assert show(measurement.date) in text


def test_charts_are_pictures_and_a_location_adds_its_own(demo_project):
    slug = next(s for s in demo_project.location_slugs() if demo_project.load_location(s).measurements)
    plan_pictures = len(docx.Document(str(export_docx(demo_project, lang="nl"))).inline_shapes)
    location_pictures = len(docx.Document(str(export_docx(demo_project, location=slug, lang="nl"))).inline_shapes)
    assert plan_pictures > 0
    assert location_pictures > plan_pictures


def test_empty_project_says_so_instead_of_showing_empty_tables(empty_project):
    slug = empty_project.add_location("Nieuwe locatie").slug
    path = export_docx(empty_project, location=slug, lang="nl")
    assert headings(path, 1)[:-1] == plan_headings("nl")
    assert all(len(rows) > 1 for rows in tables(path)), "a table with only a header row"
    assert len(docx.Document(str(path)).inline_shapes) == 0, "a chart with nothing in it"
    text = all_text(path)
    assert plan_msg("empty", "nl", section=field_label(Plan, "goals", "nl")) in text
    assert plan_msg("empty", "nl", section=field_label(Location, "runbook", "nl")) in text


def test_names_apostrophes_and_long_texts_survive(awkward_project):
    plan = awkward_project.load_plan()
    path = export_docx(awkward_project, location=awkward_project.location_slugs()[0], lang="nl")
    text = all_text(path)
    for expected in (plan.basics.project_name, plan.basics.institution, HOLT, "José d'Oliveira", "=SUM(A1)"):
        assert expected in text
    assert LONG_TEXT in text  # the need, whole
    assert text.count(LONG_TEXT) == 2  # and the note of a measurement


def test_english_on_request(demo_project):
    path = export_docx(demo_project, lang="en")
    assert headings(path, 1) == plan_headings("en")
    assert "Introduction" in headings(path, 1)


def test_the_board_reads_what_is_late_and_what_it_costs_as_in_the_reports(demo_project):
    today = dt.date(2026, 9, 1)
    plan = demo_project.load_plan()
    plan.goals[0].actions[0].when, plan.goals[0].actions[0].done = dt.date(2026, 8, 18), False
    plan.goals[0].actions[0].text = "Wifi versterken in 't Holt & omgeving"
    demo_project.save_plan(plan)
    veenhuys = demo_project.load_location("t-veenhuys")
    next(a for a in veenhuys.runbook if a.status == Status.cancelled).one_off_cost = 1250
    demo_project.save_location(veenhuys)
    path = export_docx(demo_project, lang="nl", today=today)
    text = all_text(path)
    assert "Besluiten en risico's" in headings(path, 1)
    assert "Wifi versterken in 't Holt & omgeving (actie in het plan; uiterlijk 18 aug 2026; 14 dagen te laat)" in text
    costs = table_starting_with(path, "Locatie")
    planned = sum(a.one_off_cost for a in veenhuys.runbook if a.status != Status.cancelled)
    row = next(row for row in costs if row[0] == veenhuys.name)
    assert row[1] == "€\u00a0" + f"{planned:,.0f}".replace(",", ".")
    assert costs[-1][0] == "Totaal"
