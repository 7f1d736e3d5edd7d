"""``workbook history``, ``restore`` and ``mark``: the kept versions of a project, and going back."""

from __future__ import annotations

import argparse
import datetime as dt

from babel.dates import format_date as format_day

from workbook.cli import add_lang_option
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.language.locale import InvalidDate, babel_locale, format_date, parse_date
from workbook.model.steps import STEPS
from workbook.portfolio.store import PROJECTS_DIR, PortfolioFolder, is_portfolio
from workbook.project.restore import restore
from workbook.project.store import Project
from workbook.versions.changes import Change, file_kind
from workbook.versions.history import entries
from workbook.versions.store import FOUND, IMPORTED, RESTORE, Version, VersionStore

msg = Messages(
    {
        "help": (
            "toon wat er veranderd is, veld voor veld, per bewaarde versie",
            "show what changed, field by field, per kept version",
        ),
        "restore_help": (
            "zet een eerdere versie terug (dat wordt zelf een nieuwe versie)",
            "put an earlier version back (itself a new version)",
        ),
        "mark_help": (
            "geef de huidige versie een label, bijvoorbeeld 'Terugkomdag 9 april'",
            "label the current version, for example 'Return day 9 April'",
        ),
        "dir": (
            "de werkboekmap, of een portefeuillemap (de versies van portefeuille.yaml)",
            "the workbook folder, or a portfolio folder (the versions of portefeuille.yaml)",
        ),
        "projects_hint": (
            "Dit is de geschiedenis van {file}: besluiten, statussen, scores en uren. Die van één project: "
            "workbook history {dir}/{projects}/CODE",
            "This is the history of {file}: decisions, statuses, scores and hours. That of one project: "
            "workbook history {dir}/{projects}/CODE",
        ),
        "no_location": (
            "--location geldt voor een project, niet voor een portefeuille: workbook history {dir}/{projects}/CODE "
            "--location {location}",
            "--location is for a project, not for a portfolio: workbook history {dir}/{projects}/CODE "
            "--location {location}",
        ),
        "since": (
            "alleen wat er veranderd is sinds een datum (9-4-2026 of 9 april 2026) of een label",
            "only what changed since a date (9-4-2026 or 9 April 2026) or a label",
        ),
        "location": ("alleen deze locatie (code)", "only this location (code)"),
        "version": (
            "het versienummer uit 'workbook history', of een label",
            "the version number from 'workbook history', or a label",
        ),
        "file": (
            "alleen dit bestand, bijvoorbeeld werkboek.yaml of locaties/de-linde.yaml (mag vaker)",
            "only this file, for example werkboek.yaml or locaties/de-linde.yaml (may be repeated)",
        ),
        "label": ("de tekst van het label", "the text of the label"),
        "header": ("Versie {id} · {date} · {author}", "Version {id} · {date} · {author}"),
        "labelled": ("label '{label}'", "label '{label}'"),
        "first": ("eerste bewaarde versie", "first kept version"),
        FOUND: ("buiten het werkboek gewijzigd", "changed outside the workbook"),
        IMPORTED: ("overgenomen uit .history", "taken over from .history"),
        RESTORE: ("teruggezet", "put back"),
        "unknown_author": ("onbekend", "unknown"),
        "line": ("{change} · {time} · stap {step}", "{change} · {time} · step {step}"),
        "line_no_step": ("{change} · {time}", "{change} · {time}"),
        "nothing": ("Geen wijzigingen sinds {since}.", "No changes since {since}."),
        "no_versions": ("Er zijn nog geen versies bewaard.", "No versions have been kept yet."),
        "bad_since": (
            "'{since}' is geen datum en geen label; geef een datum als 9-4-2026 of 9 april 2026, "
            "of een label: {labels}",
            "'{since}' is neither a date nor a label; give a date like 9-4-2026 or 9 April 2026, or a label: {labels}",
        ),
        "no_labels": ("(nog geen labels)", "(no labels yet)"),
        "restored": (
            "Versie {id} van {date} is teruggezet: {files}. Dat is nu versie {new}.",
            "Version {id} of {date} has been put back: {files}. That is now version {new}.",
        ),
        "removed": ("verwijderd: {files}", "removed: {files}"),
        "undo": ("Ongedaan maken: workbook restore {dir} {previous}", "To undo: workbook restore {dir} {previous}"),
        "already": (
            "Versie {id} is gelijk aan wat er nu staat; er is niets veranderd.",
            "Version {id} is the same as what is there now; nothing changed.",
        ),
        "marked": ("Label '{label}' staat op versie {id} ({date}).", "Label '{label}' is on version {id} ({date})."),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    history = subparsers.add_parser("history", help=msg("help"), description=msg("help"))
    history.add_argument("dir", metavar="DIR", help=msg("dir"))
    history.add_argument("--since", metavar="DATE|LABEL", help=msg("since"))
    history.add_argument("--location", metavar="CODE", default="", help=msg("location"))
    add_lang_option(history)
    history.set_defaults(run=run_history)

    back = subparsers.add_parser("restore", help=msg("restore_help"), description=msg("restore_help"))
    back.add_argument("dir", metavar="DIR", help=msg("dir"))
    back.add_argument("version", metavar="VERSION", help=msg("version"))
    back.add_argument("--file", metavar="F", action="append", help=msg("file"))
    add_lang_option(back)
    back.set_defaults(run=run_restore)

    mark = subparsers.add_parser("mark", help=msg("mark_help"), description=msg("mark_help"))
    mark.add_argument("dir", metavar="DIR", help=msg("dir"))
    mark.add_argument("label", metavar="LABEL", help=msg("label"))
    add_lang_option(mark)
    mark.set_defaults(run=run_mark)


def open_folder(directory: str) -> Project | PortfolioFolder:
    """The project, or the portfolio, whose versions are asked for."""
    return PortfolioFolder.open(directory) if is_portfolio(directory) else Project.open(directory)


def run_history(args: argparse.Namespace) -> int:
    project = open_folder(args.dir)
    if args.location:
        if isinstance(project, PortfolioFolder):
            raise WorkbookError(msg("no_location", dir=args.dir, projects=PROJECTS_DIR, location=args.location))
        project.location_path(args.location)  # refuses a code that is not one
    try:
        with project.locked():
            project.versions.snapshot()  # what was changed by hand since the last save, too
            project.versions.pack()
    except (WorkbookError, OSError):
        pass  # a folder we may not write to: show the versions kept so far
    store = project.versions
    if not store.versions():
        print(msg("no_versions"))
        return 0
    since = since_point(store, args.since) if args.since else None
    print("\n".join(history_lines(store, since, args.location, language())) or msg("nothing", since=args.since))
    if isinstance(project, PortfolioFolder):
        print(msg("projects_hint", file=project.path.name, dir=args.dir, projects=PROJECTS_DIR))
    return 0


def history_lines(
    store: VersionStore, since: Version | dt.datetime | None, location: str = "", lang: str = "nl"
) -> list[str]:
    """The history as printed: a header per version, then one line per change."""
    lines = []
    for entry in entries(store, since, location, lang):
        version = entry.version
        lines.append(version_header(version, lang))
        when = _local(version.when).strftime("%H:%M")
        for change in entry.changes:
            step = step_of(change)
            key = "line" if step else "line_no_step"
            lines.append("  " + msg(key, lang, change=change.text(lang), time=when, step=step))
    return lines


def version_header(version: Version, lang: str) -> str:
    """'Versie 4dc9aae · donderdag 9 april 2026 · Anna de Vries', with its labels and kind."""
    when = format_day(_local(version.when).date(), "EEEE d MMMM y", locale=babel_locale(lang))
    header = msg("header", lang, id=version.short, date=when, author=version.author or msg("unknown_author", lang))
    notes = [msg("labelled", lang, label=label) for label in version.labels]
    if version.parent is None:
        notes.append(msg("first", lang))
    elif version.kind in (FOUND, IMPORTED, RESTORE):
        notes.append(msg(version.kind, lang))
    return " · ".join([header, *notes])


def step_of(change: Change) -> int | None:
    """The number of the step where this change is made (none for a portfolio's file)."""
    kind = file_kind(change.file)
    if kind == "portfolio":
        return None
    if kind != "plan":
        return STEPS["locatie"].number
    return next((s.number for s in STEPS.values() if change.section in {x.name for x in s.sections}), None)


def since_point(store: VersionStore, text: str) -> Version | dt.datetime:
    """The label's version, or the start of the day a date names (local time)."""
    wanted = " ".join(text.split()).casefold()
    for label, version in store.label_list():
        if label.casefold() == wanted:
            return version
    try:
        day = parse_date(text)
    except InvalidDate:
        labels = ", ".join(f"'{label}'" for label, _ in store.label_list()) or msg("no_labels")
        raise WorkbookError(msg("bad_since", since=text, labels=labels)) from None
    return dt.datetime.combine(day, dt.time()).astimezone()


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def run_restore(args: argparse.Namespace) -> int:
    project = open_folder(args.dir)
    store = project.versions
    with project.locked():
        store.snapshot()
        version = store.resolve(args.version)
        previous = store.versions()[-1]
        done = restore(project, version, args.file)
        store.pack()
    date = format_date(_local(version.when), language()) + " " + _local(version.when).strftime("%H:%M")
    if not done.written and not done.removed:
        print(msg("already", id=version.short))
        return 0
    files = ", ".join(done.written) or "-"
    print(msg("restored", id=version.short, date=date, files=files, new=store.versions()[-1].short))
    if done.removed:
        print(msg("removed", files=", ".join(done.removed)))
    print(msg("undo", dir=args.dir, previous=previous.short))
    return 0


def run_mark(args: argparse.Namespace) -> int:
    project = open_folder(args.dir)
    with project.locked():
        version = project.versions.mark(args.label)
        project.versions.pack()
    date = format_date(_local(version.when), language())
    print(msg("marked", label=" ".join(args.label.split()), id=version.short, date=date))
    return 0
