"""``workbook hub`` gives a participant the workshop and nothing else: a real JupyterHub with
configurable-http-proxy on loopback, a participant logged in with headless Chromium.

The participant gets the start page and a step, and types in it; JupyterLab, the file list, the
contents API, terminals, new kernels and code sent over a page's kernel websocket are refused.
The room password is in no file of the project folder nor of the hub's state, and the hub's
pages are Dutch.
"""

from __future__ import annotations

import json
import os
import time
import urllib.request
from pathlib import Path

import pytest

from tests.hub.conftest import PASSWORD, TIMEOUT, log_in
from workbook.workshop.extension import REFUSED

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME = "carla"
STEP = "01_start.ipynb"
FIELD = ".wb-field-project_name input"

# What a participant must not reach: (method, path under /user/NAME/, JSON body).
FORBIDDEN = [
    ("GET", "lab", None),
    ("GET", "tree", None),
    ("GET", "api/contents", None),
    ("GET", f"api/contents/{STEP}", None),
    ("PUT", "api/contents/eigen.py", {"type": "file", "format": "text", "content": "print(1)"}),
    ("GET", f"files/{STEP}", None),
    ("GET", f"nbconvert/script/{STEP}", None),
    ("POST", "api/terminals", None),
    ("GET", "terminals/1", None),
    ("POST", "api/kernels", {"name": "python3"}),
    ("GET", "api/kernels", None),
    ("GET", "api/kernelspecs", None),
    ("POST", "api/sessions", {"path": "x.ipynb", "type": "notebook", "kernel": {"name": "python3"}}),
    ("GET", "api/sessions", None),
    ("GET", "voila/api/contents", None),
    ("GET", "voila/tree", None),
]


def xsrf_token(context) -> str:
    return next(cookie["value"] for cookie in context.cookies() if cookie["name"] == "_xsrf")


def test_a_participant_gets_the_workshop_and_nothing_else(hub, browser, tmp_path: Path, artifacts):
    url, project = hub
    page = log_in(browser, url, NAME)
    assert page.url.endswith(f"/user/{NAME}/werkboek")
    page.goto(f"{url}/user/{NAME}/voila/render/{STEP}", timeout=TIMEOUT)
    page.locator(FIELD).first.wait_for(timeout=TIMEOUT)
    page.locator(FIELD).first.fill("Nachtzorg door Carla")
    deadline = time.monotonic() + 20
    while "Nachtzorg door Carla" not in project.plan_path.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the step did not save what was typed"
        time.sleep(0.2)

    request, token = page.context.request, xsrf_token(page.context)
    for method, path, body in FORBIDDEN:
        response = request.fetch(
            f"{url}/user/{NAME}/{path}?_xsrf={token}",
            method=method,
            headers={"X-XSRFToken": token, "Content-Type": "application/json"},
            data=json.dumps(body) if body is not None else None,
            max_redirects=0,
        )
        assert response.status in (403, 404, 405), (method, path, response.status, response.text()[:200])
        assert response.status == 404 or REFUSED in response.text(), (method, path, response.text()[:200])

    # The page's kernel: its websocket passes the widgets' messages, not code to execute.
    marker = tmp_path / "uitgevoerd.txt"
    kernel = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    replies = page.evaluate(
        """async ([base, kernel, code]) => {
            const socket = new WebSocket(`${base.replace(/^http/, "ws")}/api/kernels/${kernel}/channels`);
            const replies = [];
            socket.onmessage = (event) => replies.push(JSON.parse(event.data).msg_type);
            await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
            const message = (type, content) => JSON.stringify({
                header: {msg_id: crypto.randomUUID(), msg_type: type, username: "", session: "test",
                         date: new Date().toISOString(), version: "5.3"},
                parent_header: {}, metadata: {}, content: content, buffers: [], channel: "shell"});
            socket.send(message("execute_request", {code: code, silent: false, store_history: false,
                                                     user_expressions: {}, allow_stdin: false}));
            socket.send(message("kernel_info_request", {}));
            const deadline = Date.now() + 20000;
            while (!replies.includes("kernel_info_reply") && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            await new Promise((resolve) => setTimeout(resolve, 2000));  // time for an execute_reply
            socket.close();
            return replies;
        }""",
        [f"{url}/user/{NAME}", kernel, f"open({str(marker)!r}, 'w').write('ja')"],
    )
    assert "kernel_info_reply" in replies  # the websocket works
    assert "execute_reply" not in replies and not marker.exists()
    page.screenshot(path=str(artifacts / "hub-lockdown.png"))
    page.context.close()

    # The room password is in no file of the project folder, nor of the hub's state.
    data = tmp_path / "data"
    assert not (project.root / ".jupyter" / "hub").exists()
    assert list((data / "workbook-hub").iterdir()), "the hub's state is not in Jupyter's data folder"
    for folder in (project.root, data):
        for root, _, files in os.walk(folder):
            for name in files:
                path = Path(root) / name
                assert PASSWORD.encode() not in path.read_bytes(), path


def test_the_hub_speaks_dutch(hub, browser):
    url, _ = hub
    with urllib.request.urlopen(f"{url}/hub/login", timeout=10) as response:
        login = response.read().decode("utf-8")
    assert 'lang="nl"' in login and "Inloggen" in login and "Wachtwoord van de zaal" in login
    assert "Sign in" not in login

    page = log_in(browser, url, NAME)
    page.goto(f"{url}/hub/home")
    assert "Naar mijn werkplek" in page.content() and "Stop mijn werkplek" in page.content()
    page.goto(f"{url}/hub/bestaat-niet")
    assert "Deze pagina bestaat niet" in page.content() and 'lang="nl"' in page.content()
    page.context.close()
