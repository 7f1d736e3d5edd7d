"""``workbook fields`` and the JSON Schemas a new project gets for editors such as VS Code."""

from __future__ import annotations

import json

import jsonschema
import yaml

from workbook.cli import main
from workbook.resources import demo_dir


def fields(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["fields", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def block(out: str, path: str) -> list[str]:
    """The lines the reference prints for one field."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{path} — "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("  ")), len(lines))
    return lines[start:end]


def test_fields_of_one_section_with_label_kind_values_and_example(capsys):
    code, out, _ = fields(capsys, "goals")
    assert code == 0
    assert out.startswith("Velden van werkboek.yaml\n")
    assert block(out, "goals[].term") == [
        "goals[].term — Termijn",
        "  soort: keuze",
        "  waarden: short (Korte termijn), long (Lange termijn)",
        "  voorbeeld: short",
    ]
    assert block(out, "goals[].id") == [
        "goals[].id — Nr",
        "  soort: tekst, verplicht",
        "  voorbeeld: D1",
        "  Korte code, bijvoorbeeld D1.",
    ]
    assert "  soort: ja of nee" in block(out, "goals[].actions[].done")
    assert "  soort: nummer van een factor (F1)" in block(out, "goals[].actions[].factor_id")
    assert "stakeholders" not in out


def test_fields_by_label_and_dotted_path_and_limits(capsys):
    _, out, _ = fields(capsys, "contextdiagnose")
    assert block(out, "context.factors[].weight")[1] == "  soort: geheel getal, 1 t/m 3"
    _, out, _ = fields(capsys, "stakeholders.position")
    assert out.count(" — ") == 1
    assert "  waarden: supporter (Voor), neutral (Neutraal), opponent (Tegen)" in out


def test_fields_of_the_location_file_in_english(capsys):
    code, out, _ = fields(capsys, "locatie", "--lang", "en")
    assert code == 0
    assert out.startswith("Fields of locaties/<code>.yaml\n")
    assert block(out, "phase")[:3] == [
        "phase — Phase",
        "  kind: choice",
        "  values: planned (Planned), starting (Starting), running (Running), finished (Finished)",
    ]
    assert "  kind: number (with a point: 12.5), at least 0" in block(out, "runbook[].one_off_cost")


def test_all_fields_cover_both_files(capsys):
    _, out, _ = fields(capsys)
    assert "Velden van werkboek.yaml" in out and "Velden van locaties/<code>.yaml" in out
    assert "sustainment.scans[].answers — Antwoorden per factor" in out
    assert "clients.criteria[].kind — Soort" in out


def test_an_unknown_section_suggests_the_nearest(capsys):
    code, _, err = fields(capsys, "stakholders")
    assert code == 1
    assert "onbekend onderdeel 'stakholders' (bedoel je 'stakeholders'?); kies uit: basics, context," in err


# --- the schemas ---------------------------------------------------------------------------------


def as_an_editor_reads(text: str) -> object:
    """The YAML as an editor's YAML 1.2 reader sees it: dates stay text."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def validators(folder):
    settings = json.loads((folder / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    links = settings["yaml.schemas"]
    by_pattern = {}
    for schema_path, patterns in links.items():
        schema = json.loads((folder / schema_path).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        for pattern in patterns:
            by_pattern[pattern] = jsonschema.Draft202012Validator(schema)
    return by_pattern


def test_new_project_gets_the_schemas_and_the_vscode_link(tmp_path, capsys):
    folder = tmp_path / "plan"
    assert main(["new", str(folder), "--name", "Nachtzorg", "--organisation", "Zorggroep Test"]) == 0
    by_pattern = validators(folder)
    assert set(by_pattern) == {"werkboek.yaml", "locaties/*.yaml"}
    assert (
        list(by_pattern["werkboek.yaml"].iter_errors(as_an_editor_reads((folder / "werkboek.yaml").read_text()))) == []
    )
    schema = json.loads((folder / ".vscode" / "werkboek.schema.json").read_text(encoding="utf-8"))
    goal = schema["$defs"]["Goal"]["properties"]
    assert goal["owner"]["title"] == "Eigenaar"
    assert goal["text"]["description"] == "Wat wil je bereiken, bij wie, en wanneer?"


def test_the_demo_copy_validates_against_its_schemas(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("workbook.cli.demo.build_and_report", lambda project: 0)
    folder = tmp_path / "demo"
    assert main(["demo", str(folder)]) == 0
    by_pattern = validators(folder)
    files = [("werkboek.yaml", folder / "werkboek.yaml")]
    files += [("locaties/*.yaml", path) for path in sorted((folder / "locaties").glob("*.yaml"))]
    assert len(files) == len(list(demo_dir().glob("locaties/*.yaml"))) + 1
    for pattern, path in files:
        errors = list(by_pattern[pattern].iter_errors(as_an_editor_reads(path.read_text(encoding="utf-8"))))
        assert errors == [], (path.name, [e.message for e in errors])


def test_the_schema_takes_what_the_loader_takes_and_flags_a_typo(tmp_path, capsys):
    folder = tmp_path / "plan"
    main(["new", str(folder), "--name", "N", "--organisation", "O"])
    plan = validators(folder)["werkboek.yaml"]
    hand_written = (
        "goals:\n  - id: D1\n    text: x\n    term: lange termijn\n    acceptable: ja\n    realistic: Nee\n"
        "    deadline: 1 juli 2027\n"
        "stakeholders:\n  - name: Raad\n    position: tegenstander\n    strategy: Groen (samen leren)\n"
        "context:\n  factors:\n    - {id: F1, description: d, group: individuele professional, effect: belemmerend}\n"
    )
    assert list(plan.iter_errors(as_an_editor_reads(hand_written))) == []
    typo = "goals:\n  - id: D1\n    text: x\n    onwer: Piet\n    term: lang\n"
    messages = [error.message for error in plan.iter_errors(as_an_editor_reads(typo))]
    assert len(messages) == 2
    assert any("onwer" in message for message in messages)


def test_check_brings_an_outdated_schema_up_to_date(tmp_path, capsys):
    folder = tmp_path / "plan"
    main(["new", str(folder), "--name", "N", "--organisation", "O"])
    schema_path = folder / ".vscode" / "werkboek.schema.json"
    current = schema_path.read_text(encoding="utf-8")
    old = json.loads(current)
    del old["$defs"]["Goal"]["properties"]["owner"]  # as written by a version without that field
    schema_path.write_text(json.dumps(old), encoding="utf-8")
    main(["check", str(folder)])
    assert schema_path.read_text(encoding="utf-8") == current


def test_check_leaves_a_project_without_schemas_alone(empty_project, capsys):
    main(["check", str(empty_project.root)])
    assert not (empty_project.root / ".vscode").exists()


def test_check_in_english_keeps_dutch_schemas_dutch(tmp_path, capsys):
    folder = tmp_path / "plan"
    main(["new", str(folder), "--name", "N", "--organisation", "O"])
    before = (folder / ".vscode" / "werkboek.schema.json").read_text(encoding="utf-8")
    main(["check", str(folder), "--lang", "en"])
    assert (folder / ".vscode" / "werkboek.schema.json").read_text(encoding="utf-8") == before
