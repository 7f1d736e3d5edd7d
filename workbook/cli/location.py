"""``workbook location add DIR NAME``: add a location and print its slug."""

from __future__ import annotations

import argparse

from workbook.cli import add_lang_option
from workbook.i18n import Messages
from workbook.store import Project

msg = Messages(
    {
        "help": ("beheer de locaties van een werkboek", "manage the locations of a workbook"),
        "add_help": ("voeg een locatie toe en toon de code", "add a location and print its code"),
        "dir": ("de werkboekmap", "the workbook folder"),
        "name": ("naam van de locatie", "name of the location"),
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


def run_add(args: argparse.Namespace) -> int:
    location = Project.open(args.dir).add_location(args.name)
    print(location.slug)
    return 0
