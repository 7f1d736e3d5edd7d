"""Content hashes of everything a report is made from, so unchanged reports are not rebuilt.

A location's report depends on its YAML, its measurements CSV, the shared werkboek.yaml, the
notebook, the report template, the report language and the workbook code itself (its version
plus a fingerprint of its source files, so a development checkout also rebuilds after a change).
The plan report depends on the plan and on every location. Both also depend on the audiences
built and on the date: what is late, and due, changes from one day to the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path

from workbook.project.store import LOCATIONS_DIR, MEASUREMENTS_DIR, PLAN_FILE, Project
from workbook.resources import PACKAGE

ABSENT = "absent"
CODE_SUFFIXES = (".py", ".yaml")
CODE_SKIP = ("demo", "__pycache__")


@dataclass(frozen=True)
class Inputs:
    """The files a report is made from, each with its hash, and one digest over all of them."""

    files: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def digest(self) -> str:
        hasher = hashlib.sha256()
        for name, value in sorted({**self.files, **self.settings}.items()):
            hasher.update(f"{name}\0{value}\n".encode())
        return hasher.hexdigest()


def file_hash(path: Path) -> str:
    """The sha256 of a file's bytes, or ``absent``."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ABSENT


def folder_hash(folder: Path) -> str:
    """One hash over every file in `folder` (names and contents)."""
    hasher = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        hasher.update(f"{path.relative_to(folder).as_posix()}\0{file_hash(path)}\n".encode())
    return hasher.hexdigest()


@cache
def code_fingerprint() -> str:
    """The workbook version plus a hash of its source and data files."""
    hasher = hashlib.sha256(version("workbook").encode())
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.suffix in CODE_SUFFIXES and not set(relative.parts) & set(CODE_SKIP):
            hasher.update(f"{relative.as_posix()}\0{file_hash(path)}\n".encode())
    return f"{version('workbook')}+{hasher.hexdigest()[:16]}"


def _shared(project: Project, notebook: Path, template: Path, lang: str, audiences: Iterable[str]) -> Inputs:
    return Inputs(
        files={PLAN_FILE: file_hash(project.plan_path)},
        settings={
            "notebook": file_hash(notebook),
            "template": folder_hash(template),
            "workbook": code_fingerprint(),
            "language": lang,
            "audiences": ",".join(sorted(audiences)),
            "date": dt.date.today().isoformat(),
        },
    )


def location_inputs(
    project: Project, slug: str, notebook: Path, template: Path, lang: str, audiences: Iterable[str] = ()
) -> Inputs:
    """What location `slug`'s report is made from."""
    shared = _shared(project, notebook, template, lang, audiences)
    own = {
        f"{LOCATIONS_DIR}/{slug}.yaml": file_hash(project.location_path(slug)),
        f"{MEASUREMENTS_DIR}/{slug}.csv": file_hash(project.measurements_path(slug)),
    }
    return Inputs(files={**shared.files, **own}, settings=shared.settings)


def plan_inputs(project: Project, notebook: Path, template: Path, lang: str, audiences: Iterable[str] = ()) -> Inputs:
    """What the organisation-wide plan report is made from: the plan and every location."""
    shared = _shared(project, notebook, template, lang, audiences)
    files = dict(shared.files)
    for slug in project.location_slugs():
        files[f"{LOCATIONS_DIR}/{slug}.yaml"] = file_hash(project.location_path(slug))
        files[f"{MEASUREMENTS_DIR}/{slug}.csv"] = file_hash(project.measurements_path(slug))
    return Inputs(files=files, settings=shared.settings)
