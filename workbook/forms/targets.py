"""Where a form's sections are saved: the plan, or one location of the project."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from workbook.model import Location, Plan
from workbook.store import PLAN_FILE, Project


class PlanTarget:
    """The organisation-wide plan in werkboek.yaml; each section is saved on its own."""

    model: type[BaseModel] = Plan

    def __init__(self, project: Project):
        self.project = project
        self.file = PLAN_FILE

    def load(self) -> Plan:
        return self.project.load_plan()

    def save(self, section: str, value: Any) -> Plan:
        """Replace `section`, keeping what others saved in other sections meanwhile."""
        return self.project.update_plan(section, value)


class LocationTarget:
    """One location's YAML file (and its measurements CSV)."""

    model: type[BaseModel] = Location

    def __init__(self, project: Project, slug: str):
        self.project = project
        self.slug = slug
        self.file = project.relative(project.location_path(slug))

    def load(self) -> Location:
        return self.project.load_location(self.slug)

    def save(self, section: str, value: Any) -> Location:
        return self.project.update_location(self.slug, section, value)
