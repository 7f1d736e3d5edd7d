"""``workbook hub DIR``: a JupyterHub for a room, each participant with the workshop app on DIR."""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from workbook.cli import add_lang_option
from workbook.cli.children import run_child
from workbook.cli.lab import free_port, prepare
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.settings import ROOM_PASSWORD_ENV
from workbook.workshop.config import CULL_AFTER
from workbook.workshop.hub import (
    MIN_PASSWORD,
    hub_command,
    hub_config,
    hub_dir,
    hub_files,
    new_password,
    remove_old_secrets,
    server_config,
)

HUB_PORT = 8000

msg = Messages(
    {
        "help": (
            "start een JupyterHub voor een zaal: iedereen logt in met het zaalwachtwoord en werkt in hetzelfde werkboek",
            "start a JupyterHub for a room: everyone logs in with the room password and works in the same workbook",
        ),
        "dir": ("de werkboekmap", "the workbook folder"),
        "port": ("poort (standaard: de eerste vrije vanaf {port})", "port (default: the first free one from {port})"),
        "ip": (
            "adres om op te luisteren (standaard 0.0.0.0: ook andere computers in het netwerk)",
            "address to listen on (default 0.0.0.0: other computers on the network too)",
        ),
        "password": (
            "het zaalwachtwoord, minstens {n} tekens; let op: iedereen op deze computer ziet het in de "
            "proceslijst (ps), zet het liever in {env} of typ het als erom gevraagd wordt (standaard: een nieuw, "
            "dat getoond wordt)",
            "the room password, at least {n} characters; note: everyone on this computer sees it in the process "
            "list (ps), so rather put it in {env} or type it when asked (default: a new one, which is shown)",
        ),
        "ask": (
            "Zaalwachtwoord (minstens {n} tekens; leeg: een nieuw): ",
            "Room password (at least {n} characters; empty: a new one): ",
        ),
        "ssl_cert": (
            "certificaat voor HTTPS (PEM), met --ssl-key; aan te raden op een gedeeld wifi-netwerk",
            "certificate for HTTPS (PEM), with --ssl-key; advisable on a shared Wi-Fi network",
        ),
        "ssl_key": ("de sleutel van dat certificaat (PEM)", "the key of that certificate (PEM)"),
        "ssl_pair": (
            "--ssl-cert en --ssl-key horen bij elkaar: geef ze allebei",
            "--ssl-cert and --ssl-key go together: give both",
        ),
        "ssl_missing": ("bestand niet gevonden: {path}", "file not found: {path}"),
        "old_secrets": (
            "Verwijderd uit de projectmap (een eerdere versie bewaarde hier het zaalwachtwoord leesbaar): {paths}",
            "Removed from the project folder (an earlier version kept the room password there in clear): {paths}",
        ),
        "cull": (
            "stop een pagina die zoveel seconden dicht is (standaard {n})",
            "stop a page that has been closed for this many seconds (default {n})",
        ),
        "short": (
            "het zaalwachtwoord moet minstens {n} tekens hebben",
            "the room password must have at least {n} characters",
        ),
        "no_hub": (
            "JupyterHub ontbreekt; installeer het met: pip install 'workbook[hub]'",
            "JupyterHub is missing; install it with: pip install 'workbook[hub]'",
        ),
        "no_proxy": (
            "configurable-http-proxy ontbreekt; installeer het met: npm install -g configurable-http-proxy",
            "configurable-http-proxy is missing; install it with: npm install -g configurable-http-proxy",
        ),
        "ready": (
            "De zaal staat klaar. Deelnemers openen:\n  {url}\n"
            "en loggen in met hun eigen naam en het zaalwachtwoord: {password}\nStoppen: Ctrl+C.",
            "The room is ready. Participants open:\n  {url}\n"
            "and log in with their own name and the room password: {password}\nStop: Ctrl+C.",
        ),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("hub", help=msg("help"), description=msg("help"))
    parser.add_argument("dir", metavar="DIR", help=msg("dir"))
    parser.add_argument("--port", type=int, default=None, help=msg("port", port=HUB_PORT))
    parser.add_argument("--ip", default="0.0.0.0", help=msg("ip"))
    parser.add_argument("--password", default=None, help=msg("password", n=MIN_PASSWORD, env=ROOM_PASSWORD_ENV))
    parser.add_argument("--ssl-cert", default="", metavar="FILE", help=msg("ssl_cert"))
    parser.add_argument("--ssl-key", default="", metavar="FILE", help=msg("ssl_key"))
    parser.add_argument("--cull-after", type=int, default=CULL_AFTER, metavar="SECONDS", help=msg("cull", n=CULL_AFTER))
    add_lang_option(parser)
    parser.set_defaults(run=run_hub, open_browser=False, default_port=HUB_PORT)


def room_password(
    option: str | None,
    environ: Mapping[str, str] | None = None,
    interactive: bool | None = None,
    ask: Callable[[str], str] = getpass.getpass,
) -> str:
    """The room password: `option` (``--password``, which the process list shows), else the
    environment variable WORKBOOK_ROOM_PASSWORD, else typed without echo when someone is at the
    terminal, else a new one."""
    if option:
        return option
    from_environment = (os.environ if environ is None else environ).get(ROOM_PASSWORD_ENV, "")
    if from_environment:
        return from_environment
    if interactive if interactive is not None else sys.stdin.isatty():
        typed = ask(msg("ask", n=MIN_PASSWORD))
        if typed:
            return typed
    return new_password()


def run_hub(args: argparse.Namespace) -> int:
    password = room_password(args.password)
    if len(password) < MIN_PASSWORD:
        raise WorkbookError(msg("short", n=MIN_PASSWORD))
    if bool(args.ssl_cert) != bool(args.ssl_key):
        raise WorkbookError(msg("ssl_pair"))
    for path in (args.ssl_cert, args.ssl_key):
        if path and not Path(path).is_file():
            raise WorkbookError(msg("ssl_missing", path=path))
    if importlib.util.find_spec("jupyterhub") is None:
        raise WorkbookError(msg("no_hub"))
    if shutil.which("configurable-http-proxy") is None:
        raise WorkbookError(msg("no_proxy"))
    project, env, port, _ = prepare(args)
    env.pop(ROOM_PASSWORD_ENV, None)  # the hub keeps only its hash; its processes need no copy
    hub_port, proxy_port = free_port(port + 1), free_port(port + 100)
    lang = language()
    removed = remove_old_secrets(project)
    if removed:
        print(msg("old_secrets", paths=", ".join(str(path) for path in removed)), flush=True)
    hub = hub_config(project, args.ip, port, hub_port, proxy_port, password, lang, args.ssl_cert, args.ssl_key)
    config_file = hub_files(project, hub, server_config(lang, args.cull_after))
    host = "127.0.0.1" if args.ip in ("0.0.0.0", "") else args.ip
    scheme = "https" if args.ssl_cert else "http"
    print(msg("ready", url=f"{scheme}://{host}:{port}/", password=password), flush=True)
    return run_child(hub_command(config_file), env=env, cwd=hub_dir(project))
