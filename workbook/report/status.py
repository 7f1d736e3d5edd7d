"""How a report stands after a build, as the overview shows it."""

from __future__ import annotations

from dataclasses import dataclass

CURRENT = "current"
"""Built from the current data."""
STALE = "stale"
"""Built earlier: the data changed since, or updating it failed. Still worth reading."""
FAILED = "failed"
"""Building it failed and there is no earlier report."""
MISSING = "missing"
"""Not built yet."""


@dataclass(frozen=True)
class ReportState:
    slug: str
    report: str | None
    """The report's file name next to index.html, or None when there is none."""
    state: str
    error: str = ""
    """Why the last attempt failed (empty when it did not)."""
