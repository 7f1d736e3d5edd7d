"""Every step notebook runs headless with papermill on the demo project, and is stored without outputs.

One real kernel (the test interpreter's own ipykernel) runs all notebooks; before each notebook its
namespace is reset, so no notebook sees what an earlier one defined.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import papermill
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from workbook.project.store import Project
from workbook.resources import demo_dir, notebooks_dir
from workbook.steps import STEPS

pytestmark = pytest.mark.slow

KERNEL = "python3"
PLAN_STEPS = [step for step in STEPS.values() if not step.per_location]
LOCATION_STEP = next(step for step in STEPS.values() if step.per_location)
RESET = "get_ipython().reset(new_session=True)"


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KernelManager]:
    """A kernel started from this interpreter (a kernel spec pointing at sys.executable), headless."""
    specs = tmp_path_factory.mktemp("kernels")
    (specs / KERNEL).mkdir()
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "workbook tests",
        "language": "python",
    }
    (specs / KERNEL / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    manager = KernelManager(kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(specs)]))
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBOOK_")}
    manager.start_kernel(env=env, extra_arguments=["--HistoryManager.enabled=False"])
    yield manager
    manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """One demo copy for the module: headless runs only read it."""
    target = tmp_path_factory.mktemp("headless") / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return Project.open(target)


def run(kernel: KernelManager, notebook: Path, project: Project, location: str, output: Path) -> nbformat.NotebookNode:
    """Execute `notebook` with papermill on the shared kernel after resetting its namespace."""
    client = kernel.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.execute_interactive(RESET, timeout=60)
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
    return papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters={"project": str(project.root), "location": location},
        kernel_name=KERNEL,
        km=kernel,
        progress_bar=False,
        execution_timeout=300,
    )


def html_outputs(notebook: nbformat.NotebookNode) -> str:
    return "".join(
        output.get("data", {}).get("text/html", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def assert_ran_cleanly(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", output
            assert output.get("name") != "stderr", output.get("text")


@pytest.mark.parametrize("step", PLAN_STEPS, ids=lambda step: step.key)
def test_plan_step_runs_headless_and_shows_a_static_summary(step, kernel, demo: Project, tmp_path: Path) -> None:
    executed = run(kernel, notebooks_dir() / step.notebook, demo, "", tmp_path / step.notebook)
    assert_ran_cleanly(executed)
    html = html_outputs(executed)
    for panel in step.feedback:
        assert f'class="wb-feedback-{panel.replace(":", "-")}"' in html
    assert "<table" in html
    assert "widget-view" not in json.dumps(executed.metadata)


@pytest.mark.parametrize("slug", Project.open(demo_dir()).location_slugs())
def test_location_notebook_runs_headless_for_every_location(slug, kernel, demo: Project, tmp_path: Path) -> None:
    executed = run(kernel, notebooks_dir() / LOCATION_STEP.notebook, demo, slug, tmp_path / f"{slug}.ipynb")
    assert_ran_cleanly(executed)
    html = html_outputs(executed)
    name = demo.load_location(slug).name
    assert f"<h2>{name}</h2>".replace("'", "&#39;") in html
    others = [place.name for place in demo.load_locations() if place.slug != slug]
    assert not any(f"<h2>{other}</h2>".replace("'", "&#39;") in html for other in others)


@pytest.mark.parametrize("step", list(STEPS.values()), ids=lambda step: step.key)
def test_notebook_is_stored_without_outputs_with_parameters_and_hidden_code(step) -> None:
    notebook = nbformat.read(notebooks_dir() / step.notebook, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert notebook.cells[0].cell_type == "markdown"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    parameters = [cell for cell in code if "parameters" in cell.metadata.get("tags", [])]
    assert len(parameters) == 1
    assert parameters[0].source.split("\n") == ['project = ""', 'location = ""']
    forms = [cell for cell in code if f'show_step("{step.key}", project, location)' in cell.source]
    assert len(forms) == 1
    assert all(cell.metadata.get("jupyter", {}).get("source_hidden") is True for cell in code)
    assert "remove-input" in forms[0].metadata.get("tags", [])
    assert all(len(cell.source.splitlines()) <= 4 for cell in code)
