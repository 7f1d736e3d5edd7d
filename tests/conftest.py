"""Shared fixtures: a fresh copy of the demo project, an empty project, and headless Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.exchange.pdf import CHROMIUM_ARGS
from workbook.exchange.pdf import DEFAULT_CHROMIUM as CHROMIUM
from workbook.language.i18n import set_language
from workbook.project.store import Project
from workbook.resources import demo_dir

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in Dutch, the workbook's default, whatever an earlier test or the shell chose;
    ``--lang`` sets a process-wide language, so it is undone afterwards."""
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def demo_project(tmp_path: Path) -> Project:
    """A writable copy of the embedded demo organisation."""
    target = tmp_path / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return Project.open(target)


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    """A new project folder with nothing filled in yet."""
    return Project.create(tmp_path / "leeg", "Nieuw project", "Zorggroep Test")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by playwright (no browser download)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def artifacts() -> Path:
    """The folder where tests keep screenshots and documents to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def alias_bomb() -> str:
    """The classic YAML alias bomb of about 1.5 KB: nine levels of nine aliases, 9^10 strings."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        this, previous = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append("# " + "lol " * 260)
    return "\n".join(lines) + "\n"
