"""How complete each of the ten steps is, and the one thing to do next.

Every step expects a few parts (the innovation named, a hindering factor, every goal with an
owner, ...). A part that asks something of *every* item of a list is not filled while the list is
empty, so an empty section never counts as complete. The next thing to do is the first missing
part of the first step that is not complete, in the order of the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbook.language.i18n import Messages, language
from workbook.model import Effect, Location, Phase, Plan
from workbook.model.steps import STEPS

msg = Messages(
    {
        # step 1
        "innovation": ("wat is de vernieuwing en voor wie?", "what is the innovation, and for whom?"),
        "need": ("welke behoefte lost de vernieuwing op?", "which need does the innovation answer?"),
        "why": (
            "schrijf het waarom op voor management, zorgmedewerkers en cliënten",
            "write down the why for management, care staff and clients",
        ),
        "working_group": ("wie schrijven het plan (de werkgroep)?", "who write the plan (the working group)?"),
        "approach": (
            "kies de aanpak: van bovenaf, van onderop of gemengd",
            "choose the approach: top-down, bottom-up or mixed",
        ),
        "payers": ("wie betaalt de vernieuwing?", "who pays for the innovation?"),
        # step 2
        "team_description": (
            "beschrijf het team en zijn plek in de organisatie en de regio",
            "describe the team and its place in the organisation and region",
        ),
        "promoting": ("noem een factor die de invoering helpt", "name a factor that helps the implementation"),
        "hindering": ("noem een factor die de invoering belemmert", "name a factor that hinders the implementation"),
        "swot": (
            "zet de sterktes, zwaktes, kansen en bedreigingen op een rij (SWOT)",
            "list the strengths, weaknesses, opportunities and threats (SWOT)",
        ),
        # step 3
        "goals": ("schrijf een eerste SMART-doel", "write a first SMART goal"),
        "goal_owner": ("geef elk doel een eigenaar", "give every goal an owner"),
        "goal_indicator": ("geef elk doel een indicator", "give every goal an indicator"),
        "goal_target": ("geef elk doel een streefwaarde", "give every goal a target value"),
        "goal_deadline": ("geef elk doel een deadline", "give every goal a deadline"),
        "goal_actions": ("zet onder elk doel minstens één actie", "put at least one action under every goal"),
        "factors_addressed": (
            "koppel elke belemmerende factor aan een actie",
            "link every hindering factor to an action",
        ),
        # step 4
        "data_items": ("leg vast welke gegevens je verzamelt", "record which data you collect"),
        "goals_collected": ("verzamel gegevens bij elk doel", "collect data for every goal"),
        "data_recorder": ("zeg bij alle gegevens wie ze vastlegt", "say for all data who records it"),
        "data_frequency": (
            "zeg bij alle gegevens hoe vaak ze vastgelegd worden",
            "say for all data how often it is recorded",
        ),
        # step 5
        "core_message": ("schrijf de kernboodschap", "write the core message"),
        "message_checks": (
            "toets de kernboodschap met de vier vragen",
            "check the core message with the four questions",
        ),
        "communication_actions": ("plan een communicatieactie", "plan a communication action"),
        # step 6
        "stakeholders": ("breng de stakeholders in kaart", "map the stakeholders"),
        "stakeholder_stake": (
            "zeg bij elke stakeholder wat het oplevert of bedreigt",
            "say for every stakeholder what it brings or threatens",
        ),
        "stakeholder_strategy": (
            "kies bij elke stakeholder een beïnvloedingsstrategie",
            "choose an influence strategy for every stakeholder",
        ),
        "conversation": (
            "toets de aannames in een vierhoeksgesprek met zorgverlener, cliënt, financier en vernieuwer",
            "test the assumptions in a four-party conversation with care provider, client, funder and innovator",
        ),
        # step 7
        "spread_what": ("beschrijf wat je verspreidt", "describe what you spread"),
        "future_users": ("wie zijn de toekomstige gebruikers?", "who are the future users?"),
        "phases": ("deel de verspreiding op in fasen", "divide the spread into phases"),
        "characteristics": (
            "scoor de kenmerken van de verandering",
            "score the characteristics of the change",
        ),
        "risks": ("noem de afbreukrisico's", "name the failure risks"),
        "rollout": ("kies de startdatum van de uitrol", "choose the start date of the rollout"),
        "runbook_template": ("maak het sjabloon voor het draaiboek", "make the runbook template"),
        # step 8
        "scans": ("vul de borgingsscan in", "fill in the sustainability scan"),
        "checklist": ("loop de checklist borging na", "go through the embedding checklist"),
        "anchoring": ("breng de verankering in kaart", "map the anchoring"),
        "sustainment_actions": ("plan een borgingsactie", "plan a sustainment action"),
        # step 9
        "locations": ("voeg een locatie toe", "add a location"),
        "location_team": ("geef elke locatie een uitvoeringsteam", "give every location an execution team"),
        "location_dates": ("plan start en einde van elke locatie", "plan the start and end of every location"),
        "location_runbook": ("geef elke locatie een draaiboek", "give every location a runbook"),
        "location_measured": (
            "leg metingen vast op de locaties die begonnen zijn",
            "record measurements at the locations that have started",
        ),
        # step 10
        "cycles": ("beschrijf een PDCA-cyclus", "describe a PDCA cycle"),
        "lessons": ("schrijf een geleerde les op", "write down a lesson learned"),
        # statuses
        "empty": ("Nog leeg: {first}", "Still empty: {first}"),
        "partly": (
            "{filled} van {expected} ingevuld; nog: {first}",
            "{filled} of {expected} filled in; still: {first}",
        ),
        "complete": ("Compleet ingevuld.", "Complete."),
        "begin": ("Begin met stap {number}: {todo}", "Begin with step {number}: {todo}"),
        "continue": ("Ga verder met stap {number} ({title}): {todo}", "Continue with step {number} ({title}): {todo}"),
    }
)


@dataclass(frozen=True)
class Part:
    """One thing a step expects, and whether it is there."""

    key: str
    filled: bool

    def question(self, lang: str | None = None) -> str:
        """What to do or answer to fill this part, in plain words."""
        return msg(self.key, lang)


@dataclass(frozen=True)
class StepCompleteness:
    """How complete one step is: the parts it expects and a one-line status."""

    key: str
    number: int
    title: str
    parts: tuple[Part, ...]
    status: str

    @property
    def filled(self) -> int:
        return sum(part.filled for part in self.parts)

    @property
    def expected(self) -> int:
        return len(self.parts)

    @property
    def fraction(self) -> float:
        return self.filled / self.expected if self.expected else 1.0

    @property
    def complete(self) -> bool:
        return self.filled == self.expected

    @property
    def missing(self) -> list[Part]:
        return [part for part in self.parts if not part.filled]


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next: in which step, and what."""

    step: str
    number: int
    title: str
    part: str
    """The key of the missing part."""
    text: str
    """One line, e.g. 'Begin met stap 1: wat is de vernieuwing en voor wie?'."""


