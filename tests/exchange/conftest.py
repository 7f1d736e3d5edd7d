"""Fixtures for the exchange tests: a project with awkward text, and Dutch by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.project.store import Project

from .sample import make_awkward_project


@pytest.fixture
def awkward_project(tmp_path: Path) -> Project:
    """A project whose names and texts test that nothing is escaped away."""
    return make_awkward_project(tmp_path / "holt")
