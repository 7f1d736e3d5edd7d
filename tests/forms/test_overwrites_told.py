"""Every overwrite is told: also when a page's watcher brought the other value in before its own
save, and with three or more pages each page hears only about its own values.

Every form is a participant's page; `refresh` is what the page's watcher does every second, and
`flush` is the end of the pause after typing (the pause itself never ends within a test).
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from tests.forms.conftest import plan_file
from workbook.forms import Form, Section
from workbook.project.merging import At
from workbook.project.store import CONFLICTS_FILE, Project


def goals_form(project: Project) -> Form:
    return Form(project, [Section("goals")], lang="nl", delay=3600)


def conflict_log(project: Project) -> list[dict[str, Any]]:
    path = project.root / CONFLICTS_FILE
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.is_file() else []


def owner(form: Form, row: int) -> Any:
    return form.find("goals", row, "owner").control


def test_a_value_brought_in_while_typing_and_then_overwritten_is_told_on_both_pages_and_noted(
    demo_project: Project,
) -> None:
    anna, bram = goals_form(demo_project), goals_form(demo_project)
    owner(anna, 2).value = "Anna de Vries"  # Anna types; her pause is not over yet
    owner(bram, 2).value = "Bram Jansen"
    bram.flush()
    assert anna.refresh()  # her watcher brings in Bram's save
    assert owner(anna, 2).value == "Anna de Vries", "the field she types in is left alone"
    anna.flush()
    assert plan_file(demo_project)["goals"][2]["owner"] == "Anna de Vries"

    [anna_notice] = anna.notices.texts
    assert "jouw 'Anna de Vries' is opgeslagen" in anna_notice and "'Bram Jansen'" in anna_notice
    [line] = conflict_log(demo_project)
    assert (line["saved"], line["overwritten"], line["by"]) == ("Anna de Vries", "Bram Jansen", anna.session)

    bram.refresh()
    [bram_notice] = bram.notices.texts
    assert "'Anna de Vries'" in bram_notice and "jouw 'Bram Jansen' is vervangen" in bram_notice
    [put_back] = bram.notices.buttons()
    assert put_back.description == "Zet 'Bram Jansen' terug"


def test_with_three_pages_only_the_page_whose_value_was_replaced_hears_of_it(demo_project: Project) -> None:
    anna, bram, cor, dora = (goals_form(demo_project) for _ in range(4))
    owner(anna, 1).value = "Eigenaar A"  # Anna types first, saves last
    owner(cor, 1).value = "Eigenaar C"
    cor.flush()
    bram.refresh()  # Bram sees Cor's value, types nothing there
    anna.refresh()
    anna.flush()
    assert plan_file(demo_project)["goals"][1]["owner"] == "Eigenaar A"

    [anna_notice] = anna.notices.texts
    assert "iemand anders vulde tegelijk 'Eigenaar C' in; jouw 'Eigenaar A' is opgeslagen" in anna_notice
    bram.refresh()
    assert bram.notices.texts == [], "Bram never had a value there"
    cor.refresh()
    [cor_notice] = cor.notices.texts
    assert "daarna 'Eigenaar A' op; jouw 'Eigenaar C' is vervangen" in cor_notice

    # Dora, on a page opened at the start that has not looked since, now overwrites Anna's value:
    # Anna hears of it, Bram and Cor do not.
    owner(dora, 1).value = "Eigenaar D"
    dora.flush()
    [dora_notice] = dora.notices.texts
    assert "'Eigenaar A'" in dora_notice and "jouw 'Eigenaar D' is opgeslagen" in dora_notice
    for page in (anna, bram, cor):
        page.refresh()
    assert (len(bram.notices.texts), len(cor.notices.texts)) == (0, 1)
    assert "daarna 'Eigenaar D' op; jouw 'Eigenaar A' is vervangen" in anna.notices.texts[-1]


def test_a_page_that_saves_another_field_hears_that_its_value_was_replaced(demo_project: Project) -> None:
    """The save brings in others' saves as the watcher does, their overwrites of this page too."""
    anna, bram = goals_form(demo_project), goals_form(demo_project)
    owner(anna, 0).value = "Anna de Vries"
    anna.flush()
    owner(bram, 0).value = "Bram Jansen"  # Bram had not seen Anna's value
    bram.flush()
    anna.find("goals", 3, "unit").control.value = "medewerkers"
    anna.flush()
    assert owner(anna, 0).value == "Bram Jansen"
    assert any("jouw 'Anna de Vries' is vervangen" in text for text in anna.notices.texts)


