"""Whatever a user types shows up as text in the reports: never as markup, never as script."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.build.conftest import copy_demo, run_build
from tests.build.test_browser import open_report
from workbook.model import (
    ContextFactor,
    ContextGroup,
    Effect,
    Experience,
    ExperienceKind,
    Goal,
    Member,
    Plan,
    Position,
    Stakeholder,
)
from workbook.report.html import Fragment
from workbook.report.plan import PlanReport

SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned = 2">'
RAW_HOSTILE = re.compile(r"<script>window|<img src=x onerror", re.IGNORECASE)


def test_report_templates_escape_text_and_keep_markup():
    plan = Plan(
        basics={"project_name": SCRIPT, "need": IMAGE},
        goals=[Goal(id="D1", text=IMAGE, indicator=SCRIPT, target=90, unit=SCRIPT, owner=IMAGE)],
        context={
            "factors": [
                ContextFactor(id="F1", description=SCRIPT, group=ContextGroup.organisation, effect=Effect.hindering)
            ]
        },
        stakeholders=[Stakeholder(name=SCRIPT, role=IMAGE, power=4, interest=5, position=Position.neutral)],
    )
    report = PlanReport(plan, [], "nl", dt.date(2026, 11, 23), [IMAGE])
    sections = [report.header(), report.summary(), report.why(), report.context(), report.goals()]
    sections.append(report.stakeholders())
    html = "".join(str(s) for s in sections) + "".join(v for s in sections for v in s.variants.values())
    assert "<h1>Implementatieplan &lt;script&gt;window.__pwned = 1&lt;/script&gt;</h1>" in html
    assert "<td>&lt;script&gt;window.__pwned = 1&lt;/script&gt;</td>" in html
    assert '<div class="text">&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;</div>' in html
    assert '<td><span class="badge bad">Belemmerend</span></td>' in html  # markup from a macro stays markup
    assert not RAW_HOSTILE.search(html)
    title = sections[0].title
    assert title == f"Implementatieplan {SCRIPT}"
    assert Fragment(html, title=title)._repr_mimebundle_()[1] == {"text/html": {"title": title}}


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_text_in_free_text_fields_appears_literally_and_never_runs(tmp_path, browser):
    project = copy_demo(tmp_path / "vijandig", keep=("tweeeiken",))
    location = project.load_location("tweeeiken")
    location.name = f"Zonnehof {IMAGE}"
    location.central_contact = SCRIPT
    location.team.append(Member(name=SCRIPT, role=IMAGE))
    location.runbook[0].activity = IMAGE
    location.clients.criteria[0].reason = SCRIPT
    location.experiences.append(Experience(kind=ExperienceKind.failure, description=SCRIPT, lesson=IMAGE))
    location.evaluations[0].learned = IMAGE
    project.save_location(location)
    plan = project.load_plan()
    plan.basics.project_name = SCRIPT
    plan.goals[0].text = IMAGE
    plan.stakeholders[0].name = SCRIPT
    plan.context.factors.append(
        ContextFactor(id="X1", description=IMAGE, group=ContextGroup.organisation, effect=Effect.hindering)
    )
    plan.communication.core_message = SCRIPT
    project.save_plan(plan)

    built = run_build(project)
    assert built.code == 0, built.output
    for name in ("tweeeiken", "plan", "index"):
        report = built.reports / f"{name}.html"
        html = report.read_text(encoding="utf-8")
        assert not RAW_HOSTILE.search(html), name
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html, name
        context = browser.new_context()
        page = context.new_page()
        page.goto(report.resolve().as_uri(), wait_until="load")
        assert page.evaluate("window.__pwned") is None, name
        assert SCRIPT in page.inner_text("body"), name
        context.close()
    location_text = (built.reports / "tweeeiken.html").read_text(encoding="utf-8")
    assert "onerror=&#34;window.__pwned = 2&#34;" in location_text
    requests, errors = open_report(browser, built.reports / "tweeeiken.html")
    assert errors == []
