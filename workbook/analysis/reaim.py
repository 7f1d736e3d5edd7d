"""RE-AIM per location and over all locations, as the framework defines its five dimensions.

RE-AIM (Glasgow, Vogt & Boles 1999) asks five questions about an innovation in practice; the workbook
answers each from data it already holds, and says "niet gemeten" (not measured) or "nog niet te
zeggen" (too early to tell) instead of a 0% when the data for an answer is missing:

- **Reach** (individual level): the share of the intended target group that actually takes part.
  The target group is the location's suitable clients (``Location.clients.suitable``); who takes
  part comes from the latest measurement, since the location's start, of the goal the plan declares
  as its reach goal (``Evaluation.reach_goal``): a percentage of the suitable clients, or a number
  of clients. Over several locations: participants summed / suitable clients summed.
- **Effectiveness** (individual level): the effect on outcomes. Of the outcome goals
  (``GoalKind.outcome``) measured at a location since its start, the share at their target.
- **Adoption** (setting level): of the locations in the plan, the share that has started
  (phase starting, running or finished).
- **Implementation** (setting level): fidelity, whether the new way of working is carried out as
  intended. Of the process goals (``GoalKind.process``; the reach goal is reach, not fidelity)
  measured since the start, the share at their target. Finished runbook activities do not count:
  they say what was organised, not whether the work is done as intended.
- **Maintenance** (setting and individual level): whether it lasts. Of the outcome and process goals
  measured six months or more after a location's end, the share still at their target. One-off
  milestones (a training before the start) are left out: they were reached once and need not be
  reached again.

Per location, a dimension is "nog niet te zeggen" while the location has not started (for maintenance:
until six months after its end), or has just started and has no measurement yet; "niet gemeten" when
the time for a measurement has come but there is none. Over all locations, the measured locations are
pooled and the rest counted: "over 3 van 7 locaties; bij 4 nog niet te zeggen".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from workbook.analysis.progress import GoalProgress, progress_of
from workbook.analysis.rollout import add_months
from workbook.analysis.small_cells import Shown, is_small, protect
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_date
from workbook.model import Goal, GoalKind, Location, Measurement, Phase, Plan

MAINTENANCE_MONTHS = 6
"""Maintenance is judged on measurements at least this many months after a location's end."""
STARTED = (Phase.starting, Phase.running, Phase.finished)
KEYS = ("reach", "effectiveness", "adoption", "implementation", "maintenance")

