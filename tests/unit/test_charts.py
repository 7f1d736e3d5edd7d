"""Charts: the expected artists for given data, a "nothing yet" figure on empty input, no pyplot."""

import datetime as dt
import io

import pytest
from matplotlib import dates as mdates
from matplotlib._pylab_helpers import Gcf
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Rectangle

from workbook import charts
from workbook.analysis.progress import goal_progress, organisation_progress
from workbook.analysis.rollout import schedule
from workbook.analysis.sustainability import score
from workbook.charts.anchoring import GROUP_GID
from workbook.charts.measurements import BASELINE_GID, MEASURED_GID, TARGET_GID
from workbook.model import (
    AnchoringGroup,
    Characteristic,
    ContextFactor,
    ContextGroup,
    Effect,
    Goal,
    Level,
    LocalTarget,
    Location,
    Measurement,
    Plan,
    Position,
    Ring,
    RogersKey,
    Rollout,
    ScanResponse,
    Stakeholder,
)

DAY = dt.date(2025, 3, 1)


def drawn(figure: Figure) -> Figure:
    """Render once (catches layout errors) and hand the figure back."""
    figure.savefig(io.BytesIO(), format="png", dpi=30)
    return figure


def texts(figure: Figure) -> str:
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def bars(axes) -> list[Rectangle]:
    return [patch for c in axes.containers if isinstance(c, BarContainer) for patch in c.patches]


def test_context_factors_sum_weights_per_group_and_effect():
    plan = Plan()
    plan.context.factors = [
        ContextFactor(id="F1", description="Tijd", group=ContextGroup.organisation, effect=Effect.hindering, weight=3),
        ContextFactor(id="F2", description="Geld", group=ContextGroup.organisation, effect=Effect.hindering, weight=2),
        ContextFactor(id="F3", description="Team", group=ContextGroup.professional, effect=Effect.promoting, weight=1),
    ]
    figure = drawn(charts.context_factors(plan))
    axes = figure.axes[0]
    promoting, hindering = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert len(promoting) == len(hindering) == 4  # one bar per group
    assert [bar.get_width() for bar in promoting] == [1, 0, 0, 0]
    assert [bar.get_width() for bar in hindering] == [0, 0, -5, 0]
    assert "Belemmerend" in texts(figure) and "De organisatie" in texts(figure)


def test_stakeholder_grid_one_point_per_stakeholder_coloured_by_position():
    people = [
        Stakeholder(name="Raad van bestuur", power=5, interest=4, position=Position.supporter),
        Stakeholder(name="OR", power=4, interest=4, position=Position.opponent),
        Stakeholder(name="Cliëntenraad", power=4, interest=4, position=Position.supporter),
    ]
    figure = drawn(charts.stakeholder_grid(people, lang="en"))
    collections = [c for c in figure.axes[0].collections if isinstance(c, PathCollection)]
    assert sorted(len(c.get_offsets()) for c in collections) == [1, 2]  # 2 for, 1 against
    offsets = [tuple(point) for c in collections for point in c.get_offsets()]
    assert len(set(offsets)) == 3  # two on the same cell are moved apart
    assert all(3.5 < x < 4.5 and 3.5 < y < 5.5 for x, y in offsets)
    text = texts(figure)
    for label in ("Manage closely", "Keep satisfied", "Keep informed", "Monitor", "3  Cliëntenraad"):
        assert label in text


def test_rogers_profile_reverses_complexity():
    figure = drawn(
        charts.rogers_profile(
            [
                Characteristic(key=RogersKey.complexity, score=4),
                Characteristic(key=RogersKey.relative_advantage, score=5),
                Characteristic(key=RogersKey.trialability),  # not scored: no bar
            ]
        )
    )
    widths = [bar.get_width() for bar in bars(figure.axes[0])]
    assert widths == [5, 2]  # usual order; complexity 4 shows as 6 - 4
    assert "omgekeerd" in texts(figure)


def test_sustainability_scan_bars_whiskers_and_marks():
    responses = [
        ScanResponse(rater="A", date=DAY, answers={"senior_leadership": Level.A, "fit": Level.B}),
        ScanResponse(rater="B", date=DAY, answers={"senior_leadership": Level.C}),
    ]
    figure = drawn(charts.sustainability_scan(score(responses), previous=score(responses[:1])))
    axes = figure.axes[0]
    maxima, means = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert len(maxima) == 10 and len(means) == 2  # every factor's max, the two answered means
    assert means.errorbar is not None
    hatched = [bar for bar in maxima if bar.get_hatch()]
    assert len(hatched) == 2  # clinical leadership and fit: maxima not verified
    text = texts(figure)
    assert "Vuistregel (niet geverifieerd)" in text and "benadering" in text
    assert "2 invullers" in text
    diamonds = [c for c in axes.collections if isinstance(c, PathCollection)]
    assert len(diamonds[0].get_offsets()) == 2  # previous scan: the two factors rater A answered


def test_rollout_gantt_one_bar_per_location_in_order():
    plan = Plan()
    plan.spread.rollout = Rollout(start=DAY, max_concurrent=1, months_per_location=3)
    locations = [Location(slug=s, name=s.title()) for s in ("noord", "zuid")]
    figure = drawn(charts.rollout_gantt(schedule(plan, locations)))
    drawn_bars = bars(figure.axes[0])
    assert len(drawn_bars) == 2
    starts = [mdates.num2date(bar.get_x()).date() for bar in drawn_bars]
    assert starts == [DAY, dt.date(2025, 6, 1)]
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["Noord", "Zuid"]
    assert "6,0 maanden" in texts(figure)


