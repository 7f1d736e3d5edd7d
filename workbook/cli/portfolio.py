"""``workbook portfolio new DIR`` and ``workbook portfolio add DIR NAME``: a committee's portfolio of projects."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from workbook.cli import add_lang_option
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.language.locale import format_number
from workbook.model.portfolio import Capacity
from workbook.portfolio.store import PORTFOLIO_FILE, PROJECTS_DIR, PortfolioFolder

msg = Messages(
    {
        "help": (
            "een portefeuille: veel implementatieprojecten tegelijk, met een jaarplan voor de commissie",
            "a portfolio: many implementation projects at once, with a year plan for the committee",
        ),
        "new_help": ("maak een nieuwe portefeuillemap", "create a new portfolio folder"),
        "add_help": ("voeg een project toe aan de portefeuille", "add a project to the portfolio"),
        "dir": ("de portefeuillemap", "the portfolio folder"),
        "name": ("naam van de commissie", "name of the committee"),
        "project_name": ("naam van het project", "name of the project"),
        "organisation": ("naam van de organisatie", "name of the organisation"),
        "year": ("het jaar van het jaarplan (standaard: dit jaar)", "the year of the year plan (default: this year)"),
        "capacity": (
            "uren van het team per kwartaal: één getal voor elk kwartaal, of vier gescheiden door komma's "
            "(400,400,300,400)",
            "the team's hours per quarter: one number for every quarter, or four separated by commas (400,400,300,400)",
        ),
        "bad_capacity": (
            "--capacity verwacht één getal of vier getallen gescheiden door komma's, kreeg '{got}'",
            "--capacity expects one number or four numbers separated by commas, got '{got}'",
        ),
        "from": (
            "kopieer een bestaand project (de hele map, met zijn versies) in plaats van een nieuw te maken",
            "copy an existing project (the whole folder, with its versions) instead of making a new one",
        ),
        "created": (
            "Portefeuille '{name}' gemaakt in {path}, met {capacity} uur per kwartaal.\n"
            "Criteria en capaciteit staan in {file}; pas ze daar aan.\n"
            'Volgende stap: voeg een project toe met\n  workbook portfolio add {path} "Naam van het project"',
            "Portfolio '{name}' created in {path}, with {capacity} hours per quarter.\n"
            "Criteria and capacity are in {file}; change them there.\n"
            'Next step: add a project with\n  workbook portfolio add {path} "Project name"',
        ),
        "added": (
            "Project '{name}' staat in {folder}.\n"
            "Vul in {file} onder projects (code: {code}) de status, de gevraagde uren, het budget en de scores in.",
            "Project '{name}' is in {folder}.\n"
            "Fill in its status, hours asked, budget and scores in {file} under projects (code: {code}).",
        ),
        "demo_ready": (
            "De demoportefeuille van de {name} van {organisation} staat klaar in {path}: {count} projecten, "
            "van lopend tot afgewezen.\nDe projecten worden nu gebouwd, één voor één.",
            "The demo portfolio of the {name} of {organisation} is ready in {path}: {count} projects, "
            "from running to rejected.\nThe projects are built now, one by one.",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("portfolio", help=msg("help"), description=msg("help"))
    commands = parser.add_subparsers(dest="portfolio_command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help=msg("new_help"), description=msg("new_help"))
    new.add_argument("dir", metavar="DIR", help=msg("dir"))
    new.add_argument("--name", required=True, help=msg("name"))
    new.add_argument("--organisation", required=True, help=msg("organisation"))
    new.add_argument("--year", type=int, help=msg("year"))
    new.add_argument("--capacity", default="400", help=msg("capacity"))
    add_lang_option(new)
    new.set_defaults(run=run_new)

    add = commands.add_parser("add", help=msg("add_help"), description=msg("add_help"))
    add.add_argument("dir", metavar="DIR", help=msg("dir"))
    add.add_argument("name", metavar="NAME", help=msg("project_name"))
    add.add_argument("--from", dest="source", metavar="PATH", help=msg("from"))
    add_lang_option(add)
    add.set_defaults(run=run_add)


def parse_capacity(text: str) -> Capacity:
    """'400' (every quarter) or '400,400,300,400' (Q1 to Q4) as a Capacity."""
    parts = [part.strip() for part in text.split(",")]
    try:
        hours = [float(part) for part in parts]
    except ValueError:
        raise WorkbookError(msg("bad_capacity", got=text)) from None
    if len(hours) == 1:
        hours *= 4
    if len(hours) != 4 or any(not math.isfinite(h) or h < 0 for h in hours):
        raise WorkbookError(msg("bad_capacity", got=text))
    return Capacity(q1=hours[0], q2=hours[1], q3=hours[2], q4=hours[3])


def run_new(args: argparse.Namespace) -> int:
    capacity = parse_capacity(args.capacity)
    folder = PortfolioFolder.create(args.dir, args.name, args.organisation, args.year)
    portfolio = folder.load()
    portfolio.capacity = capacity
    folder.save(portfolio)
    shown = " / ".join(format_number(capacity.of(q), None, 0) for q in (1, 2, 3, 4))
    print(msg("created", name=args.name, path=args.dir, capacity=shown, file=PORTFOLIO_FILE))
    return 0


def run_add(args: argparse.Namespace) -> int:
    folder = PortfolioFolder.open(args.dir)
    entry = folder.add_project(args.name, source=args.source)
    print(msg("added", name=entry.name, folder=f"{PROJECTS_DIR}/{entry.code}/", file=PORTFOLIO_FILE, code=entry.code))
    return 0


def run_demo(directory: str) -> int:
    """``workbook demo --portfolio DIR``: the demo portfolio, then its build."""
    from workbook.portfolio.demo import prepare_demo_portfolio

    root = prepare_demo_portfolio(Path(directory))
    portfolio = PortfolioFolder.open(root).load()
    print(
        msg(
            "demo_ready",
            name=portfolio.name,
            organisation=portfolio.organisation,
            path=root,
            count=len(portfolio.projects),
        )
    )
    from workbook.cli.build import build_portfolio_and_report

    return build_portfolio_and_report(str(root))
