"""The board box names the decisions to take, each with its date and the amount it is about (issue 16, 5).

On the demo as it stands on 7 December 2026: the agreement with the care office (zorgkantoor) on
the money after 2026 is due in three days and is about the rollout's yearly costs; De Kolk starts
today with its preparation late; Tweeëiken's period ended unfinished. Expected values are worked
out here from the demo's files.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from workbook.analysis.decisions import DecisionKind, decisions, money_areas, to_decide
from workbook.model import EmbeddingArea, EmbeddingItem, Location, Plan, RunbookActivity, SimpleAction, Status
from workbook.report import truth
from workbook.report.audience import Audience

TODAY = dt.date(2026, 12, 7)
DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def euros(amount: float) -> str:
    return "€\u00a0" + f"{amount:,.0f}".replace(",", ".")


def text_of(markup: object) -> str:
    """The visible text, spaces and line breaks as one space; the non-breaking space in an amount kept."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(markup)))).strip()


def yearly_costs(locations: list[Location]) -> float:
    return sum(a.structural_cost for location in locations for a in location.runbook if a.status != Status.cancelled)


def funding_action(plan: Plan) -> SimpleAction:
    return next(a for a in plan.sustainment.actions if "zorgkantoor" in a.text and not a.done)


def test_the_demos_funding_agreement_is_a_decision_due_in_three_days_about_the_yearly_costs(demo_project):
    plan, locations = demo_project.load_plan(), demo_project.load_locations()
    action = funding_action(plan)
    assert action.when == TODAY + dt.timedelta(days=3)
    (money,) = [d for d in to_decide(plan, locations, TODAY) if d.kind == DecisionKind.money]
    assert (money.subject, money.due, money.who) == (action.text, action.when, action.who)
    assert money.costs.structural == yearly_costs(locations) and money.costs.one_off == 0
    # the open checklist item on agreements with funders is why
    (agreement,) = money.agreements
    assert agreement.area == EmbeddingArea.insurer_agreements and not agreement.embedded

    box = text_of(truth.decisions_box(decisions(plan, locations, TODAY), TODAY, "nl", Audience.board))
    line = f"Uiterlijk {dutch_date(action.when)} (over 3 dagen) · Geld en mandaat: {action.text}"
    assert line in box
    assert f"Gaat over {euros(yearly_costs(locations))} per jaar" in box
    assert f"Voorbereid door {action.who}." in box
    assert agreement.notes in box


def test_decisions_come_first_date_first_with_the_amount_each_is_about(demo_project):
    plan, locations = demo_project.load_plan(), demo_project.load_locations()
    decided = to_decide(plan, locations, TODAY)
    assert [d.due for d in decided] == sorted(d.due for d in decided if d.due is not None)
    by_kind = {d.kind: d for d in decided}

    tweeeiken = next(location for location in locations if location.slug == "tweeeiken")
    assert tweeeiken.end is not None and tweeeiken.end < TODAY and tweeeiken.phase != "finished"
    period = by_kind[DecisionKind.period]
    assert (period.subject, period.due) == (tweeeiken.name, tweeeiken.end)

    kolk = next(location for location in locations if location.slug == "de-kolk")
    late = [
        a
        for a in kolk.runbook
        if a.status in (Status.todo, Status.busy) and (a.end or a.start) < min(TODAY, kolk.start)
    ]
    start = by_kind[DecisionKind.start]
    assert (start.subject, start.due) == (kolk.name, kolk.start) and start.preparation == late
    one_off, per_year = sum(a.one_off_cost for a in late), sum(a.structural_cost for a in late)
    box = text_of(truth.decisions_box(decisions(plan, locations, TODAY), TODAY, "nl"))
    assert f"Start {dutch_date(kolk.start)} (vandaag) · {kolk.name} starten" in box
    assert f"Gaat over {euros(one_off)} eenmalig en {euros(per_year)} per jaar" in box
    days_ago = (TODAY - tweeeiken.end).days
    assert f"Einde {dutch_date(tweeeiken.end)} ({days_ago} dagen geleden) · De periode van {tweeeiken.name}" in box
    assert box.index(f"Einde {dutch_date(tweeeiken.end)}") < box.index("Start ") < box.index("Uiterlijk ")
    # the late preparation is in the decision, not again in the list of late work
    late_list = box.split("Te laat ")[-1]
    assert not [a.activity for a in late if a.activity in late_list.split("Hoge risico's")[0]]
    # the rule is written in the box
    assert "Te besluiten, de eerste datum eerst: afspraken over geld en mandaat" in box


