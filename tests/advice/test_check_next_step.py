"""`workbook check` names the one thing to do next, and a new project still passes."""

from workbook.cli import main


def test_check_on_a_new_project_names_the_first_thing_to_do(tmp_path, capsys):
    folder = tmp_path / "nieuw"
    assert main(["new", str(folder), "--name", "Beeldbellen", "--organisation", "Zorggroep 't Holt"]) == 0
    capsys.readouterr()
    assert main(["check", str(folder), "--lang", "nl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Begin met stap 1: wat is de vernieuwing en voor wie?" in lines
    # one file, in the singular; readable but empty, so never "in orde"
    assert lines[-1] == (
        "Samenvatting: 1 bestand gecontroleerd, geen fouten, 0 adviezen. De bestanden zijn goed te lezen; "
        "het plan is nog niet af; de volgende stap staat hierboven."
    )
    assert "in orde" not in "\n".join(lines)


def test_check_in_english(tmp_path, capsys):
    folder = tmp_path / "new"
    assert main(["new", str(folder), "--name", "Video calls", "--organisation", "Care group"]) == 0
    assert main(["check", str(folder), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Begin with step 1: what is the innovation, and for whom?" in lines
    assert lines[-1].startswith("Summary: 1 file checked, no errors, 0 pieces of advice. The files can be read;")


def test_check_on_the_demo_continues_where_the_plan_is_incomplete(demo_project, capsys):
    assert main(["check", str(demo_project.root), "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Ga verder met stap 3 (SMART-doelen en acties): geef elk doel een eigenaar" in out


def test_check_names_a_measurement_by_its_date_in_the_locale(empty_project, capsys):
    location = empty_project.add_location("'t Holt")
    empty_project.update_location(
        location.slug, "measurements", [{"date": "2026-10-01", "goal_id": "D9", "value": 2.5}]
    )
    assert main(["check", str(empty_project.root), "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "meting van 1 okt 2026" in out
    assert "2026-10-01" not in out


def test_the_summary_counts_in_the_singular_and_the_plural():
    from workbook.cli.check import Report, format_report
    from workbook.errors import Problem

    one = Report(files=1, problems=[Problem(file="werkboek.yaml", message="kapot")])
    assert format_report(one)[-1] == (
        "Samenvatting: 1 bestand gecontroleerd, 1 fout in 1 bestand, 0 adviezen. Los de fouten op en controleer opnieuw."
    )
    two = Report(
        files=3, problems=[Problem(file="a.yaml", message="x"), Problem(file="b.yaml", message="y")], next_step="..."
    )
    assert format_report(two)[-1].startswith("Samenvatting: 3 bestanden gecontroleerd, 2 fouten in 2 bestanden,")


def test_only_a_finished_plan_without_errors_is_in_order():
    from workbook.cli.check import Report, format_report

    assert format_report(Report(files=2))[-1] == (
        "Samenvatting: 2 bestanden gecontroleerd, geen fouten, 0 adviezen. Het werkboek is in orde."
    )
    unfinished = format_report(Report(files=2, next_step="Ga verder met stap 3 (SMART-doelen en acties): ..."))
    assert "in orde" not in unfinished[-1]
