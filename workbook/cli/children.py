"""Run a server (JupyterLab, the workshop app, the hub) as a child that ends when the command ends.

The server starts in a process group of its own, so that Ctrl+C in the terminal reaches only this
command (no "Shutdown this server?" question from Jupyter). When the command ends by Ctrl+C,
SIGTERM or SIGHUP (a closed terminal), the server is asked to stop (SIGTERM to its group), which
lets it stop its kernels, the hub its proxy and participants' servers. What is still running a few
seconds later is stopped too: every process of the server's tree (kernels and participants'
servers run in sessions of their own, out of the group), recorded while it runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import time

import psutil

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 3.0
"""Seconds the server has to stop by itself (and stop its own children)."""
TERM_GRACE = 1.5
"""Seconds the processes still left after that get after SIGTERM, before SIGKILL."""
LOOK_EVERY = 1.0
"""Seconds between two looks at the server's tree while it runs."""


class _Stop(Exception):
    def __init__(self, signum: int):
        self.signum = signum


class ProcessTree:
    """A child process and every descendant seen while it ran (also those that left its group)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.known: dict[int, psutil.Process] = {}
        self.look()

    def look(self) -> None:
        """Record the descendants running now."""
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(self.pid)
            self.known.setdefault(self.pid, root)
            for child in root.children(recursive=True):
                self.known.setdefault(child.pid, child)

    def alive(self) -> list[psutil.Process]:
        """The recorded processes still running (a pid used again by another process does not count)."""
        return [process for process in self.known.values() if _running(process)]


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def stop_tree(child: subprocess.Popen, tree: ProcessTree, grace: float = GRACE) -> None:
    """Ask the server to stop, then stop what is left of its tree: SIGTERM, and SIGKILL after a moment."""
    tree.look()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while child.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=0.5)
        if child.poll() is None:
            tree.look()
    for sig, wait in ((signal.SIGTERM, TERM_GRACE), (signal.SIGKILL, 1.0)):
        left = tree.alive()
        if not left:
            break
        log.info("%d processes of the server still running: %s", len(left), signal.Signals(sig).name)
        for process in left:
            with contextlib.suppress(psutil.Error):
                process.send_signal(sig)
        psutil.wait_procs(left, timeout=wait)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(timeout=1)


def run_child(command: list[str], env: dict[str, str] | None = None, cwd: str | os.PathLike | None = None) -> int:
    """Run `command` until it ends, or until this process is told to stop; then the child and all it
    started end too. The exit code: the child's, or 128 + the signal that stopped this command."""

    def on_signal(signum: int, _frame: object) -> None:
        raise _Stop(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    child: subprocess.Popen | None = None
    tree: ProcessTree | None = None
    try:
        child = subprocess.Popen(command, env=env, cwd=cwd, start_new_session=True)
        log.info("started %s (process %d)", " ".join(command[:3]), child.pid)
        tree = ProcessTree(child.pid)
        while True:
            try:
                code = child.wait(timeout=LOOK_EVERY)
            except subprocess.TimeoutExpired:
                tree.look()
                continue
            log.info("the server ended with exit code %d", code)
            if tree.alive():  # the server ended but left kernels behind
                stop_tree(child, tree, grace=0)
            return code
    except _Stop as stop:
        log.info("stopping the server and all it started (%s)", signal.Signals(stop.signum).name)
        for sig in STOP_SIGNALS:  # a second Ctrl+C does not cut the stopping short
            signal.signal(sig, signal.SIG_IGN)
        if child is not None and tree is not None:
            stop_tree(child, tree)
        return 128 + stop.signum
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
