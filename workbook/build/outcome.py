"""What one build shares (``Settings``) and how one target went (``Outcome``)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from workbook.build.targets import Layout, Target
from workbook.report.audience import Audience


@dataclass(frozen=True)
class Settings:
    """What every target of one build shares."""

    layout: Layout
    lang: str
    footer: str
    timeout: float | None
    audiences: tuple[Audience, ...] = ()
    """The audiences whose pages are written beside the full report."""


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
