"""Mendelow quadrant (3 or more is high) and suggested strategies."""

import pytest

from workbook.analysis.stakeholders import quadrant, suggested_strategy
from workbook.instruments import Quadrant
from workbook.model import Colour, Position, Stakeholder


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (5, 5, Quadrant.manage_closely),
        (3, 3, Quadrant.manage_closely),
        (3, 2, Quadrant.keep_satisfied),
        (2, 3, Quadrant.keep_informed),
        (2, 2, Quadrant.monitor),
        (1, 5, Quadrant.keep_informed),
        (5, 1, Quadrant.keep_satisfied),
    ],
)
def test_quadrant_threshold_is_three(power, interest, expected):
    assert quadrant(power, interest) == expected


def test_opponent_without_strategy_gets_a_suggested_colour_and_a_warning_first():
    board = Stakeholder(name="Raad van bestuur", power=5, interest=2, position=Position.opponent)
    suggestion = suggested_strategy(board, "nl")
    assert suggestion.quadrant == Quadrant.keep_satisfied
    assert suggestion.colour == Colour.yellow and not suggestion.colour_chosen
    assert suggestion.advice[0].startswith("Let op: tegenstander")
    assert any("Voorstel: Geel" in line for line in suggestion.advice)


def test_a_chosen_strategy_is_kept():
    council = Stakeholder(name="Cliëntenraad", power=2, interest=5, position=Position.supporter, strategy=Colour.green)
    suggestion = suggested_strategy(council, "en")
    assert suggestion.quadrant == Quadrant.keep_informed
    assert suggestion.colour == Colour.green and suggestion.colour_chosen
    assert suggestion.advice[-1] == "Chosen strategy: Green (learning together)."
