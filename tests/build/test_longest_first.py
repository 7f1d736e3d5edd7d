"""The reports that took longest last time start first, so that no kernel waits for one long last report."""

from __future__ import annotations

from pathlib import Path

from workbook.build.inputs import Inputs
from workbook.build.manifest import Manifest
from workbook.build.pipeline import _longest_first
from workbook.build.targets import LOCATION, PLAN, Target


def target(slug: str) -> Target:
    return Target(PLAN if slug == "" else LOCATION, slug, Path("nb.ipynb"), {}, Inputs())


def test_longest_last_time_first_and_new_reports_before_all_in_their_own_order(tmp_path):
    manifest = Manifest(tmp_path / "manifest.json")
    for slug, seconds in (("", 1.4), ("de-kolk", 0.3), ("de-linde", 1.1), ("het-spijker", 0.2)):
        manifest.succeeded(target(slug).key, "digest", "2026-04-09T14:00:00+02:00", seconds)
    manifest.failed(target("tweeeiken").key, "digest", "kapot", "2026-04-09T14:00:00+02:00", 0.6)
    order = ["de-kolk", "nieuw-b", "", "het-spijker", "de-linde", "nieuw-a", "tweeeiken"]

    ordered = _longest_first([target(slug) for slug in order], manifest)

    assert [t.slug for t in ordered] == ["nieuw-b", "nieuw-a", "", "de-linde", "tweeeiken", "de-kolk", "het-spijker"]
