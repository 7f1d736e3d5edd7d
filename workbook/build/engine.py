"""The papermill engine that runs a notebook on a warm kernel instead of starting a new one.

Papermill does what it always does (parameters cell, metadata, error markers); only the kernel
comes from our pool. Registered under ``ENGINE_NAME``; pass the kernel as ``kernel=``::

    papermill.execute_notebook(path, None, parameters, engine_name=ENGINE_NAME, kernel=warm_kernel)

A build runs only what the report needs: the parameters and the cells tagged ``REPORT_TAG``.
Other code cells (the interactive form of a step, notes for the notebook user) are tagged
``SKIP_TAG`` in the executed copy and left unexecuted.
"""

from __future__ import annotations

from nbformat import NotebookNode
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, papermill_engines

from workbook.build.kernels import WarmKernel

ENGINE_NAME = "workbook-warm-kernel"
REPORT_TAG = "stakeholder-report"
SKIP_TAG = "skipped-by-build"
RUN_TAGS = {"parameters", "injected-parameters", REPORT_TAG}


def mark_skipped(nb: NotebookNode) -> None:
    """Tag every code cell the report does not need, so that nbclient leaves it alone."""
    for cell in nb.cells:
        tags = cell.metadata.setdefault("tags", [])
        if cell.cell_type == "code" and not RUN_TAGS & set(tags) and SKIP_TAG not in tags:
            tags.append(SKIP_TAG)


class WarmKernelEngine(Engine):
    """Executes the notebook on the given warm kernel, after giving the kernel a fresh start."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name: str,
        *,
        kernel: WarmKernel,
        execution_timeout: float | None = None,
        start_timeout: float = 60,
        log_output: bool = False,
        **_ignored,
    ):
        kernel.last_notebook = nb_man.nb
        mark_skipped(nb_man.nb)
        kernel.fresh_start()
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log_output=log_output,
            skip_cells_with_tag=SKIP_TAG,
        )
        # Reuse the kernel's connected client: the notebook client then neither starts nor stops it.
        client.kc = kernel.kc
        return client.execute()


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
