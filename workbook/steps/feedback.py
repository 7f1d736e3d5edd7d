"""Live feedback for the steps: checks and charts as HTML, the same in the form and the static summary.

Each panel is a function of the current plan (and location) returning HTML; the charts come from
``workbook.charts`` and the checks from ``workbook.analysis``. User text is always escaped.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from matplotlib.figure import Figure

from workbook import charts
from workbook.analysis import completeness, progress, reaim, rollout, smart, stakeholders, sustainability
from workbook.analysis import strategies as factor_strategies
from workbook.analysis.lint import Finding, lint_plan
from workbook.fields import field_label
from workbook.i18n import Messages
from workbook.instruments import determinants
from workbook.locale import format_percent
from workbook.model import Effect, Location, MessageChecks, Plan
from workbook.steps.summary import text_of

msg = Messages(
    {
        "lint": ("Aandachtspunten", "Points to check"),
        "lint_none": ("Geen aandachtspunten: netjes ingevuld.", "Nothing to check: well filled in."),
        "smart": ("Is elk doel SMART?", "Is every goal SMART?"),
        "smart_none": ("Nog geen doelen.", "No goals yet."),
        "goal": ("Doel", "Goal"),
        "hints": ("Tips", "Tips"),
        "goals": ("De doelen om gegevens bij te verzamelen", "The goals to collect data for"),
        "checks": ("De kernboodschap getoetst", "The core message checked"),
        "checks_done": ("{yes} van de {total} vragen met ja beantwoord.", "{yes} of {total} questions answered yes."),
        "strategies": ("Aanpak per stakeholder", "Approach per stakeholder"),
        "no_location": ("Kies eerst een locatie.", "Choose a location first."),
        "reaim": ("RE-AIM in het kort", "RE-AIM in short"),
        "dimension": ("Onderdeel", "Dimension"),
        "value": ("Waarde", "Value"),
        "explanation": ("Toelichting", "Explanation"),
        "locations": ("Locaties", "Locations"),
        "overview": ("Het plan tot nu toe", "The plan so far"),
        "step": ("Stap", "Step"),
        "filled": ("Ingevuld", "Filled in"),
        "status": ("Stand", "Status"),
        "of": ("{filled} van {expected}", "{filled} of {expected}"),
        "factor_strategies": ("Wat kun je doen aan de belemmeringen?", "What can you do about the barriers?"),
        "no_hindering": ("Nog geen belemmerende factoren.", "No hindering factors yet."),
        "no_determinant": (
            "Kies bij een belemmerende factor een determinant; dan verschijnen hier passende strategieën.",
            "Choose a determinant for a hindering factor; fitting strategies then appear here.",
        ),
        "untied": ("Nog zonder determinant: {factors}.", "No determinant yet: {factors}."),
        "ranking": (
            "Gerangschikt zoals de CFIR-ERIC matching tool: naar het aandeel experts dat de strategie koos "
            "voor deze belemmering. Met de knop hieronder maak je van een suggestie een actie onder een doel.",
            "Ranked as the CFIR-ERIC matching tool ranks them: by the share of experts who chose the strategy "
            "for this barrier. The button below turns a suggestion into an action under a goal.",
        ),
        "source": ("Bron", "Source"),
        "mismatch": (
            "Let op: de determinant hoort bij de groep '{expected}', de factor staat bij '{group}'. Klopt de groep?",
            "Note: the determinant belongs to the group '{expected}', the factor is in '{group}'. Is the group right?",
        ),
    }
)

OUTCOME_MARK = {smart.Outcome.met: "✓", smart.Outcome.not_met: "✗", smart.Outcome.unknown: "?"}


@dataclass
class Situation:
    """What the feedback looks at: the plan, the location of the step (if any) and all locations."""

    plan: Plan
    lang: str
    location: Location | None = None
    locations: list[Location] = field(default_factory=list)


def figure_html(figure: Figure, title: str = "") -> str:
    """A chart as an embedded PNG: works offline in the notebook, the workshop and the report."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(title, quote=True)
    return f'<img class="wb-chart" alt="{alt}" style="max-width:100%" src="data:image/png;base64,{data}">'


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _findings(findings: list[Finding], lang: str) -> str:
    html = f"<h4>{msg('lint', lang)}</h4>"
    if not findings:
        return html + f"<p>✓ {msg('lint_none', lang)}</p>"
    return html + _list([f"{f.item}: {f.message}" if f.item else f.message for f in findings])


SECTION_STEP = {
    "context": "context",
    "goals": "doelen",
    "communication": "communicatie",
    "stakeholders": "stakeholders",
    "sustainment": "borging",
}
"""The step that fills each plan section, for its completeness: an empty section is never 'netjes ingevuld'."""


