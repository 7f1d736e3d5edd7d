"""Merging imported measurements into a location's: a new date and goal adds, a known one replaces."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.model import Measurement


@dataclass(frozen=True)
class Merged:
    measurements: list[Measurement]
    added: int
    replaced: int
    unchanged: int


def _key(measurement: Measurement) -> tuple:
    return (measurement.date, measurement.goal_id)


def merge(existing: list[Measurement], imported: list[Measurement]) -> Merged:
    """`existing` with `imported` laid over it: per date and goal, the imported measurement wins."""
    new_by_key = {_key(m): m for m in imported}
    old_by_key: dict[tuple, list[Measurement]] = {}
    for m in existing:
        old_by_key.setdefault(_key(m), []).append(m)
    added = replaced = unchanged = 0
    for key, new in new_by_key.items():
        old = old_by_key.get(key, [])
        if not old:
            added += 1
        elif old == [new]:
            unchanged += 1
        else:
            replaced += 1
    kept = [m for m in existing if _key(m) not in new_by_key]
    measurements = sorted([*kept, *new_by_key.values()], key=_key)
    return Merged(measurements, added, replaced, unchanged)
