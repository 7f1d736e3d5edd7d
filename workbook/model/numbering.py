"""The visible numbers of goals and factors (D1, F2): the next free one, and repairing duplicates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from workbook.model.base import UID

NUMBER_FIELD = "id"
DEFAULT_PREFIX = {"Goal": "D", "ContextFactor": "F"}
"""The letter a first number starts with, per record class (doel, factor)."""

_NUMBER = re.compile(r"^\s*([A-Za-z]*)\s*(\d+)\s*$")


def is_numbered(model: type[BaseModel]) -> bool:
    """True for records that carry a visible number people refer to."""
    return NUMBER_FIELD in model.model_fields


def next_number(model: type[BaseModel], taken: list[str]) -> str:
    """The next free number for a new record of `model`, given the numbers already `taken`."""
    parsed = [m.groups() for m in map(_NUMBER.match, taken) if m]
    prefixes = Counter(prefix for prefix, _ in parsed)
    prefix = prefixes.most_common(1)[0][0] if prefixes else DEFAULT_PREFIX.get(model.__name__, "")
    highest = max((int(n) for p, n in parsed if p.upper() == prefix.upper()), default=0)
    candidate = highest + 1
    upper = {t.strip().upper() for t in taken}
    while f"{prefix}{candidate}".upper() in upper:
        candidate += 1
    return f"{prefix}{candidate}"


@dataclass(frozen=True)
class Renumbered:
    """A record added in this save took a number that was already in use, and got `new` instead."""

    uid: str
    old: str
    new: str


def renumber_new_duplicates(model: type[BaseModel], items: list[dict[str, Any]], new: set[str]) -> list[Renumbered]:
    """Give every record in `new` (ids) whose number is already used by another record the next
    free number; changes `items` in place."""
    changes = []
    for item in items:
        if item.get(UID) not in new:
            continue
        number = str(item.get(NUMBER_FIELD) or "").strip().upper()
        others = [str(o.get(NUMBER_FIELD) or "") for o in items if o is not item]
        if number and number in {o.strip().upper() for o in others}:
            fresh = next_number(model, others)
            changes.append(Renumbered(item[UID], item[NUMBER_FIELD], fresh))
            item[NUMBER_FIELD] = fresh
    return changes
