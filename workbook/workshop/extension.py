"""The workshop as a jupyter_server extension, for servers that Voilà runs as an extension of
(each participant's server under ``workbook hub``): the start page at ``/werkboek``, and nothing
but the workshop.

A participant's server answers only the addresses the workshop's pages use (``WORKSHOP_PATHS``):
the start page, Voilà's pages of the steps with their static files, the shutdown beacon of a closed
page, and the websocket of the kernel that Voilà started for a page. Everything else of
jupyter_server and its extensions (JupyterLab, the file browser, terminals, the contents,
sessions and kernel APIs, ``/files``, ``/nbconvert``, Voilà's own file list) is refused with 403 by
``RefusedHandler``, which is put in front of every other handler. The kernel's websocket carries
only the widgets' messages (``WIDGET_MESSAGES``, ``MappingKernelManager.allowed_message_types`` in
``workbook.workshop.hub.server_config``): no code is executed from the browser.
"""

from __future__ import annotations

import re

import tornado.web
from jupyter_server.serverapp import ServerApp
from jupyter_server.utils import url_path_join
from tornado.httputil import HTTPServerRequest
from tornado.routing import Matcher, Rule

from workbook.workshop.menu import START_PATH

WORKSHOP_PATHS = (
    "",  # the server's root: redirects to the start page
    re.escape(START_PATH),
    r"voila/render/[^?]+\.ipynb",  # a step's page
    r"voila/(static|templates|labextensions|api/themes)/.*",  # its scripts, styles and widget code
    r"voila/api/shutdown/[0-9a-f-]+",  # the beacon of a closed page, which stops its kernel
    r"api/kernels/[0-9a-f-]+/channels",  # the websocket of a page's kernel (widgets only)
    r"static/.*",  # jupyter_server's own static files (favicon, error page styles)
    r"oauth_callback",  # JupyterHub's login of this server
    r"logout",
)
"""The addresses under a server's base URL that the workshop uses, as regular expressions."""

WORKSHOP_READS = (
    "api",  # the server's version: JupyterHub asks it, and so does a page before its kernel's websocket
    r"api/kernels/[0-9a-f-]+",  # a page's kernel (its state), before connecting to it
)
"""Addresses the workshop only reads (GET): starting, stopping or restarting a kernel is refused."""

WIDGET_MESSAGES = ["kernel_info_request", "comm_info_request", "comm_open", "comm_msg", "comm_close"]
"""The messages a page may send its kernel: what ipywidgets needs, no ``execute_request``."""

REFUSED = "Deze werkplek biedt alleen de stappen van het werkboek."


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "workbook.workshop.extension"}]


class RefusedHandler(tornado.web.RequestHandler):
    """Any address that is not the workshop's: 403, with a short Dutch reason."""

    def prepare(self) -> None:
        self.set_status(403, reason="Workshop only")
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(REFUSED)


def _paths(base_url: str, paths: tuple[str, ...]) -> re.Pattern:
    allowed = "|".join(f"(?:{path})" for path in paths)
    return re.compile(rf"{re.escape(url_path_join(base_url, '/'))}(?:{allowed})$")


class NotWorkshop(Matcher):
    """Matches every request that is not the workshop's: another address than ``WORKSHOP_PATHS``
    under `base_url`, or anything but a GET of ``WORKSHOP_READS``."""

    def __init__(self, base_url: str):
        self.paths = _paths(base_url, WORKSHOP_PATHS)
        self.reads = _paths(base_url, WORKSHOP_READS)

    def match(self, request: HTTPServerRequest) -> dict | None:
        path = request.path
        if self.paths.match(path) or (request.method in ("GET", "HEAD") and self.reads.match(path)):
            return None
        return {}


def _load_jupyter_server_extension(server_app: ServerApp) -> None:
    from workbook.workshop.start_page import StartPageHandler

    web_app = server_app.web_app
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(".*$", [(url_path_join(base_url, START_PATH), StartPageHandler)])
    # In front of all handlers, also those of extensions loaded after this one.
    router = web_app.default_router
    router.rules.insert(0, router.process_rule(Rule(NotWorkshop(base_url), RefusedHandler)))
    server_app.log.info("workbook: this server serves the workshop only")
