"""The instrument files load, and the published sustainability maxima are the verified ones."""

import pytest

from workbook import instruments
from workbook.errors import WorkbookError
from workbook.model.choices import Colour, ContextGroup, Level, RogersKey

PUBLISHED_MAXIMA = {  # MacDonald et al. 2021, Implementation Science Communications 2:111, table 5
    "benefits": 8.5,
    "credibility": 9.1,
    "adaptability": 7.0,
    "monitoring": 6.5,
    "staff_involvement": 11.4,
    "staff_behaviours": 11.0,
    "senior_leadership": 15.0,
    "infrastructure": 9.5,
}


def test_scan_has_the_ten_agreed_factors_in_three_domains():
    scan = instruments.sustainability_scan()
    assert scan.keys == list(instruments.SCAN_FACTORS)
    assert {factor.domain for factor in scan.factors} == {domain.key for domain in scan.domains}
    assert [d.key for d in scan.domains] == ["process", "staff", "organisation"]
    for factor in scan.factors:
        assert set(factor.weights) == set(Level)
        assert factor.label("nl") and factor.label("en") and factor.description("nl")


def test_verified_maxima_equal_the_published_values():
    scan = instruments.sustainability_scan()
    verified = {f.key: f.max for f in scan.factors if f.max_verified}
    assert verified == PUBLISHED_MAXIMA
    for key in PUBLISHED_MAXIMA:
        assert "MacDonald" in scan[key].weights[Level.A].source


def test_unverified_values_are_flagged_as_approximations():
    scan = instruments.sustainability_scan()
    assert not scan["clinical_leadership"].max_verified
    assert not scan["fit"].max_verified
    assert scan["clinical_leadership"].max == pytest.approx(15.2)
    assert scan["fit"].max == pytest.approx(6.9)
    for factor in scan.factors:
        for level in (Level.B, Level.C, Level.D):
            weight = factor.weights[level]
            assert not weight.verified
            assert weight.source.startswith("approximation")
        values = [factor.weights[level].value for level in Level]
        assert values == sorted(values, reverse=True), f"{factor.key}: A must weigh most, D least"


def test_threshold_is_a_labelled_unverified_rule_of_thumb():
    threshold = instruments.sustainability_scan().threshold
    assert threshold.value == 55
    assert not threshold.verified
    assert "niet geverifieerd" in threshold.label("nl")
    assert "not verified" in threshold.label("en")


def test_max_total_is_about_one_hundred():
    assert instruments.sustainability_scan().max_total == pytest.approx(100.1)


def test_rogers_quadrants_colours_and_context_groups_cover_every_choice():
    assert [c.key for c in instruments.rogers().characteristics] == list(RogersKey)
    assert [c.key for c in instruments.rogers().characteristics if c.reverse_scored] == [RogersKey.complexity]
    assert {q.key for q in instruments.mendelow().quadrants} == set(instruments.Quadrant)
    assert {c.key for c in instruments.colours().colours} == set(Colour)
    assert {g.key for g in instruments.context_groups().groups} == set(ContextGroup)
    for group in instruments.context_groups().groups:
        assert group.examples, group.key


def test_texts_follow_the_language():
    label = instruments.mendelow()[instruments.Quadrant.manage_closely].label
    assert label("nl") == "Nauw betrekken"
    assert label("en") == "Manage closely"


def test_a_broken_instrument_file_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "rogers.yaml").write_text("name: {nl: x, en: y}\nsource: z\ncharacteristics: []\n")
    monkeypatch.setattr(instruments, "instruments_dir", lambda: tmp_path)
    instruments.rogers.cache_clear()
    try:
        with pytest.raises(WorkbookError, match="rogers.yaml"):
            instruments.rogers()
    finally:
        instruments.rogers.cache_clear()
