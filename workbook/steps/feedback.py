"""Live feedback for the steps: checks and charts as HTML, the same in the form and the static summary.

Each panel is a function of the current plan (and location) returning HTML: it hands the checks of
``workbook.analysis`` (and a chart of ``workbook.charts``) to its template in
``templates/workbook/fragments/steps/``, which escapes every user text.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup
from matplotlib.figure import Figure

from workbook import charts
from workbook.analysis import completeness, progress, reaim, rollout, smart, stakeholders, sustainability
from workbook.analysis import strategies as factor_strategies
from workbook.analysis.lint import approach_findings, lint_plan
from workbook.instruments import determinants
from workbook.language.i18n import Messages
from workbook.language.locale import format_date
from workbook.model import Approach, ContextFactor, Effect, Location, MessageChecks, Plan
from workbook.model.fields import field_label
from workbook.report.render import line, render
from workbook.report.swot import swot_html
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
            "Per factor het CFIR-construct waar de determinant bij hoort (≈ = een benadering, geen exacte "
            "match) en de strategieën voor dat construct uit de CFIR-ERIC matching: eerst die met een "
            "gepubliceerd aandeel experts, hoogste eerst. Met de knop hieronder maak je van een suggestie een "
            "actie onder een doel.",
            "Per factor the CFIR construct its determinant belongs to (≈ = an approximation, not an exact "
            "match) and the strategies for that construct from the CFIR-ERIC matching: first those with a "
            "published share of experts, highest first. The button below turns a suggestion into an action "
            "under a goal.",
        ),
        "source": ("Bron", "Source"),
        "swot": ("De SWOT", "The SWOT"),
        "approach": ("Fasering bij de gekozen aanpak", "Phasing for the chosen approach"),
        "approach_none": (
            "Kies in stap 1 de aanpak (van bovenaf, van onderop of gemengd); dan volgen de fasering en het advies "
            "hier die keuze.",
            "Choose the approach in step 1 (top-down, bottom-up or mixed); the phasing and the advice here then "
            "follow that choice.",
        ),
        "approach_top_down": (
            "Van bovenaf: de projectgroep plant de uitrol centraal, in golven. Een golf begint pas als de vorige "
            "klaar is, zodat de projectgroep ertussen kan evalueren en bijstellen; de planning hieronder rekent zo.",
            "Top-down: the project group plans the rollout centrally, in waves. A wave only starts when the one "
            "before it is done, so that the group can evaluate and adjust in between; the schedule below is "
            "worked out that way.",
        ),
        "approach_bottom_up": (
            "Van onderop: een locatie begint zodra ze er klaar voor is en er ruimte is, en de fasen mogen "
            "overlappen. Elke locatie kiest haar eigen eigenaar en haar eigen streefwaarden (stap 9).",
            "Bottom-up: a location starts as soon as it is ready and there is room, and the phases may overlap. "
            "Every location chooses its own owner and its own targets (step 9).",
        ),
        "approach_mixed": (
            "Gemengd: de golven geven de volgorde, en locaties overlappen zoveel als het aantal tegelijk toelaat. "
            "Zeg in de fasen wat centraal wordt gepland en wat de locaties zelf bepalen.",
            "Mixed: the waves give the order, and locations overlap as far as the number at once allows. Say in "
            "the phases what is planned centrally and what the locations decide themselves.",
        ),
        "span": ("{wave} — {start} tot {end} ({names})", "{wave} — {start} to {end} ({names})"),
        "no_wave": ("Zonder golf", "In no wave"),
        "owners": (
            "{owners} van de {total} locaties noemen een eigen eigenaar; {targets} hebben eigen streefwaarden.",
            "{owners} of the {total} locations name an owner of their own; {targets} have their own targets.",
        ),
        "swot_empty": (
            "Nog geen SWOT. Zet de sterktes, zwaktes, kansen en bedreigingen op een rij en koppel elk punt aan de "
            "factoren hierboven waar het over gaat.",
            "No SWOT yet. List the strengths, weaknesses, opportunities and threats and tie every point to the "
            "factors above it is about.",
        ),
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


def _html(template: str, lang: str, **view: object) -> str:
    """A panel's template (in ``fragments/steps/``) for its view model."""
    return str(render(f"steps/{template}", msg, lang, **view))


