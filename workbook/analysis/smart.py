"""Is a goal SMART? A check per criterion from the goal's text and fields, with a reason.

The check reads a Dutch goal as an implementation expert does (see docs/smart-labelling.md), and
reads each kind of goal (``Goal.kind``) its own way:

- Specific: the goal says what changes, for whom or in what. Either an observable quantity
  changes ("de doorlooptijd van een aanvraag daalt", "minder valincidenten": no team needed), or
  someone does something observable with something concrete ("verzorgenden registreren elke val
  in het EPD"), or a concrete result is there ("het afwegingskader is vastgesteld"); the one who
  acts comes from the text or the goal's owner. An aim in abstract words ("de kwaliteit van leven
  vergroten", "betere zorg", "de communicatie is op orde") is not specific, whatever its grammar,
  unless it also names what is observed. Verbs are recognised in any form through their lemma
  (simplemma's Dutch dictionary: "presenteert", "samengesteld" → presenteren, samenstellen).
- Measurable: a number or percentage tied to what is measured ("60% van de bewoners", "van 14
  naar 8", "halveert", "twee op de drie", "1.500", "12,5"), a target of zero ("geen enkel
  valincident meer", "zonder papieren lijsten"), a frequency ("drie keer per jaar"), or baseline and
  target filled in. "Alle", "elke" and "iedere" count only for an observable act or state of a
  concrete group. Numbers that say *when* ("drie maanden na de livegang", "in 2027") or name
  something ("groep 8") do not count, nor does a duration that is no measure ("een e-learning van
  drie kwartier"). By kind: a *process* goal is also measurable by how often the work is done as
  agreed when it names its moment ("per kwartaal bespreekt het team …", "bij elke intake"); a
  *milestone* is measurable when it is specific: it is there or it is not.
- Acceptable and Realistic come from the user's own answers and stay *unknown* (a question to
  ask) until the user gives them, except where the text itself shows a problem: the goal says it
  goes against those involved ("ondanks de bezwaren van de cliëntenraad", "zonder overleg"), or it
  cannot be reached as written (no fall or error at all, everyone satisfied, all locations over in
  a few weeks while one location takes three to six months).
- Time-bound: a deadline, or the text names a date, month, season, quarter, year, week number,
  a deadline relative to now or to a project moment ("binnen acht weken na de overstap", "drie
  maanden na de livegang", "vóór de start op een locatie", "aan het eind van de pilot") or a
  recurring moment ("ieder kwartaal", "per kwartaal bespreekt …", "wekelijks"). A rate's unit
  ("8 per maand"), a baseline year ("ten opzichte van 2026") and a norm per case ("binnen 24 uur
  na een val") are not deadlines.

Rules rather than a language model: spaCy's Dutch model is not on the package registry (it is
published on GitHub only), and the rules keep the check well under 5 ms per goal (the lemma
dictionary loads once, on the first check). Vague words without a number give a hint. The check is
advice; it never blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import simplemma

from workbook.language.i18n import Messages, language
from workbook.language.locale import format_change, format_date, format_number, unit_form
from workbook.model import Goal, GoalKind
from workbook.model.fields import Choice


class Outcome(Choice):
    met = "met", "Voldoet", "Met"
    not_met = "not_met", "Voldoet niet", "Not met"
    unknown = "unknown", "Onbekend", "Unknown"


CRITERIA = ("S", "M", "A", "R", "T")

msg = Messages(
    {
        "S_quantity": (
            "Het doel zegt wat er verandert: {what}.",
            "The goal says what changes: {what}.",
        ),
        "S_counted": (
            "Het doel zegt wat er verandert en bij wie: {what}.",
            "The goal says what changes, and for whom: {what}.",
        ),
        "S_ok": ("Het doel zegt wie wat doet: {who} … {what}.", "The goal says who does what: {who} … {what}."),
        "S_owner": (
            "Het doel zegt wat er gebeurt ({what}); {owner} is eigenaar.",
            "The goal says what happens ({what}); {owner} is the owner.",
        ),
        "S_result": ("Het doel zegt wat er klaar is: {what}.", "The goal says what is done: {what}."),
        "S_vague": (
            "'{word}' is een streven, geen waarneembare verandering: zeg wat er concreet anders gaat, "
            "bij wie (bijvoorbeeld {example}).",
            "'{word}' is an aim, not an observable change: say what concretely changes, for whom "
            "(for example {example}).",
        ),
        "S_no_action": (
            "Welke verandering bedoel je? Noem wat er gedaan wordt, wat er klaar is of welk aantal verandert "
            "(bijvoorbeeld {example}).",
            "Which change do you mean? Say what is done, what is finished or which number changes "
            "(for example {example}).",
        ),
        "S_no_object": (
            "Wat wordt er gemeten? Bij '{measure}' staat niet waarvan: noem wat verandert en bij wie.",
            "What is measured? '{measure}' does not say of what: name what changes and for whom.",
        ),
        "S_no_actor": (
            "Wie doet het? Noem wie (team, medewerkers, cliënten) of vul een eigenaar in.",
            "Who does it? Name who (team, staff, clients) or fill in an owner.",
        ),
        "S_empty": ("Het doel is nog leeg.", "The goal is still empty."),
        "M_text": ("Het doel noemt hoeveel: {measure}.", "The goal says how much: {measure}."),
        "M_all": (
            "'{measure}' is meetbaar als aandeel: streef naar 100%.",
            "'{measure}' is measurable as a share: aim for 100%.",
        ),
        "M_fields": (
            "Er is een streefwaarde ingevuld ({target}).",
            "A target value is filled in ({target}).",
        ),
        "M_fields_baseline": (
            "Nulmeting en streefwaarde zijn ingevuld ({change}).",
            "Baseline and target are filled in ({change}).",
        ),
        "M_all_vague": (
            "'{word}' is alleen meetbaar met iets wat je kunt waarnemen of tellen: noem een aantal, percentage, "
            "of vul nulmeting en streefwaarde in.",
            "'{word}' is only measurable with something you can observe or count: give a number or percentage, "
            "or fill in baseline and target.",
        ),
        "M_zero": (
            "Het doel noemt een streefwaarde van nul: {measure}.",
            "The goal names a target of zero: {measure}.",
        ),
        "M_adherence": (
            "Een procesdoel met een vast moment ({when}) is meetbaar: hoe vaak gebeurde het zoals afgesproken?",
            "A process goal with a set moment ({when}) is measurable: how often was it done as agreed?",
        ),
        "M_milestone": (
            "Een mijlpaal is meetbaar: je kunt nagaan of hij klaar is ({what}).",
            "A milestone is measurable: you can check whether it is done ({what}).",
        ),
        "M_direction": (
            "Je noemt al welke kant het op moet ('{word}'); zeg nu hoeveel: van hoeveel naar hoeveel, "
            "of vul nulmeting en streefwaarde in.",
            "You already say which way it should go ('{word}'); now say how much: from how much to how much, "
            "or fill in baseline and target.",
        ),
        "M_missing": (
            "Hoeveel precies? Noem een getal of percentage, of vul nulmeting en streefwaarde in.",
            "How much exactly? Give a number or percentage, or fill in baseline and target.",
        ),
        "A_yes": ("Je gaf aan dat er draagvlak is.", "You said there is support."),
        "A_no": (
            "Je gaf aan dat er (nog) geen draagvlak is: wie moet je nog meekrijgen?",
            "You said there is no support (yet): whom do you still need on board?",
        ),
        "A_flag": (
            "'{phrase}': het doel zegt zelf dat niet iedereen erachter staat. Wie moet je nog meekrijgen, en hoe?",
            "'{phrase}': the goal itself says not everyone supports it. Whom do you still need on board, and how?",
        ),
        "A_flag_hint": (
            "Je gaf aan dat er draagvlak is, maar het doel zegt '{phrase}': klopt dat nog?",
            "You said there is support, but the goal says '{phrase}': is that still right?",
        ),
        "A_ask": (
            "Vraag: staan de betrokkenen achter dit doel?",
            "Question: do the people involved support this goal?",
        ),
        "R_yes": (
            "Je gaf aan dat het doel haalbaar en uitdagend is.",
            "You said the goal is achievable and challenging.",
        ),
        "R_no": (
            "Je gaf aan dat het doel niet haalbaar is: stel het bij of geef meer tijd of middelen.",
            "You said the goal is not achievable: adjust it or allow more time or means.",
        ),
        "R_zero": (
            "'{phrase}': nul is hier zelden haalbaar. Kies een streefwaarde die een team kan halen, bijvoorbeeld "
            "een daling ten opzichte van de nulmeting.",
            "'{phrase}': zero is rarely achievable here. Choose a target a team can reach, for example a drop "
            "from the baseline.",
        ),
        "R_everyone": (
            "'{phrase}': dat iedereen tevreden is, haalt vrijwel geen team. Kies een aandeel, bijvoorbeeld 80%.",
            "'{phrase}': hardly any team gets everyone satisfied. Choose a share, for example 80%.",
        ),
        "R_fast": (
            "'{deadline}' is erg kort voor '{scope}': een locatie of team heeft meestal drie tot zes maanden nodig.",
            "'{deadline}' is very short for '{scope}': a location or team usually needs three to six months.",
        ),
        "R_flag_hint": (
            "Je gaf aan dat het doel haalbaar is; let op: {reason}",
            "You said the goal is achievable; note: {reason}",
        ),
        "R_ask": (
            "Vraag: is dit doel haalbaar met de tijd en mensen die er zijn, en toch uitdagend?",
            "Question: is this goal achievable with the time and people available, and still challenging?",
        ),
        "T_deadline": ("De deadline is {deadline}.", "The deadline is {deadline}."),
        "T_text": ("Het doel noemt een termijn: {when}.", "The goal names a time: {when}."),
        "before_start": ("vóór de start van elke locatie", "before each location's start"),
        "after_start": ("{months} maanden na de start van elke locatie", "{months} months after each location's start"),
        "T_recurring": ("Het doel noemt een vast moment: {when}.", "The goal names a recurring moment: {when}."),
        "T_norm": (
            "'{norm}' is een norm per keer, geen termijn voor het doel: wanneer moet het bereikt zijn?",
            "'{norm}' is a norm per case, not a deadline for the goal: by when must it be reached?",
        ),
        "T_missing": (
            "Wanneer moet het bereikt zijn? Noem een datum, maand, kwartaal of jaar, of vul een deadline in.",
            "By when must it be reached? Give a date, month, quarter or year, or fill in a deadline.",
        ),
        "vague": (
            "'{word}' zonder getal is vaag: noem hoeveel, en waaraan je het ziet.",
            "'{word}' without a number is vague: say how much, and how you will see it.",
        ),
        "which_kind": (
            "Is dit een mijlpaal of een procesdoel? Kies de soort doel: een mijlpaal is meetbaar als klaar of "
            "niet klaar, een procesdoel aan hoe vaak het gebeurt zoals afgesproken.",
            "Is this a milestone or a process goal? Choose the kind of goal: a milestone is measurable as done or "
            "not done, a process goal by how often it is done as agreed.",
        ),
        "no_baseline": (
            "Er is een streefwaarde maar nog geen nulmeting: meet eerst waar je nu staat.",
            "There is a target but no baseline yet: measure where you stand now first.",
        ),
    }
)


def _words(*alternatives: str) -> str:
    return "|".join(alternatives)


MONTHS = _words(
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
    "january|february|march|june|july|august|october",
    r"jan\.|feb\.|mrt\.?|apr\.|jun\.|jul\.|aug\.|sept?\.|okt\.|nov\.|dec\.",
)
NUMBER_WORDS = _words(
    "één|een paar|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
    "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|anderhalf|anderhalve|"
    "driekwart|tweederde|nul|"
    "one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred"
)
UNITS = (
    "dagen|dag|werkdagen|werkdag|weken|week|maanden|maand|jaar|jaren|kwartaal|kwartalen|halfjaar|"
    "days|weeks|months|years"
)
PERIOD = _words(
    "dag|nacht|ochtend|avond|week|maand|kwartaal|half jaar|halfjaar|jaar|schooljaar|periode|dienst|"
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|day|night|week|month|quarter|year|shift"
)
# Events that happen per client or per case: "binnen twee weken na aanmelding" is a norm, not a deadline.
PER_CASE = _words(
    "een|elke|iedere|ieder|opname|ontslag|aanmelding|verwijzing|intake|melding|val|bezoek|incident|afloop|"
    "a|an|each|every|admission|discharge|referral"
)
# One-off moments of the project or a location's rollout: a deadline can be relative to them.
MOMENTS = _words(
    # "de start van de thuismonitoring" is each client's own start: a norm per case, not a project moment
    "start(?!\\s+van\\s+(?:de|het)\\s+(?!(?:pilot|proef|project|locatie|eerste|tweede|volgende|uitrol|"
    "implementatie)\\b)[^\\W\\d])|livegang|go-live|ingebruikname|kick-?off|overstap|verhuizing|invoering|uitrol|afronding|oplevering",
    "eerste\\s+locatie|tweede\\s+locatie|volgende\\s+locatie|tweede\\s+golf|eerste\\s+golf",
)
# Periods of the project: "tijdens de pilot", "aan het eind van het project".
PROJECT_PERIODS = _words("pilot|proef|proefperiode|project|implementatie|pilotfase|uitrol")
AMOUNT = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS}|een|an?|half|halve)"
SEASONS = _words(
    "voorjaar|najaar|zomer|winter|lente|herfst|zomervakantie|herfstvakantie|kerstvakantie|voorjaarsvakantie|"
    "meivakantie|kerst|kerstmis|pasen|jaarwisseling|spring|summer|autumn|winter|christmas|easter"
)
YEAR = r"(?:19|20)\d{2}"

# Spans that only say *when*; their numbers do not make a goal measurable.
DEADLINE_PATTERNS = [
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2027-03-31
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",  # 1-3-2027, 01/03/27
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTHS})(?:\s+(?:van\s+)?{YEAR})?(?![\w-])",  # 1 maart 2027, maart
    rf"\b{YEAR}(?:\s*[-/]\s*{YEAR})?\b",  # 2027, schooljaar 2026-2027
    r"\b(?:q[1-4]|[1-4]e\s+kwartaal|(?:eerste|tweede|derde|vierde|laatste|dit|volgend|komend)e?\s+kwartaal)\b",
    r"\b(?:eerste|tweede)\s+(?:helft|halfjaar)\b",
    rf"\b(?:binnen|within|over|in|na|after)\s+{AMOUNT}\s+(?:{UNITS})\b(?!\s+(?:na|after)\s+(?:{PER_CASE})\b)",
    r"\b(?:binnen|within|over|in|na|after)\s+(?:een\s+)?(?:half\s+jaar|halfjaar|anderhalf\s+jaar|jaar)\b",
    # "drie maanden na de livegang", "een half jaar na de start", "zes weken na ingebruikname"
    rf"\b(?:{AMOUNT}\s+)?(?:{UNITS}|half\s+jaar)\s+(?:na|voor|vóór|after|before)\s+(?:de\s+|het\s+)?(?:{MOMENTS})\b",
    # "vóór de start op een locatie", "vanaf de livegang", "in de week voor de livegang"
    rf"\b(?<!betrokken\s)(?:vóór|voor|na|vanaf|bij|sinds|(?:in|op)\s+de\s+(?:week|dag|maand)\s+(?:voor|vóór|van|na))\s+"
    rf"(?:de\s+|het\s+)?(?:{MOMENTS})\b",
    rf"\b(?:tijdens|gedurende|na\s+afloop\s+van|aan\s+het\s+(?:eind|einde|begin|slot)\s+van|bij\s+de\s+afronding\s+van)"
    rf"\s+(?:de\s+|het\s+)?(?:{PROJECT_PERIODS})\b",
    r"\b(?:volgende|komende|deze)\s+(?:week|maand)\b",
    r"\bweek\s+\d{1,2}\b",
    r"\bperiode\s+\d\b",
    rf"\b(?:de\s+)?(?:{SEASONS})\b",
    r"\b(?:dit|volgend|komend|komende|het\s+komende|het\s+nieuwe|eind\s+volgend|einde?\s+van\s+het)\s+(?:school)?jaar\b",
    r"\b(?:this|next)\s+(?:school\s+)?year\b",
    r"\b(?:met\s+ingang\s+van|tussen\s+nu\s+en)\b",
    r"\b(?:eind|einde|begin|medio|end\s+of|start\s+of)\s+(?:van\s+)?(?:het\s+)?(?:jaar|schooljaar|year)\b",
]
# Recurring moments: they bind a goal in time, and "drie keer per jaar" also says how often.
RECURRING_PATTERNS = [
    rf"\b(?:ieder|iedere|elk|elke|every|each)\s+(?:{AMOUNT}\s+)?(?:{PERIOD}|weken|maanden|jaren|weeks|months|years)\b",
    rf"\b{AMOUNT}\s+(?:keer|maal|times?)\s+(?:per|a|in\s+het|in\s+de)\s+(?:{PERIOD})\b",
    r"\b(?:dagelijks|wekelijks|tweewekelijks|maandelijks|jaarlijks|halfjaarlijks|daily|weekly|monthly|yearly|annually)\b",
    # "Per kwartaal bespreekt het team …": at the start of a sentence or clause, not a rate's unit
    rf"(?:^|[,;:]\s*)(?:per)\s+(?:{PERIOD})\b",
]
# A moment per case at which a process goal's work is done: adherence can be counted per case.
EVENT_RE = re.compile(
    r"\b(?:hun|zijn|haar)\s+eerste\s+(?:dienst|nacht|dag|werkdag|week|bezoek)\b"
    r"|\bbij\s+(?:de|het)\s+(?:intake|overdracht|opname|ontslag|bezoek|wondcontrole|evaluatie|aanmelding)\b",
    re.IGNORECASE,
)
# A duration per case ("binnen 24 uur na een val"): measurable, but no deadline for the goal.
NORM_RE = re.compile(
    rf"\b(?:binnen|within)\s+{AMOUNT}\s+(?:uur|uren|hours?|dagen|dag|werkdagen|werkdag|days?)\b"
    r"(?!\s+(?:na|after)\s+(?:de|het|the)\b)"
    r"(?:\s+(?:na|after)\s+\w+)?"
    rf"|\b(?:binnen|within)\s+{AMOUNT}\s+(?:weken|week|weeks?|maanden|maand|months?)\s+(?:na|after)\s+(?:{PER_CASE})\b(?:\s+\w+)?",
    re.IGNORECASE,
)
BASELINE_RE = re.compile(
    rf"\b(?:ten\s+opzichte\s+van|vergeleken\s+met|dan\s+in|dan\s+bij|dan)\s+(?:de\s+nulmeting|de\s+start|het\s+begin|"
    rf"{YEAR}|vorig\s+jaar)\b",
    re.I,
)
FREQUENCY_RE = re.compile(RECURRING_PATTERNS[1], re.IGNORECASE)
DEADLINE_RE = re.compile("|".join(f"(?:{p})" for p in DEADLINE_PATTERNS), re.IGNORECASE)
RECURRING_RE = re.compile("|".join(f"(?:{p})" for p in RECURRING_PATTERNS), re.IGNORECASE)
# A duration that is not the goal's measure ("een e-learning van drie kwartier"); it is one when a
# comparison stands before it ("hooguit vier weken") or after it ("12,5 minuut minder").
DURATION_RE = re.compile(
    rf"\b(?P<before>(?:hooguit|maximaal|minimaal|minstens|ten\s+hoogste|korter\s+dan|langer\s+dan|minder\s+dan|"
    rf"meer\s+dan|tot|naar|van|met|binnen|gemiddeld)\s+)?{AMOUNT}\s+(?:kwartier|minuten|minuut|uur|uren|{UNITS})\b"
    r"(?P<after>\s+(?:minder|meer|korter|langer|sneller|per)\b)?",
    re.IGNORECASE,
)
# Numbers that name something rather than count it: "groep 8", "categorie 2", "OQ-45".
LABEL_NUMBER_RE = re.compile(
    r"\b(?:groep|leerjaar|woning|categorie|niveau|fase|stap|klas|team|locatie|afdeling)\s+\d+\b|\b\w+-\d+\b",
    re.IGNORECASE,
)
MEASURE_RE = re.compile(
    rf"\b\d+(?:[.,]\d+)*\s*(?:%|procent|percent)?(?:\s+(?:op|van)\s+de\s+\d+)?"
    rf"|\b(?:{NUMBER_WORDS})\b(?:\s+(?:op|van)\s+de\s+(?:{NUMBER_WORDS}))?"
    r"|\b(?:de\s+)?helft\b|\been\s+(?:derde|kwart)\b|\bhalveert\w*|\bgehalveerd\b|\bhalveren\b|\bverdubbel\w*"
    r"|\bhalf\b|\bhalve\b",
    re.IGNORECASE,
)
# A target of zero: "geen enkel valincident meer", "nooit meer", "geen vaste rondes meer", "zonder papier".
ZERO_RE = re.compile(
    r"\bgeen\s+enkel(?:e)?\b(?:\s+\w+){0,3}|\bnooit\s+meer\b|\bhelemaal\s+verdwenen\b"
    r"|\bgeen\s+(?:\w+\s+){0,3}meer\b|\bzonder\s+(?:\w+\s+)?\w+",
    re.IGNORECASE,
)
# Baseline to target in the text: "van 21 naar 10", "van 7% naar 3%", "van 1.500 naar 1.200".
RANGE_RE = re.compile(
    rf"\bvan\s+(?:\d+(?:[.,]\d+)*|{NUMBER_WORDS})\s*%?\s+(?:naar|tot)\s+(?:\d+(?:[.,]\d+)*|{NUMBER_WORDS})\s*%?"
    r"|\bfrom\s+\d+(?:[.,]\d+)?\s*%?\s+to\s+\d+(?:[.,]\d+)?\s*%?",
    re.IGNORECASE,
)
# A count of something: "200 steunkousen", "90% van de rapportages", "6 van de 8 wijkteams".
COUNTED_RE = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)*|{NUMBER_WORDS})\s*(?:%|procent)?\s+(?:(?:van|op)\s+de\s+(?:\d+\s+)?)?"
    r"(?!(?:keer|maal|beter|meer|minder|hoger|lager|punten|procent|naar|per|of|tot|en)\b)"
    r"((?:[^\W\d]+e\s+){0,2}[^\W\d]{4,})",
    re.IGNORECASE,
)
ALL_RE = re.compile(
    r"\b(?:alle|elke|elk|iedere|ieder|every|all|each)\s+(?:(?:nieuwe|andere|eigen|new|other)\s+)?[^\W\d]{3,}"
    r"|\b(?:iedereen|everyone)\b",
    re.IGNORECASE,
)
# Words that name an aim, not something you can observe.
ABSTRACT_RE = re.compile(
    r"\b(?:kwaliteit(?:\s+van\s+(?:leven|bestaan|zorg))?|tevredenheid|cliënttevredenheid|samenwerking|samenwerken|"
    r"eigen\s+regie|regie|eigen\s+kracht|cultuur|draagvlak|bewust|bewustwording|plezier|werkplezier|welbevinden|"
    r"welzijn|zingeving|aandacht|rust|balans|visie|innovatiever|innovatief|toekomstbestendig|lerende|leeromgeving|"
    r"schoolklimaat|woonomgeving|positie|thuis\s+voelen|voelen|voelt|gezien|fijn|fijne|goed\s+ontvangen|"
    r"goed\s+ingebed|goed\s+afgerond|goed\s+geregeld|ingebed|geborgd|borgen|"
    r"herstelgericht|toegankelijker|tevreden|vaardiger|aansluiten|meedoen|zo\s+lang\s+mogelijk|"
    r"persoonlijker|belast|vertrouwen|open\s+voor|klaar\s+voor|meenemen|leuk|leuker|digitaler|slimmer|betrokken|op\s+de\s+hoogte|op\s+orde|basis\s+gelegd|"
    r"duidelijkheid|de\s+dingen|weten\s+we|denkt\s+(?:\w+\s+)?na|nadenken|"
    r"quality|satisfaction|collaboration|culture|wellbeing|awareness)\b"
    r"|\bwerk\w*\s+(?:\w+\s+){0,2}samen\b"
    r"|\bervar(?:en|t)\s+(?:minder|meer|weinig|geen|minstens|een|de|het|hun|zich)\b"
    r"|\b(?:beter|goed)\s+[^\W\d]+(?:d|t)\b"
    r"|\b(?:meer|minder|betere?|goede?)\s+(?:tijd|zorg|aandacht|rust|regie|ruimte|contact|overzicht|samenhang)\b",
    re.IGNORECASE,
)
VAGUE_RE = re.compile(
    r"\b(?:beter|betere|meer|minder|verbeteren|verbetering|verhogen|verlagen|vergroten|vergroot|verkleinen|"
    r"verminderen|optimaliseren|sneller|vaker|goed|goede|effectiever|efficiënter|stimuleren|versterken|"
    r"bevorderen|zoveel mogelijk|zo vaak mogelijk|voldoende|better|more|less|improve|improving|increase|"
    r"optimi[sz]e|faster)\b",
    re.IGNORECASE,
)
# Which way a quantity should go, said without how much: "minder valincidenten", "wordt korter".
DIRECTION_RE = re.compile(
    r"\b(?:minder|meer|lager|hoger|korter|langer|sneller|vaker|daalt|dalen|gedaald|stijgt|stijgen|gestegen|"
    r"neemt\s+(?:\w+\s+)?(?:af|toe)|afgebouwd|afbouwen|omlaag|omhoog|verminderen|verminderd|verhogen|verlagen|"
    r"fewer|less|more|lower|higher|shorter|drops?|rises?)\b",
    re.IGNORECASE,
)
# An observable quantity that can change; a goal about it needs no actor.
QUANTITY_RE = re.compile(
    r"\b(?:aantal|percentage|aandeel|doorlooptijd|wachttijd|\w*tijd|wachtlijst|verzuim|ziekteverzuim|verloop|"
    r"\w*gebruik|score|nps|\w*incident\w*|\w*fouten|\w*fout|separaties|fixaties|heropnames|opnames|"
    r"no-shows|dwangtoepassing|inzet|reistijd\w*|rondes|controlerondes|alarmeringen|meldingen|uren|minuten|kosten|"
    r"kilometers|klachten|decubitus|doorligwond\w*|ondervoeding|rapportcijfer|"
    r"number|rate|share|waiting\s+time|falls|incidents|errors)\b",
    re.IGNORECASE,
)
# A comparative on something countable: "minder cliënten", "minder vaak", "klagen minder vaak".
COMPARED_RE = re.compile(
    r"\b(?:minder|meer|fewer|more)\s+(?!(?:tijd|zorg|aandacht|rust|regie|ruimte|contact|overzicht|samenhang)\b)"
    r"(vaak|[^\W\d]{4,})",
    re.IGNORECASE,
)
# What a count is of: "het aantal vaste controlerondes", "de wachttijd voor een intake".
QUANTITY_OF_RE = re.compile(
    r"\b(?:aantal|percentage|aandeel|gebruik|number|share|rate)\s+(?:(?:van|aan|of)\s+)?"
    r"(?:(?!(?:daalt|dalen|stijgt|stijgen|is|zijn|wordt|van|naar|op|bij|in|met|per|dat|die|tot|ligt)\b)[^\W\d]+\s*){1,3}",
    re.IGNORECASE,
)
# Verbs of an observable act or state in forms the lemma dictionary does not give as verbs
# (plurals and infinitives: "registreren", "gebruiken"); other forms are found by their lemma.
ACTION_RE = re.compile(
    r"\b(?:gebruik\w*|registr\w*|meet|meten|gemeten|train\w*|getraind|geschoold|bespre\w*|besproken|ontvang\w*|"
    r"krijg\w*|krijgt|toepas\w*|toegepast|afgerond|afronden|rondt|evalue\w*|geëvalueerd|rapporte\w*|signale\w*|"
    r"informe\w*|begeleid\w*|invul\w*|ingevuld|vult|vullen|inzet|ingezet|zet|zetten|invoer\w*|ingevoerd|"
    r"aanbied\w*|aangeboden|biedt|bieden|bijhoud\w*|bijgehouden|uitgevoerd|voert|voeren|overgestapt|overstap\w*|"
    r"werkt|werken|volgt|volgen|gevolgd|heeft|hebben|neemt|nemen|stelt|stellen|opgesteld|geeft|geven|levert|"
    r"maakt|maken|start|starten|gestart|houdt|houden|belt|bellen|meldt|melden|plant|plannen|gepland|"
    r"observeert|scoren|scoort|oefenen|oefent|eten|eet|slapen|slaapt|lezen|leest|kiezen|kiest|beoordelen|beoordeelt|"
    r"stroomt|stromen|draagt|dragen|reageert|reageren|spreken|spreekt|sluiten|sluit|gaat|gaan|vastgelegd|"
    r"ondertekend|getekend|doet|doen|regelt|regelen|stemt|stemmen|besteden|besteedt|haalt|halen|gehaald|kunnen|terugvinden|"
    r"gedaald|daalt|dalen|gestegen|stijgt|stijgen|halveert|gehalveerd|verminderd|teruggebracht|staat|staan|komt|komen|"
    r"controleren|vergelijken|presenteren|organiseren|drinken|wonen|vallen|valt|klagen|rijden|"
    r"use|uses|used|record\w*|receive\w*|complete\w*|has|have|gets?|follows?|train\w*|drops?|rises?)\b",
    re.IGNORECASE,
)
ACTOR_RE = re.compile(
    r"\b(?:\w*team\w*|\w*medewerker\w*|\w*verpleegkundig\w*|verzorgende\w*|zorgverlener\w*|cli[eë]nt\w*|bewoner\w*|"
    r"patiënt\w*|patient\w*|\w*arts\w*|behandelaar\w*|therapeut\w*|locatie\w*|afdeling\w*|\w*manager\w*|"
    r"leidinggevende\w*|coördinator\w*|projectgroep\w*|werkgroep\w*|mantelzorger\w*|naasten|verwanten|"
    r"begeleider\w*|casemanager\w*|docent\w*|mentor\w*|leerling\w*|student\w*|\w*opleider\w*|planner\w*|"
    r"ervaringsdeskundige\w*|gedragsdeskundige\w*|fysiotherapeut\w*|\w*commissie\w*|\w*dienst\w*|"
    r"\w*leider\w*|\w*functionaris\w*|\w*adviseur\w*|\w*velder\w*|bestuurder\w*|directie|leverancier\w*|"
    r"superuser\w*|evv'?er\w*|mdo|invalkracht\w*|\w*krachten|dagbesteding|iedereen|familie|"
    r"ouders|woning\w*|klassen|zij-instromers|eerstejaars|wij|we|staff|nurses?|carers?|residents?|"
    r"clients?|patients?|teams?)\b",
    re.IGNORECASE,
)
# Concrete results a milestone delivers; with a verb they make a goal specific without an actor.
RESULT_RE = re.compile(
    r"\b(?:jaarplan\w*|werkinstructie\w*|beleid|draaiboek\w*|inwerkprogramma\w*|afwegingskader\w*|protocol\w*|"
    r"superuser\w*|uitvoeringsteam\w*|begroting\w*|afspraken|contract\w*|nieuwsbrief\w*|e-learning\w*|"
    r"informatieavond\w*|advies|besluit|criteria|nulmeting\w*|zorgplan\w*|procedure\w*|scholing\w*|training\w*|"
    r"\w+plan|\w*rapportage\w*|\w*kader|\w*instructie\w*)\b",
    re.IGNORECASE,
)
# Auxiliaries and modals: no act of their own.
AUXILIARIES = frozenset(
    {"zijn", "worden", "moeten", "willen", "kunnen", "zullen", "mogen", "gaan", "hebben", "blijven"}
)
# Known words ending in -en that are not verbs: "tevreden", "samen", "examen".
NOT_VERBS = frozenset(
    {
        "tevreden",
        "samen",
        "binnen",
        "buiten",
        "boven",
        "beneden",
        "open",
        "even",
        "tegen",
        "tussen",
        "morgen",
        "examen",
        "keuken",
        "teken",
        "regen",
        "deken",
        "volgen",
        "wegen",
        "ouderen",
        "naasten",
    }
)
TOKEN_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The text itself says the goal goes against those involved.
AGAINST_RE = re.compile(
    r"\bondanks\s+(?:de\s+|het\s+)?(?:\w+\s+){0,2}?(?:weerstand|bezwaar|bezwaren|kritiek|protest\w*)(?:\s+\w+){0,4}"
    r"|\book\s+al\s+(?:\w+\s+){0,4}?(?:bezwaar|tegen|niet\s+klaar|niet\s+wil\w*)(?:\s+\w+){0,3}"
    r"|\bof\s+ze\s+(?:het\s+)?willen\s+of\s+niet\b"
    r"|\b(?:wordt|worden|zijn|is)\s+verplicht\b|\bverplicht\s+(?:alle|iedereen|medewerkers|teams)\b"
    r"|\bzonder\s+overleg(?:\s+met\s+(?:de\s+|het\s+)?\w+)?|\bopgelegd\b|\btegen\s+de\s+zin\b"
    r"|\bleg(?:t|gen)\s+(?:\w+\s+){1,5}op(?=\s*[,.;]|\s*$)",
    re.IGNORECASE,
)
ZERO_MARK_RE = re.compile(
    r"\bgeen\s+enkel(?:e)?\b|\bnooit\s+meer\b|\bnul\b|(?<![\d.,])\b0\b(?![.,]\d)|\bhelemaal\s+verdwenen\b",
    re.IGNORECASE,
)
ADVERSE_RE = re.compile(
    r"\b(?:val\w*|vallen|valt|\w*incident\w*|\w*fout\w*|doorligwond\w*|decubitus|\w*verzuim|klacht\w*|"
    r"agressie\w*|heropname\w*|separatie\w*|fixatie\w*|uit\s+bed)\b",
    re.IGNORECASE,
)
EVERYONE_SATISFIED_RE = re.compile(
    r"(?:\b100\s*%|\b(?:honderd\s+procent|alle|iedereen|elke|iedere)\b)[^.]{0,40}?\btevreden\b", re.IGNORECASE
)
SHORT_SPAN_RE = re.compile(
    r"\b(?:volgende|komende|deze)\s+week\b|\b(?:binnen|over|in)\s+(?:een|één|1|twee|2|drie|3|vier|4)\s+weken?\b"
    r"|\b(?:binnen|over|in)\s+(?:een|één|1)\s+maand\b",
    re.IGNORECASE,
)
WIDE_SCOPE_RE = re.compile(
    rf"\balle\s+(?:(?:\d+(?:\.\d+)?|{NUMBER_WORDS})\s+)?\w*(?:locaties|teams|afdelingen|medewerkers|woningen)\b",
    re.IGNORECASE,
)
# Examples for a reason, each with the words that would make it echo what the user wrote already.
EXAMPLES = {
    "nl": [
        ("'het aantal valincidenten daalt van 12 naar 8'", ("valincident", "vallen", "valt")),
        ("'verzorgenden registreren elke melding in het EPD'", ("registr", "verzorgende")),
        ("'de wachttijd voor een intake is hooguit vier weken'", ("wachttijd", "intake")),
        ("'het afwegingskader is vastgesteld'", ("afwegingskader",)),
    ],
    "en": [
        ("'the number of falls drops from 12 to 8'", ("fall",)),
        ("'carers record every alarm in the client record'", ("record", "carer")),
        ("'the waiting time for an intake is at most four weeks'", ("waiting", "intake")),
        ("'the decision framework is adopted'", ("framework",)),
    ],
}


@dataclass(frozen=True)
class CriterionVerdict:
    criterion: str
    """One of S, M, A, R, T."""
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class SmartVerdict:
    goal_id: str
    criteria: dict[str, CriterionVerdict]
    hints: list[str] = field(default_factory=list)

    def __getitem__(self, criterion: str) -> CriterionVerdict:
        return self.criteria[criterion]

    @property
    def smart(self) -> bool:
        """True when every criterion is met."""
        return all(v.outcome == Outcome.met for v in self.criteria.values())

    @property
    def questions(self) -> list[CriterionVerdict]:
        """Criteria only the user can answer (still unknown)."""
        return [v for v in self.criteria.values() if v.outcome == Outcome.unknown]


@cache
def _lemma_of(token: str) -> str:
    return str(simplemma.lemmatize(token, lang="nl"))


@cache
def _known(token: str) -> bool:
    return bool(simplemma.is_known(token, lang="nl"))


def verb_in(text: str) -> str:
    """The first word of `text` that is a verb of an act or state, by its lemma ("presenteert" →
    presenteren, "samengesteld" → samenstellen) or, for plurals and infinitives, by the list; ''."""
    listed = ACTION_RE.search(text)
    for match in TOKEN_RE.finditer(text):
        token = match.group()
        if listed and listed.start() <= match.start():
            return listed.group()
        word = token.lower()
        lemma = _lemma_of(word).replace("_", "")
        # a form of a verb ("presenteert"), or a plural or infinitive the dictionary knows as itself
        verb_like = lemma.endswith("en") and lemma not in AUXILIARIES and lemma not in NOT_VERBS and len(token) > 2
        if verb_like and (lemma != word or _known(word)):
            return token
    return listed.group() if listed else ""


@dataclass(frozen=True)
class Reading:
    """What the rules found in a goal's text, read once for all criteria."""

    text: str
    deadline: str
    recurring: str
    norm: str
    measure: str
    zero: str
    every: str
    abstract: str
    quantity: str
    direction: str
    action: str
    actor: str
    result: str

    @classmethod
    def of(cls, text: str) -> Reading:
        text = " ".join(text.split())
        without_baseline = BASELINE_RE.sub(" ", text)
        norm = NORM_RE.search(without_baseline)
        deadline = DEADLINE_RE.search(NORM_RE.sub(" ", without_baseline))
        recurring = RECURRING_RE.search(without_baseline)
        # What is left for counting: no dates, deadlines, baseline years, labels ("groep 8") or
        # durations that are no measure ("een e-learning van drie kwartier").
        counted = LABEL_NUMBER_RE.sub(" ", DEADLINE_RE.sub(" ", without_baseline))
        counted = RECURRING_RE.sub(
            lambda m: m.group() if re.search(r"keer|maal|times", m.group(), re.I) else " ", counted
        )
        counted = DURATION_RE.sub(lambda m: m.group() if m.group("before") or m.group("after") else " ", counted)
        compared = COMPARED_RE.search(text)
        if compared and ABSTRACT_RE.fullmatch(compared.group(1)):
            compared = None
        return cls(
            text=text,
            deadline=_phrase(deadline),
            recurring=_phrase(recurring).lstrip(",;: "),
            norm=_phrase(norm),
            measure=_phrase(
                RANGE_RE.search(counted)
                or FREQUENCY_RE.search(counted)
                or COUNTED_RE.search(counted)
                or MEASURE_RE.search(counted)
            ),
            zero=_phrase(ZERO_RE.search(counted)),
            every=_phrase(ALL_RE.search(counted)),
            abstract=_found(ABSTRACT_RE.search(text)),
            quantity=_found(QUANTITY_RE.search(text)) or _counted(counted) or (compared.group() if compared else ""),
            direction=_found(DIRECTION_RE.search(text)),
            action=verb_in(text),
            actor=_found(ACTOR_RE.search(text)),
            result=_found(RESULT_RE.search(text)),
        )

    @property
    def observable(self) -> bool:
        """The goal names an observable act or quantity, not only an aim."""
        return bool(self.quantity or (self.action and (self.actor or self.result))) and not (
            self.abstract and not self.measure
        )


