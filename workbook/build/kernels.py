"""Warm kernels: one ipykernel over IPC sockets, started once and reused for many notebooks.

Starting a kernel and importing the report code costs a couple of seconds; a location's own work
costs a fraction of that. So each worker starts one kernel, imports everything once
(``sandbox.warm_up``) and before every notebook runs ``sandbox.fresh_start``. IPC sockets (files
in a private folder) instead of TCP ports mean no port races between parallel kernels.

Every method must be called from the thread that created the kernel: the asynchronous client
lives on that thread's event loop (``run_sync`` keeps one loop per thread).
"""

from __future__ import annotations

import os
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from workbook.language.i18n import Messages
from workbook.settings import INTERACTIVE_ENV, LANG_ENV

KERNEL_NAME = "python3"
# Modules every report notebook uses; importing them once is the point of a warm kernel.
WARM_MODULES = ["workbook.report.location", "workbook.report.plan"]
WARM_UP = "import workbook.build.sandbox as _sandbox; _sandbox.warm_up({modules!r}); del _sandbox"
FRESH_START = "import workbook.build.sandbox as _sandbox; _sandbox.fresh_start()"
# No IPython history database: many kernels writing one SQLite file only slow each other down.
KERNEL_ARGUMENTS = ["--HistoryManager.enabled=False"]

msg = Messages(
    {
        "setup_failed": (
            "de rekenkern kon niet worden voorbereid: {error}",
            "the kernel could not be prepared: {error}",
        ),
    }
)


class KernelSetupError(RuntimeError):
    """The kernel did not start, or could not be warmed up or reset."""


class WarmKernel:
    """One kernel, warmed up once, with a fresh start before each notebook."""

    def __init__(self, runtime_dir: Path, number: int, env: dict[str, str], cwd: Path, timeout: float = 120):
        self.connection_file = runtime_dir / f"kernel-{number}.json"
        self.env = env
        self.cwd = cwd
        self.timeout = timeout
        self.km: AsyncKernelManager | None = None
        self.kc: AsyncKernelClient | None = None
        self.notebooks_run = 0
        self.last_notebook = None
        """The notebook the engine ran last, also when it failed (for the failure report)."""

    # --- life cycle ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the kernel process, connect, and import the report code."""
        run_sync(self._start)()

    async def _start(self) -> None:
        self.km = km = AsyncKernelManager(
            kernel_name=KERNEL_NAME, transport="ipc", connection_file=str(self.connection_file)
        )
        await km.start_kernel(env=self.env, cwd=str(self.cwd), extra_arguments=list(KERNEL_ARGUMENTS))
        self.kc = kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=self.timeout)
        await self._run(WARM_UP.format(modules=WARM_MODULES))
        self.notebooks_run = 0

    def fresh_start(self) -> None:
        """Put the kernel back in its warmed-up state (namespace, settings, counters)."""
        run_sync(self._run)(FRESH_START)
        self.notebooks_run += 1

    def is_alive(self) -> bool:
        return self.km is not None and run_sync(self.km.is_alive)()

    def restart(self) -> None:
        """A new kernel process, e.g. after a notebook crashed or hung the old one."""
        self.shutdown()
        self.start()

    def shutdown(self) -> None:
        """Stop the kernel and remove its connection and socket files."""
        if self.km is None:
            return
        run_sync(self._shutdown)()

    async def _shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        km = self.km
        if km is None:
            return
        try:
            await km.shutdown_kernel(now=True)
        finally:
            await km.cleanup_resources()
            self.km = None
            self.kc = None

    # --- running setup code --------------------------------------------------------------------

    async def _run(self, code: str) -> None:
        """Run setup code silently; a clear error when it fails."""
        errors = []

        def keep_errors(message: dict) -> None:
            if message["msg_type"] == "error":
                content = message["content"]
                errors.append(f"{content['ename']}: {content['evalue']}")

        if self.kc is None:
            raise KernelSetupError("the kernel is not started")
        reply = await self.kc.execute_interactive(
            code, silent=True, store_history=False, timeout=self.timeout, output_hook=keep_errors
        )
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            error = errors[0] if errors else f"{content.get('ename')}: {content.get('evalue')}"
            raise KernelSetupError(msg("setup_failed", error=error))


def kernel_environment(lang: str) -> dict[str, str]:
    """The environment of a build kernel: headless, in the report language."""
    env = dict(os.environ)
    env.pop(INTERACTIVE_ENV, None)
    env[LANG_ENV] = lang
    return env
