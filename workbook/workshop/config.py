"""Voilà's configuration for the workshop: template, menu, pre-heated kernels and culling.

Pre-heating: Voilà keeps ``pool_size`` kernels per step notebook that have already executed the
notebook (workbook imported, form built), so that opening a step only sends the page. The
notebook's parameters are known in advance: the project comes from ``WORKBOOK_PROJECT``, and the
location of step 9 arrives with the request (``workbook.steps.page_open``).

Culling: a kernel whose page was closed is shut down by Voilà's own ``beforeunload`` beacon; one
whose page vanished without it (a laptop lid, a crashed tab) is stopped once it has been without a
connection for ``cull_after`` seconds, counted from when its page's websocket closed: the kernel's
own messages (its widgets following others' saves) do not keep it alive
(``workbook.workshop.culler.PageKernelManager``, looking every ``cull_interval`` seconds). A kernel
with an open page is never culled (``cull_connected=False``), and pre-heated kernels are left alone
by Voilà. A browser that vanished without closing its websocket is noticed by the websocket's
pings (``WS_PING_INTERVAL``).
"""

from __future__ import annotations

from traitlets.config import Config

from workbook.model.steps import STEPS
from workbook.workshop.menu import TEMPLATE, template_resources

POOL_SIZE = 1  # pre-heated kernels kept ready per step
CULL_AFTER = 300  # seconds a kernel may sit idle without a page before it is stopped
CULL_INTERVAL = 30  # seconds between two looks for such kernels
WS_PING_INTERVAL = 10  # seconds between pings of a page's websocket; after 3 unanswered it is closed
KERNEL_MANAGER = "workbook.workshop.culler.PageKernelManager"
FILL_DELAY = 5  # seconds before a used pre-heated kernel is replaced
ROOM_FILL_DELAY = 60  # the same for a room: its pages load first, the waiting ones are replaced after
IOPUB_TIMEOUT = 60  # seconds to wait for a cell's last output after it finished
STARTUP_TIMEOUT = 180  # seconds a kernel may take to answer: a laptop pre-heats a room's pages at once
BACKUP_COPIES = r".*\.eigen-.*"  # a user's own kept copy of a step (workbook.steps.install) is not pre-heated


KERNEL_MB = 180
"""Memory of one waiting (pre-heated) step page, measured with benchmarks/bench_workshop.py."""


def room_pools(room: int, steps: list[int], pool_size: int = POOL_SIZE) -> dict[str, dict[str, int]]:
    """Voilà's pools: `room` waiting pages for each of `steps` (a group that opens those steps
    together), `pool_size` for every other step."""
    pools = {"default": {"pool_size": max(pool_size, 0)}}
    for step in STEPS.values():
        if step.number in steps:
            pools[step.notebook] = {"pool_size": max(room, pool_size)}
    return pools


def waiting_pages(room: int, steps: list[int], pool_size: int = POOL_SIZE) -> int:
    """How many pre-heated pages the server keeps (each costs about KERNEL_MB of memory)."""
    return sum(max(room, pool_size) if step.number in steps else max(pool_size, 0) for step in STEPS.values())


def workshop_config(
    lang: str, pool_size: int = POOL_SIZE, cull_after: int = CULL_AFTER, room: int = 0, steps: list[int] | None = None
) -> Config:
    """Voilà's configuration for the workshop: template, menu, pre-heating and culling; a `room`
    of people gets that many waiting pages on the `steps` it does together."""
    config = Config()
    config.VoilaConfiguration.template = TEMPLATE
    config.VoilaConfiguration.resources = template_resources(lang)
    config.VoilaConfiguration.strip_sources = True
    config.VoilaConfiguration.show_tracebacks = False
    config.VoilaConfiguration.preheat_kernel = pool_size > 0 or room > 0
    config.VoilaConfiguration.default_pool_size = pool_size
    config.VoilaKernelManager.preheat_denylist = [BACKUP_COPIES]
    config.VoilaKernelManager.kernel_pools_config = room_pools(room, steps or [], pool_size)
    # Refill the pool a little later, so that the page just opened gets the processor first.
    config.VoilaKernelManager.fill_delay = ROOM_FILL_DELAY if room > 0 else FILL_DELAY
    # A busy machine (ten kernels pre-heating at once) must not lose the form's output.
    config.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT
    config.VoilaExecutor.startup_timeout = STARTUP_TIMEOUT
    config.VoilaConfiguration.multi_kernel_manager_class = KERNEL_MANAGER
    config.MappingKernelManager.cull_idle_timeout = cull_after
    config.MappingKernelManager.cull_interval = min(CULL_INTERVAL, max(1, cull_after // 2))
    config.MappingKernelManager.cull_connected = False
    config.Voila.tornado_settings = {"ws_ping_interval": WS_PING_INTERVAL * 1000}
    return config
