"""``workbook import DIR FILE --location CODE`` on the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from workbook.cli import main
from workbook.model import Goal
from workbook.project.store import LOCK_FILE, Project

GOOD_CSV = "Datum;Doel;Waarde;Toelichting\n01-05-2024;D1;30,5;eerste ronde\n15-05-2024;D2;45%;\n"
BAD_CSV = "Datum;Doel;Waarde\n01-05-2024;D1;30\n32-05-2024;D7;dertig\n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "werkboek", "Beeldbellen", "Zorggroep Test")
    project.update_plan("goals", [Goal(id="D1", text="doel 1"), Goal(id="D2", text="doel 2")])
    project.add_location("De Linde")
    return project


def files(project: Project) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in project.root.rglob("*") if p.is_file() and p.name != LOCK_FILE}


def csv_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "metingen.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_good_csv_is_imported_with_a_dutch_summary(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    code = main(["import", str(project.root), csv_file(tmp_path, GOOD_CSV), "--location", "de-linde"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Metingen uit metingen.csv voor locatie De Linde (de-linde): 2 gelezen, 2 toegevoegd" in out
    assert "Opgeslagen in metingen/de-linde.csv" in out
    rows = project.measurements_path("de-linde").read_text(encoding="utf-8").splitlines()
    assert [row.rsplit(",", 1)[0] for row in rows] == [
        "datum,doel,waarde,toelichting",
        "2024-05-01,D1,30.5,eerste ronde",
        "2024-05-15,D2,45,",
    ]


def test_importing_again_replaces_and_counts(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["import", str(project.root), csv_file(tmp_path, GOOD_CSV), "--location", "de-linde"]
    assert main(args) == 0
    args[2] = csv_file(tmp_path, GOOD_CSV.replace("30,5", "31"))
    capsys.readouterr()
    assert main(args) == 0
    assert "0 toegevoegd, 1 vervangen, 1 ongewijzigd" in capsys.readouterr().out


def test_bad_rows_exit_1_list_every_problem_and_write_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = files(project)
    code = main(["import", str(project.root), csv_file(tmp_path, BAD_CSV), "--location", "de-linde"])
    error = capsys.readouterr().err
    assert code == 1
    assert error.splitlines() == [
        "Fout:",
        "metingen.csv, regel 3, veld Datum: '32-05-2024' is geen bestaande datum; controleer dag en maand",
        "metingen.csv, regel 3, veld Doel: onbekend doel 'D7'; doelen in het plan: D1, D2",
        "metingen.csv, regel 3, veld Waarde: verwacht een getal zoals 12, 12,5 of 1.500, kreeg 'dertig'",
    ]
    assert files(project) == before


def test_english_after_the_sub_command(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["import", str(project.root), csv_file(tmp_path, BAD_CSV), "--location", "de-linde", "--lang", "en"])
    error = capsys.readouterr().err
    assert code == 1
    assert error.startswith("Error:\n")
    assert "metingen.csv, line 3, field Doel: unknown goal 'D7'; goals in the plan: D1, D2" in error


def test_unknown_location_lists_the_known_ones(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = files(project)
    code = main(["import", str(project.root), csv_file(tmp_path, GOOD_CSV), "--location", "nergens"])
    assert code == 1
    assert "onbekende locatie 'nergens'; bekende locaties: de-linde (De Linde)" in capsys.readouterr().err
    assert files(project) == before


def test_check_only_saves_nothing(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    before = files(project)
    code = main(["import", str(project.root), csv_file(tmp_path, GOOD_CSV), "--location", "de-linde", "--check"])
    assert code == 0
    assert "Alleen gecontroleerd: er is niets opgeslagen." in capsys.readouterr().out
    assert files(project) == before


def test_an_excel_sheet_chosen_by_name(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    book = Workbook()
    book.active.title = "Toelichting"
    sheet = book.create_sheet("Ronde 2")
    sheet.append(["Locatie", "Datum", "Doel", "Waarde"])
    sheet.append(["de-linde", dt.datetime(2024, 6, 1), "D1", 33])
    sheet.append(["Zuidhoek", dt.datetime(2024, 6, 1), "D1", 12])
    path = tmp_path / "ronde.xlsx"
    book.save(path)
    args = ["import", str(project.root), str(path), "--location", "de-linde", "--sheet", "Ronde 2"]

    assert main(args) == 1
    assert "regel 3, veld Locatie (A3): deze regel hoort bij locatie 'Zuidhoek'" in capsys.readouterr().err
    assert main([*args, "--skip-other-locations"]) == 0
    assert "Regels van andere locaties overgeslagen: 1." in capsys.readouterr().out
    assert [m.value for m in project.load_location("de-linde").measurements] == [33]


def test_broken_file_and_missing_folder(project: Project, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 half")
    assert main(["import", str(project.root), str(broken), "--location", "de-linde"]) == 1
    assert "kapot.xlsx: het Excel-bestand is beschadigd of onvolledig" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "geen-werkboek"), str(broken), "--location", "de-linde"]) == 1
    assert "werkboek.yaml ontbreekt" in capsys.readouterr().err


def test_the_installed_command_has_import_with_dutch_help() -> None:
    command = Path(sys.executable).with_name("workbook")
    result = subprocess.run([command, "import", "--help"], capture_output=True, text=True, check=True, timeout=60)
    assert "workbook import" in result.stdout
    for option in ("--location", "--sheet", "--check", "--skip-other-locations", "--lang"):
        assert option in result.stdout
    assert "Is één regel fout, dan wordt niets opgeslagen." in " ".join(result.stdout.split())


@pytest.mark.parametrize("encoding", ["mac_roman", "iso8859_15", "cp437"])
def test_a_file_from_a_mac_unix_or_dos_machine(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture, encoding: str
) -> None:
    text = "Datum;Doel;Waarde;Toelichting\n01-05-2024;D1;1;Tweeëiken\n02-05-2024;D1;2;café in 't Holt\n"
    path = tmp_path / "oud.csv"
    path.write_bytes(text.encode(encoding))
    assert main(["import", str(project.root), str(path), "--location", "de-linde"]) == 0
    assert [m.note for m in project.load_location("de-linde").measurements] == ["Tweeëiken", "café in 't Holt"]


def test_a_file_whose_characters_are_uncertain_is_refused_with_the_fix(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "dos.csv"
    path.write_bytes("Datum;Doel;Waarde;Toelichting\n01-05-2024;D1;1;Tweeëiken\n".encode("cp437"))
    before = files(project)
    assert main(["import", str(project.root), str(path), "--location", "de-linde"]) == 1
    error = capsys.readouterr().err
    assert "dos.csv: de tekens in dit bestand (zoals ë, é en ï) zijn niet met zekerheid te lezen" in error
    assert "sla het bestand op als UTF-8: in Excel met Bestand › Opslaan als › 'CSV UTF-8" in error
    assert files(project) == before


def test_an_ambiguous_value_exits_1_with_the_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = files(project)
    path = csv_file(tmp_path, "Datum;Doel;Waarde\n01-05-2024;D1;2.375\n")
    assert main(["import", str(project.root), path, "--location", "de-linde"]) == 1
    assert (
        "metingen.csv, regel 2, veld Waarde: '2.375' is niet eenduidig: bedoel je 2,375 of 2375?"
        in capsys.readouterr().err
    )
    assert files(project) == before
