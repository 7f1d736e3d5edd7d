"""Hand-written plan files: labels and ja/nee are read, mistakes are explained in Dutch with the fix."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

import pytest
import yaml

from workbook.errors import Problem, WorkbookError
from workbook.files.yamlio import parse
from workbook.model import ContextGroup, Effect, Phase, Position, Term
from workbook.project.store import Project


def problems(project: Project, text: str) -> list[Problem]:
    project.plan_path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        project.load_plan()
    return caught.value.problems


HAND_WRITTEN = """\
context:
  factors:
    - id: F1
      description: Nachtdienst kent de sensoren nog niet
      group: individuele professional
      effect: belemmerend
    - id: F2
      description: Bestuur staat erachter
      group: De Organisatie
      effect: Bevorderend
    - id: F3
      description: Wet- en regelgeving
      group: omgeving
      effect: PROMOTING
goals:
  - id: D1
    text: Minder onrust in de nacht
    term: lange termijn
    acceptable: ja
    realistic: Nee
    actions:
      - text: Scholing nachtdienst
        done: waar
      - text: Evaluatie
        done: onwaar
stakeholders:
  - name: Cliëntenraad
    position: tegenstander
  - name: Teamleiders
    position: Voor
    strategy: groen
"""


def test_labels_and_ja_nee_are_read_as_the_codes_and_booleans(empty_project: Project) -> None:
    empty_project.plan_path.write_text(HAND_WRITTEN, encoding="utf-8")
    plan = empty_project.load_plan()
    factors = plan.context.factors
    assert [f.group for f in factors] == [
        ContextGroup.professional,
        ContextGroup.organisation,
        ContextGroup.environment,
    ]
    assert [f.effect for f in factors] == [Effect.hindering, Effect.promoting, Effect.promoting]
    goal = plan.goals[0]
    assert (goal.term, goal.acceptable, goal.realistic) == (Term.long, True, False)
    assert [a.done for a in goal.actions] == [True, False]
    assert [s.position for s in plan.stakeholders] == [Position.opponent, Position.supporter]
    assert plan.stakeholders[1].strategy == "green"


def test_a_load_and_save_writes_the_codes(empty_project: Project) -> None:
    empty_project.plan_path.write_text(HAND_WRITTEN, encoding="utf-8")
    empty_project.save_plan(empty_project.load_plan())
    data = yaml.safe_load(empty_project.plan_path.read_text(encoding="utf-8"))
    assert [f["group"] for f in data["context"]["factors"]] == ["professional", "organisation", "environment"]
    assert [f["effect"] for f in data["context"]["factors"]] == ["hindering", "promoting", "promoting"]
    assert data["goals"][0]["term"] == "long"
    assert (data["goals"][0]["acceptable"], data["goals"][0]["realistic"]) == (True, False)
    assert [a["done"] for a in data["goals"][0]["actions"]] == [True, False]
    assert [s["position"] for s in data["stakeholders"]] == ["opponent", "supporter"]


def test_a_location_phase_by_its_dutch_label(empty_project: Project) -> None:
    slug = empty_project.add_location("De Linde").slug
    empty_project.location_path(slug).write_text("name: De Linde\nphase: loopt\n", encoding="utf-8")
    assert empty_project.load_location(slug).phase == Phase.running


def test_a_choice_nobody_can_place_lists_codes_and_labels_and_suggests_the_nearest(empty_project: Project) -> None:
    [problem] = problems(empty_project, "goals:\n  - id: D1\n    text: x\n    term: lang\n")
    assert (problem.line, problem.field) == (4, "goals[0].term")
    assert problem.message == (
        "verwacht één van: short (Korte termijn), long (Lange termijn); kreeg 'lang'; bedoel je 'Lange termijn'?"
    )


def test_a_yes_no_that_is_neither_is_refused(empty_project: Project) -> None:
    [problem] = problems(empty_project, "goals:\n  - id: D1\n    text: x\n    acceptable: misschien\n")
    assert problem.field == "goals[0].acceptable"
    assert "verwacht ja of nee" in problem.message and "'misschien'" in problem.message


def test_a_wrong_key_gets_the_field_it_most_looks_like(empty_project: Project) -> None:
    found = problems(empty_project, "goals:\n  - id: D1\n    text: x\n    onwer: Piet\n    eigenaar: Ans\n")
    assert [(p.line, p.message) for p in found] == [
        (4, "onbekend veld 'onwer'; bedoel je 'owner'?"),
        (5, "onbekend veld 'eigenaar'; bedoel je 'owner'?"),
    ]


def test_a_key_like_nothing_lists_the_fields_there(empty_project: Project) -> None:
    [problem] = problems(empty_project, "basics:\n  xyzzy: 1\n")
    assert problem.message.startswith("onbekend veld 'xyzzy'; bekende velden hier: project_name, institution,")


def test_a_decimal_comma_says_to_write_a_point(empty_project: Project) -> None:
    [problem] = problems(empty_project, "goals:\n  - id: D1\n    text: x\n    target: 12,5\n")
    assert (problem.line, problem.field) == (4, "goals[0].target")
    assert "schrijf 12.5" in problem.message and "aanhalingstekens" in problem.message


def test_a_number_in_a_text_field_asks_for_quotes(empty_project: Project) -> None:
    [problem] = problems(empty_project, "goals:\n  - id: D1\n    text: 12.50\n")
    assert problem.message.startswith("verwacht tekst, kreeg 12.5; zet de tekst tussen aanhalingstekens")


@pytest.mark.parametrize(
    ("text", "line", "fix"),
    [
        ("basics:\n  project_name: Doel: meer rust\n", 2, "zet de tekst tussen aanhalingstekens"),
        ("basics:\n\tproject_name: Rust\n", 2, "gebruik spaties"),
        ('basics:\n  project_name: "Rust in de nacht\n', 2, "hetzelfde aanhalingsteken"),
        ("basics:\n  project_name: @nacht\n", 2, "mag niet beginnen met @"),
        ("basics:\n  project_name: [nacht] rust\n", 2, "met [ of { begint"),
        ("basics:\n  project_name: a\n institution: b\n", 3, "de inspringing klopt niet"),
        ("basics:\n  project_name: *nacht\n", 2, "verwijzing *nacht"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_dutch_with_the_fix(
    empty_project: Project, text: str, line: int, fix: str
) -> None:
    first = problems(empty_project, text)[0]
    assert (first.file, first.line) == ("werkboek.yaml", line)
    assert first.message.startswith("geen geldige YAML: ")
    assert fix in first.message
    assert "mapping values" not in first.message and "token" not in first.message


def test_the_rest_of_a_file_with_a_syntax_error_is_still_checked(empty_project: Project) -> None:
    text = (
        "basics:\n"
        "  project_name: Doel: rust\n"  # line 2: syntax error
        "goals:\n"
        "  - id: D1\n"
        "    text: x\n"
        "    onwer: Piet\n"  # line 6
        "stakeholders:\n"
        "  - name: Raad\n"
        "    power: 9\n"  # line 9
    )
    found = problems(empty_project, text)
    assert [(p.line, p.field) for p in found] == [(2, None), (6, "goals[0].onwer"), (9, "stakeholders[0].power")]
    assert "bedoel je 'owner'?" in found[1].message


def test_two_broken_sections_are_both_named(empty_project: Project) -> None:
    text = 'basics:\n  project_name: Doel: rust\ngoals:\n  - id: D1\n    text: "x\n'
    found = problems(empty_project, text)
    assert [p.line for p in found] == [2, 5]
    assert "aanhalingsteken" in found[1].message


def test_english_messages(empty_project: Project) -> None:
    from workbook.language.i18n import set_language

    set_language("en")
    try:
        found = problems(
            empty_project, "basics:\n  project_name: Goal: rest\ngoals:\n  - id: D1\n    text: x\n    onwer: P\n"
        )
    finally:
        set_language(None)
    assert found[0].message.startswith("not valid YAML: a colon inside a text; put the text between quotes")
    assert found[1].message == "unknown field 'onwer'; did you mean 'owner'?"


def test_an_alias_bomb_is_refused_fast_and_small(empty_project: Project, alias_bomb: str) -> None:
    bomb = alias_bomb
    assert 1400 <= len(bomb.encode()) <= 1700
    tracemalloc.start()
    started = time.perf_counter()
    found = problems(empty_project, bomb)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert seconds < 1 and peak < 200_000_000
    assert len(found) == 1
    assert "ankers en verwijzingen (& en *)" in found[0].message


def test_an_alias_that_contains_itself_is_refused(empty_project: Project) -> None:
    [problem] = problems(empty_project, "basics: &a\n  why: *a\n")
    assert "ankers en verwijzingen" in problem.message


def test_plain_aliases_within_reason_still_read() -> None:
    data, _ = parse("a: &x {name: Ans}\nb: [*x, *x]\n")
    assert data == {"a": {"name": "Ans"}, "b": [{"name": "Ans"}, {"name": "Ans"}]}


def test_a_number_written_with_a_thousands_point_is_asked_about(empty_project: Project) -> None:
    text = (
        "runbook_template:\n"
        "  - activity: Sensoren\n"
        "    one_off_cost: 1.500\n"  # line 3: fifteen hundred in Dutch, 1.5 to YAML
        "    structural_cost: 2.375\n"  # a decimal point, as the file's convention says
        "  - activity: Wifi\n"
        "    week: 2\n"
        "    one_off_cost: '1.500'\n"  # quoted: text, refused as such
    )
    found = problems(empty_project, text)
    assert (found[0].line, found[0].field) == (3, "runbook_template[0].one_off_cost")
    assert found[0].message.startswith("1.500 is niet eenduidig: bedoel je 1.5 of 1500? Schrijf 1.5 of 1500")
    assert [p.line for p in found] == [3, 7]


def test_plain_decimals_and_what_the_workbook_writes_are_not_asked_about(empty_project: Project) -> None:
    empty_project.plan_path.write_text(
        "runbook_template:\n  - activity: Sensoren\n    one_off_cost: 2.375\n    structural_cost: 1500.0\n",
        encoding="utf-8",
    )
    [activity] = empty_project.load_plan().runbook_template
    assert (activity.one_off_cost, activity.structural_cost) == (2.375, 1500.0)
    empty_project.save_plan(empty_project.load_plan())
    assert "one_off_cost: 2.375" in empty_project.plan_path.read_text(encoding="utf-8")


def test_dutch_dates_are_read_and_saved_as_iso(empty_project: Project) -> None:
    text = "goals:\n  - id: D1\n    text: x\n    deadline: 1 juli 2027\n    actions:\n      - text: a\n        when: 15-9-2026\n"
    empty_project.plan_path.write_text(text, encoding="utf-8")
    goal = empty_project.load_plan().goals[0]
    assert (goal.deadline, goal.actions[0].when) == (dt.date(2027, 7, 1), dt.date(2026, 9, 15))
    empty_project.save_plan(empty_project.load_plan())
    saved = yaml.safe_load(empty_project.plan_path.read_text(encoding="utf-8"))["goals"][0]
    assert (saved["deadline"], saved["actions"][0]["when"]) == ("2027-07-01", "2026-09-15")


def test_an_impossible_date_is_refused(empty_project: Project) -> None:
    [problem] = problems(empty_project, "goals:\n  - id: D1\n    text: x\n    deadline: 31-2-2027\n")
    assert problem.field == "goals[0].deadline" and "'31-2-2027'" in problem.message