@pytest.mark.parametrize("seed", [3, 4])
def test_every_overwrite_of_an_unseen_value_by_five_pages_is_told(demo_project: Project, seed: int) -> None:
    """Five pages make a hundred random edits each, saving and looking in any order. The test keeps
    its own record: what each field on disk holds and who saved it, and what a page showed in a
    field when its user typed over it. A save that replaces a value its page did not show is an
    overwrite: the saving page says so, the conflict log notes it, and the page whose value it was
    hears of it (unless it saved that field again first); no page hears of a value it did not save."""
    rng = random.Random(seed)
    pages = [goals_form(demo_project) for _ in range(5)]
    told_saver: list[list[tuple]] = [[] for _ in pages]  # (uid, field, saved, overwritten) per page
    told_owner: list[list[tuple]] = [[] for _ in pages]
    for who, page in enumerate(pages):

        def saved_notices(saved, model, _add=page.notices.add_saved, _told=told_saver[who]):
            _told.extend((c.path[0].uid, c.path[1], c.mine, c.theirs) for c in saved.conflicts)
            _add(saved, model)

        def overwritten_notices(entry, data, model, me="", _add=page.notices.add_overwritten, _told=told_owner[who]):
            path = entry["path"]
            assert isinstance(path[0], At)
            _told.append((path[0].uid, path[1], entry["saved"], entry["overwritten"]))
            _add(entry, data, model, me)

        page.notices.add_saved = saved_notices
        page.notices.add_overwritten = overwritten_notices

    fields = ("owner", "unit", "indicator")
    disk: dict[tuple[str, str], tuple[Any, int | None]] = {
        (goal["uid"], name): (goal[name], None)
        for goal in plan_file(demo_project, ids=True)["goals"]
        for name in fields
    }
    shown: list[dict[tuple[str, str], Any]] = [{} for _ in pages]  # what the field showed at the first typing
    typed: list[dict[tuple[str, str], str]] = [{} for _ in pages]
    overwrites: list[tuple] = []
    expect_saver: list[list[tuple]] = [[] for _ in pages]
    waiting: list[list[tuple]] = [[] for _ in pages]  # overwrites of a page's value it has not looked at yet
    expect_owner: list[list[tuple]] = [[] for _ in pages]

    def save(who: int) -> None:
        pages[who].flush()
        if not typed[who]:
            return
        for key, value in typed[who].items():
            before, writer = disk[key]
            if value != before and (before or None) != shown[who][key]:
                overwrites.append((who, *key, value, before))
                expect_saver[who].append((*key, value, before))
                if writer is not None and writer != who:
                    waiting[writer].append((*key, value, before))
            disk[key] = (value, who)
        # The save brings in what others saved: it tells of this page's values they replaced,
        # except where this save put a new value of its own (its own notice says what it replaced).
        expect_owner[who] += [e for e in waiting[who] if e[:2] not in typed[who]]
        waiting[who].clear()
        typed[who].clear()
        shown[who].clear()

    def look(who: int) -> None:
        pages[who].refresh()
        expect_owner[who] += waiting[who]
        waiting[who].clear()

    for step in range(500):
        who = rng.randrange(len(pages))
        page = pages[who]
        action = rng.random()
        if action < 0.7:
            rows = page.find("goals").rows
            row = rows[rng.randrange(len(rows))]
            name = rng.choice(fields)
            key = (row.uid, name)
            control = row.find(name).control
            shown[who].setdefault(key, control.value or None)
            control.value = f"p{who}-{step}"
            typed[who][key] = control.value
        elif action < 0.85:
            save(who)
        else:
            look(who)
    for who in range(len(pages)):
        save(who)
    for who in range(len(pages)):
        look(who)

    on_disk = {g["uid"]: g for g in plan_file(demo_project, ids=True)["goals"]}
    assert {key: value for key, (value, _) in disk.items() if on_disk[key[0]][key[1]] != value} == {}
    assert len(overwrites) > 10, "the script should make people collide"
    noted = sorted(
        (e["path"][0]["uid"], e["path"][1], e["saved"], e["overwritten"]) for e in conflict_log(demo_project)
    )
    assert noted == sorted(o[1:] for o in overwrites), "every overwrite is in the conflict log, nothing else"
    for who in range(len(pages)):
        assert sorted(told_saver[who]) == sorted(expect_saver[who]), f"page {who} says what its saves overwrote"
        assert sorted(told_owner[who]) == sorted(expect_owner[who]), f"page {who} hears of its own values only"
    print(
        f"seed {seed}: {len(overwrites)} overwrites, {sum(map(len, told_saver))} told by the saving page, "
        f"{sum(map(len, told_owner))} told to the page whose value it was"
    )