def _found(match: re.Match | None) -> str:
    return match.group().strip() if match else ""


def _phrase(match: re.Match | None) -> str:
    """A found phrase to quote in a reason, lower-cased at the start ("Over twee jaar" → "over twee jaar")."""
    text = _found(match)
    return text[0].lower() + text[1:] if text[:2].istitle() else text


def _counted(text: str) -> str:
    """What a number in `text` counts ("steunkousen" in "200 steunkousen"), or ''."""
    match = COUNTED_RE.search(text)
    return match.group(1) if match else ""


def _example(text: str, lang: str) -> str:
    """An example for a reason that does not repeat what the goal already says."""
    lowered = text.lower()
    examples = EXAMPLES.get(lang, EXAMPLES["en"])
    fresh = [example for example, words in examples if not any(word in lowered for word in words)]
    return " of ".join(fresh[:2]) if lang == "nl" else " or ".join(fresh[:2])


def _specific(goal: Goal, reading: Reading, lang: str) -> CriterionVerdict:
    if not reading.text:
        return CriterionVerdict("S", Outcome.not_met, msg("S_empty", lang))
    example = _example(reading.text, lang)
    if reading.abstract and not (reading.measure and reading.quantity):
        word = reading.abstract.lower()
        return CriterionVerdict("S", Outcome.not_met, msg("S_vague", lang, word=word, example=example))
    if reading.quantity and (reading.measure or reading.zero or reading.direction or not reading.action):
        if reading.measure and reading.quantity in reading.measure:
            return CriterionVerdict("S", Outcome.met, msg("S_counted", lang, what=reading.measure))
        what = _found(QUANTITY_OF_RE.search(reading.text)) or reading.quantity
        return CriterionVerdict("S", Outcome.met, msg("S_quantity", lang, what=what[0].lower() + what[1:]))
    if not reading.action:
        if reading.measure:
            return CriterionVerdict("S", Outcome.not_met, msg("S_no_object", lang, measure=reading.measure))
        vague = VAGUE_RE.search(reading.text)
        if vague:
            word = vague.group().lower()
            return CriterionVerdict("S", Outcome.not_met, msg("S_vague", lang, word=word, example=example))
        return CriterionVerdict("S", Outcome.not_met, msg("S_no_action", lang, example=example))
    if reading.actor and reading.actor.lower() not in ("wij", "we"):
        return CriterionVerdict("S", Outcome.met, msg("S_ok", lang, who=reading.actor, what=reading.action))
    if reading.result:
        what = f"{reading.result} … {reading.action}"
        return CriterionVerdict("S", Outcome.met, msg("S_result", lang, what=what))
    if goal.owner.strip():
        return CriterionVerdict("S", Outcome.met, msg("S_owner", lang, what=reading.action, owner=goal.owner.strip()))
    if reading.measure and not reading.quantity:
        return CriterionVerdict("S", Outcome.not_met, msg("S_no_object", lang, measure=reading.measure))
    return CriterionVerdict("S", Outcome.not_met, msg("S_no_actor", lang))


