"""No hidden client count can be worked out from a council page of the built demo.

The privacy officer's finding: De Linde's page gave 32 clients, 16, 6 and 7 beside "minder dan 5",
so 32 − 16 − 6 − 7 = 3. Here every number shown in each clients section (the counts and the
sentence above them) is combined in every way, each at most once, added or subtracted, and no
result may be a count the page hides. The typed reasons are not counted: ``workbook check``
advises when a reason names a number of clients.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
import yaml

from workbook.resources import demo_dir

SECTION = re.compile(r'<section class="chapter" id="clienten">(.*?)</section>', re.DOTALL)
COUNT_CELL = re.compile(r'<td class="number">([^<]*)</td>')
FIRST_PARAGRAPH = re.compile(r"</h2><p>([^<]*)</p>")


def demo_counts(slug: str) -> list[int]:
    clients = yaml.safe_load((demo_dir() / "locaties" / f"{slug}.yaml").read_text(encoding="utf-8"))["clients"]
    counts = [clients.get("total"), clients.get("suitable")]
    counts += [c["count"] for c in clients.get("criteria", [])] + [c["count"] for c in clients.get("changes", [])]
    return [n for n in counts if n]


def shown_numbers(section: str) -> list[int]:
    """The counts a reader sees: "minder dan 5" shows no count (its 5 is the threshold)."""
    texts = [
        text for text in COUNT_CELL.findall(section) + FIRST_PARAGRAPH.findall(section) if "minder dan" not in text
    ]
    return [int(n.replace(".", "")) for text in texts for n in re.findall(r"\d[\d.]*", text)]


def combinations(numbers: list[int]) -> set[int]:
    """Every ±a ±b … over a non-empty choice of `numbers`, each at most once."""
    results = set()
    for signs in itertools.product((1, -1, 0), repeat=len(numbers)):
        if any(signs):
            results.add(sum(sign * n for sign, n in zip(signs, numbers, strict=True)))
    return results


def council_pages(built_demo):
    pages = sorted((built_demo.reports / "clientenraad").glob("*.html"))
    return [page for page in pages if (demo_dir() / "locaties" / f"{page.stem}.yaml").exists()]


def test_every_location_has_a_council_page(built_demo):
    assert len(council_pages(built_demo)) == len(list((demo_dir() / "locaties").glob("*.yaml")))


@pytest.mark.parametrize("folder", ["clientenraad", "bestuur", "team", "."])
def test_no_hidden_count_is_a_sum_or_difference_of_the_shown_ones(built_demo, folder):
    checked = 0
    for page in council_pages(built_demo):
        page = built_demo.reports / folder / page.name
        sections = SECTION.findall(page.read_text(encoding="utf-8"))
        assert len(sections) == 1, page
        shown = shown_numbers(sections[0])
        hidden = set((Counter(demo_counts(page.stem)) - Counter(shown)).elements())
        if not hidden:
            continue
        checked += 1
        found = combinations([n for n in shown if n]) & hidden
        assert not found, f"{page}: {found} follows from {shown}"
        assert not [n for n in shown if 0 < n < 5], page
    assert checked >= 3  # De Linde, 't Veenhuys, Tweeëiken and Marlo-Noord hide counts


def test_de_linde_no_longer_gives_three_away(built_demo):
    section = SECTION.findall((built_demo.reports / "clientenraad" / "de-linde.html").read_text(encoding="utf-8"))[0]
    assert "minder dan 5" in section
    assert 32 not in shown_numbers(section)
    assert 3 not in combinations(shown_numbers(section))


@pytest.mark.slow
def test_the_plan_report_gives_no_client_count_in_re_aim(built_demo):
    """Reach beside the clients taking part would give a hidden suitable count back: De Linde's
    suitable count is not shown on its page, so its reach is not shown in the plan report either."""
    linde = yaml.safe_load((demo_dir() / "locaties" / "de-linde.yaml").read_text(encoding="utf-8"))
    for folder in ("", "bestuur/", "team/", "clientenraad/"):
        page = (built_demo.reports / f"{folder}plan.html").read_text(encoding="utf-8")
        row = re.search(rf"<tr><td>{linde['name']}</td><td class=\"number\">([^<]*)</td>", page)
        assert row is not None and row.group(1) == "niet getoond", folder
        assert "geschikte cliënten doen mee" not in page