def test_the_client_council_reads_the_decisions_without_who_prepares_them(demo_project):
    plan, locations = demo_project.load_plan(), demo_project.load_locations()
    found = decisions(plan, locations, TODAY)
    council = text_of(truth.decisions_box(found, TODAY, "nl", Audience.council))
    who = funding_action(plan).who
    assert "Geld en mandaat" in council and euros(yearly_costs(locations)) in council
    assert who not in council and "Voorbereid door" not in council
    assert who in text_of(truth.decisions_box(found, TODAY, "nl", Audience.board))


def test_an_open_agreement_without_an_action_is_a_decision_without_a_date_last():
    plan = Plan.model_validate(
        {
            "sustainment": {
                "checklist": [EmbeddingItem(area="annual_plan", embedded=False, notes="Nog niet in de begroting")],
                "actions": [
                    SimpleAction(text="Jaarlijkse opfrisbijeenkomst voor de superusers", when=dt.date(2026, 12, 1)),
                    SimpleAction(text="Financiering met de gemeente rond", when=dt.date(2027, 1, 10)),
                ],
            }
        }
    )
    costs = [RunbookActivity(activity="Licentie", structural_cost=1250.5, status="todo")]
    decided = to_decide(plan, [Location(slug="a", name="A", runbook=costs)], TODAY)
    # the refresher course is not about money; the funding with the municipality is, and is dated
    assert [(d.subject, d.due) for d in decided] == [
        ("Financiering met de gemeente rond", dt.date(2027, 1, 10)),
        ("", None),
    ]
    assert decided[1].agreements[0].area == EmbeddingArea.annual_plan
    box = text_of(truth.decisions_box(decisions(plan, [], TODAY), TODAY, "nl"))
    assert "Nog geen datum afgesproken · Geld en mandaat, nog niet geborgd: Jaarplan." in box
    assert "Nog niet in de begroting" in box
    # cents are kept where an amount has them
    assert "€\u00a01.250,50 per jaar" in text_of(
        truth.decisions_box(decisions(plan, [Location(slug="a", name="A", runbook=costs)], TODAY), TODAY, "nl")
    )


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("Afspraak met het zorgkantoor over de financiering na 2026.", [EmbeddingArea.insurer_agreements]),
        ("Budget 2028 in het jaarplan", [EmbeddingArea.annual_plan]),
        ("Agree the funding with the insurer", [EmbeddingArea.insurer_agreements]),
        ("Werken met de sensor opnemen in de functioneringsgesprekken", []),
        ("Herfinanciering", []),  # a word must start with it
    ],
)
def test_a_sustainment_action_is_about_money_by_its_words(text, areas):
    assert money_areas(text) == areas


def test_nothing_to_decide_for_a_location_that_starts_later_or_is_finished():
    prepared = [RunbookActivity(activity="Wifi", end=dt.date(2026, 11, 1), one_off_cost=100, status="todo")]
    far = Location(slug="ver", name="Ver", phase="planned", start=TODAY + dt.timedelta(weeks=5), runbook=prepared)
    running = Location(slug="loopt", name="Loopt", phase="running", start=dt.date(2026, 11, 2), runbook=prepared)
    done = Location(slug="klaar", name="Klaar", phase="finished", end=dt.date(2026, 11, 1))
    assert to_decide(Plan(), [far, running, done], TODAY) == []
    near = far.model_copy(update={"start": TODAY + dt.timedelta(weeks=4)})
    assert [d.kind for d in to_decide(Plan(), [near], TODAY)] == [DecisionKind.start]


def test_the_plan_reports_summary_names_the_decisions_for_every_audience_who_only_where_allowed(demo_project):
    from workbook.report.plan import PlanReport

    summary = PlanReport.load(demo_project.root, today=TODAY).summary()
    who = funding_action(demo_project.load_plan()).who
    full, council = text_of(summary.html), text_of(summary.variants["council"])
    assert "Geld en mandaat" in full and f"Voorbereid door {who}." in full
    assert "Geld en mandaat" in council and who not in council


def test_late_work_counts_its_days_with_dutch_plurals():
    from workbook.analysis.late import DatedItem, Source

    items = [DatedItem(Source.runbook, "Wifi", "", TODAY - dt.timedelta(days=n), "De Kolk") for n in (3, 1)]
    text = text_of(truth.late_list(items, TODAY, "nl"))
    assert "3 dagen te laat" in text and "1 dag te laat" in text and "1 dagen" not in text
