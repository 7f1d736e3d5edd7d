"""The workbook's settings in one place: every environment variable it reads, what it means and
its default.

The workbook starts kernels, Voilà and JupyterHub as other processes, and hands them their
settings through these variables; a command-line option (``--lang``, ``--verbose``) overrides the
variable for one command. ``Settings.current()`` reads the environment each time it is asked.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

LANG_ENV = "WORKBOOK_LANG"
"""The language of everything people read: ``nl`` (default) or ``en``."""
PROJECT_ENV = "WORKBOOK_PROJECT"
"""The project folder a step notebook works on when its ``project`` parameter is empty."""
PORTFOLIO_ENV = "WORKBOOK_PORTFOLIO"
"""The portfolio folder whose projects ``workbook workshop`` serves; a step page then works on the
project its address names (``?project=CODE``), one of the portfolio's projects."""
INTERACTIVE_ENV = "WORKBOOK_INTERACTIVE"
"""``1`` when a person fills in the notebooks (``workbook lab``, ``workshop``, ``hub``), not a build."""
AUTHOR_ENV = "WORKBOOK_AUTHOR"
"""The name saves and versions are recorded under; default: the user logged in to the computer."""
CHROMIUM_ENV = "WORKBOOK_CHROMIUM"
"""Chromium's executable for PDFs; default: Debian's /usr/bin/chromium, else one on the PATH."""
CHART_CACHE_ENV = "WORKBOOK_CHART_CACHE"
"""Where a build keeps the charts it drew, so the next build of the same data draws nothing (set by
``workbook build`` for itself and its kernels; empty: charts are drawn every time)."""
ROOM_PASSWORD_ENV = "WORKBOOK_ROOM_PASSWORD"
"""The room password of ``workbook hub`` when ``--password`` is not given (an option shows in the
process list, ``ps``, to everyone on the computer; a variable does not). Read by ``workbook hub``
only, never handed on to the hub or recorded; not part of ``Settings``."""
LOG_ENV = "WORKBOOK_LOG"
"""How much the workbook logs on standard error: ``warning`` (default), ``info`` or ``debug``."""

LOG_LEVELS = {"warning": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}


@dataclass(frozen=True)
class Settings:
    """The settings in force, read from the environment."""

    lang: str = "nl"
    project: str = ""
    interactive: bool = False
    author: str = ""
    chromium: str = ""
    log_level: str = "warning"
    chart_cache: str = ""
    portfolio: str = ""

    @classmethod
    def current(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings of this process (or of `environ`); values it does not know fall back to defaults."""
        env = os.environ if environ is None else environ
        lang = env.get(LANG_ENV, "").strip().lower()[:2]
        log_level = env.get(LOG_ENV, "").strip().lower()
        return cls(
            lang=lang if lang in ("nl", "en") else "nl",
            project=env.get(PROJECT_ENV, "").strip(),
            portfolio=env.get(PORTFOLIO_ENV, "").strip(),
            interactive=env.get(INTERACTIVE_ENV, "") == "1",
            author=env.get(AUTHOR_ENV, "").strip(),
            chromium=env.get(CHROMIUM_ENV, "").strip(),
            log_level=log_level if log_level in LOG_LEVELS else "warning",
            chart_cache=env.get(CHART_CACHE_ENV, "").strip(),
        )


def configure_logging(verbosity: int = 0) -> None:
    """Send the workbook's log to standard error: quiet by default (warnings and errors), more
    with ``--verbose`` (``-v`` for what it does, ``-vv`` for details) or ``WORKBOOK_LOG``."""
    chosen = LOG_LEVELS[Settings.current().log_level]
    level = min(chosen, logging.INFO if verbosity == 1 else logging.DEBUG if verbosity > 1 else logging.WARNING)
    logger = logging.getLogger("workbook")
    logger.setLevel(level)
    for old in [handler for handler in logger.handlers if handler.get_name() == "workbook"]:
        logger.removeHandler(old)  # a command run again in one process logs to the stderr of now
    handler = logging.StreamHandler()
    handler.set_name("workbook")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))
    logger.addHandler(handler)
