"""``workbook lab DIR`` (JupyterLab) and ``workbook workshop DIR`` (Voilà, no code): fill in the plan.

Both copy the step notebooks into ``DIR/stappen/`` (see ``workbook.steps.install``), bind the
project through the environment (``WORKBOOK_PROJECT``, ``WORKBOOK_INTERACTIVE=1``,
``WORKBOOK_LANG``) and print the address to open, with its token. No browser opens unless asked.

``workbook workshop PORTFOLIO`` serves all the portfolio's projects at once: the steps are copied
into ``PORTFOLIO/stappen/``, the portfolio is bound instead of a project (``WORKBOOK_PORTFOLIO``),
and each page works on the project its address names (see ``workbook.workshop.start_page``).
``workbook lab`` (and ``hub``) on a portfolio name its projects to open one at a time.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys

import psutil

from workbook.cli import add_lang_option
from workbook.cli.children import run_child
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_number
from workbook.model.steps import STEPS
from workbook.portfolio.store import PortfolioFolder, is_portfolio
from workbook.project.store import Project
from workbook.resources import labextensions_dir
from workbook.settings import INTERACTIVE_ENV, LANG_ENV, PORTFOLIO_ENV, PROJECT_ENV
from workbook.steps.install import STEPS_DIR, install_steps
from workbook.steps.lab_settings import lab_environment
from workbook.workshop.config import CULL_AFTER, KERNEL_MB, POOL_SIZE, waiting_pages
from workbook.workshop.menu import START_PATH

LAB_PORT = 8888
WORKSHOP_PORT = 8866
FIRST_STEP = next(iter(STEPS.values())).notebook

msg = Messages(
    {
        "portfolio": (
            "{path} is een portefeuille: open één project tegelijk met de map van dat project, "
            "bijvoorbeeld {example} (de projecten: {projects})",
            "{path} is a portfolio: open one project at a time with that project's folder, "
            "for example {example} (the projects: {projects})",
        ),
        "empty_portfolio": (
            "{path} is een portefeuille zonder projecten; maak er een met 'workbook portfolio add {path} NAAM'",
            "{path} is a portfolio without projects; make one with 'workbook portfolio add {path} NAME'",
        ),
        "lab_help": (
            "open het werkboek in JupyterLab: de stappen staan klaar en slaan op terwijl je typt",
            "open the workbook in JupyterLab: the steps are ready and save as you type",
        ),
        "workshop_help": (
            "toon de stappen als app zonder code (Voilà), bijvoorbeeld voor een workshop",
            "serve the steps as an app without code (Voilà), for example for a workshop",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "port": ("poort (standaard: de eerste vrije vanaf {port})", "port (default: the first free one from {port})"),
        "ip": (
            "adres om op te luisteren (standaard alleen deze computer: 127.0.0.1)",
            "address to listen on (default this computer only: 127.0.0.1)",
        ),
        "open": ("open meteen een browser", "open a browser right away"),
        "pool": (
            "zoveel pagina's per stap staan al klaar, zodat een stap snel opent (standaard {n}; 0: geen)",
            "this many pages per step are kept ready so that a step opens fast (default {n}; 0: none)",
        ),
        "room": (
            "zoveel deelnemers openen de stappen van --steps tegelijk: voor elk staat een pagina klaar",
            "this many participants open the steps of --steps together: a page waits for each of them",
        ),
        "steps": (
            "de stappen die de groep vandaag samen doet, bijvoorbeeld 3,4 (bij --room)",
            "the steps the group does together today, for example 3,4 (with --room)",
        ),
        "steps_needed": (
            "Noem bij --room met --steps welke stappen de groep samen doet, bijvoorbeeld --steps 3,4.",
            "With --room, name the steps the group does together with --steps, for example --steps 3,4.",
        ),
        "steps_invalid": (
            "--steps verwacht stapnummers van 1 tot en met {last}, gescheiden door komma's (bijvoorbeeld 3,4); "
            "niet '{value}'.",
            "--steps expects step numbers from 1 to {last}, separated by commas (for example 3,4); not '{value}'.",
        ),
        "memory": (
            "Er staan {pages} pagina's klaar: ongeveer {need} geheugen; deze computer heeft {free} vrij.",
            "{pages} pages will be waiting: about {need} of memory; this computer has {free} free.",
        ),
        "too_much": (
            "Dat past niet in het geheugen. Kies minder stappen of een kleinere --room, of gebruik "
            "'workbook hub' op een grotere computer.",
            "That does not fit in memory. Choose fewer steps or a smaller --room, or use "
            "'workbook hub' on a larger computer.",
        ),
        "cull": (
            "stop een pagina die zoveel seconden dicht is (standaard {n})",
            "stop a page that has been closed for this many seconds (default {n})",
        ),
        "no_browser": ("open geen browser (standaard)", "do not open a browser (default)"),
        "ready": (
            "Het werkboek staat klaar. Open dit adres in je browser:\n  {url}\nStoppen: Ctrl+C.",
            "The workbook is ready. Open this address in your browser:\n  {url}\nStop: Ctrl+C.",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, help_key, default_port, runner in (
        ("lab", "lab_help", LAB_PORT, run_lab),
        ("workshop", "workshop_help", WORKSHOP_PORT, run_workshop),
    ):
        parser = subparsers.add_parser(name, help=msg(help_key), description=msg(help_key))
        parser.add_argument("dir", metavar="DIR", help=msg("dir"))
        parser.add_argument("--port", type=int, default=None, help=msg("port", port=default_port))
        parser.add_argument("--ip", default="127.0.0.1", help=msg("ip"))
        browser = parser.add_mutually_exclusive_group()
        browser.add_argument("--open", dest="open_browser", action="store_true", help=msg("open"))
        browser.add_argument("--no-browser", dest="open_browser", action="store_false", help=msg("no_browser"))
        add_lang_option(parser)
        parser.set_defaults(run=runner, open_browser=False, default_port=default_port)
        if name == "workshop":
            parser.add_argument("--pool", type=int, default=POOL_SIZE, metavar="N", help=msg("pool", n=POOL_SIZE))
            parser.add_argument("--room", type=int, default=0, metavar="N", help=msg("room"))
            parser.add_argument("--steps", default="", metavar="3,4", help=msg("steps"))
            parser.add_argument(
                "--cull-after", type=int, default=CULL_AFTER, metavar="SECONDS", help=msg("cull", n=CULL_AFTER)
            )


def free_port(start: int, host: str = "127.0.0.1") -> int:
    """The first port from `start` on which nothing listens yet."""
    for port in range(start, start + 100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            if probe.connect_ex((host, port)) != 0:
                return port
    return 0


def _portfolio_projects(path: str) -> PortfolioFolder:
    """The portfolio folder at `path`; a Dutch error with the fix when it has no projects yet."""
    folder = PortfolioFolder(path)
    if not folder.project_codes():
        raise WorkbookError(msg("empty_portfolio", path=path))
    return folder


def prepare(args: argparse.Namespace) -> tuple[Project, dict[str, str], int, str]:
    """Open the project, refresh its step notebooks, and choose the environment, port and token."""
    if is_portfolio(args.dir):
        codes = _portfolio_projects(args.dir).project_codes()
        example = PortfolioFolder(args.dir).project_dir(codes[0])
        raise WorkbookError(msg("portfolio", path=args.dir, example=example, projects=", ".join(codes)))
    project = Project.open(args.dir)
    for change in install_steps(project.root):
        print(change.message)
    env = dict(os.environ)
    env.pop(PORTFOLIO_ENV, None)
    env.update({PROJECT_ENV: str(project.root), INTERACTIVE_ENV: "1", LANG_ENV: language()})
    env.update(lab_environment(project.root))
    port = args.port or free_port(args.default_port, _host(args.ip))
    return project, env, port, secrets.token_hex(16)


def prepare_portfolio(args: argparse.Namespace) -> tuple[PortfolioFolder, dict[str, str], int, str]:
    """For ``workbook workshop`` on a portfolio: refresh the step notebooks in the portfolio's own
    ``stappen/``, and bind the portfolio (not a project: each page names its own) in the environment."""
    folder = _portfolio_projects(args.dir)
    for change in install_steps(folder.root):
        print(change.message)
    env = dict(os.environ)
    env.pop(PROJECT_ENV, None)
    env.update({PORTFOLIO_ENV: str(folder.root), INTERACTIVE_ENV: "1", LANG_ENV: language()})
    port = args.port or free_port(args.default_port, _host(args.ip))
    return folder, env, port, secrets.token_hex(16)


def _is_root() -> bool:
    """Containers and CI often run as root; Jupyter refuses that unless told it is on purpose."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _host(ip: str) -> str:
    return "127.0.0.1" if ip in ("0.0.0.0", "") else ip


