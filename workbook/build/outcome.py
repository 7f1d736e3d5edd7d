"""What one build shares (``Settings``) and how one target went (``Outcome``)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime
from importlib.metadata import version

from workbook.build.targets import Layout, Target
from workbook.report.audience import Audience


@dataclass(frozen=True)
class Settings:
    """What every target of one build shares."""

    layout: Layout
    lang: str
    footer: str | None
    """The page footer; None: ``page_footer(lang)``, made when the first report is exported."""
    timeout: float | None
    audiences: tuple[Audience, ...] = ()
    """The audiences whose pages are written beside the full report."""

    def page_footer(self) -> str:
        """The footer every page of this build ends with."""
        return self.footer if self.footer is not None else page_footer(self.lang)


def page_footer(lang: str) -> str:
    """The footer of every page: the workbook version and today's date.

    Imported here, when needed: the report formats bring matplotlib along, which the build
    process only needs once the kernels are running.
    """
    from workbook.report.formats import date as format_date
    from workbook.report.page import footer

    return footer(version("workbook"), format_date(date.today(), lang), lang)


@dataclass(frozen=True)
class Outcome:
    """How one target went."""

    target: Target
    ok: bool
    error: str
    seconds: float
    finished: str


def succeeded(target: Target, started: float) -> Outcome:
    """The outcome of a target built without problems (`started`: its ``perf_counter``)."""
    return Outcome(target, True, "", round(time.perf_counter() - started, 3), now())


def failed(target: Target, started: float, error: str) -> Outcome:
    """The outcome of a target that failed with `error` (Dutch or English, ready to show)."""
    return Outcome(target, False, error, round(time.perf_counter() - started, 3), now())


def now() -> str:
    """The current local time, to the second, ISO 8601."""
    return datetime.now().astimezone().isoformat(timespec="seconds")
