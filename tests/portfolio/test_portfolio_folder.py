"""The portfolio folder: made and filled from the command line, read back with Dutch messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import main
from workbook.cli.portfolio import parse_capacity
from workbook.errors import WorkbookError
from workbook.model.portfolio import ProjectStatus
from workbook.portfolio.store import PortfolioFolder
from workbook.project.store import Project


def new_portfolio(tmp_path: Path) -> Path:
    folder = tmp_path / "pf"
    assert main(["portfolio", "new", str(folder), "--name", "Commissie", "--organisation", "Zorggroep Test",
                 "--year", "2027", "--capacity", "400,400,300,400"]) == 0  # fmt: skip
    return folder


def test_new_makes_the_file_and_the_projects_folder(tmp_path: Path):
    folder = new_portfolio(tmp_path)
    assert (folder / "projecten").is_dir()
    text = (folder / "portefeuille.yaml").read_text(encoding="utf-8")
    assert "q3: 300\n" in text
    portfolio = PortfolioFolder.open(folder).load()
    assert (portfolio.name, portfolio.organisation, portfolio.year) == ("Commissie", "Zorggroep Test", 2027)
    assert [c.key for c in portfolio.criteria] == ["strategie", "bewijs", "urgentie", "haalbaarheid", "draagvlak"]


def test_add_makes_a_project_and_lists_it(tmp_path: Path, capsys):
    folder = new_portfolio(tmp_path)
    assert main(["portfolio", "add", str(folder), "Slimme Medicatie"]) == 0
    project = Project.open(folder / "projecten" / "slimme-medicatie")
    assert project.load_plan().basics.project_name == "Slimme Medicatie"
    assert project.load_plan().basics.institution == "Zorggroep Test"
    (entry,) = PortfolioFolder.open(folder).load().projects
    assert (entry.code, entry.name, entry.status) == ("slimme-medicatie", "Slimme Medicatie", ProjectStatus.proposed)
    assert "projecten/slimme-medicatie/" in capsys.readouterr().out


def test_add_from_copies_the_whole_project_with_its_versions(tmp_path: Path, demo_project: Project):
    basics = demo_project.load_plan().basics.model_copy(update={"project_name": "Slimme nachtzorg (kopie)"})
    demo_project.update_plan("basics", basics)  # a save: the version store exists
    assert (demo_project.root / ".versies").is_dir()
    (demo_project.root / "build").mkdir()
    folder = new_portfolio(tmp_path)
    assert main(["portfolio", "add", str(folder), "Nachtzorg", "--from", str(demo_project.root)]) == 0
    copy = folder / "projecten" / "nachtzorg"
    assert (copy / ".versies").is_dir()
    assert not (copy / "build").exists()
    assert Project.open(copy).location_slugs() == demo_project.location_slugs()


def test_add_from_a_folder_that_is_no_project_is_refused(tmp_path: Path, capsys):
    folder = new_portfolio(tmp_path)
    (tmp_path / "leeg").mkdir()
    assert main(["portfolio", "add", str(folder), "Iets", "--from", str(tmp_path / "leeg")]) == 1
    assert "geen werkboekmap" in capsys.readouterr().err
    assert PortfolioFolder.open(folder).load().projects == []


def test_a_mistake_in_the_file_is_named_in_dutch_with_line_and_field(tmp_path: Path):
    folder = new_portfolio(tmp_path)
    main(["portfolio", "add", str(folder), "Alfa"])
    path = folder / "portefeuille.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: proposed", "status: misschien").replace("scores: {}", "scores:\n    strategie: 7")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        PortfolioFolder.open(folder).load()
    problems = {p.field: p for p in caught.value.problems}
    assert set(problems) == {"projects[0].status", "projects[0].scores.strategie"}
    assert "verwacht één van" in problems["projects[0].status"].message
    assert "Voorstel" in problems["projects[0].status"].message
    assert problems["projects[0].scores.strategie"].message == "verwacht hoogstens 5, kreeg 7"
    assert problems["projects[0].status"].file == "portefeuille.yaml"
    assert problems["projects[0].status"].line == text.splitlines().index("  status: misschien") + 1


def test_broken_yaml_and_contradictions_are_explained(tmp_path: Path):
    folder = new_portfolio(tmp_path)
    main(["portfolio", "add", str(folder), "Alfa"])
    path = folder / "portefeuille.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("name: Commissie", "name: Commissie: zorg"), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        PortfolioFolder.open(folder).load()
    assert "tussen aanhalingstekens" in str(caught.value) and "portefeuille.yaml, regel 1" in str(caught.value)

    both = good.replace("hours_per_quarter: []", "hours_per_quarter: [10]").replace(
        "hours_total: null", "hours_total: 40"
    )
    path.write_text(both.replace("scores: {}", "scores:\n    strategy: 3"), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        PortfolioFolder.open(folder).load()
    messages = {p.field: p.message for p in caught.value.problems}
    assert messages["projects[0].hours_total"] == "geef uren per kwartaal óf uren in totaal, niet allebei"
    assert messages["projects[0].scores.strategy"].startswith(
        "onbekend criterium 'strategy'; de criteria zijn: strategie"
    )


@pytest.mark.parametrize("text", ["nan", "inf", "400,nan,300,400", "-5", "400,400"])
def test_a_capacity_that_is_no_number_of_hours_is_refused_in_dutch(text):
    with pytest.raises(WorkbookError) as refused:
        parse_capacity(text)
    assert text in str(refused.value)


@pytest.mark.parametrize("command", ["workshop", "lab"])
def test_a_portfolio_without_projects_says_how_to_make_one(tmp_path: Path, capsys, command):
    folder = new_portfolio(tmp_path)
    assert main([command, str(folder), "--no-browser"]) == 1
    assert "portfolio add" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", ["lab"]
)  # the workshop serves a portfolio: tests/workshop/test_workshop_portfolio.py
def test_opening_a_portfolio_as_one_project_names_its_projects(tmp_path: Path, capsys, command):
    folder = new_portfolio(tmp_path)
    main(["portfolio", "add", str(folder), "Slimme Medicatie"])
    main(["portfolio", "add", str(folder), "Valpreventie"])
    capsys.readouterr()
    assert main([command, str(folder), "--no-browser"]) == 1
    said = capsys.readouterr().err
    assert "portefeuille" in said and "slimme-medicatie, valpreventie" in said
    assert str(folder / "projecten" / "slimme-medicatie") in said  # a folder to open instead
    assert "werkboek.yaml ontbreekt" not in said