def _measurable(goal: Goal, reading: Reading, specific: CriterionVerdict, lang: str) -> CriterionVerdict:
    if reading.measure:
        return CriterionVerdict("M", Outcome.met, msg("M_text", lang, measure=reading.measure))
    if goal.target is not None:
        target = _with_unit(format_number(goal.target, lang), unit_form(goal.target, goal.unit, lang))
        if goal.baseline is not None:
            change = _with_unit(format_change(goal.baseline, goal.target, lang), goal.unit)
            return CriterionVerdict("M", Outcome.met, msg("M_fields_baseline", lang, change=change))
        return CriterionVerdict("M", Outcome.met, msg("M_fields", lang, target=target))
    if reading.zero and (reading.quantity or reading.action):
        return CriterionVerdict("M", Outcome.met, msg("M_zero", lang, measure=reading.zero))
    if reading.every and reading.observable:
        return CriterionVerdict("M", Outcome.met, msg("M_all", lang, measure=reading.every))
    moment = reading.recurring or _found(EVENT_RE.search(reading.text))
    if goal.kind == GoalKind.process and moment and reading.observable:
        return CriterionVerdict("M", Outcome.met, msg("M_adherence", lang, when=moment))
    if goal.kind == GoalKind.milestone and specific.outcome == Outcome.met:
        what = reading.result or reading.action
        return CriterionVerdict("M", Outcome.met, msg("M_milestone", lang, what=what))
    if reading.every:
        return CriterionVerdict("M", Outcome.not_met, msg("M_all_vague", lang, word=reading.every))
    if reading.direction and reading.quantity and specific.outcome == Outcome.met:
        return CriterionVerdict("M", Outcome.not_met, msg("M_direction", lang, word=reading.direction.lower()))
    return CriterionVerdict("M", Outcome.not_met, msg("M_missing", lang))


