"""A notebook that kills or hangs its kernel fails on its own; the next one gets a new kernel."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbook.build.engine import REPORT_TAG
from workbook.build.inputs import Inputs
from workbook.build.outcome import Settings
from workbook.build.pool import run_all
from workbook.build.targets import LOCATION, Layout, Target

pytestmark = pytest.mark.slow


def notebook(path, code):
    nb = new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = new_code_cell('project = ""\nlocation = ""')
    parameters.metadata.tags = ["parameters"]
    body = new_code_cell(code)
    body.metadata.tags = [REPORT_TAG]
    nb.cells = [parameters, body]
    nbformat.write(nb, path)
    return path


def test_a_crashed_or_hung_kernel_fails_only_its_own_report(tmp_path):
    layout = Layout(tmp_path / "build")
    for folder in (layout.notebooks, layout.reports, layout.failed):
        folder.mkdir(parents=True)
    notebooks = {
        "crash": notebook(tmp_path / "crash.ipynb", "import os\nos._exit(3)"),
        "hang": notebook(tmp_path / "hang.ipynb", "import time\ntime.sleep(60)"),
        "fine": notebook(tmp_path / "fine.ipynb", "from IPython.display import HTML\nHTML('<p>goed</p>')"),
    }
    targets = [
        Target(LOCATION, slug, path, {"project": str(tmp_path), "location": slug}, Inputs())
        for slug, path in notebooks.items()
    ]
    settings = Settings(layout, "nl", "voet", timeout=3)

    outcomes = {outcome.target.slug: outcome for outcome in run_all(targets, 1, settings, tmp_path)}

    assert not outcomes["crash"].ok and "opnieuw gestart" in outcomes["crash"].error
    assert not outcomes["hang"].ok and "opnieuw gestart" in outcomes["hang"].error
    assert outcomes["fine"].ok, outcomes["fine"].error
    assert "<p>goed</p>" in (layout.reports / "fine.html").read_text(encoding="utf-8")
    assert (layout.failed / "hang.ipynb").is_file()
