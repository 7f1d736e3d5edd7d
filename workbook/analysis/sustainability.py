"""Team scores on the sustainability scan: mean, spread and maximum per factor, and the total.

Each rater picks a level A-D per factor; the level's weight comes from the instrument file.
Per factor the team score is the mean weight over the raters who answered it. The spread is the
population standard deviation of those weights (the raters are the whole team, not a sample)
and the range of levels chosen; raters two or more levels apart count as *disagreement*, which
is worth a conversation. Answers for keys that are not scan factors are ignored.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from workbook.instruments import sustainability_scan
from workbook.model import Level, ScanResponse

LEVELS = list(Level)
DISAGREEMENT_STEPS = 2
"""Raters this many levels apart (e.g. A and C) disagree on a factor."""


@dataclass(frozen=True)
class FactorScore:
    key: str
    mean: float | None
    """Mean weight over the raters who answered; None when nobody did."""
    max: float
    sd: float | None
    """Population standard deviation of the weights; None when nobody answered."""
    best: Level | None
    worst: Level | None
    counts: dict[Level, int]
    n: int
    verified: bool
    """False when any weight used here (or the maximum) is an approximation."""

    @property
    def disagreement(self) -> bool:
        """True when raters are two or more levels apart."""
        if self.best is None or self.worst is None:
            return False
        return LEVELS.index(self.worst) - LEVELS.index(self.best) >= DISAGREEMENT_STEPS


@dataclass(frozen=True)
class ScanScore:
    factors: list[FactorScore]
    total: float
    """Sum of the per-factor means (factors nobody answered add nothing)."""
    max_total: float
    """Sum of every factor's maximum (about 100)."""
    n_raters: int
    date: dt.date | None
    """The latest date among the responses scored; None without responses."""
    unverified: bool
    """True when the total uses any weight that is an approximation."""
    threshold: float
    threshold_verified: bool
    missing: list[str] = field(default_factory=list)
    """Factor keys nobody answered."""

    @property
    def empty(self) -> bool:
        return self.n_raters == 0

    def factor(self, key: str) -> FactorScore:
        return next(score for score in self.factors if score.key == key)


def score(responses: Iterable[ScanResponse]) -> ScanScore:
    """The team's result over `responses` (usually one scan moment: see `latest_moment`)."""
    responses = list(responses)
    scan = sustainability_scan()
    factors = []
    for factor in scan.factors:
        levels = [r.answers[factor.key] for r in responses if factor.key in r.answers]
        weights = [factor.weights[level] for level in levels]
        values = [weight.value for weight in weights]
        ordered = sorted(levels, key=LEVELS.index)
        factors.append(
            FactorScore(
                key=factor.key,
                mean=statistics.fmean(values) if values else None,
                max=factor.max,
                sd=statistics.pstdev(values) if values else None,
                best=ordered[0] if ordered else None,
                worst=ordered[-1] if ordered else None,
                counts={level: levels.count(level) for level in LEVELS},
                n=len(levels),
                verified=factor.max_verified and all(weight.verified for weight in weights),
            )
        )
    answered = [f for f in factors if f.mean is not None]
    return ScanScore(
        factors=factors,
        total=round(sum(f.mean for f in answered if f.mean is not None), 1),
        max_total=scan.max_total,
        n_raters=len(responses),
        date=max((r.date for r in responses), default=None),
        unverified=any(not f.verified for f in answered),
        threshold=scan.threshold.value,
        threshold_verified=scan.threshold.verified,
        missing=[f.key for f in factors if f.mean is None],
    )


def moments(responses: Iterable[ScanResponse]) -> list[tuple[dt.date, list[ScanResponse]]]:
    """Responses grouped by date (one scan moment each), oldest first."""
    ordered = sorted(responses, key=lambda r: r.date)
    return [(date, list(group)) for date, group in groupby(ordered, key=lambda r: r.date)]


def latest_moment(responses: Iterable[ScanResponse]) -> tuple[dt.date, list[ScanResponse]] | None:
    """The most recent scan moment and its responses; None when there are none."""
    grouped = moments(responses)
    return grouped[-1] if grouped else None


def previous_moment(responses: Iterable[ScanResponse]) -> tuple[dt.date, list[ScanResponse]] | None:
    """The scan moment before the latest, to compare against; None when there is only one."""
    grouped = moments(responses)
    return grouped[-2] if len(grouped) > 1 else None


@dataclass(frozen=True)
class DomainScore:
    """One of the scan's three domains (process, staff, organisation): its subtotal and maximum."""

    key: str
    total: float
    max: float


def domain_scores(result: ScanScore) -> list[DomainScore]:
    """The subtotal of every domain of the scan, in the instrument's order."""
    scan = sustainability_scan()
    by_key = {factor.key: factor for factor in result.factors}
    scores = []
    for domain in scan.domains:
        factors = [by_key[factor.key] for factor in scan.factors if factor.domain == domain.key]
        total = sum(factor.mean for factor in factors if factor.mean is not None)
        scores.append(DomainScore(domain.key, round(total, 1), round(sum(factor.max for factor in factors), 1)))
    return scores
