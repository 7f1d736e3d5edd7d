"""The location notebook opened in lab or workshop has no location yet: its report cells explain, not fail."""

from __future__ import annotations

import json

from workbook.build.pipeline import LOCATION_NOTEBOOK
from workbook.project.store import Project
from workbook.report.location import LocationReport
from workbook.resources import notebooks_dir


def report_calls() -> list[str]:
    """The method names the location notebook's report cells call on `report`."""
    notebook = json.loads((notebooks_dir() / LOCATION_NOTEBOOK).read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in notebook["cells"] if "stakeholder-report" in c["metadata"].get("tags", [])]
    return [line.split("report.")[1].split("(")[0] for s in sources for line in s.splitlines() if "report." in line]


def test_without_a_location_every_report_cell_runs_and_the_header_says_what_to_do(
    demo_project: Project, monkeypatch
) -> None:
    monkeypatch.setenv("WORKBOOK_PROJECT", str(demo_project.root))
    report = LocationReport.load("", "")
    calls = report_calls()
    assert "summary" in calls and "evaluation" in calls
    shown = {name: str(getattr(report, name)()) for name in calls}
    assert "workbook build" in shown["header"]
    assert all(html == "" for name, html in shown.items() if name != "header")


def test_with_a_location_the_project_is_found_from_the_environment(demo_project: Project, monkeypatch) -> None:
    monkeypatch.setenv("WORKBOOK_PROJECT", str(demo_project.root))
    slug = demo_project.location_slugs()[0]
    report = LocationReport.load("", slug)
    assert demo_project.load_location(slug).name in str(report.header())
