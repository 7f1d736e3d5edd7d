"""`workbook history`, `restore` and `mark` on the demo after a scripted session of saves."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator

import pytest

from tests.versions.test_version_store import Clock
from workbook.cli import main
from workbook.language.i18n import set_language
from workbook.model import Goal, Measurement
from workbook.project.store import Project
from workbook.versions import store as versions_module

MARKED = "Terugkomdag 9 april"


@pytest.fixture(autouse=True)
def dutch_in_amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dutch output and Dutch clock time (CEST in April: UTC+2)."""
    monkeypatch.delenv("WORKBOOK_LANG", raising=False)
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    set_language(None)
    yield
    set_language(None)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(versions_module, "now", clock)
    return clock


def at(clock: Clock, minute: int) -> None:
    clock.moment = dt.datetime(2026, 4, 9, 12, minute, tzinfo=dt.UTC).timestamp()


@pytest.fixture
def session(demo_project: Project, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The demo, marked at the start of the return day, then edited by two people."""
    project = demo_project
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Adviseur")
    assert main(["mark", str(project.root), MARKED]) == 0
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Anna de Vries")
    at(clock, 2)
    goals = project.load_plan().goals
    goals[2].owner = "Piet Bakker"
    goals.append(Goal(id="D9", text="Minder valincidenten 's nachts", deadline=dt.date(2027, 7, 1)))
    project.update_plan("goals", goals)
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Piet Bakker")
    at(clock, 5)
    stakeholders = project.load_plan().stakeholders
    stakeholders[0].power = 4
    project.update_plan("stakeholders", stakeholders)
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Anna de Vries")
    at(clock, 10)
    location = project.load_location("de-linde")
    measurements = [*location.measurements, Measurement(date=dt.date(2026, 3, 1), goal_id="D2", value=1500)]
    project.update_location("de-linde", "measurements", measurements)
    at(clock, 12)
    team = location.team
    team[1].role = "Coach nachtzorg"
    project.update_location("de-linde", "team", team)
    project.update_location("de-linde", "phase", "running")
    return project


def printed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The printed lines, with version numbers (which differ per run) made alike."""
    return re.sub(r"\b(Versie|Version|versie|version) [0-9a-f]{7}\b", r"\1 #", capsys.readouterr().out).splitlines()


SESSION = [
    "Versie # · donderdag 9 april 2026 · Anna de Vries",
    "  Doel D3, eigenaar: 'Samira El Khatib (opleidingsfunctionaris)' → 'Piet Bakker' · 14:02 · stap 3",
    "  Doel D9 toegevoegd · 14:02 · stap 3",
    "Versie # · donderdag 9 april 2026 · Piet Bakker",
    "  Stakeholder 'Raad van bestuur', invloed (1-5): 5 → 4 · 14:05 · stap 6",
    "Versie # · donderdag 9 april 2026 · Anna de Vries",
    "  De Linde, meting 1 maart 2026 D2 toegevoegd · 14:10 · stap 9",
    "Versie # · donderdag 9 april 2026 · Anna de Vries",
    "  De Linde, teamlid 'Bas Kuipers', rol: 'Aandachtsvelder nachtzorg' → 'Coach nachtzorg' · 14:12 · stap 9",
    "Versie # · donderdag 9 april 2026 · Anna de Vries",
    "  De Linde, fase: Afgerond → Loopt · 14:12 · stap 9",
]


def test_history_lists_every_change_of_the_session_in_dutch(session: Project, capsys) -> None:
    capsys.readouterr()
    assert main(["history", str(session.root)]) == 0
    assert printed(capsys) == [
        f"Versie # · donderdag 9 april 2026 · Adviseur · label '{MARKED}' · eerste bewaarde versie",
        *SESSION,
    ]


def test_history_since_a_label_a_date_or_for_one_location(session: Project, capsys) -> None:
    capsys.readouterr()
    assert main(["history", str(session.root), "--since", "terugkomdag 9 APRIL"]) == 0
    assert printed(capsys) == SESSION
    assert main(["history", str(session.root), "--since", "10 april 2026"]) == 0
    assert printed(capsys) == ["Geen wijzigingen sinds 10 april 2026."]
    assert main(["history", str(session.root), "--since", "2026-04-09", "--location", "de-linde"]) == 0
    assert printed(capsys) == SESSION[5:]


def test_history_in_english(session: Project, capsys) -> None:
    capsys.readouterr()
    assert main(["history", str(session.root), "--since", MARKED, "--lang", "en"]) == 0
    lines = printed(capsys)
    assert lines[:3] == [
        "Version # · Thursday 9 April 2026 · Anna de Vries",
        "  Goal D3, owner: 'Samira El Khatib (opleidingsfunctionaris)' → 'Piet Bakker' · 14:02 · step 3",
        "  Goal D9 added · 14:02 · step 3",
    ]
    assert lines[-1] == "  De Linde, phase: Finished → Running · 14:12 · step 9"


def test_restore_a_label_brings_every_file_back_as_a_new_version(session: Project, clock: Clock, capsys) -> None:
    marked = session.versions.resolve(MARKED)
    before_restore = session.versions.versions()[-1].short
    at(clock, 30)
    capsys.readouterr()
    assert main(["restore", str(session.root), MARKED]) == 0
    assert printed(capsys) == [
        "Versie # van 9 april 2026 14:00 is teruggezet: werkboek.yaml, locaties/de-linde.yaml, "
        "metingen/de-linde.csv. Dat is nu versie #.",
        f"Ongedaan maken: workbook restore {session.root} {before_restore}",
    ]
    for rel in ("werkboek.yaml", "locaties/de-linde.yaml", "metingen/de-linde.csv"):
        assert (session.root / rel).read_bytes() == session.versions.read(marked, rel), rel
    assert session.load_location("de-linde").phase == "finished"
    assert main(["history", str(session.root), "--since", MARKED]) == 0
    lines = printed(capsys)
    assert lines[len(SESSION)] == "Versie # · donderdag 9 april 2026 · Anna de Vries · teruggezet"
    assert "  Doel D9 verwijderd · 14:30 · stap 3" in lines
    assert main(["restore", str(session.root), before_restore, "--file", "werkboek.yaml"]) == 0
    assert session.load_plan().goals[-1].id == "D9"
    assert session.load_location("de-linde").phase == "finished", "only the named file came back"


def test_restore_and_mark_refuse_in_dutch(session: Project, capsys) -> None:
    capsys.readouterr()
    assert main(["restore", str(session.root), "Terugkomdag 10 april"]) == 1
    assert capsys.readouterr().err == (
        "Fout:\nonbekende versie 'Terugkomdag 10 april'; gebruik een versienummer uit 'workbook history' "
        f"of een label: '{MARKED}'\n"
    )
    assert main(["restore", str(session.root), MARKED, "--file", "build/reports/plan.html"]) == 1
    assert "'build/reports/plan.html' is geen bestand van het werkboek" in capsys.readouterr().err
    assert main(["mark", str(session.root), " terugkomdag  9 april "]) == 1
    assert "het label 'Terugkomdag 9 april' bestaat al" in capsys.readouterr().err
    assert main(["history", str(session.root), "--since", "gisteren"]) == 1
    assert "'gisteren' is geen datum en geen label" in capsys.readouterr().err


def test_a_version_number_from_history_restores_that_version(session: Project, capsys) -> None:
    first_save = session.versions.versions()[1]
    assert main(["restore", str(session.root), first_save.short]) == 0
    assert session.load_plan().goals[2].owner == "Piet Bakker"
    assert session.load_plan().stakeholders[0].power == 5
    assert session.load_location("de-linde").phase == "finished"
