"""How complete each step is and the one thing to do next, on an empty, a partly filled and the demo plan."""

import datetime as dt

from workbook.analysis.completeness import next_step, step_completeness
from workbook.model import (
    Action,
    ContextFactor,
    ContextGroup,
    Effect,
    Goal,
    Location,
    Measurement,
    Member,
    Phase,
    Plan,
)
from workbook.project.store import Project


def test_an_empty_plan_begins_with_the_innovation():
    steps = step_completeness(Plan(), lang="nl")
    assert [s.number for s in steps] == list(range(1, 11))
    assert all(s.filled == 0 and not s.complete for s in steps)
    assert steps[0].status == "Nog leeg: wat is de vernieuwing en voor wie?"
    todo = next_step(Plan(), lang="nl")
    assert todo.text == "Begin met stap 1: wat is de vernieuwing en voor wie?"
    assert (todo.step, todo.number, todo.part) == ("start", 1, "innovation")


def test_english_next_step():
    assert next_step(Plan(), lang="en").text == "Begin with step 1: what is the innovation, and for whom?"


def test_empty_lists_never_count_as_complete():
    doelen = {s.key: s for s in step_completeness(Plan(), lang="nl")}["doelen"]
    assert {p.key: p.filled for p in doelen.parts} == {
        "goals": False,
        "goal_owner": False,
        "goal_indicator": False,
        "goal_target": False,
        "goal_deadline": False,
        "goal_actions": False,
        "factors_addressed": False,
    }
    assert "Compleet" not in doelen.status


def test_partly_filled_step_counts_and_names_what_is_missing():
    plan = Plan(
        basics={"innovation": "Slimme sensoren 's nachts voor bewoners met dementie", "need": "Rust 's nachts"},
        context={
            "factors": [
                ContextFactor(
                    id="F1", description="Weinig tijd", group=ContextGroup.organisation, effect=Effect.hindering
                )
            ]
        },
        goals=[
            Goal(
                id="D1",
                text="Het aantal valincidenten daalt van 12 naar 6 per maand",
                owner="Teamleider",
                deadline=dt.date(2027, 7, 1),
                actions=[Action(text="Training", factor_id="F1")],
            ),
            Goal(id="D2", text="Minder nachtelijke rondes"),
        ],
    )
    steps = {s.key: s for s in step_completeness(plan, lang="nl")}
    assert (steps["start"].filled, steps["start"].expected) == (2, 6)
    assert (
        steps["start"].status
        == "2 van 6 ingevuld; nog: schrijf het waarom op voor management, zorgmedewerkers en cliënten."
    )
    doelen = {p.key: p.filled for p in steps["doelen"].parts}
    assert doelen["goals"] and doelen["factors_addressed"]
    assert not doelen["goal_owner"] and not doelen["goal_actions"]  # D2 has neither
    assert steps["doelen"].fraction == 2 / 7
    todo = next_step(plan, lang="nl")
    assert todo.text == (
        "Ga verder met stap 1 (Start): schrijf het waarom op voor management, zorgmedewerkers en cliënten"
    )


def test_locations_step_looks_at_every_location():
    plan = Plan()
    ready = Location(
        name="'t Holt",
        phase=Phase.running,
        start=dt.date(2026, 9, 1),
        end=dt.date(2027, 1, 1),
        team=[Member(name="Verpleegkundige A")],
        runbook=[{"activity": "Kick-off"}],
        measurements=[Measurement(date=dt.date(2026, 10, 1), goal_id="D1", value=3)],
    )
    bare = Location(name="De Linde")
    parts = lambda locs: {p.key: p.filled for p in {s.key: s for s in step_completeness(plan, locs)}["locatie"].parts}  # noqa: E731
    assert all(parts([ready]).values())
    assert parts([ready, bare]) == {
        "locations": True,
        "location_team": False,
        "location_dates": False,
        "location_runbook": False,
        "location_measured": True,  # De Linde is still planned: no measurements due
    }
    assert parts([])["locations"] is False


def test_demo_plan_is_far_along_and_names_a_next_step():
    project = Project.open("workbook/demo")
    plan = project.load_plan()
    locations = [project.load_location(slug) for slug in project.location_slugs()]
    steps = step_completeness(plan, locations, lang="nl")
    assert sum(s.complete for s in steps) >= 7
    assert all(s.filled > 0 for s in steps)
    todo = next_step(plan, locations, lang="nl")
    assert todo is None or todo.text.startswith(f"Ga verder met stap {todo.number} (")
