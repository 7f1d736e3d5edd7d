"""The board's page of the demo asks for decisions (issue 16, 5): the funding agreement with its date
and the yearly amount it is about, goals by number and short text, no "-0%".

Built for two locations and two audiences only: the overview is written from every location's data.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.build.conftest import copy_demo, run_build
from workbook.model import Status

pytestmark = pytest.mark.slow

MARLO = "wijkteam-marlo-noord"
"""Its rounds are back at the baseline: a share of the way of -0.0, shown as 0%."""
DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def text_of(markup: str) -> str:
    markup = re.sub(r"<(style|svg)\b.*?</\1>", " ", markup, flags=re.S)
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_demo(tmp_path_factory.mktemp("board") / "demo")
    result = run_build(
        project,
        *("--location", "de-kolk", "--location", MARLO),
        *("--audience", "bestuur", "--audience", "clientenraad"),
    )
    assert result.code == 0, result.output
    return result


def test_the_boards_page_names_the_funding_decision_with_its_date_and_yearly_amount(built):
    plan, locations = built.project.load_plan(), built.project.load_locations()
    action = next(a for a in plan.sustainment.actions if "zorgkantoor" in a.text and not a.done)
    assert action.when is not None
    yearly = sum(a.structural_cost for location in locations for a in location.runbook if a.status != Status.cancelled)
    page = (built.reports / "bestuur" / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<div class="decisions".*?<ol class="to-decide">(.*?)</ol>', page, flags=re.S)
    assert box is not None
    items = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", box.group(1), flags=re.S)]
    (money,) = [item for item in items if f"Geld en mandaat: {action.text}" in item]
    date = f"{action.when.day} {DUTCH_MONTHS[action.when.month - 1]} {action.when.year}"
    assert money.startswith(f"Uiterlijk {date} (")
    assert "Gaat over €\u00a0" + f"{yearly:,.0f}".replace(",", ".") + " per jaar" in money
    assert f"Voorbereid door {action.who}." in money
    # goals in its sentences by number and short text
    text = text_of(page)
    assert not re.search(r"\bD\d (achter op schema|te laat|niet gehaald)", text)
    assert re.search(r"D\d · [^:]{10,}: (achter op schema|te laat|niet gehaald)", text)


def test_the_location_pages_name_goals_and_never_show_minus_zero(built):
    for folder in ("bestuur", "clientenraad"):
        kolk = (built.reports / folder / "de-kolk.html").read_text(encoding="utf-8")
        assert "D3 · Aandeel getrainde nachtmedewerkers en invalkrachten: " in text_of(kolk)
        marlo = (built.reports / folder / f"{MARLO}.html").read_text(encoding="utf-8")
        assert ">0%<" in marlo
        assert "-0%" not in marlo and "−0%" not in marlo
