"""Team scores on the sustainability scan, computed by hand from the instrument's weights."""

import datetime as dt
import statistics

import pytest

from workbook.analysis.sustainability import latest_moment, moments, previous_moment, score
from workbook.instruments import sustainability_scan
from workbook.model import Level, ScanResponse

MAY, JUNE = dt.date(2025, 5, 1), dt.date(2025, 6, 1)


def response(rater: str, date: dt.date, **answers: str) -> ScanResponse:
    return ScanResponse(rater=rater, date=date, answers={k: Level(v) for k, v in answers.items()})


def test_mean_spread_and_range_per_factor():
    scan = sustainability_scan()
    a, c = scan["benefits"].weights[Level.A].value, scan["benefits"].weights[Level.C].value
    result = score([response("TL", MAY, benefits="A"), response("VP", MAY, benefits="C")])
    benefits = result.factor("benefits")
    assert benefits.mean == pytest.approx((a + c) / 2)
    assert benefits.sd == pytest.approx(abs(a - c) / 2)  # population SD of two values
    assert (benefits.best, benefits.worst) == (Level.A, Level.C)
    assert benefits.disagreement
    assert benefits.n == 2
    assert benefits.counts == {Level.A: 1, Level.B: 0, Level.C: 1, Level.D: 0}
    assert benefits.max == 8.5
    assert not benefits.verified  # level C is an approximation


def test_total_is_the_sum_of_factor_means_and_missing_factors_are_listed():
    result = score(
        [
            response("TL", MAY, senior_leadership="A", monitoring="A"),
            response("VP", MAY, senior_leadership="A", monitoring="B"),
        ]
    )
    monitoring = sustainability_scan()["monitoring"].weights
    expected = 15.0 + (monitoring[Level.A].value + monitoring[Level.B].value) / 2
    assert result.total == pytest.approx(round(expected, 1))
    assert result.max_total == pytest.approx(100.1)
    assert result.n_raters == 2
    assert result.factor("senior_leadership").verified
    assert result.factor("senior_leadership").sd == 0
    assert not result.factor("senior_leadership").disagreement
    assert result.unverified  # level B of monitoring is an approximation
    assert len(result.missing) == 8 and "fit" in result.missing
    assert result.threshold == 55 and not result.threshold_verified


def test_only_verified_level_a_answers_give_a_verified_total():
    verified_keys = [f.key for f in sustainability_scan().factors if f.max_verified]
    result = score([response("TL", MAY, **dict.fromkeys(verified_keys, "A"))])
    assert not result.unverified
    assert result.total == pytest.approx(8.5 + 9.1 + 7.0 + 6.5 + 11.4 + 11.0 + 15.0 + 9.5)
    unverified = score([response("TL", MAY, fit="A")])
    assert unverified.unverified


def test_no_responses_give_an_empty_score():
    result = score([])
    assert result.empty and result.total == 0 and result.date is None
    assert all(f.mean is None and f.sd is None for f in result.factors)
    assert not result.unverified


def test_unknown_keys_are_ignored():
    result = score([response("TL", MAY, benefits="D", nonsense="A")])
    assert result.total == 0
    assert result.factor("benefits").n == 1


def test_scan_moments_group_by_date():
    responses = [response("A", JUNE, fit="A"), response("B", MAY, fit="B"), response("C", JUNE, fit="C")]
    assert [(date, len(group)) for date, group in moments(responses)] == [(MAY, 1), (JUNE, 2)]
    date, latest = latest_moment(responses)
    assert date == JUNE and {r.rater for r in latest} == {"A", "C"}
    assert previous_moment(responses)[0] == MAY
    assert latest_moment([]) is None and previous_moment(responses[:1]) is None
    fit = sustainability_scan()["fit"].weights
    assert score(latest).factor("fit").mean == pytest.approx(statistics.fmean([fit[Level.A].value, fit[Level.C].value]))
