"""The plan report's chapter on implementation strategies per hindering factor.

One notebook cell in plan_rapport calls ``strategies_section(report.plan, report.lang)``. For every
hindering factor tied to a determinant it shows the CFIR construct it is linked to (an approximate
link is marked as such) and the best strategies with why and where each figure comes from (no
percentage where none is published), then the strategies that come back for several barriers, each
barrier with its own share: shares are never added up.
"""

from __future__ import annotations

from workbook.analysis.strategies import hindering_with_determinant, plan_advice, ranked_for_plan
from workbook.language.i18n import Messages, language
from workbook.model import Effect, Plan
from workbook.report.html import Fragment
from workbook.report.render import render

msg = Messages(
    {
        "title": ("Strategieën per belemmerende factor", "Strategies per hindering factor"),
        "intro": (
            "Per belemmerende factor het CFIR-construct waar de determinant bij hoort, en de strategieën "
            "(ERIC) voor dat construct uit de CFIR-ERIC matching (Waltz e.a. 2019). Een percentage staat er "
            "alleen bij als een gepubliceerde bron het voor dat construct geeft; anders staat er 'geen "
            "percentage bekend'. Waar de determinant niet precies samenvalt met het construct, staat "
            "'≈ benadering'. Een suggestie, geen voorschrift: kies wat bij de locaties past.",
            "Per hindering factor the CFIR construct its determinant belongs to, and the strategies (ERIC) for "
            "that construct from the CFIR-ERIC matching (Waltz et al. 2019). A percentage is shown only where a "
            "published source gives it for that construct; otherwise it says 'no percentage known'. Where the "
            "determinant does not coincide with the construct, it says '≈ approximation'. A suggestion, not a "
            "rule: choose what fits the locations.",
        ),
        "none": (
            "Geen belemmerende factoren met een determinant: kies in stap 2 bij elke belemmerende factor een "
            "determinant, dan volgen hier suggesties.",
            "No hindering factors with a determinant: choose a determinant for every hindering factor in step 2 "
            "and suggestions follow here.",
        ),
        "untied": (
            "Zonder determinant, dus nog zonder suggestie: {factors}.",
            "Without a determinant, so no suggestion yet: {factors}.",
        ),
        "determinant": (
            "Determinant: {determinant} · CFIR-construct: {cfir} (domein {domain})",
            "Determinant: {determinant} · CFIR construct: {cfir} (domain {domain})",
        ),
        "source": ("Bron: {source}", "Source: {source}"),
        "no_share": ("geen percentage bekend", "no percentage known"),
        "together": ("Strategieën bij meer dan één belemmering", "Strategies for more than one barrier"),
        "together_intro": (
            "Strategieën die bij meerdere belemmeringen van dit plan terugkomen. Het aandeel experts staat per "
            "belemmering; die aandelen tel je niet op, want de experts kozen per belemmering.",
            "Strategies that come back for several barriers of this plan. The share of experts is given per "
            "barrier; those shares do not add up, as the experts chose per barrier.",
        ),
    }
)


def strategies_section(plan: Plan, lang: str | None = None) -> Fragment:
    """The chapter: suggestions per hindering factor with sources, then strategies for several barriers."""
    lang = lang or language()
    advice = plan_advice(plan, lang)
    tied = {f.id for f in hindering_with_determinant(plan)}
    untied = [f.id for f in plan.context.factors if f.effect == Effect.hindering and f.id not in tied]
    ranked = ranked_for_plan(plan, lang)
    view = {
        "advice": advice,
        "untied": ", ".join(untied) if advice else "",
        "ranked": ranked,
    }
    return Fragment(render("strategies.html.j2", msg, lang, **view), title=msg("title", lang))
