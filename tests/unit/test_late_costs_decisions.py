"""Late work, costs and the board's decisions, from plain plans and locations."""

import datetime as dt

import pytest

from workbook.analysis.costs import costs_per_location
from workbook.analysis.decisions import DecisionKind, decisions
from workbook.analysis.late import Source, due_soon, late, open_items
from workbook.language.locale import format_date
from workbook.model import (
    Action,
    CommunicationAction,
    EmbeddingItem,
    Goal,
    Location,
    Measurement,
    Plan,
    Risk,
    RunbookActivity,
    SimpleAction,
)
from workbook.report.truth import behind_reasons

TODAY = dt.date(2026, 12, 1)


def plan() -> Plan:
    return Plan.model_validate(
        {
            "goals": [
                Goal(
                    id="D1",
                    text="Minder rondes",
                    baseline=4,
                    target=1,
                    due_after_start=4,
                    actions=[
                        Action(text="Wifi versterken vóór de start", who="ICT", when=dt.date(2026, 11, 30)),
                        Action(text="Al gedaan", when=dt.date(2026, 1, 1), done=True),
                        Action(text="Zonder datum"),
                    ],
                )
            ],
            "communication": {"actions": [CommunicationAction(purpose="Nieuwsbrief", when=dt.date(2026, 12, 20))]},
            "sustainment": {
                "actions": [SimpleAction(text="Werkinstructie", when=dt.date(2027, 3, 1))],
                "checklist": [
                    EmbeddingItem(area="insurer_agreements", embedded=False, notes="Gesprek loopt"),
                    EmbeddingItem(area="annual_plan", embedded=True),
                    EmbeddingItem(area="appraisal", embedded=False),
                ],
            },
            "spread": {
                "risks": [
                    Risk(risk="Slechte wifi", likelihood=3, impact=5),
                    Risk(risk="Alarmmoeheid", likelihood=4, impact=4),
                    Risk(risk="Klein risico", likelihood=2, impact=3),
                ]
            },
        }
    )


def runbook_location(**fields) -> Location:
    activities = [
        RunbookActivity(activity="Training", person="Sam", end=dt.date(2026, 11, 20), one_off_cost=1500, status="busy"),
        RunbookActivity(
            activity="Sensoren", end=dt.date(2026, 10, 1), one_off_cost=12500, structural_cost=1200, status="done"
        ),
        RunbookActivity(activity="Vervallen", end=dt.date(2026, 10, 1), one_off_cost=999, status="cancelled"),
        RunbookActivity(activity="Evaluatie", start=dt.date(2026, 12, 14), structural_cost=300),
    ]
    return Location(slug="kolk", name="De Kolk", runbook=activities, **fields)


def test_late_lists_open_work_past_its_date_longest_overdue_first():
    items = late(open_items(plan(), [runbook_location()]), TODAY)
    assert [(item.source, item.text) for item in items] == [
        (Source.runbook, "Training"),
        (Source.goal_action, "Wifi versterken vóór de start"),
    ]
    assert items[0].location == "De Kolk" and items[0].days_late(TODAY) == 11
    assert items[1].goal_id == "D1" and items[1].location == ""


def test_due_soon_looks_four_weeks_ahead():
    items = due_soon(open_items(plan(), [runbook_location()]), TODAY)
    assert [item.text for item in items] == ["Evaluatie", "Nieuwsbrief"]


def test_costs_per_location_leave_out_cancelled_work_and_count_done_work_as_incurred():
    rows, total = costs_per_location([runbook_location(), Location(slug="leeg", name="Leeg")])
    kolk = rows[0].costs
    assert (kolk.one_off, kolk.structural) == (14000, 1500)
    assert (kolk.one_off_incurred, kolk.structural_incurred) == (12500, 1200)
    assert rows[1].costs.one_off == 0
    assert total == kolk


def test_decisions_name_what_to_decide_late_work_high_risks_and_locations_behind():
    behind = runbook_location(
        start=dt.date(2026, 7, 6),
        end=dt.date(2026, 11, 27),
        phase="running",
        measurements=[Measurement(goal_id="D1", date=dt.date(2026, 10, 31), value=2)],
    )
    fine = Location(slug="linde", name="De Linde", start=dt.date(2026, 11, 1), end=dt.date(2027, 3, 1), phase="running")
    result = decisions(plan(), [behind, fine], TODAY)
    assert [item.text for item in result.late] == ["Training", "Wifi versterken vóór de start"]
    # the open agreement with funders has no open sustainment action about it: a decision without a date
    (undated,) = [d for d in result.to_decide if d.kind == DecisionKind.money]
    assert [item.area.value for item in undated.agreements] == ["insurer_agreements"] and undated.due is None
    assert [risk.risk for risk in result.high_risks] == ["Alarmmoeheid", "Slechte wifi"]
    (location,) = result.locations_behind
    assert location.name == "De Kolk" and location.ended == dt.date(2026, 11, 27)
    assert [row.goal_id for row in location.goals] == ["D1"]
    assert result


@pytest.mark.parametrize(("months", "own_date_shown"), [(4, True), (12, False)])
def test_a_goal_late_because_the_period_ended_does_not_show_a_later_deadline(months: int, own_date_shown: bool):
    start, end = dt.date(2026, 7, 6), dt.date(2026, 11, 27)
    goal_plan = plan()
    goal_plan.goals[0].due_after_start = months
    behind = runbook_location(
        start=start,
        end=end,
        phase="running",
        measurements=[Measurement(goal_id="D1", date=dt.date(2026, 10, 31), value=2)],
    )
    (location,) = decisions(goal_plan, [behind], TODAY).locations_behind
    reasons = behind_reasons(location.ended, location.goals, "nl")
    assert reasons[0] == "periode voorbij sinds 27 nov 2026, nog niet afgerond"
    (goal,) = reasons[1:]
    assert goal.startswith("D1 · ") and "te laat" in goal
    due = dt.date(2026, 7 + months, 6) if months < 6 else dt.date(2027, months - 5, 6)
    assert ("uiterlijk" in goal) is own_date_shown
    assert (format_date(due, "nl", style="medium") in goal) is own_date_shown


def test_nothing_to_decide_is_falsy():
    assert not decisions(Plan(), [], TODAY)
