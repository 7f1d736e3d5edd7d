"""The three-way merge: per record and per field, nothing lost that was not overwritten on purpose."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.project.merging import At, Conflict, Kept, merge, value_at, with_value


def goal(uid: str, **fields: Any) -> dict[str, Any]:
    return {"uid": uid, "id": fields.pop("id", uid.upper()), "text": "", "owner": "", "unit": "", "tags": [], **fields}


def test_different_records_both_keep_their_change() -> None:
    base = [goal("d3"), goal("d4")]
    mine = [goal("d3", owner="Anna de Vries"), goal("d4")]
    theirs = [goal("d3"), goal("d4", text="Minder vallen")]
    result = merge(base, mine, theirs)
    assert result.value == [goal("d3", owner="Anna de Vries"), goal("d4", text="Minder vallen")]
    assert result.conflicts == [] and result.kept == []


def test_different_fields_of_one_record_both_keep_their_change() -> None:
    result = merge([goal("d3")], [goal("d3", owner="Anna")], [goal("d3", text="Vallen")])
    assert result.value == [goal("d3", owner="Anna", text="Vallen")]


def test_items_added_on_both_sides_are_both_kept_in_a_sensible_order() -> None:
    base = [goal("d1"), goal("d2")]
    mine = [goal("d1"), goal("d2"), goal("d7")]
    theirs = [goal("d1"), goal("d8"), goal("d2")]
    assert [g["uid"] for g in merge(base, mine, theirs).value] == ["d1", "d8", "d2", "d7"]


def test_deleted_by_one_and_edited_by_the_other_is_kept_with_a_notice() -> None:
    base = [goal("d1"), goal("d2")]
    deleted = [goal("d1")]
    edited = [goal("d1"), goal("d2", owner="Piet")]
    result = merge(base, deleted, edited)
    assert result.value == edited
    assert result.kept == [Kept((At("d2"),), deleted_by_me=True)]
    result = merge(base, edited, deleted)
    assert result.value == edited
    assert result.kept == [Kept((At("d2"),), deleted_by_me=False)]


def test_an_item_deleted_on_one_side_and_untouched_on_the_other_is_gone() -> None:
    base = [goal("d1"), goal("d2")]
    assert merge(base, [goal("d1")], base).value == [goal("d1")]
    assert merge(base, base, [goal("d2")]).value == [goal("d2")]


def test_the_same_field_changed_on_both_sides_the_later_save_wins_and_names_both_values() -> None:
    result = merge([goal("d3")], [goal("d3", owner="Piet Bakker")], [goal("d3", owner="Anna de Vries")])
    assert result.value == [goal("d3", owner="Piet Bakker")]
    assert result.conflicts == [Conflict((At("d3"), "owner"), "Piet Bakker", "Anna de Vries")]


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    result = merge([goal("d3")], [goal("d3", owner="Piet")], [goal("d3", owner="Piet")])
    assert result.value == [goal("d3", owner="Piet")] and result.conflicts == []


def test_lists_of_words_merge_as_sets() -> None:
    base = {"payers": ["care_organisation", "insurer"]}
    mine = {"payers": ["care_organisation", "insurer", "client"]}
    theirs = {"payers": ["insurer"]}
    assert merge(base, mine, theirs).value == {"payers": ["insurer", "client"]}


def test_a_reorder_on_one_side_and_an_edit_on_the_other() -> None:
    base = [goal("a"), goal("b"), goal("c")]
    mine = [goal("c"), goal("a"), goal("b")]
    theirs = [goal("a"), goal("b", owner="Ans"), goal("c")]
    assert merge(base, mine, theirs).value == [goal("c"), goal("a"), goal("b", owner="Ans")]


def test_nested_items_merge_inside_their_record() -> None:
    base = [goal("d1", actions=[{"uid": "x", "text": "Plaatsen", "who": ""}])]
    mine = [goal("d1", actions=[{"uid": "x", "text": "Plaatsen", "who": "Ruud"}])]
    theirs = [goal("d1", actions=[{"uid": "x", "text": "Plaatsen", "who": ""}, {"uid": "y", "text": "Uitleg"}])]
    assert merge(base, mine, theirs).value == [
        goal("d1", actions=[{"uid": "x", "text": "Plaatsen", "who": "Ruud"}, {"uid": "y", "text": "Uitleg"}])
    ]


def test_paths_lead_to_values_by_id() -> None:
    data = {"goals": [goal("d1", actions=[{"uid": "x", "who": "Ruud"}])]}
    path = ("goals", At("d1"), "actions", At("x"), "who")
    assert value_at(data, path) == "Ruud"
    assert value_at(with_value(data, path, "Ans"), path) == "Ans"
    assert value_at(data, ("goals", At("nope"), "text")) is None


# --- property: any interleaving of sessions loses no change that was not overwritten later ----------

FIELDS = ("text", "owner", "unit")
Edit = tuple[int, str, Any]  # session, kind, details


def edits(sessions: int) -> st.SearchStrategy[list[Edit]]:
    one = st.one_of(
        st.tuples(st.integers(0, sessions - 1), st.just("set"), st.tuples(st.integers(0, 5), st.sampled_from(FIELDS))),
        st.tuples(st.integers(0, sessions - 1), st.just("add"), st.just(None)),
        st.tuples(st.integers(0, sessions - 1), st.just("delete"), st.integers(0, 5)),
        st.tuples(st.integers(0, sessions - 1), st.just("save"), st.just(None)),
    )
    return st.lists(one, max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions=st.integers(2, 5), script=st.data())
def test_no_change_is_lost_that_a_later_save_did_not_overwrite(sessions: int, script: st.DataObject) -> None:
    """N sessions each load, edit and save (merge) in any interleaving. After everyone saved once more,
    every field value a session saved is on disk unless a later save set the same field or deleted
    the item, and every added item is there unless a later save deleted it."""
    disk: list[dict[str, Any]] = [goal(f"g{n}") for n in range(3)]
    loaded = [list(disk) for _ in range(sessions)]
    mine = [list(disk) for _ in range(sessions)]
    counter = 0
    # what each save meant: (field path -> value) written, items added, items deleted, in save order
    last_write: dict[tuple[str, str], Any] = {}
    deleted_at: dict[str, int] = {}
    added: dict[str, int] = {}
    saves = 0
    for who, kind, detail in script.draw(edits(sessions)):
        items = mine[who]
        if kind == "set" and items:
            index, name = detail
            counter += 1
            item = items[index % len(items)]
            items[index % len(items)] = {**item, name: f"v{counter}"}
        elif kind == "add":
            counter += 1
            items.append(goal(f"new{counter}"))
        elif kind == "delete" and items:
            del items[detail % len(items)]
        elif kind == "save":
            result = merge(loaded[who], items, disk)
            saves += 1
            before = {g["uid"]: g for g in loaded[who]}
            now = {g["uid"]: g for g in items}
            for uid, item in now.items():
                for name in FIELDS:
                    if item[name] != before.get(uid, goal(uid))[name]:
                        last_write[(uid, name)] = item[name]
                if uid not in before:
                    added[uid] = saves
            for uid in before.keys() - now.keys():  # a deletion overwrites every field of the item
                deleted_at[uid] = saves
                last_write = {key: value for key, value in last_write.items() if key[0] != uid}
            disk = result.value
            loaded[who] = list(disk)
            mine[who] = list(disk)
    on_disk = {g["uid"]: g for g in disk}
    for (uid, name), value in last_write.items():
        if uid in on_disk:
            assert on_disk[uid][name] == value, f"{uid}.{name}: lost {value!r}"
        else:
            assert uid in deleted_at, f"{uid} vanished without anyone deleting it"
    for uid in added:
        assert uid in on_disk or uid in deleted_at, f"added {uid} was lost"


# --- through the store --------------------------------------------------------------------------


def test_a_store_save_with_a_base_merges_with_what_another_saved_meanwhile(demo_project) -> None:
    from workbook.project.store import section_data

    loaded = section_data(demo_project.load_plan(), "goals")
    other = [dict(g) for g in loaded]
    other[1] = {**other[1], "owner": "Anna de Vries"}
    demo_project.save_plan_section("goals", other, base=loaded)
    mine = [dict(g) for g in loaded]
    mine[0] = {**mine[0], "unit": "valincidenten per maand"}
    saved = demo_project.save_plan_section("goals", mine, base=loaded)
    goals = demo_project.load_plan().goals
    assert (goals[0].unit, goals[1].owner) == ("valincidenten per maand", "Anna de Vries")
    assert saved.conflicts == []


def test_two_new_goals_with_the_same_number_are_both_kept_the_later_renumbered(demo_project) -> None:
    from workbook.project.store import section_data

    loaded = section_data(demo_project.load_plan(), "goals")
    taken = [g["id"] for g in loaded]
    first = {**loaded[0], "uid": "nieuw-a", "id": "D90", "text": "Eerste nieuwe doel", "actions": []}
    second = {**loaded[0], "uid": "nieuw-b", "id": "D90", "text": "Tweede nieuwe doel", "actions": []}
    demo_project.save_plan_section("goals", [*loaded, first], base=loaded)
    saved = demo_project.save_plan_section("goals", [*loaded, second], base=loaded)
    goals = {g.uid: g for g in demo_project.load_plan().goals}
    assert goals["nieuw-a"].id == "D90" and goals["nieuw-b"].id == "D91"
    assert [(r.old, r.new) for r in saved.renumbered] == [("D90", "D91")]
    assert len(goals) == len(taken) + 2
