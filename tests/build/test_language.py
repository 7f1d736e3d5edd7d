"""``--lang en`` makes the reports in English; Dutch is the default."""

from __future__ import annotations

import pytest

from tests.build.conftest import run_build

pytestmark = pytest.mark.slow


def test_reports_come_in_english_when_asked(small_project):
    built = run_build(small_project, "--location", "tweeeiken", "--lang", "en")
    assert built.code == 0, built.output
    assert "Reports made: 1" in built.output
    report = (built.reports / "tweeeiken.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in report
    assert "<h2>Summary</h2>" in report and "Samenvatting" not in report
    overview = (built.reports / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in overview and "Rollout overview" in overview
