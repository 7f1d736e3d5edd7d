"""Stopping stops everything: `workbook workshop`, `lab` and `hub` end with their server, its
kernels and (the hub) its proxy and participants' servers, and free the port."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from tests.hub.conftest import PASSWORD, TIMEOUT, log_in
from workbook.cli.children import ProcessTree, run_child
from workbook.cli.lab import free_port
from workbook.project.store import Project

WORKBOOK = Path(sys.executable).with_name("workbook")
START_TIMEOUT = 120
STOPPED_WITHIN = 10


def environment(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),
        IPYTHONDIR=str(tmp_path / "ipython"),
    )
    return env


def wait_until(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            assert time.monotonic() < deadline, f"no answer from {url}"
            time.sleep(0.5)


def port_is_free(port: int) -> bool:
    """Whether a server can listen on `port` again (as servers do: connections of the old one that
    are still closing, in TIME_WAIT, do not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def stop_and_check(process: subprocess.Popen, sig: int, ports: list[int], at_least: int) -> None:
    """Send `sig` to the command (only to it, as a terminal or service manager would); within ten
    seconds nothing of its tree runs any more and its ports can be bound again."""
    tree = ProcessTree(process.pid)
    assert len(tree.known) >= at_least, f"expected the command and its servers running, saw {len(tree.known)}"
    process.send_signal(sig)
    sent = time.monotonic()
    deadline = sent + STOPPED_WITHIN
    while (tree.alive() or not all(map(port_is_free, ports))) and time.monotonic() < deadline:
        time.sleep(0.2)
    took = time.monotonic() - sent
    left = [f"{p.pid} {p.name()} {p.status()}" for p in tree.alive()]
    for p in tree.alive():  # leave nothing behind, whatever the outcome
        p.kill()
    assert left == [], f"still running {STOPPED_WITHIN} s after {signal.Signals(sig).name}: {left}"
    print(f"{signal.Signals(sig).name}: {len(tree.known)} processes ended within {took:.1f} s")
    assert all(map(port_is_free, ports)), "the port is still taken"
    assert process.wait(timeout=5) == 128 + sig


def start(command: list[str], tmp_path: Path, name: str) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / f"{name}.log"
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True, env=environment(tmp_path)
    )
    return process, log


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_the_workshop_ends_with_its_kernels_when_the_command_is_stopped(
    demo_project: Project, tmp_path: Path, sig: int
) -> None:
    port = free_port(9400 + 37 * sig)
    command = [str(WORKBOOK), "workshop", str(demo_project.root), "--port", str(port), "--no-browser", "--pool", "1"]
    process, log = start(command, tmp_path, "workshop")
    url = ""
    while not url:
        line = process.stdout.readline()
        assert line, log.read_text(encoding="utf-8")
        url = next(iter(re.findall(r"http://\S+token=\w+", line)), "")
    wait_until(url, process, log)
    deadline = time.monotonic() + START_TIMEOUT  # the pre-heated kernels are there
    while len(ProcessTree(process.pid).known) < 2 + 10 and time.monotonic() < deadline:
        time.sleep(1)
    stop_and_check(process, sig, [port], at_least=2 + 10)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_the_hub_ends_with_its_proxy_and_participants_servers_when_the_command_is_stopped(
    demo_project: Project, tmp_path: Path, browser, sig: int
) -> None:
    """A participant is logged in and has a step open (their own server and its kernel); stopping
    the command ends the hub, the proxy, that server and its kernels."""
    if shutil.which("configurable-http-proxy") is None:
        pytest.skip("configurable-http-proxy is not installed")
    port = free_port(9750 + 11 * sig)
    command = [str(WORKBOOK), "hub", str(demo_project.root), "--port", str(port), "--ip", "127.0.0.1"]
    process, log = start([*command, "--password", PASSWORD], tmp_path, "hub")
    url = f"http://127.0.0.1:{port}"
    wait_until(f"{url}/hub/login", process, log)
    page = log_in(browser, url, "anna")
    try:
        page.locator(".wb-steps a").first.click()
        page.locator(".wb-status, .wb-location-picker").first.wait_for(timeout=TIMEOUT)
        kernels = [p for p in ProcessTree(process.pid).known.values() if "ipykernel" in " ".join(p.cmdline())]
        assert kernels, "the participant's step has no kernel"
        # the command, the hub, the proxy, the participant's server and its kernel
        stop_and_check(process, sig, [port], at_least=5)
    finally:
        page.context.close()


def test_a_child_that_leaves_a_process_of_its_own_session_behind_is_stopped_with_it(tmp_path: Path) -> None:
    """The runner itself, quickly: the child starts a grandchild in a new session (as Jupyter
    starts kernels); a SIGTERM to the runner ends both."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)\n"
        "time.sleep(60)\n",
        encoding="utf-8",
    )
    before = {child.pid for child in psutil.Process().children()}  # e.g. the suite's browser driver
    runner = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys; from workbook.cli.children import run_child; "
            f"sys.exit(run_child([sys.executable, {str(script)!r}]))",
        ]
    )
    deadline = time.monotonic() + 20
    while len(ProcessTree(runner.pid).known) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    stop_and_check(runner, signal.SIGTERM, [], at_least=3)
    assert run_child([sys.executable, "-c", "raise SystemExit(3)"]) == 3
    assert [child for child in psutil.Process().children() if child.pid not in before] == []
