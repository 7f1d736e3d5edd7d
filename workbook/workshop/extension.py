"""The workshop as a jupyter_server extension, for servers that Voilà runs as an extension of
(each participant's server under ``workbook hub``): the start page at ``/werkboek``."""

from __future__ import annotations

from jupyter_server.serverapp import ServerApp
from jupyter_server.utils import url_path_join

from workbook.workshop.menu import START_PATH


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "workbook.workshop.extension"}]


def _load_jupyter_server_extension(server_app: ServerApp) -> None:
    from workbook.workshop.start_page import StartPageHandler

    web_app = server_app.web_app
    web_app.add_handlers(".*$", [(url_path_join(web_app.settings["base_url"], START_PATH), StartPageHandler)])
