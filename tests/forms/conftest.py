"""Forms are tested in-process: set widget values as a user would, flush, read the files back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbook.i18n import set_language
from workbook.steps import STEPS, StepView
from workbook.store import Project


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    """Every test starts in Dutch, whatever an earlier test chose."""
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def open_step(demo_project: Project) -> Iterator[Callable[..., StepView]]:
    """Open a step on the demo copy as a person would; every view is flushed at the end."""
    views: list[StepView] = []

    def opener(key: str, location: str = "", project: Project = demo_project) -> StepView:
        view = StepView(STEPS[key], project, location, lang="nl")
        views.append(view)
        return view

    yield opener
    for view in views:
        view.flush()


def plan_file(project: Project) -> dict[str, Any]:
    """werkboek.yaml as plain data, read straight from disk."""
    return yaml.safe_load(project.plan_path.read_text(encoding="utf-8"))


def location_file(project: Project, slug: str) -> dict[str, Any]:
    return yaml.safe_load(project.location_path(slug).read_text(encoding="utf-8"))


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()
