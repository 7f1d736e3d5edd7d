"""The demo's progress charts say what the tables under them say: per goal the same standing at a
location, and over all locations the same number of locations each way.

The charts are read from the SVG the page carries (each bar's id names its goal and standing), the
tables from the page's text, so the test sees what a reader sees.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest

from workbook.analysis.progress import Standing, standing_words

pytestmark = pytest.mark.slow

WORDS = {standing_words(standing, "nl"): standing for standing in Standing}


def section(page: Path, anchor: str) -> str:
    text = page.read_text(encoding="utf-8")
    found = re.search(rf'<section class="chapter" id="{anchor}">(.*?)</section>', text, flags=re.S)
    assert found, f"{page.name} has no section {anchor}"
    return found.group(1)


def first_chart(part: str) -> str:
    data = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', part)
    assert data
    return base64.b64decode(data.group(1)).decode("utf-8")


def cells(row: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", " ", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def table_rows(part: str) -> list[list[str]]:
    body = part.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [cells(row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def standing_of(state: str) -> str:
    """The standing a table's "Stand" cell names: "gehaald, 2 maanden na de deadline" is reached."""
    words = " ".join(state.split()).split(",")[0].split(";")[0].strip()
    return WORDS[words].value


def goal_of(cell: str) -> str:
    return " ".join(cell.split()).split(" ", 1)[0]


def test_each_location_chart_gives_every_goal_the_standing_of_its_table_row(built_demo):
    pages = [p for p in sorted(built_demo.reports.glob("*.html")) if p.name not in ("index.html", "plan.html")]
    assert len(pages) >= 5
    judged = 0
    for page in pages:
        part = section(page, "metingen")
        chart = dict(re.findall(r'id="standing-(D\d+)-(\w+?)"', first_chart(part)))
        table = {goal_of(row[0]): standing_of(row[-1]) for row in table_rows(part)}
        assert chart == table, page.name
        judged += sum(value != Standing.unknown.value for value in table.values())
    assert judged >= 5  # the demo's locations have goals that are judged, not only unknown ones


def test_the_plan_chart_counts_the_locations_per_standing_as_its_table_does(built_demo):
    part = section(built_demo.reports / "plan.html", "resultaten")
    chart: dict[str, dict[str, int]] = {}
    for goal, standing, count in re.findall(r'id="standing-(D\d+)-(\w+?)-(\d+)"', first_chart(part)):
        chart.setdefault(goal, {})[standing] = int(count)
    table: dict[str, dict[str, int]] = {}
    for row in table_rows(part):
        goal, words = goal_of(row[0]), row[2]
        for count, standing in re.findall(r"(\d+) ([^,0-9]+)", words):
            table.setdefault(goal, {})[WORDS[standing.strip()].value] = int(count)
        assert sum(table.get(goal, {}).values()) == int(row[1])  # every measured location, once
    assert chart == table
    # locations that reached the demo's first goal show as such, not as "behind" with the rest
    assert chart["D1"].get("reached", 0) >= 1
