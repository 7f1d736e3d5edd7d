"""The ``workbook`` command: new, location add, check, demo, --help and --version, in Dutch and English."""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from workbook.cli import build_parser, main
from workbook.cli.demo import is_demo_copy, prepare_demo
from workbook.language.i18n import set_language
from workbook.project.store import Project
from workbook.resources import demo_dir


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line that equals `old` (stripped) with `new`; its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip() == old)
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f"{indent}{new}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def replace_row_start(path: Path, old: str, new: str) -> int:
    """Replace the start `old` of the first CSV row that begins with it by `new`; its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new + lines[number][len(old) :]
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


# --- new and location add ------------------------------------------------------------------------


def test_new_creates_a_project_with_name_and_organisation(tmp_path, capsys):
    folder = tmp_path / "mijn werkboek"
    assert main(["new", str(folder), "--name", "Beeldbellen", "--organisation", "Zorggroep Test"]) == 0
    basics = Project.open(folder).load_plan().basics
    assert (basics.project_name, basics.institution) == ("Beeldbellen", "Zorggroep Test")
    assert "workbook location add" in capsys.readouterr().out


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notities.txt").write_text("eigen werk", encoding="utf-8")
    assert main(["new", str(tmp_path), "--name", "X", "--organisation", "Y"]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert not (tmp_path / "werkboek.yaml").exists()


def test_location_add_prints_a_safe_unique_code(empty_project, capsys):
    folder = str(empty_project.root)
    assert main(["location", "add", folder, "'t Hoë Veld"]) == 0
    assert main(["location", "add", folder, "'t Hoe Veld"]) == 0
    assert capsys.readouterr().out.split() == ["t-hoe-veld", "t-hoe-veld-2"]
    assert empty_project.load_location("t-hoe-veld").name == "'t Hoë Veld"


def test_location_add_outside_a_workbook_says_what_is_missing(tmp_path, capsys):
    assert main(["location", "add", str(tmp_path), "De Linde"]) == 1
    assert "werkboek.yaml ontbreekt" in capsys.readouterr().err


# --- check ---------------------------------------------------------------------------------------


def test_check_passes_the_demo_and_gives_advice(capsys):
    assert main(["check", str(demo_dir())]) == 0
    out = capsys.readouterr().out
    assert "Advies" in out and "Fouten" not in out
    assert "geen fouten" in out.splitlines()[-1]
    assert "locaties/het-spijker.yaml › Draaiboek" in out


def test_check_names_file_and_line_of_malformed_yaml(demo_project, capsys):
    line = replace_line(demo_project.plan_path, "approach: mixed", "approach: [mixed")
    assert main(["check", str(demo_project.root)]) == 1
    out = capsys.readouterr().out
    # The line where the bracket opens, with the fix.
    assert f"werkboek.yaml\n    - regel {line}: geen geldige YAML: een tekst die met [ of {{ begint" in out
    assert "zet de tekst tussen aanhalingstekens" in out
    assert "1 fout in 1 bestand" in out.splitlines()[-1]


def test_check_names_the_field_and_what_is_expected(demo_project, capsys):
    line = replace_line(demo_project.location_path("de-linde"), "total: 32", "total: veel")
    assert main(["check", str(demo_project.root)]) == 1
    out = capsys.readouterr().out
    assert f"locaties/de-linde.yaml\n    - regel {line}, veld clients.total: verwacht een geheel getal" in out


def test_check_collects_every_problem_in_every_file(demo_project, capsys):
    root = demo_project.root
    replace_line(root / "werkboek.yaml", "approach: mixed", "approach: zijwaarts")
    replace_line(root / "werkboek.yaml", "max_concurrent: 2", "max_concurrent: 0")
    replace_line(root / "locaties" / "tweeeiken.yaml", "phase: running", "phase: [running")
    # The YAML of this location is broken, yet its measurements are checked too.
    csv_line = replace_row_start(root / "metingen" / "tweeeiken.csv", "2026-08-31,D1,46,", "2026-08-31,D1,veel,")
    (root / "locaties" / "Nieuwe locatie.yaml").write_text("name: Nieuw\n", encoding="utf-8")
    (root / "metingen" / "oud.csv").write_text("datum,doel,waarde,toelichting\n", encoding="utf-8")

    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "veld basics.approach: verwacht één van" in out
    assert "veld spread.rollout.max_concurrent: verwacht minstens 1" in out
    assert "locaties/tweeeiken.yaml\n    - regel" in out
    assert f"metingen/tweeeiken.csv\n    - regel {csv_line}, veld waarde: verwacht een getal, kreeg 'veel'" in out
    assert "locaties/Nieuwe locatie.yaml\n    - deze bestandsnaam wordt niet gelezen" in out
    assert "locaties/nieuwe-locatie.yaml" in out
    assert "metingen/oud.csv\n    - deze metingen horen bij geen locatie" in out
    assert "6 fouten in 5 bestanden" in out.splitlines()[-1]


def test_check_advises_on_references_that_lead_nowhere(demo_project, capsys):
    replace_line(demo_project.location_path("de-kolk"), "- goal_id: D1", "- goal_id: D9")
    replace_line(demo_project.plan_path, "factor_id: F10", "factor_id: F99")
    replace_line(demo_project.plan_path, "- de-kolk", "- de-kolkk")
    assert main(["check", str(demo_project.root)]) == 0
    out = capsys.readouterr().out
    assert "locaties/de-kolk.yaml › Verwijzingen\n    De Kolk\n      - deze locatie staat in geen enkele golf" in out
    assert (
        "    targets[0].goal_id\n      - verwijst naar doel 'D9', dat niet in het plan staat; bekende doelen: D1" in out
    )
    assert "    goals[0].actions[0].factor_id\n      - verwijst naar factor 'F99'" in out
    assert "    spread.rollout.waves[2].locations[0]\n      - verwijst naar locatie 'de-kolkk', die niet bestaat" in out


def test_check_refuses_repeated_numbers_and_empty_required_values(demo_project, capsys):
    first = replace_line(demo_project.plan_path, "- id: D4", "- id: D4")
    second = replace_line(demo_project.plan_path, "- id: D5", "- id: d4")
    factor = replace_line(demo_project.plan_path, "- id: F2", "- id: F1")
    text = demo_project.plan_path.read_text(encoding="utf-8")
    demo_project.plan_path.write_text(text.replace("- name: Raad van bestuur", "- name: ' '", 1), encoding="utf-8")
    replace_line(demo_project.location_path("de-kolk"), "name: De Kolk", "name: ''")
    replace_line(demo_project.location_path("het-spijker"), "name: Het Spijker", "name: de  linde")
    assert main(["check", str(demo_project.root)]) == 1
    out = capsys.readouterr().out
    errors = out.split("Advies (niet verplicht)")[0]
    assert f"regel {second}, veld goals[4].id: nummer 'd4' wordt al gebruikt" in errors
    assert f"(ook op regel {first})" in errors
    assert f"regel {factor}, veld context.factors[1].id: nummer 'F1' wordt al gebruikt" in errors
    assert "veld stakeholders[0].name: Persoon of groep is verplicht" in errors
    assert "locaties/de-kolk.yaml\n    - regel 2, veld name: Naam van de locatie is verplicht" in errors
    assert (
        "locaties/het-spijker.yaml\n    - regel 2, veld name: de locatie 'de  linde' bestaat al als de-linde" in errors
    )
    assert "5 fouten in 3 bestanden" in out.splitlines()[-1]


def test_check_in_english_with_the_option_or_the_environment(demo_project, capsys, monkeypatch):
    replace_line(demo_project.plan_path, "weight: 3", "weight: hoog")
    assert main(["check", str(demo_project.root), "--lang", "en"]) == 1
    by_option = capsys.readouterr().out
    set_language(None)
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    assert main(["check", str(demo_project.root)]) == 1
    by_environment = capsys.readouterr().out
    for out in (by_option, by_environment):
        assert "Errors (must be fixed)" in out
        assert "field context.factors[0].weight: expected a whole number, got 'hoog'" in out
        assert out.splitlines()[-1].startswith("Summary:")


def test_check_outside_a_workbook_is_a_clear_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "werkboek.yaml ontbreekt" in capsys.readouterr().err


# --- demo ----------------------------------------------------------------------------------------


def project_files(folder: Path) -> dict[str, bytes]:
    """The project's own files (no build output, no editor settings), by path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in ("build", ".vscode")
    }


