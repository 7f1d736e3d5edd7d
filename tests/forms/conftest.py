"""Forms are tested in-process: set widget values as a user would, flush, read the files back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbook.project.store import Project
from workbook.steps import STEPS, StepView


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


def without_ids(data: Any) -> Any:
    """`data` without the record ids (``uid``), as people read the file."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "uid"}
    if isinstance(data, list):
        return [without_ids(value) for value in data]
    return data


def plan_file(project: Project, ids: bool = False) -> dict[str, Any]:
    """werkboek.yaml as plain data, read straight from disk (record ids left out unless `ids`)."""
    data = yaml.safe_load(project.plan_path.read_text(encoding="utf-8"))
    return data if ids else without_ids(data)


def location_file(project: Project, slug: str, ids: bool = False) -> dict[str, Any]:
    data = yaml.safe_load(project.location_path(slug).read_text(encoding="utf-8"))
    return data if ids else without_ids(data)


def measurement_rows(project: Project, slug: str) -> list[str]:
    """The lines of metingen/<slug>.csv without the id column."""
    lines = project.measurements_path(slug).read_text(encoding="utf-8").splitlines()
    return [line.rsplit(",", 1)[0] for line in lines]


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()
