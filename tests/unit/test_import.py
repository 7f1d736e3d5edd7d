"""Importing measurements from CSV and Excel: Dutch values, every kind of broken file, all or nothing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from workbook.errors import Problem, WorkbookError
from workbook.exchange.xlsx_export import export_xlsx
from workbook.importer import import_measurements
from workbook.importer.dutch_values import column_convention, parse_date, parse_number
from workbook.importer.merge import merge
from workbook.language.i18n import set_language
from workbook.language.locale import AmbiguousNumber, LocaleProblem
from workbook.model import Goal, Measurement
from workbook.project.store import LOCK_FILE, Project

D = dt.date


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """Goals D1-D3; De Linde with two measurements, and Zuidhoek."""
    project = Project.create(tmp_path / "werkboek", "Beeldbellen", "Zorggroep Test")
    goals = [Goal(id=f"D{n}", text=f"doel {n}") for n in (1, 2, 3)]
    project.update_plan("goals", goals)
    linde = project.add_location("De Linde")
    linde.measurements = [
        Measurement(date=D(2024, 1, 31), goal_id="D1", value=20),
        Measurement(date=D(2024, 2, 29), goal_id="D1", value=25, note="na de scholing"),
    ]
    project.save_location(linde)
    project.add_location("Zuidhoek")
    return project


def snapshot(project: Project) -> dict[str, bytes]:
    """Every file in the project folder (history included) and its bytes."""
    return {
        project.relative(p): p.read_bytes()
        for p in sorted(project.root.rglob("*"))
        if p.is_file() and p.name != LOCK_FILE
    }


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def failing_import(project: Project, file: Path, location: str = "de-linde", **options: object) -> list[Problem]:
    """The problems of an import that must fail, after checking that it wrote nothing."""
    before = snapshot(project)
    with pytest.raises(WorkbookError) as caught:
        import_measurements(project, file, location, **options)
    assert snapshot(project) == before, "a failed import must not change any file"
    return caught.value.problems


def measured(project: Project, slug: str = "de-linde") -> list[tuple[dt.date, str, float, str]]:
    return [(m.date, m.goal_id, m.value, m.note) for m in project.load_location(slug).measurements]


# --- Dutch values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("15-03-2024", D(2024, 3, 15)),
        ("5-3-2024", D(2024, 3, 5)),
        ("15/03/2024", D(2024, 3, 15)),
        ("15.03.2024", D(2024, 3, 15)),
        (" 2024-03-15 ", D(2024, 3, 15)),
        ("15-03-2024 00:00:00", D(2024, 3, 15)),
        (dt.datetime(2024, 3, 15, 14, 30), D(2024, 3, 15)),
        (D(2024, 3, 15), D(2024, 3, 15)),
    ],
)
def test_dates_as_dutch_spreadsheets_write_them(text: object, date: dt.date) -> None:
    assert parse_date(text) == date


def test_short_years_and_month_names() -> None:
    assert parse_date("15-03-24") == D(2024, 3, 15)
    assert parse_date("15 maart 2024") == D(2024, 3, 15)


@pytest.mark.parametrize("text", ["2024/03/15", "15-3/2024", "morgen", "45000", "15-03", "03152024"])
def test_dates_that_are_refused(text: str) -> None:
    with pytest.raises(LocaleProblem, match="verwacht een datum als dd-mm-jjjj"):
        parse_date(text)


def test_a_day_that_does_not_exist() -> None:
    with pytest.raises(LocaleProblem, match="'31-02-2024' is geen bestaande datum"):
        parse_date("31-02-2024")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("12,5", 12.5),
        ("-3", -3),
        ("\u22123,5", -3.5),
        (",5", 0.5),
        ("1.250", 1250),
        ("1.250.000,75", 1250000.75),
        ("1 250", 1250),
        ("45%", 45),
        ("12,5 %", 12.5),
        ("0.450", 0.45),
        ("12.5", 12.5),
        ("1,250.75", 1250.75),
        (7, 7),
        (2.5, 2.5),
    ],
)
def test_numbers_with_decimal_comma_thousands_dots_and_percent(text: object, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "veel", "12,", "1.2.3", "12,5,0", "€ 12", "1" + "0" * 400, True, float("nan")])
def test_numbers_that_are_refused(text: object) -> None:
    with pytest.raises(LocaleProblem, match="verwacht een getal"):
        parse_number(text)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2.6", "12", "1.125"], "point"),
        (["0.45", "1,250.75"], "point"),
        (["12.5%", "2.375%"], "point"),
        (["12,5", "1.250"], "comma"),
        (["1.250", "2.500"], None),  # could be either: Dutch thousands, as Dutch users write them
        (["2.6", "12,5"], None),  # mixed: every value read on its own
        ([12.5, None, "12"], None),
    ],
)
def test_the_convention_of_a_column_is_recognised(values: list[object], expected: str | None) -> None:
    assert column_convention(values) == expected


def test_numbers_in_a_column_with_a_convention() -> None:
    assert parse_number("1.125", "point") == 1.125
    assert parse_number("1,250.75", "point") == 1250.75
    assert parse_number("12,5", "point") == 12.5
    assert parse_number("2.375", "comma") == 2375
    with pytest.raises(AmbiguousNumber, match="bedoel je 2,375 of 2375?"):
        parse_number("2.375")


# --- merging -----------------------------------------------------------------------------------


def test_merge_replaces_by_date_and_goal_and_keeps_the_rest() -> None:
    existing = [
        Measurement(date=D(2024, 1, 1), goal_id="D1", value=1),
        Measurement(date=D(2024, 1, 1), goal_id="D2", value=2),
        Measurement(date=D(2024, 1, 1), goal_id="D2", value=2.5),  # an old duplicate, left alone
        Measurement(date=D(2024, 2, 1), goal_id="D1", value=3),
    ]
    imported = [
        Measurement(date=D(2024, 1, 1), goal_id="D1", value=10),
        Measurement(date=D(2024, 2, 1), goal_id="D1", value=3),
        Measurement(date=D(2024, 3, 1), goal_id="D1", value=4),
    ]
    merged = merge(existing, imported)
    assert (merged.added, merged.replaced, merged.unchanged) == (1, 1, 1)
    assert [(m.date.month, m.goal_id, m.value) for m in merged.measurements] == [
        (1, "D1", 10),
        (1, "D2", 2),
        (1, "D2", 2.5),
        (2, "D1", 3),
        (3, "D1", 4),
    ]


# --- good CSV files ----------------------------------------------------------------------------


def test_semicolon_csv_with_decimal_comma_and_dutch_dates(project: Project, tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "metingen.csv",
        "\ufeffDatum;Doel;Waarde;Toelichting\n"
        "31-01-2024;D1;22,5;herteld\n"
        "15-03-2024;d2;1.250;\n"
        '1-4-2024;D3;45%;"zei: ""goed""; klaar"\n',
    )
    previous_csv = project.measurements_path("de-linde").read_bytes()
    result = import_measurements(project, file, "de-linde")
    assert (result.read, result.added, result.replaced, result.unchanged) == (3, 2, 1, 0)
    assert measured(project) == [
        (D(2024, 1, 31), "D1", 22.5, "herteld"),
        (D(2024, 2, 29), "D1", 25, "na de scholing"),
        (D(2024, 3, 15), "D2", 1250, ""),
        (D(2024, 4, 1), "D3", 45, 'zei: "goed"; klaar'),
    ]
    kept = project.versions.versions()
    assert project.versions.read(kept[-2], "metingen/de-linde.csv") == previous_csv
    assert result.summary().splitlines() == [
        "Metingen uit metingen.csv voor locatie De Linde (de-linde): 3 gelezen, 2 toegevoegd, 1 vervangen, "
        "0 ongewijzigd.",
        "Opgeslagen in metingen/de-linde.csv; de vorige versie blijft bewaard (zie 'workbook history').",
    ]


def test_comma_and_tab_separated_files(project: Project, tmp_path: Path) -> None:
    comma = write(tmp_path, "komma.csv", 'Datum,Doel,Waarde\n01-05-2024,D1,"30,5"\n')
    tab = write(tmp_path, "tab.txt", "Datum\tDoel\tWaarde\n02-05-2024\tD2\t7\n", encoding="utf-16")
    import_measurements(project, comma, "de-linde")
    import_measurements(project, tab, "de-linde")
    assert measured(project)[-2:] == [(D(2024, 5, 1), "D1", 30.5, ""), (D(2024, 5, 2), "D2", 7, "")]


def test_the_stores_own_measurements_file_reads_back_exactly(project: Project, tmp_path: Path) -> None:
    """metingen/<code>.csv of another workbook: ISO dates, decimal points, comma separated."""
    other = Project.create(tmp_path / "ander", "Ander", "Zorggroep Test")
    location = other.add_location("Elders")
    location.measurements = [
        Measurement(date=D(2024, 6, n + 1), goal_id="D1", value=value, note="a, b")
        for n, value in enumerate([1.125, 2.6, 12, 1250.5])
    ]
    other.save_location(location)
    import_measurements(project, other.measurements_path("elders"), "zuidhoek")
    imported = [m.model_dump(exclude={"uid"}) for m in project.load_location("zuidhoek").measurements]
    assert imported == [m.model_dump(exclude={"uid"}) for m in location.measurements]


def test_a_csv_saved_by_old_excel_in_cp1252(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "oud.csv", "Datum;Doel;Waarde;Toelichting\n01-05-2024;D1;30;Cliënten tevreden\n", "cp1252")
    import_measurements(project, file, "de-linde")
    assert measured(project)[-1] == (D(2024, 5, 1), "D1", 30, "Cliënten tevreden")


def test_headers_in_any_case_with_accents_spaces_and_synonyms(project: Project, tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "koppen.csv",
        "Metingen De Linde, voorjaar\n\n  MEETMOMENT ;Doelnummer; Wáárde ;Opmerking;Ingevuld door\n"
        "01-05-2024;D1;30;prima;Ans\n",
    )
    result = import_measurements(project, file, "de-linde")
    assert measured(project)[-1] == (D(2024, 5, 1), "D1", 30, "prima")
    assert result.ignored_columns == ["Ingevuld door"]
    assert "Niet gebruikte kolommen: Ingevuld door." in result.summary()


def test_the_location_may_be_given_by_its_name(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;30\n")
    assert import_measurements(project, file, "Zuidhoek").location.slug == "zuidhoek"
    assert measured(project, "zuidhoek") == [(D(2024, 5, 1), "D1", 30, "")]


def test_importing_what_is_already_there_changes_nothing(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde;Toelichting\n29-02-2024;D1;25;na de scholing\n")
    before = snapshot(project)
    result = import_measurements(project, file, "de-linde")
    assert (result.added, result.replaced, result.unchanged) == (0, 0, 1)
    assert result.summary().endswith("Er is niets veranderd: deze metingen stonden er al.")
    assert snapshot(project) == before


def test_a_broken_other_location_does_not_block_the_import(project: Project, tmp_path: Path) -> None:
    project.location_path("zuidhoek").write_text("name: [kapot\n", encoding="utf-8")
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;30\n")
    assert import_measurements(project, file, "De Linde").added == 1
    [problem] = failing_import(project, file, "nergens")
    assert problem.message.endswith("bekende locaties: de-linde (De Linde), zuidhoek (zuidhoek)")


def test_checking_only_reports_and_writes_nothing(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n31-01-2024;D1;20\n01-05-2024;D1;30\n")
    before = snapshot(project)
    result = import_measurements(project, file, "de-linde", save=False)
    assert (result.added, result.replaced, result.unchanged) == (1, 0, 1)
    assert "Alleen gecontroleerd" in result.summary()
    assert snapshot(project) == before


# --- good Excel files --------------------------------------------------------------------------


def excel(tmp_path: Path, rows: list[list[object]], title: str = "Blad1", name: str = "metingen.xlsx") -> Path:
    """An .xlsx file with one sheet holding `rows`."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_excel_with_real_dates_numbers_and_a_percentage_cell(project: Project, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Meetronde voorjaar"])
    sheet.append([])
    sheet.append(["Datum", "Doel", "Waarde", "Toelichting"])
    sheet.append([dt.datetime(2024, 5, 1), "D1", 30.5, "eerste"])
    sheet.append(["15-05-2024", "D2", "12,5", None])
    sheet.append([dt.datetime(2024, 6, 1), "D3", 0.45, None])
    sheet["C6"].number_format = "0%"
    file = tmp_path / "metingen.xlsx"
    book.save(file)
    result = import_measurements(project, file, "de-linde")
    assert result.added == 3
    assert measured(project)[-3:] == [
        (D(2024, 5, 1), "D1", 30.5, "eerste"),
        (D(2024, 5, 15), "D2", 12.5, ""),
        (D(2024, 6, 1), "D3", 45, ""),
    ]


