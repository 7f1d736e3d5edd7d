"""Plan lint: gaps in the plan worth a second look. Advice only; nothing here blocks.

Rules (stable codes); findings come section by section, in the plan's order:

- ``hindering-factor-without-action``: a hindering context factor no goal action addresses
  (``Action.factor_id``).
- ``swot-point-without-factor``: a point of the SWOT that names no context factor it is about.
- ``swot-point-unaddressed``: a weakness or threat of the SWOT whose factors no goal action addresses.
- ``goal-without-indicator`` / ``goal-without-owner`` / ``goal-without-deadline``.
- ``action-without-who`` / ``action-without-when``: open actions (not done) of goals,
  communication and sustainment.
- ``goal-never-measured``: no data-collection item for the goal and no measurement of it at
  any location.
- ``opponent-without-strategy``: a stakeholder against the change, with power 4 or more and no
  influence strategy.
- ``location-without-team`` / ``location-without-dates`` / ``location-without-runbook``, and
  ``runbook-activity-incomplete``: an open runbook activity without a responsible person or date.
- ``phase-contradicts-dates``: a location's phase that its dates contradict on the day of the
  check (planned while its start has passed; running or finished before its start; not finished
  after its end).
- ``location-period-unusual``: a location planned to run shorter than 3 or longer than 6 months
  (start to end), the usual length of a location's rollout.
- Four-party conversations (care provider, client, funder and innovator test assumptions together):
  ``no-four-party-conversation`` (there are locations or a rollout start, and no conversation is
  dated on or before the first location's start), ``conversation-without-date``,
  ``conversation-party-missing`` (one of the four parties did not take part),
  ``conversation-without-assumptions``, ``assumption-untested`` (no outcome after the conversation
  was held) and ``assumption-without-follow-up`` (an assumption that did not hold, or was adjusted,
  with nothing said about what follows).
- Advice that follows the approach chosen in step 1 (none for a mixed approach or none chosen).
  Top-down (planned, steered centrally): ``top-down-without-waves`` (locations but no waves in the
  rollout), ``top-down-waves-overlap`` (a wave that starts before the one before it has ended),
  ``top-down-without-sponsor`` (no stakeholder with power 4 or more who is for the change), and
  ``top-down-location-without-contact`` (a location without a central contact). Bottom-up
  (participative, owned locally): ``bottom-up-location-without-owner`` (a location that names no
  owner of its own), ``bottom-up-location-without-targets`` (a location without local targets), and
  ``bottom-up-phases-in-sequence`` (spread phases that follow each other strictly, none overlapping).
- ``finished-location-without-evaluation`` / ``finished-location-without-intake``: a finished
  location with no evaluation and feedback, or with no intake of new clients and colleagues.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from workbook.analysis.rollout import add_months, months_between, schedule, wave_spans
from workbook.analysis.swot import TO_ADDRESS, addressed_factors
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_count, format_date
from workbook.model import (
    Approach,
    AssumptionOutcome,
    Conversation,
    Effect,
    Goal,
    Location,
    Phase,
    Plan,
    Position,
    Status,
    SwotPoint,
)
from workbook.model.fields import field_label

HIGH_POWER = 4
"""An opponent with at least this power (1-5) needs a strategy."""

SHORTEST_MONTHS, LONGEST_MONTHS = 3, 6
"""A location usually takes 3 to 6 months from start to end."""

msg = Messages(
    {
        "hindering-factor-without-action": (
            "Belemmerende factor zonder actie: koppel een actie aan deze factor of leg uit waarom het niet hoeft.",
            "Hindering factor without an action: link an action to this factor or explain why none is needed.",
        ),
        "swot-point-without-factor": (
            "Dit SWOT-punt noemt geen factor: koppel het aan de factor(en) uit de contextdiagnose waar het over "
            "gaat, of voeg die factor toe. Zo staat elk punt van de SWOT ook in de diagnose.",
            "This SWOT point names no factor: tie it to the factor(s) of the context diagnosis it is about, or add "
            "that factor. That way every point of the SWOT is in the diagnosis too.",
        ),
        "swot-point-without-factor-action": (
            "Deze {kind} noemt geen factor, en dus pakt ook geen actie haar aan: koppel haar aan de factor(en) uit "
            "de contextdiagnose waar ze over gaat en zet in stap 3 een actie bij die factor.",
            "This {kind} names no factor, so no action addresses it either: tie it to the factor(s) of the context "
            "diagnosis it is about and put an action on that factor in step 3.",
        ),
        "swot-point-unaddressed": (
            "Geen actie pakt deze {kind} aan: zet in stap 3 een actie bij {factors}, of leg uit waarom het niet hoeft.",
            "No action addresses this {kind}: put an action on {factors} in step 3, or explain why none is needed.",
        ),
        "factor_one": ("factor {ids}", "factor {ids}"),
        "factor_many": ("een van de factoren {ids}", "one of the factors {ids}"),
        "or": (" of ", " or "),
        "goal-without-indicator": (
            "Doel zonder indicator: waaraan zie je dat het doel gehaald is?",
            "Goal without an indicator: how will you see the goal is met?",
        ),
        "goal-without-owner": (
            "Doel zonder eigenaar: wie bewaakt dit doel?",
            "Goal without an owner: who looks after it?",
        ),
        "goal-without-deadline": (
            "Doel zonder deadline: wanneer moet het gehaald zijn?",
            "Goal without a deadline: by when must it be met?",
        ),
        "action-without-who": ("Actie zonder 'wie': wie voert haar uit?", "Action without 'who': who carries it out?"),
        "action-without-when": (
            "Actie zonder 'wanneer': wanneer gebeurt het?",
            "Action without 'when': when does it happen?",
        ),
        "goal-never-measured": (
            "Dit doel wordt nergens gemeten: voeg het toe aan de gegevensverzameling of leg metingen vast.",
            "This goal is never measured: add it to the data collection or record measurements.",
        ),
        "opponent-without-strategy": (
            "Tegenstander met veel invloed ({power}/5) zonder beïnvloedingsstrategie: kies hoe je hen benadert.",
            "Opponent with high power ({power}/5) and no influence strategy: choose how to approach them.",
        ),
        "location-without-team": (
            "Locatie zonder uitvoeringsteam: wie voert het hier uit?",
            "Location without an execution team: who carries it out here?",
        ),
        "location-without-dates": (
            "Locatie zonder start- of einddatum: plan wanneer deze locatie aan de beurt is.",
            "Location without a start or end date: plan when this location takes its turn.",
        ),
        "location-without-runbook": (
            "Locatie zonder draaiboek: neem het sjabloon over en pas het aan.",
            "Location without a runbook: copy the template and adapt it.",
        ),
        "runbook-activity-incomplete": (
            "Activiteit in het draaiboek zonder {missing}.",
            "Runbook activity without {missing}.",
        ),
        "phase-contradicts-dates": (
            "De fase '{phase}' klopt niet met de data: {reason}. Pas de fase of de datum aan.",
            "The phase '{phase}' contradicts the dates: {reason}. Change the phase or the date.",
        ),
        "start_passed": ("de startdatum {date} is al voorbij", "the start date {date} has passed"),
        "start_ahead": ("de startdatum {date} moet nog komen", "the start date {date} is still ahead"),
        "end_passed": ("de einddatum {date} is al voorbij", "the end date {date} has passed"),
        "location-period-unusual": (
            "Deze locatie loopt {length} ({start} tot {end}); een locatie duurt meestal 3 tot 6 maanden. "
            "Klopt de planning?",
            "This location runs {length} ({start} to {end}); a location usually takes 3 to 6 months. "
            "Is the planning right?",
        ),
        "finished-location-without-evaluation": (
            "Afgeronde locatie zonder evaluatie: wat is bereikt en geleerd, en wat geeft de locatie door aan de "
            "projectgroep en de andere locaties?",
            "Finished location without an evaluation: what was achieved and learned, and what does it pass on to "
            "the project group and the other locations?",
        ),
        "finished-location-without-intake": (
            "Afgeronde locatie zonder intake: wie legt de werkwijze uit aan nieuwe cliënten en nieuwe collega's?",
            "Finished location without an intake: who explains the way of working to new clients and colleagues?",
        ),
        "top-down-without-waves": (
            "Je kiest voor een aanpak van bovenaf: deel de locaties in golven in, zodat de projectgroep per golf "
            "de start, de ondersteuning en de evaluatie centraal plant.",
            "You chose a top-down approach: divide the locations into waves, so that the project group plans the "
            "start, the support and the evaluation of each wave centrally.",
        ),
        "top-down-waves-overlap": (
            "Golf {wave} begint op {start}, terwijl golf {previous} pas op {end} klaar is. Bij een aanpak van bovenaf rond "
            "je een golf af en evalueer je centraal voordat de volgende begint: schuif de golf op, of kies bewust "
            "voor overlap en zeg waarom.",
            "Wave {wave} starts on {start}, while wave {previous} is only done on {end}. In a top-down approach a wave is "
            "finished and evaluated centrally before the next starts: move the wave, or choose the overlap on "
            "purpose and say why.",
        ),
        "top-down-without-sponsor": (
            "Bij een aanpak van bovenaf stuurt een opdrachtgever met invloed de invoering: welke stakeholder met "
            "invloed 4 of 5 staat erachter? Zet die bij de stakeholders, of zoek hem.",
            "In a top-down approach a sponsor with power steers the implementation: which stakeholder with power "
            "4 or 5 is behind it? Add them to the stakeholders, or find one.",
        ),
        "top-down-location-without-contact": (
            "Bij een aanpak van bovenaf houdt de projectgroep centraal de regie: wie is de centrale contactpersoon "
            "van deze locatie?",
            "In a top-down approach the project group steers centrally: who is this location's central contact?",
        ),
        "bottom-up-location-without-owner": (
            "Bij een aanpak van onderop is de locatie zelf eigenaar van de invoering: wie op de locatie trekt haar? "
            "Vul de eigenaar op de locatie in.",
            "In a bottom-up approach the location owns the implementation itself: who at the location leads it? "
            "Fill in the owner at the location.",
        ),
        "bottom-up-location-without-targets": (
            "Bij een aanpak van onderop kiest de locatie haar eigen doelen: zet lokale streefwaarden bij de "
            "gedeelde doelen die voor deze locatie tellen.",
            "In a bottom-up approach the location chooses its own goals: set local targets for the shared goals "
            "that count at this location.",
        ),
        "bottom-up-phases-in-sequence": (
            "De fasen van de verspreiding volgen elkaar strikt op. Bij een aanpak van onderop lopen ontwikkelen, "
            "uitproberen en invoeren meestal door elkaar: geef de fasen ruimte om te overlappen, zodat een locatie "
            "die er klaar voor is niet hoeft te wachten.",
            "The phases of the spread follow each other strictly. In a bottom-up approach developing, trying out "
            "and introducing usually run side by side: let the phases overlap, so that a location that is ready "
            "need not wait.",
        ),
        "no-four-party-conversation": (
            "Nog geen vierhoeksgesprek vóór de eerste locatie begint{start}: toets met de zorgverlener, de cliënt, "
            "de financier en de vernieuwer samen of de aannames over de behoefte, het gebruik en de betaling "
            "kloppen.",
            "No four-party conversation yet before the first location starts{start}: test together with the care "
            "provider, the client, the funder and the innovator whether the assumptions about the need, the use "
            "and the payment hold.",
        ),
        "four-party-conversation-late": (
            "Het eerste vierhoeksgesprek was op {date}, na de start van de eerste locatie op {start}. Toets de "
            "aannames liever voordat een locatie begint: plan een gesprek vóór de volgende locatie.",
            "The first four-party conversation was on {date}, after the first location started on {start}. "
            "Better test the assumptions before a location starts: plan a conversation before the next location.",
        ),
        "on_date": (" (op {date})", " (on {date})"),
        "conversation-without-date": (
            "Vierhoeksgesprek zonder datum: wanneer is het gehouden of gepland?",
            "Four-party conversation without a date: when was it held or when is it planned?",
        ),
        "conversation-party-missing": (
            "Bij dit gesprek staat niemand namens {parties}: de aannames toets je juist met alle vier partijen "
            "samen. Vul de rollen in, of nodig hen uit voor een volgend gesprek.",
            "Nobody took part for {parties}: the assumptions are tested with all four parties together. Fill in "
            "the roles, or invite them to a next conversation.",
        ),
        "conversation-without-assumptions": (
            "Welke aannames zijn in dit gesprek getoetst? Zet ze erbij met hun uitkomst.",
            "Which assumptions were tested in this conversation? Add them with their outcome.",
        ),
        "assumption-untested": (
            "Het gesprek is gehouden, maar de uitkomst van deze aanname staat er niet bij: bevestigd, niet "
            "bevestigd of bijgesteld?",
            "The conversation was held, but this assumption has no outcome: confirmed, not confirmed or adjusted?",
        ),
        "assumption-without-follow-up": (
            "Deze aanname is {outcome}: wat volgt eruit voor het plan?",
            "This assumption is {outcome}: what follows for the plan?",
        ),
        "conversation": ("Gesprek van {date}", "Conversation of {date}"),
        "conversation_undated": ("Gesprek zonder datum", "Conversation without a date"),
        "assumption_item": ("{conversation}, aanname: {text}", "{conversation}, assumption: {text}"),
        "first_location": ("Vóór de eerste locatie", "Before the first location"),
        "party_care_provider": ("de zorgverlener", "the care provider"),
        "party_client": ("de cliënt", "the client"),
        "party_funder": ("de financier", "the funder"),
        "party_innovator": ("de vernieuwer", "the innovator"),
        "wave": ("'{name}'", "'{name}'"),
        "approach_item": ("Aanpak: {approach}", "Approach: {approach}"),
        "no_wave": ("(zonder naam)", "(no name)"),
        "less_than_a_month": ("minder dan een maand", "less than a month"),
        "about": ("ongeveer {months}", "about {months}"),
        "month": ("maand", "month"),
        "months": ("maanden", "months"),
        "person": ("verantwoordelijke", "a responsible person"),
        "date": ("datum", "a date"),
        "and": (" en ", " and "),
        "locations": ("Locaties", "Locations"),
        "references": ("Verwijzingen", "References"),
        "goal_action": ("{goal}, actie: {text}", "{goal}, action: {text}"),
    }
)


@dataclass(frozen=True)
class Finding:
    """One piece of advice: about which part of which file, which item, and what to consider."""

    rule: str
    """A stable code, e.g. ``goal-without-owner``."""
    section: str
    """The plan section (a ``Plan`` field name), ``locations``, ``runbook`` or ``references``."""
    item: str
    """Which item: an id, a name, or the start of its text."""
    message: str
    file: str = ""
    """The file it is about, relative to the project folder (empty: the plan as a whole)."""

    def section_label(self, lang: str | None = None) -> str:
        """The section's name for people."""
        lang = lang or language()
        if self.section in ("locations", "references"):
            return msg(self.section, lang)
        if self.section in ("runbook", "clients", "experiences", "evaluations", "intake"):
            return field_label(Location, self.section, lang)
        return field_label(Plan, self.section, lang)

    def in_file(self, file: str) -> Finding:
        """The same finding, placed in `file`."""
        return replace(self, file=file)


