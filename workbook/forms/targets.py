"""Where a form's sections are saved: the plan, or one location of the project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from workbook.model import Location, Plan
from workbook.project.store import PLAN_FILE, Project, Saved
from workbook.versions.store import saving_as


class Target:
    """The file(s) a form edits; saves merge with what others saved meanwhile."""

    model: type[BaseModel]
    project: Project
    file: str

    @property
    def paths(self) -> list[Path]:
        raise NotImplementedError

    @property
    def files(self) -> list[str]:
        """The files this target edits, relative to the project."""
        return [self.project.relative(path) for path in self.paths]

    def identity(self) -> tuple:
        """What changes whenever one of the files is written (to notice saves by others)."""
        return tuple(_identity(path) for path in self.paths)

    def conflicts_since(self, moment: dt.datetime) -> list[dict[str, Any]]:
        return self.project.conflicts_since(moment)

    def save(self, section: str, value: Any, base: Any = None, by: str = "", author: str = "") -> tuple[Saved, tuple]:
        """Save `section`, merged with what others saved since `base`, as `author` (empty: see
        ``author_name``); also the files' identity right after this save, read under the same lock:
        a save by someone else a moment later then still counts as new to the form."""
        with saving_as(author), self.project.locked():
            saved = self._save(section, value, base, by)
            return saved, self.identity()

    def _save(self, section: str, value: Any, base: Any, by: str) -> Saved:
        raise NotImplementedError


class PlanTarget(Target):
    """The organisation-wide plan in werkboek.yaml; each section is saved on its own."""

    model: type[BaseModel] = Plan

    def __init__(self, project: Project):
        self.project = project
        self.file = PLAN_FILE

    @property
    def paths(self) -> list[Path]:
        return [self.project.plan_path]

    def load(self) -> Plan:
        return self.project.load_plan()

    def _save(self, section: str, value: Any, base: Any, by: str) -> Saved:
        return self.project.save_plan_section(section, value, base, by=by)


class LocationTarget(Target):
    """One location's YAML file (and its measurements CSV)."""

    model: type[BaseModel] = Location

    def __init__(self, project: Project, slug: str):
        self.project = project
        self.slug = slug
        self.file = project.relative(project.location_path(slug))

    @property
    def paths(self) -> list[Path]:
        return [self.project.location_path(self.slug), self.project.measurements_path(self.slug)]

    def load(self) -> Location:
        return self.project.load_location(self.slug)

    def _save(self, section: str, value: Any, base: Any, by: str) -> Saved:
        return self.project.save_location_section(self.slug, section, value, base, by=by)


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size
