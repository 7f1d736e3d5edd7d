"""One colour, one meaning per page: green, orange, red and grey say where something stands, and
nothing else on the demo's pages is drawn in them (waves, phases, measured values, reference
lines); every colour keeps WCAG contrast on white (3:1 for graphics, 4.5:1 for text)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from matplotlib.colors import to_hex

from workbook import charts
from workbook.analysis.comparison import compare_locations
from workbook.analysis.progress import goal_progress, organisation_progress
from workbook.analysis.rollout import planned_schedule, schedule
from workbook.charts.style import ACCENT, CONCERN, GOOD, NEUTRAL, STANDING_COLOURS, WAVE_COLOURS
from workbook.project.store import Project
from workbook.report.location import PHASE_TONE
from workbook.resources import templates_dir

DAY = dt.date(2026, 12, 1)
JUDGING = {colour.lower() for colour in (*STANDING_COLOURS.values(), GOOD, CONCERN, NEUTRAL)}


def luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def on_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


def colours_drawn(figure, lines: bool = True) -> set[str]:
    """Every fill colour of `figure`'s bars and patches, and of its lines (white and transparent left out)."""
    found = set()
    for axes in figure.axes:
        for patch in axes.patches:
            if patch.get_fill() and patch.get_facecolor()[3] > 0:
                found.add(to_hex(patch.get_facecolor()))
        if lines:
            found |= {to_hex(line.get_color()) for line in axes.lines}
    return found - {"#ffffff"}


@pytest.fixture(scope="module")
def demo():
    project = Project.open("workbook/demo")
    return project.load_plan(), project.load_locations()


def test_waves_phases_and_measured_values_take_no_status_colour(demo):
    plan, locations = demo
    gantt = charts.rollout_gantt(schedule(plan, locations), "nl", DAY, planned=planned_schedule(plan, locations))
    waves = colours_drawn(gantt)
    assert len(waves) >= 2  # the demo's waves are told apart
    compared = colours_drawn(charts.location_comparison(compare_locations(plan, locations, DAY)))
    over_time = set()
    for location in locations:
        if location.measurements:
            over_time |= colours_drawn(charts.measurements_over_time(plan, location))
    for drawn in (waves, compared, over_time):
        assert drawn & JUDGING == set(), drawn


def test_progress_charts_draw_standings_in_the_status_colours_only(demo):
    plan, locations = demo
    drawn = colours_drawn(charts.goal_progress(organisation_progress(plan, locations, DAY)), lines=False)
    for location in locations:
        drawn |= colours_drawn(charts.goal_progress(goal_progress(plan, location, DAY)), lines=False)
    assert drawn <= {c.lower() for c in STANDING_COLOURS.values()}
    assert len(drawn) >= 3


def test_every_colour_keeps_its_contrast_on_white():
    for colour in (*STANDING_COLOURS.values(), *WAVE_COLOURS, ACCENT, GOOD, CONCERN, NEUTRAL):
        assert on_white(colour) >= 3, colour
    css = (templates_dir() / "workbook" / "static" / "report.css").read_text(encoding="utf-8")
    for name in ("ink", "muted", "good", "warn", "bad", "accent"):
        (value,) = re.findall(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", css)
        assert on_white(value) >= 4.5, name


def test_a_phase_badge_is_in_no_status_colour():
    assert set(PHASE_TONE.values()) == {"phase"}
    css = (templates_dir() / "workbook" / "static" / "report.css").read_text(encoding="utf-8")
    (rule,) = re.findall(r"\.badge\.phase\s*\{([^}]*)\}", css)
    assert not re.search(r"var\(--(good|warn|bad)\)", rule)
