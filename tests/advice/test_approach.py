"""The approach of step 1 changes the phasing and the advice: top-down plans waves one after the other
and steers centrally; bottom-up lets locations overlap and asks every location for its own owner and
targets; a mixed approach (or none) adds no advice of its own."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from html import unescape

import pytest

from tests.forms.conftest import location_file
from workbook.analysis.lint import approach_findings, lint_plan
from workbook.analysis.rollout import add_months, schedule
from workbook.cli import main
from workbook.model import (
    Approach,
    LocalTarget,
    Location,
    Plan,
    Position,
    Rollout,
    SpreadPhase,
    Stakeholder,
    Wave,
)
from workbook.project.store import Project

START = dt.date(2027, 1, 4)
MONTHS = 4


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


def rollout_plan(approach: Approach | None) -> Plan:
    plan = Plan(basics={"approach": approach})
    plan.spread.rollout = Rollout(
        start=START,
        max_concurrent=3,
        months_per_location=MONTHS,
        waves=[Wave(name="Golf 1", locations=["a", "b"]), Wave(name="Golf 2", locations=["c", "d"])],
    )
    return plan


def places(*slugs: str, **fields: object) -> list[Location]:
    return [Location(slug=slug, name=slug.upper(), **fields) for slug in slugs]  # type: ignore[arg-type]


def starts(approach: Approach | None) -> dict[str, dt.date]:
    return {slot.slug: slot.start for slot in schedule(rollout_plan(approach), places("a", "b", "c", "d")).slots}


def test_top_down_waves_follow_each_other_and_bottom_up_locations_overlap():
    wave_one_ends = add_months(START, MONTHS)
    # Top-down: wave 2 waits until every location of wave 1 is done, though a third place is free.
    assert starts(Approach.top_down) == {"a": START, "b": START, "c": wave_one_ends, "d": wave_one_ends}
    # Bottom-up: c takes the free third place at once; d starts when the first place frees up.
    assert starts(Approach.bottom_up) == {"a": START, "b": START, "c": START, "d": wave_one_ends}
    # Mixed and not chosen phase as bottom-up does: the waves give the order only.
    assert starts(Approach.mixed) == starts(None) == starts(Approach.bottom_up)


def test_top_down_wave_gate_waits_for_the_longest_location_of_the_wave_before():
    plan = rollout_plan(Approach.top_down)
    own_end = add_months(START, 6)
    locations = places("a", "c", "d") + [Location(slug="b", name="B", start=START, end=own_end)]
    result = {slot.slug: slot.start for slot in schedule(plan, locations).slots}
    assert result["c"] == result["d"] == own_end


def top_down_ready() -> tuple[Plan, list[Location]]:
    """A top-down plan with waves in sequence, a sponsor with power and a central contact everywhere."""
    plan = rollout_plan(Approach.top_down)
    plan.stakeholders = [Stakeholder(name="Raad van bestuur", power=5, position=Position.supporter)]
    return plan, places("a", "b", "c", "d", central_contact="Projectleider")


def rules(findings) -> list[tuple[str, str]]:
    return [(f.rule, f.item) for f in findings]


def test_top_down_with_waves_in_sequence_a_sponsor_and_contacts_draws_no_advice():
    plan, locations = top_down_ready()
    assert approach_findings(plan, locations, "nl") == []


def test_top_down_asks_for_waves_a_sponsor_and_a_central_contact():
    plan, locations = top_down_ready()
    plan.spread.rollout.waves = []
    plan.stakeholders[0].position = Position.neutral
    locations[1].central_contact = ""
    found = approach_findings(plan, locations, "nl")
    assert rules(found) == [
        ("top-down-without-waves", "Aanpak: Top-down (planmatig)"),
        ("top-down-without-sponsor", "Aanpak: Top-down (planmatig)"),
        ("top-down-location-without-contact", "B"),
    ]
    assert "deel de locaties in golven in" in found[0].message
    assert "invloed 4 of 5" in found[1].message


def test_top_down_names_a_wave_that_starts_before_the_one_before_it_is_done():
    plan, locations = top_down_ready()
    early = dt.date(2027, 2, 1)
    locations[2] = Location(slug="c", name="C", central_contact="Projectleider", start=early, end=add_months(early, 4))
    [finding] = approach_findings(plan, locations, "nl")
    assert finding.rule == "top-down-waves-overlap" and finding.item == "Golf 2"
    assert (
        "Golf 'Golf 2' begint op 1 februari 2027, terwijl golf 'Golf 1' pas op 4 mei 2027 klaar is." in finding.message
    )


def test_bottom_up_asks_every_location_for_its_own_owner_and_targets():
    plan = rollout_plan(Approach.bottom_up)
    owned = Location(slug="a", name="A", local_owner="Teamleider A", targets=[LocalTarget(goal_id="D1", target=70)])
    bare = Location(slug="b", name="B")
    found = approach_findings(plan, [owned, bare], "nl")
    assert rules(found) == [("bottom-up-location-without-owner", "B"), ("bottom-up-location-without-targets", "B")]
    assert "Vul de eigenaar op de locatie in" in found[0].message


def test_bottom_up_phases_one_strictly_after_the_other_get_advice_overlapping_ones_do_not():
    plan = rollout_plan(Approach.bottom_up)
    first = SpreadPhase(name="Uitproberen", start=dt.date(2027, 1, 1), end=dt.date(2027, 3, 31))
    second = SpreadPhase(name="Invoeren", start=dt.date(2027, 4, 1), end=dt.date(2027, 9, 30))
    plan.spread.phases = [first, second]
    assert rules(approach_findings(plan, [], "nl")) == [
        ("bottom-up-phases-in-sequence", "Aanpak: Bottom-up (participatief)")
    ]
    second.start = dt.date(2027, 3, 1)
    assert approach_findings(plan, [], "nl") == []


@pytest.mark.parametrize("approach", [Approach.mixed, None])
def test_a_mixed_approach_or_none_adds_no_advice_of_its_own(approach):
    plan = rollout_plan(approach)
    plan.spread.phases = [
        SpreadPhase(name="Een", start=dt.date(2027, 1, 1), end=dt.date(2027, 2, 1)),
        SpreadPhase(name="Twee", start=dt.date(2027, 3, 1), end=dt.date(2027, 4, 1)),
    ]
    assert approach_findings(plan, places("a", "b"), "nl") == []
    assert not [f for f in lint_plan(plan, places("a", "b"), "nl") if f.rule.startswith(("top-down", "bottom-up"))]


def check_output(project: Project) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(project.root)])
    assert code == 0, out.getvalue()  # advice never blocks
    return out.getvalue()


def test_workbook_check_on_the_demo_follows_the_approach(demo_project: Project):
    plan = demo_project.load_plan()
    without_owner = [loc.name for loc in demo_project.load_locations() if not loc.local_owner.strip()]
    assert without_owner, "the demo has a location that names no owner yet"

    demo_project.update_plan("basics", plan.basics.model_copy(update={"approach": Approach.bottom_up}))
    bottom_up = check_output(demo_project)
    assert "Bij een aanpak van onderop is de locatie zelf eigenaar" in bottom_up
    assert "Bij een aanpak van bovenaf" not in bottom_up

    demo_project.update_plan("basics", plan.basics.model_copy(update={"approach": Approach.top_down}))
    top_down = check_output(demo_project)
    assert "Bij een aanpak van bovenaf rond je een golf af" in top_down  # the demo's own dates overlap
    assert "Bij een aanpak van onderop" not in top_down


def test_step_7_feedback_follows_the_approach_chosen_in_step_1(open_step, demo_project: Project):
    start = open_step("start")
    start.form.find("basics", "approach").control.value = "top_down"
    start.flush()
    top_down = text(open_step("verspreiding").feedback.value)
    assert "Fasering bij de gekozen aanpak: Top-down (planmatig)" in top_down
    assert "Een golf begint pas als de vorige klaar is" in top_down
    for wave in demo_project.load_plan().spread.rollout.waves:
        assert f"{wave.name} — " in top_down

    start.form.find("basics", "approach").control.value = "bottom_up"
    start.flush()
    bottom_up = text(open_step("verspreiding").feedback.value)
    locations = demo_project.load_locations()
    owners = sum(bool(loc.local_owner.strip()) for loc in locations)
    assert "Van onderop: een locatie begint zodra ze er klaar voor is" in bottom_up
    assert f"{owners} van de {len(locations)} locaties noemen een eigen eigenaar" in bottom_up


def test_step_9_saves_the_owner_at_the_location(open_step, demo_project: Project):
    slug = next(loc.slug for loc in demo_project.load_locations() if not loc.local_owner.strip())
    view = open_step("locatie", location=slug)
    view.form.find("local_owner").control.value = "Teamleider wijkverpleging"
    view.flush()
    assert location_file(demo_project, slug)["local_owner"] == "Teamleider wijkverpleging"