def lint_panel(section: str) -> Callable[[Situation], str]:
    """The plan-lint findings about one section of the plan; what is still missing while it is incomplete."""

    def panel(situation: Situation) -> str:
        findings = [f for f in lint_plan(situation.plan, situation.locations, situation.lang) if f.section == section]
        steps = completeness.step_completeness(situation.plan, situation.locations, situation.lang)
        step = next(s for s in steps if s.key == SECTION_STEP[section])
        if step.complete:
            return _findings(findings, situation.lang)
        html = f"<h4>{msg('lint', situation.lang)}</h4><p>{escape(step.status)}</p>"
        return html + (_list([f"{f.item}: {f.message}" if f.item else f.message for f in findings]) if findings else "")

    return panel


def location_lint(situation: Situation) -> str:
    if situation.location is None:
        return f"<p>{msg('no_location', situation.lang)}</p>"
    findings = lint_plan(situation.plan, [situation.location], situation.lang)
    return _findings([f for f in findings if f.section == "locations"], situation.lang)


def smart_panel(situation: Situation) -> str:
    lang = situation.lang
    html = f"<h4>{msg('smart', lang)}</h4>"
    if not situation.plan.goals:
        return html + f"<p>{msg('smart_none', lang)}</p>"
    head = "".join(f"<th>{c}</th>" for c in smart.CRITERIA)
    rows = ""
    for goal in situation.plan.goals:
        verdict = smart.check_goal(goal, lang)
        cells = "".join(
            f'<td title="{escape(verdict[c].reason, quote=True)}">{OUTCOME_MARK[verdict[c].outcome]} '
            f"{escape(verdict[c].reason)}</td>"
            for c in smart.CRITERIA
        )
        name = escape(f"{goal.id} {goal.text}".strip()[:80])
        rows += f'<tr data-goal="{escape(goal.id, quote=True)}"><th>{name}</th>{cells}</tr>'
        if verdict.hints:
            rows += f'<tr><td></td><td colspan="5">{msg("hints", lang)}: {escape(" ".join(verdict.hints))}</td></tr>'
    return html + f'<table class="wb-table"><thead><tr><th>{msg("goal", lang)}</th>{head}</tr></thead>{rows}</table>'


def goal_list(situation: Situation) -> str:
    lang = situation.lang
    items = [f"{g.id}: {g.text} ({g.indicator})" if g.indicator else f"{g.id}: {g.text}" for g in situation.plan.goals]
    return f"<h4>{msg('goals', lang)}</h4>" + (_list(items) if items else f"<p>{msg('smart_none', lang)}</p>")


def message_checks(situation: Situation) -> str:
    lang = situation.lang
    checks = situation.plan.communication.checks
    answers = {name: getattr(checks, name) for name in MessageChecks.model_fields}
    rows = "".join(
        f"<tr><th>{escape(field_label(MessageChecks, n, lang))}</th><td>{escape(text_of(a, lang))}</td></tr>"
        for n, a in answers.items()
    )
    yes = sum(1 for a in answers.values() if a is True)
    summary = msg("checks_done", lang, yes=yes, total=len(answers))
    return f'<h4>{msg("checks", lang)}</h4><p>{summary}</p><table class="wb-fields">{rows}</table>'


def strategies(situation: Situation) -> str:
    lang = situation.lang
    items = []
    for person in situation.plan.stakeholders:
        advice = stakeholders.suggested_strategy(person, lang)
        items.append(
            f"<li><b>{escape(person.name)}</b> ({escape(advice.quadrant.label(lang))}): {_list(advice.advice)}</li>"
        )
    return f"<h4>{msg('strategies', lang)}</h4><ul>{''.join(items)}</ul>" if items else ""


def overview(situation: Situation) -> str:
    """How far the plan is: how complete each step is, and the one thing to do next."""
    lang = situation.lang
    todo = completeness.next_step(situation.plan, situation.locations, lang)
    rows = "".join(
        f'<tr data-step="{step.key}"><th>{step.number}. {escape(step.title)}</th>'
        f"<td>{msg('of', lang, filled=step.filled, expected=step.expected)}</td><td>{escape(step.status)}</td></tr>"
        for step in completeness.step_completeness(situation.plan, situation.locations, lang)
    )
    head = f"<tr><th>{msg('step', lang)}</th><th>{msg('filled', lang)}</th><th>{msg('status', lang)}</th></tr>"
    html = f"<h4>{msg('overview', lang)}</h4>"
    if todo is not None:
        html += f'<p class="wb-next-step"><b>{escape(todo.text)}</b></p>'
    return html + f'<table class="wb-table"><thead>{head}</thead>{rows}</table>'


