"""The step summaries, feedback panels and notices come from templates: user text stays text, Dutch plurals."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.versions.test_version_store import Clock
from workbook.forms.notices import Notices
from workbook.forms.versions_panel import VersionsPanel
from workbook.model import (
    ContextFactor,
    ContextGroup,
    Determinant,
    Effect,
    Goal,
    Member,
    Plan,
    Position,
    Stakeholder,
)
from workbook.project.store import Project
from workbook.steps.feedback import Situation, feedback_html, panel_html
from workbook.steps.summary import record_html, table_html
from workbook.versions import store as versions

HOSTILE = "<script>alert('x')</script> & 't Holt"
ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#39;t Holt"


def hostile_plan() -> Plan:
    return Plan(
        goals=[Goal(id="D1", text=HOSTILE, indicator=HOSTILE, target=90, owner=HOSTILE)],
        stakeholders=[Stakeholder(name=HOSTILE, role="Teamleider", power=4, interest=5, position=Position.neutral)],
        context={
            "factors": [
                ContextFactor(
                    id="F1",
                    description=HOSTILE,
                    group=ContextGroup.professional,
                    effect=Effect.hindering,
                    determinant=Determinant.client_cooperation,
                )
            ]
        },
        basics={"working_group": [Member(name=HOSTILE, role="Trekker")]},
    )


@pytest.mark.parametrize("panel", ["smart", "goal_list", "strategies", "factor_strategies", "lint:goals", "reaim"])
def test_user_text_in_a_feedback_panel_is_text(panel: str) -> None:
    html = panel_html(panel, Situation(hostile_plan(), "nl"))
    assert "<script>" not in html
    if panel not in ("lint:goals", "reaim"):
        assert ESCAPED in html


def test_the_smart_row_keeps_its_goal_and_a_mark_per_criterion() -> None:
    html = panel_html("smart", Situation(hostile_plan(), "nl"))
    row = html.split('<tr data-goal="D1">', 1)[1].split("</tr>", 1)[0]
    assert row.count("<td title=") == 5
    assert "\n" not in row, "one goal is one line of the table"


def test_every_panel_sits_in_a_box_named_after_it() -> None:
    html = feedback_html(("smart", "lint:goals"), Situation(Plan(), "en"))
    assert '<div class="wb-feedback-smart"><h4>Is every goal SMART?</h4>' in html
    assert '<div class="wb-feedback-lint-goals"><h4>Points to check</h4>' in html
    assert "<p>No goals yet.</p>" in html


def test_a_location_panel_without_a_location_asks_for_one() -> None:
    assert panel_html("location_lint", Situation(Plan(), "nl")) == "<p>Kies eerst een locatie.</p>"


def test_the_summary_escapes_user_text_and_keeps_line_breaks() -> None:
    goal = Goal(id="D1", text=f"Eerste regel\n{HOSTILE}", target=1500, deadline=dt.date(2027, 7, 1))
    html = record_html(goal, "nl", title=HOSTILE)
    assert f"<h4>{ESCAPED}</h4>" in html
    assert f"<td>Eerste regel<br>{ESCAPED}</td>" in html
    assert "<td>1.500</td>" in html and "<td>1 jul 2027</td>" in html
    empty = table_html(Goal, [], "nl", title="Doelen")
    assert empty.strip() == "<h4>Doelen</h4><p><i>Nog niets ingevuld.</i></p>"


def test_a_notice_shows_user_text_as_text_and_gives_it_back_unchanged() -> None:
    notices = Notices("nl", lambda *_: None)
    notices._add(HOSTILE)
    [line] = notices.widget.children
    assert line.children[0].value == f"<span>{ESCAPED}</span>"
    assert notices.texts == [HOSTILE]


def test_earlier_versions_count_their_changes_in_dutch_plurals(demo_project: Project, monkeypatch) -> None:
    clock = Clock(dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(versions, "now", clock)
    demo_project.update_plan("goals", [Goal(id="D1", text="Minder wekken", owner=HOSTILE)])
    goals = demo_project.load_plan().goals
    goals[0].owner = "Piet"
    clock.advance(60)  # an hour later: a version of its own
    demo_project.update_plan("goals", goals)
    goals[0].owner, goals[0].target = "Anna", 12.5
    clock.advance(60)
    demo_project.update_plan("goals", goals)
    panel = VersionsPanel(demo_project, ["goals"], lang="nl")
    panel.refresh()
    counts = [label.split(" · ")[2] for label, _ in panel.choice.options]
    assert counts[:2] == ["2 wijzigingen", "1 wijziging"]
    panel.choice.value = panel.choice.options[1][1]
    assert "<script>" not in panel.detail.value
    assert f"<li>Doel D1, eigenaar: &#39;{ESCAPED}&#39; → &#39;Piet&#39;</li>" in panel.detail.value
