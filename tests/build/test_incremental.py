"""Only what changed is rebuilt; --force rebuilds everything; --location picks locations."""

from __future__ import annotations

import pytest

from tests.build.conftest import run_build

pytestmark = pytest.mark.slow


def modification_times(reports):
    return {path.name: path.stat().st_mtime_ns for path in reports.glob("*.html")}


def add_measurement(project, slug):
    path = project.measurements_path(slug)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("2026-11-20,D1,55,nieuwe meting\n")


def test_unchanged_reports_are_skipped_and_a_changed_location_is_rebuilt(small_project):
    first = run_build(small_project)
    assert first.code == 0, first.output
    assert "Rapporten gemaakt: 4; ongewijzigd en overgeslagen: 0" in first.output

    again = run_build(small_project)
    assert "Rapporten gemaakt: 0; ongewijzigd en overgeslagen: 4" in again.output
    before = modification_times(again.reports)

    add_measurement(small_project, "de-kolk")
    changed = run_build(small_project)
    assert changed.code == 0, changed.output
    assert "Rapporten gemaakt: 2; ongewijzigd en overgeslagen: 2" in changed.output
    after = modification_times(changed.reports)
    rebuilt = {name for name in after if after[name] != before[name]}
    assert rebuilt == {"de-kolk.html", "plan.html", "index.html"}
    assert "nieuwe meting" not in (changed.reports / "de-kolk.html").read_text(encoding="utf-8")

    forced = run_build(small_project, "--force")
    assert "Rapporten gemaakt: 4; ongewijzigd en overgeslagen: 0" in forced.output


def test_the_location_option_builds_only_those_and_the_overview_shows_the_rest_as_out_of_date(small_project):
    assert run_build(small_project).code == 0
    add_measurement(small_project, "tweeeiken")
    add_measurement(small_project, "de-kolk")

    chosen = run_build(small_project, "--location", "de-kolk")

    assert "Rapporten gemaakt: 1; ongewijzigd en overgeslagen: 0" in chosen.output
    overview = (chosen.reports / "index.html").read_text(encoding="utf-8")
    row = overview[overview.index('href="tweeeiken.html"') :].split("</tr>")[0]
    assert "verouderd" in row
    row = overview[overview.index('href="de-kolk.html"') :].split("</tr>")[0]
    assert "actueel" in row


def test_an_unknown_location_is_named_with_the_known_ones(small_project, capsys):
    built = run_build(small_project, "--location", "bestaat-niet")
    assert built.code == 1
    error = capsys.readouterr().err
    assert "bestaat-niet" in error and "tweeeiken" in error
    assert not (small_project.root / "build" / "reports").exists()


def test_a_forced_rebuild_of_unchanged_data_draws_no_chart_again_and_changes_no_page(small_project):
    first = run_build(small_project)
    charts_dir = small_project.root / "build" / "charts"
    kept = {path.name: (path.stat().st_ino, path.read_bytes()) for path in charts_dir.glob("*.svg")}
    pages = {path: path.read_bytes() for path in first.reports.rglob("*.html")}
    assert kept, "the build keeps the charts it drew"

    again = run_build(small_project, "--force")
    assert again.code == 0, again.output
    # a chart drawn anew would be written to a new file (a new inode): none is
    assert {path.name: (path.stat().st_ino, path.read_bytes()) for path in charts_dir.glob("*.svg")} == kept
    assert {path: path.read_bytes() for path in again.reports.rglob("*.html")} == pages

    run_build(small_project)  # nothing changed: every report skipped, and their charts stay kept
    assert {path.name for path in charts_dir.glob("*.svg")} == set(kept)
