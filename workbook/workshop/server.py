"""``python -m workbook.workshop.server STEPS_DIR [Voilà options]``: Voilà as the workshop app.

Started by ``workbook workshop``. On top of plain Voilà it
- uses the workbook's own template (``templates/voila/templates/workshop``, found by putting the
  installed ``templates`` folder on ``JUPYTER_PATH``) and hands it the step menu as resources;
- serves the start page at ``/`` and ``/werkboek`` (and in place of Voilà's file list);
- keeps pre-heated kernels per step and culls kernels of closed pages (``workbook.workshop.config``);
- on a portfolio (``WORKBOOK_PORTFOLIO``) serves the list of its projects at the start page, and a
  step page only for one of its projects (``?project=CODE``): any other address gets the list with
  the reason, before a kernel is taken. The kernel checks the code again (``workbook.steps.show``).
"""

from __future__ import annotations

import argparse
import os
import sys

import tornado.web
from jupyter_server.base.handlers import path_regex
from jupyter_server.utils import url_path_join
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from workbook.language.i18n import language
from workbook.resources import templates_dir
from workbook.settings import Settings
from workbook.steps.page_open import PROJECT_PARAMETER
from workbook.workshop.config import CULL_AFTER, POOL_SIZE, workshop_config
from workbook.workshop.menu import START_PATH
from workbook.workshop.start_page import StartPageHandler, refusal, render_start_page


class StepPageHandler(TornadoVoilaHandler):
    """Voilà's page of a step, which also hands the browser its ``_xsrf`` cookie: Voilà's script
    sends it back when the page is closed, to stop the page's kernel at once. On a portfolio, only
    for one of its projects."""

    async def prepare(self) -> None:
        await super().prepare()
        self.xsrf_token  # noqa: B018 -- reading it sets the cookie

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        refused = refusal(self.get_query_arguments(PROJECT_PARAMETER), language(), Settings.current().portfolio)
        if refused is not None:
            render_start_page(self, refused, 404)
            return
        await super().get(path)


class WorkshopApp(Voila):
    """Voilà with the workbook's start page in front of its own pages."""

    name = "workbook-workshop"

    def init_handlers(self) -> list:
        start = [
            (self.server_url, StartPageHandler),
            (url_path_join(self.server_url, START_PATH), StartPageHandler),
            (url_path_join(self.server_url, r"/voila/tree" + path_regex), StartPageHandler),
        ]
        voila = [
            (pattern, StepPageHandler, *rest) if handler is TornadoVoilaHandler else (pattern, handler, *rest)
            for pattern, handler, *rest in super().init_handlers()
        ]
        return [*start, *voila]


def jupyter_path_with_templates(current: str = "") -> str:
    """``JUPYTER_PATH`` with the installed templates folder first, where Voilà looks for templates."""
    return os.pathsep.join(part for part in (str(templates_dir()), current) if part)


def main(argv: list[str] | None = None) -> None:
    """Start the workshop app; ``--pool N``, ``--room N --steps 3,4`` and ``--cull-after SECONDS``
    tune the kernels."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--pool", type=int, default=POOL_SIZE)
    parser.add_argument("--room", type=int, default=0)
    parser.add_argument("--steps", default="")
    parser.add_argument("--cull-after", type=int, default=CULL_AFTER)
    ours, voila_argv = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    steps = [int(number) for number in ours.steps.split(",") if number.strip()]
    os.environ["JUPYTER_PATH"] = jupyter_path_with_templates(os.environ.get("JUPYTER_PATH", ""))
    config = workshop_config(language(), ours.pool, ours.cull_after, room=ours.room, steps=steps)
    WorkshopApp.launch_instance(voila_argv, config=config)


if __name__ == "__main__":
    main()
