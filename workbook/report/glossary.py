"""Plain words for the client council: every term a council report still uses, explained once.

``used_terms`` finds the terms in a report's text; the build adds their explanations at the end of
each client council page (``templates/workbook/fragments/glossary.html.j2``), in alphabetical order.
Besides the fixed terms below, the glossary knows every CFIR construct by the name a page shows
(Dutch on a Dutch page): what it is about, its CFIR domain and, on a Dutch page, its English name,
which appears nowhere else on that page.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from workbook import instruments
from workbook.language.i18n import Messages, language
from workbook.report.render import render

TERMS: dict[str, tuple[str, str]] = {
    "SMART": (
        "Een doel dat Specifiek, Meetbaar, Acceptabel, Realistisch en Tijdgebonden is.",
        "A goal that is Specific, Measurable, Acceptable, Realistic and Time-bound.",
    ),
    "PDCA": (
        "Plan, Do, Check, Act: plannen, doen, nagaan wat het opleverde en bijsturen, steeds opnieuw.",
        "Plan, Do, Check, Act: plan, do, see what it brought and adjust, again and again.",
    ),
    "RE-AIM": (
        "Vijf vragen om een vernieuwing te beoordelen: bereik, effect, hoeveel teams meedoen, hoe goed het "
        "wordt uitgevoerd en of het blijft.",
        "Five questions to judge an innovation: reach, effect, how many teams take part, how well it is "
        "carried out and whether it lasts.",
    ),
    "Wzd": (
        "Wet zorg en dwang: de wet over onvrijwillige zorg voor mensen met dementie of een verstandelijke beperking.",
        "The Dutch act on involuntary care for people with dementia or an intellectual disability.",
    ),
    "MIC": (
        "Melding Incidenten Cliëntenzorg: hoe medewerkers incidenten zoals een val melden.",
        "Incident reporting in client care: how staff report incidents such as a fall.",
    ),
    "MDO": (
        "Multidisciplinair overleg: zorgverleners van verschillende vakken bespreken samen een cliënt.",
        "Multidisciplinary meeting: carers of different disciplines discuss a client together.",
    ),
    "ROM": (
        "Routine Outcome Monitoring: regelmatig meten hoe het met cliënten gaat.",
        "Routine Outcome Monitoring: measuring regularly how clients are doing.",
    ),
    "EPD": ("Elektronisch patiëntendossier: het digitale dossier van een cliënt.", "The client's electronic record."),
    "ECD": ("Elektronisch cliëntdossier: het digitale dossier van een cliënt.", "The client's electronic record."),
    "EVV": (
        "Eerst verantwoordelijk verzorgende: de vaste contactpersoon van een cliënt in het team.",
        "The carer primarily responsible for a client: their regular contact in the team.",
    ),
    "superuser": (
        "Een medewerker die extra is opgeleid en collega's helpt met de nieuwe werkwijze.",
        "A colleague with extra training who helps others with the new way of working.",
    ),
    "borgingsscan": (
        "Een vragenlijst waarmee het team inschat of de nieuwe werkwijze blijft als het project stopt.",
        "A questionnaire with which the team judges whether the new way of working will last.",
    ),
    "nulmeting": ("De meting vóór de start, om later mee te vergelijken.", "The measurement before the start."),
    "streefwaarde": ("De waarde die het project wil bereiken.", "The value the project aims for."),
    "draaiboek": ("De lijst van wat er per locatie wanneer gebeurt.", "The list of what happens when at a location."),
    "stakeholders": (
        "Mensen en groepen die invloed hebben op de vernieuwing of er belang bij hebben.",
        "People and groups with influence on, or a stake in, the innovation.",
    ),
    "inclusie": ("Waarom een cliënt wél in aanmerking komt.", "Why a client does qualify."),
    "exclusie": ("Waarom een cliënt niet in aanmerking komt.", "Why a client does not qualify."),
}

msg = Messages(
    {
        "glossary": ("Woordenlijst", "Glossary"),
        "intro": (
            "Woorden en afkortingen in dit rapport, in gewone taal.",
            "Words and abbreviations in this report, in plain language.",
        ),
        "construct": (
            "{description} Een begrip uit het CFIR, domein {domain}; in het Engels: {english}.",
            "{description} A construct of the CFIR, in the domain {domain}.",
        ),
    }
)

_TAGS = re.compile(r"<[^>]+>")


def meanings(lang: str | None = None) -> dict[str, str]:
    """Every term the glossary can explain, with its meaning in `lang`: the fixed terms, then the CFIR
    constructs under the name the pages show in `lang`."""
    lang = lang or language()
    known = {term: texts[0 if lang == "nl" else 1] for term, texts in TERMS.items()}
    found = instruments.strategies()
    for barrier in found.barriers:
        known[barrier.label(lang)] = msg(
            "construct",
            lang,
            description=barrier.description(lang),
            domain=found.domain(barrier.domain).label(lang),
            english=barrier.cfir,
        )
    return known


def used_terms(page: str, lang: str | None = None) -> list[str]:
    """The glossary terms that occur in the visible text of `page` (HTML), in the glossary's order."""
    text = html.unescape(_TAGS.sub(" ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)))
    text = " ".join(text.split())
    return [
        term
        for term in meanings(lang)
        if re.search(rf"(?<![\w-]){re.escape(term)}", text, flags=0 if term.isupper() or "-" in term else re.I)
    ]


def glossary(page: str, lang: str) -> Markup:
    """The glossary section for the terms `page` uses, in alphabetical order; empty when it uses none."""
    terms = used_terms(page, lang)
    if not terms:
        return Markup("")
    known = meanings(lang)
    entries = [(term, known[term]) for term in sorted(terms, key=str.casefold)]
    return render("glossary.html.j2", msg, lang, entries=entries)
