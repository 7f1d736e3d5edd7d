"""Plan lint on Dutch example plans: a complete plan is clean; each gap gives its own finding."""

import datetime as dt

from workbook.analysis.lint import lint_plan
from workbook.model import (
    Action,
    Assumption,
    AssumptionOutcome,
    Colour,
    ContextFactor,
    ContextGroup,
    Conversation,
    DataItem,
    Effect,
    Goal,
    Intake,
    Location,
    LocationEvaluation,
    Measurement,
    Member,
    Phase,
    Plan,
    Position,
    RunbookActivity,
    SimpleAction,
    Stakeholder,
    Status,
)

DAY = dt.date(2025, 3, 1)


def complete_plan() -> Plan:
    return Plan(
        context={
            "factors": [
                ContextFactor(
                    id="F1", description="Weinig tijd", group=ContextGroup.organisation, effect=Effect.hindering
                ),
                ContextFactor(
                    id="F2", description="Enthousiast team", group=ContextGroup.professional, effect=Effect.promoting
                ),
            ]
        },
        goals=[
            Goal(
                id="D1",
                text="Op 1 juli 2025 gebruikt 60% van de cliënten de dispenser.",
                indicator="Aandeel cliënten met dispenser",
                owner="Teamleider",
                deadline=dt.date(2025, 7, 1),
                actions=[Action(text="Roosteruren vrijmaken", who="Manager", when=DAY, factor_id="F1")],
            )
        ],
        data_collection=[DataItem(goal_id="D1", data="Aantal cliënten met dispenser")],
        stakeholders=[
            Stakeholder(name="Raad van bestuur", power=5, position=Position.opponent, strategy=Colour.yellow)
        ],
        conversations=[
            Conversation(
                date=dt.date(2024, 12, 2),
                care_provider="Teamleider",
                client="Lid cliëntenraad",
                funder="Zorgkantoor",
                innovator="Leverancier",
                assumptions=[Assumption(assumption="Cliënten willen het", outcome=AssumptionOutcome.confirmed)],
            )
        ],
    )


def complete_location() -> Location:
    return Location(
        slug="noord",
        name="Noord",
        start=DAY,
        end=dt.date(2025, 7, 1),
        team=[Member(name="Ans", role="verpleegkundige")],
        runbook=[RunbookActivity(activity="Kick-off", person="Ans", start=DAY)],
    )


def rules(findings) -> list[str]:
    return [finding.rule for finding in findings]


def test_a_complete_plan_has_no_findings():
    assert lint_plan(complete_plan(), [complete_location()], today=DAY) == []


def test_hindering_factor_without_action():
    plan = complete_plan()
    plan.goals[0].actions[0].factor_id = ""
    findings = lint_plan(plan, [], today=DAY)
    assert rules(findings) == ["hindering-factor-without-action"]
    assert findings[0].section == "context"
    assert findings[0].item.startswith("F1")
    assert findings[0].section_label("nl") == "Contextdiagnose"


def test_goal_without_indicator_owner_deadline():
    plan = complete_plan()
    plan.goals[0] = plan.goals[0].model_copy(update={"indicator": " ", "owner": "", "deadline": None})
    assert rules(lint_plan(plan, today=DAY)) == [
        "goal-without-indicator",
        "goal-without-owner",
        "goal-without-deadline",
    ]


def test_open_actions_without_who_or_when_in_goals_communication_and_sustainment():
    plan = complete_plan()
    plan.goals[0].actions.append(Action(text="Scholing plannen"))
    plan.goals[0].actions.append(Action(text="Al gedaan", done=True))
    plan.sustainment.actions.append(SimpleAction(text="Opnemen in jaarplan", who="Manager"))
    findings = lint_plan(plan, today=DAY)
    assert rules(findings) == ["action-without-who", "action-without-when", "action-without-when"]
    assert findings[0].item == "D1, actie: Scholing plannen"
    assert findings[2].section == "sustainment"


def test_goal_never_measured_unless_collected_or_measured_somewhere():
    plan = complete_plan()
    plan.data_collection = []
    assert rules(lint_plan(plan, [complete_location()], today=DAY)) == ["goal-never-measured"]
    measured = complete_location()
    measured.measurements = [Measurement(date=DAY, goal_id="D1", value=12)]
    assert lint_plan(plan, [complete_location(), measured], today=DAY) == []


def test_powerful_opponent_needs_a_strategy():
    plan = complete_plan()
    plan.stakeholders.append(Stakeholder(name="Ondernemingsraad", power=4, position=Position.opponent))
    plan.stakeholders.append(Stakeholder(name="Facilitair", power=3, position=Position.opponent))
    findings = lint_plan(plan, today=DAY)
    assert rules(findings) == ["opponent-without-strategy"]
    assert findings[0].item == "Ondernemingsraad" and "4/5" in findings[0].message


def test_location_without_team_dates_or_runbook():
    bare = Location(slug="zuid", name="Zuid")
    findings = lint_plan(complete_plan(), [bare], today=DAY)
    assert rules(findings) == ["location-without-team", "location-without-dates", "location-without-runbook"]
    assert {f.item for f in findings} == {"Zuid"}
    assert findings[0].section_label("en") == "Locations"


