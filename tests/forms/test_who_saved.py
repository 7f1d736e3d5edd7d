"""Who did what: a page saves as the participant at it, in its versions and its conflict notes."""

from __future__ import annotations

import json

import pytest

from workbook.cli import main
from workbook.forms import Form, Section
from workbook.project.store import CONFLICTS_FILE, Project
from workbook.steps.page_open import requested_author


def goals_form(project: Project, author: str) -> Form:
    return Form(project, [Section("goals")], lang="nl", delay=3600, author=author)


def test_two_participants_saving_in_quick_succession_get_a_version_each_under_their_names(
    demo_project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    anna, bram = goals_form(demo_project, "Anna"), goals_form(demo_project, "Bram")
    anna.find("goals", 0, "owner").control.value = "Anna de Vries"
    anna.flush()
    bram.find("goals", 1, "owner").control.value = "Bram Jansen"
    bram.flush()
    anna.find("goals", 2, "unit").control.value = "medewerkers"
    anna.flush()
    versions = demo_project.versions.versions()
    saves = [(v.author, v.kind) for v in versions]
    assert saves[-3:] == [("Anna", "save"), ("Bram", "save"), ("Anna", "save")], (
        "autosaves fold per person only: Anna's second save follows Bram's, so it is a version of its own"
    )
    assert "Anna" not in {author for author, kind in saves if kind != "save"}, "the files found were not hers"
    anna.find("goals", 2, "unit").control.value = "teams"
    anna.flush()
    assert len(demo_project.versions.versions()) == len(versions), "Anna's next autosave folds into her own"

    assert main(["history", str(demo_project.root)]) == 0
    out = capsys.readouterr().out
    assert "· Anna" in out and "· Bram" in out


def test_a_conflict_note_and_notice_name_who_saved(demo_project: Project) -> None:
    anna, bram = goals_form(demo_project, "Anna"), goals_form(demo_project, "Bram")
    anna.find("goals", 0, "owner").control.value = "Anna de Vries"
    anna.flush()
    bram.find("goals", 0, "owner").control.value = "Bram Jansen"
    bram.flush()
    [line] = (demo_project.root / CONFLICTS_FILE).read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["author"] == "Bram"
    anna.refresh()
    [notice] = anna.notices.texts
    assert "Bram sloeg daarna 'Bram Jansen' op; jouw 'Anna de Vries' is vervangen" in notice


def test_the_name_comes_from_the_hub_else_from_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("QUERY_STRING", "location=de-linde&naam=Anna%20de%20Vries")
    assert requested_author() == "Anna de Vries"
    monkeypatch.setenv("QUERY_STRING", "location=de-linde")
    assert requested_author() == ""
    monkeypatch.setenv("QUERY_STRING", "naam=Iemand")
    monkeypatch.setenv("JUPYTERHUB_USER", "bram")
    assert requested_author() == "bram", "under the hub, the name one logged in with"
