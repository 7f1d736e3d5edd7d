"""The plan report's chapter on implementation strategies per hindering factor.

One notebook cell in plan_rapport calls ``strategies_section(report.plan, report.lang)``. For every
hindering factor tied to a determinant it shows the best strategies with why and where each
figure comes from (approximations are said to be so), then the strategies that address most
barriers together, ranked by their summed share as the CFIR-ERIC matching tool ranks them.
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
            "Per belemmerende factor de strategieën die implementatie-experts het vaakst kozen voor die "
            "belemmering (ERIC-strategieën, gerangschikt zoals de CFIR-ERIC matching tool). Een suggestie, geen "
            "voorschrift: kies wat bij de locaties past.",
            "Per hindering factor the strategies implementation experts chose most often for that barrier "
            "(ERIC strategies, ranked as the CFIR-ERIC matching tool ranks them). A suggestion, not a rule: "
            "choose what fits the locations.",
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
            "Determinant: {determinant} (CFIR 2.0: {cfir})",
            "Determinant: {determinant} (CFIR 2.0: {cfir})",
        ),
        "source": ("Bron: {source}", "Source: {source}"),
        "approximation": ("benadering", "approximation"),
        "together": ("Samen over alle belemmeringen", "Over all barriers together"),
        "together_intro": (
            "Strategieën die meerdere belemmeringen tegelijk aanpakken, op volgorde van hun opgetelde aandeel.",
            "Strategies that address several barriers at once, in order of their summed share.",
        ),
    }
)


def strategies_section(plan: Plan, lang: str | None = None) -> Fragment:
    """The chapter: suggestions per hindering factor with sources, then the ranking over all barriers."""
    lang = lang or language()
    advice = plan_advice(plan, lang)
    tied = {f.id for f in hindering_with_determinant(plan)}
    untied = [f.id for f in plan.context.factors if f.effect == Effect.hindering and f.id not in tied]
    ranked = ranked_for_plan(plan, lang)
    view = {
        "advice": advice,
        "untied": ", ".join(untied) if advice else "",
        "ranked": ranked if len({b for r in ranked for b in r.barriers}) > 1 else [],
    }
    return Fragment(render("strategies.html.j2", msg, lang, **view), title=msg("title", lang))