msg = Messages(
    {
        "reach": ("Bereik", "Reach"),
        "effectiveness": ("Effectiviteit", "Effectiveness"),
        "adoption": ("Adoptie", "Adoption"),
        "implementation": ("Uitvoering", "Implementation"),
        "maintenance": ("Behoud", "Maintenance"),
        "reach_definition": (
            "Welk deel van de mensen voor wie de vernieuwing bedoeld is, doet echt mee? Het aantal cliënten "
            "dat meedoet, gedeeld door het aantal cliënten dat de locatie geschikt vindt. Wie meedoet, komt "
            "uit de laatste meting van het doel dat het bereik telt.",
            "Which part of the people the innovation is meant for actually takes part? The number of clients "
            "taking part, divided by the number of clients the location finds suitable. Who takes part comes "
            "from the latest measurement of the goal that counts reach.",
        ),
        "effectiveness_definition": (
            "Wat levert de vernieuwing op? Van de uitkomstdoelen (wat er verandert voor cliënten of "
            "medewerkers) die sinds de start van een locatie gemeten zijn, het deel dat de streefwaarde haalt.",
            "What does the innovation achieve? Of the outcome goals (what changes for clients or staff) "
            "measured since a location's start, the part that meets its target.",
        ),
        "adoption_definition": (
            "Welk deel van de locaties (teams) die mee zouden doen, is er echt mee begonnen?",
            "Which part of the locations (teams) that were to take part has actually started?",
        ),
        "implementation_definition": (
            "Wordt er gewerkt zoals bedoeld? Van de procesdoelen (hoe het werk gedaan wordt) die sinds de "
            "start van een locatie gemeten zijn, het deel dat de streefwaarde haalt. Afgevinkte activiteiten "
            "in het draaiboek tellen hier niet: die zeggen wat er geregeld is, niet of er volgens de "
            "bedoeling gewerkt wordt.",
            "Is the work done as intended? Of the process goals (how the work is done) measured since a "
            "location's start, the part that meets its target. Finished runbook activities do not count "
            "here: they say what was arranged, not whether the work is done as intended.",
        ),
        "maintenance_definition": (
            "Blijft de nieuwe werkwijze? Van de uitkomst- en procesdoelen die zes maanden of langer na de "
            "afronding van een locatie gemeten zijn, het deel dat de streefwaarde nog haalt. Mijlpalen die "
            "eenmaal klaar waren (zoals een training vóór de start) tellen niet mee.",
            "Does the new way of working last? Of the outcome and process goals measured six months or more "
            "after a location finished, the part that still meets its target. Milestones that were done "
            "once (such as a training before the start) do not count.",
        ),
        "source": (
            "RE-AIM naar Glasgow, Vogt en Boles (1999): vijf vragen over een vernieuwing in de praktijk.",
            "RE-AIM after Glasgow, Vogt and Boles (1999): five questions about an innovation in practice.",
        ),
        "not_measured": ("niet gemeten", "not measured"),
        "too_early": ("nog niet te zeggen", "too early to tell"),
        "reach_text": (
            "deel van de geschikte cliënten dat meedoet; de aantallen staan er niet bij, want een klein aantal "
            "kan naar één cliënt wijzen",
            "share of the suitable clients who take part; the counts are left out, as a small count can point "
            "to one client",
        ),
        "effectiveness_text_one": (
            "{numerator} van {denominator} gemeten uitkomstdoel haalt de streefwaarde",
            "{numerator} of {denominator} measured outcome goal meets its target",
        ),
        "implementation_text_one": (
            "{numerator} van {denominator} gemeten procesdoel haalt de streefwaarde",
            "{numerator} of {denominator} measured process goal meets its target",
        ),
        "adoption_text_one": (
            "{numerator} van {denominator} locatie is begonnen",
            "{numerator} of {denominator} location has started",
        ),
        "maintenance_text_one": (
            "{numerator} van {denominator} uitkomst- of procesdoel haalt minstens {months} maanden na de "
            "afronding nog de streefwaarde",
            "{numerator} of {denominator} outcome or process goal still meets its target at least {months} "
            "months after the end",
        ),
        "effectiveness_text": (
            "{numerator} van {denominator} gemeten uitkomstdoelen halen hun streefwaarde",
            "{numerator} of {denominator} measured outcome goals meet their target",
        ),
        "adoption_text": (
            "{numerator} van {denominator} locaties zijn begonnen",
            "{numerator} of {denominator} locations have started",
        ),
        "implementation_text": (
            "{numerator} van {denominator} gemeten procesdoelen halen hun streefwaarde",
            "{numerator} of {denominator} measured process goals meet their target",
        ),
        "maintenance_text": (
            "{numerator} van {denominator} uitkomst- en procesdoelen halen minstens {months} maanden na de "
            "afronding nog hun streefwaarde",
            "{numerator} of {denominator} outcome and process goals still meet their target at least {months} "
            "months after the end",
        ),
        "coverage": ("over {measured} van {locations} locaties", "over {measured} of {locations} locations"),
        "coverage_rest": ("bij {count} {state}", "{state} at {count}"),
        "reach_no_goal": (
            "geen doel aangewezen dat het bereik telt (stap Evaluatie)",
            "no goal chosen that counts reach (step Evaluation)",
        ),
        "reach_no_suitable": (
            "het aantal geschikte cliënten is niet ingevuld",
            "the number of suitable clients is not filled in",
        ),
        "reach_no_measurement": (
            "geen meting van {goal} sinds de start",
            "no measurement of {goal} since the start",
        ),
        "no_goals": ("het plan heeft geen {kind}", "the plan has no {kind}"),
        "outcome_goals": ("uitkomstdoelen", "outcome goals"),
        "process_goals": ("procesdoelen", "process goals"),
        "outcome_process_goals": ("uitkomst- of procesdoelen", "outcome or process goals"),
        "no_measurement": ("geen meting van de {kind} sinds de start", "no measurement of the {kind} since the start"),
        "not_started": ("nog niet begonnen", "not started yet"),
        "just_started": ("net begonnen, nog geen meting", "just started, no measurement yet"),
        "not_finished": ("nog niet afgerond", "not finished yet"),
        "finished_recently": (
            "pas op {date} {months} maanden klaar",
            "not {months} months finished until {date}",
        ),
        "no_late_measurement": (
            "geen meting {months} maanden of langer na de afronding",
            "no measurement {months} months or more after the end",
        ),
        "no_locations": ("nog geen locaties", "no locations yet"),
    }
)


