"""The advice of ``workbook check``: plan lint, SMART and references that lead nowhere, each
placed in the file it is about. Advice only; nothing here blocks."""

from __future__ import annotations

import datetime as dt
import re

from workbook.analysis.deid import probable_persons, public_words
from workbook.analysis.lint import Finding, goal_item, lint_plan
from workbook.analysis.smart import Outcome, check_goal
from workbook.language.i18n import Messages
from workbook.language.locale import format_date
from workbook.model import Location, Plan
from workbook.project.store import LOCATIONS_DIR, PLAN_FILE, Project

msg = Messages(
    {
        "unknown_goal": (
            "verwijst naar doel '{ref}', dat niet in het plan staat; bekende doelen: {known}",
            "refers to goal '{ref}', which is not in the plan; known goals: {known}",
        ),
        "unknown_factor": (
            "verwijst naar factor '{ref}', die niet in de contextdiagnose staat; bekende factoren: {known}",
            "refers to factor '{ref}', which is not in the context diagnosis; known factors: {known}",
        ),
        "unknown_location": (
            "verwijst naar locatie '{ref}', die niet bestaat; bekende locaties: {known}",
            "refers to location '{ref}', which does not exist; known locations: {known}",
        ),
        "not_in_wave": (
            "deze locatie staat in geen enkele golf van de uitrol",
            "this location is in no wave of the rollout",
        ),
        "measurement": ("meting van {date}", "measurement of {date}"),
        "client_number": (
            "De reden noemt een aantal cliënten ('{words}'); naast een reden kan een klein aantal naar één persoon "
            "wijzen, en het rapport toont het aantal al in de kolom ernaast (onder de 5 als 'minder dan 5'). "
            "Schrijf de reden zonder aantal.",
            "The reason names a number of clients ('{words}'); next to a reason a small number can point to one "
            "person, and the report already shows the count beside it (under 5 as 'fewer than 5'). Write the "
            "reason without a number.",
        ),
        "criterion": ("Criterium '{name}'", "Criterion '{name}'"),
        "change": ("Bijstelling van {date}", "Revision of {date}"),
        "change_undated": ("Bijstelling zonder datum", "Revision without a date"),
        "at_line": ("{where}, regel {number}", "{where}, line {number}"),
        "person_in_text": (
            "De cliëntenraad leest deze tekst; er staat waarschijnlijk een naam, kamernummer of datum in die naar "
            "een persoon wijst ('{words}'). Het rapport voor de cliëntenraad vervangt die door [naam], [kamer] of "
            "[datum]; schrijf de tekst liever zonder.",
            "The client council reads this text; it probably holds a name, room number or date that points to a "
            "person ('{words}'). The client council's report replaces it with [naam], [kamer] or [datum]; better "
            "write the text without.",
        ),
        "smart": ("SMART, {criterion}", "SMART, {criterion}"),
        "smart_hint": ("SMART, tip", "SMART, hint"),
        "none": ("(geen)", "(none)"),
        "S": ("specifiek", "specific"),
        "M": ("meetbaar", "measurable"),
        "A": ("acceptabel", "acceptable"),
        "R": ("realistisch", "realistic"),
        "T": ("tijdgebonden", "time-bound"),
    }
)


def project_advice(project: Project, plan: Plan, locations: list[Location]) -> list[Finding]:
    """Every piece of advice on `plan` and `locations`, with the file of `project` it is about."""
    advice = _lint(project, plan, locations) + _smart(plan) + _references(project, plan, locations)
    return advice + _client_numbers(project, locations) + _persons_in_free_text(project, plan, locations)


def _location_files(project: Project, locations: list[Location]) -> dict[str, str]:
    return {location.name: project.relative(project.location_path(location.slug)) for location in locations}


def _lint(project: Project, plan: Plan, locations: list[Location]) -> list[Finding]:
    files = _location_files(project, locations)
    return [_placed(finding, files) for finding in lint_plan(plan, locations)]


def _placed(finding: Finding, files: dict[str, str]) -> Finding:
    """A lint finding placed in its file; location findings go to the location's own file."""
    if finding.section != "locations":
        return finding.in_file(PLAN_FILE)
    # Location items are "Name" or "Name: activity"; the longest matching name wins.
    matches = [n for n in files if finding.item == n or finding.item.startswith(f"{n}: ")]
    name = max(matches, key=len, default="")
    item = finding.item.removeprefix(f"{name}: ") if finding.item != name else name
    section = "runbook" if finding.rule.startswith("runbook") else finding.section
    return Finding(finding.rule, section, item, finding.message, files.get(name, LOCATIONS_DIR))


def _smart(plan: Plan) -> list[Finding]:
    """What the SMART check says about each goal: criteria not met, open questions, hints."""
    advice = []
    for goal in plan.goals:
        item = goal_item(goal)
        verdict = check_goal(goal)
        for criterion in verdict.criteria.values():
            if criterion.outcome != Outcome.met:
                label = msg("smart", criterion=msg(criterion.criterion))
                rule = f"smart-{criterion.criterion.lower()}"
                advice.append(Finding(rule, "goals", item, f"{label}: {criterion.reason}", PLAN_FILE))
        advice += [
            Finding("smart-hint", "goals", item, f"{msg('smart_hint')}: {hint}", PLAN_FILE) for hint in verdict.hints
        ]
    return advice


def _references(project: Project, plan: Plan, locations: list[Location]) -> list[Finding]:
    """Numbers and codes that point at nothing: unknown goals, factors and locations."""
    goals = [g.id for g in plan.goals]
    advice = _plan_references(plan, goals, project.location_slugs())
    in_waves = {slug for wave in plan.spread.rollout.waves for slug in wave.locations}
    for location in locations:
        advice += _location_references(project, location, goals, in_waves)
    return advice


