"""``workbook demo [DIR]``: put a copy of the demo organisation in DIR and say what to do next.

Running it again on an earlier demo copy is fine: that copy is left exactly as it is, so changes
made while trying things out are kept (delete the folder to start afresh). A folder that is not
a demo copy is never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from workbook.cli import add_lang_option
from workbook.cli.build import build_and_report
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.project.schema import write_editor_files
from workbook.project.store import LOCATIONS_DIR, MEASUREMENTS_DIR, PLAN_FILE, Project
from workbook.resources import demo_dir

DEFAULT_DIR = "demo-werkboek"

msg = Messages(
    {
        "help": (
            "zet een voorbeeldwerkboek (een verzonnen zorgorganisatie) klaar om mee te oefenen",
            "set up an example workbook (an invented care organisation) to practise with",
        ),
        "dir": (
            f"de map voor het voorbeeld (standaard: {DEFAULT_DIR})",
            f"the folder for the example (default: {DEFAULT_DIR})",
        ),
        "not_demo": (
            "{path} bestaat al en is geen (leesbare) kopie van het demowerkboek; er wordt niets overschreven. "
            "Kies een andere map, bijvoorbeeld: workbook demo {suggestion}",
            "{path} already exists and is not a (readable) copy of the demo workbook; nothing is overwritten. "
            "Choose another folder, for example: workbook demo {suggestion}",
        ),
        "copied": (
            "Het demowerkboek van {organisation} staat klaar in {path}",
            "The demo workbook of {organisation} is ready in {path}",
        ),
        "reused": (
            "Er staat al een demowerkboek van {organisation} in {path}; het blijft zoals het is.\n"
            "Opnieuw beginnen? Verwijder die map en geef dit commando nog een keer.",
            "A demo workbook of {organisation} is already in {path}; it is left as it is.\n"
            "Start afresh? Delete that folder and run this command again.",
        ),
        "look": (
            "\nKijk hierin:\n"
            "  {plan:<16}het implementatieplan: doelen, stakeholders, uitrol en borging\n"
            "  {locations:<16}{count} locaties, van afgerond tot gepland, elk in een eigen bestand\n"
            "  {measurements:<16}de metingen per locatie (CSV, opent ook in Excel)",
            "\nHave a look at:\n"
            "  {plan:<16}the implementation plan: goals, stakeholders, rollout and sustainment\n"
            "  {locations:<16}{count} locations, from finished to planned, each in its own file\n"
            "  {measurements:<16}the measurements per location (CSV, also opens in Excel)",
        ),
        "portfolio": (
            "zet in plaats daarvan een voorbeeldportefeuille klaar: het jaar van een commissie met zeven projecten",
            "set up an example portfolio instead: a committee's year with seven projects",
        ),
        "next": (
            "\nVolgende stap:\n  workbook check {path}\n"
            "controleert het plan en geeft advies, bijvoorbeeld over een doel dat nog niet SMART is.",
            "\nNext step:\n  workbook check {path}\n"
            "checks the plan and gives advice, for example about a goal that is not SMART yet.",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", nargs="?", default=DEFAULT_DIR, help=msg("dir"))
    parser.add_argument("--portfolio", metavar="DIR", help=msg("portfolio"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.portfolio:
        from workbook.cli.portfolio import run_demo

        return run_demo(args.portfolio)
    target = Path(args.dir)
    reused = is_demo_copy(target)
    project = Project.open(prepare_demo(target))
    organisation = project.load_plan().basics.institution
    print(msg("reused" if reused else "copied", organisation=organisation, path=project.root))
    print(
        msg(
            "look",
            plan=PLAN_FILE,
            locations=f"{LOCATIONS_DIR}/",
            measurements=f"{MEASUREMENTS_DIR}/",
            count=len(project.location_slugs()),
        )
    )
    print(msg("next", path=f'"{args.dir}"' if " " in args.dir else args.dir))
    print()
    return build_and_report(project)


def prepare_demo(target: Path) -> Path:
    """The demo project folder at `target`: copied there, or an earlier demo copy left as it is.

    Refuses (WorkbookError) a folder that holds anything else. The copy appears whole or not at
    all: it is made next to `target` and then renamed into place.
    """
    if is_demo_copy(target):
        return target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise WorkbookError(msg("not_demo", path=target, suggestion=_free_name(target)))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        copy = staging / "demo"
        # copyfile, not copy2: an installed (read-only) package must not make the copy read-only.
        skip = shutil.ignore_patterns(".*", "__pycache__", "*.py", "build")
        shutil.copytree(demo_dir(), copy, ignore=skip, copy_function=shutil.copyfile)
        write_editor_files(copy)
        if target.exists():
            target.rmdir()
        os.replace(copy, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target.resolve()


def is_demo_copy(folder: Path) -> bool:
    """True when `folder` holds a readable plan of the demo organisation's project."""
    if not (folder / PLAN_FILE).is_file():
        return False
    try:
        plan = Project(folder).load_plan().basics
    except WorkbookError:
        return False
    demo = Project(demo_dir()).load_plan().basics
    return (plan.institution, plan.project_name) == (demo.institution, demo.project_name)


def _free_name(target: Path) -> str:
    """A sibling folder name that does not exist yet, to suggest instead of `target`."""
    n = 2
    while target.with_name(f"{target.name}-{n}").exists():
        n += 1
    return str(target.with_name(f"{target.name}-{n}"))
