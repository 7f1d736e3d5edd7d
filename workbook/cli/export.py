"""``workbook export DIR --format docx|xlsx``: the plan as Word, the tables as Excel."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbook.cli import add_lang_option
from workbook.cli.location import resolve_location
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.portfolio.store import PortfolioFolder, is_portfolio
from workbook.project.store import Project

if TYPE_CHECKING:
    from workbook.report.audience import Audience

msg = Messages(
    {
        "help": (
            "exporteer het plan naar Word (docx) of de tabellen naar Excel (xlsx)",
            "export the plan to Word (docx) or the tables to Excel (xlsx)",
        ),
        "dir": (
            "de werkboekmap, of een portefeuillemap (alleen xlsx: het overzicht en het jaarplan)",
            "the workbook folder, or a portfolio folder (xlsx only: the overview and the year plan)",
        ),
        "format": ("docx (Word) of xlsx (Excel)", "docx (Word) or xlsx (Excel)"),
        "location": (
            "de code of naam van een locatie: Word neemt haar draaiboek, team, metingen en evaluatie op; "
            "Excel bevat dan alleen haar draaiboek en metingen (om in te vullen en weer in te lezen)",
            "a location's code or name: Word adds its runbook, team, measurements and evaluation; Excel then "
            "holds only its runbook and measurements (to fill in and read back)",
        ),
        "out": (
            "het bestand dat gemaakt wordt (standaard in build/export/ van de werkboekmap)",
            "the file to write (default: in the workbook folder's build/export/)",
        ),
        "audience": (
            "de versie voor één publiek: bestuur (board), team of clientenraad (council); de cliëntenraad "
            "leest geen namen van medewerkers. Zonder deze optie: de volledige versie voor de werkgroep",
            "the version for one audience: board (bestuur), team or council (clientenraad); the client council "
            "reads no staff names. Without it: the full version for the working group",
        ),
        "written": ("Geschreven: {path}", "Written: {path}"),
        "portfolio_xlsx_only": (
            "{path} is een portefeuillemap: die gaat naar Excel (--format xlsx), met het overzicht en het jaarplan. "
            "Voor Word: exporteer een project, bijvoorbeeld {path}/projecten/CODE",
            "{path} is a portfolio folder: it goes to Excel (--format xlsx), with the overview and the year plan. "
            "For Word: export a project, for example {path}/projecten/CODE",
        ),
        "portfolio_no_option": (
            "{option} geldt voor een project, niet voor een portefeuille; laat het weg of exporteer een project "
            "({path}/projecten/CODE)",
            "{option} is for a project, not for a portfolio; leave it out or export a project ({path}/projecten/CODE)",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--format", choices=("docx", "xlsx"), required=True, help=msg("format"))
    parser.add_argument("--location", metavar="CODE", default="", help=msg("location"))
    parser.add_argument("--audience", metavar="NAME", type=_audience, default=None, help=msg("audience"))
    parser.add_argument("--out", metavar="FILE", help=msg("out"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from workbook.exchange.docx_export import export_docx
    from workbook.exchange.xlsx_export import export_xlsx

    if is_portfolio(args.dir):
        return run_portfolio(args)
    project = Project.open(args.dir)
    location = resolve_location(project, args.location) if args.location else ""
    export = export_docx if args.format == "docx" else export_xlsx
    path = export(project, args.out, location=location, lang=language(), audience=args.audience)
    print(msg("written", path=path))
    return 0


def run_portfolio(args: argparse.Namespace) -> int:
    """A portfolio folder: its overview and year plan as one Excel file (for one audience, if asked)."""
    from workbook.exchange.xlsx_portfolio import export_portfolio_xlsx

    if args.format != "xlsx":
        raise WorkbookError(msg("portfolio_xlsx_only", path=args.dir))
    if args.location:
        raise WorkbookError(msg("portfolio_no_option", option="--location", path=args.dir))
    path = export_portfolio_xlsx(PortfolioFolder.open(args.dir), args.out, lang=language(), audience=args.audience)
    print(msg("written", path=path))
    return 0


def _audience(name: str) -> Audience:
    """An audience for ``--audience``, as ``workbook build`` reads it (aliases board, council, ...)."""
    from workbook.report.audience import parse_audience

    try:
        return parse_audience(name)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