def figure_html(figure: Figure, title: str = "") -> str:
    """A chart as an embedded PNG: works offline in the notebook, the workshop and the report."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return _html("chart.html.j2", "nl", alt=title, png=data)


SECTION_STEP = {
    "context": "context",
    "goals": "doelen",
    "communication": "communicatie",
    "stakeholders": "stakeholders",
    "conversations": "stakeholders",
    "sustainment": "borging",
}
"""The step that fills each plan section, for its completeness: an empty section is never 'netjes ingevuld'."""


def lint_panel(section: str) -> Callable[[Situation], str]:
    """The plan-lint findings about one section of the plan; what is still missing while it is incomplete."""

    def panel(situation: Situation) -> str:
        findings = [f for f in lint_plan(situation.plan, situation.locations, situation.lang) if f.section == section]
        steps = completeness.step_completeness(situation.plan, situation.locations, situation.lang)
        step = next(s for s in steps if s.key == SECTION_STEP[section])
        return _html("lint.html.j2", situation.lang, findings=findings, missing="" if step.complete else step.status)

    return panel


def location_lint(situation: Situation) -> str:
    """The plan-lint findings about this location; what it still misses while it is incomplete (never
    'netjes ingevuld' for a location without team, dates, runbook or, once started, measurements)."""
    if situation.location is None:
        return line(msg("no_location", situation.lang))
    findings = lint_plan(situation.plan, [situation.location], situation.lang)
    steps = completeness.step_completeness(situation.plan, [situation.location], situation.lang)
    step = next(s for s in steps if s.key == "locatie")
    return _html(
        "lint.html.j2",
        situation.lang,
        findings=[f for f in findings if f.section == "locations"],
        missing="" if step.complete else step.status,
    )


def smart_panel(situation: Situation) -> str:
    lang = situation.lang
    verdicts = [(goal, smart.check_goal(goal, lang)) for goal in situation.plan.goals]
    return _html("smart.html.j2", lang, verdicts=verdicts, criteria=smart.CRITERIA, marks=OUTCOME_MARK)


def goal_list(situation: Situation) -> str:
    items = [f"{g.id}: {g.text} ({g.indicator})" if g.indicator else f"{g.id}: {g.text}" for g in situation.plan.goals]
    return _html("goal_list.html.j2", situation.lang, items=items)


def message_checks(situation: Situation) -> str:
    lang = situation.lang
    checks = situation.plan.communication.checks
    answers = [getattr(checks, name) for name in MessageChecks.model_fields]
    rows = [
        (field_label(MessageChecks, name, lang), text_of(answer, lang))
        for name, answer in zip(MessageChecks.model_fields, answers, strict=True)
    ]
    yes = sum(1 for answer in answers if answer is True)
    return _html("message_checks.html.j2", lang, rows=rows, yes=yes)


def strategies(situation: Situation) -> str:
    lang = situation.lang
    people = [(person.name, stakeholders.suggested_strategy(person, lang)) for person in situation.plan.stakeholders]
    return _html("stakeholder_strategies.html.j2", lang, people=people) if people else ""


def overview(situation: Situation) -> str:
    """How far the plan is: how complete each step is, and the one thing to do next."""
    lang = situation.lang
    todo = completeness.next_step(situation.plan, situation.locations, lang)
    steps = completeness.step_completeness(situation.plan, situation.locations, lang)
    return _html("overview.html.j2", lang, todo=todo, steps=steps)


def strategies_panel(situation: Situation) -> str:
    """Per hindering factor with a determinant: the best strategies, why, and where the figure comes from."""
    lang, plan = situation.lang, situation.plan
    hindering = [f for f in plan.context.factors if f.effect == Effect.hindering]
    advice = factor_strategies.plan_advice(plan, lang) if hindering else []
    tied = {item.factor.id for item in advice}
    view = {
        "hindering": bool(hindering),
        "advice": [(item, _mismatch(item.factor, lang)) for item in advice],
        "untied": ", ".join(f.id for f in hindering if f.id not in tied) if advice else "",
    }
    return _html("factor_strategies.html.j2", lang, **view)


def _mismatch(factor: ContextFactor, lang: str) -> str:
    """A note when the factor's determinant belongs to another group than the factor ("" when it fits)."""
    if factor.determinant is None or not factor_strategies.mismatched_group(factor):
        return ""
    expected = determinants()[factor.determinant].group.label(lang)
    return msg("mismatch", lang, expected=expected, group=factor.group.label(lang))


