"""``workbook check DIR``: validate every file of a workbook folder and give advice on the plan.

Errors are what the workbook cannot read (bad YAML, wrong types, files it would ignore); they
make the exit code 1. Advice (plan lint, SMART checks, references that lead nowhere) never does.
Every problem in every file is reported, not just the first.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from workbook.analysis.advice import project_advice
from workbook.analysis.completeness import next_step
from workbook.analysis.lint import Finding
from workbook.cli import add_lang_option
from workbook.errors import Problem, WorkbookError
from workbook.language.i18n import Messages
from workbook.language.locale import format_count
from workbook.model import Location
from workbook.portfolio.store import PortfolioFolder, is_portfolio
from workbook.project.file_checks import ignored_files, location_problems, plan_problems
from workbook.project.schema import refresh_editor_files
from workbook.project.store import Project
from workbook.versions.store import STORE_DIR

T = TypeVar("T")
K = TypeVar("K")

msg = Messages(
    {
        "help": (
            "controleer een werkboekmap: fouten en advies per bestand",
            "check a workbook folder: errors and advice per file",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "repair": (
            "zet kapotte versies (in .versies) opzij, zodat er weer versies bewaard worden",
            "set broken versions (in .versies) aside, so that versions are kept again",
        ),
        "repaired": ("Hersteld", "Repaired"),
        "set_aside": (
            "de kapotte versies staan nu in {aside}; de volgende opslag begint nieuwe versies "
            "bij de bestanden zoals ze nu zijn",
            "the broken versions are now in {aside}; the next save starts new versions from the files as they are now",
        ),
        "title": ("Controle van {path}", "Check of {path}"),
        "errors": ("Fouten (moeten opgelost worden)", "Errors (must be fixed)"),
        "advice": ("Advies (niet verplicht)", "Advice (optional)"),
        "line": ("regel {line}", "line {line}"),
        "field": ("veld {field}", "field {field}"),
        "summary_ok": (
            "Samenvatting: {files} gecontroleerd, geen fouten, {advice}. Het werkboek is in orde.",
            "Summary: {files} checked, no errors, {advice}. The workbook is in order.",
        ),
        "summary_unfinished": (
            "Samenvatting: {files} gecontroleerd, geen fouten, {advice}. De bestanden zijn goed te lezen; "
            "het plan is nog niet af; de volgende stap staat hierboven.",
            "Summary: {files} checked, no errors, {advice}. The files can be read; the plan is not finished "
            "yet; the next step is above.",
        ),
        "summary_bad": (
            "Samenvatting: {files} gecontroleerd, {errors} in {bad}, {advice}. Los de fouten op en controleer opnieuw.",
            "Summary: {files} checked, {errors} in {bad}, {advice}. Fix the errors and check again.",
        ),
        "check_title": ("Controle van de portefeuille {path}", "Check of the portfolio {path}"),
        "check_file": ("{file}:", "{file}:"),
        "check_ok": ("  in orde", "  valid"),
        "check_project": ("Project {name} ({folder}):", "Project {name} ({folder}):"),
        "check_all_ok": (
            "Samenvatting: geen fouten in de portefeuille en in {projects}; het advies per project staat hierboven.",
            "Summary: no errors in the portfolio and in {projects}; the advice per project is above.",
        ),
        "check_bad": (
            "Samenvatting: {parts} met fouten; los ze op en controleer opnieuw.",
            "Summary: {parts} with errors; fix them and check again.",
        ),
        "project": ("project", "project"),
        "projects": ("projecten", "projects"),
        "part": ("onderdeel", "part"),
        "parts": ("onderdelen", "parts"),
        "file": ("bestand", "file"),
        "files": ("bestanden", "files"),
        "error": ("fout", "error"),
        "errors_n": ("fouten", "errors"),
        "advice_1": ("advies", "piece of advice"),
        "advice_n": ("adviezen", "pieces of advice"),
    }
)


def _count(count: int, one: str, other: str) -> str:
    """ "1 bestand", "2 bestanden": the count with the word in its plural form (through Babel)."""
    return format_count(count, msg(one), msg(other))


@dataclass
class Report:
    """Everything `workbook check` found in one workbook folder."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    advice: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    """What the check put right by itself (leftovers of a save that was cut off)."""
    next_step: str = ""
    """The one thing to do next in the plan (empty when the plan is complete or unreadable)."""

    @property
    def valid(self) -> bool:
        return not self.problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--repair", action="store_true", help=msg("repair"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if is_portfolio(args.dir):
        return check_portfolio(args.dir, args.repair)
    project = Project.open(args.dir)
    refresh_editor_files(project.root)  # the editor's schemas follow this version's model
    report = check_project(project, repair=args.repair)
    print(msg("title", path=project.root))
    print("\n".join(format_report(report)))
    return 0 if report.valid else 1


def check_portfolio(directory: str, repair: bool = False) -> int:
    """Check portefeuille.yaml and every project in it, per project; 0 when all can be read."""
    from workbook.portfolio.store import PORTFOLIO_FILE, PROJECTS_DIR

    folder = PortfolioFolder.open(directory)
    print(msg("check_title", path=folder.root))
    bad = 0
    try:
        portfolio = folder.load()
    except WorkbookError as error:
        print(msg("check_file", file=PORTFOLIO_FILE))
        print("\n".join(f"  - {problem}" for problem in error.problems))
        return 1
    problems = folder.folder_problems(portfolio)
    versions = Report()
    _check_versions(versions, folder, repair)  # the versions of portefeuille.yaml, as a project's
    problems += versions.problems
    print(msg("check_file", file=PORTFOLIO_FILE))
    print("\n".join(f"  - {problem}" for problem in problems) if problems else msg("check_ok"))
    if versions.repaired:
        print("\n".join([msg("repaired"), *(f"  - {note}" for note in versions.repaired)]))
    bad += bool(problems)
    for entry in portfolio.projects:
        if entry.code not in folder.project_codes():
            continue
        project = folder.project(entry.code)
        refresh_editor_files(project.root)
        result = check_project(project, repair=repair)
        print("\n" + msg("check_project", name=entry.name or entry.code, folder=f"{PROJECTS_DIR}/{entry.code}/"))
        print("\n".join(f"  {line}" if line else "" for line in format_report(result)))
        bad += not result.valid
    projects = format_count(len(portfolio.projects), msg("project"), msg("projects"))
    parts = format_count(bad, msg("part"), msg("parts"))
    print("\n" + (msg("check_all_ok", projects=projects) if not bad else msg("check_bad", parts=parts)))
    return 1 if bad else 0


# --- collecting ----------------------------------------------------------------------------------


def check_project(project: Project, repair: bool = False) -> Report:
    """Validate every file of `project` and its versions, then give advice on what could be read.

    Leftovers of a save that was cut off are cleared from the versions; with `repair` a version
    store that cannot be read is set aside (kept, renamed) so that saving starts a new one.
    """
    report = Report(files=1)
    _check_versions(report, project, repair)
    plan = _load(report, project.load_plan)
    locations = [loc for slug in project.location_slugs() if (loc := _check_location(report, project, slug))]
    ignored = ignored_files(project)
    report.files += len(ignored)
    report.problems += ignored
    report.problems += location_problems(project, locations)
    if plan is not None:
        report.problems += plan_problems(plan, project.plan_path.read_text(encoding="utf-8-sig"))
        report.advice += project_advice(project, plan, locations)
        todo = next_step(plan, locations)
        report.next_step = todo.text if todo else ""
    return report


def _check_versions(report: Report, project: Project | PortfolioFolder, repair: bool) -> None:
    """Heal and verify the version store in ``.versies`` of a project or portfolio (when there is one)."""
    store = project.versions
    if not store.exists():
        return
    try:
        with project.locked():
            try:
                report.repaired += store.heal()
                found = store.verify()
            except WorkbookError as error:
                found = [p.message for p in error.problems]
            if found and repair:
                aside = store.set_aside()
                report.repaired.append(msg("set_aside", aside=aside.relative_to(project.root).as_posix()))
                found = []
    except WorkbookError:  # busy or read-only: check without repairing
        found = store.verify()
    report.problems += [Problem(file=f"{STORE_DIR}/", message=message) for message in found]


def _check_location(report: Report, project: Project, slug: str) -> Location | None:
    """Location `slug`, or None; the problems of its YAML and of its measurements go to `report`."""
    measurements = project.measurements_path(slug)
    report.files += 1 + measurements.is_file()
    location = _load(report, lambda: project.load_location(slug))
    csv_file = project.relative(measurements)
    if location is None and not any(p.file == csv_file for p in report.problems):
        # The YAML failed before the measurements were read: read them on their own.
        _load(report, lambda: project.load_measurements(slug))
    return location


def _load(report: Report, loader: Callable[[], T]) -> T | None:
    """The result of `loader`, or None with its problems added to `report`."""
    try:
        return loader()
    except WorkbookError as error:
        report.problems += error.problems
        return None


# --- output --------------------------------------------------------------------------------------


def format_report(report: Report) -> list[str]:
    """The report as readable lines: errors per file, advice per file and section, a summary."""
    lines = []
    if report.problems:
        lines += ["", msg("errors")]
        for file, problems in _grouped(report.problems, lambda p: p.file):
            lines.append(f"  {file}")
            lines += [f"    - {_where(p)}{p.message}" for p in problems]
    if report.advice:
        lines += ["", msg("advice")]
        for (file, section), advice in _grouped(report.advice, lambda a: (a.file, a.section_label())):
            lines.append(f"  {file} › {section}")
            for item, same_item in _grouped(advice, lambda a: a.item):
                lines.append(f"    {item}")
                lines += [f"      - {a.message}" for a in same_item]
    if report.repaired:
        lines += ["", msg("repaired")]
        lines += [f"  - {note}" for note in report.repaired]
    lines.append("")
    if report.next_step:
        lines.append(report.next_step)
    files = _count(report.files, "file", "files")
    advised = _count(len(report.advice), "advice_1", "advice_n")
    if not report.valid:
        errors = _count(len(report.problems), "error", "errors_n")
        bad = _count(len({p.file for p in report.problems}), "file", "files")
        lines.append(msg("summary_bad", files=files, errors=errors, bad=bad, advice=advised))
    elif report.next_step:  # readable, but not finished: never "in orde"
        lines.append(msg("summary_unfinished", files=files, advice=advised))
    else:
        lines.append(msg("summary_ok", files=files, advice=advised))
    return lines


def _where(problem: Problem) -> str:
    parts = []
    if problem.line is not None:
        parts.append(msg("line", line=problem.line))
    if problem.field:
        parts.append(msg("field", field=problem.field))
    return f"{', '.join(parts)}: " if parts else ""


def _grouped(items: Iterable[T], key: Callable[[T], K]) -> list[tuple[K, list[T]]]:
    """(key, items) pairs in order of first appearance."""
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())