def lab_command(project: Project, port: int, token: str, ip: str, open_browser: bool) -> list[str]:
    """The JupyterLab command: the project folder as root, the first step opened."""
    return [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={project.root}",
        f"--ServerApp.ip={ip}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
        f"--ServerApp.default_url=/lab/tree/{STEPS_DIR}/{FIRST_STEP}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.extra_labextensions_path={labextensions_dir()}",
        *(["--ServerApp.allow_root=True"] if _is_root() else []),
    ]


def workshop_command(
    project: Project | PortfolioFolder,
    port: int,
    token: str,
    ip: str,
    open_browser: bool,
    pool: int = POOL_SIZE,
    cull_after: int = CULL_AFTER,
    room: int = 0,
    steps: list[int] | None = None,
) -> list[str]:
    """The workshop app (Voilà, see ``workbook.workshop.server``): the steps as pages without any code,
    of the project's (or the portfolio's) ``stappen/``."""
    return [
        sys.executable,
        "-m",
        "workbook.workshop.server",
        str(project.root / STEPS_DIR),
        f"--pool={pool}",
        f"--room={room}",
        f"--steps={','.join(str(step) for step in steps or [])}",
        f"--cull-after={cull_after}",
        f"--Voila.ip={ip}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--token={token}",
        f"--Voila.open_browser={open_browser}",
    ]


