"""Strategies per hindering factor: the data with its sources, the ranking, the demo and the report chapter."""

import re
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


def test_every_determinant_has_a_group_a_construct_and_says_whether_the_link_is_exact():
    found = determinants()
    assert {d.key for d in found.determinants} == set(Determinant)
    groups = {d.group for d in found.determinants}
    assert groups == set(ContextGroup)  # the four MIDI groups, as the context diagnosis names them
    for item in found.determinants:
        assert item.source.startswith("MIDI")
        strategies().barrier(item.barrier)  # the construct shown is the list the strategies come from
        assert item.why
        assert item.note.startswith("approximation" if not item.verified else "exact")


def test_the_links_that_were_crossed_now_agree():
    # "Organisatie: tijd" was labelled Relative Priority but took the strategies of Available Resources;
    # turbulence was labelled Critical Incidents but took Relative Priority's.
    assert determinants()["time_available"].barrier == "relative_priority"
    assert determinants()["turbulence"].barrier == "relative_priority"
    exact = {d.key for d in determinants().determinants if d.verified}
    assert exact == {
        "complexity",
        "compatibility",
        "self_efficacy",
        "financial_resources",
        "material_resources",
        "coordinator",
        "information_accessible",
        "legislation",
    }


def test_a_share_is_there_only_where_a_published_source_gives_it():
    for barrier in strategies().barriers:
        assert barrier.label("nl") and barrier.label("en") and barrier.cfir
        for endorsement in barrier.strategies:
            if endorsement.verified:
                assert endorsement.share is not None and 0 < endorsement.share <= 100
                assert PUBLISHED_TOOL in endorsement.source or WALTZ in endorsement.source
            else:  # no invented numbers: a row without a published share has none
                assert endorsement.share is None
                assert endorsement.source.startswith("chosen for this workbook")


def test_levels_follow_the_matching_tool():
    assert (level(71), level(50), level(49.9), level(20), level(19)) == (1, 1, 2, 2, None)


def test_suggestions_rank_by_the_published_share_of_experts():
    # Published shares for the barrier Complexity: promote adaptability 40%, champions 30%, then 27%.
    found = suggestions_for(factor("complexity"), "nl")
    assert [s.share for s in found] == [40, 30, 27]
    assert found[0].eric == "Promote adaptability"
    assert found[0].reason == "Gekozen door 40% van de experts bij Complexiteit (niveau 2)."
    patients = suggestions_for(factor("client_cooperation"), "en", limit=1)[0]
    assert (patients.eric, patients.share, patients.level) == ("Involve patients/consumers and family members", 71, 1)
    assert patients.reason == "Chosen by 71% of the experts for Patient needs and resources (level 1)."


def test_without_a_published_share_no_percentage_is_given():
    found = suggestions_for(factor("legislation"), "nl")
    assert found and all(not s.verified and s.share is None and s.level is None for s in found)
    assert found[0].reason == "Geen percentage bekend: gekozen voor dit werkboek bij Extern beleid en prikkels."


def test_the_demo_workload_factor_gets_strategies_about_priority_and_time():
    plan = Project.open("workbook/demo").load_plan()
    f11 = next(item for item in plan_advice(plan, "nl") if item.factor.id == "F11")
    assert f11.factor.description.startswith("Hoge werkdruk")
    assert (f11.determinant, f11.cfir, f11.exact, f11.mark) == (
        "Organisatie: tijd",
        "Relatieve prioriteit",
        False,
        "≈ benadering",
    )
    keys = [s.strategy for s in f11.suggestions]
    assert keys == ["involve_executive_boards", "obtain_formal_commitments", "stage_scale_up"]
    assert not {"access_new_funding", "change_physical_structure"} & set(keys)
    assert all(s.barrier == "Relatieve prioriteit" for s in f11.suggestions)


def test_no_determinant_and_promoting_factors_get_no_suggestions():
    plan = Plan(context={"factors": [factor(None), factor("complexity", "F2", Effect.promoting)]})
    assert suggestions_for(factor(None)) == []
    assert plan_advice(plan, "nl") == []


