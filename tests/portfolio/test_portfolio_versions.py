"""The portfolio's own file keeps versions as a plan does: ``workbook history DIR`` shows the committee's
decisions, statuses, scores and capacity as they changed; ``mark`` labels a meeting, ``restore`` goes back,
and ``check`` heals and verifies the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.model.portfolio import Capacity, Decision, ProjectStatus
from workbook.portfolio.store import PortfolioFolder
from workbook.portfolio.yearplan import Placement, year_plan
from workbook.versions import store as versions_module


@pytest.fixture(autouse=True)
def no_folding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save its own version, so each one can be seen."""
    monkeypatch.setattr(versions_module, "FOLD_MINUTES", 0)


@pytest.fixture
def folder(tmp_path: Path) -> PortfolioFolder:
    """A small portfolio: two projects, the second one does not fit."""
    folder = PortfolioFolder.create(tmp_path / "commissie", "Innovatiecommissie", "Zorggroep Test", 2027)
    for name in ("Valpreventie", "Digitaal medicatie aftekenen"):
        folder.add_project(name)
    portfolio = folder.load()
    portfolio.capacity = Capacity(q1=100, q2=100, q3=100, q4=100)
    first, second = portfolio.projects
    first.scores, first.hours_per_quarter = {"strategie": 5}, [100]
    second.scores, second.hours_per_quarter = {"strategie": 3}, [50]
    folder.save(portfolio)
    return folder


def history(folder: PortfolioFolder, capsys, *options: str) -> str:
    assert main(["history", str(folder.root), *options]) == 0
    return capsys.readouterr().out


def test_every_save_is_a_version_and_the_history_reads_as_the_committee_decided(folder, capsys):
    assert main(["mark", str(folder.root), "Voor de vergadering"]) == 0
    portfolio = folder.load()
    emar = portfolio.project("digitaal-medicatie-aftekenen")
    emar.decisions.append(Decision(date=dt.date(2027, 1, 14), decision="Toch dit jaar", reason="De inspectie"))
    emar.scores["strategie"] = 5
    emar.status = ProjectStatus.running
    portfolio.capacity.q1 = 150
    folder.save(portfolio)
    capsys.readouterr()

    text = history(folder, capsys, "--since", "Voor de vergadering")
    assert "Project 'Digitaal medicatie aftekenen', besluit 'Toch dit jaar' toegevoegd" in text
    assert "Project 'Digitaal medicatie aftekenen', scores, strategie: 3 → 5" in text
    assert "Project 'Digitaal medicatie aftekenen', status: Voorstel → Lopend" in text
    assert "Capaciteit (uren per kwartaal), Q1: 100 → 150" in text
    assert "Valpreventie" not in text  # unchanged since the label
    assert "workbook history" in text.splitlines()[-1]  # where a project's own history is
    whole = history(folder, capsys)
    assert "eerste bewaarde versie" in whole and "Project 'Valpreventie' toegevoegd" in whole


def test_restore_puts_the_committee_file_back_and_the_year_plan_follows(folder, capsys):
    before = folder.versions.versions()[-1]
    portfolio = folder.load()
    portfolio.capacity.q1 = 150  # now both projects fit
    folder.save(portfolio)
    placed = {r.project.code: r.placement for r in year_plan(folder.load()).ranked}
    assert placed["digitaal-medicatie-aftekenen"] is Placement.placed

    assert main(["restore", str(folder.root), before.short]) == 0
    assert "teruggezet: portefeuille.yaml" in capsys.readouterr().out
    placed = {r.project.code: r.placement for r in year_plan(folder.load()).ranked}
    assert placed["digitaal-medicatie-aftekenen"] is Placement.not_this_year
    assert "Q1: 150 → 100" in history(folder, capsys)


def test_a_hand_edit_is_found_and_kept_as_a_version(folder, capsys):
    text = folder.path.read_text(encoding="utf-8").replace("year: 2027", "year: 2028")
    folder.path.write_text(text, encoding="utf-8")
    out = history(folder, capsys)
    assert "buiten het werkboek gewijzigd" in out and "Jaar: 2027 → 2028" in out


def test_location_is_for_a_project_and_check_verifies_the_portfolio_versions(folder, capsys):
    assert main(["history", str(folder.root), "--location", "de-linde"]) == 1
    assert "--location geldt voor een project" in capsys.readouterr().err
    assert main(["check", str(folder.root)]) == 0
    capsys.readouterr()
    objects = folder.root / ".versies" / "objects"
    for path in [*objects.rglob("*")]:
        if path.is_file():
            path.write_bytes(b"kapot")  # every version unreadable
    assert main(["check", str(folder.root)]) == 1
    assert ".versies/" in capsys.readouterr().out
    assert main(["check", str(folder.root), "--repair"]) == 0
    assert "Hersteld" in capsys.readouterr().out
    folder = PortfolioFolder.open(folder.root)  # as the next command would
    portfolio = folder.load()
    portfolio.year = 2028
    folder.save(portfolio)  # saving starts new versions
    assert len(folder.versions.versions()) >= 1
    assert list(folder.root.glob(".versies-kapot-*"))