class State(StrEnum):
    """Whether a dimension has a value."""

    measured = "measured"
    not_measured = "not_measured"
    """The time for a measurement has come, but there is none: "niet gemeten"."""
    too_early = "too_early"
    """The data cannot be there yet: "nog niet te zeggen"."""


@dataclass(frozen=True)
class Dimension:
    key: str
    """reach, effectiveness, adoption, implementation or maintenance."""
    label: str
    numerator: float
    denominator: float
    state: State
    explanation: str
    """How the value was counted, or why there is none."""
    definition: str
    """What the dimension means, in plain words."""
    state_label: str
    """'niet gemeten' or 'nog niet te zeggen' when there is no value; '' when there is."""

    @property
    def value(self) -> float | None:
        """numerator / denominator; None when not measured or too early."""
        if self.state != State.measured or not self.denominator:
            return None
        return self.numerator / self.denominator


@dataclass(frozen=True)
class ReAim:
    reach: Dimension
    effectiveness: Dimension
    adoption: Dimension
    implementation: Dimension
    maintenance: Dimension

    def __iter__(self) -> Iterator[Dimension]:
        return iter((self.reach, self.effectiveness, self.adoption, self.implementation, self.maintenance))


@dataclass(frozen=True)
class Count:
    """One dimension at one location, before words: a fraction, or why there is none."""

    numerator: float = 0.0
    denominator: float = 0.0
    state: State = State.measured
    why: str = ""


def definitions(lang: str | None = None) -> list[tuple[str, str]]:
    """(label, definition) of every dimension, in RE-AIM's order."""
    lang = lang or language()
    return [(msg(key, lang), msg(f"{key}_definition", lang)) for key in KEYS]


def source(lang: str | None = None) -> str:
    return msg("source", lang or language())


def reach_goal(plan: Plan) -> Goal | None:
    """The goal the plan declares as counting reach, or None."""
    return plan.goal(plan.evaluation.reach_goal) if plan.evaluation.reach_goal else None


def started(location: Location, today: dt.date) -> bool:
    """True when the location has started: its phase says so, and its start date (if any) has come."""
    return location.phase in STARTED and (location.start is None or location.start <= today)


def _since_start(location: Location, goal: Goal) -> list[Measurement]:
    return [
        m
        for m in location.measurements
        if m.goal_id == goal.id and (location.start is None or m.date >= location.start)
    ]


def _without_measurement(location: Location, lang: str, why: str) -> Count:
    """Too early while the location only just started (phase 'starting'), else not measured."""
    if location.phase == Phase.starting:
        return Count(state=State.too_early, why=msg("just_started", lang))
    return Count(state=State.not_measured, why=why)


def participants(plan: Plan, location: Location) -> float | None:
    """How many clients take part at `location` by the reach goal's latest measurement since the start."""
    goal = reach_goal(plan)
    suitable = location.clients.suitable
    measured = _since_start(location, goal) if goal is not None else []
    if goal is None or not suitable or not measured:
        return None
    latest = max(measured, key=lambda m: m.date).value
    return latest * suitable / 100 if "%" in goal.unit else latest


def reach_can_be_shown(plan: Plan, location: Location) -> bool:
    """False when a location's reach would give a hidden client count away: its suitable count is not
    shown exactly on its own page, or the clients taking part are fewer than five."""
    taking_part = participants(plan, location)
    if protect(location.clients).suitable.shown != Shown.exact:
        return False
    return taking_part is None or not is_small(round(taking_part))


def _reach(plan: Plan, location: Location, today: dt.date, lang: str) -> Count:
    if not started(location, today):
        return Count(state=State.too_early, why=msg("not_started", lang))
    goal = reach_goal(plan)
    if goal is None:
        return Count(state=State.not_measured, why=msg("reach_no_goal", lang))
    if not location.clients.suitable:
        return _without_measurement(location, lang, msg("reach_no_suitable", lang))
    taking_part = participants(plan, location)
    if taking_part is None:
        return _without_measurement(location, lang, msg("reach_no_measurement", lang, goal=goal.id))
    return Count(taking_part, location.clients.suitable)


