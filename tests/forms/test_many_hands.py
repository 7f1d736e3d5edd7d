"""Many hands on one section: two (and five) forms open at once, as in a workshop room.

Every form is a participant's page. They type, the form saves after a pause (here: at `flush`),
and `refresh` is what the page's watcher does every second.
"""

from __future__ import annotations

import random
import re
import time
from html import unescape

import pytest

from tests.forms.conftest import location_file, measurement_rows, plan_file
from workbook.forms import Form, Section
from workbook.project.store import CONFLICTS_FILE, Project


def goals_form(project: Project, delay: float = 0.7) -> Form:
    return Form(project, [Section("goals")], lang="nl", delay=delay)


def goal_row(form: Form, number: str) -> int:
    """The row of the goal with this number on a page."""
    return next(i for i, row in enumerate(form.find("goals").rows) if row.get()["id"] == number)


def test_an_owner_set_on_one_page_survives_an_edit_of_another_goal_on_the_other(demo_project: Project) -> None:
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    anna.find("goals", 2, "owner").control.value = "Anna de Vries"
    anna.flush()
    piet.find("goals", 3, "unit").control.value = "medewerkers"
    piet.flush()
    goals = plan_file(demo_project)["goals"]
    assert (goals[2]["owner"], goals[3]["unit"]) == ("Anna de Vries", "medewerkers")
    assert "Opgeslagen om" in piet.status_text
    assert piet.find("goals", 2, "owner").control.value == "Anna de Vries", "the other page shows Anna's change"


def test_goals_added_on_two_pages_at_once_are_both_kept_with_their_own_numbers(demo_project: Project) -> None:
    numbers = [g["id"] for g in plan_file(demo_project)["goals"]]
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    mine = anna.find("goals").add()
    theirs = piet.find("goals").add()
    next_free = f"D{len(numbers) + 1}"
    assert mine.find("id").control.value == theirs.find("id").control.value == next_free
    mine.find("text").control.value = "Alle nachtdiensten werken met de app"
    theirs.find("text").control.value = "Cliëntenraad kent de sensoren"
    anna.flush()
    piet.flush()
    goals = plan_file(demo_project)["goals"]
    assert [g["text"] for g in goals[-2:]] == ["Alle nachtdiensten werken met de app", "Cliëntenraad kent de sensoren"]
    assert [g["id"] for g in goals[-2:]] == [next_free, f"D{len(numbers) + 2}"]
    assert any("jouw nieuwe regel heet nu" in text for text in piet.notices.texts)
    assert theirs.find("id").control.value == f"D{len(numbers) + 2}", "the page shows the new number"
    anna.refresh()
    assert [row.get()["text"] for row in anna.find("goals").rows[-2:]] == [
        "Alle nachtdiensten werken met de app",
        "Cliëntenraad kent de sensoren",
    ]


def test_a_new_goal_whose_number_another_page_saved_first_is_renumbered_before_its_own_save(
    demo_project: Project,
) -> None:
    """Piet's page brings in Anna's new goal before his own new goal (same number) was saved: his
    goal gets the next number at once, and is saved, instead of waiting as a duplicate."""
    numbers = [g["id"] for g in plan_file(demo_project)["goals"]]
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    anna.find("goals").add().find("text").control.value = "Alle nachtdiensten werken met de app"
    theirs = piet.find("goals").add()
    theirs.find("text").control.value = "Cliëntenraad kent de sensoren"
    anna.flush()
    assert piet.refresh()  # the watcher comes before Piet's pause is over
    assert theirs.find("id").control.value == f"D{len(numbers) + 2}"
    assert any("jouw nieuwe regel heet nu" in text for text in piet.notices.texts)
    piet.flush()
    goals = plan_file(demo_project)["goals"]
    assert [(g["id"], g["text"]) for g in goals[-2:]] == [
        (f"D{len(numbers) + 1}", "Alle nachtdiensten werken met de app"),
        (f"D{len(numbers) + 2}", "Cliëntenraad kent de sensoren"),
    ]


