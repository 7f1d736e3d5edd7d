"""The portfolio in Excel: ``workbook export --format xlsx`` on a portfolio folder gives the committee's
overview and the year plan as sheets, read back with openpyxl and computed by LibreOffice Calc."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import openpyxl
import pytest

from tests.exchange.calc import NEEDS_CALC, calc_sheets
from workbook.analysis.completeness import next_step
from workbook.analysis.decisions import to_decide
from workbook.analysis.late import late, open_items
from workbook.cli import main
from workbook.model import Phase, Status
from workbook.model.portfolio import Decision
from workbook.portfolio.demo import prepare_demo_portfolio
from workbook.portfolio.store import PortfolioFolder

OVERVIEW, YEARPLAN, DECISIONS = "Overzicht", "Jaarplan", "Besluiten"
OVERVIEW_HEADER = [
    "Project",
    "Map",
    "Status",
    "Fase van de locaties",
    "Locaties",
    "Doelen op schema",
    "Doelen met een oordeel",
    "Te laat",
    "Open besluiten",
    "Eenmalig gepland",
    "Per jaar gepland",
    "Budget",
    "Volgende stap",
]
YEARPLAN_HEADER = [
    "Nr.",
    "Project",
    "Status",
    "Score",
    "Vraagt",
    "Kwartalen",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Uren dit jaar",
    "Toelichting",
]
# Our own formulas: the totals under a table, a row's hours this year, and what is still free.
OWN_FORMULA = re.compile(
    r"^=(SUBTOTAL\(109,[A-Z]+\d+:[A-Z]+\d+\)|SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+-SUM\([A-Z]+\d+:[A-Z]+\d+\))$"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> PortfolioFolder:
    return PortfolioFolder.open(prepare_demo_portfolio(tmp_path_factory.mktemp("xlsx") / "p"))


@pytest.fixture(scope="module")
def exported(demo: PortfolioFolder) -> Path:
    assert main(["export", "--format", "xlsx", str(demo.root)]) == 0
    path = demo.root / "build" / "export" / "portefeuille.xlsx"
    assert path.is_file()
    return path


def table(sheet) -> tuple[list, list[list]]:
    """The header and the rows of the table at the top of `sheet` (up to the first empty row)."""
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    end = next((i for i, row in enumerate(rows) if all(v is None for v in row)), len(rows))
    return rows[0], rows[1:end]


def test_the_overview_sheet_has_every_project_with_the_figures_of_its_own_files(demo, exported):
    today = dt.date.today()
    portfolio = demo.load()
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == ["Over dit bestand", OVERVIEW, YEARPLAN, DECISIONS]
    assert book.active.title == OVERVIEW
    header, rows = table(book[OVERVIEW])
    assert header == OVERVIEW_HEADER
    assert [row[1] for row in rows][0] == "slimme-nachtzorg"  # what needs attention first
    by_code = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_code) == {p.code for p in portfolio.projects}
    for entry in portfolio.projects:
        project = demo.project(entry.code)
        plan, locations = project.load_plan(), project.load_locations()
        row = by_code[entry.code]
        assert row["Project"] == entry.name
        assert row["Status"] == entry.status.label("nl")
        assert row["Locaties"] == len(locations)
        phases = [
            f"{n} {phase.label('nl').lower()}" for phase in Phase if (n := sum(x.phase is phase for x in locations))
        ]
        assert row["Fase van de locaties"] == (", ".join(phases) or "geen locaties")
        planned = [a for location in locations for a in location.runbook if a.status != Status.cancelled]
        assert row["Eenmalig gepland"] == sum(a.one_off_cost for a in planned)
        assert row["Per jaar gepland"] == sum(a.structural_cost for a in planned)
        assert row["Budget"] == entry.budget
        assert row["Te laat"] == len(late(open_items(plan, locations), today))
        assert row["Open besluiten"] == len(to_decide(plan, locations, today))  # as the project's board box lists
        assert row["Volgende stap"] == next_step(plan, locations, "nl").text
    night = by_code["slimme-nachtzorg"]
    assert night["Eenmalig gepland"] > 0 and night["Te laat"] > 0 and night["Open besluiten"] > 0
    assert 0 < night["Doelen op schema"] < night["Doelen met een oordeel"]
    sheet = book[OVERVIEW]
    total = next(row for row in sheet.iter_rows() if row[0].value == "Totaal")
    assert [cell.value for cell in total[4:12]] == [
        f"=SUBTOTAL(109,{letter}2:{letter}{len(rows) + 1})" for letter in "EFGHIJKL"
    ]


def test_the_year_plan_sheet_ranks_scores_and_places_as_worked_out_by_hand(demo, exported):
    # Capacity 400, 400, 300, 400. Weights strategie 3, bewijs 2, urgentie 2, haalbaarheid 2, draagvlak 1.
    # 1 Slimme nachtzorg (5,4,4,4,4) 4.3, running: 240/200/160/120 from Q1; free 160, 200, 140, 280.
    # 2 Valpreventie (4,4,5,3,4) 4.0: 600 in total from Q1: 160 + 200 + 140 + 100; free 0, 0, 0, 180.
    # 3 Samen beslissen (3,3,3,4,5) 3.4: 160 in total from Q3: Q3 has 0, so Q4 160; free 0, 0, 0, 20.
    # 4 Beeldbellen (3,3,2,5,4) 3.3, finished; 5 Digitaal medicatie aftekenen (4,3,3,3,3) 3.3 (tie: by name):
    #   320 in Q2 with 0 free: not this year, and no later start fits.
    # 6 Leefstijlcoaching (3,2,2,3,3) 2.6, deferred; 7 Robotdieren (2,2,2,4,3) 2.5, rejected.
    portfolio = demo.load()
    weights = {c.key: c.weight for c in portfolio.criteria}
    scores = {
        p.name: sum(weights[k] * p.scores.get(k, 0) for k in weights) / sum(weights.values())
        for p in portfolio.projects
    }
    header, rows = table(openpyxl.load_workbook(exported)[YEARPLAN])
    assert header == YEARPLAN_HEADER
    expected = [
        (1, "Slimme nachtzorg", "Lopend", "Q1, Q2, Q3, Q4", [240, 200, 160, 120]),
        (2, "Valpreventie met beweegprogramma", "Voorstel", "Q1, Q2, Q3, Q4", [160, 200, 140, 100]),
        (3, "Samen beslissen bij opname", "Voorstel", "Q4", [None, None, None, 160]),
        (4, "Beeldbellen met mantelzorgers", "Afgerond", "geen uren", [None] * 4),
        (5, "Digitaal medicatie aftekenen", "Voorstel", "niet dit jaar", [None] * 4),
        (6, "Leefstijlcoaching voor medewerkers", "Later", "geen uren", [None] * 4),
        (7, "Robotdieren op de pg-afdeling", "Afgewezen", "geen uren", [None] * 4),
    ]
    assert [(r[0], r[1], r[2], r[5], r[6:10]) for r in rows] == expected
    for number, row in enumerate(rows, start=2):
        assert row[3] == pytest.approx(scores[row[1]])
        assert row[10] == f"=SUM(G{number}:J{number})"
    explanation = {row[1]: row[11] or "" for row in rows}
    assert explanation["Digitaal medicatie aftekenen"] == (
        "vraagt 320 uur in Q2; er is nog 0 uur vrij; past dit jaar in geen enkel kwartaal"
    )
    assert explanation["Robotdieren op de pg-afdeling"].startswith("afgewezen door de commissie; laatste besluit")
    assert "Weinig bewijs dat het werkt" in explanation["Robotdieren op de pg-afdeling"]
    assert explanation["Slimme nachtzorg"] == ""
    sheet = openpyxl.load_workbook(exported)[YEARPLAN]
    labelled = {row[0].value: [cell.value for cell in row[6:11]] for row in sheet.iter_rows() if row[0].value}
    last = len(rows) + 1
    assert labelled["Totaal gepland"] == [f"=SUBTOTAL(109,{c}2:{c}{last})" for c in "GHIJK"]
    assert labelled["Capaciteit"][:4] == [portfolio.capacity.of(q) for q in (1, 2, 3, 4)]
    capacity_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Capaciteit")
    assert labelled["Vrij"] == [f"={c}{capacity_row}-SUM({c}2:{c}{last})" for c in "GHIJK"]


@NEEDS_CALC
def test_calc_computes_the_hours_planned_and_free_and_the_overview_totals(exported, tmp_path):
    sheets = calc_sheets(exported, tmp_path)
    plan = sheets[YEARPLAN]
    data = plan[1 : plan.index([""] * len(plan[0]))]
    for row in data:
        assert float(row[10]) == pytest.approx(sum(float(v or 0) for v in row[6:10]))
    labelled = {
        row[0]: [float(v) for v in row[6:11]] for row in plan if row[0] in ("Totaal gepland", "Capaciteit", "Vrij")
    }
    assert labelled["Totaal gepland"] == [400, 400, 300, 380, 1480]
    assert labelled["Capaciteit"] == [400, 400, 300, 400, 1500]
    assert labelled["Vrij"] == [0, 0, 0, 20, 20]
    overview = sheets[OVERVIEW]
    data = overview[1 : overview.index([""] * len(overview[0]))]
    total = next(row for row in overview if row[0] == "Totaal")
    for column in range(4, 12):
        expected = sum(float(row[column] or 0) for row in data)
        assert float(total[column]) == pytest.approx(expected), overview[0][column]
    assert float(total[OVERVIEW_HEADER.index("Eenmalig gepland")]) > 0


def test_no_cell_is_a_formula_whatever_the_committee_typed(demo, tmp_path):
    folder = PortfolioFolder.open(prepare_demo_portfolio(tmp_path / "p"))
    portfolio = folder.load()
    starts = itertools.cycle(("=", "+", "-", "@"))
    portfolio.name = '=HYPERLINK("http://voorbeeld.invalid","klik")'
    for entry in portfolio.projects:
        entry.name = f"{next(starts)}{entry.name}"
        entry.decisions.append(Decision(date=dt.date(2026, 12, 1), decision="=1+1", reason=f"{next(starts)}reden"))
    portfolio.criteria[0].label = "=2*3"
    folder.save(portfolio)
    out = tmp_path / "commissie.xlsx"
    assert main(["export", str(folder.root), "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [(c.parent.title, c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas and [f for f in formulas if not OWN_FORMULA.match(f[2])] == []
    typed = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@" and c.data_type != "f"]
    assert len(typed) >= 3 * len(portfolio.projects)
    assert book["Over dit bestand"]["B1"].value == portfolio.name


def test_a_portfolio_goes_to_excel_only_and_without_project_options(demo, tmp_path, capsys):
    assert main(["export", str(demo.root), "--format", "docx"]) == 1
    assert "portefeuillemap" in capsys.readouterr().err
    assert main(["export", str(demo.root), "--format", "xlsx", "--location", "de-linde"]) == 1
    assert "--location geldt voor een project" in capsys.readouterr().err
    assert main(["export", str(demo.root), "--format", "xlsx", "--lang", "en", "--out", str(tmp_path / "p.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["About this file", "Overview", "Year plan", "Decisions"]
    assert book["Year plan"]["L6"].value.startswith("asks 320 hours in Q2")


def test_the_client_councils_workbook_has_no_costs_and_no_names_in_the_committees_words(tmp_path):
    folder = PortfolioFolder.open(prepare_demo_portfolio(tmp_path / "p"))
    portfolio = folder.load()
    reason = "Mevrouw Jansen uit kamer 12 twijfelt; besproken met Piet de Vries"
    portfolio.project("robotdieren").decisions[0].reason = reason
    folder.save(portfolio)
    assert main(["export", str(folder.root), "--format", "xlsx", "--audience", "clientenraad"]) == 0
    path = folder.root / "build" / "export" / "portefeuille-clientenraad.xlsx"
    book = openpyxl.load_workbook(path)
    assert book["Over dit bestand"]["A1"].value.startswith("Deze versie is voor de cliëntenraad")
    header, rows = table(book[OVERVIEW])
    assert header == [h for h in OVERVIEW_HEADER if h not in ("Eenmalig gepland", "Per jaar gepland", "Budget")]
    assert len(rows) == len(portfolio.projects)
    total = next(row for row in book[OVERVIEW].iter_rows() if row[0].value == "Totaal")
    assert [c.value for c in total[4:9]] == [f"=SUBTOTAL(109,{c}2:{c}{len(rows) + 1})" for c in "EFGHI"]
    texts = " ".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value
    )
    assert "Jansen" not in texts and "Piet de Vries" not in texts and "kamer 12" not in texts
    assert "Mevrouw [naam] uit [kamer] twijfelt; besproken met [naam]" in texts  # in the decisions and the plan
    assert texts.count("[naam] uit [kamer]") == 2
    assert "€" not in texts

    assert main(["export", str(folder.root), "--format", "xlsx", "--audience", "bestuur"]) == 0
    board = openpyxl.load_workbook(folder.root / "build" / "export" / "portefeuille-bestuur.xlsx")
    assert table(board[OVERVIEW])[0] == OVERVIEW_HEADER
    assert reason in [row[3] for row in table(board[DECISIONS])[1]]
