"""The structural diff: records matched by uid, number or position; values in Dutch; one line each."""

from __future__ import annotations

from workbook.files.yamlio import dump
from workbook.versions.changes import file_changes


def plan(**sections: object) -> bytes:
    return dump({"schema_version": 1, **sections}).encode()


def lines(
    old: bytes | None, new: bytes | None, file: str = "werkboek.yaml", lang: str = "nl", place: str = ""
) -> list[str]:
    return [change.text(lang) for change in file_changes(file, old, new, lang, place)]


def test_goals_are_matched_by_number_and_fields_read_the_dutch_way() -> None:
    old = plan(goals=[{"id": "D1", "text": "Minder vallen", "target": 1500, "deadline": "2027-06-30", "owner": "Anna"}])
    new = plan(goals=[{"id": "D1", "text": "Minder vallen", "target": 12.5, "deadline": "2027-07-01", "owner": "Piet"}])
    assert lines(old, new) == [
        "Doel D1, streefwaarde: 1.500 → 12,5",
        "Doel D1, deadline: 30 juni 2027 → 1 juli 2027",
        "Doel D1, eigenaar: 'Anna' → 'Piet'",
    ]
    assert lines(old, new, lang="en")[0] == "Goal D1, target value: 1,500 → 12.5"


def test_without_names_a_change_keeps_where_and_numbers_dates_and_choices_but_no_free_text() -> None:
    old = plan(
        goals=[{"id": "D1", "owner": "Anna", "target": 80, "actions": [{"text": "Folder", "who": "Ans"}]}],
        stakeholders=[{"uid": "a1", "name": "Anna de Vries", "position": "neutral"}],
        basics={"working_group": [{"name": "Piet Bakker", "role": "projectleider"}]},
    )
    new = plan(
        goals=[
            {"id": "D1", "owner": "Piet", "target": 90, "actions": [{"text": "Folder", "who": "Ans", "done": True}]}
        ],
        stakeholders=[{"uid": "a1", "name": "Anna de Vries", "position": "supporter"}],
        basics={"working_group": [{"name": "Fatima el Amrani", "role": "projectleider"}]},
    )
    changes = file_changes("werkboek.yaml", old, new, "nl")
    assert [change.text("nl", names=False) for change in changes] == [
        "Start, werkgroeplid, naam gewijzigd",
        "Doel D1, streefwaarde: 80 → 90",
        "Doel D1, eigenaar gewijzigd",
        "Doel D1, actie, klaar: (leeg) → ja",
        "Stakeholder, positie: Neutraal → Voor",
    ]
    assert "Doel D1, eigenaar: 'Anna' → 'Piet'" in [change.text("nl") for change in changes]


def test_records_with_uids_are_matched_by_uid_even_when_moved_and_renumbered() -> None:
    first = {"uid": "a1", "name": "Raad van bestuur", "power": 5}
    second = {"uid": "b2", "name": "Cliëntenraad", "power": 3}
    old = plan(stakeholders=[first, second])
    new = plan(stakeholders=[{**second, "power": 4}, {**first, "uid": "a1"}])
    assert lines(old, new) == ["Stakeholder 'Cliëntenraad', invloed (1-5): 3 → 4"]


def test_without_uids_or_numbers_records_are_matched_by_position() -> None:
    old = plan(stakeholders=[{"name": "Raad van bestuur"}, {"name": "Cliëntenraad"}])
    new = plan(stakeholders=[{"name": "Raad van bestuur"}])
    assert lines(old, new) == ["Stakeholder 'Cliëntenraad' verwijderd"]


def test_added_and_removed_records_are_one_line_each_also_nested() -> None:
    old = plan(goals=[{"id": "D1", "text": "Doel", "actions": [{"text": "Folder maken", "who": "Ans", "done": False}]}])
    new = plan(
        goals=[
            {"id": "D1", "text": "Doel", "actions": [{"text": "Folder maken", "who": "Ans", "done": True}]},
            {"id": "D2", "text": "Nieuw doel", "actions": [{"text": "Scholing"}]},
        ]
    )
    assert lines(old, new) == ["Doel D1, actie 'Folder maken', klaar: nee → ja", "Doel D2 toegevoegd"]


