"""Client counts that cannot be worked out: small-cell protection as statistical offices do it.

One location's clients section is one table: the team's clients (the total), the probably suitable
ones, a count per inclusion or exclusion criterion, and the revised assessments. ``protect`` says
for every count how a report, Word or Excel shows it:

1. **Primary suppression.** A count from 1 to 4 is "minder dan 5": next to a reason it can point to
   one person.
2. **Secondary suppression.** When exactly one criterion is hidden, the next-smallest criterion is
   hidden too, so that the hidden one does not follow from the others.
3. **Margins.** When a criterion is hidden, the total and the suitable count are rounded to tens
   ("ongeveer 30"); below 10 they are hidden.
4. **Check by search.** Every sum and difference of the numbers still shown (each used at most
   once, added or subtracted) is compared with every hidden exact count; while one matches, the
   suitable count, then the total, then the smallest shown count is hidden as well.

Rule 4 makes the guarantee the section needs: no hidden count equals a sum or difference of what is
shown. Zero stays shown: it points to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from workbook.model import Clients, CriterionKind

SMALL_COUNT = 5
"""Client counts from 1 up to below this are shown as "minder dan 5"."""
ROUND_TO = 10
"""A margin beside a hidden count is rounded to this many."""


class Shown(StrEnum):
    exact = "exact"
    small = "small"
    """Hidden as "minder dan 5" (primary suppression)."""
    hidden = "hidden"
    """Hidden because it would give a small count away (secondary suppression)."""
    rounded = "rounded"
    """Shown rounded to tens ("ongeveer 30")."""


@dataclass(frozen=True)
class Count:
    """One client count as a reader sees it: `value` is what is shown (None when hidden)."""

    exact: int | None
    shown: Shown = Shown.exact

    @property
    def value(self) -> int | None:
        if self.exact is None or self.shown in (Shown.small, Shown.hidden):
            return None
        if self.shown == Shown.rounded:
            return rounded(self.exact)
        return self.exact

    @property
    def secret(self) -> int | None:
        """The exact count when the reader may not know it; None when it is shown as it is."""
        if self.exact is None or self.value == self.exact:
            return None
        return self.exact


@dataclass(frozen=True)
class ProtectedClients:
    """Every count of one clients section, as it may be shown. `criteria` follow the order of
    `Clients.criteria` (inclusion first when the caller sorted them), `changes` that of `Clients.changes`."""

    total: Count
    suitable: Count
    criteria: tuple[Count, ...]
    changes: tuple[Count, ...]

    @property
    def counts(self) -> tuple[Count, ...]:
        return (self.total, self.suitable, *self.criteria, *self.changes)

    @property
    def secondary(self) -> bool:
        """True when more than the small counts is hidden or rounded (the report says why)."""
        return any(count.shown in (Shown.hidden, Shown.rounded) for count in self.counts)

    def shown_numbers(self) -> list[int]:
        return [count.value for count in self.counts if count.value]

    def secrets(self) -> set[int]:
        return {count.secret for count in self.counts if count.secret is not None}


def rounded(value: int) -> int:
    """`value` to the nearest ten, halves up."""
    return (value + ROUND_TO // 2) // ROUND_TO * ROUND_TO


def is_small(value: int | None) -> bool:
    return value is not None and 0 < value < SMALL_COUNT


def protect(clients: Clients) -> ProtectedClients:
    """How each count of `clients` may be shown (see the module's docstring)."""
    criteria = [Count(c.count, Shown.small if is_small(c.count) else Shown.exact) for c in clients.criteria]
    changes = tuple(Count(c.count, Shown.small if is_small(c.count) else Shown.exact) for c in clients.changes)
    total, suitable = (
        Count(value, Shown.small if is_small(value) else Shown.exact) for value in (clients.total, clients.suitable)
    )
    hidden = [i for i, count in enumerate(criteria) if count.shown == Shown.small]
    if len(hidden) == 1:
        candidates = [i for i, count in enumerate(criteria) if count.shown == Shown.exact and count.exact]
        if candidates:
            smallest = min(candidates, key=lambda i: criteria[i].exact or 0)
            criteria[smallest] = replace(criteria[smallest], shown=Shown.hidden)
    if hidden:
        total, suitable = (_round_margin(margin) for margin in (total, suitable))
    result = ProtectedClients(total, suitable, tuple(criteria), changes)
    while derivable(result.shown_numbers(), result.secrets()):
        result = _hide_one_more(result)
    return result


def _round_margin(margin: Count) -> Count:
    if margin.exact is None or margin.shown != Shown.exact or not margin.exact:
        return margin
    return replace(margin, shown=Shown.rounded if margin.exact >= ROUND_TO else Shown.hidden)


def _hide_one_more(result: ProtectedClients) -> ProtectedClients:
    """`result` with one more count hidden: the suitable count, the total, else the smallest shown count."""
    for name in ("suitable", "total"):
        if getattr(result, name).value:
            hidden = replace(getattr(result, name), shown=Shown.hidden)
            return replace(result, total=hidden) if name == "total" else replace(result, suitable=hidden)
    cells = [("criteria", i, c) for i, c in enumerate(result.criteria)]
    cells += [("changes", i, c) for i, c in enumerate(result.changes)]
    shown = [cell for cell in cells if cell[2].value]
    group, index, count = min(shown, key=lambda cell: cell[2].value or 0)
    counts = list(getattr(result, group))
    counts[index] = replace(count, shown=Shown.hidden)
    if group == "criteria":
        return replace(result, criteria=tuple(counts))
    return replace(result, changes=tuple(counts))


def derivable(shown: list[int], secrets: set[int]) -> bool:
    """True when some sum or difference of the `shown` numbers (each at most once) is a secret."""
    return bool(signed_sums(shown) & secrets)


def signed_sums(numbers: list[int]) -> set[int]:
    """Every value of ±a ±b … over a non-empty choice of `numbers`, each used at most once."""
    sums: set[int] = set()
    for number in numbers:
        sums |= {number, -number} | {s + number for s in sums} | {s - number for s in sums}
    return sums


def protect_listed(clients: Clients) -> tuple[list, ProtectedClients]:
    """The criteria as reports list them (``sorted_criteria``) and every count of `clients` as it
    may be shown, the criteria's counts in that order."""
    criteria = sorted_criteria(clients)
    return criteria, protect(clients.model_copy(update={"criteria": criteria}))


def sorted_criteria(clients: Clients) -> list:
    """The criteria as reports list them: inclusion first, then exclusion, each in typed order."""
    order = {CriterionKind.inclusion: 0, CriterionKind.exclusion: 1}
    return sorted(clients.criteria, key=lambda c: order[c.kind])