def test_two_measurements_added_at_once_are_both_kept(demo_project: Project) -> None:
    slug = "de-linde"
    before = measurement_rows(demo_project, slug)
    anna = Form(demo_project, [Section("measurements")], location=slug, lang="nl")
    piet = Form(demo_project, [Section("measurements")], location=slug, lang="nl")
    for form, goal, value in ((anna, "D1", "31"), (piet, "D2", "4,5")):
        row = form.find("measurements").add()
        row.find("goal_id").control.value = goal
        row.find("value").control.value = value
    anna.flush()
    piet.flush()
    after = measurement_rows(demo_project, slug)
    assert len(after) == len(before) + 2
    today = time.strftime("%Y-%m-%d")
    assert f"{today},D1,31," in after and f"{today},D2,4.5," in after


def team_form(project: Project) -> Form:
    return Form(project, [Section("team")], location="de-linde", lang="nl", delay=3600)


def empty_rows(form: Form) -> list[str]:
    """The ids of the team rows on a page whose name is still empty: where its user would type."""
    return [row.uid for row in form.find("team").rows if not row.find("name").control.value]


def test_team_members_added_on_two_pages_at_once_each_keep_their_own_typed_name(demo_project: Project) -> None:
    """Issue 19 in the browser: Anna's pause ends before she has typed her new member's name, Piet
    clicks "+ Lid" as her save comes in, and types in the empty row that appeared. Her empty row
    must not be saved, so his page shows one empty row only: his own."""
    team = [m["name"] for m in location_file(demo_project, "de-linde")["team"]]
    anna, piet = team_form(demo_project), team_form(demo_project)
    mine = anna.find("team").add()
    anna.flush()  # her pause is over; she has not typed yet
    assert [m["name"] for m in location_file(demo_project, "de-linde")["team"]] == team, "no empty member saved"
    theirs = piet.find("team").add()
    piet.refresh()  # his watcher looks just after his click
    assert empty_rows(piet) == [theirs.uid], "the only empty row on his page is the one he added"
    mine.find("name").control.value = "Lid A"
    anna.flush()
    piet.refresh()
    assert piet.find("team").rows[-1] is theirs and theirs.find("name").control.value == ""
    theirs.find("name").control.value = "Lid B"
    piet.flush()
    anna.refresh()
    anna.flush()
    assert [m["name"] for m in location_file(demo_project, "de-linde")["team"]] == [*team, "Lid A", "Lid B"]
    assert [row.find("name").control.value for row in anna.find("team").rows[-2:]] == ["Lid A", "Lid B"]
    assert [row.find("name").control.value for row in piet.find("team").rows[-2:]] == ["Lid A", "Lid B"]
    assert "Opgeslagen om" in piet.status_text and not (demo_project.root / CONFLICTS_FILE).exists()


def test_a_row_added_and_left_empty_is_not_saved_until_something_is_typed_in_it(demo_project: Project) -> None:
    before = location_file(demo_project, "de-linde", ids=True)["team"]
    form = team_form(demo_project)
    row = form.find("team").add()
    form.flush()
    assert location_file(demo_project, "de-linde", ids=True)["team"] == before
    assert row in form.find("team").rows, "the empty row stays on the page"
    row.find("role").control.value = "Nachtdienst"
    form.flush()
    assert location_file(demo_project, "de-linde")["team"][-1] == {"name": "", "role": "Nachtdienst"}
    row.find("role").control.value = ""  # saved once, emptied again: saved as emptied, not deleted
    form.flush()
    assert location_file(demo_project, "de-linde")["team"][-1] == {"name": "", "role": ""}


def test_a_goal_deleted_on_one_page_and_edited_on_the_other_is_kept_with_a_notice(demo_project: Project) -> None:
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    count = len(plan_file(demo_project)["goals"])
    anna.find("goals").remove(1)
    anna.flush()
    piet.find("goals", 1, "owner").control.value = "Piet Bakker"
    piet.flush()
    goals = plan_file(demo_project)["goals"]
    assert len(goals) == count and goals[1]["owner"] == "Piet Bakker"
    assert any("elders verwijderd terwijl jij het aanpaste; het is bewaard" in t for t in piet.notices.texts)