def test_strategies_for_several_barriers_give_each_share_and_never_a_sum():
    plan = Plan(
        context={
            "factors": [factor("complexity", "F1"), factor("compatibility", "F2"), factor("procedural_clarity", "F3")]
        }
    )
    ranked = ranked_for_plan(plan, "nl")
    # F3 is complexity again and counts once; every strategy here comes back for both barriers.
    assert ranked[0].strategy == "promote_adaptability"
    assert ranked[0].barriers == ["Complexiteit", "Aansluiting bij waarden en werkwijze"]
    assert ranked[0].reason == (
        "Bij 2 belemmeringen: 40% van de experts bij Complexiteit; "
        "45% van de experts bij Aansluiting bij waarden en werkwijze."
    )
    assert all(len(r.barriers) == 2 for r in ranked)
    assert "85%" not in " ".join(r.reason for r in ranked)


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
    assert len(sourced) >= 3  # F3, F5, F10


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
    assert "geen percentage bekend" in html  # F2's strategies have no published share
    assert "Zonder determinant, dus nog zonder suggestie: F3." in html
    assert "Strategieën bij meer dan één belemmering" in html  # capture local knowledge comes back for both
    assert (
        "Bij 2 belemmeringen: 19% van de experts bij Vertrouwen in eigen kunnen; "
        "Extern beleid en prikkels: geen percentage bekend."
    ) in html


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
    assert "Hold short training sessions at the location" in english  # knowledge: Knowledge and beliefs


def every_determinant() -> Plan:
    """A plan with one hindering factor for every determinant, so every link is rendered."""
    return Plan(
        context={
            "factors": [
                factor(d.key, f"F{i}", text=f"Factor {d.key}") for i, d in enumerate(determinants().determinants, 1)
            ]
        }
    )


def test_no_rendered_strategy_text_invents_a_share_or_adds_shares_up():
    from workbook.steps.feedback import Situation, panel_html

    plan = every_determinant()
    for lang in ("nl", "en"):
        for html in (
            unescape(panel_html("factor_strategies", Situation(plan, lang))),
            unescape(str(strategies_section(plan, lang))),
        ):
            assert not re.search(r"naar schatting\s*\d", html)
            assert not re.search(r"(an )?estimated\s*\d", html)
            assert not re.search(r"Samen\b[^<.]*\d+\s*%", html)
            assert not re.search(r"Together\b[^<.]*\d+\s*%", html)
            assert "Chosen by" in html or "Gekozen door" in html  # published shares are still shown


def test_every_approximate_link_shows_a_visible_mark_on_screen_and_in_the_report():
    from workbook.steps.feedback import Situation, panel_html

    plan = every_determinant()
    step = unescape(panel_html("factor_strategies", Situation(plan, "nl")))
    report = unescape(str(strategies_section(plan, "nl")))
    for i, item in enumerate(determinants().determinants, 1):
        block = step.split(f'data-factor="F{i}"', 1)[1].split("</div>", 1)[0]
        chapter = report.split(f"F{i}: Factor {item.key}</h3>", 1)[1].split("</ol>", 1)[0]
        if item.verified:
            assert "(exact)" in block and "≈" not in block
            assert "≈" not in chapter
        else:
            assert "(≈ benadering)" in block
            assert "valt niet precies samen met" in block
            assert '<span class="badge neutral">≈ benadering</span>' in chapter  # a caveat, not a status colour


def test_every_construct_and_domain_has_a_dutch_name_and_a_plain_explanation():
    found = strategies()
    assert {d.label("nl") for d in found.domains} == {
        "Vernieuwing",
        "Externe context",
        "Interne context",
        "Individuen",
        "Implementatieproces",
    }
    for barrier in found.barriers:
        assert barrier.label("nl").casefold() != barrier.cfir.casefold(), barrier.key
        assert barrier.description("nl") and barrier.description("en")
        assert found.domain(barrier.domain).label("nl")
    assert found.barrier("knowledge_beliefs").label("nl") == "Kennis van en opvattingen over de vernieuwing"
    assert found.domain(found.barrier("knowledge_beliefs").domain).label("nl") == "Individuen"


def test_dutch_pages_name_every_construct_in_dutch_and_only_the_glossary_gives_the_english_name():
    from workbook.report.glossary import glossary
    from workbook.steps.feedback import Situation, panel_html

    plan = every_determinant()
    english_names = {barrier.cfir for barrier in strategies().barriers}
    step = unescape(panel_html("factor_strategies", Situation(plan, "nl")))
    report = unescape(str(strategies_section(plan, "nl")))
    for text in (step, report):
        assert [name for name in english_names if name in text] == []
    assert "CFIR-construct: Kennis van en opvattingen over de vernieuwing (domein Individuen)" in report
    assert "CFIR: Kennis van en opvattingen over de vernieuwing (Individuen)" in step
    words = unescape(str(glossary(str(strategies_section(plan, "nl")), "nl")))
    linked = {d.barrier for d in determinants().determinants}
    for barrier in map(strategies().barrier, linked):
        assert f"<dt>{barrier.label('nl')}</dt>" in words
        assert f"in het Engels: {barrier.cfir}." in words
    english = unescape(str(strategies_section(plan, "en")))
    assert "CFIR construct: Knowledge and beliefs about the intervention (domain Individuals)" in english
