"""The crash-trial harness in benchmarks/ runs: 20 children killed mid-work, nothing lost or stuck."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from workbook.versions import store as versions_module

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_trials.py"


@pytest.mark.slow
def test_twenty_kills_leave_every_project_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(versions_module, "FOLD_MINUTES", versions_module.FOLD_MINUTES)  # the harness sets it
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Crashproef")
    spec = importlib.util.spec_from_file_location("crash_trials", HARNESS)
    harness = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "crash_trials", harness)  # its dataclasses look themselves up there
    spec.loader.exec_module(harness)
    figures = harness.trials(20, folder=tmp_path, fresh=10)
    assert figures.kills == 20
    assert (figures.corrupt, figures.lost, figures.wedged, figures.drift, figures.invented) == (0, 0, 0, 0, 0), (
        figures.notes
    )
    assert figures.acknowledged > 0, "the children did get work done before they were killed"