def _serve(command: list[str], env: dict[str, str], url: str) -> int:
    print(msg("ready", url=url), flush=True)
    return run_child(command, env)


def run_lab(args: argparse.Namespace) -> int:
    project, env, port, token = prepare(args)
    url = f"http://{_host(args.ip)}:{port}/lab/tree/{STEPS_DIR}/{FIRST_STEP}?token={token}"
    return _serve(lab_command(project, port, token, args.ip, args.open_browser), env, url)


def room_steps(room: int, text: str) -> list[int]:
    """The step numbers of ``--steps`` ("3,4"); WorkbookError with the fix when they are missing or wrong."""
    numbers = [part.strip() for part in text.split(",") if part.strip()]
    last = len(STEPS)
    if not all(number.isdigit() and 1 <= int(number) <= last for number in numbers):
        raise WorkbookError(msg("steps_invalid", last=last, value=text))
    if room > 0 and not numbers:
        raise WorkbookError(msg("steps_needed"))
    return [int(number) for number in numbers]


def _gigabytes(size: int) -> str:
    return f"{format_number(size / 2**30, decimals=1)} GB"


def check_memory(pages: int) -> None:
    """Say how much memory the waiting pages take; refuse when that is more than is free."""
    need, free = pages * KERNEL_MB * 2**20, psutil.virtual_memory().available
    print(msg("memory", pages=pages, need=_gigabytes(need), free=_gigabytes(free)), flush=True)
    if need > free:
        raise WorkbookError(msg("too_much"))


def run_workshop(args: argparse.Namespace) -> int:
    steps = room_steps(args.room, args.steps)
    if args.room > 0:
        check_memory(waiting_pages(args.room, steps, args.pool))
    project, env, port, token = prepare_portfolio(args) if is_portfolio(args.dir) else prepare(args)
    url = f"http://{_host(args.ip)}:{port}/{START_PATH}?token={token}"
    command = workshop_command(
        project, port, token, args.ip, args.open_browser, args.pool, args.cull_after, args.room, steps
    )
    return _serve(command, env, url)
