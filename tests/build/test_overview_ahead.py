"""The overview is worked out while the last reports still run, and is right when one of them fails."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest

import workbook.report.overview
from workbook.build.inputs import location_inputs
from workbook.build.manifest import Manifest
from workbook.build.overview import Overview
from workbook.build.pipeline import LOCATION_NOTEBOOK, TEMPLATE
from workbook.build.targets import LOCATION, Layout, Target
from workbook.report.audience import Audience
from workbook.resources import notebooks_dir, templates_dir

LAST = "het-spijker"


@pytest.fixture
def build(small_project):
    """The small project's build folder, its targets and an overview that has not been written yet."""
    layout = Layout(small_project.root / "build")
    for audience in Audience:
        layout.audience_reports(audience).mkdir(parents=True)
    notebook, template = notebooks_dir() / LOCATION_NOTEBOOK, templates_dir() / TEMPLATE
    targets = [
        Target(LOCATION, slug, notebook, {}, location_inputs(small_project, slug, notebook, template, "nl"))
        for slug in small_project.location_slugs()
    ]
    manifest = Manifest(layout.manifest)
    overview = Overview(small_project, layout, manifest, targets, "nl", False, tuple(Audience))
    return layout, manifest, {t.slug: t for t in targets}, overview


def succeed(target: Target, layout: Layout, manifest: Manifest) -> None:
    target.report(layout).write_text("<p>rapport</p>", encoding="utf-8")
    manifest.succeeded(target.key, target.inputs.digest, "2026-04-09T14:00:00+02:00", 1.0)


def row_of(page: str, name: str) -> str:
    return page[page.index(name) :].split("</tr>")[0]


@dataclass
class Renders:
    """How often the overview pages were worked out, and an event set at the first time."""

    count: int = 0
    started: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def renders(monkeypatch) -> Renders:
    seen = Renders()
    original = workbook.report.overview.overview_pages

    def counting(*args, **kwargs):
        seen.count += 1
        seen.started.set()
        return original(*args, **kwargs)

    monkeypatch.setattr(workbook.report.overview, "overview_pages", counting)
    return seen


def test_pages_worked_out_ahead_are_written_when_the_last_report_succeeds(build, renders):
    layout, manifest, targets, overview = build
    for slug, target in targets.items():
        if slug != LAST:
            succeed(target, layout, manifest)

    overview.expect([targets[LAST]])
    assert renders.started.wait(60), "the pages are worked out while the last report still runs"
    succeed(targets[LAST], layout, manifest)

    assert overview.write()
    assert renders.count == 1, "and not again afterwards"
    page = layout.index.read_text(encoding="utf-8")
    assert f'href="{LAST}.html"' in page and "actueel" in row_of(page, f'href="{LAST}.html"')
    for audience in Audience:
        assert f'href="{LAST}.html"' in (layout.audience_reports(audience) / "index.html").read_text(encoding="utf-8")


def test_a_report_that_fails_after_all_is_shown_as_failed(build, renders):
    layout, manifest, targets, overview = build
    for slug, target in targets.items():
        if slug != LAST:
            succeed(target, layout, manifest)

    overview.expect([targets[LAST]])
    assert renders.started.wait(60)
    error = "cel 3 gaf een fout: ValueError: kapotte meting"
    manifest.failed(targets[LAST].key, targets[LAST].inputs.digest, error, "2026-04-09T14:00:00+02:00", 1.0)

    assert overview.write()
    assert renders.count == 2, "worked out again: the assumption did not come true"
    page = layout.index.read_text(encoding="utf-8")
    assert f'href="{LAST}.html"' not in page
    assert "kapotte meting" in page and "mislukt" in page


def test_nothing_is_worked_out_or_written_when_nothing_changed(build, renders):
    layout, manifest, targets, overview = build
    for target in targets.values():
        succeed(target, layout, manifest)
    assert overview.write()
    written = layout.index.stat().st_mtime_ns

    again = Overview(overview.project, layout, manifest, list(targets.values()), "nl", False, tuple(Audience))
    again.expect([])
    assert not again.write()
    assert renders.count == 1
    assert layout.index.stat().st_mtime_ns == written
