"""Implementation strategies for hindering factors, ranked as the CFIR-ERIC matching tool ranks them.

A hindering context factor tied to a determinant (MIDI) points at a barrier the matching tool
knows; its strategies rank by the share of experts who chose them for that barrier (level 1: 50%
or more, level 2: 20-49%). For several barriers together a strategy ranks by the sum of its
shares. The data, each share with its source and whether it is verified, is in
workbook/instruments/determinants.yaml and strategies.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.instruments import determinants, strategies
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_percent
from workbook.model import Action, ContextFactor, Effect, Plan

LEVEL_1, LEVEL_2 = 50.0, 20.0
"""The matching tool's levels: the share of experts (in %) from which a strategy is level 1 or 2."""

msg = Messages(
    {
        "verified": (
            "{share} van de experts koos dit bij deze belemmering ({determinant}){level}.",
            "{share} of the experts chose this for the CFIR barrier '{barrier}'{level}.",
        ),
        "approximation": (
            "Benadering, niet geverifieerd: naar schatting {share} van de experts bij deze belemmering ({determinant}).",
            "Approximation, not verified: an estimated {share} of the experts for the CFIR barrier '{barrier}'.",
        ),
        "level": (" (niveau {level})", " (level {level})"),
        "cumulative": (
            "Samen {share} over {barriers}.",
            "Together {share} over {barriers}.",
        ),
    }
)


@dataclass(frozen=True)
class Suggestion:
    """One strategy suggested for one barrier, with why and where the figure comes from."""

    strategy: str
    """The strategy's key in strategies.yaml."""
    label: str
    why: str
    eric: str
    share: float
    level: int | None
    verified: bool
    source: str
    barrier: str
    reason: str
    """Plain words: how many experts chose it, for which barrier, verified or approximated."""


@dataclass(frozen=True)
class FactorAdvice:
    """The strategies suggested for one hindering factor."""

    factor: ContextFactor
    determinant: str
    cfir: str
    suggestions: list[Suggestion]


@dataclass(frozen=True)
class RankedStrategy:
    """A strategy ranked over all barriers of the plan by its summed share (the tool's cumulative %)."""

    strategy: str
    label: str
    share: float
    barriers: list[str]
    verified: bool
    reason: str


def level(share: float) -> int | None:
    """The matching tool's level for a share of experts: 1, 2, or None below 20%."""
    if share >= LEVEL_1:
        return 1
    return 2 if share >= LEVEL_2 else None


def _percent(share: float, lang: str) -> str:
    return format_percent(share / 100, lang)


def suggestions_for(factor: ContextFactor, lang: str | None = None, limit: int = 3) -> list[Suggestion]:
    """The best `limit` strategies for a factor's determinant, highest share first (none without one)."""
    lang = lang or language()
    if factor.determinant is None:
        return []
    found = strategies()
    barrier = found.barrier(determinants()[factor.determinant].barrier)
    named = factor.determinant  # the Dutch name of the barrier; the CFIR name is English
    ranked = sorted(barrier.strategies, key=lambda e: -e.share)[:limit]
    result = []
    for endorsement in ranked:
        strategy = found.strategy(endorsement.strategy)
        grade = level(endorsement.share)
        if endorsement.verified:
            shown_level = msg("level", lang, level=grade) if grade else ""
            reason = msg(
                "verified",
                lang,
                share=_percent(endorsement.share, lang),
                barrier=barrier.cfir,
                determinant=named.label(lang),
                level=shown_level,
            )
        else:
            reason = msg(
                "approximation",
                lang,
                share=_percent(endorsement.share, lang),
                barrier=barrier.cfir,
                determinant=named.label(lang),
            )
        result.append(
            Suggestion(
                strategy=strategy.key,
                label=strategy.label(lang),
                why=strategy.why(lang),
                eric=strategy.eric,
                share=endorsement.share,
                level=grade,
                verified=endorsement.verified,
                source=endorsement.source,
                barrier=barrier.cfir,
                reason=reason,
            )
        )
    return result


def hindering_with_determinant(plan: Plan) -> list[ContextFactor]:
    """The plan's hindering factors that are tied to a determinant, in the plan's order."""
    return [f for f in plan.context.factors if f.effect == Effect.hindering and f.determinant is not None]


def mismatched_group(factor: ContextFactor) -> bool:
    """True when the factor's determinant belongs to another of the four groups than the factor."""
    return factor.determinant is not None and determinants()[factor.determinant].group != factor.group


def plan_advice(plan: Plan, lang: str | None = None, limit: int = 3) -> list[FactorAdvice]:
    """Suggestions for every hindering factor tied to a determinant."""
    lang = lang or language()
    advice = []
    for factor in hindering_with_determinant(plan):
        if factor.determinant is None:  # (never: those are left out)
            continue
        definition = determinants()[factor.determinant]
        advice.append(
            FactorAdvice(factor, factor.determinant.label(lang), definition.cfir, suggestions_for(factor, lang, limit))
        )
    return advice


def ranked_for_plan(plan: Plan, lang: str | None = None, limit: int = 5) -> list[RankedStrategy]:
    """Strategies over all barriers of the plan's hindering factors, by summed share (each barrier once)."""
    lang = lang or language()
    found = strategies()
    tied = [f.determinant for f in hindering_with_determinant(plan) if f.determinant is not None]
    barriers = dict.fromkeys(determinants()[determinant].barrier for determinant in tied)
    totals: dict[str, list] = {}
    for key in barriers:
        barrier = found.barrier(key)
        for endorsement in barrier.strategies:
            entry = totals.setdefault(endorsement.strategy, [0.0, [], True])
            entry[0] += endorsement.share
            entry[1].append(barrier.cfir)
            entry[2] = entry[2] and endorsement.verified
    ranked = sorted(totals.items(), key=lambda item: -item[1][0])[:limit]
    return [
        RankedStrategy(
            strategy=key,
            label=found.strategy(key).label(lang),
            share=share,
            barriers=names,
            verified=verified,
            reason=msg("cumulative", lang, share=_percent(share, lang), barriers=", ".join(names)),
        )
        for key, (share, names, verified) in ranked
    ]


def adopt(plan: Plan, factor_id: str, strategy: str, goal_id: str, lang: str | None = None) -> list:
    """The plan's goals with the strategy added as an open action under goal `goal_id`, addressing
    factor `factor_id` (plain data, ready to save as the ``goals`` section)."""
    lang = lang or language()
    label = strategies().strategy(strategy).label(lang)
    goals = []
    for goal in plan.goals:
        if goal.id == goal_id:
            goal = goal.model_copy(update={"actions": [*goal.actions, Action(text=label, factor_id=factor_id)]})
        goals.append(goal.model_dump(mode="json"))
    if not any(goal.id == goal_id for goal in plan.goals):
        raise KeyError(goal_id)
    return goals
