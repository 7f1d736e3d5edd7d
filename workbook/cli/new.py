"""``workbook new DIR --name … --organisation …``: create a project folder."""

from __future__ import annotations

import argparse

from workbook.cli import add_lang_option
from workbook.language.i18n import Messages
from workbook.project.schema import write_editor_files
from workbook.project.store import Project

msg = Messages(
    {
        "help": ("maak een nieuwe werkboekmap", "create a new workbook folder"),
        "dir": ("de map die gemaakt wordt", "the folder to create"),
        "name": ("naam van het project", "name of the project"),
        "organisation": ("naam van de organisatie", "name of the organisation"),
        "done": (
            "Werkboek '{name}' gemaakt in {path}.\nVolgende stap: voeg een locatie toe met\n"
            '  workbook location add {path} "Naam van de locatie"',
            "Workbook '{name}' created in {path}.\nNext step: add a location with\n"
            '  workbook location add {path} "Location name"',
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--name", required=True, help=msg("name"))
    parser.add_argument("--organisation", required=True, help=msg("organisation"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = Project.create(args.dir, args.name, args.organisation)
    write_editor_files(project.root)
    print(msg("done", name=args.name, path=project.root))
    return 0