def _every(items: Iterable, test: Callable) -> bool:
    """True when there are items and all pass `test`: an empty list is never complete."""
    items = list(items)
    return bool(items) and all(test(item) for item in items)


def _filled(text: str) -> bool:
    return bool(text.strip())


def _parts(plan: Plan, locations: list[Location]) -> dict[str, dict[str, bool]]:
    basics, context, spread, sustainment = plan.basics, plan.context, plan.spread, plan.sustainment
    hindering = [f for f in context.factors if f.effect == Effect.hindering]
    addressed = {a.factor_id for g in plan.goals for a in g.actions if a.factor_id}
    collected = {item.goal_id for item in plan.data_collection}
    measured = {m.goal_id for loc in locations for m in loc.measurements}
    started = [loc for loc in locations if loc.phase != Phase.planned]
    why = basics.why
    return {
        "start": {
            "innovation": _filled(basics.innovation),
            "need": _filled(basics.need),
            "why": all(_filled(t) for t in (why.management, why.care_staff, why.clients)),
            "working_group": bool(basics.working_group),
            "approach": basics.approach is not None,
            "payers": bool(basics.payers),
        },
        "context": {
            "team_description": _filled(context.team_description),
            "promoting": any(f.effect == Effect.promoting for f in context.factors),
            "hindering": bool(hindering),
            "swot": bool(context.swot),
        },
        "doelen": {
            "goals": bool(plan.goals),
            "goal_owner": _every(plan.goals, lambda g: _filled(g.owner)),
            "goal_indicator": _every(plan.goals, lambda g: _filled(g.indicator)),
            "goal_target": _every(plan.goals, lambda g: g.target is not None),
            "goal_deadline": _every(plan.goals, lambda g: g.deadline is not None),
            "goal_actions": _every(plan.goals, lambda g: bool(g.actions)),
            "factors_addressed": _every(hindering, lambda f: f.id in addressed),
        },
        "gegevens": {
            "data_items": bool(plan.data_collection),
            "goals_collected": _every(plan.goals, lambda g: g.id in collected or g.id in measured),
            "data_recorder": _every(plan.data_collection, lambda d: _filled(d.recorder)),
            "data_frequency": _every(plan.data_collection, lambda d: _filled(d.frequency)),
        },
        "communicatie": {
            "core_message": _filled(plan.communication.core_message),
            "message_checks": all(
                getattr(plan.communication.checks, name) is not None
                for name in type(plan.communication.checks).model_fields
            ),
            "communication_actions": bool(plan.communication.actions),
        },
        "stakeholders": {
            "stakeholders": bool(plan.stakeholders),
            "stakeholder_stake": _every(plan.stakeholders, lambda s: _filled(s.stake)),
            "stakeholder_strategy": _every(plan.stakeholders, lambda s: s.strategy is not None),
            "conversation": bool(plan.conversations),
        },
        "verspreiding": {
            "spread_what": _filled(spread.what),
            "future_users": _filled(spread.future_users),
            "phases": bool(spread.phases),
            "characteristics": _every(spread.characteristics, lambda c: c.score is not None),
            "risks": bool(spread.risks),
            "rollout": spread.rollout.start is not None,
            "runbook_template": bool(plan.runbook_template),
        },
        "borging": {
            "scans": bool(sustainment.scans),
            "checklist": bool(sustainment.checklist),
            "anchoring": bool(sustainment.anchoring),
            "sustainment_actions": bool(sustainment.actions),
        },
        "locatie": {
            "locations": bool(locations),
            "location_team": _every(locations, lambda loc: bool(loc.team)),
            "location_dates": _every(locations, lambda loc: loc.start is not None and loc.end is not None),
            "location_runbook": _every(locations, lambda loc: bool(loc.runbook)),
            "location_measured": bool(locations) and all(loc.measurements for loc in started),
        },
        "evaluatie": {
            "cycles": bool(plan.evaluation.cycles),
            "lessons": bool(plan.evaluation.lessons),
        },
    }


