"""``workbook import DIR FILE --location CODE``: read measurements from a CSV or Excel file into a location."""

from __future__ import annotations

import argparse

from workbook.cli import add_lang_option
from workbook.cli.location import resolve_location
from workbook.language.i18n import Messages
from workbook.project.store import Project

msg = Messages(
    {
        "help": (
            "lees metingen in uit een CSV- of Excel-bestand (kolommen Datum, Doel, Waarde, Toelichting)",
            "read measurements from a CSV or Excel file (columns Datum, Doel, Waarde, Toelichting)",
        ),
        "description": (
            "Lees metingen in voor één locatie. Het bestand heeft de kolommen Datum (dd-mm-jjjj), Doel "
            "(bijvoorbeeld D1), Waarde (12,5 of 45%) en eventueel Toelichting. Een meting met dezelfde datum "
            "en hetzelfde doel vervangt de oude. Is één regel fout, dan wordt niets opgeslagen.",
            "Read measurements for one location. The file has the columns Datum (dd-mm-yyyy), Doel "
            "(for example D1), Waarde (12.5 or 45%) and optionally Toelichting. A measurement with the same "
            "date and goal replaces the old one. If one row is wrong, nothing is saved.",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "file": ("het CSV- of Excel-bestand (.csv, .txt, .xlsx)", "the CSV or Excel file (.csv, .txt, .xlsx)"),
        "location": (
            'de code of naam van de locatie, bijvoorbeeld de-linde of "De Linde"',
            'the location\'s code or name, for example de-linde or "De Linde"',
        ),
        "sheet": (
            "het blad in het Excel-bestand (standaard: het blad 'Metingen')",
            "the sheet in the Excel file (default: the sheet 'Metingen')",
        ),
        "check": ("alleen controleren, niets opslaan", "only check, save nothing"),
        "skip": (
            "sla regels over waarvan de kolom Locatie een andere locatie noemt (bijvoorbeeld in een export "
            "met alle locaties)",
            "skip rows whose Locatie column names another location (for example in an export of all locations)",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help=msg("help"), description=msg("description"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("file", metavar="FILE", help=msg("file"))
    parser.add_argument("--location", required=True, metavar="CODE", help=msg("location"))
    parser.add_argument("--sheet", metavar="NAME", help=msg("sheet"))
    parser.add_argument("--check", action="store_true", help=msg("check"))
    parser.add_argument("--skip-other-locations", action="store_true", help=msg("skip"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from workbook.importer import import_measurements  # here, so other commands start without openpyxl

    project = Project.open(args.dir)
    result = import_measurements(
        project,
        args.file,
        resolve_location(project, args.location),
        sheet=args.sheet,
        save=not args.check,
        skip_other_locations=args.skip_other_locations,
    )
    print(result.summary())
    return 0