def test_open_runbook_activity_without_person_or_date():
    location = complete_location()
    location.runbook.append(RunbookActivity(activity="Dispensers bestellen"))
    location.runbook.append(RunbookActivity(activity="Vervallen", status=Status.cancelled))
    findings = lint_plan(complete_plan(), [location], lang="nl", today=DAY)
    assert rules(findings) == ["runbook-activity-incomplete"]
    assert findings[0].message == "Activiteit in het draaiboek zonder verantwoordelijke en datum."


def test_messages_in_english():
    plan = complete_plan()
    plan.goals[0].owner = ""
    assert lint_plan(plan, lang="en", today=DAY)[0].message.startswith("Goal without an owner")


def test_a_phase_the_dates_contradict():
    today = dt.date(2025, 8, 1)
    cases = {
        "planned": (dt.date(2025, 7, 1), dt.date(2025, 11, 1)),  # start passed
        "running": (dt.date(2025, 9, 1), dt.date(2026, 1, 1)),  # start still ahead
        "starting": (dt.date(2025, 3, 1), dt.date(2025, 7, 31)),  # end passed, not finished
    }
    for phase, (start, end) in cases.items():
        location = complete_location().model_copy(update={"phase": Phase(phase), "start": start, "end": end})
        (finding,) = lint_plan(complete_plan(), [location], lang="nl", today=today)
        assert finding.rule == "phase-contradicts-dates" and finding.item == "Noord"
    ended = complete_location().model_copy(update={"phase": Phase.running, "end": dt.date(2025, 7, 31)})
    (finding,) = lint_plan(complete_plan(), [ended], lang="nl", today=today)
    assert finding.message == (
        "De fase 'Loopt' klopt niet met de data: de einddatum 31 juli 2025 is al voorbij. Pas de fase of de datum aan."
    )
    (english,) = lint_plan(complete_plan(), [ended], lang="en", today=today)
    assert "the end date 31 July 2025 has passed" in english.message and "2025-07-31" not in english.message
    fitting = finished(complete_location().model_copy(update={"end": dt.date(2025, 7, 31)}))
    assert lint_plan(complete_plan(), [fitting], today=today) == []


def finished(location: Location) -> Location:
    """The location finished, with its evaluation and intake written down."""
    return location.model_copy(
        update={
            "phase": Phase.finished,
            "evaluations": [LocationEvaluation(achieved="Iedereen werkt ermee", learned="Vroeg beginnen")],
            "intake": [Intake(who_explains="Ans", role="Legt het uit bij de intake")],
        }
    )


def test_a_location_shorter_than_3_or_longer_than_6_months_draws_advice():
    today = dt.date(2025, 1, 1)

    def period(start: dt.date, end: dt.date, lang: str = "nl") -> list:
        location = complete_location().model_copy(update={"start": start, "end": end})
        return lint_plan(complete_plan(), [location], lang=lang, today=today)

    assert period(dt.date(2025, 3, 1), dt.date(2025, 5, 31)) == []  # three months exactly
    assert period(dt.date(2025, 1, 1), dt.date(2025, 7, 1)) == []  # six months exactly
    (long,) = period(dt.date(2025, 3, 1), dt.date(2025, 12, 19))
    assert (long.rule, long.section, long.item) == ("location-period-unusual", "locations", "Noord")
    assert long.message == (
        "Deze locatie loopt ongeveer 10 maanden (1 maart 2025 tot 19 december 2025); een locatie duurt meestal "
        "3 tot 6 maanden. Klopt de planning?"
    )
    (short,) = period(dt.date(2025, 3, 1), dt.date(2025, 4, 4))
    assert short.message.startswith("Deze locatie loopt ongeveer 1 maand (1 maart 2025 tot 4 april 2025);")
    (weeks,) = period(dt.date(2025, 3, 1), dt.date(2025, 3, 15), "en")
    assert weeks.message.startswith("This location runs less than a month (1 March 2025 to 15 March 2025);")
    (two,) = period(dt.date(2025, 3, 1), dt.date(2025, 5, 1))
    assert "ongeveer 2 maanden" in two.message


def test_a_finished_location_without_evaluation_or_intake_draws_advice():
    today = dt.date(2025, 8, 1)
    done = finished(complete_location().model_copy(update={"end": dt.date(2025, 7, 31)}))
    assert lint_plan(complete_plan(), [done], lang="nl", today=today) == []
    bare = done.model_copy(update={"evaluations": [], "intake": []})
    findings = lint_plan(complete_plan(), [bare], lang="nl", today=today)
    assert rules(findings) == ["finished-location-without-evaluation", "finished-location-without-intake"]
    assert findings[0].message.startswith("Afgeronde locatie zonder evaluatie: wat is bereikt en geleerd")
    assert findings[1].message == (
        "Afgeronde locatie zonder intake: wie legt de werkwijze uit aan nieuwe cliënten en nieuwe collega's?"
    )
    running = bare.model_copy(update={"phase": Phase.running, "end": dt.date(2025, 8, 31)})
    assert lint_plan(complete_plan(), [running], lang="nl", today=today) == []  # not finished: not yet