def _status(parts: tuple[Part, ...], lang: str) -> str:
    missing = [part for part in parts if not part.filled]
    if not missing:
        return msg("complete", lang)
    first = missing[0].question(lang)
    if len(missing) == len(parts):
        line = msg("empty", lang, first=first)
    else:
        line = msg("partly", lang, filled=len(parts) - len(missing), expected=len(parts), first=first)
    return line if line.endswith("?") else line + "."


def step_completeness(
    plan: Plan, locations: Iterable[Location] = (), lang: str | None = None
) -> list[StepCompleteness]:
    """How complete each of the ten steps is, in the order of the work."""
    lang = lang or language()
    expected = _parts(plan, list(locations))
    result = []
    for step in STEPS.values():
        parts = tuple(Part(key, filled) for key, filled in expected[step.key].items())
        result.append(StepCompleteness(step.key, step.number, step.title(lang), parts, _status(parts, lang)))
    return result


def next_step(plan: Plan, locations: Iterable[Location] = (), lang: str | None = None) -> NextStep | None:
    """The one thing to do next: the first missing part of the first incomplete step (None when all is done)."""
    lang = lang or language()
    steps = step_completeness(plan, locations, lang)
    todo = next((step for step in steps if not step.complete), None)
    if todo is None:
        return None
    part = todo.missing[0]
    if not any(step.filled for step in steps):
        text = msg("begin", lang, number=todo.number, todo=part.question(lang))
    else:
        text = msg("continue", lang, number=todo.number, title=todo.title, todo=part.question(lang))
    return NextStep(todo.key, todo.number, todo.title, part.key, text)
