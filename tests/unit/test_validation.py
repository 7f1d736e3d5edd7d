"""Bad project files give messages that name the file, the line, the field and what is expected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbook.errors import Problem, WorkbookError
from workbook.files.validation import validate
from workbook.language.i18n import set_language
from workbook.model import Measurement
from workbook.project.store import Project


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language(None)


def plan_problems(project: Project, text: str | bytes) -> list[Problem]:
    """The problems loading werkboek.yaml reports when it holds `text`."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    project.plan_path.write_bytes(text)
    with pytest.raises(WorkbookError) as caught:
        project.load_plan()
    return caught.value.problems


GOALS = """\
basics:
  project_name: Beeldbellen
goals:
  - id: D1
    text: Meer cliënten bellen met beeld
    deadline: 2025-06-30
  - id: D2
    text: Het team is geschoold
    deadline: volgend jaar
"""


def test_malformed_yaml_names_the_file_and_the_line(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: [Beeldbellen\ngoals: []\n")
    assert problem.file == "werkboek.yaml"
    assert problem.line == 2  # where the bracket opens
    assert problem.message.startswith("geen geldige YAML")


def test_bad_indentation_names_the_line(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: a\n institution: b\n")
    assert (problem.file, problem.line) == ("werkboek.yaml", 3)


def test_a_wrong_type_names_the_field_path_and_its_line(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, GOALS)
    assert (problem.file, problem.line, problem.field) == ("werkboek.yaml", 9, "goals[1].deadline")
    assert problem.message == "verwacht een datum (jjjj-mm-dd), kreeg 'volgend jaar'"
    assert str(problem) == (
        "werkboek.yaml, regel 9, veld goals[1].deadline: verwacht een datum (jjjj-mm-dd), kreeg 'volgend jaar'"
    )


def test_every_problem_is_reported_at_once(empty_project: Project) -> None:
    text = GOALS + "stakeholders:\n  - name: Raad van bestuur\n    power: 7\n    position: boos\n"
    problems = plan_problems(empty_project, text)
    found = {(p.field, p.line) for p in problems}
    assert found == {("goals[1].deadline", 9), ("stakeholders[0].power", 12), ("stakeholders[0].position", 13)}
    messages = {p.field: p.message for p in problems}
    assert messages["stakeholders[0].power"] == "verwacht hoogstens 5, kreeg 7"
    assert "supporter" in messages["stakeholders[0].position"] and "'boos'" in messages["stakeholders[0].position"]


def test_an_unknown_field_is_named_with_its_line(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: a\n  projectnaam: b\n")
    assert (problem.line, problem.field) == (3, "basics.projectnaam")
    assert "onbekend veld" in problem.message


def test_a_missing_required_field_points_at_its_record(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "goals:\n  - id: D1\n    owner: Ans\n")
    assert (problem.line, problem.field) == (2, "goals[0].text")
    assert problem.message == "dit veld is verplicht maar ontbreekt"


def test_text_where_a_group_of_fields_belongs(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics: Beeldbellen\n")
    assert (problem.line, problem.field) == (1, "basics")
    assert "groep velden" in problem.message


@pytest.mark.parametrize("text", ["", "- een lijst\n", "alleen tekst\n"])
def test_a_file_that_is_not_a_group_of_fields(empty_project: Project, text: str) -> None:
    [problem] = plan_problems(empty_project, text)
    assert (problem.file, problem.line) == ("werkboek.yaml", 1)
    assert problem.message == "het bestand moet een groep velden zijn"


def test_a_key_given_twice_is_an_error_not_a_silent_choice(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: a\n  institution: b\n  project_name: c\n")
    assert problem.line == 4
    assert "'project_name' staat twee keer" in problem.message


def test_a_control_character_is_located(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: a\n  institution: b\x07c\n")
    assert problem.line == 3
    assert "U+0007" in problem.message


def test_a_file_not_saved_as_utf8_is_located(empty_project: Project) -> None:
    [problem] = plan_problems(empty_project, "basics:\n  project_name: Cliënt\n".encode("cp1252"))
    assert problem.line == 2
    assert "UTF-8" in problem.message


def test_a_location_file_is_named_in_its_problems(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    empty_project.location_path(slug).write_text("name: De Linde\nphase: bijna\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        empty_project.load_location(slug)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("locaties/de-linde.yaml", 2, "phase")


def test_messages_in_english(empty_project: Project, english: None) -> None:
    [problem] = plan_problems(empty_project, GOALS)
    assert str(problem) == (
        "werkboek.yaml, line 9, field goals[1].deadline: expected a date (yyyy-mm-dd), got 'volgend jaar'"
    )


def test_a_measurement_that_is_not_a_finite_number_is_refused_in_dutch() -> None:
    for value in ("nan", "inf", float("-inf")):
        with pytest.raises(WorkbookError) as caught:
            validate(Measurement, {"date": "2026-01-01", "goal_id": "D1", "value": value}, "metingen/x.csv")
        problem = caught.value.problems[0]
        assert problem.field == "value" and problem.message.startswith("verwacht een getal")
