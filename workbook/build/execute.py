"""One target: papermill executes its notebook on a warm kernel (``execute``), then nbconvert
makes the report (``export``). The two are separate steps so that a kernel can start on the next
notebook while the previous one is being exported.

Nothing is half-written: the executed notebook and the report are each written atomically, and
only after both succeeded. A failure keeps the previous report and notebook; the failed
notebook goes to build/failed/ so the failing cell can be looked at.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import nbformat
import papermill
from nbformat import NotebookNode
from papermill.exceptions import PapermillExecutionError

from workbook.build import provenance
from workbook.build.engine import ENGINE_NAME
from workbook.build.export import ReportExporter, page_title
from workbook.build.kernels import KERNEL_NAME, WarmKernel
from workbook.build.outcome import Outcome, Settings, failed, now, succeeded
from workbook.build.targets import Layout, Target
from workbook.files.atomic import atomic_write
from workbook.language.i18n import Messages

msg = Messages(
    {
        "cell_failed": ("cel {cell} gaf een fout: {error}", "cell {cell} raised an error: {error}"),
        "kernel_failed": (
            "de rekenkern stopte of reageerde niet meer ({error}); hij is opnieuw gestart",
            "the kernel stopped or stopped responding ({error}); it has been restarted",
        ),
        "export_failed": ("het rapport kon niet worden gemaakt: {error}", "the report could not be made: {error}"),
    }
)


@dataclass(frozen=True)
class Executed:
    """A notebook papermill ran without errors, waiting to be exported."""

    target: Target
    nb: NotebookNode
    started: float
    """``perf_counter`` when execution began."""


def execute(target: Target, kernel: WarmKernel, settings: Settings) -> Executed | Outcome:
    """Run `target`'s notebook on `kernel`: the executed notebook, or the outcome of a failure."""
    kernel.last_notebook = None
    started = time.perf_counter()
    started_at = now()
    try:
        nb = papermill.execute_notebook(
            str(target.notebook),
            None,
            parameters=dict(target.parameters),
            engine_name=ENGINE_NAME,
            kernel_name=KERNEL_NAME,
            kernel=kernel,
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=settings.timeout,
        )
    except PapermillExecutionError as error:
        _keep_failed(target, kernel, settings.layout)
        return failed(target, started, msg("cell_failed", cell=error.exec_count, error=_error_text(error)))
    except Exception as error:  # a dead or hung kernel, a timeout: start afresh for the next target
        _keep_failed(target, kernel, settings.layout)
        kernel.restart()
        return failed(target, started, msg("kernel_failed", error=f"{type(error).__name__}: {error}"))
    timings: dict[str, float | str] = {
        "started": started_at,
        "execute_seconds": round(time.perf_counter() - started, 3),
    }
    provenance.record(nb, target, settings.lang, timings)
    return Executed(target, nb, started)


def export(executed: Executed, exporter: ReportExporter, settings: Settings) -> Outcome:
    """Turn an executed notebook into its report; write both, or neither."""
    target, nb = executed.target, executed.nb
    try:
        footer = settings.page_footer()
        html = exporter.report(nb, settings.lang, footer)
        pages = {
            target.audience_report(settings.layout, audience): exporter.report(nb, settings.lang, footer, audience)
            for audience in settings.audiences
        }
        nb.metadata["title"] = page_title(nb) or nb.metadata.get("title", "")
        atomic_write(target.executed(settings.layout), nbformat.writes(nb))
        atomic_write(target.report(settings.layout), html)
        for path, page in pages.items():
            atomic_write(path, page)
    except Exception as error:
        return failed(target, executed.started, msg("export_failed", error=f"{type(error).__name__}: {error}"))
    target.failed(settings.layout).unlink(missing_ok=True)
    return succeeded(target, executed.started)


def _error_text(error: PapermillExecutionError) -> str:
    """The exception's name and message, without the traceback."""
    return f"{error.ename}: {error.evalue}".strip().rstrip(":")


def _keep_failed(target: Target, kernel: WarmKernel, layout: Layout) -> None:
    if kernel.last_notebook is not None:
        atomic_write(target.failed(layout), nbformat.writes(kernel.last_notebook))