def _with_unit(value: str, unit: str) -> str:
    unit = unit.strip()
    if not unit:
        return value
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def acceptable_flag(reading: Reading) -> str:
    """The words that say the goal goes against those involved, or ''."""
    return _found(AGAINST_RE.search(reading.text))


def realistic_flag(reading: Reading, lang: str) -> str:
    """Why the goal cannot be reached as written (a reason), or ''."""
    text = reading.text
    for zero in ZERO_MARK_RE.finditer(text):
        window = text[max(0, zero.start() - 40) : zero.end() + 60]
        adverse = ADVERSE_RE.search(window)
        if adverse:
            start, end = min(zero.start(), zero.start() - 40 + adverse.start()), zero.end()
            phrase = text[max(0, start) : max(end, zero.start() - 40 + adverse.end())].strip()
            return msg("R_zero", lang, phrase=phrase)
    satisfied = EVERYONE_SATISFIED_RE.search(text)
    if satisfied:
        return msg("R_everyone", lang, phrase=satisfied.group())
    short, wide = SHORT_SPAN_RE.search(text), WIDE_SCOPE_RE.search(text)
    if short and wide:
        return msg("R_fast", lang, deadline=short.group(), scope=wide.group())
    return ""


def _acceptable(goal: Goal, reading: Reading, lang: str) -> tuple[CriterionVerdict, list[str]]:
    flag = acceptable_flag(reading)
    if goal.acceptable is None and flag:
        return CriterionVerdict("A", Outcome.not_met, msg("A_flag", lang, phrase=flag)), []
    hints = [msg("A_flag_hint", lang, phrase=flag)] if flag and goal.acceptable else []
    return _answered("A", goal.acceptable, lang), hints