def _plan_references(plan: Plan, goals: list[str], slugs: list[str]) -> list[Finding]:
    factors = [f.id for f in plan.context.factors]
    advice = []
    for i, goal in enumerate(plan.goals):
        for j, action in enumerate(goal.actions):
            where = f"goals[{i}].actions[{j}].factor_id"
            advice += _unknown(PLAN_FILE, where, action.factor_id, factors, "unknown_factor")
    for i, point in enumerate(plan.context.swot):
        for j, factor_id in enumerate(point.factor_ids):
            advice += _unknown(PLAN_FILE, f"context.swot[{i}].factor_ids[{j}]", factor_id, factors, "unknown_factor")
    for i, item in enumerate(plan.data_collection):
        advice += _unknown(PLAN_FILE, f"data_collection[{i}].goal_id", item.goal_id, goals, "unknown_goal")
    for i, wave in enumerate(plan.spread.rollout.waves):
        for j, slug in enumerate(wave.locations):
            advice += _unknown(PLAN_FILE, f"spread.rollout.waves[{i}].locations[{j}]", slug, slugs, "unknown_location")
    return advice


def _location_references(project: Project, location: Location, goals: list[str], in_waves: set[str]) -> list[Finding]:
    file = project.relative(project.location_path(location.slug))
    advice = []
    if in_waves and location.slug not in in_waves:
        advice.append(Finding("location-not-in-wave", "references", location.name, msg("not_in_wave"), file))
    for i, target in enumerate(location.targets):
        advice += _unknown(file, f"targets[{i}].goal_id", target.goal_id, goals, "unknown_goal")
    csv_file = project.relative(project.measurements_path(location.slug))
    for m in location.measurements:
        advice += _unknown(
            csv_file, msg("measurement", date=format_date(m.date, style="medium")), m.goal_id, goals, "unknown_goal"
        )
    return advice


def _unknown(file: str, where: str, ref: str, known: list[str], key: str) -> list[Finding]:
    """Advice when `ref` is filled in but not one of `known`."""
    if not ref or ref in known:
        return []
    message = msg(key, ref=ref, known=", ".join(known) or msg("none"))
    return [Finding(key.replace("_", "-"), "references", where, message, file)]


NUMBER_WORDS = [
    "een",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]
NUMBER = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
CLIENT_WORDS = r"(?:cli[eë]nt(?:en)?|bewoners?|deelnemers?|pati[eë]nt(?:en)?|mensen|personen)"
CLIENT_NUMBER = re.compile(rf"\b{NUMBER}\s+(?:\w+\s+)?{CLIENT_WORDS}\b", re.IGNORECASE)
"""A number (digits or a Dutch number word up to twenty) just before a word for clients, with at
most one word between ("twee cliënten", "3 oudere bewoners")."""


def client_number(text: str) -> str:
    """The words in `text` that give a number of clients ("twee cliënten"), or "" when there are none.

    "een cliënt" alone is not a number: it is the article ("een cliënt die ...").
    """
    for match in CLIENT_NUMBER.finditer(text):
        words = match.group(0)
        if words.split()[0].lower() != "een":
            return words
    return ""


def _revision(date: dt.date | None) -> str:
    """How advice names a revision of the clients: by its date."""
    return msg("change", date=format_date(date, style="medium")) if date else msg("change_undated")


def _client_numbers(project: Project, locations: list[Location]) -> list[Finding]:
    """Reasons beside a client count that name a number of clients themselves: advice, since the
    report's small-cell protection cannot hide a number written in the text."""
    advice = []
    for location in locations:
        file = project.relative(project.location_path(location.slug))
        reasons = [(msg("criterion", name=c.criterion), c.reason) for c in location.clients.criteria]
        reasons += [(_revision(c.date), c.reason) for c in location.clients.changes]
        for where, reason in reasons:
            words = client_number(reason)
            if words:
                advice.append(
                    Finding("reason-names-client-number", "clients", where, msg("client_number", words=words), file)
                )
    return advice


def location_free_text(location: Location) -> list[tuple[str, str, str]]:
    """The free text of `location` that the client council reads: (section, field path, text)."""
    texts = [("clients", f"clients.criteria[{i}].reason", c.reason) for i, c in enumerate(location.clients.criteria)]
    texts += [("clients", f"clients.changes[{i}].reason", c.reason) for i, c in enumerate(location.clients.changes)]
    for i, e in enumerate(location.experiences):
        texts += [("experiences", f"experiences[{i}].description", e.description)]
        texts += [("experiences", f"experiences[{i}].lesson", e.lesson)]
    for i, ev in enumerate(location.evaluations):
        texts += [
            ("evaluations", f"evaluations[{i}].{name}", getattr(ev, name))
            for name in ("achieved", "learned", "feedback")
        ]
    texts += [("intake", f"intake[{i}].role", intake.role) for i, intake in enumerate(location.intake)]
    return texts


def _persons_in_free_text(project: Project, plan: Plan, locations: list[Location]) -> list[Finding]:
    """Free text for the client council that probably names a person (a name, a room, a date of
    birth): advice, since the council's report only shows it de-identified."""
    advice = []
    for location in locations:
        file = project.relative(project.location_path(location.slug))
        known = public_words(plan, location)
        for section, where, text in location_free_text(location):
            for number, line in enumerate(text.splitlines() or [text], start=1):
                words = probable_persons(line, known)
                if words:
                    item = where if len(text.splitlines()) <= 1 else msg("at_line", where=where, number=number)
                    message = msg("person_in_text", words="', '".join(words))
                    advice.append(Finding("free-text-names-person", section, item, message, file))
    return advice
