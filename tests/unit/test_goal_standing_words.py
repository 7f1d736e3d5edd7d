"""Goals in the reports' sentences: by number and short text, met late says how late, one dip is a dip.

The rule (``analysis.progress``): a goal is reached from the first measurement at or past its
target, on time or not, and the words say how long after the deadline; one measurement below the
target after that is a dip and does not undo it; two in a row do.
"""

from __future__ import annotations

import csv
import datetime as dt

from workbook import charts
from workbook.analysis.progress import Standing, goal_progress
from workbook.model import Goal, Location, Measurement, Plan
from workbook.report import truth
from workbook.report.location import attention_points
from workbook.resources import demo_dir

TRAINED = Goal(
    id="D3",
    text="Vóór de start van elke locatie heeft 90% van de nachtdienst de training gevolgd.",
    indicator="Aandeel getrainde nachtmedewerkers",
    unit="%",
    baseline=10,
    target=90,
    due_after_start=0,
)
START = dt.date(2026, 7, 6)


def trained(*values: tuple[dt.date, float], phase: str = "running", today: dt.date = dt.date(2026, 11, 1)):
    location = Location(
        slug="eiken",
        name="Tweeëiken",
        phase=phase,
        start=START,
        end=dt.date(2027, 6, 30),
        measurements=[Measurement(goal_id="D3", date=day, value=value) for day, value in values],
    )
    (row,) = goal_progress(Plan(goals=[TRAINED]), location, today)
    return row


def test_a_goal_met_after_its_deadline_says_how_long_after():
    # due at the start (6 July); 93% on 31 October is three months and 25 days later: four months
    row = trained((dt.date(2026, 6, 26), 78), (dt.date(2026, 8, 31), 86), (dt.date(2026, 10, 31), 93))
    assert row.standing == Standing.reached and row.reached_on == dt.date(2026, 10, 31)
    assert truth.standing_text(row, "nl") == "gehaald, 4 maanden na de deadline"
    assert truth.standing_text(row, "en") == "reached, 4 months after the deadline"
    assert truth.goal_status(row, "nl") == (
        "D3 · Aandeel getrainde nachtmedewerkers: gehaald, 4 maanden na de deadline (uiterlijk 6 jul 2026)"
    )


def test_lateness_reads_in_days_under_a_month_and_in_months_with_dutch_plurals():
    def words(reached: dt.date) -> str:
        return truth.standing_text(trained((reached, 95)), "nl")

    assert words(START) == "gehaald"
    assert words(START - dt.timedelta(days=3)) == "gehaald"
    assert words(START + dt.timedelta(days=1)) == "gehaald, 1 dag na de deadline"
    assert words(dt.date(2026, 7, 31)) == "gehaald, 25 dagen na de deadline"
    assert words(dt.date(2026, 8, 10)) == "gehaald, 1 maand na de deadline"  # a month and four days
    assert words(dt.date(2026, 9, 7)) == "gehaald, 2 maanden na de deadline"  # two months and a day


def test_one_dip_after_reaching_the_target_does_not_undo_it_and_is_said():
    on_time = trained((dt.date(2026, 7, 1), 92), (dt.date(2026, 9, 30), 88))
    late = trained((dt.date(2026, 8, 31), 93))
    # both reached their target: both count as reached, whichever dipped or came later
    assert on_time.standing == late.standing == Standing.reached
    assert on_time.reached_on == dt.date(2026, 7, 1) and on_time.dipped and not late.dipped
    assert truth.standing_text(on_time, "nl") == "gehaald; laatste meting weer onder de streefwaarde"


