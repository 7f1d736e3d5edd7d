"""A location that cannot be built fails on its own, says why, and keeps its earlier report."""

from __future__ import annotations

import pytest

from tests.build.conftest import run_build

pytestmark = pytest.mark.slow

BROKEN = "de-kolk"


def break_location(project, slug=BROKEN):
    """Give `slug` a phase that does not exist: its YAML no longer validates."""
    path = project.location_path(slug)
    text = path.read_text(encoding="utf-8")
    assert "phase: starting" in text
    path.write_text(text.replace("phase: starting", "phase: halverwege"), encoding="utf-8")


def test_a_broken_location_fails_alone_with_a_clear_message(small_project):
    break_location(small_project)
    built = run_build(small_project)

    assert built.code == 1
    assert "mislukt: 1" in built.output
    failure = next(line for line in built.output.splitlines() if BROKEN in line and "cel" in line)
    assert f"locaties/{BROKEN}.yaml" in failure and "phase" in failure and "halverwege" in failure
    assert (small_project.root / "build" / "failed" / f"{BROKEN}.ipynb").is_file()
    assert not (built.reports / f"{BROKEN}.html").exists()
    for slug in small_project.location_slugs():
        if slug != BROKEN:
            assert (built.reports / f"{slug}.html").is_file()
    assert (built.reports / "plan.html").is_file()
    overview = (built.reports / "index.html").read_text(encoding="utf-8")
    assert "mislukt" in overview and "halverwege" in overview


def test_a_failed_rebuild_keeps_the_previous_report_and_marks_it_out_of_date(small_project):
    first = run_build(small_project)
    assert first.code == 0, first.output
    report = first.reports / f"{BROKEN}.html"
    before = report.read_bytes()

    break_location(small_project)
    second = run_build(small_project)

    assert second.code == 1
    assert "vorige rapport blijft staan" in second.output
    assert report.read_bytes() == before
    overview = (second.reports / "index.html").read_text(encoding="utf-8")
    row = overview[overview.index(f'href="{BROKEN}.html"') :].split("</tr>")[0]
    assert "verouderd" in row
    assert "halverwege" in overview


def test_the_log_names_a_failed_report_by_default_and_every_report_when_verbose(small_project, capsys):
    break_location(small_project)
    run_build(small_project, "--location", BROKEN)
    quiet = capsys.readouterr().err
    assert f"WARNING workbook.build.pipeline: {BROKEN} failed" in quiet and "halverwege" in quiet
    assert " INFO " not in quiet

    run_build(small_project, "--location", "tweeeiken", "--verbose")
    verbose = capsys.readouterr().err
    assert "INFO workbook.build.pipeline: 1 of 1 reports to build" in verbose
    assert "INFO workbook.build.pipeline: tweeeiken built in" in verbose
