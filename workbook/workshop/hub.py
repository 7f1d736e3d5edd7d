"""A JupyterHub for a room (``workbook hub DIR``): every participant logs in with the room's
password and gets the workshop app on the group's shared project folder, and nothing else.

- authentication: ``workbook.workshop.hub_login.RoomPasswordAuthenticator`` (one password for the
  room, any name), which keeps only a salted hash of the password; fine for a workshop, not for
  anything that must keep people apart;
- spawner: ``SimpleLocalProcessSpawner`` (a server per participant, as the user who started the
  hub, no sudo), running ``jupyterhub.singleuser`` with Voilà and ``workbook.workshop.extension``
  only: no JupyterLab, file browser or terminals, and ``workbook.workshop.extension`` refuses every
  address the workshop's pages do not use (``server_config``);
- pages: the hub's own login, start-up and error pages in Dutch (``templates/hub``);
- proxy: ``configurable-http-proxy`` (npm), started by the hub on loopback ports;
- state (database, cookie secret, configuration, the participants' home folders) outside the
  project folder, in Jupyter's data folder (``hub_dir``), so that a zipped project carries none
  of it.

``hub_files`` writes the two configuration files; ``hub_command`` is the command that starts it.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_config_path, jupyter_data_dir

from workbook.project.store import Project
from workbook.resources import templates_dir
from workbook.settings import INTERACTIVE_ENV, LANG_ENV, PROJECT_ENV
from workbook.steps.install import STEPS_DIR
from workbook.workshop.config import KERNEL_MANAGER, workshop_config
from workbook.workshop.extension import WIDGET_MESSAGES
from workbook.workshop.menu import START_PATH

HUBS_DIR = "workbook-hub"  # in Jupyter's data folder: a folder per project
OLD_HUB_DIR = Path(".jupyter") / "hub"  # where earlier versions kept it, inside the project folder
OLD_SECRETS = ("jupyterhub_config.json", "jupyterhub_cookie_secret")  # the room password in clear, the cookie key
HUB_CONFIG = "jupyterhub_config.json"
SERVER_CONFIG_DIR = "singleuser"  # jupyter_server_config.json of every participant's server
HUB_TEMPLATES = "hub"  # templates/hub: the hub's pages in Dutch
MIN_PASSWORD = 8  # JupyterHub's own minimum for a shared password

# Server extensions that configuration files of installed packages switch on, switched off here;
# any other one found enabled is switched off too (``server_extensions``).
WORKSHOP_EXTENSIONS = ("voila.server_extension", "workbook.workshop.extension")
OTHER_EXTENSIONS = (
    "voila",  # the same extension as voila.server_extension, under its package's name
    "jupyterlab",
    "notebook",
    "nbclassic",
    "notebook_shim",
    "jupyter_server_terminals",
    "jupyter_lsp",
    "jupyter_collaboration",
    "jupyter_server_ydoc",
    "jupyter_server_fileid",
    "jupyter_resource_usage",
    "jupyterlab_git",
    "jupyter_server_proxy",
)


def hub_dir(project: Project) -> Path:
    """The hub's state for `project`: ``<Jupyter data folder>/workbook-hub/<name>-<hash of its path>``."""
    root = project.root.resolve()
    digest = hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
    return Path(jupyter_data_dir()) / HUBS_DIR / f"{root.name}-{digest}"


def remove_old_secrets(project: Project) -> list[Path]:
    """Remove what earlier versions left in ``DIR/.jupyter/hub`` that must not travel with the
    folder (the room password in clear, the cookie key); returns what was removed."""
    removed = []
    for name in OLD_SECRETS:
        path = project.root / OLD_HUB_DIR / name
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def server_extensions() -> dict[str, bool]:
    """``ServerApp.jpserver_extensions`` of a participant's server: Voilà and the workshop on,
    everything else that is installed off."""
    from jupyter_server.extension.config import ExtensionConfigManager

    enabled = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
    extensions = {name: False for name in [*OTHER_EXTENSIONS, *enabled]}
    return {**extensions, **dict.fromkeys(WORKSHOP_EXTENSIONS, True)}


def server_config(lang: str, cull_after: int) -> dict:
    """Each participant's server: Voilà with the workshop template and the start page, kernels
    culled as in ``workbook workshop``, and nothing else. No pre-heated kernels: with a server
    per participant they would cost a kernel per step per participant."""
    config = workshop_config(lang, pool_size=0, cull_after=cull_after)
    del config["VoilaKernelManager"]
    tornado_settings = config.pop("Voila")["tornado_settings"]
    config = json.loads(json.dumps(config))
    # A page's websocket may talk to its widgets, not run code in its kernel.
    config["MappingKernelManager"]["allowed_message_types"] = WIDGET_MESSAGES
    return {
        "ServerApp": {
            "jpserver_extensions": server_extensions(),
            "terminals_enabled": False,
            "default_url": f"/{START_PATH}",
            "kernel_manager_class": KERNEL_MANAGER,  # culls a page's kernel by its page only
            "tornado_settings": tornado_settings,
        },
        **config,
    }


def hub_config(
    project: Project,
    ip: str,
    port: int,
    hub_port: int,
    proxy_port: int,
    password: str,
    lang: str,
    ssl_cert: str = "",
    ssl_key: str = "",
) -> dict:
    """JupyterHub's configuration for a room working on `project`; it holds the room password
    only as a salted hash."""
    from workbook.workshop.hub_login import hash_password  # needs JupyterHub, an optional dependency

    state = hub_dir(project)
    hub = {
        "ip": ip,
        "port": port,
        "hub_ip": "127.0.0.1",
        "hub_port": hub_port,
        "authenticator_class": "workbook.workshop.hub_login.RoomPasswordAuthenticator",
        "spawner_class": "simple",
        "db_url": f"sqlite:///{state / 'jupyterhub.sqlite'}",
        "cookie_secret_file": str(state / "jupyterhub_cookie_secret"),
        "template_paths": [str(templates_dir() / HUB_TEMPLATES)],
    }
    if ssl_cert or ssl_key:
        hub.update(ssl_cert=str(Path(ssl_cert).resolve()), ssl_key=str(Path(ssl_key).resolve()))
    return {
        "JupyterHub": hub,
        "ConfigurableHTTPProxy": {
            "api_url": f"http://127.0.0.1:{proxy_port}",
            "pid_file": str(state / "proxy.pid"),
        },
        "RoomPasswordAuthenticator": {"password_hash": hash_password(password), "allow_all": True},
        "Spawner": {
            "cmd": [sys.executable, "-m", "jupyterhub.singleuser"],
            # Containers and CI often run as root; the participants' servers run as whoever started the hub.
            "args": ["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [],
            "notebook_dir": str(project.root / STEPS_DIR),
            "default_url": f"/{START_PATH}",
            "disable_user_config": True,  # nothing from a participant's home folder
            "start_timeout": 120,
            "http_timeout": 120,
            "environment": {
                PROJECT_ENV: str(project.root),
                INTERACTIVE_ENV: "1",
                LANG_ENV: lang,
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
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    state.chmod(0o700)  # the database, the cookie key and the password's hash
    (state / SERVER_CONFIG_DIR).mkdir(exist_ok=True)
    (state / "deelnemers").mkdir(exist_ok=True)
    (state / SERVER_CONFIG_DIR / "jupyter_server_config.json").write_text(json.dumps(server, indent=1), "utf-8")
    path = state / HUB_CONFIG
    path.touch(mode=0o600)
    path.write_text(json.dumps(hub, indent=1), encoding="utf-8")
    return path


def hub_command(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(config_file)]