def test_demo_sets_up_the_demo_and_keeps_an_earlier_copy(tmp_path, capsys):
    target = tmp_path / "oefen"
    assert main(["demo", str(target)]) == 0
    assert project_files(target) == project_files(demo_dir())
    assert (target / ".vscode" / "settings.json").is_file()
    out = capsys.readouterr().out
    assert f"klaar in {target}" in out and f"workbook check {target}" in out
    assert main(["check", str(target)]) == 0

    Project.open(target).update_location("de-kolk", "central_contact", "Iemand anders")
    capsys.readouterr()
    assert main(["demo", str(target)]) == 0
    assert "blijft zoals het is" in capsys.readouterr().out
    assert Project.open(target).load_location("de-kolk").central_contact == "Iemand anders"


def test_demo_refuses_a_folder_that_is_not_a_demo_copy(tmp_path, capsys, empty_project):
    own = tmp_path / "eigen"
    own.mkdir()
    (own / "plan.txt").write_text("mijn plan", encoding="utf-8")
    for folder in (own, empty_project.root):
        before = project_files(folder)
        assert main(["demo", str(folder)]) == 1
        assert "er wordt niets overschreven" in capsys.readouterr().err
        assert project_files(folder) == before


def test_prepare_demo_fills_an_empty_folder_whole_and_leaves_nothing_behind(tmp_path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert prepare_demo(empty) == empty.resolve()
    assert is_demo_copy(empty)
    assert project_files(empty) == project_files(demo_dir())
    assert (empty / ".vscode" / "werkboek.schema.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["leeg"], "no staging folder left behind"


def test_demo_goes_to_demo_werkboek_by_default():
    assert build_parser().parse_args(["demo"]).dir == "demo-werkboek"


# --- help and version ----------------------------------------------------------------------------


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every sub-command, nested ones included: ("new",), ("location", "add"), ..."""
    paths = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths.append((*prefix, name))
                paths += command_paths(sub, (*prefix, name))
    return paths


COMMANDS = command_paths(build_parser())


def test_every_command_module_is_listed():
    names = {path[0] for path in COMMANDS}
    assert {"new", "location", "check", "demo"} <= names
    assert ("location", "add") in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_on_every_command_in_both_languages(command, capsys):
    texts = {}
    for lang in ("nl", "en"):
        with pytest.raises(SystemExit) as exit_:
            main(["--lang", lang, *command, "--help"])
        assert exit_.value.code == 0
        texts[lang] = capsys.readouterr().out
        assert f"usage: workbook {' '.join(command)}" in texts[lang]
    assert texts["nl"] != texts["en"], "the help is translated"


def test_help_lists_the_commands_in_dutch(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "implementatieplan" in out
    assert "controleer een werkboekmap" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"workbook {version('workbook')}"


def test_the_installed_command_runs():
    command = Path(sys.executable).parent / "workbook"
    result = subprocess.run([command, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"workbook {version('workbook')}"
