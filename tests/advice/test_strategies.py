"""Strategies per hindering factor: the data with its sources, the ranking, the demo and the report chapter."""

from html import unescape

from workbook.analysis.strategies import adopt, level, plan_advice, ranked_for_plan, suggestions_for
from workbook.instruments import determinants, strategies
from workbook.model import ContextFactor, ContextGroup, Determinant, Effect, Goal, Plan
from workbook.project.store import Project
from workbook.report.strategies import strategies_section

PUBLISHED_TOOL = "10.1186/s43058-023-00500-9"
WALTZ = "Implementation Science 14:42"


def factor(determinant: str | None, fid: str = "F1", effect: Effect = Effect.hindering, text: str = "Weinig tijd"):
    group = determinants()[determinant].group if determinant else ContextGroup.organisation
    return ContextFactor(id=fid, description=text, group=group, effect=effect, determinant=determinant)


def test_every_determinant_has_a_group_a_counterpart_and_a_source():
    found = determinants()
    assert {d.key for d in found.determinants} == set(Determinant)
    groups = {d.group for d in found.determinants}
    assert groups == set(ContextGroup)  # the four MIDI groups, as the context diagnosis names them
    for item in found.determinants:
        assert item.source.startswith("MIDI")
        assert item.cfir and item.barrier
        assert item.note.startswith("approximation") != item.verified


def test_every_share_names_its_source_and_approximations_say_so():
    for barrier in strategies().barriers:
        for endorsement in barrier.strategies:
            assert 0 < endorsement.share <= 100
            if endorsement.verified:
                assert PUBLISHED_TOOL in endorsement.source or WALTZ in endorsement.source
            else:
                assert endorsement.source.startswith("approximation")


def test_levels_follow_the_matching_tool():
    assert (level(71), level(50), level(49.9), level(20), level(19)) == (1, 1, 2, 2, None)


def test_suggestions_rank_by_the_published_share_of_experts():
    # Published shares for the barrier Complexity: promote adaptability 40%, champions 30%, then 27%.
    found = suggestions_for(factor("complexity"), "nl")
    assert [s.share for s in found] == [40, 30, 27]
    assert found[0].eric == "Promote adaptability"
    assert found[0].reason == "40% van de experts koos dit bij deze belemmering (Vernieuwing: complexiteit) (niveau 2)."
    patients = suggestions_for(factor("client_cooperation"), "en", limit=1)[0]
    assert (patients.eric, patients.share, patients.level) == ("Involve patients/consumers and family members", 71, 1)
    assert (
        patients.reason == "71% of the experts chose this for the CFIR barrier 'Patient needs and resources' (level 1)."
    )


def test_approximations_are_named_as_such():
    found = suggestions_for(factor("legislation"), "nl")
    assert found and all(not s.verified for s in found)
    assert found[0].reason.startswith("Benadering, niet geverifieerd: naar schatting 30%")


def test_no_determinant_and_promoting_factors_get_no_suggestions():
    plan = Plan(context={"factors": [factor(None), factor("complexity", "F2", Effect.promoting)]})
    assert suggestions_for(factor(None)) == []
    assert plan_advice(plan, "nl") == []


def test_several_barriers_rank_by_summed_share_as_the_tool_does():
    plan = Plan(
        context={
            "factors": [factor("complexity", "F1"), factor("compatibility", "F2"), factor("procedural_clarity", "F3")]
        }
    )
    ranked = ranked_for_plan(plan, "nl")
    # promote adaptability: complexity 40% + compatibility 45%; F3 is complexity again and counts once.
    assert (ranked[0].strategy, ranked[0].share) == ("promote_adaptability", 85)
    assert ranked[0].barriers == ["Complexity", "Compatibility"]
    assert ranked[1].strategy == "tailor_strategies" and ranked[1].share == 27 + 38


def test_adopting_adds_an_open_action_that_addresses_the_factor():
    plan = Plan(context={"factors": [factor("complexity")]}, goals=[Goal(id="D1", text="Het team gebruikt de app.")])
    goals = adopt(plan, "F1", "promote_adaptability", "D1", "nl")
    action = goals[0]["actions"][-1]
    assert action["text"] == "Spreek af wat vastligt en wat een team zelf mag aanpassen"
    assert action["factor_id"] == "F1" and action["done"] is False and action["uid"]


def test_the_demo_ties_at_least_three_hindering_factors_to_determinants_with_sourced_suggestions():
    plan = Project.open("workbook/demo").load_plan()
    advice = plan_advice(plan, "nl")
    assert len(advice) >= 3
    assert all(len(item.suggestions) == 3 for item in advice)
    sourced = [item for item in advice if all(s.verified for s in item.suggestions)]
    assert len(sourced) >= 3


def test_the_report_chapter_shows_suggestions_with_sources_and_escapes_user_text():
    plan = Plan(
        context={
            "factors": [
                factor("self_efficacy", "F1", text="<script>alert(1)</script> weinig ervaring"),
                factor("legislation", "F2"),
                factor(None, "F3"),
            ]
        }
    )
    html = str(strategies_section(plan, "nl"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Laat de nieuwe werkwijze eerst oefenen in een veilige situatie" in html
    assert (
        f"Bron: CFIR-ERIC matching tool output in Implementation Science Communications 2023, doi {PUBLISHED_TOOL}"
        in html
    )
    assert "benadering" in html  # F2's suggestions are approximations
    assert "Zonder determinant, dus nog zonder suggestie: F3." in html
    assert "Samen over alle belemmeringen" in html


def test_the_report_chapter_without_determinants_says_what_to_do():
    html = str(strategies_section(Plan(context={"factors": [factor(None)]}), "en"))
    assert "choose a determinant for every hindering factor in step 2" in html


def test_step_2_asks_about_a_factor_whose_group_does_not_fit_its_determinant():
    from workbook.steps.feedback import Situation, panel_html

    wrong = ContextFactor(
        id="F1",
        description="Weinig kennis",
        group=ContextGroup.organisation,
        effect=Effect.hindering,
        determinant="knowledge",
    )
    html = panel_html("factor_strategies", Situation(Plan(context={"factors": [wrong]}), "nl"))
    assert (
        "de determinant hoort bij de groep 'De individuele zorgverlener', de factor staat bij 'De organisatie'"
        in unescape(html)
    )
    right = wrong.model_copy(update={"group": ContextGroup.professional})
    english = panel_html("factor_strategies", Situation(Plan(context={"factors": [right]}), "en"))
    assert "wb-mismatch" not in english
    assert "What can you do about the barriers?" in english
    assert "Make a clear work instruction or job aid" in english
