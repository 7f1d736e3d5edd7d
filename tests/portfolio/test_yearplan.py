"""The year plan's rule, checked against a placement worked out by hand."""

from __future__ import annotations

from workbook.model.portfolio import Capacity, Criterion, Portfolio, PortfolioProject, ProjectStatus
from workbook.portfolio.yearplan import Placement, year_plan


def small_portfolio() -> Portfolio:
    """Two criteria (strategie ×3, urgentie ×1), 100 hours in every quarter, five projects."""
    return Portfolio(
        name="Commissie",
        year=2026,
        capacity=Capacity(q1=100, q2=100, q3=100, q4=100),
        criteria=[Criterion(key="strategie", weight=3), Criterion(key="urgentie", weight=1)],
        projects=[
            PortfolioProject(code="echo", name="Echo", scores={"strategie": 1, "urgentie": 5}, hours_total=100),
            PortfolioProject(
                code="charlie", name="Charlie", scores={"strategie": 4, "urgentie": 4}, hours_total=150, start_quarter=3
            ),
            PortfolioProject(
                code="bravo",
                name="Bravo",
                scores={"strategie": 4, "urgentie": 4},
                hours_per_quarter=[80],
                start_quarter=2,
            ),
            PortfolioProject(
                code="alfa",
                name="Alfa",
                status=ProjectStatus.running,
                scores={"strategie": 5, "urgentie": 3},
                hours_per_quarter=[60, 60],
            ),
            PortfolioProject(
                code="delta", name="Delta", status=ProjectStatus.deferred, scores={"strategie": 2, "urgentie": 2}
            ),
        ],
    )


def test_the_year_plan_follows_the_rule_worked_out_by_hand():
    # Scores: Alfa (3×5+1×3)/4 = 4.5; Bravo and Charlie (3×4+1×4)/4 = 4.0 (tie: by name);
    # Delta (3×2+1×2)/4 = 2.0 and Echo (3×1+1×5)/4 = 2.0 (tie: by name).
    # Alfa asks 60 in Q1 and Q2: placed; free 40, 40, 100, 100.
    # Bravo asks 80 in Q2, only 40 free: not this year; from Q3 (100 free) it would fit.
    # Charlie asks 150 in total from Q3: Q3 100, Q4 50; free 40, 40, 0, 50.
    # Delta is "later": not placed.
    # Echo asks 100 in total from Q1: 40 + 40 + 0 + 50 = 130 free, so Q1 40, Q2 40, Q4 20.
    plan = year_plan(small_portfolio())
    assert [(r.rank, r.project.name, r.score) for r in plan.ranked] == [
        (1, "Alfa", 4.5),
        (2, "Bravo", 4.0),
        (3, "Charlie", 4.0),
        (4, "Delta", 2.0),
        (5, "Echo", 2.0),
    ]
    placement = {r.project.code: (r.placement, r.hours) for r in plan.ranked}
    assert placement == {
        "alfa": (Placement.placed, {1: 60, 2: 60}),
        "bravo": (Placement.not_this_year, {}),
        "charlie": (Placement.placed, {3: 100, 4: 50}),
        "delta": (Placement.not_planned, {}),
        "echo": (Placement.placed, {1: 40, 2: 40, 4: 20}),
    }
    bravo = plan.ranked[1]
    assert (bravo.shortfall.asked, bravo.shortfall.quarter, bravo.shortfall.free) == (80, 2, 40)
    assert bravo.fits_from == 3
    assert plan.planned == {1: 100, 2: 100, 3: 100, 4: 70}


def test_a_higher_score_moves_a_project_forward_and_pushes_another_out():
    portfolio = small_portfolio()
    bravo = portfolio.project("bravo")
    bravo.scores = {"strategie": 5, "urgentie": 5}
    # Bravo (3×5+1×5)/4 = 5.0 now goes first: 80 in Q2; free 100, 20, 100, 100.
    # Alfa asks 60 in Q2, only 20 free: not this year; starting in Q3 (60 and 60 free) it would fit.
    # Charlie: Q3 100, Q4 50; free 100, 20, 0, 50. Echo: 100 from Q1, all in Q1.
    plan = year_plan(portfolio)
    assert [r.project.name for r in plan.ranked] == ["Bravo", "Alfa", "Charlie", "Delta", "Echo"]
    placement = {r.project.code: (r.placement, r.hours) for r in plan.ranked}
    assert placement == {
        "bravo": (Placement.placed, {2: 80}),
        "alfa": (Placement.not_this_year, {}),
        "charlie": (Placement.placed, {3: 100, 4: 50}),
        "delta": (Placement.not_planned, {}),
        "echo": (Placement.placed, {1: 100}),
    }
    alfa = plan.ranked[1]
    assert (alfa.shortfall.asked, alfa.shortfall.quarter, alfa.shortfall.free) == (60, 2, 20)
    assert alfa.fits_from == 3
    assert plan.planned == {1: 100, 2: 80, 3: 100, 4: 50}


def test_a_missing_score_counts_as_zero_and_is_named():
    portfolio = small_portfolio()
    portfolio.project("echo").scores = {"urgentie": 4}
    plan = year_plan(portfolio)
    echo = next(r for r in plan.ranked if r.project.code == "echo")
    assert echo.score == 1.0  # (3×0 + 1×4) / 4
    assert echo.missing == ("strategie",)


def test_a_total_that_does_not_fit_says_what_is_free_from_its_start_and_that_no_quarter_fits():
    portfolio = Portfolio(
        capacity=Capacity(q1=50, q2=50, q3=50, q4=50),
        criteria=[Criterion(key="strategie")],
        projects=[PortfolioProject(code="groot", name="Groot", hours_total=320, start_quarter=2)],
    )
    (groot,) = year_plan(portfolio).ranked
    assert groot.placement is Placement.not_this_year
    assert (groot.shortfall.asked, groot.shortfall.free, groot.shortfall.total) == (320, 150, True)
    assert groot.fits_from is None
