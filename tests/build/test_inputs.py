"""Content hashes decide what is rebuilt; the manifest remembers what was built from what."""

from __future__ import annotations

import shutil

from workbook.build.inputs import location_inputs, plan_inputs
from workbook.build.manifest import Manifest
from workbook.build.pipeline import LOCATION_NOTEBOOK
from workbook.resources import notebooks_dir, templates_dir


def digests(project, notebook, template, lang="nl"):
    slugs = project.location_slugs()
    own = {slug: location_inputs(project, slug, notebook, template, lang).digest for slug in slugs}
    return own, plan_inputs(project, notebook, template, lang).digest


def test_a_location_digest_follows_its_own_files_the_plan_notebook_template_and_language(demo_project, tmp_path):
    notebook = tmp_path / LOCATION_NOTEBOOK
    shutil.copy(notebooks_dir() / LOCATION_NOTEBOOK, notebook)
    template = tmp_path / "template"
    shutil.copytree(templates_dir() / "workbook", template)
    slug, other = demo_project.location_slugs()[:2]
    base, base_plan = digests(demo_project, notebook, template)

    with demo_project.measurements_path(other).open("a", encoding="utf-8") as handle:
        handle.write("2026-11-20,D1,50,\n")
    changed, changed_plan = digests(demo_project, notebook, template)
    assert changed[slug] == base[slug] and changed[other] != base[other]
    assert changed_plan != base_plan

    for edit in (
        lambda: demo_project.plan_path.write_text(demo_project.plan_path.read_text() + "\n", encoding="utf-8"),
        lambda: notebook.write_text(notebook.read_text() + " ", encoding="utf-8"),
        lambda: (template / "static" / "report.css").write_text("body{}", encoding="utf-8"),
    ):
        before = digests(demo_project, notebook, template)[0][slug]
        edit()
        assert digests(demo_project, notebook, template)[0][slug] != before
    assert (
        digests(demo_project, notebook, template, "en")[0][slug] != digests(demo_project, notebook, template)[0][slug]
    )


def test_the_manifest_keeps_the_report_inputs_of_the_last_success(tmp_path):
    manifest = Manifest(tmp_path / "manifest.json")
    report = tmp_path / "a.html"
    report.write_text("x", encoding="utf-8")
    manifest.succeeded("location:a", "one", "2026-01-01T00:00:00", 1.0)
    assert manifest.up_to_date("location:a", "one", report)
    assert not manifest.up_to_date("location:a", "two", report)
    assert not manifest.up_to_date("location:a", "one", tmp_path / "missing.html")

    manifest.failed("location:a", "two", "kapot", "2026-01-02T00:00:00", 1.0)
    manifest.save()
    loaded = Manifest.load(tmp_path / "manifest.json")
    assert loaded.entries["location:a"].report_inputs == "one"
    assert loaded.stale("location:a", "two")
    assert not loaded.up_to_date("location:a", "two", report)


def test_an_unreadable_manifest_means_rebuild_everything(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text("{niet json", encoding="utf-8")
    assert Manifest.load(path).entries == {}
