"""Report pieces from plain data: rollout truths, audiences, the glossary, formats, the scan matrix."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from workbook.analysis.rollout import planned_schedule, schedule
from workbook.analysis.sustainability import domain_scores, score
from workbook.charts.rollout import rollout_gantt
from workbook.model import (
    ClientCriterion,
    Clients,
    CriterionKind,
    Location,
    Plan,
    ScanResponse,
    SuitabilityChange,
)
from workbook.report import formats
from workbook.report.audience import Audience, parse_audience
from workbook.report.glossary import glossary, used_terms


def located(slug: str, start: dt.date, end: dt.date) -> Location:
    return Location(slug=slug, name=slug.title(), start=start, end=end)


def test_the_rollout_says_how_many_really_run_at_once_and_sorts_by_start():
    plan = Plan.model_validate({"spread": {"rollout": {"max_concurrent": 2, "months_per_location": 4}}})
    locations = [
        located("c", dt.date(2026, 3, 1), dt.date(2026, 7, 1)),
        located("a", dt.date(2026, 1, 1), dt.date(2026, 6, 1)),
        located("b", dt.date(2026, 2, 1), dt.date(2026, 6, 1)),
    ]
    result = schedule(plan, locations)
    assert result.most_at_once == 3 and result.max_concurrent == 2
    figure = rollout_gantt(result, "nl", today=dt.date(2026, 4, 1))
    (axes,) = figure.axes
    assert [label.get_text() for label in axes.get_yticklabels()] == ["A", "B", "C"]
    assert "tot 3 locaties tegelijk (het plan: hoogstens 2)" in " ".join(axes.get_title(loc="left").split())
    assert any(text.get_text() == "vandaag" for text in axes.texts)


def test_the_planned_schedule_ignores_the_locations_own_dates():
    plan = Plan.model_validate({"spread": {"rollout": {"start": "2026-01-01", "months_per_location": 3}}})
    late = located("a", dt.date(2026, 5, 1), dt.date(2026, 8, 1))
    (slot,) = planned_schedule(plan, [late]).slots
    assert (slot.start, slot.end) == (dt.date(2026, 1, 1), dt.date(2026, 4, 1))


@pytest.mark.parametrize(
    ("name", "audience"),
    [
        ("board", Audience.board),
        ("Bestuur", Audience.board),
        ("team", Audience.team),
        ("cliëntenraad", Audience.council),
    ],
)
def test_audiences_have_english_and_dutch_names(name, audience):
    assert parse_audience(name) == audience


def test_an_unknown_audience_is_refused_in_dutch():
    with pytest.raises(ValueError, match="onbekend publiek 'directie'; kies uit bestuur"):
        parse_audience("directie", "nl")


def test_the_glossary_finds_only_the_terms_a_page_uses():
    page = "<p>Het doel is SMART; de <b>nulmeting</b> ligt vast.</p><style>.PDCA{}</style>"
    assert used_terms(page) == ["SMART", "nulmeting"]
    assert used_terms("<p>smartphone en Smart</p>") == []
    assert used_terms("<p>MTB, HRM</p>") == []  # an abbreviation counts as a whole word only
    assert sorted(used_terms("<p>de EVV'er op de PG-afdeling; twee aandachtsvelders</p>")) == [
        "EVV",
        "PG",
        "aandachtsvelder",
    ]


def test_the_glossary_also_explains_the_terms_its_explanations_use_in_alphabetical_order():
    entries = re.findall(r"<dt>(.*?)</dt>", str(glossary("<p>Elke determinant en de nulmeting.</p>", "nl")))
    assert entries == ["determinant", "MIDI", "nulmeting"]  # the determinant's explanation names MIDI


def test_client_counts_read_through_every_small_cell_rule():
    """Not only "minder dan 5": the count that would give a small one away is hidden, and the
    margins are rounded (analysis.small_cells.protect), wherever a report writes client counts."""
    criteria = [
        ClientCriterion(criterion="valrisico", count=20),
        ClientCriterion(criterion="bedlegerig", kind=CriterionKind.exclusion, count=9),
        ClientCriterion(criterion="slaapt licht", count=3),
    ]
    clients = Clients(total=42, suitable=26, criteria=criteria, changes=[SuitabilityChange(count=2, reason="...")])
    counts = formats.clients(clients, "nl")
    assert counts.criteria == ["20", "minder dan 5", "niet getoond"]  # inclusion first, as the reports list them
    assert (counts.total, counts.suitable, counts.changes) == ("ongeveer 40", "ongeveer 30", ["minder dan 5"])
    assert counts.secondary
    plain = formats.clients(Clients(total=1500, suitable=0, criteria=[ClientCriterion(criterion="a", count=5)]), "nl")
    assert (plain.total, plain.suitable, plain.criteria, plain.secondary) == ("1.500", "0", ["5"], False)
    assert formats.clients(Clients(total=2), "en").total == "fewer than 5"


def test_quantities_carry_their_unit_once():
    assert formats.quantity(81.0, "%", "nl") == "81%"
    assert formats.quantity(2.5, "rondes per nacht", "nl") == "2,5 rondes per nacht"
    # one is singular, by Babel's plural rules: never "1 rondes per nacht"
    assert formats.quantity(1.0, "rondes per nacht", "nl") == "1 ronde per nacht"
    assert formats.quantity(4.0, "rondes per nacht", "nl") == "4 rondes per nacht"
    assert formats.quantity(1, "rounds per night", "en") == "1 round per night"
    assert formats.quantity(1, "per 1000 nachten", "nl") == "1 per 1000 nachten"
    assert formats.quantity(None, "%", "nl") == "–"


def test_scan_domains_add_up_to_the_total():
    responses = [
        ScanResponse(rater="A", date=dt.date(2026, 1, 1), answers={"benefits": "A", "senior_leadership": "B"}),
    ]
    result = score(responses)
    domains = {domain.key: domain for domain in domain_scores(result)}
    assert set(domains) == {"process", "staff", "organisation"}
    assert sum(d.total for d in domains.values()) == pytest.approx(result.total, abs=0.11)
    assert sum(d.max for d in domains.values()) == pytest.approx(result.max_total, abs=0.11)
    assert domains["organisation"].total == 0


def test_the_radar_has_a_spoke_per_factor_and_says_when_there_is_no_scan():
    from workbook.charts import is_empty, scan_radar

    responses = [ScanResponse(rater="A", date=dt.date(2026, 1, 1), answers={"benefits": "A"})]
    figure = scan_radar(score(responses), "nl")
    (axes,) = figure.axes
    assert len(axes.get_xticklabels()) == 10
    assert axes.lines[-1].get_ydata()[0] == pytest.approx(1.0)  # benefits at level A: its whole maximum
    assert is_empty(scan_radar(score([]), "nl"))


def test_measurement_axes_write_numbers_the_dutch_way():
    from workbook.charts import measurements_over_time
    from workbook.model import Goal, Measurement

    plan = Plan(goals=[Goal(id="D4", text="Minder vallen", baseline=2.4, target=1.8)])
    values = [(dt.date(2026, 1, 31), 2.3), (dt.date(2026, 2, 28), 2.1)]
    location = Location(
        slug="a", name="A", measurements=[Measurement(goal_id="D4", date=day, value=value) for day, value in values]
    )
    figure = measurements_over_time(plan, location, "nl")
    figure.canvas.draw()
    labels = [label.get_text() for axes in figure.axes for label in axes.get_yticklabels() if label.get_text()]
    assert labels and any("," in label for label in labels) and not any("." in label for label in labels)
