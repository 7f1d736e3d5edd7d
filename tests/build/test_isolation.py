"""A warm kernel gives every notebook a fresh start: a report never depends on build order."""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
import pytest
from jupyter_core.utils import run_sync

from tests.build.test_failures import break_location
from workbook.build.kernels import WarmKernel, kernel_environment
from workbook.build.pipeline import build

pytestmark = pytest.mark.slow

MESS = """
leftover = 42
import os, warnings, matplotlib
from workbook.language.i18n import set_language
set_language("en")
matplotlib.rcParams["lines.linewidth"] = 9.5
os.environ["LEFTOVER"] = "yes"
warnings.simplefilter("error")
os.chdir("/")
"""
CHECKS = {
    "leftover": "'leftover' in globals()",
    "language": "__import__('workbook.language.i18n', fromlist=['language']).language()",
    "linewidth": "__import__('matplotlib').rcParams['lines.linewidth']",
    "env": "__import__('os').environ.get('LEFTOVER')",
    "cwd": "__import__('os').getcwd()",
    "count": "get_ipython().execution_count",
}


def evaluate(kernel: WarmKernel, code: str) -> dict[str, str]:
    """Run `code` in the kernel, then evaluate CHECKS there; their reprs by name."""
    reply = run_sync(kernel.kc.execute_interactive)(
        code, user_expressions=CHECKS, output_hook=lambda message: None, timeout=60
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    return {name: value["data"]["text/plain"] for name, value in reply["content"]["user_expressions"].items()}


def test_a_fresh_start_forgets_everything_the_previous_notebook_changed(tmp_path):
    with tempfile.TemporaryDirectory(prefix="wb-test-") as runtime:
        kernel = WarmKernel(Path(runtime), 0, kernel_environment("nl"), tmp_path)
        kernel.start()
        try:
            kernel.fresh_start()
            clean = evaluate(kernel, "pass")
            messy = evaluate(kernel, MESS)
            assert messy["leftover"] == "True" and messy["language"] == "'en'" and messy["env"] == "'yes'"
            kernel.fresh_start()
            again = evaluate(kernel, "pass")
        finally:
            kernel.shutdown()
    assert again == clean
    assert clean["leftover"] == "False" and clean["language"] == "'nl'" and clean["env"] == "None"
    assert clean["cwd"] == repr(str(tmp_path))


def snapshot(project, slugs):
    """Per location: the report HTML and the outputs of the executed notebook."""
    result = {}
    for slug in slugs:
        nb = nbformat.read(project.root / "build" / "notebooks" / f"{slug}.ipynb", as_version=4)
        outputs = [cell.get("outputs") for cell in nb.cells]
        html = (project.root / "build" / "reports" / f"{slug}.html").read_text(encoding="utf-8")
        result[slug] = (html, outputs)
    return result


def test_a_location_report_does_not_depend_on_what_ran_before_it(small_project):
    slugs = ["tweeeiken", "het-spijker"]
    build(small_project, locations=slugs, jobs=1, force=True, progress=False)
    forward = snapshot(small_project, slugs)

    break_location(small_project, "de-kolk")  # fails half-way into its notebook, on the same kernel
    result = build(small_project, locations=["de-kolk", *reversed(slugs)], jobs=1, force=True, progress=False)
    assert [o.target.slug for o in result.failed] == ["de-kolk"]
    backward = snapshot(small_project, slugs)

    assert backward == forward
