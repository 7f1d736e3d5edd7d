"""Import stores every value exactly as meant: the value table for CSV and Excel text cells, the
column's convention for "2.375", and files in old encodings read correctly or refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from workbook.errors import Problem, WorkbookError
from workbook.importer import import_measurements
from workbook.importer.encoding import decode, reads_as_text
from workbook.language.i18n import set_language
from workbook.model import Goal
from workbook.project.store import LOCK_FILE, Project

# What a Waarde and a Datum cell store for each value, or the words of the refusal.
VALUE = {
    "1.500": 1500,
    "1.000": 1000,
    "12,5": 12.5,
    "2.375": "bedoel je 2,375 of 2375?",
    "1.234": "bedoel je 1,234 of 1234?",
    "1.234,5": 1234.5,
    "02312027": 2312027,
    "31-02-2027": "verwacht een getal",
    "1 juli 2027": "verwacht een getal",
    "1-7-27": "verwacht een getal",
}
DATE = {
    "1.500": "verwacht een datum als dd-mm-jjjj",
    "1.000": "verwacht een datum als dd-mm-jjjj",
    "12,5": "verwacht een datum als dd-mm-jjjj",
    "2.375": "verwacht een datum als dd-mm-jjjj",
    "1.234": "verwacht een datum als dd-mm-jjjj",
    "1.234,5": "verwacht een datum als dd-mm-jjjj",
    "02312027": "verwacht een datum als dd-mm-jjjj",
    "31-02-2027": "'31-02-2027' is geen bestaande datum",
    "1 juli 2027": dt.date(2027, 7, 1),
    "1-7-27": dt.date(2027, 7, 1),
}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "werkboek", "Beeldbellen", "Zorggroep Test")
    project.update_plan("goals", [Goal(id="D1", text="doel 1"), Goal(id="D2", text="doel 2")])
    project.add_location("De Linde")
    return project


def files(project: Project) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(project.root.rglob("*")) if p.is_file() and p.name != LOCK_FILE}


def csv(tmp_path: Path, rows: list[tuple[str, ...]], encoding: str = "utf-8", name: str = "metingen.csv") -> Path:
    path = tmp_path / name
    text = "Datum;Doel;Waarde;Toelichting\n" + "".join(";".join(row) + "\n" for row in rows)
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(tmp_path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    book.active.append(["Datum", "Doel", "Waarde", "Toelichting"])
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / "metingen.xlsx"
    book.save(path)
    return path


def refused(project: Project, file: Path) -> list[Problem]:
    before = files(project)
    with pytest.raises(WorkbookError) as caught:
        import_measurements(project, file, "de-linde")
    assert files(project) == before, "a refused import must not change any file"
    return caught.value.problems


def stored(project: Project) -> list[tuple[dt.date, str, float, str]]:
    return [(m.date, m.goal_id, m.value, m.note) for m in project.load_location("de-linde").measurements]


def _expect(project: Project, file: Path, expected, column: str, check) -> None:
    if isinstance(expected, str):
        [problem] = refused(project, file)
        assert expected in problem.message
        assert problem.line == 2
        assert problem.field.startswith(column)
    else:
        import_measurements(project, file, "de-linde")
        check(stored(project))


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(("typed", "expected"), VALUE.items())
def test_value_cells(project: Project, tmp_path: Path, form: str, typed: str, expected) -> None:
    row = ("01-05-2024", "D1", typed, "")
    file = csv(tmp_path, [row]) if form == "csv" else xlsx(tmp_path, [row])
    _expect(project, file, expected, "Waarde", lambda rows: rows == [(dt.date(2024, 5, 1), "D1", expected, "")])


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize(("typed", "expected"), DATE.items())
def test_date_cells(project: Project, tmp_path: Path, form: str, typed: str, expected) -> None:
    row = (typed, "D1", "7", "")
    file = csv(tmp_path, [row]) if form == "csv" else xlsx(tmp_path, [row])
    _expect(project, file, expected, "Datum", lambda rows: rows == [(expected, "D1", 7, "")])


def test_excel_number_and_date_cells_pass_as_they_are(project: Project, tmp_path: Path) -> None:
    import_measurements(project, xlsx(tmp_path, [(dt.datetime(2027, 7, 1), "D1", 2.375, "")]), "de-linde")
    assert stored(project) == [(dt.date(2027, 7, 1), "D1", 2.375, "")]


def test_a_column_with_decimal_points_reads_2_375_as_two_and_a_bit(project: Project, tmp_path: Path) -> None:
    file = csv(tmp_path, [("01-05-2024", "D1", "12.5", ""), ("02-05-2024", "D1", "2.375", "")])
    import_measurements(project, file, "de-linde")
    assert [value for _, _, value, _ in stored(project)] == [12.5, 2.375]


def test_a_column_with_decimal_commas_reads_2_375_as_thousands(project: Project, tmp_path: Path) -> None:
    file = csv(
        tmp_path,
        [("01-05-2024", "D1", "1.234,5", ""), ("02-05-2024", "D1", "2.375", ""), ("03-05-2024", "D1", "1.500", "")],
    )
    import_measurements(project, file, "de-linde")
    assert [value for _, _, value, _ in stored(project)] == [1234.5, 2375, 1500]


def test_a_column_where_every_value_is_ambiguous_is_refused_naming_the_rows(project: Project, tmp_path: Path) -> None:
    file = csv(
        tmp_path,
        [("01-05-2024", "D1", "2.375", ""), ("02-05-2024", "D1", "1.500", ""), ("03-05-2024", "D1", "1.234", "")],
    )
    problems = refused(project, file)
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("metingen.csv", 2, "Waarde"),
        ("metingen.csv", 4, "Waarde"),
    ]
    assert problems[0].message == "'2.375' is niet eenduidig: bedoel je 2,375 of 2375?"
    assert problems[1].message == "'1.234' is niet eenduidig: bedoel je 1,234 of 1234?"


def test_excel_text_cells_follow_the_column_like_csv(project: Project, tmp_path: Path) -> None:
    file = xlsx(tmp_path, [("01-05-2024", "D1", "12.5", ""), ("02-05-2024", "D1", "2.375", "")])
    import_measurements(project, file, "de-linde")
    assert [value for _, _, value, _ in stored(project)] == [12.5, 2.375]


def test_the_stores_own_csv_reads_back_exactly(project: Project, tmp_path: Path) -> None:
    """metingen/<code>.csv as the store writes it: decimal points, ISO dates."""
    other = Project.create(tmp_path / "ander", "Ander", "Zorggroep Test")
    path = other.root / "metingen" / "x.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text("datum,doel,waarde,toelichting\n2024-05-01,D1,2.375,\n2024-05-02,D1,1.5,\n2024-05-03,D1,1500.0,\n")
    import_measurements(project, path, "de-linde")
    assert [value for _, _, value, _ in stored(project)] == [2.375, 1.5, 1500]


# --- encodings ---------------------------------------------------------------------------------

NOTES = ["Tweeëiken", "café in 't Holt", "naïef, één cliënt"]
ROWS = [(f"0{n + 1}-05-2024", "D1", str(n + 1), note) for n, note in enumerate(NOTES)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "iso8859_15", "mac_roman", "cp437"])
def test_files_in_every_usual_encoding_are_read_correctly(project: Project, tmp_path: Path, encoding: str) -> None:
    import_measurements(project, csv(tmp_path, ROWS, encoding), "de-linde")
    assert [note for *_, note in stored(project)] == NOTES


@pytest.mark.parametrize("encoding", ["mac_roman", "iso8859_15"])
def test_a_short_file_in_an_old_encoding_is_read_when_only_one_reading_makes_sense(
    project: Project, tmp_path: Path, encoding: str
) -> None:
    import_measurements(project, csv(tmp_path, [("01-05-2024", "D1", "3", "Tweeëiken")], encoding), "de-linde")
    assert stored(project)[0][3] == "Tweeëiken"


def test_a_dos_file_that_could_also_be_mac_is_refused(project: Project, tmp_path: Path) -> None:
    file = csv(tmp_path, [("01-05-2024", "D1", "3", "Tweeëiken")], "cp437", name="dos.csv")
    [problem] = refused(project, file)
    assert problem.file == "dos.csv"
    assert "het kan MacRoman of DOS (437) zijn" in problem.message
    assert "sla het bestand op als UTF-8: in Excel met Bestand › Opslaan als › 'CSV UTF-8" in problem.message


def test_a_euro_sign_in_latin_9_is_read() -> None:
    text = "Datum;Doel;Waarde;Toelichting\n01-05-2024;D1;3;€ 12 per cliënt\n"
    assert decode(text.encode("iso8859_15"), "x.csv") == text


def test_garbled_readings_do_not_read_as_text() -> None:
    assert reads_as_text("Tweeëiken, café, naïef, één, ’t Holt, “Nee”, € 12, ÉÉN, Één")
    for garbled in [
        "Twee‘iken",
        "TweeÎiken",
        "cafŽ",
        "na•ef",
        "Twee‰iken",
        "ÈÈn",
        "ÒNee, dat lukt niet.Ó",
        "——k",
        "voor \u00a0lle",
    ]:
        assert not reads_as_text(garbled), garbled


def test_in_english_the_comma_is_the_one_asked_about(project: Project, tmp_path: Path) -> None:
    set_language("en")
    [problem] = refused(project, csv(tmp_path, [("01-05-2024", "D1", "2,375", "")]))
    assert problem.message == "'2,375' is ambiguous: do you mean 2.375 or 2375?"
    import_measurements(
        project, csv(tmp_path, [("01-05-2024", "D1", "2.375", ""), ("02-05-2024", "D1", "1,500", "")]), "de-linde"
    )
    assert [value for _, _, value, _ in stored(project)] == [2.375, 1500]