def test_the_exchange_export_reads_back_unchanged(project: Project, tmp_path: Path) -> None:
    zuidhoek = project.load_location("zuidhoek")
    zuidhoek.measurements = [Measurement(date=D(2024, 3, 1), goal_id="D2", value=4, note="nulmeting")]
    project.save_location(zuidhoek)
    exported = export_xlsx(project, tmp_path / "werkboek.xlsx")
    before = measured(project)

    problems = failing_import(project, exported)
    assert [p.field for p in problems] == ["Locatie (A4)"]
    assert "hoort bij locatie 'zuidhoek', niet bij 'de-linde'" in problems[0].message
    assert problems[0].file == "werkboek.xlsx, blad 'Metingen'"

    result = import_measurements(project, exported, "de-linde", skip_other_locations=True)
    assert (result.read, result.unchanged, result.other_locations) == (2, 2, 1)
    assert measured(project) == before
    assert import_measurements(project, exported, "zuidhoek", skip_other_locations=True).unchanged == 1


def test_an_edited_export_adds_the_new_rows(project: Project, tmp_path: Path) -> None:
    exported = export_xlsx(project, tmp_path / "werkboek.xlsx")
    book = load_workbook(exported)
    book["Metingen"].append(["de-linde", dt.datetime(2024, 3, 31), "D1", 31, "nieuw"])
    book["Metingen"].append([None, dt.datetime(2024, 3, 31), "D2", 5, None])
    book.save(exported)
    result = import_measurements(project, exported, "de-linde")
    assert (result.added, result.unchanged) == (2, 2)
    assert measured(project)[-2:] == [(D(2024, 3, 31), "D1", 31, "nieuw"), (D(2024, 3, 31), "D2", 5, "")]


