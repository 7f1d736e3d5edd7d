"""The four-party conversation (care provider, client, funder and innovator test assumptions together):
recorded in step 6, shown in the plan report, and advice when none is held before the first location
starts or when one is incomplete."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from tests.forms.conftest import plan_file
from workbook.analysis.lint import lint_plan
from workbook.language.locale import format_date
from workbook.model import Assumption, AssumptionOutcome, Conversation, Location, Plan, Rollout
from workbook.project.store import Project
from workbook.report.plan import PlanReport
from workbook.steps import STEPS, static_html

FIRST_START = dt.date(2027, 3, 1)
TODAY = dt.date(2027, 1, 15)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


def complete(date: dt.date | None) -> Conversation:
    return Conversation(
        date=date,
        care_provider="Teamleider",
        client="Lid cliëntenraad",
        funder="Zorginkoper",
        innovator="Leverancier",
        assumptions=[Assumption(assumption="Cliënten willen het", outcome=AssumptionOutcome.confirmed)],
    )


def findings(plan: Plan, locations: list[Location], today: dt.date = TODAY) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.item, f.message) for f in lint_plan(plan, locations, "nl", today) if f.section == "conversations"
    ]


def later_location() -> list[Location]:
    return [
        Location(slug="b", name="B", start=FIRST_START + dt.timedelta(days=60)),
        Location(slug="a", name="A", start=FIRST_START),
    ]


def test_no_conversation_before_the_first_location_starts_gets_advice_with_its_date():
    [(rule, item, message)] = findings(Plan(), later_location())
    assert (rule, item) == ("no-four-party-conversation", "Vóór de eerste locatie")
    assert f"vóór de eerste locatie begint (op {format_date(FIRST_START, 'nl')})" in message
    assert "de zorgverlener, de cliënt, de financier en de vernieuwer" in message


def test_a_conversation_held_or_planned_before_the_first_start_is_enough():
    before = FIRST_START - dt.timedelta(days=1)
    assert findings(Plan(conversations=[complete(before)]), later_location()) == []
    on_the_day = Plan(conversations=[complete(FIRST_START)])
    assert findings(on_the_day, later_location()) == []


def test_a_first_conversation_after_the_start_is_named_as_late():
    after = FIRST_START + dt.timedelta(days=14)
    [(rule, _, message)] = findings(Plan(conversations=[complete(after)]), later_location(), today=after)
    assert rule == "four-party-conversation-late"
    assert f"Het eerste vierhoeksgesprek was op {format_date(after, 'nl')}" in message
    assert f"na de start van de eerste locatie op {format_date(FIRST_START, 'nl')}" in message


def test_a_rollout_start_alone_also_asks_for_a_conversation_and_an_empty_plan_does_not():
    plan = Plan()
    plan.spread.rollout = Rollout(start=FIRST_START)
    assert [rule for rule, _, _ in findings(plan, [])] == ["no-four-party-conversation"]
    assert findings(Plan(), []) == []


def test_a_conversation_without_a_party_a_date_an_outcome_or_a_follow_up_gets_advice():
    held = TODAY - dt.timedelta(days=10)
    partial = complete(held)
    partial.client = ""
    partial.funder = " "
    partial.assumptions = [
        Assumption(assumption="De financier betaalt mee"),
        Assumption(assumption="Naasten willen het", outcome=AssumptionOutcome.adjusted),
        Assumption(assumption="Het past in de nacht", outcome=AssumptionOutcome.not_confirmed, follow_up="Eerst proef"),
    ]
    undated = complete(None)
    undated.assumptions = []
    plan = Plan(conversations=[partial, undated])
    found = findings(plan, later_location())
    item = f"Gesprek van {format_date(held, 'nl')}"
    assert [(rule, about) for rule, about, _ in found] == [
        ("conversation-party-missing", item),
        ("assumption-untested", f"{item}, aanname: De financier betaalt mee"),
        ("assumption-without-follow-up", f"{item}, aanname: Naasten willen het"),
        ("conversation-without-date", "Gesprek zonder datum"),
        ("conversation-without-assumptions", "Gesprek zonder datum"),
    ]
    assert "niemand namens de cliënt en de financier" in found[0][2]
    assert found[2][2] == "Deze aanname is bijgesteld: wat volgt eruit voor het plan?"


def test_an_assumption_of_a_conversation_still_to_come_may_wait_for_its_outcome():
    planned = complete(TODAY + dt.timedelta(days=7))
    planned.assumptions = [Assumption(assumption="Cliënten willen het")]
    assert findings(Plan(conversations=[planned]), later_location()) == []


def test_step_6_records_a_conversation_with_its_parties_and_assumptions(open_step, demo_project: Project):
    view = open_step("stakeholders")
    table = view.form.find("conversations")
    count = len(table.rows)
    row = table.add()
    row.find("date").control.value = "2-3-2026"
    row.find("care_provider").control.value = "Teamleider"
    row.find("client").control.value = "Lid cliëntenraad"
    row.find("innovator").control.value = "Leverancier"
    assumptions = row.find("assumptions")
    assumption = assumptions.add()
    assumption.find("assumption").control.value = "Het zorgkantoor betaalt de licenties"
    assumption.find("outcome").control.value = "not_confirmed"
    view.flush()

    saved = plan_file(demo_project)["conversations"]
    assert len(saved) == count + 1
    assert saved[-1] == {
        "date": "2026-03-02",
        "care_provider": "Teamleider",
        "client": "Lid cliëntenraad",
        "funder": "",
        "innovator": "Leverancier",
        "assumptions": [
            {"assumption": "Het zorgkantoor betaalt de licenties", "outcome": "not_confirmed", "follow_up": ""}
        ],
    }
    feedback = text(view.feedback.value)
    assert "Gesprek van 2 maart 2026: Bij dit gesprek staat niemand namens de financier" in feedback
    assert "Deze aanname is niet bevestigd: wat volgt eruit voor het plan?" in feedback


def test_the_plan_report_and_step_summary_show_each_conversation_and_what_each_assumption_came_to(
    demo_project: Project,
):
    plan = demo_project.load_plan()
    assert plan.conversations, "the demo holds a four-party conversation"
    first_start = min(loc.start for loc in demo_project.load_locations() if loc.start)
    assert min(c.date for c in plan.conversations if c.date) <= first_start, "held before the first location"
    report = PlanReport.load(demo_project.root, today=TODAY).stakeholders()
    full, summary = text(report.html), text(static_html(STEPS["stakeholders"], demo_project, lang="nl"))
    assert "Vierhoeksgesprekken" in full
    for conversation in plan.conversations:
        assert format_date(conversation.date, "nl", style="medium") in full
        for party in ("care_provider", "client", "funder", "innovator"):
            assert getattr(conversation, party) in full and getattr(conversation, party) in summary
        for assumption in conversation.assumptions:
            label = assumption.outcome.label("nl") if assumption.outcome else "nog niet getoetst"
            shown = f"{assumption.assumption} {label} {assumption.follow_up}".strip()
            assert shown in full
            assert assumption.assumption in summary


def test_the_client_councils_report_does_not_show_a_name_typed_for_a_party(demo_project: Project):
    plan = demo_project.load_plan()
    plan.conversations[0].client = "Mevrouw Jansen en haar dochter Petra"
    demo_project.save_plan(plan)
    report = PlanReport.load(demo_project.root, today=TODAY).stakeholders()
    council = text(report.variants["council"])
    assert "Jansen" not in council and "Petra" not in council
    assert "Mevrouw [naam] en haar dochter [naam]" in council
    assert "Mevrouw Jansen en haar dochter Petra" in text(report.html)


def test_a_new_project_draws_no_conversation_advice_until_there_is_something_to_roll_out(empty_project: Project):
    assert findings(empty_project.load_plan(), []) == []
