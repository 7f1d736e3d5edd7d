"""Step notebooks copied into the project: refreshed when the workbook brings newer ones, user edits kept."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from workbook.cli import build_parser
from workbook.cli.lab import lab_command, prepare, workshop_command
from workbook.project.store import Project
from workbook.steps import STEPS
from workbook.steps.install import RECORD, STEPS_DIR, cells_hash, install_steps

FIRST = next(iter(STEPS.values())).notebook


def _as_if_copied_from_an_older_workbook(folder: Path, name: str) -> nbformat.NotebookNode:
    """Make the copy (and the record) look like an earlier release whose introduction differed."""
    notebook = nbformat.read(folder / name, as_version=4)
    notebook.cells[0].source = "# Oude uitleg"
    nbformat.write(notebook, folder / name)
    record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    record[name] = cells_hash(folder / name)
    (folder / RECORD).write_text(json.dumps(record), encoding="utf-8")
    return notebook


def test_first_install_copies_every_step_and_a_second_changes_nothing(empty_project: Project) -> None:
    changes = install_steps(empty_project.root)
    folder = empty_project.root / STEPS_DIR
    assert sorted(c.name for c in changes) == sorted(step.notebook for step in STEPS.values())
    assert all((folder / step.notebook).is_file() for step in STEPS.values())
    assert install_steps(empty_project.root) == []


def test_outputs_do_not_count_as_edits_so_a_newer_notebook_replaces_the_copy(empty_project: Project) -> None:
    install_steps(empty_project.root)
    folder = empty_project.root / STEPS_DIR
    copy = folder / FIRST
    notebook = _as_if_copied_from_an_older_workbook(folder, FIRST)
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran\n")]
    nbformat.write(notebook, copy)

    changes = install_steps(empty_project.root)
    assert [c.name for c in changes] == [FIRST]
    assert "bijgewerkt" in changes[0].message
    assert list(folder.glob("*.eigen-*.ipynb")) == []
    assert "Oude uitleg" not in copy.read_text(encoding="utf-8")


def test_a_changed_copy_is_kept_beside_the_newer_notebook(empty_project: Project) -> None:
    install_steps(empty_project.root)
    folder = empty_project.root / STEPS_DIR
    copy = folder / FIRST
    notebook = _as_if_copied_from_an_older_workbook(folder, FIRST)
    notebook.cells.append(nbformat.v4.new_markdown_cell("Mijn eigen aantekening"))
    nbformat.write(notebook, copy)
    mine = cells_hash(copy)

    changes = install_steps(empty_project.root)
    backups = list(folder.glob("*.eigen-*.ipynb"))
    assert len(backups) == 1 and backups[0].name in changes[0].message
    assert cells_hash(backups[0]) == mine
    assert "Mijn eigen aantekening" not in copy.read_text(encoding="utf-8")


def test_lab_and_workshop_bind_the_project_and_serve_without_code(empty_project: Project) -> None:
    args = build_parser().parse_args(["lab", str(empty_project.root), "--port", "9999", "--lang", "en"])
    project, env, port, token = prepare(args)
    assert (env["WORKBOOK_PROJECT"], env["WORKBOOK_INTERACTIVE"], port) == (str(project.root), "1", 9999)
    assert len(token) >= 32
    lab = " ".join(lab_command(project, port, token, "127.0.0.1", False))
    assert f"--ServerApp.root_dir={project.root}" in lab and f"--IdentityProvider.token={token}" in lab
    assert "--ServerApp.open_browser=False" in lab
    workshop = workshop_command(project, port, token, "127.0.0.1", True)
    assert str(project.root / STEPS_DIR) in workshop and "workbook.workshop.server" in workshop
    assert "--Voila.open_browser=True" in workshop


def test_lab_settings_live_in_the_project_and_keep_what_the_user_changed(empty_project: Project) -> None:
    args = build_parser().parse_args(["lab", str(empty_project.root)])
    _, env, _, _ = prepare(args)
    settings = Path(env["JUPYTERLAB_SETTINGS_DIR"])
    assert settings.is_relative_to(empty_project.root)
    assert Path(env["JUPYTERLAB_WORKSPACES_DIR"]).is_relative_to(empty_project.root)
    notification = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    assert json.loads(notification.read_text(encoding="utf-8"))["fetchNews"] == "false"

    notification.write_text(json.dumps({"fetchNews": "true"}), encoding="utf-8")
    prepare(args)
    assert json.loads(notification.read_text(encoding="utf-8")) == {"fetchNews": "true"}