def _at_target(
    plan: Plan, location: Location, today: dt.date, kinds: tuple[GoalKind, ...], lang: str, noun: str
) -> Count:
    """Of the goals of `kinds` measured at `location` since its start, how many are at their target."""
    if not started(location, today):
        return Count(state=State.too_early, why=msg("not_started", lang))
    reach = reach_goal(plan)
    goals = [g for g in plan.goals if g.kind in kinds and g is not reach]
    if not goals:
        return Count(state=State.not_measured, why=msg("no_goals", lang, kind=msg(noun, lang)))
    rows = [progress_of(goal, location, today) for goal in goals if _since_start(location, goal)]
    judged = [row for row in rows if row.share is not None]
    if not judged:
        return _without_measurement(location, lang, msg("no_measurement", lang, kind=msg(noun, lang)))
    return Count(sum(row.at_target for row in judged), len(judged))


def _adoption(location: Location, today: dt.date) -> Count:
    return Count(1 if started(location, today) else 0, 1)


def _maintenance(plan: Plan, location: Location, today: dt.date, lang: str) -> Count:
    months = MAINTENANCE_MONTHS
    if location.phase != Phase.finished or location.end is None:
        return Count(state=State.too_early, why=msg("not_finished", lang))
    from_date = add_months(location.end, months)
    if from_date > today:
        return Count(
            state=State.too_early, why=msg("finished_recently", lang, months=months, date=format_date(from_date, lang))
        )
    goals = [g for g in plan.goals if g.kind in (GoalKind.outcome, GoalKind.process)]
    if not goals:
        return Count(state=State.not_measured, why=msg("no_goals", lang, kind=msg("outcome_process_goals", lang)))
    rows: list[GoalProgress] = [progress_of(goal, location, today) for goal in goals]
    late = [row for row in rows if row.share is not None and row.latest_date and row.latest_date >= from_date]
    if not late:
        return Count(state=State.not_measured, why=msg("no_late_measurement", lang, months=months))
    return Count(sum(row.at_target for row in late), len(late))


def _counts(plan: Plan, location: Location, today: dt.date, lang: str) -> dict[str, Count]:
    return {
        "reach": _reach(plan, location, today, lang),
        "effectiveness": _at_target(plan, location, today, (GoalKind.outcome,), lang, "outcome_goals"),
        "adoption": _adoption(location, today),
        "implementation": _at_target(plan, location, today, (GoalKind.process,), lang, "process_goals"),
        "maintenance": _maintenance(plan, location, today, lang),
    }


def _number(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _explanation(key: str, numerator: float, denominator: float, lang: str) -> str:
    if key == "reach":
        return msg("reach_text", lang)
    return msg(
        f"{key}_text_one" if denominator == 1 else f"{key}_text",
        lang,
        numerator=_number(numerator, lang),
        denominator=_number(denominator, lang),
        months=MAINTENANCE_MONTHS,
    )


def _pooled(key: str, counts: list[Count], lang: str) -> Dimension:
    """One dimension over the locations whose `counts` are given (one per location)."""
    measured = [c for c in counts if c.state == State.measured]
    numerator = sum(c.numerator for c in measured)
    denominator = sum(c.denominator for c in measured)
    definition = msg(f"{key}_definition", lang)
    if measured:
        text = _explanation(key, numerator, denominator, lang)
        if len(counts) > 1 and key != "adoption":
            text += " (" + _coverage(counts, lang) + ")"
        return Dimension(key, msg(key, lang), numerator, denominator, State.measured, text, definition, "")
    if not counts:
        state, why = State.too_early, msg("no_locations", lang)
    elif len(counts) == 1:
        state, why = counts[0].state, counts[0].why
    else:
        state = State.too_early if all(c.state == State.too_early for c in counts) else State.not_measured
        why = _coverage(counts, lang)
    return Dimension(key, msg(key, lang), 0, 0, state, why, definition, msg(state.value, lang))


def _coverage(counts: list[Count], lang: str) -> str:
    """'over 3 van 7 locaties; bij 2 niet gemeten; bij 2 nog niet te zeggen'."""
    measured = sum(c.state == State.measured for c in counts)
    parts = [msg("coverage", lang, measured=measured, locations=len(counts))]
    for state in (State.not_measured, State.too_early):
        count = sum(c.state == state for c in counts)
        if count:
            parts.append(msg("coverage_rest", lang, count=count, state=msg(state.value, lang)))
    return "; ".join(parts)


def reaim(plan: Plan, locations: Iterable[Location], today: dt.date | None = None, lang: str | None = None) -> ReAim:
    """The five RE-AIM dimensions over `locations` (one location: that location's own figures)."""
    lang = lang or language()
    today = today or dt.date.today()
    per_location = [_counts(plan, location, today, lang) for location in locations]
    dimensions = [_pooled(key, [counts[key] for counts in per_location], lang) for key in KEYS]
    return ReAim(*dimensions)