def _realistic(goal: Goal, reading: Reading, lang: str) -> tuple[CriterionVerdict, list[str]]:
    flag = realistic_flag(reading, lang)
    if goal.realistic is None and flag:
        return CriterionVerdict("R", Outcome.not_met, flag), []
    hints = [msg("R_flag_hint", lang, reason=flag)] if flag and goal.realistic else []
    return _answered("R", goal.realistic, lang), hints


def _answered(criterion: str, answer: bool | None, lang: str) -> CriterionVerdict:
    if answer is None:
        return CriterionVerdict(criterion, Outcome.unknown, msg(f"{criterion}_ask", lang))
    if answer:
        return CriterionVerdict(criterion, Outcome.met, msg(f"{criterion}_yes", lang))
    return CriterionVerdict(criterion, Outcome.not_met, msg(f"{criterion}_no", lang))


def _time_bound(goal: Goal, reading: Reading, lang: str) -> CriterionVerdict:
    if goal.deadline is not None:
        return CriterionVerdict("T", Outcome.met, msg("T_deadline", lang, deadline=format_date(goal.deadline, lang)))
    if goal.due_after_start is not None:
        return CriterionVerdict("T", Outcome.met, msg("T_text", lang, when=_due_after_start(goal, lang)))
    if reading.deadline:
        return CriterionVerdict("T", Outcome.met, msg("T_text", lang, when=reading.deadline))
    if reading.recurring:
        return CriterionVerdict("T", Outcome.met, msg("T_recurring", lang, when=reading.recurring))
    if reading.norm:
        return CriterionVerdict("T", Outcome.not_met, msg("T_norm", lang, norm=reading.norm))
    return CriterionVerdict("T", Outcome.not_met, msg("T_missing", lang))