def test_the_same_field_on_both_pages_the_later_wins_both_see_both_values_and_can_put_the_other_back(
    demo_project: Project,
) -> None:
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    anna.find("goals", 2, "owner").control.value = "Anna de Vries"
    anna.flush()
    piet.find("goals", 2, "owner").control.value = "Piet Bakker"
    piet.flush()
    assert plan_file(demo_project)["goals"][2]["owner"] == "Piet Bakker"
    [piet_notice] = piet.notices.texts
    assert "Eigenaar" in piet_notice and "'Anna de Vries'" in piet_notice and "'Piet Bakker'" in piet_notice

    anna.refresh()
    [anna_notice] = anna.notices.texts
    assert (
        "Eigenaar" in anna_notice
        and "'Piet Bakker'" in anna_notice
        and "jouw 'Anna de Vries' is vervangen" in anna_notice
    )
    assert anna.find("goals", 2, "owner").control.value == "Piet Bakker"

    [put_back] = anna.notices.buttons()
    assert put_back.description == "Zet 'Anna de Vries' terug"
    put_back.click()
    assert plan_file(demo_project)["goals"][2]["owner"] == "Anna de Vries"
    assert anna.find("goals", 2, "owner").control.value == "Anna de Vries"
    assert anna.notices.texts == []


def test_a_page_shows_what_others_saved_without_touching_the_field_being_typed_in(demo_project: Project) -> None:
    # Piet's pause never ends within the test: on a busy machine a 0.7 s pause could end (and his
    # save take Anna's change in) before the refresh the test is about.
    anna, piet = goals_form(demo_project), goals_form(demo_project, delay=3600)
    typing = piet.find("goals", 0, "text")
    typing.control.value = "Minder onrust in de nacht, halverwege getypt"  # not saved yet: Piet types on
    anna.find("goals", 1, "owner").control.value = "Anna de Vries"
    anna.flush()
    assert piet.refresh()
    assert piet.find("goals", 1, "owner").control.value == "Anna de Vries"
    assert typing.control.value == "Minder onrust in de nacht, halverwege getypt"
    assert "Wijzigingen van anderen bijgewerkt" in piet.status_text or "zo opgeslagen" in piet.status_text
    piet.flush()
    goals = plan_file(demo_project)["goals"]
    assert (goals[0]["text"], goals[1]["owner"]) == ("Minder onrust in de nacht, halverwege getypt", "Anna de Vries")


def test_the_watcher_brings_in_another_pages_save_within_three_seconds(demo_project: Project) -> None:
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    piet.watch(interval=0.2)
    try:
        anna.find("goals", 1, "owner").control.value = "Anna de Vries"
        anna.flush()
        deadline = time.monotonic() + 3
        while piet.find("goals", 1, "owner").control.value != "Anna de Vries" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert piet.find("goals", 1, "owner").control.value == "Anna de Vries"
        assert "Wijzigingen van anderen bijgewerkt om" in piet.status_text
    finally:
        piet.close()


def test_an_invalid_field_waits_while_the_rest_of_the_step_is_saved(demo_project: Project) -> None:
    form = goals_form(demo_project)
    target = form.find("goals", 0, "target")
    target.control.value = "heel veel"
    form.find("goals", 1, "owner").control.value = "Teamleider nacht"
    form.flush()
    saved = plan_file(demo_project)["goals"]
    assert saved[1]["owner"] == "Teamleider nacht"
    assert saved[0]["target"] != "heel veel"
    assert target.control.value == "heel veel" and "verwacht een getal" in target.error.value
    assert 'id="wb-first-error"' in target.error.value
    assert 'href="#wb-first-error"' in form.jump.value


