"""The ``workbook`` command: English command names, Dutch output by default."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from importlib.metadata import version

from workbook.errors import WorkbookError
from workbook.language.i18n import LANGUAGES, Messages, set_language
from workbook.settings import configure_logging

# Each module registers its sub-command(s) with ``register(subparsers)``; the command names it registers.
COMMANDS = {
    "new": ("new",),
    "location": ("location",),
    "export": ("export",),
    "check": ("check",),
    "fields": ("fields",),
    "demo": ("demo",),
    "import_": ("import",),
    "build": ("build",),
    "lab": ("lab", "workshop"),
    "hub": ("hub",),
    "history": ("history", "restore", "mark"),
    "portfolio": ("portfolio",),
}

msg = Messages(
    {
        "description": (
            "Het implementatiewerkboek: schrijf een implementatieplan, rol het uit per locatie en rapporteer.",
            "The implementation workbook: write an implementation plan, roll it out per location and report.",
        ),
        "lang": ("taal van de uitvoer (nl of en)", "language of the output (nl or en)"),
        "verbose": (
            "laat zien wat het werkboek doet (-vv: met details); standaard alleen waarschuwingen",
            "show what the workbook does (-vv: with details); by default only warnings",
        ),
        "error": ("Fout", "Error"),
    }
)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered, or only the module of `command`.

    Registering one command imports only its module: ``workbook build`` then starts without
    loading what ``check`` or ``export`` need (matplotlib, the analysis modules).
    """
    parser = argparse.ArgumentParser(prog="workbook", description=msg("description"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('workbook')}")
    parser.add_argument("--lang", choices=LANGUAGES, help=msg("lang"))
    parser.add_argument("-v", "--verbose", action="count", default=0, help=msg("verbose"))
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = [module for module, names in COMMANDS.items() if command in names] or list(COMMANDS)
    for module in modules:
        import_module(f"workbook.cli.{module}").register(subparsers)
    return parser


def _command(argv: list[str]) -> str | None:
    """The sub-command `argv` names: its first argument that is not an option (or --lang's value)."""
    words = [arg for i, arg in enumerate(argv) if not arg.startswith("-") and (i == 0 or argv[i - 1] != "--lang")]
    return words[0] if words else None


def _verbosity_first(argv: list[str]) -> list[str]:
    """`argv` with ``-v``/``-vv``/``--verbose`` moved to the front, so they may also follow the command."""
    verbose = [arg for arg in argv if arg == "--verbose" or (arg.startswith("-v") and set(arg[1:]) == {"v"})]
    return verbose + [arg for arg in argv if arg not in verbose]


def _early_language(argv: list[str]) -> None:
    """Honour --lang before the parser is built, so that --help is in the chosen language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            set_language(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            set_language(arg.split("=", 1)[1])


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = _verbosity_first(sys.argv[1:] if argv is None else argv)
    _early_language(argv)
    parser = build_parser(_command(argv))
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
    try:
        return args.run(args) or 0
    except WorkbookError as error:
        print(f"{msg('error')}:\n{error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """Let ``--lang`` also follow a sub-command (``workbook check DIR --lang en``)."""
    parser.add_argument("--lang", choices=LANGUAGES, help=msg("lang"), default=argparse.SUPPRESS)