# --- bad rows: every problem reported, nothing written -----------------------------------------


def test_every_bad_row_is_reported_with_the_line_the_user_sees(project: Project, tmp_path: Path) -> None:
    file = write(
        tmp_path,
        "fout.csv",
        "Datum;Doel;Waarde;Toelichting\n"
        "01-05-2024;D1;30;goed\n"  # line 2: fine
        "\n"
        "01-05-2024;D9;30;\n"  # line 4: unknown goal
        '01-05-2024;D2;veel;"twee\nregels"\n'  # line 5 (and 6): not a number
        "31-02-2024;D2;5;\n"  # line 7: no such day
        ";;;alleen toelichting\n"  # line 8: empty cells
        "01-05-2024;D1;31;\n",  # line 9: same date and goal as line 2
    )
    problems = failing_import(project, file)
    assert [(p.line, p.field) for p in problems] == [
        (4, "Doel"),
        (5, "Waarde"),
        (7, "Datum"),
        (8, "Datum"),
        (8, "Doel"),
        (8, "Waarde"),
        (9, None),
    ]
    text = [p.message for p in problems]
    assert text[0] == "onbekend doel 'D9'; doelen in het plan: D1, D2, D3"
    assert text[1] == "verwacht een getal zoals 12, 12,5 of 1.500, kreeg 'veel'"
    assert text[2] == "'31-02-2024' is geen bestaande datum; controleer dag en maand"
    assert text[3] == "dit vak is leeg; hier hoort de datum van de meting (dd-mm-jjjj)"
    assert text[6] == "dezelfde datum en hetzelfde doel staan ook op regel 2; houd één meting over"
    assert all(p.file == "fout.csv" for p in problems)


