"""``workbook hub`` without starting it: the room password's hash, where the hub keeps its state,
the old clear password in a project folder, and which requests a participant's server refuses."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from workbook.cli import main
from workbook.project.store import Project
from workbook.workshop.extension import NotWorkshop
from workbook.workshop.hub import hub_config, hub_dir, remove_old_secrets, server_config

pytest.importorskip("jupyterhub")
from workbook.workshop.hub_login import hash_password, password_matches  # noqa: E402


def test_the_room_password_is_kept_as_a_salted_hash() -> None:
    hashed = hash_password("zaal-2027")
    assert "zaal-2027" not in hashed and hashed.startswith("scrypt$")
    assert password_matches("zaal-2027", hashed)
    assert not password_matches("zaal-2028", hashed)
    assert hash_password("zaal-2027") != hashed  # a new salt each time
    assert not password_matches("zaal-2027", "") and not password_matches("zaal-2027", "scrypt$x$y$z$q$r")


def test_the_hub_keeps_its_state_in_jupyters_data_folder(demo_project: Project, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    state = hub_dir(demo_project)
    assert state.parent == tmp_path / "data" / "workbook-hub"
    assert demo_project.root not in state.parents
    assert hub_dir(Project.open(demo_project.root)) == state  # the same project, the same folder
    hub = hub_config(demo_project, "0.0.0.0", 8000, 8001, 8100, "zaal-2027", "nl", "cert.pem", "key.pem")
    assert str(state) in hub["JupyterHub"]["db_url"] and "zaal-2027" not in json.dumps(hub)
    assert hub["JupyterHub"]["ssl_cert"].endswith("cert.pem") and hub["JupyterHub"]["ssl_key"].endswith("key.pem")
    assert hub["JupyterHub"]["template_paths"][0].endswith("hub")
    assert "ssl_cert" not in hub_config(demo_project, "0.0.0.0", 8000, 8001, 8100, "zaal-2027", "nl")["JupyterHub"]


def test_the_clear_password_of_an_earlier_version_is_removed(demo_project: Project) -> None:
    old = demo_project.root / ".jupyter" / "hub"
    old.mkdir(parents=True)
    (old / "jupyterhub_config.json").write_text('{"SharedPasswordAuthenticator": {"user_password": "x"}}')
    (old / "jupyterhub_cookie_secret").write_text("geheim")
    (old / "jupyterhub.sqlite").write_text("")
    assert sorted(path.name for path in remove_old_secrets(demo_project)) == sorted(
        ["jupyterhub_config.json", "jupyterhub_cookie_secret"]
    )
    assert [path.name for path in old.iterdir()] == ["jupyterhub.sqlite"]
    assert remove_old_secrets(demo_project) == []


def test_a_participants_server_has_only_voila_and_the_workshop() -> None:
    server = server_config("nl", cull_after=120)
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert {name for name, on in extensions.items() if on} == {"voila.server_extension", "workbook.workshop.extension"}
    assert not extensions["jupyterlab"] and not extensions["jupyter_server_terminals"]
    assert server["ServerApp"]["terminals_enabled"] is False
    assert "execute_request" not in server["MappingKernelManager"]["allowed_message_types"]


@pytest.mark.parametrize(
    ("method", "path", "refused"),
    [
        ("GET", "/user/anna/", False),
        ("GET", "/user/anna/werkboek", False),
        ("GET", "/user/anna/voila/render/03_smart.ipynb", False),
        ("GET", "/user/anna/voila/static/voila.js", False),
        ("POST", "/user/anna/voila/api/shutdown/0b6e2f2a-8f7e-4c2a-9b1e-1d2c3b4a5f6e", False),
        ("GET", "/user/anna/api/kernels/0b6e2f2a-8f7e-4c2a-9b1e-1d2c3b4a5f6e", False),
        ("GET", "/user/anna/api/kernels/0b6e2f2a-8f7e-4c2a-9b1e-1d2c3b4a5f6e/channels", False),
        ("DELETE", "/user/anna/api/kernels/0b6e2f2a-8f7e-4c2a-9b1e-1d2c3b4a5f6e", True),
        ("POST", "/user/anna/api/kernels/0b6e2f2a-8f7e-4c2a-9b1e-1d2c3b4a5f6e/restart", True),
        ("POST", "/user/anna/api/kernels", True),
        ("GET", "/user/anna/api/kernels", True),
        ("GET", "/user/anna/lab", True),
        ("GET", "/user/anna/lab/tree/01_start.ipynb", True),
        ("GET", "/user/anna/tree", True),
        ("GET", "/user/anna/api/contents", True),
        ("POST", "/user/anna/api/terminals", True),
        ("GET", "/user/anna/files/01_start.ipynb", True),
        ("GET", "/user/anna/voila/render/plan.yaml", True),
        ("GET", "/user/bram/werkboek", True),  # another base URL
        ("GET", "/werkboek", True),
    ],
)
def test_a_participants_server_refuses_what_the_workshop_does_not_use(method: str, path: str, refused: bool) -> None:
    matched = NotWorkshop("/user/anna/").match(SimpleNamespace(method=method, path=path))
    assert (matched is not None) is refused


def test_the_hub_wants_a_certificate_and_its_key_together(demo_project: Project, capsys) -> None:
    assert main(["hub", str(demo_project.root), "--password", "zaal-2027", "--ssl-cert", "cert.pem"]) == 1
    assert "--ssl-cert en --ssl-key horen bij elkaar" in capsys.readouterr().err


def test_the_room_password_comes_from_the_environment_or_is_asked_not_only_from_the_command_line() -> None:
    """``--password`` shows in the process list (``ps``); the variable and the typed password do not."""
    from workbook.cli.hub import room_password

    def never(prompt: str) -> str:
        raise AssertionError("asked although the password was given")

    assert room_password("zaal-2027", {"WORKBOOK_ROOM_PASSWORD": "uit-de-omgeving"}, True, never) == "zaal-2027"
    assert room_password(None, {"WORKBOOK_ROOM_PASSWORD": "uit-de-omgeving"}, True, never) == "uit-de-omgeving"
    prompts: list[str] = []
    assert room_password(None, {}, True, lambda p: prompts.append(p) or "getypt-wachtwoord") == "getypt-wachtwoord"
    assert prompts and "Zaalwachtwoord" in prompts[0]
    new = room_password(None, {}, True, lambda p: "")  # empty: a new one
    assert len(new) >= 8 and new != room_password(None, {}, False, never)  # nobody at the terminal: new


def test_the_help_warns_that_the_option_shows_in_the_process_list(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["hub", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "proceslijst (ps)" in help_text and "WORKBOOK_ROOM_PASSWORD" in help_text


def test_the_hub_hands_the_password_to_no_process(demo_project: Project, tmp_path: Path, monkeypatch) -> None:
    """The hub gets the hash in its configuration; neither it nor its servers get the variable."""
    import workbook.cli.hub as hub_cli

    started: dict[str, object] = {}
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("WORKBOOK_ROOM_PASSWORD", "uit-de-omgeving")
    monkeypatch.setattr(hub_cli.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(hub_cli, "run_child", lambda command, env, cwd: started.update(command=command, env=env) or 0)
    assert main(["hub", str(demo_project.root), "--port", "9990"]) == 0
    assert "WORKBOOK_ROOM_PASSWORD" not in started["env"]
    assert "uit-de-omgeving" not in " ".join(map(str, started["command"]))
