"""``workbook export`` on the command line: where files go, and clear messages for bad input."""

from __future__ import annotations

import errno
from pathlib import Path

import docx.document

from workbook.cli import main


def test_docx_and_xlsx_go_to_build_export_by_default(demo_project, capsys):
    folder = str(demo_project.root)
    assert main(["export", folder, "--format", "docx"]) == 0
    assert main(["export", folder, "--format", "xlsx"]) == 0
    export = demo_project.root / "build" / "export"
    assert (export / "implementatieplan.docx").stat().st_size > 0
    assert (export / "werkboek.xlsx").stat().st_size > 0
    assert str(export / "werkboek.xlsx") in capsys.readouterr().out


def test_out_names_the_file(demo_project, tmp_path):
    out = tmp_path / "plan voor de raad.docx"
    slug = demo_project.location_slugs()[0]
    assert main(["export", str(demo_project.root), "--format", "docx", "--location", slug, "--out", str(out)]) == 0
    assert out.is_file()


def test_unknown_location_is_named_with_the_known_ones(demo_project, capsys, tmp_path):
    out = tmp_path / "x.docx"
    code = main(["export", str(demo_project.root), "--format", "docx", "--location", "nergens", "--out", str(out)])
    error = capsys.readouterr().err
    assert code == 1
    assert "onbekende locatie 'nergens'" in error
    assert demo_project.location_slugs()[0] in error
    assert not out.exists()


def test_unwritable_out_is_a_clear_message_and_writes_nothing(demo_project, capsys, tmp_path):
    blocker = tmp_path / "gewoon-een-bestand.txt"
    blocker.write_text("geen map")
    out = blocker / "plan.xlsx"
    assert main(["export", str(demo_project.root), "--format", "xlsx", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert str(out) in error and "kan hier niet schrijven" in error
    assert blocker.read_text() == "geen map"


def test_wrong_suffix_and_folder_as_out(demo_project, capsys, tmp_path):
    folder = str(demo_project.root)
    assert main(["export", folder, "--format", "docx", "--out", str(tmp_path / "plan.xlsx")]) == 1
    assert "moet eindigen op .docx" in capsys.readouterr().err
    assert main(["export", folder, "--format", "xlsx", "--out", str(tmp_path)]) == 1
    assert "dit is een map" in capsys.readouterr().err


def test_failed_write_leaves_the_previous_file_alone(demo_project, tmp_path, capsys, monkeypatch):
    out = tmp_path / "uit" / "plan.docx"
    assert main(["export", str(demo_project.root), "--format", "docx", "--out", str(out)]) == 0
    before = out.read_bytes()

    def disk_full(self, path):
        Path(path).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", disk_full)
    assert main(["export", str(demo_project.root), "--format", "docx", "--out", str(out)]) == 1
    assert "kan hier niet schrijven (No space left on device)" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["plan.docx"]


def test_messages_in_english_on_request(demo_project, capsys):
    code = main(["export", str(demo_project.root), "--format", "docx", "--location", "nergens", "--lang", "en"])
    assert code == 1
    assert "unknown location 'nergens'" in capsys.readouterr().err
