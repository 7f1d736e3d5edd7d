"""Three-way merge of plan data: what a form loaded, what its user has now, and what is on disk now.

Works on plain data (``model_dump(mode="json")``): records are dicts, list items are matched by
their stable id (``uid``), other lists (tags, choices) as sets that keep their order. The rules:

- a change on one side only is taken;
- items added on either side are kept; an item deleted on one side and edited on the other is
  kept, with a notice;
- the same field changed on both sides to different values: this save (``mine``) wins, and a
  :class:`Conflict` names both values so the other can be put back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbook.model.base import UID

Path = tuple[Any, ...]
"""Where a value stands: field names, and :class:`At` for an item of a list."""


@dataclass(frozen=True)
class At:
    """The step into a list to the item with this id."""

    uid: str


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the field at `path`: `mine` was saved, `theirs` was overwritten."""

    path: Path
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Kept:
    """An item one side deleted and the other edited: it stays, as the editor left it."""

    path: Path
    deleted_by_me: bool


@dataclass
class Merged:
    value: Any
    conflicts: list[Conflict] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)


_MISSING = object()


def merge(base: Any, mine: Any, theirs: Any) -> Merged:
    """The three-way merge of `mine` and `theirs`, which both started from `base`."""
    result = Merged(None)
    result.value = _merge(base, mine, theirs, (), result)
    return result


def _merge(base: Any, mine: Any, theirs: Any, path: Path, out: Merged) -> Any:
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dicts(base if isinstance(base, dict) else {}, mine, theirs, path, out)
    if isinstance(mine, list) and isinstance(theirs, list):
        base_list = base if isinstance(base, list) else []
        if _is_item_list(mine) and _is_item_list(theirs) and _is_item_list(base_list):
            return _merge_items(base_list, mine, theirs, path, out)
        if not any(isinstance(v, dict | list) for v in (*mine, *theirs)):
            return _merge_sets(base_list, mine, theirs)
    out.conflicts.append(Conflict(path, None if mine is _MISSING else mine, None if theirs is _MISSING else theirs))
    return mine


def _merge_dicts(base: dict, mine: dict, theirs: dict, path: Path, out: Merged) -> dict:
    merged = {}
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        value = _merge(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING), (*path, key), out)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _is_item_list(values: list) -> bool:
    return all(isinstance(v, dict) and isinstance(v.get(UID), str) for v in values)


def _merge_items(base: list, mine: list, theirs: list, path: Path, out: Merged) -> list:
    old = {item[UID]: item for item in base}
    ours = {item[UID]: item for item in mine}
    other = {item[UID]: item for item in theirs}
    kept: dict[str, Any] = {}
    for uid in {**old, **ours, **other}:
        where = (*path, At(uid))
        before, now, then = old.get(uid), ours.get(uid), other.get(uid)
        if now is not None and then is not None:
            kept[uid] = _merge(before if before is not None else {}, now, then, where, out)
        elif before is None:  # added on one side
            kept[uid] = now if now is not None else then
        elif now is not None and now != before:  # they deleted it, I edited it
            kept[uid] = now
            out.kept.append(Kept(where, deleted_by_me=False))
        elif then is not None and then != before:  # I deleted it, they edited it
            kept[uid] = then
            out.kept.append(Kept(where, deleted_by_me=True))
    order = _merged_order([i[UID] for i in base], [i[UID] for i in mine], [i[UID] for i in theirs])
    return [kept[uid] for uid in order if uid in kept]


def _merged_order(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """One order for the merged list: the side that reordered leads; the other side's new items
    follow the item they followed there."""
    common = set(mine) & set(theirs) & set(base)
    theirs_moved = [u for u in theirs if u in common] != [u for u in base if u in common]
    lead, other = (theirs, mine) if theirs_moved else (mine, theirs)
    order = list(lead)
    for index, uid in enumerate(other):
        if uid in order:
            continue
        before = next((other[i] for i in range(index - 1, -1, -1) if other[i] in order), None)
        order.insert(order.index(before) + 1 if before is not None else 0, uid)
    return order


def _merge_sets(base: list, mine: list, theirs: list) -> list:
    removed = [v for v in base if v not in mine]
    added = [v for v in mine if v not in base and v not in theirs]
    return [v for v in theirs if v not in removed] + added


def value_at(data: Any, path: Path) -> Any:
    """The value at `path` in `data` (None when it is not there)."""
    for step in path:
        if isinstance(step, At):
            data = next((item for item in data or [] if isinstance(item, dict) and item.get(UID) == step.uid), None)
        elif isinstance(data, dict):
            data = data.get(step)
        else:
            return None
        if data is None:
            return None
    return data


def with_value(data: Any, path: Path, value: Any) -> Any:
    """A copy of `data` with `value` at `path`; unchanged when the path leads nowhere."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, At):
        if not isinstance(data, list):
            return data
        return [with_value(item, rest, value) if item.get(UID) == step.uid else item for item in data]
    if not isinstance(data, dict):
        return data
    return {**data, step: with_value(data.get(step), rest, value)}


def changes(base: Any, mine: Any, path: Path = ()) -> list[tuple[Path, Any]]:
    """Where `mine` differs from `base`, at the places `merge` would compare (field by field, list
    items by id), each with the value `mine` has there (a whole item for one that `mine` added)."""
    if mine == base:
        return []
    if isinstance(mine, dict) and isinstance(base, dict):
        found = []
        for key in [*mine, *(k for k in base if k not in mine)]:
            found += changes(base.get(key, _MISSING), mine.get(key, _MISSING), (*path, key))
        return found
    if isinstance(mine, list) and isinstance(base, list) and _is_item_list(mine) and _is_item_list(base):
        old = {item[UID]: item for item in base}
        found = []
        for item in mine:
            where = (*path, At(item[UID]))
            found += changes(old[item[UID]], item, where) if item[UID] in old else [(where, item)]
        return found
    return [(path, None if mine is _MISSING else mine)]
