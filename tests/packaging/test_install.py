"""A plain ``pip install .`` (not editable) into a fresh virtual environment gives a working ``workbook``.

The checkout is copied first, so that the build's own files (build/, *.egg-info) never land in the
shared working tree. The fresh environment has no system site-packages and every command runs
from a temporary folder, so the development install (editable) cannot be picked up by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
NOT_SHIPPED_AT_TOP = {".git", ".venv", "build", "dist", "test-artifacts", "demo-werkboek"}
NOT_SHIPPED = shutil.ignore_patterns(
    "__pycache__", "*.egg-info", ".ipynb_checkpoints", ".pytest_cache", ".ruff_cache", ".hypothesis"
)


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = set(NOT_SHIPPED(folder, names))
    if Path(folder) == REPO:
        skipped |= NOT_SHIPPED_AT_TOP & set(names)
    return skipped


class Venv:
    """A fresh virtual environment and a way to run its programs from a neutral folder."""

    def __init__(self, root: Path, cwd: Path):
        self.root, self.cwd = root, cwd
        self.bin = root / "bin"
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
        self.env["PATH"] = f"{self.bin}{os.pathsep}{self.env.get('PATH', '')}"

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(self.bin / program), *args], cwd=self.cwd, env=self.env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{program} {' '.join(args)}\n{result.stdout}\n{result.stderr}"
        return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Venv:
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    shutil.copytree(REPO, source, ignore=_ignore)
    cwd = base / "elsewhere"
    cwd.mkdir()
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True)
    env = Venv(base / "venv", cwd)
    # --no-compile: byte-compiling every dependency takes a third of the time and proves nothing here.
    env.run("python", "-m", "pip", "install", "--quiet", "--no-compile", str(source))
    return env


def shipped(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_the_package_and_its_data_are_installed_inside_the_venv(venv):
    script = (
        "import json, workbook, workbook.resources as r;"
        "print(json.dumps({'package': workbook.__file__, 'notebooks': str(r.notebooks_dir()),"
        "'templates': str(r.templates_dir()), 'demo': str(r.demo_dir()), 'instruments': str(r.instruments_dir()),"
        "'labextensions': str(r.labextensions_dir())}))"
    )
    where = {name: Path(path) for name, path in json.loads(venv.run("python", "-c", script).stdout).items()}
    site_packages = venv.root.resolve()
    for name, path in where.items():
        assert path.resolve().is_relative_to(site_packages), f"{name} comes from {path}, not the fresh venv"
        assert "site-packages" in path.parts, name
        assert path.exists(), name
    assert shipped(where["notebooks"]) == shipped(REPO / "notebooks")
    assert any(name.endswith(".ipynb") for name in shipped(where["notebooks"]))
    assert shipped(where["templates"]) == shipped(REPO / "templates")
    assert shipped(where["demo"]) == shipped(REPO / "workbook" / "demo")
    assert shipped(where["labextensions"]) == shipped(REPO / "workbook" / "labextensions")
    assert shipped(where["instruments"]) >= {p.name for p in (REPO / "workbook" / "instruments").glob("*.yaml")}


def test_the_installed_command_sets_up_and_checks_the_demo(venv):
    assert venv.run("workbook", "--version").stdout.startswith("workbook ")
    venv.run("workbook", "demo", "oefen")
    copy = venv.cwd / "oefen"
    editor = {".vscode/settings.json", ".vscode/werkboek.schema.json", ".vscode/locatie.schema.json"}
    assert {f for f in shipped(copy) if not f.startswith("build/")} == shipped(REPO / "workbook" / "demo") | editor
    assert (copy / "build" / "reports" / "index.html").is_file(), "the installed notebooks and templates built"
    assert (copy / "werkboek.yaml").read_bytes() == (REPO / "workbook" / "demo" / "werkboek.yaml").read_bytes()
    out = venv.run("workbook", "check", "oefen", "--lang", "en").stdout
    assert out.splitlines()[-1].startswith("Summary:") and "no errors" in out