def test_a_new_goal_needs_its_text_and_a_free_number(demo_project: Project) -> None:
    form = goals_form(demo_project)
    count = len(plan_file(demo_project)["goals"])
    row = form.find("goals").add()
    form.flush()
    assert len(plan_file(demo_project)["goals"]) == count, "a goal without text is not saved"
    assert "Doel is verplicht" in row.find("text").error.value

    row.find("text").control.value = "Minder valincidenten 's nachts"
    row.find("id").control.value = "D1"
    form.flush()
    assert len(plan_file(demo_project)["goals"]) == count
    assert "nummer 'D1' wordt al gebruikt" in unescape(row.find("id").error.value)

    row.find("id").control.value = f"D{count + 1}"
    form.flush()
    assert plan_file(demo_project)["goals"][-1]["text"] == "Minder valincidenten 's nachts"
    assert row.find("id").error.value == ""


def test_delete_shows_an_undo_that_brings_the_goal_back_with_its_actions(demo_project: Project) -> None:
    form = goals_form(demo_project)
    before = plan_file(demo_project, ids=True)["goals"]
    actions = len(before[1]["actions"])
    table = form.find("goals")
    table.remove(1)
    form.flush()
    assert [g["id"] for g in plan_file(demo_project)["goals"]] == [g["id"] for i, g in enumerate(before) if i != 1]
    [line] = table.undo.children
    text, button = line.children
    assert re.sub(r"<[^>]+>", "", text.value) == f"Verwijderd: {before[1]['id']} en {actions} acties"
    assert button.description == "Ongedaan maken"
    button.click()
    form.flush()
    assert plan_file(demo_project, ids=True)["goals"] == before
    assert table.undo.children == ()


@pytest.mark.parametrize("seed", [1, 2])
def test_five_pages_making_a_hundred_random_edits_each_lose_nothing(demo_project: Project, seed: int) -> None:
    """Five participants edit the goals at random, saving and refreshing in any order. At the end
    every value on disk is the last one someone saved for that field, and every conflict had a notice."""
    rng = random.Random(seed)
    # Saves happen when the script says (flush), not when a pause timer fires: the script knows who saved what.
    pages = [goals_form(demo_project, delay=3600) for _ in range(5)]
    conflicts = []
    for page in pages:

        def recording(*args, _save=page.target.save, **kwargs):
            saved, identity = _save(*args, **kwargs)
            conflicts.extend(saved.conflicts)
            return saved, identity

        page.target.save = recording
    fields = ("owner", "unit", "indicator")
    last: dict[tuple[str, str], str] = {}  # (goal uid, field) -> the value of the latest save
    typed: list[dict[tuple[str, str], str]] = [{} for _ in pages]
    for step in range(500):
        who = rng.randrange(len(pages))
        page = pages[who]
        action = rng.random()
        if action < 0.7:
            rows = page.find("goals").rows
            row = rng.randrange(len(rows))
            name = rng.choice(fields)
            value = f"p{who}-{step}"
            rows[row].find(name).control.value = value
            typed[who][(rows[row].uid, name)] = value
        elif action < 0.9:
            mine = typed[who]
            page.flush()
            for key, value in mine.items():
                last[key] = value
            typed[who] = {}
        else:
            page.refresh()
    for who, page in enumerate(pages):
        page.flush()
        last.update(typed[who])
    on_disk = {g["uid"]: g for g in plan_file(demo_project, ids=True)["goals"]}
    lost = {key: value for key, value in last.items() if on_disk[key[0]][key[1]] != value}
    assert lost == {}
    assert len(conflicts) > 10, "the script should make people collide"
    assert sum(page.notices.added for page in pages) >= len(conflicts), "every conflict has its notice"


def test_a_conflict_names_numbers_the_dutch_way(demo_project: Project) -> None:
    anna, piet = goals_form(demo_project), goals_form(demo_project)
    anna.find("goals", 0, "target").control.value = "12,5"
    anna.flush()
    piet.find("goals", 0, "target").control.value = "1.500"
    piet.flush()
    assert plan_file(demo_project)["goals"][0]["target"] == 1500
    [notice] = piet.notices.texts
    assert "Streefwaarde" in notice and "12,5" in notice and "1.500" in notice
    assert piet.notices.buttons()[0].description == "Zet 12,5 terug"
    piet.notices.buttons()[0].click()
    assert plan_file(demo_project)["goals"][0]["target"] == 12.5
