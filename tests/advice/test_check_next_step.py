"""`workbook check` names the one thing to do next, and a new project still passes."""

from workbook.cli import main


def test_check_on_a_new_project_names_the_first_thing_to_do(tmp_path, capsys):
    folder = tmp_path / "nieuw"
    assert main(["new", str(folder), "--name", "Beeldbellen", "--organisation", "Zorggroep 't Holt"]) == 0
    capsys.readouterr()
    assert main(["check", str(folder), "--lang", "nl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Begin met stap 1: wat is de vernieuwing en voor wie?" in lines
    assert lines[-1].startswith("Samenvatting:")


def test_check_in_english(tmp_path, capsys):
    folder = tmp_path / "new"
    assert main(["new", str(folder), "--name", "Video calls", "--organisation", "Care group"]) == 0
    assert main(["check", str(folder), "--lang", "en"]) == 0
    assert "Begin with step 1: what is the innovation, and for whom?" in capsys.readouterr().out.splitlines()


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
