"""The year plan's chart: the legend stands under the bars, clear of every bar's label."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Annotation

from workbook.charts.portfolio import capacity_chart
from workbook.model.portfolio import Capacity, Criterion, Portfolio, PortfolioProject
from workbook.portfolio.yearplan import year_plan


def test_the_legend_is_under_the_chart_and_covers_no_bar_label(artifacts):
    # The demo's situation: Q4 nearly full (380 of 400), its label right where a legend at the upper right sat.
    portfolio = Portfolio(
        capacity=Capacity(q1=400, q2=400, q3=300, q4=400),
        criteria=[Criterion(key="strategie")],
        projects=[PortfolioProject(code="a", name="A", hours_per_quarter=[400, 400, 300, 380])],
    )
    figure = capacity_chart(year_plan(portfolio), "nl")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    (axes,) = figure.axes
    (legend,) = figure.legends
    box = legend.get_window_extent(renderer)
    labels = [text for text in axes.texts if isinstance(text, Annotation)]
    assert "380" in [text.get_text() for text in labels]
    assert [t.get_text() for t in labels if t.get_window_extent(renderer).overlaps(box)] == []
    assert box.y1 < axes.get_tightbbox(renderer).y0 + 1  # under the axes and their tick labels
    assert [t.get_text() for t in legend.get_texts()] == ["Capaciteit", "Gepland", "Gepland, kwartaal vol"]
    figure.savefig(artifacts / "portfolio-capacity-chart.png", dpi=80)