def test_two_measurements_in_a_row_below_the_target_undo_it():
    fallen = trained(
        (dt.date(2026, 7, 1), 92),
        (dt.date(2026, 8, 31), 88),
        (dt.date(2026, 9, 30), 85),
        phase="finished",
        today=dt.date(2026, 10, 1),
    )
    assert fallen.standing == Standing.missed and fallen.reached_on is None
    assert truth.standing_text(fallen, "nl") == "niet gehaald"
    # reached again afterwards: reached from the measurement that reached it again, late
    again = trained(
        (dt.date(2026, 7, 1), 92), (dt.date(2026, 8, 31), 88), (dt.date(2026, 9, 30), 85), (dt.date(2026, 10, 6), 91)
    )
    assert again.standing == Standing.reached and again.reached_on == dt.date(2026, 10, 6)
    assert truth.standing_text(again, "nl") == "gehaald, 3 maanden na de deadline"


def demo_measurements(slug: str, goal_id: str) -> list[tuple[dt.date, float]]:
    with (demo_dir() / "metingen" / f"{slug}.csv").open(encoding="utf-8") as handle:
        rows = [(dt.date.fromisoformat(r["datum"]), float(r["waarde"])) for r in csv.DictReader(handle)]
        handle.seek(0)
        goals = [r["doel"] for r in csv.DictReader(handle)]
    return sorted(row for row, goal in zip(rows, goals, strict=True) if goal == goal_id)


def test_the_demos_two_training_goals_are_judged_alike(demo_project):
    """Tweeëiken reached D3 months after its start; De Linde reached it weeks after its start and
    dipped once since. Both are "gehaald", each saying how late, De Linde also the dip."""
    plan, today = demo_project.load_plan(), dt.date(2026, 12, 7)
    goal = next(goal for goal in plan.goals if goal.id == "D3")
    assert goal.due_after_start == 0 and goal.target is not None
    worded = {}
    for slug in ("tweeeiken", "de-linde"):
        location = demo_project.load_location(slug)
        measured = demo_measurements(slug, "D3")
        first = next(day for day, value in measured if value >= goal.target)
        assert location.start is not None and first > location.start
        row = next(row for row in goal_progress(plan, location, today) if row.goal_id == "D3")
        assert row.standing == Standing.reached and row.reached_on == first
        worded[slug] = (truth.standing_text(row, "nl"), first, location.start, measured[-1][1] < goal.target)
    text, first, start, dipped = worded["tweeeiken"]
    # three whole months and 25 days of a 31-day month: nearer four months than three
    assert not dipped and (first.month - start.month, first.day - start.day) == (3, 25)
    assert text == "gehaald, 4 maanden na de deadline"
    text, first, start, dipped = worded["de-linde"]
    assert dipped and first.month == start.month
    assert text == f"gehaald, {(first - start).days} dagen na de deadline; laatste meting weer onder de streefwaarde"


def test_a_goal_is_named_by_number_and_short_text_never_a_bare_code(demo_project):
    plan, today = demo_project.load_plan(), dt.date(2026, 12, 7)
    kolk = demo_project.load_location("de-kolk")
    goal = next(goal for goal in plan.goals if goal.id == "D3")
    attention = attention_points(plan, kolk, "nl", today)
    assert f"D3 · {goal.indicator}: achter op schema (uiterlijk 7 dec 2026)" in attention
    # without an indicator: the start of the goal's text, cut at a word
    vague = next(goal for goal in plan.goals if not goal.indicator)
    (row,) = goal_progress(Plan(goals=[vague]), kolk, today)
    name = row.name
    assert name.startswith(f"{vague.id} · ") and len(name) < len(f"{vague.id} · {vague.text}")
    assert name.endswith("…") and vague.text.startswith(name.removeprefix(f"{vague.id} · ").removesuffix("…"))


def test_no_minus_zero_percent_in_the_progress_charts(demo_project):
    """Wijkteam Marlo-Noord's rounds are back at the baseline: a share of -0.0, shown as 0%."""
    plan, today = demo_project.load_plan(), dt.date(2026, 12, 7)
    marlo = demo_project.load_location("wijkteam-marlo-noord")
    rows = goal_progress(plan, marlo, today)
    assert any(row.share == 0 and str(row.share) == "-0.0" for row in rows)
    figure = charts.goal_progress(rows, "nl")
    labels = " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))
    assert "0%" in labels and "-0%" not in labels and "−0%" not in labels
