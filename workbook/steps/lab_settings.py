"""JupyterLab settings kept inside the project folder, so that nothing distracts from the steps.

``workbook lab`` points JupyterLab at ``.jupyter/lab`` in the project: the settings travel with
the folder and do not touch the user's own JupyterLab. Only settings the user has not changed are
written: the question about Jupyter news does not pop up.
"""

from __future__ import annotations

import json
from pathlib import Path

LAB_DIR = Path(".jupyter") / "lab"
NOTIFICATION = Path("@jupyterlab") / "apputils-extension" / "notification.jupyterlab-settings"


def lab_environment(project_root: Path) -> dict[str, str]:
    """Write the project's JupyterLab settings; the environment variables that make JupyterLab use them."""
    settings = project_root / LAB_DIR / "user-settings"
    notification = settings / NOTIFICATION
    if not notification.exists():
        notification.parent.mkdir(parents=True, exist_ok=True)
        notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    return {
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(project_root / LAB_DIR / "workspaces"),
    }
