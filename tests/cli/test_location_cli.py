"""``workbook location add|set|runbook`` and ``--location`` by name, as a location team would type them."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from workbook.cli import main
from workbook.model import Phase


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- add -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   "])
def test_add_refuses_an_empty_name(empty_project, capsys, name):
    code, _, err = run(capsys, "location", "add", str(empty_project.root), name)
    assert code == 1
    assert "de naam van de locatie is leeg" in err
    assert empty_project.location_slugs() == []


def test_add_refuses_a_name_that_exists_and_names_its_code(empty_project, capsys):
    folder = str(empty_project.root)
    assert run(capsys, "location", "add", folder, "'t Veenhuys")[0] == 0
    code, _, err = run(capsys, "location", "add", folder, "  'T  VEENHUYS ")
    assert code == 1
    assert "de locatie ''t Veenhuys' bestaat al, met de code t-veenhuys" in err
    assert empty_project.location_slugs() == ["t-veenhuys"]


# --- set -----------------------------------------------------------------------------------------


def test_set_phase_by_dutch_label_and_dutch_dates(demo_project, capsys):
    code, out, _ = run(
        capsys, "location", "set", str(demo_project.root), "Het Spijker", "--phase", "loopt",
        "--start", "1-7-2027", "--end", "31 december 2027",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == "Het Spijker (het-spijker): fase Loopt, start 1 juli 2027, einde 31 december 2027"
    saved = yaml.safe_load(demo_project.location_path("het-spijker").read_text(encoding="utf-8"))
    assert (saved["phase"], saved["start"], saved["end"]) == ("running", "2027-07-01", "2027-12-31")


def test_set_by_code_with_iso_date_and_phase_code(demo_project, capsys):
    assert (
        run(capsys, "location", "set", str(demo_project.root), "de-kolk", "--phase", "finished", "--end", "2027-04-30")[
            0
        ]
        == 0
    )
    location = demo_project.load_location("de-kolk")
    assert (location.phase, location.end) == (Phase.finished, dt.date(2027, 4, 30))
    assert location.start == dt.date(2026, 12, 7)  # untouched


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--phase", "halverwege"], "--phase: onbekende fase 'halverwege'; kies uit: planned (Gepland), starting"),
        (["--start", "31-2-2027"], "--start: "),
        (["--start", "1.500"], "--start: "),
        (["--end", "1-1-2026"], "--end: het einde (1 januari 2026) ligt vóór de start (7 december 2026)"),
        ([], "geef minstens één van --phase, --start of --end"),
    ],
)
def test_set_refuses_what_it_cannot_read_and_changes_nothing(demo_project, capsys, options, expected):
    before = demo_project.location_path("de-kolk").read_bytes()
    code, _, err = run(capsys, "location", "set", str(demo_project.root), "de-kolk", *options)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err
    assert demo_project.location_path("de-kolk").read_bytes() == before


# --- runbook -------------------------------------------------------------------------------------


def test_runbook_from_template_copies_the_plan_template_with_dates(empty_project, capsys):
    folder = str(empty_project.root)
    plan = empty_project.load_plan()
    plan.runbook_template = [
        {"activity": "Aftrap met het team", "week": -1},
        {"activity": "Sensoren plaatsen", "week": 1, "one_off_cost": 1500},
        {"activity": "Evaluatie", "week": 12, "structural_cost": 250.5},
    ]
    empty_project.save_plan(plan)
    run(capsys, "location", "add", folder, "De Linde")
    run(capsys, "location", "set", folder, "de-linde", "--start", "5-1-2027")

    code, out, _ = run(capsys, "location", "runbook", folder, "De Linde", "--from-template")
    assert code == 0
    assert "3 activiteiten uit het sjabloon toegevoegd aan het draaiboek van De Linde (de-linde)" in out
    runbook = empty_project.load_location("de-linde").runbook
    assert [(a.activity, a.start, a.one_off_cost, a.structural_cost) for a in runbook] == [
        ("Aftrap met het team", dt.date(2026, 12, 22), 0.0, 0.0),
        ("Sensoren plaatsen", dt.date(2027, 1, 5), 1500.0, 0.0),
        ("Evaluatie", dt.date(2027, 3, 23), 0.0, 250.5),
    ]

    code, out, _ = run(capsys, "location", "runbook", folder, "de-linde", "--from-template")
    assert code == 0
    assert "0 activiteiten" in out and "niet nog eens toegevoegd: 'Aftrap met het team', 'Sensoren plaatsen'" in out
    assert len(empty_project.load_location("de-linde").runbook) == 3


def test_runbook_without_a_template_says_so(empty_project, capsys):
    run(capsys, "location", "add", str(empty_project.root), "De Linde")
    code, _, err = run(capsys, "location", "runbook", str(empty_project.root), "de-linde", "--from-template")
    assert code == 1 and "nog geen draaiboek-sjabloon" in err


def test_runbook_without_a_start_date_says_how_to_set_it(empty_project, capsys):
    plan = empty_project.load_plan()
    plan.runbook_template = [{"activity": "Aftrap", "week": 1}]
    empty_project.save_plan(plan)
    run(capsys, "location", "add", str(empty_project.root), "De Linde")
    code, out, _ = run(capsys, "location", "runbook", str(empty_project.root), "de-linde", "--from-template")
    assert code == 0 and "workbook location set DIR de-linde --start" in out
    assert empty_project.load_location("de-linde").runbook[0].start is None


# --- --location by name --------------------------------------------------------------------------


def test_export_takes_the_location_by_name(demo_project, capsys, tmp_path):
    out = tmp_path / "veenhuys.xlsx"
    code, printed, _ = run(
        capsys, "export", str(demo_project.root), "--format", "xlsx", "--location", "'t veenhuys", "--out", str(out)
    )
    assert code == 0 and out.is_file()
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Metingen"]
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]} == {"t-veenhuys"}


def test_import_takes_the_location_by_name(demo_project, capsys, tmp_path):
    file = tmp_path / "m.csv"
    file.write_text("Datum;Doel;Waarde\n01-05-2027;D1;30\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(demo_project.root), str(file), "--location", "HET SPIJKER", "--check")
    assert code == 0, err


def test_an_unknown_location_name_lists_the_known_ones(demo_project, capsys):
    code, _, err = run(capsys, "build", str(demo_project.root), "--location", "Veenhuis")
    assert code == 1
    assert "onbekende locatie 'Veenhuis'; bekende locaties: de-kolk (De Kolk), de-linde (De Linde)," in err
    assert "t-veenhuys ('t Veenhuys)" in err
    assert not (demo_project.root / "build" / "reports").exists()


def test_runbook_from_template_says_one_activity_in_the_singular(empty_project, capsys):
    folder = str(empty_project.root)
    plan = empty_project.load_plan()
    plan.runbook_template = [{"activity": "Aftrap met het team", "week": 1}]
    empty_project.save_plan(plan)
    run(capsys, "location", "add", folder, "'t Holt")

    code, out, _ = run(capsys, "location", "runbook", folder, "'t Holt", "--from-template")
    assert code == 0
    assert "1 activiteit uit het sjabloon toegevoegd aan het draaiboek van 't Holt" in out
