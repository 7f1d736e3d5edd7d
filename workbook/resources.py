"""Where the installed notebooks, templates and demo live, in a checkout and after ``pip install .``."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _installed_or_checkout(name: str) -> Path:
    """``workbook/<name>`` when installed from a wheel, else the checkout's top-level folder."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


def notebooks_dir() -> Path:
    """The folder with the guided step notebooks and the location notebook."""
    return _installed_or_checkout("notebooks")


def templates_dir() -> Path:
    """The folder with the nbconvert templates."""
    return _installed_or_checkout("templates")


def labextensions_dir() -> Path:
    """The JupyterLab extensions of the workbook (prebuilt, plain JavaScript)."""
    return PACKAGE / "labextensions"


def demo_dir() -> Path:
    """The embedded demo organisation (a project folder without build output)."""
    return PACKAGE / "demo"


def instruments_dir() -> Path:
    """The instrument definitions (YAML data files with sources)."""
    return PACKAGE / "instruments"
