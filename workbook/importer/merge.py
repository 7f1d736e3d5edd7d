"""Merging imported measurements into a location's: a new date and goal adds, a known one replaces."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.model import Measurement
from workbook.model.base import UID


@dataclass(frozen=True)
class Merged:
    measurements: list[Measurement]
    added: int
    replaced: int
    unchanged: int


def _key(measurement: Measurement) -> tuple:
    return (measurement.date, measurement.goal_id)


def _content(measurement: Measurement) -> dict:
    return measurement.model_dump(exclude={UID})


def merge(existing: list[Measurement], imported: list[Measurement]) -> Merged:
    """`existing` with `imported` laid over it: per date and goal, the imported measurement wins.

    A replaced measurement keeps its id, so that the history shows it as changed, not as new.
    """
    new_by_key = {_key(m): m for m in imported}
    old_by_key: dict[tuple, list[Measurement]] = {}
    for m in existing:
        old_by_key.setdefault(_key(m), []).append(m)
    added = replaced = unchanged = 0
    laid_over = []
    for key, new in new_by_key.items():
        old = old_by_key.get(key, [])
        if not old:
            added += 1
            laid_over.append(new)
        elif len(old) == 1 and _content(old[0]) == _content(new):
            unchanged += 1
            laid_over.append(old[0])
        else:
            replaced += 1
            laid_over.append(new.model_copy(update={UID: old[0].uid}))
    kept = [m for m in existing if _key(m) not in new_by_key]
    measurements = sorted([*kept, *laid_over], key=_key)
    return Merged(measurements, added, replaced, unchanged)
