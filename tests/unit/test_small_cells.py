"""Small-cell protection: no hidden client count follows from the counts that are shown."""

from __future__ import annotations

import pytest

from workbook.analysis.small_cells import Shown, derivable, protect, signed_sums
from workbook.model import ClientCriterion, Clients, CriterionKind, SuitabilityChange


def clients(total, suitable, included=(), excluded=(), changes=()):
    criteria = [ClientCriterion(criterion=f"in {n}", count=n) for n in included]
    criteria += [ClientCriterion(criterion=f"ex {n}", kind=CriterionKind.exclusion, count=n) for n in excluded]
    return Clients(
        total=total,
        suitable=suitable,
        criteria=criteria,
        changes=[SuitabilityChange(count=n, reason="") for n in changes],
    )


def test_the_de_linde_case_can_no_longer_be_worked_out():
    """32 − 16 − 6 − 7 = 3 was the privacy officer's finding."""
    result = protect(clients(32, 22, (16, 6), (7, 3), (2, 1)))
    shown = {c.exact: c.shown for c in result.criteria}
    assert shown[3] == Shown.small
    assert shown[6] == Shown.hidden  # the next-smallest, so that 3 does not follow from the rest
    assert result.total.shown in (Shown.rounded, Shown.hidden)
    assert result.total.value != 32
    assert result.suitable.value is None
    assert not derivable(result.shown_numbers(), {3, 6, 2, 1, 32, 22})


def test_nothing_is_hidden_without_a_small_count():
    result = protect(clients(44, 25, (20, 5), (12, 7)))
    assert all(c.shown == Shown.exact for c in result.counts)
    assert not result.secondary


def test_two_small_counts_need_no_secondary_cell_but_the_margins_are_rounded():
    result = protect(clients(40, 20, (20, 3), (13, 4)))
    assert [c.shown for c in result.criteria] == [Shown.exact, Shown.small, Shown.exact, Shown.small]
    assert result.total.shown in (Shown.rounded, Shown.hidden)
    assert not derivable(result.shown_numbers(), result.secrets())


def test_zero_stays_shown_and_is_not_the_secondary_cell():
    result = protect(clients(30, 10, (10, 0), (17, 3)))
    assert result.criteria[1].shown == Shown.exact
    assert result.criteria[0].shown == Shown.hidden


@pytest.mark.parametrize(
    "case",
    [
        (32, 22, (16, 6), (7, 3), (2, 1)),
        (40, 27, (19, 8), (9, 4), (1,)),
        (36, 24, (18, 6), (3, 9), (2,)),
        (58, 14, (11, 3), (38, 5), ()),
        (9, 5, (5, 1), (3,), ()),
        (100, 50, (45, 4, 1), (30, 20), (3, 3)),
        (None, None, (6, 2), (), ()),
    ],
)
def test_no_hidden_count_is_a_sum_or_difference_of_the_shown_ones(case):
    result = protect(clients(*case))
    assert result.secrets() >= {c.exact for c in result.criteria if c.exact and 0 < c.exact < 5}
    assert not signed_sums(result.shown_numbers()) & result.secrets()


def test_signed_sums_use_each_number_at_most_once():
    assert signed_sums([5]) == {5, -5}
    assert signed_sums([5, 3]) == {5, -5, 3, -3, 8, 2, -2, -8}
