"""Fixtures for the build tests: the demo built once per session, and small projects to change.

Building runs real kernels, so the tests share builds where they can: ``built_demo`` builds the
whole demo once; ``small_project`` is a three-location copy of the demo for tests that change
data and build again.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.project.store import LOCATIONS_DIR, MEASUREMENTS_DIR, Project
from workbook.resources import demo_dir

SMALL = ("tweeeiken", "de-kolk", "het-spijker")
"""A running location with measurements and scans, a starting one, and a planned one."""


@dataclass
class Built:
    """A project after ``workbook build``: its folder, exit code and what the command printed."""

    project: Project
    code: int
    output: str

    @property
    def reports(self) -> Path:
        return self.project.root / "build" / "reports"

    @property
    def notebooks(self) -> Path:
        return self.project.root / "build" / "notebooks"


def run_build(project: Project, *options: str) -> Built:
    """``workbook build`` on `project` through the real command line, output captured."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["build", str(project.root), *options])
    return Built(project, code, out.getvalue())


def copy_demo(target: Path, keep: tuple[str, ...] | None = None) -> Project:
    """A copy of the demo; with `keep`, only those locations (and their measurements)."""
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    if keep is not None:
        for folder, suffix in ((LOCATIONS_DIR, ".yaml"), (MEASUREMENTS_DIR, ".csv")):
            for path in (target / folder).glob(f"*{suffix}"):
                if path.stem not in keep:
                    path.unlink()
    return Project.open(target)


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The whole demo, built once for every test that only reads the result."""
    return run_build(copy_demo(tmp_path_factory.mktemp("built") / "demo"))


@pytest.fixture
def small_project(tmp_path: Path) -> Project:
    """A three-location copy of the demo, free to change."""
    return copy_demo(tmp_path / "klein", keep=SMALL)
