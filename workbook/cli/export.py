"""``workbook export DIR --format docx|xlsx``: the plan as Word, the tables as Excel."""

from __future__ import annotations

import argparse

from workbook.cli import add_lang_option
from workbook.i18n import Messages, language
from workbook.store import Project

msg = Messages(
    {
        "help": (
            "exporteer het plan naar Word (docx) of de tabellen naar Excel (xlsx)",
            "export the plan to Word (docx) or the tables to Excel (xlsx)",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "format": ("docx (Word) of xlsx (Excel)", "docx (Word) or xlsx (Excel)"),
        "location": (
            "neem ook deze locatie op (alleen bij docx; de code van de locatie)",
            "include this location as well (docx only; the location's code)",
        ),
        "out": (
            "het bestand dat gemaakt wordt (standaard in build/export/ van de werkboekmap)",
            "the file to write (default: in the workbook folder's build/export/)",
        ),
        "location_xlsx": (
            "--location hoort bij --format docx; het Excel-bestand bevat alle locaties al",
            "--location belongs with --format docx; the Excel file already holds every location",
        ),
        "written": ("Geschreven: {path}", "Written: {path}"),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--format", choices=("docx", "xlsx"), required=True, help=msg("format"))
    parser.add_argument("--location", metavar="SLUG", default="", help=msg("location"))
    parser.add_argument("--out", metavar="FILE", help=msg("out"))
    add_lang_option(parser)
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from workbook.exchange.docx_export import export_docx
    from workbook.exchange.xlsx_export import export_xlsx

    project = Project.open(args.dir)
    if args.format == "docx":
        path = export_docx(project, args.out, location=args.location, lang=language())
    else:
        if args.location:
            args.parser.error(msg("location_xlsx"))
        path = export_xlsx(project, args.out, lang=language())
    print(msg("written", path=path))
    return 0
