"""The SWOT of step 2: points tied to the context factors, in the form, the summary, the plan report and
the advice (a point that names no factor; a weakness or threat that no action addresses)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from tests.forms.conftest import plan_file
from workbook.analysis.advice import project_advice
from workbook.analysis.lint import lint_plan
from workbook.model import Action, ContextFactor, ContextGroup, Effect, Goal, Plan, SwotKind, SwotPoint
from workbook.project.store import Project
from workbook.report.plan import PlanReport
from workbook.steps import STEPS, static_html

DAY = dt.date(2026, 3, 1)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


def plan_with(*points: SwotPoint) -> Plan:
    return Plan(
        context={
            "factors": [
                ContextFactor(
                    id="F1", description="Weinig tijd", group=ContextGroup.organisation, effect=Effect.hindering
                ),
                ContextFactor(
                    id="F2", description="Wifi zwak", group=ContextGroup.organisation, effect=Effect.hindering
                ),
                ContextFactor(id="F3", description="Subsidie", group=ContextGroup.environment, effect=Effect.promoting),
            ],
            "swot": list(points),
        },
        goals=[Goal(id="D1", text="Doel", actions=[Action(text="Roosteruren vrijmaken", factor_id="F1")])],
    )


def swot_findings(plan: Plan) -> list[tuple[str, str, str]]:
    return [(f.rule, f.item, f.message) for f in lint_plan(plan, [], "nl", DAY) if f.rule.startswith("swot")]


def test_a_point_that_names_no_factor_gets_advice_and_a_weakness_also_hears_about_the_action():
    strength = SwotPoint(kind=SwotKind.strength, description="Enthousiast team")
    weakness = SwotPoint(kind=SwotKind.weakness, description="Weinig ervaring met apps")
    found = swot_findings(plan_with(strength, weakness))
    assert [(rule, item) for rule, item, _ in found] == [
        ("swot-point-without-factor", "Sterkte: Enthousiast team"),
        ("swot-point-without-factor", "Zwakte: Weinig ervaring met apps"),
    ]
    assert "koppel het aan de factor(en)" in found[0][2] and "actie" not in found[0][2]
    assert "dus pakt ook geen actie haar aan" in found[1][2] and "zwakte" in found[1][2]


def test_a_weakness_or_threat_is_addressed_through_an_action_on_one_of_its_factors():
    addressed = SwotPoint(kind=SwotKind.weakness, description="Drukte", factor_ids=["F2", "F1"])  # F1 has an action
    open_threat = SwotPoint(kind=SwotKind.threat, description="Subsidie stopt", factor_ids=["F3"])
    open_weakness = SwotPoint(kind=SwotKind.weakness, description="Wifi", factor_ids=["F2"])
    opportunity = SwotPoint(kind=SwotKind.opportunity, description="Regio doet mee", factor_ids=["F3"])
    found = swot_findings(plan_with(addressed, open_threat, open_weakness, opportunity))
    assert [(rule, item) for rule, item, _ in found] == [
        ("swot-point-unaddressed", "Bedreiging: Subsidie stopt"),
        ("swot-point-unaddressed", "Zwakte: Wifi"),
    ]
    assert "Geen actie pakt deze bedreiging aan: zet in stap 3 een actie bij factor F3" in found[0][2]


def test_an_unknown_factor_number_in_the_swot_is_named_by_workbook_check(demo_project: Project):
    plan = demo_project.load_plan()
    plan.context.swot = [SwotPoint(kind=SwotKind.strength, description="Goed team", factor_ids=["F77"])]
    advice = project_advice(demo_project, plan, demo_project.load_locations())
    [unknown] = [f for f in advice if f.item == "context.swot[0].factor_ids[0]"]
    assert unknown.rule == "unknown-factor" and "'F77'" in unknown.message


def test_step_2_form_saves_a_swot_point_with_its_factors_and_the_feedback_follows(open_step, demo_project: Project):
    plan = demo_project.load_plan()
    unaddressed = next(
        f.id
        for f in plan.context.factors
        if f.id not in {a.factor_id for g in plan.goals for a in g.actions} and f.effect == Effect.hindering
    )
    view = open_step("context")
    table = view.form.find("context", "swot")
    count = len(table.rows)
    row = table.add()
    row.find("kind").control.value = "threat"
    row.find("description").control.value = "Een tweede leverancier stopt met de ondersteuning"
    row.find("factor_ids").boxes[unaddressed].value = True
    view.flush()

    saved = plan_file(demo_project)["context"]["swot"]
    assert len(saved) == count + 1
    assert saved[-1] == {
        "kind": "threat",
        "description": "Een tweede leverancier stopt met de ondersteuning",
        "factor_ids": [unaddressed],
    }
    feedback = text(view.feedback.value)
    assert "De SWOT" in feedback
    assert f"Een tweede leverancier stopt met de ondersteuning Factor: {unaddressed} · nog geen actie" in feedback
    assert f"Geen actie pakt deze bedreiging aan: zet in stap 3 een actie bij factor {unaddressed}" in feedback


def test_step_2_summary_and_plan_report_show_every_swot_point_with_its_factors(demo_project: Project):
    plan = demo_project.load_plan()
    assert {p.kind for p in plan.context.swot} == set(SwotKind), "the demo has a point of every kind"
    summary = text(static_html(STEPS["context"], demo_project, lang="nl"))
    report = text(PlanReport.load(demo_project.root, today=DAY).context().html)
    for point in plan.context.swot:
        assert point.description in summary
        assert point.description in report
        assert (
            f"{point.description} {'Factor' if len(point.factor_ids) == 1 else 'Factoren'}: "
            + ", ".join(point.factor_ids)
            in report
        )
    for heading in ("Sterktes", "Zwaktes", "Kansen", "Bedreigingen"):
        assert heading in report


def test_an_empty_project_asks_for_the_swot_in_step_2(empty_project: Project):
    view_html = text(static_html(STEPS["context"], empty_project, lang="nl"))
    assert "Nog geen SWOT." in view_html
