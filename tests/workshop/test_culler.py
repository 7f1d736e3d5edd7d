"""The workshop's culler judges a page's kernel by its page alone (issue 19, item 4)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from workbook.workshop import culler
from workbook.workshop.culler import PageKernelManager


def cull(manager: PageKernelManager) -> None:
    """One round of the culler, on an event loop of its own thread: an earlier test of the suite
    may have left a loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, manager.cull_kernels()).result()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def manager(monkeypatch) -> tuple[PageKernelManager, Clock, list[str]]:
    clock = Clock()
    monkeypatch.setattr(culler.time, "monotonic", clock)
    manager = PageKernelManager(cull_idle_timeout=20, cull_interval=10)
    stopped: list[str] = []

    async def shutdown_kernel(kernel_id: str, *args, **kwargs) -> None:
        stopped.append(kernel_id)
        manager._kernels.pop(kernel_id)
        manager._kernel_connections.pop(kernel_id, None)

    monkeypatch.setattr(manager, "shutdown_kernel", shutdown_kernel)
    for kernel_id in ("gone", "open"):
        manager._kernels[kernel_id] = SimpleNamespace(execution_state="idle", kernel_name="python3")
        manager._kernel_connections[kernel_id] = 0
        manager.notify_connect(kernel_id)
    return manager, clock, stopped


def test_a_page_that_is_gone_is_culled_after_the_cull_time_whatever_its_kernel_says(manager) -> None:
    manager, clock, stopped = manager
    manager.notify_disconnect("gone")  # the browser died
    for _ in range(3):  # others save: the kernel's widgets follow, its last activity is "now"
        clock.now += 6
        manager._kernels["gone"].last_activity = clock.now
        cull(manager)
    assert stopped == []  # 18 s without a page
    clock.now += 3
    cull(manager)
    assert stopped == ["gone"]
    clock.now += 3600  # a page that is open is never culled
    cull(manager)
    assert stopped == ["gone"]


def test_a_page_that_comes_back_starts_the_clock_anew_and_a_busy_kernel_waits(manager) -> None:
    manager, clock, stopped = manager
    manager.notify_disconnect("gone")
    clock.now += 15
    manager.notify_connect("gone")  # a reconnect of the same page
    clock.now += 15
    manager.notify_disconnect("gone")
    clock.now += 15
    cull(manager)
    assert stopped == []
    clock.now += 10
    manager._kernels["gone"].execution_state = "busy"
    cull(manager)
    assert stopped == []
    manager._kernels["gone"].execution_state = "idle"
    cull(manager)
    assert stopped == ["gone"]


def test_a_kernel_that_never_had_a_page_counts_from_when_the_culler_first_saw_it(manager) -> None:
    manager, clock, stopped = manager
    manager._kernels["never"] = SimpleNamespace(execution_state="idle", kernel_name="python3")
    manager._kernel_connections["never"] = 0
    cull(manager)
    clock.now += 19
    cull(manager)
    assert stopped == []
    clock.now += 1
    cull(manager)
    assert stopped == ["never"]
    assert "never" not in manager._alone_since
