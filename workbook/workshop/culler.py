"""Culling the kernel of a page that is gone, counted from when its page went away.

jupyter_server's own culler stops a kernel after ``cull_idle_timeout`` seconds without *activity*,
and every message the kernel sends counts as activity. A step page's kernel watches the project
file and updates its widgets when someone else saves, so in a busy room the kernel of a closed
laptop stays "active" and may never be stopped.

``PageKernelManager`` keeps jupyter_server's culler (it looks every ``cull_interval`` seconds) but
judges a kernel by its page alone: a kernel with an open websocket (its page) is never culled; one
without is stopped once it has had no connection for ``cull_idle_timeout`` seconds, counting from
when its last connection closed (or, for a page that never connected, from when the culler first
saw it without one). The kernel's own messages do not matter. Voilà's pre-heated kernels are
skipped before this is asked (``VoilaKernelManager.cull_kernel_if_idle``).

A page that is gone is thus stopped within ``cull_idle_timeout + cull_interval`` seconds after its
websocket closed.
"""

from __future__ import annotations

import time

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import ensure_async


class PageKernelManager(AsyncMappingKernelManager):
    """jupyter_server's kernel manager, culling kernels by how long they have been without a page."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._alone_since: dict[str, float] = {}  # kernel id -> time.monotonic() its last page left

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._alone_since.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if kernel_id in self._kernel_connections and self._kernel_connections[kernel_id] <= 0:
            self._alone_since[kernel_id] = time.monotonic()

    def alone_for(self, kernel_id: str, now: float | None = None) -> float:
        """Seconds the kernel has been without a page (0 while it has one)."""
        if self._kernel_connections.get(kernel_id, 0) > 0:
            self._alone_since.pop(kernel_id, None)
            return 0.0
        now = time.monotonic() if now is None else now
        return now - self._alone_since.setdefault(kernel_id, now)

    async def cull_kernels(self) -> None:
        for gone in set(self._alone_since) - set(self._kernels):
            del self._alone_since[gone]
        await super().cull_kernels()

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Stop the kernel when it is dead, or has been without a page for ``cull_idle_timeout``
        seconds and is not running a cell (a page being rendered)."""
        kernel = self._kernels[kernel_id]
        state = getattr(kernel, "execution_state", None)
        alone = self.alone_for(kernel_id)
        if state == "dead" or (alone >= self.cull_idle_timeout and (self.cull_busy or state != "busy")):
            self.log.warning(
                "Culling '%s' kernel %s (%s): without a page for %d seconds.",
                state,
                kernel_id,
                kernel.kernel_name,
                alone,
            )
            self._alone_since.pop(kernel_id, None)
            await ensure_async(self.shutdown_kernel(kernel_id))