def test_a_comma_in_a_number_of_a_comma_separated_file(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "komma.csv", "Datum,Doel,Waarde\n01-05-2024,D1,12,5\n")
    [problem] = failing_import(project, file)
    assert problem.line == 2 and "meer vakken dan er kolomkoppen" in problem.message


def test_bad_excel_cells_are_named_like_excel_does(project: Project, tmp_path: Path) -> None:
    file = excel(tmp_path, [["Datum", "Doel", "Waarde"], [dt.datetime(2024, 5, 1), "D1", 3], ["mei", "D1", "x"]])
    problems = failing_import(project, file)
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("metingen.xlsx, blad 'Blad1'", 3, "Datum (A3)"),
        ("metingen.xlsx, blad 'Blad1'", 3, "Waarde (C3)"),
    ]


def test_a_plan_without_goals_says_so(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "leeg", "Project", "Organisatie")
    project.add_location("De Linde")
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;30\n")
    [problem] = failing_import(project, file)
    assert "het plan heeft nog geen doelen" in problem.message


def test_a_long_list_of_problems_is_cut_short(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n" + "01-05-2024;D1;x\n" * 60)
    problems = failing_import(project, file)
    assert len(problems) == 51
    assert problems[-1].message == "en nog 10 andere problemen"


# --- unknown locations -------------------------------------------------------------------------


def test_an_unknown_location_lists_the_known_ones(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;30\n")
    for wanted in ("de-lind", "../werkboek", "De-Linde!"):
        [problem] = failing_import(project, file, wanted)
        assert problem.message == (
            f"onbekende locatie '{wanted}'; bekende locaties: de-linde (De Linde), zuidhoek (Zuidhoek)"
        )


def test_a_workbook_without_locations(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "leeg", "Project", "Organisatie")
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;30\n")
    [problem] = failing_import(project, file)
    assert "nog geen locaties" in problem.message and "workbook location add" in problem.message


# --- broken files ------------------------------------------------------------------------------


def _truncated_xlsx(tmp_path: Path) -> bytes:
    path = excel(tmp_path, [["Datum", "Doel", "Waarde"]] + [[dt.datetime(2024, 5, 1), "D1", n] for n in range(50)])
    data = path.read_bytes()
    return data[: len(data) // 2]


def _ods_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leeg.csv", b"", "het bestand is leeg"),
        ("spaties.csv", b"  \n\n \r\n", "het bestand is leeg"),
        ("plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "dit is geen tekstbestand"),
        ("brief.csv", b"Beste collega,\nHierbij de metingen.\n", "geen kolomkoppen Datum, Doel, Waarde gevonden"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud Excel-bestand (.xls)"),
        ("tekst.xlsx", b"Datum;Doel;Waarde\n", "dit is geen Excel-werkmap"),
        ("rekenblad.ods", _ods_bytes(), "LibreOffice-rekenblad (.ods)"),
        ("kapot.xlsx", b"PK\x03\x04" + b"\x00" * 40, "beschadigd of onvolledig"),
        ("onleesbaar.csv", b"Datum;Doel;Waarde\n01-05-2024;D1;\x81\x8d\x90\n", "niet met zekerheid te lezen"),
    ],
)
def test_broken_files_get_a_clear_message(
    project: Project, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    [problem] = failing_import(project, file)
    assert problem.file == name
    assert expected in problem.message


def test_a_truncated_xlsx(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "afgebroken.xlsx"
    file.write_bytes(_truncated_xlsx(tmp_path))
    [problem] = failing_import(project, file)
    assert "beschadigd of onvolledig" in problem.message


def test_a_missing_file(project: Project, tmp_path: Path) -> None:
    [problem] = failing_import(project, tmp_path / "bestaat-niet.csv")
    assert problem.message == "het bestand bestaat niet"


def test_missing_columns_show_what_was_found(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Waarde\n01-05-2024;30\n")
    [problem] = failing_import(project, file)
    assert problem.message == (
        "geen kolomkoppen Datum, Doel, Waarde gevonden (ook Toelichting, Locatie mogen); eerste regel: 'Datum', 'Waarde'"
    )


def test_two_columns_with_the_same_meaning(project: Project, tmp_path: Path) -> None:
    file = write(tmp_path, "m.csv", "Datum;Meetmoment;Doel;Waarde\n01-05-2024;02-05-2024;D1;30\n")
    [problem] = failing_import(project, file)
    assert problem.line == 1
    assert problem.message == "de kolommen 'Datum', 'Meetmoment' betekenen allebei 'Datum'; laat er één over"


def test_headers_without_rows(project: Project, tmp_path: Path) -> None:
    [problem] = failing_import(project, write(tmp_path, "m.csv", "Datum;Doel;Waarde\n;;\n"))
    assert problem.message == "er staan geen metingen onder de kolomkoppen"


def test_choosing_the_sheet(project: Project, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Uitleg"
    book.active.append(["Vul het andere blad in"])
    data = book.create_sheet("Voorjaar")
    data.append(["Datum", "Doel", "Waarde"])
    data.append([dt.datetime(2024, 5, 1), "D1", 30])
    book.create_sheet("Najaar").append(["Datum", "Doel", "Waarde"])
    file = tmp_path / "rondes.xlsx"
    book.save(file)

    [problem] = failing_import(project, file)
    assert problem.message == "meerdere bladen hebben metingen: 'Voorjaar', 'Najaar'; kies er één met --sheet"
    [problem] = failing_import(project, file, sheet="Zomer")
    assert problem.message == "er is geen blad 'Zomer'; bladen in dit bestand: 'Uitleg', 'Voorjaar', 'Najaar'"
    [problem] = failing_import(project, file, sheet="uitleg")
    assert problem.file == "rondes.xlsx, blad 'Uitleg'" and "geen kolomkoppen" in problem.message
    assert import_measurements(project, file, "de-linde", sheet="voorjaar").added == 1


def test_a_workbook_where_no_sheet_fits(project: Project, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Naam", "Rol"])
    book.create_sheet("Kosten").append(["Post", "Bedrag"])
    file = tmp_path / "iets.xlsx"
    book.save(file)
    [problem] = failing_import(project, file)
    assert problem.message.startswith("geen blad heeft de kolommen Datum, Doel, Waarde")
    assert "--sheet" in problem.message


def test_sheet_is_refused_for_csv(project: Project, tmp_path: Path) -> None:
    [problem] = failing_import(project, write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D1;3\n"), sheet="x")
    assert "--sheet geldt alleen voor Excel-bestanden" in problem.message


def test_messages_in_english(project: Project, tmp_path: Path) -> None:
    set_language("en")
    file = write(tmp_path, "m.csv", "Datum;Doel;Waarde\n01-05-2024;D9;30\n")
    [problem] = failing_import(project, file)
    assert str(problem) == "m.csv, line 2, field Doel: unknown goal 'D9'; goals in the plan: D1, D2, D3"
