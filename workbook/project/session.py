"""Which project a notebook session works on (the parameter, else the environment, else the folder
it is in), and whether a person is at the keyboard (`workbook lab` / `workshop`) or not (papermill)."""

from __future__ import annotations

import os
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.project.store import PLAN_FILE, Project
from workbook.settings import Settings

msg = Messages(
    {
        "not_found": (
            "geen werkboek gevonden: {cwd} en de mappen erboven hebben geen {file}; "
            "start met 'workbook lab MAP' of vul 'project' in de eerste cel in",
            "no workbook found: {cwd} and the folders above it have no {file}; "
            "start with 'workbook lab DIR' or fill in 'project' in the first cell",
        ),
    }
)


def find_project(project: str | os.PathLike = "") -> Project:
    """The project named by `project`, else by ``WORKBOOK_PROJECT``, else the nearest folder upwards
    from the current one that holds a werkboek.yaml (so a copied or zipped project keeps working)."""
    chosen = str(project) or Settings.current().project
    if chosen:
        return Project.open(chosen)
    cwd = Path.cwd()
    for folder in (cwd, *cwd.parents):
        if (folder / PLAN_FILE).is_file():
            return Project.open(folder)
    raise WorkbookError(msg("not_found", cwd=cwd, file=PLAN_FILE))


def interactive() -> bool:
    """True when the notebook runs for a person (``workbook lab`` / ``workshop``), not headless."""
    return Settings.current().interactive