def short(text: str, length: int = 50) -> str:
    """The start of `text` on one line, to name an item in a finding."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def goal_item(goal: Goal) -> str:
    """How findings name a goal: its number and the start of its text."""
    return f"{goal.id}: {short(goal.text)}"


def _context(plan: Plan, lang: str) -> list[Finding]:
    addressed = addressed_factors(plan)
    rule = "hindering-factor-without-action"
    return [
        Finding(rule, "context", f"{factor.id}: {short(factor.description)}", msg(rule, lang))
        for factor in plan.context.factors
        if factor.effect == Effect.hindering and factor.id not in addressed
    ] + _swot(plan, addressed, lang)


def swot_item(point: SwotPoint, lang: str) -> str:
    """How findings name a SWOT point: its kind and the start of its text."""
    return f"{point.kind.label(lang)}: {short(point.description)}"


def _swot(plan: Plan, addressed: set[str], lang: str) -> list[Finding]:
    """SWOT points that name no factor; weaknesses and threats whose factors no action addresses."""
    findings = []
    for point in plan.context.swot:
        item = swot_item(point, lang)
        ids = [factor_id for factor_id in point.factor_ids if factor_id.strip()]
        to_address = point.kind in TO_ADDRESS
        kind = point.kind.label(lang).lower()
        if not ids:
            key = "swot-point-without-factor-action" if to_address else "swot-point-without-factor"
            findings.append(Finding("swot-point-without-factor", "context", item, msg(key, lang, kind=kind)))
        elif to_address and not addressed.intersection(ids):
            factors = msg("factor_one" if len(ids) == 1 else "factor_many", lang, ids=msg("or", lang).join(ids))
            text = msg("swot-point-unaddressed", lang, kind=kind, factors=factors)
            findings.append(Finding("swot-point-unaddressed", "context", item, text))
    return findings


def _open_actions(section: str, item: str, actions: Iterable, lang: str) -> list[Finding]:
    findings = []
    for action in actions:
        if action.done:
            continue
        name = short(getattr(action, "text", "") or getattr(action, "purpose", ""))
        label = msg("goal_action", lang, goal=item, text=name) if item else name
        if not action.who.strip():
            findings.append(Finding("action-without-who", section, label, msg("action-without-who", lang)))
        if action.when is None:
            findings.append(Finding("action-without-when", section, label, msg("action-without-when", lang)))
    return findings


def _goals(plan: Plan, locations: list[Location], lang: str) -> list[Finding]:
    collected = {item.goal_id for item in plan.data_collection}
    measured = {m.goal_id for location in locations for m in location.measurements}
    findings = []
    for goal in plan.goals:
        missing = {
            "goal-without-indicator": not goal.indicator.strip(),
            "goal-without-owner": not goal.owner.strip(),
            "goal-without-deadline": goal.deadline is None,
        }
        item = goal_item(goal)
        findings += [Finding(rule, "goals", item, msg(rule, lang)) for rule, hit in missing.items() if hit]
        findings += _open_actions("goals", goal.id, goal.actions, lang)
        if goal.id not in collected and goal.id not in measured:
            findings.append(Finding("goal-never-measured", "goals", item, msg("goal-never-measured", lang)))
    return findings


def _stakeholders(plan: Plan, lang: str) -> list[Finding]:
    return [
        Finding(
            "opponent-without-strategy",
            "stakeholders",
            s.name,
            msg("opponent-without-strategy", lang, power=s.power),
        )
        for s in plan.stakeholders
        if s.position == Position.opponent and s.power >= HIGH_POWER and s.strategy is None
    ]


def _phase_reason(location: Location, today: dt.date, lang: str) -> str:
    """Why the location's phase contradicts its dates on `today`; empty when it does not."""
    phase, start, end = location.phase, location.start, location.end
    if phase != Phase.finished and end is not None and end < today:
        return msg("end_passed", lang, date=format_date(end, lang))
    if phase == Phase.planned and start is not None and start < today:
        return msg("start_passed", lang, date=format_date(start, lang))
    if phase in (Phase.running, Phase.finished) and start is not None and start > today:
        return msg("start_ahead", lang, date=format_date(start, lang))
    return ""


