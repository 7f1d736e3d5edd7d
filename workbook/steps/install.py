"""Copy the step notebooks into a project folder (``stappen/``), keeping any copy a user changed.

The folder then holds everything needed to open the project elsewhere: zip it, unpack it, run
``workbook lab`` there (or open ``stappen/`` in any Jupyter). A record of what was installed
(``stappen/.geinstalleerd.json``, a hash of each notebook's cells) tells whether a newer workbook
brings a changed notebook and whether the user edited their copy; outputs do not count as edits.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbook.language.i18n import Messages
from workbook.model.steps import STEPS
from workbook.resources import notebooks_dir

STEPS_DIR = "stappen"
RECORD = ".geinstalleerd.json"

msg = Messages(
    {
        "added": ("nieuw: {name}", "added: {name}"),
        "updated": ("bijgewerkt: {name}", "updated: {name}"),
        "kept": (
            "bijgewerkt: {name}; jouw aangepaste versie staat in {backup}",
            "updated: {name}; your changed version is kept as {backup}",
        ),
    }
)


@dataclass(frozen=True)
class Change:
    """What happened to one notebook, for the user."""

    name: str
    message: str


def cells_hash(path: Path) -> str:
    """A hash of a notebook's cell types and sources: outputs, counts and metadata do not count."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = [(cell["cell_type"], "".join(cell["source"])) for cell in notebook.get("cells", [])]
    return hashlib.sha256(json.dumps(cells).encode("utf-8")).hexdigest()


def install_steps(project_root: Path) -> list[Change]:
    """Bring ``project_root/stappen`` up to date with the installed step notebooks."""
    folder = Path(project_root) / STEPS_DIR
    folder.mkdir(exist_ok=True)
    record_path = folder / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    changes = []
    for step in STEPS.values():
        source, target = notebooks_dir() / step.notebook, folder / step.notebook
        installed = cells_hash(source)
        if not target.exists():
            shutil.copyfile(source, target)
            changes.append(Change(step.notebook, msg("added", name=step.notebook)))
        elif installed != record.get(step.notebook) and cells_hash(target) != installed:
            if cells_hash(target) == record.get(step.notebook):
                changes.append(Change(step.notebook, msg("updated", name=step.notebook)))
            else:
                backup = target.with_name(f"{target.stem}.eigen-{datetime.now():%Y%m%dT%H%M%S}.ipynb")
                target.rename(backup)
                changes.append(Change(step.notebook, msg("kept", name=step.notebook, backup=backup.name)))
            shutil.copyfile(source, target)
        record[step.notebook] = installed
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    return changes