def _due_after_start(goal: Goal, lang: str) -> str:
    months = goal.due_after_start or 0
    return msg("before_start", lang) if not months else msg("after_start", lang, months=months)


def _hints(goal: Goal, reading: Reading, measurable: CriterionVerdict, lang: str) -> list[str]:
    hints = []
    if measurable.outcome == Outcome.not_met and goal.target is None:
        direction = reading.direction.lower()
        said = direction if measurable.reason == msg("M_direction", lang, word=direction) else ""
        words = [w.lower() for w in dict.fromkeys(VAGUE_RE.findall(reading.text)) if w.lower() != said]
        hints += [msg("vague", lang, word=word) for word in words]
        if goal.kind is None and reading.action and not reading.quantity:
            hints.append(msg("which_kind", lang))
    if goal.target is not None and goal.baseline is None:
        hints.append(msg("no_baseline", lang))
    return hints


def check_goal(goal: Goal, lang: str | None = None) -> SmartVerdict:
    """A verdict per SMART criterion for `goal`, with reasons in `lang` (default: in use)."""
    lang = lang or language()
    reading = Reading.of(goal.text)
    specific = _specific(goal, reading, lang)
    measurable = _measurable(goal, reading, specific, lang)
    acceptable, a_hints = _acceptable(goal, reading, lang)
    realistic, r_hints = _realistic(goal, reading, lang)
    verdicts = [specific, measurable, acceptable, realistic, _time_bound(goal, reading, lang)]
    hints = _hints(goal, reading, measurable, lang) + a_hints + r_hints
    return SmartVerdict(goal.id, {v.criterion: v for v in verdicts}, hints)
