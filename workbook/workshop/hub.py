"""A JupyterHub for a room (``workbook hub DIR``): every participant logs in with the room's
password and gets the workshop app on the group's shared project folder.

- authentication: JupyterHub's ``SharedPasswordAuthenticator`` (one password for the room, any
  name; fine for a workshop on a trusted network, not for anything that must keep people apart);
- spawner: ``SimpleLocalProcessSpawner`` (a server per participant, as the user who started the
  hub, no sudo), running ``jupyterhub.singleuser`` with Voilà and ``workbook.workshop.extension``;
- proxy: ``configurable-http-proxy`` (npm), started by the hub on loopback ports;
- state (database, cookie secret, the participants' home folders) in ``DIR/.jupyter/hub``.

``hub_files`` writes the two configuration files; ``hub_command`` is the command that starts it.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

from workbook.project.session import INTERACTIVE_ENV, PROJECT_ENV
from workbook.project.store import Project
from workbook.resources import templates_dir
from workbook.steps.install import STEPS_DIR
from workbook.workshop.config import workshop_config
from workbook.workshop.menu import START_PATH

HUB_DIR = Path(".jupyter") / "hub"
HUB_CONFIG = "jupyterhub_config.json"
SERVER_CONFIG_DIR = "singleuser"  # jupyter_server_config.json of every participant's server
MIN_PASSWORD = 8  # JupyterHub's own minimum for a shared password


def hub_dir(project: Project) -> Path:
    return project.root / HUB_DIR


def server_config(lang: str, cull_after: int) -> dict:
    """Each participant's server: Voilà with the workshop template and the start page, kernels
    culled as in ``workbook workshop``. No pre-heated kernels: with a server per participant they
    would cost a kernel per step per participant."""
    config = workshop_config(lang, pool_size=0, cull_after=cull_after)
    del config["VoilaKernelManager"]
    return {
        "ServerApp": {"jpserver_extensions": {"voila": True, "workbook.workshop.extension": True}},
        **json.loads(json.dumps(config)),
    }


def hub_config(project: Project, ip: str, port: int, hub_port: int, proxy_port: int, password: str, lang: str) -> dict:
    """JupyterHub's configuration for a room working on `project`."""
    state = hub_dir(project)
    return {
        "JupyterHub": {
            "ip": ip,
            "port": port,
            "hub_ip": "127.0.0.1",
            "hub_port": hub_port,
            "authenticator_class": "shared-password",
            "spawner_class": "simple",
            "db_url": f"sqlite:///{state / 'jupyterhub.sqlite'}",
            "cookie_secret_file": str(state / "jupyterhub_cookie_secret"),
        },
        "ConfigurableHTTPProxy": {
            "api_url": f"http://127.0.0.1:{proxy_port}",
            "pid_file": str(state / "proxy.pid"),
        },
        "SharedPasswordAuthenticator": {"user_password": password, "allow_all": True},
        "Spawner": {
            "cmd": [sys.executable, "-m", "jupyterhub.singleuser"],
            # Containers and CI often run as root; the participants' servers run as whoever started the hub.
            "args": ["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [],
            "notebook_dir": str(project.root / STEPS_DIR),
            "default_url": f"/{START_PATH}",
            "start_timeout": 120,
            "http_timeout": 120,
            "environment": {
                PROJECT_ENV: str(project.root),
                INTERACTIVE_ENV: "1",
                "WORKBOOK_LANG": lang,
                "JUPYTER_PATH": str(templates_dir()),
                "JUPYTER_CONFIG_PATH": str(state / SERVER_CONFIG_DIR),
            },
        },
        "SimpleLocalProcessSpawner": {"home_dir_template": str(state / "deelnemers" / "{username}")},
    }


def new_password() -> str:
    """A room password that is easy to read out: three groups of four letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def hub_files(project: Project, hub: dict, server: dict) -> Path:
    """Write the hub's and the participants' configuration; returns the hub's configuration file."""
    state = hub_dir(project)
    (state / SERVER_CONFIG_DIR).mkdir(parents=True, exist_ok=True)
    (state / "deelnemers").mkdir(exist_ok=True)
    (state / SERVER_CONFIG_DIR / "jupyter_server_config.json").write_text(json.dumps(server, indent=1), "utf-8")
    path = state / HUB_CONFIG
    path.touch(mode=0o600)  # it holds the room password
    path.write_text(json.dumps(hub, indent=1), encoding="utf-8")
    return path


def hub_command(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(config_file)]
