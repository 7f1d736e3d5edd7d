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
    "CFIR": (
        "Consolidated Framework for Implementation Research: een internationaal overzicht van wat het invoeren "
        "van een vernieuwing helpt of hindert, in vijf domeinen (de vernieuwing, de omgeving buiten en binnen de "
        "organisatie, de betrokken mensen en het invoeringsproces).",
        "Consolidated Framework for Implementation Research: an international overview of what helps or hinders "
        "bringing an innovation into use, in five domains (the innovation, the setting outside and inside the "
        "organisation, the people involved and the implementation process).",
    ),
    "ERIC": (
        "Expert Recommendations for Implementing Change: een lijst van 73 manieren (strategieën) om een "
        "vernieuwing in te voeren, samengesteld door experts.",
        "Expert Recommendations for Implementing Change: a list of 73 ways (strategies) to bring an innovation "
        "into use, compiled by experts.",
    ),
    "CFIR-ERIC": (
        "Een hulpmiddel dat bij elk CFIR-begrip de ERIC-strategieën noemt die experts daarvoor het vaakst kozen.",
        "A tool that names, for each CFIR construct, the ERIC strategies experts chose most often for it.",
    ),
    "MIDI": (
        "Meetinstrument voor Determinanten van Innovaties (TNO): een lijst van factoren die bepalen of "
        "zorgverleners een vernieuwing gaan gebruiken.",
        "Measurement Instrument for Determinants of Innovations (TNO): a list of factors that decide whether "
        "care staff will use an innovation.",
    ),
    "SWOT": (
        "Strengths, Weaknesses, Opportunities, Threats: sterke en zwakke punten van de organisatie, en kansen en "
        "bedreigingen van buiten, in vier vakken naast elkaar.",
        "Strengths, Weaknesses, Opportunities, Threats: the organisation's strong and weak points, and the "
        "opportunities and threats from outside, in four boxes side by side.",
    ),
    "VVT": (
        "Verpleging, verzorging en thuiszorg: verpleeghuizen, verzorgingshuizen en wijkverpleging.",
        "Nursing, care and home care: nursing homes, care homes and district nursing.",
    ),
    "ICT": (
        "Informatie- en communicatietechnologie: computers, netwerk en software, en de afdeling die ze beheert.",
        "Information and communication technology: computers, network and software, and the department that runs them.",
    ),
    "MT": (
        "Managementteam: de leidinggevenden die samen de organisatie of een deel ervan leiden.",
        "Management team: the managers who together run the organisation or part of it.",
    ),
    "HR": ("Human resources: de afdeling personeelszaken.", "Human resources: the personnel department."),
    "PG": (
        "Psychogeriatrie: zorg voor mensen met dementie; een PG-afdeling is een afdeling voor hen.",
        "Psychogeriatric care: care for people with dementia; a PG ward is a ward for them.",
    ),
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
    "meldprofiel": (
        "Per cliënt ingesteld wanneer de sensor een melding geeft, bijvoorbeeld als iemand uit bed gaat of niet "
        "terugkomt.",
        "Set per client: when the sensor sends an alert, for instance when someone gets out of bed or does not "
        "come back.",
    ),
    "aandachtsvelder": (
        "Een medewerker die in het team een onderwerp extra volgt, zoals de nachtzorg, en collega's daarbij helpt.",
        "A team member who keeps extra track of one subject, such as night care, and helps colleagues with it.",
    ),
    "borging": (
        "Zorgen dat de nieuwe werkwijze blijft, ook als het project voorbij is.",
        "Making sure the new way of working lasts, also once the project is over.",
    ),
    "determinant": (
        "Een factor die bepaalt of een vernieuwing gebruikt gaat worden, zoals tijd, kennis of steun van "
        "collega's (uit de MIDI-lijst).",
        "A factor that decides whether an innovation will be used, such as time, knowledge or support from "
        "colleagues (from the MIDI list).",
    ),
    "construct": (
        "Een begrip uit een wetenschappelijk model; hier een van de onderdelen van het CFIR.",
        "A concept of a scientific model; here one of the parts of the CFIR.",
    ),
    "uitvoeringsteam": (
        "De mensen op een locatie die de invoering daar regelen en uitvoeren.",
        "The people at a location who organise and carry out the rollout there.",
    ),
    "projectgroep": (
        "De groep die het hele project leidt en de locaties ondersteunt.",
        "The group that leads the whole project and supports the locations.",
    ),
    "zorgkantoor": (
        "Het kantoor dat in een regio de langdurige zorg inkoopt en betaalt.",
        "The office that buys and pays for long-term care in a region.",
    ),
    "indicator": (
        "Wat je meet om te zien of een doel gehaald wordt.",
        "What you measure to see whether a goal is reached.",
    ),
    "mijlpaal": (
        "Een doel dat in één keer af is, zoals een training vóór de start.",
        "A goal that is done once, such as a training before the start.",
    ),
    "afbreukrisico": ("Iets waardoor het project kan mislukken.", "Something that could make the project fail."),
    "kwadrant": (
        "Een van de vier vakken van het schema dat stakeholders naar invloed en belang indeelt.",
        "One of the four boxes of the grid that sorts stakeholders by influence and interest.",
    ),
    "beïnvloedingsstrategie": (
        "Hoe het project iemand betrekt of overtuigt, bijvoorbeeld nauw betrekken, tevreden houden of informeren.",
        "How the project involves or convinces someone, for instance involve closely, keep satisfied or inform.",
    ),
    "spreiding": (
        "Bij de borgingsscan: hoe ver de antwoorden van teamleden uit elkaar liggen. Veel spreiding betekent dat "
        "het team het niet eens is.",
        "In the sustainability scan: how far team members' answers lie apart. A large spread means the team "
        "does not agree.",
    ),
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


def _pattern(term: str) -> re.Pattern[str]:
    """Where `term` occurs: an abbreviation as written and as a whole word ("MT", not "MTB"; "EVV'er" and
    "PG-afdeling" count), another word in any case and also at the start of a longer word
    ("aandachtsvelders", "borgingsscan")."""
    if term.isupper() or "-" in term:
        return re.compile(rf"(?<![\w-]){re.escape(term)}(?![^\W_])")
    return re.compile(rf"(?<![\w-]){re.escape(term)}", flags=re.I)


def used_terms(page: str, lang: str | None = None) -> list[str]:
    """The glossary terms that occur in the visible text of `page` (HTML), in the glossary's order."""
    text = html.unescape(_TAGS.sub(" ", re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)))
    text = " ".join(text.split())
    return [term for term in meanings(lang) if _pattern(term).search(text)]


def glossary(page: str, lang: str) -> Markup:
    """The glossary section for the terms `page` uses, and those their explanations use, in
    alphabetical order; empty when it uses none."""
    known = meanings(lang)
    terms = set(used_terms(page, lang))
    while more := {term for explained in terms for term in used_terms(known[explained], lang)} - terms:
        terms |= more
    if not terms:
        return Markup("")
    entries = [(term, known[term]) for term in sorted(terms, key=str.casefold)]
    return render("glossary.html.j2", msg, lang, entries=entries)