def strategies_panel(situation: Situation) -> str:
    """Per hindering factor with a determinant: the best strategies, why, and where the figure comes from."""
    lang, plan = situation.lang, situation.plan
    html = f"<h4>{msg('factor_strategies', lang)}</h4>"
    hindering = [f for f in plan.context.factors if f.effect == Effect.hindering]
    if not hindering:
        return html + f"<p>{msg('no_hindering', lang)}</p>"
    advice = factor_strategies.plan_advice(plan, lang)
    if not advice:
        return html + f"<p>{msg('no_determinant', lang)}</p>"
    html += f"<p>{msg('ranking', lang)}</p>"
    for item in advice:
        rows = "".join(
            f'<li data-strategy="{s.strategy}"><b>{escape(s.label)}</b>: {escape(s.why)}<br>'
            f"<small>{escape(s.reason)}"
            + (f" {msg('source', lang)}: {escape(s.source)}" if s.verified else "")
            + "</small></li>"
            for s in item.suggestions
        )
        title = escape(f"{item.factor.id}: {item.factor.description}")
        check = ""
        if factor_strategies.mismatched_group(item.factor):
            expected = determinants()[item.factor.determinant].group.label(lang)
            note = msg("mismatch", lang, expected=expected, group=item.factor.group.label(lang))
            check = f'<br><small class="wb-mismatch">{escape(note)}</small>'
        html += (
            f'<div data-factor="{escape(item.factor.id, quote=True)}"><p><b>{title}</b><br>'
            f"<small>{escape(item.determinant)} · CFIR 2.0: {escape(item.cfir)}</small>{check}</p><ol>{rows}</ol></div>"
        )
    tied = {item.factor.id for item in advice}
    untied = [f.id for f in hindering if f.id not in tied]
    if untied:
        html += f"<p>{escape(msg('untied', lang, factors=', '.join(untied)))}</p>"
    return html


def reaim_panel(situation: Situation) -> str:
    lang = situation.lang
    result = reaim.reaim(situation.plan, situation.locations, lang=lang)
    rows = "".join(
        f"<tr><th>{escape(d.label)}</th><td>{escape(_share(d.value, lang))}</td><td>{escape(d.explanation)}</td></tr>"
        for d in result
    )
    head = f"<tr><th>{msg('dimension', lang)}</th><th>{msg('value', lang)}</th><th>{msg('explanation', lang)}</th></tr>"
    return f'<h4>{msg("reaim", lang)}</h4><table class="wb-table"><thead>{head}</thead>{rows}</table>'


def _share(value: float | None, lang: str) -> str:
    return "—" if value is None else format_percent(value, lang)


def _chart(draw: Callable[[Situation], Figure]) -> Callable[[Situation], str]:
    def panel(situation: Situation) -> str:
        return figure_html(draw(situation), draw.__doc__ or "")

    return panel


def _location_chart(draw: Callable[[Situation], Figure]) -> Callable[[Situation], str]:
    def panel(situation: Situation) -> str:
        if situation.location is None:
            return ""
        return figure_html(draw(situation), draw.__doc__ or "")

    return panel


def _scan_figure(responses: list) -> Callable[[str], Figure]:
    latest = sustainability.latest_moment(responses)
    previous = sustainability.previous_moment(responses)
    result = sustainability.score(latest[1]) if latest else None
    before = sustainability.score(previous[1]) if previous else None
    return lambda lang: charts.sustainability_scan(result, lang, previous=before)


PANELS: dict[str, Callable[[Situation], str]] = {
    "overview": overview,
    "smart": smart_panel,
    "goal_list": goal_list,
    "message_checks": message_checks,
    "strategies": strategies,
    "factor_strategies": strategies_panel,
    "reaim": reaim_panel,
    "location_lint": location_lint,
    "context_factors": _chart(lambda s: charts.context_factors(s.plan, s.lang)),
    "stakeholder_grid": _chart(lambda s: charts.stakeholder_grid(s.plan.stakeholders, s.lang)),
    "rogers_profile": _chart(lambda s: charts.rogers_profile(s.plan.spread.characteristics, s.lang)),
    "rollout_gantt": _chart(lambda s: charts.rollout_gantt(rollout.schedule(s.plan, s.locations), s.lang)),
    "sustainability_scan": _chart(lambda s: _scan_figure(s.plan.sustainment.scans)(s.lang)),
    "anchoring_rings": _chart(lambda s: charts.anchoring_rings(s.plan.sustainment.anchoring, s.lang)),
    "organisation_progress": _chart(
        lambda s: charts.goal_progress(progress.organisation_progress(s.plan, s.locations), s.lang)
    ),
    "goal_progress": _location_chart(
        lambda s: charts.goal_progress(progress.goal_progress(s.plan, s.location), s.lang)
    ),
    "measurements_over_time": _location_chart(lambda s: charts.measurements_over_time(s.plan, s.location, s.lang)),
    "location_scan": _location_chart(lambda s: _scan_figure(s.location.scans)(s.lang)),
}


def panel_html(name: str, situation: Situation) -> str:
    """The HTML of feedback panel `name` (``lint:<section>`` for the lint of one section)."""
    if name.startswith("lint:"):
        return lint_panel(name.split(":", 1)[1])(situation)
    return PANELS[name](situation)


def feedback_html(names: tuple[str, ...], situation: Situation) -> str:
    """All panels of a step, one after the other."""
    return "".join(
        f'<div class="wb-feedback-{name.replace(":", "-")}">{panel_html(name, situation)}</div>' for name in names
    )