def _period(location: Location, lang: str) -> list[Finding]:
    """Advice when the location's start-to-end period is shorter than 3 or longer than 6 months."""
    start, end = location.start, location.end
    if start is None or end is None or end <= start:
        return []
    too_short = end < add_months(start, SHORTEST_MONTHS) - dt.timedelta(days=1)  # 1 Mar - 31 May is 3 months
    too_long = end > add_months(start, LONGEST_MONTHS)
    if not (too_short or too_long):
        return []
    months = months_between(start, end)
    whole = round(months)
    if whole < 1:
        length = msg("less_than_a_month", lang)
    else:
        length = msg("about", lang, months=format_count(whole, msg("month", lang), msg("months", lang), lang))
    text = msg(
        "location-period-unusual",
        lang,
        length=length,
        start=format_date(start, lang),
        end=format_date(end, lang),
    )
    return [Finding("location-period-unusual", "locations", location.name, text)]


def _location(location: Location, lang: str, today: dt.date) -> list[Finding]:
    checks = {
        "location-without-team": not location.team,
        "location-without-dates": location.start is None or location.end is None,
        "location-without-runbook": not location.runbook,
    }
    findings = [Finding(rule, "locations", location.name, msg(rule, lang)) for rule, hit in checks.items() if hit]
    findings += _period(location, lang)
    if location.phase == Phase.finished:
        for rule, hit in (
            ("finished-location-without-evaluation", not location.evaluations),
            ("finished-location-without-intake", not location.intake),
        ):
            if hit:
                findings.append(Finding(rule, "locations", location.name, msg(rule, lang)))
    reason = _phase_reason(location, today, lang)
    if reason:
        text = msg("phase-contradicts-dates", lang, phase=location.phase.label(lang), reason=reason)
        findings.append(Finding("phase-contradicts-dates", "locations", location.name, text))
    for activity in location.runbook:
        if activity.status in (Status.done, Status.cancelled):
            continue
        missing = [msg("person", lang)] if not activity.person.strip() else []
        if activity.start is None and activity.end is None:
            missing.append(msg("date", lang))
        if missing:
            item = f"{location.name}: {short(activity.activity)}"
            text = msg("runbook-activity-incomplete", lang, missing=msg("and", lang).join(missing))
            findings.append(Finding("runbook-activity-incomplete", "locations", item, text))
    return findings


