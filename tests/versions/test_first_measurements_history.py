"""`workbook history` of a location whose first measurements made its CSV file."""

from __future__ import annotations

from workbook.cli import main
from workbook.model import Measurement
from workbook.project.store import Project


def test_history_shows_the_first_measurements_of_a_location(empty_project: Project, capsys) -> None:
    location = empty_project.add_location("De Linde")
    location.measurements = [Measurement(date="2026-03-01", goal_id="D1", value=12)]
    empty_project.save_location(location)
    assert main(["--lang", "nl", "history", str(empty_project.root)]) == 0
    assert "De Linde, meting 1 maart 2026 D1 toegevoegd" in capsys.readouterr().out