def test_choices_show_their_label_and_sections_their_name() -> None:
    old = plan(communication={"core_message": "", "checks": {"appeals": None}}, basics={"approach": None})
    new = plan(communication={"core_message": "Wij komen als het nodig is", "checks": {"appeals": True}})
    result = lines(old, new)
    assert "Communicatie, kernboodschap: (leeg) → 'Wij komen als het nodig is'" in result
    assert "Communicatie, toets de kernboodschap, spreekt de doelgroep aan: (leeg) → ja" in result


def test_uid_schema_version_and_the_automatic_date_are_left_out() -> None:
    old = plan(basics={"last_updated": "2026-04-01"}, goals=[{"id": "D1", "text": "Doel"}])
    new = dump(
        {
            "schema_version": 2,
            "basics": {"last_updated": "2026-04-09"},
            "goals": [{"id": "D1", "uid": "f00", "text": "Doel"}],
        }
    )
    assert lines(old, new.encode()) == []


def test_long_text_is_shortened_on_one_line() -> None:
    long = "Uiterlijk 30 juni 2027 heeft 80% van de geschikte cliënten\n op de zeven locaties 's nachts een sensor."
    result = lines(plan(context={"team_description": ""}), plan(context={"team_description": long}))
    assert len(result) == 1 and result[0].endswith("…'") and "\n" not in result[0]


def test_measurements_are_named_by_date_and_goal() -> None:
    old = b"datum,doel,waarde,toelichting\n2026-03-01,D2,10,\n2026-04-01,D2,11,\n"
    new = b"datum,doel,waarde,toelichting\n2026-03-01,D2,12.5,herteld\n2026-05-01,D1,3,\n"
    assert lines(old, new, "metingen/de-linde.csv", place="De Linde") == [
        "De Linde, meting 1 maart 2026 D2, waarde: 10 → 12,5",
        "De Linde, meting 1 maart 2026 D2, toelichting: (leeg) → 'herteld'",
        "De Linde, meting 1 mei 2026 D1 toegevoegd",
        "De Linde, meting 1 april 2026 D2 verwijderd",
    ]


def test_a_new_location_is_one_line_and_a_broken_version_says_so() -> None:
    location = dump({"schema_version": 1, "name": "'t Holt", "phase": "planned"}).encode()
    assert lines(None, location, "locaties/t-holt.yaml") == ["Locatie 't Holt toegevoegd"]
    assert lines(location, None, "locaties/t-holt.yaml", lang="en") == ["Location 't Holt removed"]
    assert lines(location, b"name: [kapot", "locaties/t-holt.yaml") == [
        "locaties/t-holt.yaml was in deze versie niet leesbaar"
    ]


def test_measurements_with_ids_are_matched_by_id_when_their_date_changes() -> None:
    old = b"datum,doel,waarde,toelichting,id\n2026-03-01,D2,10,,a1\n"
    new = b"datum,doel,waarde,toelichting,id\n2026-03-02,D2,10,,a1\n"
    assert lines(old, new, "metingen/de-linde.csv", place="De Linde") == [
        "De Linde, meting 2 maart 2026 D2, meetmoment: 1 maart 2026 → 2 maart 2026"
    ]


def test_a_client_count_is_said_to_have_changed_but_no_reader_sees_the_numbers() -> None:
    old = (
        b"name: De Linde\nclients:\n  total: 32\n  suitable: 22\n  criteria:\n  - criterion: Valt vaak\n    count: 3\n"
    )
    new = (
        b"name: De Linde\nclients:\n  total: 33\n  suitable: 21\n  criteria:\n  - criterion: Valt vaak\n    count: 4\n"
    )
    changes = file_changes("locaties/de-linde.yaml", old, new, "nl", "De Linde")
    for names in (True, False):
        lines = [change.text("nl", names=names) for change in changes]
        assert len(lines) == 3 and all(line.endswith("gewijzigd") for line in lines), lines
        assert not any(number in line for line in lines for number in ("32", "33", "22", "21", "3", "4"))
