"""Implementation strategies for hindering factors, from the CFIR-ERIC matching (Waltz et al. 2019).

A hindering context factor tied to a determinant (MIDI) points at the one CFIR construct that
determinant is linked to; the link is exact or an approximation, and says so. The construct's
strategies come in the order of the share of experts who chose them for that construct (level 1:
50% or more, level 2: 20-49%) where a published share is known; strategies without a known share
were chosen for this workbook, come after, and say "geen percentage bekend". Shares are never added
up over constructs: the experts chose per construct, so a sum would be a share of nothing.
The data, each share with its source and whether it is verified, is in
workbook/instruments/determinants.yaml and strategies.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.instruments import determinants, strategies
from workbook.instruments.models import BarrierDefinition, Endorsement
from workbook.language.i18n import Messages, language
from workbook.language.locale import format_count, format_percent
from workbook.model import Action, ContextFactor, Effect, Plan

LEVEL_1, LEVEL_2 = 50.0, 20.0
"""The matching tool's levels: the share of experts (in %) from which a strategy is level 1 or 2."""

msg = Messages(
    {
        "share": (
            "Gekozen door {share} van de experts bij {construct}{level}.",
            "Chosen by {share} of the experts for {construct}{level}.",
        ),
        "no_share": (
            "Geen percentage bekend: gekozen voor dit werkboek bij {construct}.",
            "No percentage known: chosen for this workbook for {construct}.",
        ),
        "level": (" (niveau {level})", " (level {level})"),
        "exact": ("exact", "exact"),
        "approximate": ("≈ benadering", "≈ approximation"),
        "link_approximate": (
            "De determinant {determinant} valt niet precies samen met {construct}; dat construct is de dichtstbijzijnde "
            "benadering.",
            "The determinant {determinant} does not coincide with {construct}; that construct is the nearest "
            "approximation.",
        ),
        "several": ("Bij {count}: {constructs}.", "For {count}: {constructs}."),
        "construct": ("belemmering", "barrier"),
        "constructs": ("belemmeringen", "barriers"),
        "construct_share": ("{share} van de experts bij {construct}", "{share} of the experts for {construct}"),
        "construct_no_share": ("{construct}: geen percentage bekend", "{construct}: no percentage known"),
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
    share: float | None
    """The published share of experts for this construct; None where none is known."""
    level: int | None
    verified: bool
    source: str
    barrier: str
    """The construct's name in the language shown."""
    reason: str
    """Plain words: how many experts chose it for which construct, or that no percentage is known."""


@dataclass(frozen=True)
class FactorAdvice:
    """The strategies suggested for one hindering factor."""

    factor: ContextFactor
    determinant: str
    cfir: str
    """The CFIR construct the determinant is linked to (its name in the language shown)."""
    domain: str
    """The CFIR domain that holds the construct (its name in the language shown)."""
    exact: bool
    """True when the determinant-construct link is exact, False when it is an approximation."""
    mark: str
    """The visible mark of the link: "exact" or "≈ benadering"."""
    link_note: str
    """For an approximation: a sentence saying so; empty for an exact link."""
    suggestions: list[Suggestion]


@dataclass(frozen=True)
class RankedStrategy:
    """A strategy suggested for several of the plan's barriers at once (shares shown per barrier, never summed)."""

    strategy: str
    label: str
    barriers: list[str]
    verified: bool
    """True when every barrier it is counted for has a published share."""
    reason: str


def level(share: float | None) -> int | None:
    """The matching tool's level for a share of experts: 1, 2, or None below 20% (or without a share)."""
    if share is None:
        return None
    if share >= LEVEL_1:
        return 1
    return 2 if share >= LEVEL_2 else None


def _percent(share: float, lang: str) -> str:
    return format_percent(share / 100, lang)


def _ordered(barrier: BarrierDefinition) -> list[Endorsement]:
    """Known shares first, highest first; then those without a share, in the order of the data."""
    known = sorted((e for e in barrier.strategies if e.share is not None), key=lambda e: -(e.share or 0))
    return known + [e for e in barrier.strategies if e.share is None]


def _reason(endorsement: Endorsement, construct: str, lang: str) -> str:
    if endorsement.share is None or not endorsement.verified:
        return msg("no_share", lang, construct=construct)
    grade = level(endorsement.share)
    return msg(
        "share",
        lang,
        share=_percent(endorsement.share, lang),
        construct=construct,
        level=msg("level", lang, level=grade) if grade else "",
    )


def suggestions_for(factor: ContextFactor, lang: str | None = None, limit: int = 3) -> list[Suggestion]:
    """The best `limit` strategies for a factor's determinant: known shares first (none without a determinant)."""
    lang = lang or language()
    if factor.determinant is None:
        return []
    found = strategies()
    barrier = found.barrier(determinants()[factor.determinant].barrier)
    construct = barrier.label(lang)
    result = []
    for endorsement in _ordered(barrier)[:limit]:
        strategy = found.strategy(endorsement.strategy)
        shown = endorsement.share if endorsement.verified else None
        result.append(
            Suggestion(
                strategy=strategy.key,
                label=strategy.label(lang),
                why=strategy.why(lang),
                eric=strategy.eric,
                share=shown,
                level=level(shown),
                verified=endorsement.verified and shown is not None,
                source=endorsement.source,
                barrier=construct,
                reason=_reason(endorsement, construct, lang),
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
        barrier = strategies().barrier(definition.barrier)
        construct = barrier.label(lang)
        named = factor.determinant.label(lang)
        advice.append(
            FactorAdvice(
                factor=factor,
                determinant=named,
                cfir=construct,
                domain=strategies().domain(barrier.domain).label(lang),
                exact=definition.verified,
                mark=msg("exact" if definition.verified else "approximate", lang),
                link_note=""
                if definition.verified
                else msg("link_approximate", lang, determinant=named, construct=construct),
                suggestions=suggestions_for(factor, lang, limit),
            )
        )
    return advice


def ranked_for_plan(plan: Plan, lang: str | None = None, limit: int = 5) -> list[RankedStrategy]:
    """Strategies suggested for more than one of the plan's barriers (each barrier once), most barriers first.

    Each barrier is named with its own share where one is known; shares are not added up.
    """
    lang = lang or language()
    found = strategies()
    tied = [f.determinant for f in hindering_with_determinant(plan) if f.determinant is not None]
    keys = dict.fromkeys(determinants()[determinant].barrier for determinant in tied)
    per_strategy: dict[str, list[tuple[BarrierDefinition, Endorsement]]] = {}
    for key in keys:
        barrier = found.barrier(key)
        for endorsement in barrier.strategies:
            per_strategy.setdefault(endorsement.strategy, []).append((barrier, endorsement))
    several = [(key, pairs) for key, pairs in per_strategy.items() if len(pairs) > 1]
    several.sort(key=lambda item: -len(item[1]))  # stable: ties keep the order of the plan's barriers
    result = []
    for key, pairs in several[:limit]:
        parts = [
            msg("construct_share", lang, construct=b.label(lang), share=_percent(e.share, lang))
            if e.verified and e.share is not None
            else msg("construct_no_share", lang, construct=b.label(lang))
            for b, e in pairs
        ]
        count = format_count(len(pairs), msg("construct", lang), msg("constructs", lang), lang)
        result.append(
            RankedStrategy(
                strategy=key,
                label=found.strategy(key).label(lang),
                barriers=[b.label(lang) for b, _ in pairs],
                verified=all(e.verified and e.share is not None for _, e in pairs),
                reason=msg("several", lang, count=count, constructs="; ".join(parts)),
            )
        )
    return result


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
