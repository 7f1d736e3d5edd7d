"""``workbook location add|set|runbook``: locations from the command line, by name or by code."""

from __future__ import annotations

import argparse
import datetime as dt

from workbook.cli import add_lang_option
from workbook.errors import WorkbookError
from workbook.files.slugs import slugify
from workbook.language.i18n import Messages, language
from workbook.language.locale import InvalidDate, format_count, format_date, parse_date
from workbook.model import Location, Phase, RunbookActivity, RunbookTemplateActivity
from workbook.project.file_checks import name_key
from workbook.project.store import Project

msg = Messages(
    {
        "help": ("beheer de locaties van een werkboek", "manage the locations of a workbook"),
        "add_help": ("voeg een locatie toe en toon de code", "add a location and print its code"),
        "set_help": (
            "zet de fase, de start of het einde van een locatie",
            "set the phase, the start or the end of a location",
        ),
        "runbook_help": (
            "vul het draaiboek van een locatie met de activiteiten uit het sjabloon van het plan",
            "fill a location's runbook with the activities of the plan's template",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "name": ("naam van de locatie", "name of the location"),
        "code": ("de code of de naam van de locatie", "the location's code or name"),
        "phase": (
            "de fase: {choices} (code of naam)",
            "the phase: {choices} (code or name)",
        ),
        "start": ("de startdatum, bijvoorbeeld 1-7-2027 of 1 juli 2027", "the start date, for example 2027-07-01"),
        "end": ("de einddatum, bijvoorbeeld 31-12-2027", "the end date, for example 2027-12-31"),
        "from_template": ("neem het sjabloon van het plan over", "take over the plan's template"),
        "empty_name": (
            'de naam van de locatie is leeg; geef een naam, bijvoorbeeld "\'t Veenhuys"',
            "the location's name is empty; give a name, for example \"'t Veenhuys\"",
        ),
        "exists": (
            "de locatie '{name}' bestaat al, met de code {code}; kies een andere naam of gebruik {code}",
            "the location '{name}' already exists, with the code {code}; choose another name or use {code}",
        ),
        "unknown": (
            "onbekende locatie '{text}'; bekende locaties: {known}",
            "unknown location '{text}'; known locations: {known}",
        ),
        "no_locations": (
            "onbekende locatie '{text}'; dit werkboek heeft nog geen locaties (voeg er een toe met "
            "'workbook location add')",
            "unknown location '{text}'; this workbook has no locations yet (add one with 'workbook location add')",
        ),
        "bad_phase": (
            "--phase: onbekende fase '{got}'; kies uit: {choices}",
            "--phase: unknown phase '{got}'; choose from: {choices}",
        ),
        "bad_date": ("--{option}: {problem}", "--{option}: {problem}"),
        "end_before_start": (
            "--end: het einde ({end}) ligt vóór de start ({start})",
            "--end: the end ({end}) is before the start ({start})",
        ),
        "nothing_to_set": (
            "geef minstens één van --phase, --start of --end",
            "give at least one of --phase, --start or --end",
        ),
        "set_done": ("{name} ({code}): {changes}", "{name} ({code}): {changes}"),
        "change": ("{label} {value}", "{label} {value}"),
        "unchanged": ("{name} ({code}): niets veranderd", "{name} ({code}): nothing changed"),
        "no_template": (
            "het plan heeft nog geen draaiboek-sjabloon (runbook_template); vul het eerst in",
            "the plan has no runbook template yet (runbook_template); fill it in first",
        ),
        "copied": (
            "{activities} uit het sjabloon toegevoegd aan het draaiboek van {name} ({code}).",
            "{activities} from the template added to the runbook of {name} ({code}).",
        ),
        "activity": ("activiteit", "activity"),
        "activities": ("activiteiten", "activities"),
        "no_dates": (
            "De locatie heeft nog geen startdatum, dus de activiteiten hebben nog geen datum; "
            "zet die met: workbook location set DIR {code} --start DATUM",
            "The location has no start date yet, so the activities have no dates; "
            "set it with: workbook location set DIR {code} --start DATE",
        ),
        "skipped": (
            "Al in het draaiboek, niet nog eens toegevoegd: {names}.",
            "Already in the runbook, not added again: {names}.",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("location", help=msg("help"), description=msg("help"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help=msg("add_help"), description=msg("add_help"))
    add.add_argument("dir", metavar="DIR", help=msg("dir"))
    add.add_argument("name", metavar="NAME", help=msg("name"))
    add_lang_option(add)
    add.set_defaults(run=run_add)

    choices = ", ".join(f"{phase.value} ({phase.label()})" for phase in Phase)
    set_ = actions.add_parser("set", help=msg("set_help"), description=msg("set_help"))
    set_.add_argument("dir", metavar="DIR", help=msg("dir"))
    set_.add_argument("code", metavar="CODE", help=msg("code"))
    set_.add_argument("--phase", help=msg("phase", choices=choices))
    set_.add_argument("--start", metavar="DATUM", help=msg("start"))
    set_.add_argument("--end", metavar="DATUM", help=msg("end"))
    add_lang_option(set_)
    set_.set_defaults(run=run_set)

    runbook = actions.add_parser("runbook", help=msg("runbook_help"), description=msg("runbook_help"))
    runbook.add_argument("dir", metavar="DIR", help=msg("dir"))
    runbook.add_argument("code", metavar="CODE", help=msg("code"))
    runbook.add_argument("--from-template", action="store_true", required=True, help=msg("from_template"))
    add_lang_option(runbook)
    runbook.set_defaults(run=run_runbook)


# --- finding a location --------------------------------------------------------------------------


def readable_locations(project: Project) -> list[Location]:
    """Every location whose file can be read (a broken one is `workbook check`'s to report)."""
    locations = []
    for slug in project.location_slugs():
        try:
            locations.append(project.load_location(slug))
        except WorkbookError:
            continue
    return locations


def resolve_location(project: Project, text: str) -> str:
    """The code of the location `text` names: its code, or its name in any case, with or without
    accents and punctuation ("'t veenhuys", "T Veenhuys"); a message listing the known locations
    when it names none."""
    slugs = project.location_slugs()
    if text in slugs:
        return text
    if not slugs:
        raise WorkbookError(msg("no_locations", text=text))
    locations = readable_locations(project)
    for same in (lambda name: name_key(name) == name_key(text), lambda name: slugify(name) == slugify(text)):
        if found := [loc.slug for loc in locations if same(loc.name)]:
            return found[0]
    known = ", ".join(f"{loc.slug} ({loc.name})" for loc in locations)
    raise WorkbookError(msg("unknown", text=text, known=known))


def resolve_locations(project: Project, texts: list[str] | None) -> list[str] | None:
    """`resolve_location` for each of `texts` (None stays None: every location)."""
    return None if texts is None else [resolve_location(project, text) for text in texts]


# --- add -----------------------------------------------------------------------------------------


def run_add(args: argparse.Namespace) -> int:
    print(add_location(Project.open(args.dir), args.name).slug)
    return 0


def add_location(project: Project, name: str) -> Location:
    """A new location named `name`; refuses an empty name and a name a location already has."""
    name = name.strip()
    if not name:
        raise WorkbookError(msg("empty_name"))
    with project.locked():
        for location in readable_locations(project):
            if name_key(location.name) == name_key(name):
                raise WorkbookError(msg("exists", name=location.name, code=location.slug))
        return project.add_location(name)


# --- set -----------------------------------------------------------------------------------------


def run_set(args: argparse.Namespace) -> int:
    project = Project.open(args.dir)
    slug = resolve_location(project, args.code)
    changes = _wanted_changes(args)
    with project.locked():
        location = project.load_location(slug)
        start = changes.get("start", location.start)
        end = changes.get("end", location.end)
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            raise WorkbookError(msg("end_before_start", end=_date(end), start=_date(start)))
        changed = {name: value for name, value in changes.items() if getattr(location, name) != value}
        for name, value in changed.items():
            setattr(location, name, value)
        if changed:
            project.save_location(location)
    if not changed:
        print(msg("unchanged", name=location.name, code=slug))
        return 0
    described = ", ".join(msg("change", label=_label(name), value=_shown(value)) for name, value in changed.items())
    print(msg("set_done", name=location.name, code=slug, changes=described))
    return 0


def _wanted_changes(args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {}
    if args.phase is not None:
        try:
            # a lookup by code; mypy takes Choice.__new__ (how members are declared) for the call
            changes["phase"] = Phase(args.phase.strip())  # type: ignore[call-arg]
        except ValueError:
            choices = ", ".join(f"{p.value} ({p.label(language())})" for p in Phase)
            raise WorkbookError(msg("bad_phase", got=args.phase, choices=choices)) from None
    for option in ("start", "end"):
        text = getattr(args, option)
        if text is not None:
            try:
                changes[option] = parse_date(text, language())
            except InvalidDate as problem:
                raise WorkbookError(msg("bad_date", option=option, problem=problem)) from None
    if not changes:
        raise WorkbookError(msg("nothing_to_set"))
    return changes


def _label(name: str) -> str:
    from workbook.model.fields import field_label

    return field_label(Location, name, language()).lower()


def _shown(value: object) -> str:
    if isinstance(value, Phase):
        return value.label(language())
    return _date(value) if isinstance(value, dt.date) else str(value)


def _date(value: dt.date) -> str:
    return format_date(value, language())


# --- runbook -------------------------------------------------------------------------------------


def run_runbook(args: argparse.Namespace) -> int:
    project = Project.open(args.dir)
    slug = resolve_location(project, args.code)
    with project.locked():
        template = project.load_plan().runbook_template
        if not template:
            raise WorkbookError(msg("no_template"))
        location = project.load_location(slug)
        present = {name_key(activity.activity) for activity in location.runbook}
        new = [_from_template(item, location.start) for item in template if name_key(item.activity) not in present]
        skipped = [item.activity for item in template if name_key(item.activity) in present]
        if new:
            location.runbook = [*location.runbook, *new]
            project.save_location(location)
    activities = format_count(len(new), msg("activity"), msg("activities"))
    print(msg("copied", activities=activities, name=location.name, code=slug))
    if skipped:
        print(msg("skipped", names=", ".join(f"'{name}'" for name in skipped)))
    if new and location.start is None:
        print(msg("no_dates", code=slug))
    return 0


def _from_template(item: RunbookTemplateActivity, start: dt.date | None) -> RunbookActivity:
    """A runbook activity from a template activity; week 1 starts on the location's start date. An
    activity planned back from the end keeps that: the location dates it from its end date."""
    from_end = item.weeks_before_end is not None
    when = start + dt.timedelta(weeks=item.week - 1) if start and not from_end else None
    return RunbookActivity(
        activity=item.activity,
        weeks_before_end=item.weeks_before_end,
        start=when,
        one_off_cost=item.one_off_cost,
        structural_cost=item.structural_cost,
    )
