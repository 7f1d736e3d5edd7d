"""Fixtures for the exchange tests: a project with awkward text, and Dutch by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.language.i18n import set_language
from workbook.project.store import Project

from .sample import make_awkward_project


@pytest.fixture(autouse=True)
def dutch() -> None:
    """Every test starts in Dutch, whatever an earlier `--lang en` left behind."""
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def awkward_project(tmp_path: Path) -> Project:
    """A project whose names and texts test that nothing is escaped away."""
    return make_awkward_project(tmp_path / "holt")