def _approach_item(plan: Plan, lang: str) -> str:
    approach = plan.basics.approach
    return msg("approach_item", lang, approach=approach.label(lang)) if approach else ""


PARTIES = ("care_provider", "client", "funder", "innovator")
"""The four parties of a four-party conversation, as fields of ``Conversation``."""


def conversation_item(conversation: Conversation, lang: str) -> str:
    """How findings name a conversation: by its date."""
    if conversation.date is None:
        return msg("conversation_undated", lang)
    return msg("conversation", lang, date=format_date(conversation.date, lang))


def _listed(words: list[str], lang: str) -> str:
    """ "a", "a en b", "a, b en c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + msg("and", lang) + words[-1]


def _conversations(plan: Plan, locations: list[Location], lang: str, today: dt.date) -> list[Finding]:
    """A four-party conversation before the first location starts; each one complete and followed up."""
    findings = []
    first = schedule(plan, locations).start or plan.spread.rollout.start
    dated = sorted(c.date for c in plan.conversations if c.date is not None)
    if locations or plan.spread.rollout.start is not None:
        item = msg("first_location", lang)
        if not dated:
            start = msg("on_date", lang, date=format_date(first, lang)) if first else ""
            text = msg("no-four-party-conversation", lang, start=start)
            findings.append(Finding("no-four-party-conversation", "conversations", item, text))
        elif first is not None and dated[0] > first:
            text = msg(
                "four-party-conversation-late", lang, date=format_date(dated[0], lang), start=format_date(first, lang)
            )
            findings.append(Finding("four-party-conversation-late", "conversations", item, text))
    for conversation in plan.conversations:
        item = conversation_item(conversation, lang)
        if conversation.date is None:
            findings.append(
                Finding("conversation-without-date", "conversations", item, msg("conversation-without-date", lang))
            )
        missing = [msg(f"party_{party}", lang) for party in PARTIES if not getattr(conversation, party).strip()]
        if missing:
            text = msg("conversation-party-missing", lang, parties=_listed(missing, lang))
            findings.append(Finding("conversation-party-missing", "conversations", item, text))
        if not conversation.assumptions:
            rule = "conversation-without-assumptions"
            findings.append(Finding(rule, "conversations", item, msg(rule, lang)))
        held = conversation.date is not None and conversation.date <= today
        for assumption in conversation.assumptions:
            about = msg("assumption_item", lang, conversation=item, text=short(assumption.assumption))
            if assumption.outcome is None and held:
                findings.append(
                    Finding("assumption-untested", "conversations", about, msg("assumption-untested", lang))
                )
            elif assumption.outcome in (AssumptionOutcome.not_confirmed, AssumptionOutcome.adjusted) and not (
                assumption.follow_up.strip()
            ):
                text = msg("assumption-without-follow-up", lang, outcome=assumption.outcome.label(lang).lower())
                findings.append(Finding("assumption-without-follow-up", "conversations", about, text))
    return findings


def _wave_name(name: str | None, lang: str) -> str:
    return msg("wave", lang, name=name) if name is not None else msg("no_wave", lang)


def _top_down(plan: Plan, locations: list[Location], lang: str) -> list[Finding]:
    """Central steering: waves one after the other, a sponsor with power, a central contact per location."""
    findings = []
    if locations and not plan.spread.rollout.waves:
        findings.append(
            Finding("top-down-without-waves", "spread", _approach_item(plan, lang), msg("top-down-without-waves", lang))
        )
    spans = wave_spans(schedule(plan, locations)) if plan.spread.rollout.waves else []
    for previous, span in zip(spans, spans[1:], strict=False):
        if span.start < previous.end:
            text = msg(
                "top-down-waves-overlap",
                lang,
                wave=_wave_name(span.name, lang),
                previous=_wave_name(previous.name, lang),
                start=format_date(span.start, lang),
                end=format_date(previous.end, lang),
            )
            findings.append(Finding("top-down-waves-overlap", "spread", span.name or _approach_item(plan, lang), text))
    if not any(s.power >= HIGH_POWER and s.position == Position.supporter for s in plan.stakeholders):
        findings.append(
            Finding(
                "top-down-without-sponsor",
                "stakeholders",
                _approach_item(plan, lang),
                msg("top-down-without-sponsor", lang),
            )
        )
    rule = "top-down-location-without-contact"
    findings += [
        Finding(rule, "locations", loc.name, msg(rule, lang)) for loc in locations if not loc.central_contact.strip()
    ]
    return findings


def _in_sequence(plan: Plan) -> bool:
    """True when the spread has two or more dated phases and none overlaps another."""
    dated = sorted((p.start, p.end) for p in plan.spread.phases if p.start is not None and p.end is not None)
    return len(dated) >= 2 and all(later[0] > earlier[1] for earlier, later in zip(dated, dated[1:], strict=False))


def _bottom_up(plan: Plan, locations: list[Location], lang: str) -> list[Finding]:
    """Local ownership: every location names its own owner and its own targets; phases may overlap."""
    findings = []
    if _in_sequence(plan):
        findings.append(
            Finding(
                "bottom-up-phases-in-sequence",
                "spread",
                _approach_item(plan, lang),
                msg("bottom-up-phases-in-sequence", lang),
            )
        )
    for location in locations:
        checks = {
            "bottom-up-location-without-owner": not location.local_owner.strip(),
            "bottom-up-location-without-targets": not location.targets,
        }
        findings += [Finding(rule, "locations", location.name, msg(rule, lang)) for rule, hit in checks.items() if hit]
    return findings


def approach_findings(plan: Plan, locations: Iterable[Location] = (), lang: str | None = None) -> list[Finding]:
    """The advice that follows the approach of step 1: central steering top-down, local ownership
    bottom-up; nothing for a mixed approach or none chosen."""
    lang = lang or language()
    match plan.basics.approach:
        case Approach.top_down:
            return _top_down(plan, list(locations), lang)
        case Approach.bottom_up:
            return _bottom_up(plan, list(locations), lang)
    return []


def lint_plan(
    plan: Plan, locations: Iterable[Location] = (), lang: str | None = None, today: dt.date | None = None
) -> list[Finding]:
    """Everything in `plan` and its `locations` worth a second look on `today`, section by section."""
    lang = lang or language()
    today = today or dt.date.today()
    locations = list(locations)
    findings = _context(plan, lang) + _goals(plan, locations, lang)
    findings += _open_actions("communication", "", plan.communication.actions, lang)
    findings += _stakeholders(plan, lang) + _conversations(plan, locations, lang, today)
    findings += _open_actions("sustainment", "", plan.sustainment.actions, lang)
    for location in locations:
        findings += _location(location, lang, today)
    return findings + approach_findings(plan, locations, lang)