GOALS = [
    Goal(id="D1", text="Gebruik", unit="%", baseline=0, target=80, deadline=dt.date(2025, 12, 31)),
    Goal(id="D2", text="Tevredenheid", unit="cijfer"),
]


def test_goal_progress_bars_for_measured_goals_and_a_note_for_the_rest():
    location = Location(
        slug="noord", name="Noord", start=DAY, measurements=[Measurement(date=DAY, goal_id="D1", value=40)]
    )
    plan = Plan(goals=GOALS)
    on_day = DAY + dt.timedelta(days=1)  # the deadline is months away: half the way is on track
    figure = drawn(charts.goal_progress(goal_progress(plan, location, on_day)))
    assert [bar.get_width() for bar in bars(figure.axes[0])] == [pytest.approx(0.5)]
    assert [bar.get_gid() for bar in bars(figure.axes[0])] == ["standing-D1-on_track"]
    assert "nog geen meting" in texts(figure) and "50% · op schema" in texts(figure)
    assert "op schema" in [text.get_text() for text in figure.legends[0].get_texts()]


def test_progress_over_locations_counts_the_locations_per_standing_as_the_table_does():
    plan = Plan(goals=GOALS)
    ahead = Location(slug="a", name="A", start=DAY, measurements=[Measurement(date=DAY, goal_id="D1", value=40)])
    reached = Location(slug="b", name="B", start=DAY, measurements=[Measurement(date=DAY, goal_id="D1", value=80)])
    unmeasured = Location(slug="c", name="C", start=DAY)
    rows = organisation_progress(plan, [ahead, reached, unmeasured], DAY + dt.timedelta(days=1))
    figure = drawn(charts.goal_progress(rows))
    segments = [(bar.get_gid(), bar.get_width()) for bar in bars(figure.axes[0])]
    # D1: one reached, one on track, one not measured yet; D2: measured nowhere
    assert segments == [("standing-D1-reached-1", 1), ("standing-D1-on_track-1", 1), (None, 1), (None, 3)]
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend == ["gehaald", "op schema", "nog geen meting"]


def test_anchoring_rings_three_circles_and_a_name_per_group():
    groups = [
        AnchoringGroup(group="Nachtdienst", ring=Ring.core),
        AnchoringGroup(group="Dagdienst", ring=Ring.close),
        AnchoringGroup(group="ICT", ring=Ring.outer),
        AnchoringGroup(group="Planning", ring=Ring.outer),
    ]
    figure = drawn(charts.anchoring_rings(groups))
    axes = figure.axes[0]
    assert len([p for p in axes.patches if isinstance(p, Circle)]) == 3
    names = [t.get_text() for t in axes.texts if t.get_gid() == GROUP_GID]
    assert sorted(names) == ["Dagdienst", "ICT", "Nachtdienst", "Planning"]
    core = next(t for t in axes.texts if t.get_text() == "Nachtdienst")
    assert abs(core.get_position()[0]) < 1 and abs(core.get_position()[1]) < 1  # inside the core


def test_measurements_over_time_one_panel_per_measured_goal_with_target():
    location = Location(
        slug="noord",
        name="Noord",
        targets=[LocalTarget(goal_id="D1", target=70)],
        measurements=[
            Measurement(date=DAY, goal_id="D1", value=10),
            Measurement(date=dt.date(2025, 5, 1), goal_id="D1", value=45),
            Measurement(date=dt.date(2025, 4, 1), goal_id="D1", value=30),
        ],
    )
    figure = drawn(charts.measurements_over_time(Plan(goals=GOALS), location))
    assert len(figure.axes) == 1  # D2 has no measurements
    lines = {line.get_gid(): line for line in figure.axes[0].lines}
    assert list(lines[MEASURED_GID].get_ydata()) == [10, 30, 45]  # sorted by date
    assert list(lines[TARGET_GID].get_ydata()) == [70, 70]  # the local target
    assert list(lines[BASELINE_GID].get_ydata()) == [0, 0]
    assert "Lokale streefwaarde 70" in texts(figure)


@pytest.mark.parametrize(
    "make",
    [
        lambda: charts.context_factors(Plan()),
        lambda: charts.stakeholder_grid([]),
        lambda: charts.rogers_profile([Characteristic(key=RogersKey.compatibility)]),
        lambda: charts.sustainability_scan(score([])),
        lambda: charts.sustainability_scan(None),
        lambda: charts.rollout_gantt(schedule(Plan(), [Location(slug="a", name="A")])),
        lambda: charts.goal_progress([]),
        lambda: charts.anchoring_rings([]),
        lambda: charts.measurements_over_time(Plan(goals=GOALS), Location(slug="a", name="A")),
    ],
)
def test_empty_input_gives_a_figure_that_says_so(make):
    figure = drawn(make())
    assert isinstance(figure, Figure)
    assert charts.is_empty(figure)
    assert "Nog niets om te tonen" in texts(figure)


def test_english_on_request_and_no_pyplot_figures_left_behind():
    figure = charts.stakeholder_grid([], lang="en")
    assert "Nothing to show yet" in texts(figure)
    assert not charts.is_empty(drawn(charts.anchoring_rings([AnchoringGroup(group="X")])))
    assert Gcf.get_num_fig_managers() == 0
