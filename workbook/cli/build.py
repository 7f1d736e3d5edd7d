"""``workbook build DIR``: a report per location, the plan report and an overview, in DIR/build/reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli import add_lang_option
from workbook.cli.location import resolve_locations
from workbook.errors import WorkbookError
from workbook.exchange.pdf import PdfUnavailable
from workbook.language.i18n import Messages, language
from workbook.portfolio.store import is_portfolio
from workbook.project.store import Project
from workbook.report.audience import Audience, parse_audience

if TYPE_CHECKING:
    from workbook.build.pipeline import BuildResult
    from workbook.build.portfolio import PortfolioBuild
    from workbook.model.portfolio import PortfolioProject

msg = Messages(
    {
        "help": (
            "maak de rapporten: één per locatie, het plan en een overzicht (alleen wat veranderd is)",
            "make the reports: one per location, the plan and an overview (only what changed)",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "location": (
            "alleen deze locatie (code of naam); mag vaker gegeven worden",
            "only this location (code or name); may be given more than once",
        ),
        "jobs": (
            "hoeveel rapporten tegelijk (standaard: het aantal processorkernen)",
            "how many reports at the same time (default: the number of processor cores)",
        ),
        "force": ("maak alles opnieuw, ook wat niet veranderd is", "rebuild everything, also what did not change"),
        "pdf": ("druk elk rapport ook af als PDF (A4)", "also print every report to PDF (A4)"),
        "audience": (
            "alleen de rapporten voor dit publiek: bestuur (board), team of clientenraad (council); mag vaker "
            "gegeven worden (standaard: alle drie, elk in een eigen map)",
            "only the reports for this audience: board (bestuur), team or council (clientenraad); may be given "
            "more than once (default: all three, each in a folder of its own)",
        ),
        "audiences": ("Per publiek: {folders}", "Per audience: {folders}"),
        "counts": (
            "Rapporten gemaakt: {built}; ongewijzigd en overgeslagen: {skipped}; mislukt: {failed}.",
            "Reports made: {built}; unchanged and skipped: {skipped}; failed: {failed}.",
        ),
        "failed_header": ("Niet gelukt:", "Failed:"),
        "plan": ("het plan", "the plan"),
        "kept": (
            "    Het vorige rapport blijft staan; het overzicht markeert het als verouderd.",
            "    The previous report is kept; the overview marks it as out of date.",
        ),
        "none_kept": (
            "    Er is nog geen eerder rapport van; het overzicht meldt de fout.",
            "    There is no earlier report; the overview shows the error.",
        ),
        "notebook": (
            "    De uitgevoerde notebook met de fout: {path}",
            "    The executed notebook with the error: {path}",
        ),
        "pdfs": ("PDF's gemaakt: {count}.", "PDFs made: {count}."),
        "html_ready": ("De HTML-rapporten zijn wel klaar.", "The HTML reports are ready all the same."),
        "overview": ("Overzicht: {path}", "Overview: {path}"),
        "ignored": (
            "Let op, deze bestanden zijn niet gelezen (zie ook workbook check):",
            "Note, these files were not read (see also workbook check):",
        ),
        "building": ("Project {name} ({code}):", "Project {name} ({code}):"),
        "pages": (
            "Overzicht van de portefeuille: {index}\nJaarplan: {yearplan}",
            "Overview of the portfolio: {index}\nYear plan: {yearplan}",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("build", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--location", action="append", dest="locations", metavar="SLUG", help=msg("location"))
    parser.add_argument("--jobs", type=int, metavar="N", help=msg("jobs"))
    parser.add_argument("--force", action="store_true", help=msg("force"))
    parser.add_argument("--pdf", action="store_true", help=msg("pdf"))
    parser.add_argument("--audience", action="append", dest="audiences", type=_audience, help=msg("audience"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if is_portfolio(args.dir):
        return build_portfolio_and_report(args.dir, args.jobs, args.force, args.audiences)
    project = Project.open(args.dir)
    locations = resolve_locations(project, args.locations)
    audiences = tuple(dict.fromkeys(args.audiences)) if args.audiences else tuple(Audience)
    return build_and_report(project, locations, args.jobs, args.force, args.pdf, audiences)


def _audience(name: str) -> Audience:
    try:
        return parse_audience(name)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_and_report(
    project: Project,
    locations: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    pdf: bool = False,
    audiences: tuple[Audience, ...] = tuple(Audience),
) -> int:
    """Build, print what happened and where the overview is; 1 when any report failed."""
    from workbook.build.pipeline import build

    result = build(project, locations=locations, jobs=jobs, force=force, lang=language(), audiences=audiences)
    print(summary(project, result))
    folders = ", ".join(str(result.layout.audience_reports(audience) / "index.html") for audience in audiences)
    print(msg("audiences", folders=folders))
    pdf_failed = False
    if pdf:
        try:
            print(msg("pdfs", count=len(print_pdfs(result.layout.reports))))
        except PdfUnavailable as error:
            print(f"{error}\n{msg('html_ready')}", file=sys.stderr)
            pdf_failed = True
    print(msg("overview", path=result.index))
    return 1 if result.failed or pdf_failed else 0


def summary(project: Project, result: BuildResult) -> str:
    """What was built, what was skipped, and what failed and why."""
    lines = [msg("counts", built=len(result.built), skipped=len(result.skipped), failed=len(result.failed))]
    if result.failed:
        lines.append(msg("failed_header"))
    for outcome in result.failed:
        target = outcome.target
        lines.append(f"  - {_name(project, target.slug)}: {outcome.error}")
        lines.append(msg("kept") if target.report(result.layout).is_file() else msg("none_kept"))
        if target.failed(result.layout).is_file():
            lines.append(msg("notebook", path=target.failed(result.layout)))
    if result.ignored:
        lines.append(msg("ignored"))
        lines += [f"  - {problem}" for problem in result.ignored]
    return "\n".join(lines)


def _name(project: Project, slug: str) -> str:
    """A location's name and code, or just its code when its file cannot be read; the plan's label."""
    if not slug:
        return msg("plan")
    try:
        return f"{project.load_location(slug).name} ({slug})"
    except WorkbookError:
        return slug


def print_pdfs(reports: Path) -> list[Path]:
    """Print the reports (and every audience's) whose PDF is missing or older than the report (Chromium, offline)."""
    from workbook.exchange.pdf import outdated, print_reports

    pages = [*sorted(reports.glob("*.html")), *sorted(reports.glob("*/*.html"))]
    return print_reports(outdated(pages))


def build_portfolio_and_report(
    directory: str, jobs: int | None = None, force: bool = False, audiences: list | None = None
) -> int:
    """Build every project and the committee's pages; print per project and where the pages are."""
    from workbook.build.portfolio import build_portfolio
    from workbook.portfolio.store import PortfolioFolder

    folder = PortfolioFolder.open(directory)
    chosen = tuple(dict.fromkeys(audiences)) if audiences else tuple(Audience)

    def report(entry: PortfolioProject, outcome: PortfolioBuild) -> None:
        print(msg("building", name=entry.name or entry.code, code=entry.code))
        if entry.code in outcome.errors:
            print(f"  {outcome.errors[entry.code]}")
        else:
            result = outcome.results[entry.code]
            print("\n".join(f"  {line}" for line in summary(folder.project(entry.code), result).splitlines()))

    outcome = build_portfolio(folder, jobs=jobs, force=force, lang=language(), audiences=chosen, on_project=report)
    print(msg("pages", index=outcome.index, yearplan=outcome.yearplan))
    folders = ", ".join(str(outcome.audience_reports(audience) / "index.html") for audience in chosen)
    print(msg("audiences", folders=folders))
    return 1 if outcome.failed else 0
