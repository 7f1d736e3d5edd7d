"""Locations compared: one bar per location with data, a note (not a zero bar) for those without."""

import datetime as dt
import io

import pytest
from matplotlib._pylab_helpers import Gcf
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from workbook import charts
from workbook.analysis.comparison import compare_locations
from workbook.analysis.sustainability import score
from workbook.model import Goal, Level, Location, Measurement, Phase, Plan, ScanResponse, Wave

DAY = dt.date(2025, 3, 1)
GOALS = [
    Goal(id="D1", text="Gebruik", unit="%", baseline=0, target=80),
    Goal(id="D2", text="Tevredenheid", unit="cijfer", baseline=6, target=8),
    Goal(id="D3", text="Zonder streefwaarde", unit="aantal"),
]
SCAN = [
    ScanResponse(rater="A", date=DAY, answers={"benefits": Level.A, "fit": Level.B}),
    ScanResponse(rater="B", date=DAY, answers={"benefits": Level.C}),
]


def drawn(figure: Figure) -> Figure:
    figure.savefig(io.BytesIO(), format="png", dpi=30)
    return figure


def texts(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def bars(axes) -> list[Rectangle]:
    return [patch for c in axes.containers if isinstance(c, BarContainer) for patch in c.patches]


def measured(goal_id: str, *values: float) -> list[Measurement]:
    return [Measurement(date=DAY + dt.timedelta(days=30 * i), goal_id=goal_id, value=v) for i, v in enumerate(values)]


def locations() -> list[Location]:
    return [
        Location(
            slug="noord",
            name="Noord",
            phase=Phase.running,
            measurements=measured("D1", 10, 40) + measured("D2", 7),
            scans=SCAN,
        ),
        Location(slug="zuid", name="Zuid", phase=Phase.starting, measurements=measured("D3", 5)),
        Location(slug="west", name="West"),
    ]


def test_rows_follow_the_waves_and_average_the_known_shares():
    plan = Plan(goals=GOALS)
    plan.spread.rollout.waves = [Wave(name="Eerst", locations=["west"]), Wave(name="Dan", locations=["noord"])]
    rows = compare_locations(plan, locations())
    assert [row.slug for row in rows] == ["west", "noord", "zuid"]
    noord = rows[1]
    assert noord.progress == pytest.approx((40 / 80 + (7 - 6) / (8 - 6)) / 2)
    assert noord.scan_share == pytest.approx(score(SCAN).total / score(SCAN).max_total)
    assert rows[2].measured and rows[2].progress is None and rows[2].scan is None
    assert not rows[0].measured


def test_a_bar_per_location_with_data_in_each_panel():
    rows = compare_locations(Plan(goals=GOALS), locations())
    figure = drawn(charts.location_comparison(rows))
    progress_axes, scan_axes = figure.axes
    assert len(bars(progress_axes)) == sum(row.progress is not None for row in rows) == 1
    assert len(bars(scan_axes)) == sum(row.scan is not None for row in rows) == 1
    assert bars(progress_axes)[0].get_width() == pytest.approx(rows[0].progress)
    assert bars(scan_axes)[0].get_width() == pytest.approx(rows[0].scan_share)
    # the phase is written under the name, not given a colour
    assert [t.get_text() for t in progress_axes.get_yticklabels()] == [
        f"{row.name}\n{row.phase.label('nl')}" for row in rows
    ]
    assert [t.get_text().split("\n")[0] for t in progress_axes.get_yticklabels()] == ["Noord", "Zuid", "West"]
    assert Gcf.get_num_fig_managers() == 0


def test_a_location_without_data_gets_a_note_not_a_zero_bar():
    rows = compare_locations(Plan(goals=GOALS), locations())
    figure = drawn(charts.location_comparison(rows))
    progress_axes, scan_axes = figure.axes
    west = 2
    assert all(abs(bar.get_y() + bar.get_height() / 2 - west) > 0.5 for bar in bars(progress_axes) + bars(scan_axes))
    notes = {(round(t.get_position()[1]), t.get_text()) for axes in figure.axes for t in axes.texts}
    assert (west, "nog geen metingen") in notes
    assert (west, "nog geen scan") in notes
    assert (1, "geen nulmeting of streefwaarde") in notes  # Zuid measured a goal without a target
    assert "no measurements yet" in texts(charts.location_comparison(rows, lang="en"))


def test_no_locations_gives_the_empty_figure():
    figure = drawn(charts.location_comparison([]))
    assert charts.is_empty(figure)
    assert "Nog niets om te tonen" in texts(figure)
    assert not charts.is_empty(charts.location_comparison(compare_locations(Plan(), [Location(slug="a", name="A")])))