def approach_panel(situation: Situation) -> str:
    """What the approach of step 1 means for the spread: how the schedule is worked out, the waves
    one after the other (top-down) or local ownership (bottom-up), and the advice that follows it."""
    lang, plan, locations = situation.lang, situation.plan, situation.locations
    approach = plan.basics.approach
    spans = [
        msg(
            "span",
            lang,
            wave=span.name or msg("no_wave", lang),
            start=format_date(span.start, lang, style="medium"),
            end=format_date(span.end, lang, style="medium"),
            names=", ".join(span.names),
        )
        for span in rollout.wave_spans(rollout.schedule(plan, locations))
    ]
    owners = ""
    if approach == Approach.bottom_up and locations:
        owners = msg(
            "owners",
            lang,
            owners=sum(bool(loc.local_owner.strip()) for loc in locations),
            total=len(locations),
            targets=sum(bool(loc.targets) for loc in locations),
        )
    view = {
        "label": approach.label(lang) if approach else "",
        "meaning": msg(f"approach_{approach.value}" if approach else "approach_none", lang),
        "spans": spans if approach else [],
        "owners": owners,
        "findings": approach_findings(plan, locations, lang),
    }
    return _html("approach.html.j2", lang, **view)


def swot_panel(situation: Situation) -> str:
    """The SWOT in four boxes, each point with its factors and, for a weakness or threat, whether an
    action addresses it."""
    lang, plan = situation.lang, situation.plan
    boxes = Markup(swot_html(plan, lang, level=5)) if plan.context.swot else None
    return _html("swot.html.j2", lang, boxes=boxes)


def reaim_panel(situation: Situation) -> str:
    lang = situation.lang
    return _html("reaim.html.j2", lang, dimensions=reaim.reaim(situation.plan, situation.locations, lang=lang))


def _chart(draw: Callable[[Situation], Figure]) -> Callable[[Situation], str]:
    def panel(situation: Situation) -> str:
        return figure_html(draw(situation), draw.__doc__ or "")

    return panel


def _location_chart(draw: Callable[[Situation, Location], Figure]) -> Callable[[Situation], str]:
    """A chart of the step's location (nothing in a step without one); `draw` gets the location too."""

    def panel(situation: Situation) -> str:
        if situation.location is None:
            return ""
        return figure_html(draw(situation, situation.location), draw.__doc__ or "")

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
    "swot": swot_panel,
    "approach": approach_panel,
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
        lambda s, place: charts.goal_progress(progress.goal_progress(s.plan, place), s.lang)
    ),
    "measurements_over_time": _location_chart(lambda s, place: charts.measurements_over_time(s.plan, place, s.lang)),
    "location_scan": _location_chart(lambda s, place: _scan_figure(place.scans)(s.lang)),
}


def panel_html(name: str, situation: Situation) -> str:
    """The HTML of feedback panel `name` (``lint:<section>`` for the lint of one section)."""
    if name.startswith("lint:"):
        return lint_panel(name.split(":", 1)[1])(situation)
    return PANELS[name](situation)


def feedback_html(names: tuple[str, ...], situation: Situation) -> str:
    """All panels of a step, one after the other."""
    panels = [(name.replace(":", "-"), Markup(panel_html(name, situation))) for name in names]
    return _html("feedback.html.j2", situation.lang, panels=panels)
