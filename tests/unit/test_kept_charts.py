"""Charts drawn once: with the build's cache on, the same chart is not drawn again, and the page
shows the very same SVG; other data, another language or no cache draws anew."""

from __future__ import annotations

import os
import time

import pytest
from matplotlib.figure import Figure

from workbook import charts
from workbook.model import Stakeholder as Person
from workbook.report.html import svg_data
from workbook.report.kept_charts import KeptChart, chart_cache, clear_unused, drawn

PEOPLE = [Person(name="Raad van bestuur", role="Bestuur", power=5, interest=4)]


@pytest.fixture
def counted(monkeypatch):
    """The stakeholder grid, counting how often it is really drawn."""
    calls = []
    draw = charts.stakeholder_grid

    def grid(*args, **kwargs):
        calls.append(args)
        return draw(*args, **kwargs)

    grid.__qualname__ = draw.__qualname__
    grid.__module__ = draw.__module__
    return grid, calls


def test_without_the_cache_every_chart_is_drawn(counted):
    grid, calls = counted
    assert isinstance(drawn(grid, PEOPLE, "nl"), Figure)
    assert isinstance(drawn(grid, PEOPLE, "nl"), Figure)
    assert len(calls) == 2


def test_with_the_cache_the_same_chart_is_drawn_once_and_shows_the_same_svg(tmp_path, counted):
    grid, calls = counted
    with chart_cache(tmp_path):
        first = drawn(grid, PEOPLE, "nl")
        assert isinstance(first, Figure)
        shown = svg_data(first)  # drawing it for the page keeps it
        again = drawn(grid, PEOPLE, "nl")
    assert isinstance(again, KeptChart)
    assert svg_data(again) == shown
    assert len(calls) == 1
    assert len(list(tmp_path.glob("*.svg"))) == 1


def test_other_data_or_another_language_is_drawn_anew(tmp_path, counted):
    grid, calls = counted
    other = [Person(name="Cliëntenraad", role="Raad", power=2, interest=5)]
    with chart_cache(tmp_path):
        for people, lang in ((PEOPLE, "nl"), (other, "nl"), (PEOPLE, "en")):
            svg_data(drawn(grid, people, lang))
    assert len(calls) == 3
    assert len(list(tmp_path.glob("*.svg"))) == 3


def test_the_cache_is_off_again_after_the_build(tmp_path, counted):
    grid, _ = counted
    with chart_cache(tmp_path):
        svg_data(drawn(grid, PEOPLE, "nl"))
    assert isinstance(drawn(grid, PEOPLE, "nl"), Figure)


def test_charts_no_build_used_are_cleared(tmp_path, counted):
    grid, _ = counted
    stale = tmp_path / "oud.svg"
    stale.write_text("<svg/>")
    earlier = time.time() - 60
    os.utime(stale, (earlier, earlier))
    started = time.time() - 1
    with chart_cache(tmp_path):
        svg_data(drawn(grid, PEOPLE, "nl"))
    assert clear_unused(tmp_path, started) == 1
    assert not stale.exists() and len(list(tmp_path.glob("*.svg"))) == 1
