"""A page that is gone loses its kernel within the cull time, also while others keep saving
(issue 19, item 4): the kernel's widgets following the others' saves do not keep it alive."""

from __future__ import annotations

import contextlib
import time

import psutil
import pytest

from tests.browser.conftest import Server
from tests.browser.test_many_hands import CARD_TITLES, OPEN_CARD
from tests.browser.test_workshop import KERNEL_TIMEOUT, PROJECTOR, step_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CULL_AFTER = 20  # seconds, as given to --cull-after
CULL_INTERVAL = 10  # what workbook.workshop.config makes of it: min(30, CULL_AFTER // 2)
MARGIN = 15  # seconds for stopping the kernel on a busy machine


def kernel_pids(server: Server) -> set[int]:
    pids = set()
    for child in psutil.Process(server.process.pid).children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                pids.add(child.pid)
    return pids


def open_step(context, server: Server, before: set[int]):
    """Open step 3 in `context`; the page and the pid of the kernel it got."""
    page = context.new_page()
    server.open(page, step_url(server, "03_doelen.ipynb"), ".wb-status", KERNEL_TIMEOUT)
    new = kernel_pids(server) - before
    assert len(new) == 1, f"expected one new kernel for the page, got {new}"
    return page, new.pop()


def test_a_page_that_is_gone_is_culled_within_the_cull_time_while_others_keep_saving(serve, browser) -> None:
    server = serve("workshop", "--pool", "0", "--cull-after", str(CULL_AFTER))
    gone_context, staying_context = browser.new_context(viewport=PROJECTOR), browser.new_context(viewport=PROJECTOR)
    _, gone_pid = open_step(gone_context, server, kernel_pids(server))
    staying, staying_pid = open_step(staying_context, server, kernel_pids(server))
    try:
        gone_context.close()  # the browser died: no beforeunload, the websocket just closes
        closed = time.monotonic()
        staying.locator(CARD_TITLES).first.click()  # open the first goal
        goal_text = staying.locator(OPEN_CARD).first.locator("textarea").first
        goal_text.wait_for(timeout=KERNEL_TIMEOUT)
        saves = 0
        while gone_pid in kernel_pids(server) and time.monotonic() - closed < CULL_AFTER + CULL_INTERVAL + MARGIN:
            saves += 1
            goal_text.fill(f"Elke nachtdienst gebruikt de app ({saves})")
            staying.wait_for_timeout(2000)  # its kernel saves; the gone page's kernel sees the change
        culled_after = time.monotonic() - closed
        print(
            f"the gone page's kernel was stopped {culled_after:.1f} s after its page closed ({saves} saves meanwhile)"
        )
        assert gone_pid not in kernel_pids(server), f"still running {culled_after:.0f} s after its page closed"
        assert culled_after <= CULL_AFTER + CULL_INTERVAL + MARGIN
        assert saves >= 3, "others saved while the page was gone"
        assert "Opgeslagen" in staying.locator(".wb-status").first.inner_text()
        assert staying_pid in kernel_pids(server), "the open page keeps its kernel"
    finally:
        staying_context.close()
