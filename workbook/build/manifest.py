"""build/manifest.json: per target the inputs of the report on disk, and how the last attempt went.

A target is up to date when its last attempt succeeded from the current inputs and both its
files exist. A report whose inputs have changed since (or whose last attempt failed) is *stale*:
it stays on disk and the overview says so.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from workbook.files.atomic import atomic_write

FORMAT = 1
OK = "ok"
FAILED = "failed"


@dataclass
class Entry:
    status: str
    """How the last attempt went: ok or failed."""
    inputs: str
    """The input digest of the last attempt."""
    report_inputs: str | None
    """The input digest the report on disk was built from (None: no report yet)."""
    error: str = ""
    finished: str = ""
    seconds: float = 0.0


class Manifest:
    """The build's memory between runs. Unreadable or old manifests mean: rebuild everything."""

    def __init__(self, path: Path, entries: dict[str, Entry] | None = None, overview: str = ""):
        self.path = path
        self.entries = entries or {}
        self.overview = overview

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls(path)
            entries = {key: Entry(**value) for key, value in data["targets"].items()}
            return cls(path, entries, data.get("overview", ""))
        except (OSError, ValueError, TypeError, KeyError):
            return cls(path)

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "overview": self.overview,
            "targets": {key: asdict(entry) for key, entry in sorted(self.entries.items())},
        }
        atomic_write(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")

    def up_to_date(self, key: str, inputs: str, *files: Path) -> bool:
        entry = self.entries.get(key)
        return (
            entry is not None
            and entry.status == OK
            and entry.inputs == inputs
            and entry.report_inputs == inputs
            and all(path.is_file() for path in files)
        )

    def stale(self, key: str, inputs: str) -> bool:
        """True when a report exists but was built from other inputs than the current ones."""
        entry = self.entries.get(key)
        return entry is not None and entry.report_inputs is not None and entry.report_inputs != inputs

    def last_error(self, key: str) -> str:
        """Why the last attempt at `key` failed; empty when it did not."""
        entry = self.entries.get(key)
        return entry.error if entry is not None and entry.status == FAILED else ""

    def succeeded(self, key: str, inputs: str, finished: str, seconds: float) -> None:
        self.entries[key] = Entry(OK, inputs, inputs, "", finished, seconds)

    def failed(self, key: str, inputs: str, error: str, finished: str, seconds: float) -> None:
        previous = self.entries.get(key)
        kept = previous.report_inputs if previous else None
        self.entries[key] = Entry(FAILED, inputs, kept, error, finished, seconds)

    def forget(self, keys: set[str]) -> None:
        for key in keys:
            self.entries.pop(key, None)
