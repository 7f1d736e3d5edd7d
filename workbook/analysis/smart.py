"""Is a goal SMART? A check per criterion from the goal's text and fields, with a reason.

The check reads a Dutch goal as an implementation expert does (see docs/smart-labelling.md):

- Specific: the goal says what changes, for whom or in what. Either an observable quantity
  changes ("de doorlooptijd van een aanvraag daalt van 21 naar 10 werkdagen": no team needed), or
  someone does something observable with something concrete ("verzorgenden registreren elke val
  in het EPD"); the one who acts comes from the text or the goal's owner. An aim in abstract words
  ("de kwaliteit van leven vergroten", "betere samenwerking") is not specific, whatever its
  grammar, unless it also names what is observed.
- Measurable: a number or percentage tied to what is measured ("60% van de bewoners", "van 14
  naar 8", "halveert", "8 van de 10"), a frequency ("drie keer per jaar"), or baseline and target
  filled in. "Alle", "elke" and "iedere" count only for an observable act or state of a concrete
  group ("alle verpleegkundigen hebben de training afgerond", not "iedereen voelt zich gezien").
  Numbers that say *when* (dates, years, "binnen acht weken") or name something ("groep 8",
  "week 40") do not count.
- Acceptable and Realistic cannot be read from text: they come from the user's own answers,
  and stay *unknown* (a question to ask) until the user gives them.
- Time-bound: a deadline, or the text names a date, month, season, quarter, year, week number,
  a deadline relative to now or to a project moment ("binnen acht weken na de overstap", "over
  twee jaar") or a recurring moment ("ieder kwartaal", "drie keer per jaar", "wekelijks"). A rate's
  unit ("8 per maand"), a baseline year ("ten opzichte van 2026") and a norm per case ("binnen 24
  uur na een val") are not deadlines.

Rules rather than a language model: spaCy's Dutch model is not on the package registry (it is
published on GitHub only), and the rules keep the check well under 5 ms per goal. Vague words
without a number give a hint. The check is advice; it never blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.language.i18n import Messages, language
from workbook.language.locale import format_change, format_date, format_number, unit_form
from workbook.model import Goal
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
        "S_vague": (
            "'{word}' is een streven, geen waarneembare verandering: zeg wat er concreet anders gaat, "
            "bij wie (bijvoorbeeld 'het aantal valincidenten daalt' of 'verzorgenden gebruiken de app').",
            "'{word}' is an aim, not an observable change: say what concretely changes, for whom "
            "(for example 'the number of falls drops' or 'carers use the app').",
        ),
        "S_no_action": (
            "Welke verandering bedoel je? Noem wat er gedaan wordt of welk aantal verandert "
            "(bijvoorbeeld 'gebruikt', 'registreert', 'het aantal … daalt').",
            "Which change do you mean? Say what is done or which number changes "
            "(for example 'uses', 'records', 'the number of … drops').",
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
        "M_missing": (
            "Hoeveel precies? Noem een getal of percentage, of vul nulmeting en streefwaarde in.",
            "How much exactly? Give a number or percentage, or fill in baseline and target.",
        ),
        "A_yes": ("Je gaf aan dat er draagvlak is.", "You said there is support."),
        "A_no": (
            "Je gaf aan dat er (nog) geen draagvlak is: wie moet je nog meekrijgen?",
            "You said there is no support (yet): whom do you still need on board?",
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
        "R_ask": (
            "Vraag: is dit doel haalbaar met de tijd en mensen die er zijn, en toch uitdagend?",
            "Question: is this goal achievable with the time and people available, and still challenging?",
        ),
        "T_deadline": ("De deadline is {deadline}.", "The deadline is {deadline}."),
        "T_text": ("Het doel noemt een termijn: {when}.", "The goal names a time: {when}."),
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
    "one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred"
)
UNITS = "dagen|dag|werkdagen|weken|week|maanden|maand|jaar|jaren|kwartaal|kwartalen|days|weeks|months|years"
PERIOD = _words(
    "dag|nacht|ochtend|avond|week|maand|kwartaal|half jaar|jaar|schooljaar|periode|"
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|day|night|week|month|quarter|year"
)
# Events that happen per client or per case: "binnen twee weken na aanmelding" is a norm, not a deadline.
PER_CASE = _words(
    "een|elke|iedere|ieder|opname|ontslag|aanmelding|verwijzing|intake|melding|val|bezoek|incident|afloop|"
    "a|an|each|every|admission|discharge|referral"
)
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
    r"\b(?:eerste|tweede)\s+helft\b",
    rf"\b(?:binnen|within|over|in|na|after)\s+{AMOUNT}\s+(?:{UNITS})\b(?!\s+(?:na|after)\s+(?:{PER_CASE})\b)",
    r"\b(?:binnen|within|over|in|na|after)\s+(?:een\s+)?(?:half\s+jaar|anderhalf\s+jaar|jaar)\b",
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
]
# A duration per case ("binnen 24 uur na een val"): measurable, but no deadline for the goal.
NORM_RE = re.compile(
    rf"\b(?:binnen|within)\s+{AMOUNT}\s+(?:uur|uren|hours?|dagen|dag|werkdagen|days?)\b(?!\s+(?:na|after)\s+(?:de|het|the)\b)"
    r"(?:\s+(?:na|after)\s+\w+)?"
    rf"|\b(?:binnen|within)\s+{AMOUNT}\s+(?:weken|week|weeks?|maanden|maand|months?)\s+(?:na|after)\s+(?:{PER_CASE})\b(?:\s+\w+)?",
    re.IGNORECASE,
)
BASELINE_RE = re.compile(
    rf"\b(?:ten\s+opzichte\s+van|vergeleken\s+met|dan\s+in|dan)\s+(?:de\s+nulmeting|{YEAR})\b", re.I
)
FREQUENCY_RE = re.compile(RECURRING_PATTERNS[1], re.IGNORECASE)
DEADLINE_RE = re.compile("|".join(f"(?:{p})" for p in DEADLINE_PATTERNS), re.IGNORECASE)
RECURRING_RE = re.compile("|".join(f"(?:{p})" for p in RECURRING_PATTERNS), re.IGNORECASE)
# Numbers that name something rather than count it: "groep 8", "categorie 2", "OQ-45".
LABEL_NUMBER_RE = re.compile(
    r"\b(?:groep|leerjaar|woning|categorie|niveau|fase|stap|klas|team|locatie|afdeling)\s+\d+\b|\b\w+-\d+\b",
    re.IGNORECASE,
)
MEASURE_RE = re.compile(
    rf"\b\d+(?:[.,]\d+)?\s*(?:%|procent|percent)?(?:\s+(?:op|van)\s+de\s+\d+)?"
    rf"|\b(?:{NUMBER_WORDS})\b(?:\s+(?:op|van)\s+de\s+(?:{NUMBER_WORDS}))?"
    r"|\b(?:de\s+)?helft\b|\been\s+(?:derde|kwart)\b|\bhalveert\w*|\bgehalveerd\b|\bhalveren\b|\bverdubbel\w*"
    r"|\bhalf\b|\bhalve\b",
    re.IGNORECASE,
)
# Baseline to target in the text: "van 21 naar 10", "van 7% naar 3%".
RANGE_RE = re.compile(
    rf"\bvan\s+(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS})\s*%?\s+(?:naar|tot)\s+(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS})\s*%?"
    r"|\bfrom\s+\d+(?:[.,]\d+)?\s*%?\s+to\s+\d+(?:[.,]\d+)?\s*%?",
    re.IGNORECASE,
)
# A count of something: "200 steunkousen", "90% van de rapportages", "6 van de 8 wijkteams".
COUNTED_RE = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS})\s*(?:%|procent)?\s+(?:(?:van|op)\s+de\s+(?:\d+\s+)?)?"
    r"(?!(?:keer|maal|beter|meer|minder|hoger|lager|punten|procent|naar|per|of|tot|en)\b)"
    r"((?:[^\W\d]+e\s+){0,2}[^\W\d]{4,})",
    re.IGNORECASE,
)
ALL_RE = re.compile(
    r"\b(?:alle|elke|elk|iedere|ieder|every|all|each)\s+(?:(?:nieuwe|andere|eigen|new|other)\s+)?[^\W\d]{3,}",
    re.IGNORECASE,
)
# Words that name an aim, not something you can observe.
ABSTRACT_RE = re.compile(
    r"\b(?:kwaliteit(?:\s+van\s+(?:leven|bestaan|zorg))?|tevredenheid|cliënttevredenheid|samenwerking|samenwerken|"
    r"eigen\s+regie|regie|eigen\s+kracht|cultuur|draagvlak|bewust|bewustwording|plezier|werkplezier|welbevinden|"
    r"welzijn|zingeving|aandacht|rust|balans|visie|innovatiever|innovatief|toekomstbestendig|lerende|leeromgeving|"
    r"schoolklimaat|woonomgeving|positie|thuis\s+voelen|gezien|fijn|fijne|goed\s+ontvangen|goed\s+ingebed|"
    r"herstelgericht|toegankelijker|tevreden|vaardiger|aansluiten|meedoen|zo\s+lang\s+mogelijk|"
    r"quality|satisfaction|collaboration|culture|wellbeing|awareness)\b",
    re.IGNORECASE,
)
VAGUE_RE = re.compile(
    r"\b(?:beter|betere|meer|minder|verbeteren|verbetering|verhogen|verlagen|vergroten|vergroot|verkleinen|"
    r"verminderen|optimaliseren|sneller|vaker|goed|goede|effectiever|efficiënter|stimuleren|versterken|"
    r"bevorderen|zoveel mogelijk|better|more|less|improve|improving|increase|optimi[sz]e|faster)\b",
    re.IGNORECASE,
)
# An observable quantity that can change; a goal about it needs no actor.
QUANTITY_RE = re.compile(
    r"\b(?:aantal|percentage|aandeel|doorlooptijd|wachttijd|wachtlijst|verzuim|ziekteverzuim|verloop|"
    r"\w*gebruik|score|nps|\w*incidenten|\w*fouten|separaties|fixaties|heropnames|opnames|"
    r"no-shows|dwangtoepassing|inzet|reistijd\w*|rondes|alarmeringen|meldingen|uren|minuten|kosten|"
    r"number|rate|share|waiting\s+time|falls|incidents|errors)\b",
    re.IGNORECASE,
)
# What a count is of: "het aantal vaste controlerondes", "de wachttijd voor een intake".
QUANTITY_OF_RE = re.compile(
    r"\b(?:aantal|percentage|aandeel|gebruik|number|share|rate)\s+(?:(?:van|aan|of)\s+)?"
    r"(?:(?!(?:daalt|dalen|stijgt|stijgen|is|zijn|wordt|van|naar|op|bij|in|met|per|dat|die|tot|ligt)\b)[^\W\d]+\s*){1,3}",
    re.IGNORECASE,
)
# Verbs of an observable act or state: what someone does, has, gets or completes.
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
    r"gedaald|daalt|dalen|gestegen|stijgt|stijgen|halveert|gehalveerd|verminderd|teruggebracht|"
    r"use|uses|used|record\w*|receive\w*|complete\w*|has|have|gets?|follows?|train\w*|drops?|rises?)\b",
    re.IGNORECASE,
)
ACTOR_RE = re.compile(
    r"\b(?:\w*team\w*|\w*medewerker\w*|\w*verpleegkundig\w*|verzorgende\w*|zorgverlener\w*|cli[eë]nt\w*|bewoner\w*|"
    r"patiënt\w*|patient\w*|\w*arts\w*|behandelaar\w*|therapeut\w*|locatie\w*|afdeling\w*|\w*manager\w*|"
    r"leidinggevende\w*|coördinator\w*|projectgroep\w*|werkgroep\w*|mantelzorger\w*|naasten|verwanten|"
    r"begeleider\w*|casemanager\w*|docent\w*|mentor\w*|leerling\w*|student\w*|\w*opleider\w*|planner\w*|"
    r"ervaringsdeskundige\w*|gedragsdeskundige\w*|fysiotherapeut\w*|\w*commissie\w*|crisisdienst|nachtdienst|"
    r"teamleider\w*|ouders|woning\w*|klassen|zij-instromers|eerstejaars|wij|we|staff|nurses?|carers?|residents?|"
    r"clients?|patients?|teams?)\b",
    re.IGNORECASE,
)


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


@dataclass(frozen=True)
class Reading:
    """What the rules found in a goal's text, read once for all criteria."""

    text: str
    deadline: str
    recurring: str
    norm: str
    measure: str
    every: str
    abstract: str
    quantity: str
    action: str
    actor: str

    @classmethod
    def of(cls, text: str) -> Reading:
        text = " ".join(text.split())
        without_baseline = BASELINE_RE.sub(" ", text)
        norm = NORM_RE.search(without_baseline)
        deadline = DEADLINE_RE.search(NORM_RE.sub(" ", without_baseline))
        recurring = RECURRING_RE.search(without_baseline)
        # What is left for counting: no dates, deadlines, baseline years or labels ("groep 8").
        counted = LABEL_NUMBER_RE.sub(" ", DEADLINE_RE.sub(" ", without_baseline))
        counted = RECURRING_RE.sub(
            lambda m: m.group() if re.search(r"keer|maal|times", m.group(), re.I) else " ", counted
        )
        return cls(
            text=text,
            deadline=_phrase(deadline),
            recurring=_phrase(recurring),
            norm=_phrase(norm),
            measure=_phrase(
                RANGE_RE.search(counted)
                or FREQUENCY_RE.search(counted)
                or COUNTED_RE.search(counted)
                or MEASURE_RE.search(counted)
            ),
            every=_phrase(ALL_RE.search(counted)),
            abstract=_found(ABSTRACT_RE.search(text)),
            quantity=_found(QUANTITY_RE.search(text)) or _counted(counted),
            action=_found(ACTION_RE.search(text)),
            actor=_found(ACTOR_RE.search(text)),
        )

    @property
    def observable(self) -> bool:
        """The goal names an observable act or quantity, not only an aim."""
        return bool(self.quantity or (self.action and self.actor)) and not (self.abstract and not self.measure)


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


def _specific(goal: Goal, reading: Reading, lang: str) -> CriterionVerdict:
    if not reading.text:
        return CriterionVerdict("S", Outcome.not_met, msg("S_empty", lang))
    if reading.abstract and not (reading.measure and reading.quantity):
        return CriterionVerdict("S", Outcome.not_met, msg("S_vague", lang, word=reading.abstract.lower()))
    if reading.quantity and reading.measure:
        if reading.quantity in reading.measure:
            return CriterionVerdict("S", Outcome.met, msg("S_counted", lang, what=reading.measure))
        what = _found(QUANTITY_OF_RE.search(reading.text)) or reading.quantity
        return CriterionVerdict("S", Outcome.met, msg("S_quantity", lang, what=what[0].lower() + what[1:]))
    if not reading.action:
        if reading.measure:
            return CriterionVerdict("S", Outcome.not_met, msg("S_no_object", lang, measure=reading.measure))
        vague = VAGUE_RE.search(reading.text)
        if vague:
            return CriterionVerdict("S", Outcome.not_met, msg("S_vague", lang, word=vague.group().lower()))
        return CriterionVerdict("S", Outcome.not_met, msg("S_no_action", lang))
    vague = VAGUE_RE.search(reading.text)
    if vague and not reading.measure and not reading.every:
        return CriterionVerdict("S", Outcome.not_met, msg("S_vague", lang, word=vague.group().lower()))
    if reading.actor and reading.actor.lower() not in ("wij", "we"):
        return CriterionVerdict("S", Outcome.met, msg("S_ok", lang, who=reading.actor, what=reading.action))
    if goal.owner.strip():
        return CriterionVerdict("S", Outcome.met, msg("S_owner", lang, what=reading.action, owner=goal.owner.strip()))
    if reading.measure and not reading.quantity:
        return CriterionVerdict("S", Outcome.not_met, msg("S_no_object", lang, measure=reading.measure))
    return CriterionVerdict("S", Outcome.not_met, msg("S_no_actor", lang))


def _measurable(goal: Goal, reading: Reading, lang: str) -> CriterionVerdict:
    if reading.measure:
        return CriterionVerdict("M", Outcome.met, msg("M_text", lang, measure=reading.measure))
    if goal.target is not None:
        target = _with_unit(format_number(goal.target, lang), unit_form(goal.target, goal.unit, lang))
        if goal.baseline is not None:
            change = _with_unit(format_change(goal.baseline, goal.target, lang), goal.unit)
            return CriterionVerdict("M", Outcome.met, msg("M_fields_baseline", lang, change=change))
        return CriterionVerdict("M", Outcome.met, msg("M_fields", lang, target=target))
    if reading.every:
        if reading.observable:
            return CriterionVerdict("M", Outcome.met, msg("M_all", lang, measure=reading.every))
        return CriterionVerdict("M", Outcome.not_met, msg("M_all_vague", lang, word=reading.every))
    return CriterionVerdict("M", Outcome.not_met, msg("M_missing", lang))


def _with_unit(value: str, unit: str) -> str:
    unit = unit.strip()
    if not unit:
        return value
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def _answered(criterion: str, answer: bool | None, lang: str) -> CriterionVerdict:
    if answer is None:
        return CriterionVerdict(criterion, Outcome.unknown, msg(f"{criterion}_ask", lang))
    if answer:
        return CriterionVerdict(criterion, Outcome.met, msg(f"{criterion}_yes", lang))
    return CriterionVerdict(criterion, Outcome.not_met, msg(f"{criterion}_no", lang))


def _time_bound(goal: Goal, reading: Reading, lang: str) -> CriterionVerdict:
    if goal.deadline is not None:
        return CriterionVerdict("T", Outcome.met, msg("T_deadline", lang, deadline=format_date(goal.deadline, lang)))
    if reading.deadline:
        return CriterionVerdict("T", Outcome.met, msg("T_text", lang, when=reading.deadline))
    if reading.recurring:
        return CriterionVerdict("T", Outcome.met, msg("T_recurring", lang, when=reading.recurring))
    if reading.norm:
        return CriterionVerdict("T", Outcome.not_met, msg("T_norm", lang, norm=reading.norm))
    return CriterionVerdict("T", Outcome.not_met, msg("T_missing", lang))


def _hints(goal: Goal, reading: Reading, lang: str) -> list[str]:
    hints = []
    if not reading.measure and goal.target is None:
        hints += [msg("vague", lang, word=word.lower()) for word in dict.fromkeys(VAGUE_RE.findall(reading.text))]
    if goal.target is not None and goal.baseline is None:
        hints.append(msg("no_baseline", lang))
    return hints


def check_goal(goal: Goal, lang: str | None = None) -> SmartVerdict:
    """A verdict per SMART criterion for `goal`, with reasons in `lang` (default: in use)."""
    lang = lang or language()
    reading = Reading.of(goal.text)
    verdicts = [
        _specific(goal, reading, lang),
        _measurable(goal, reading, lang),
        _answered("A", goal.acceptable, lang),
        _answered("R", goal.realistic, lang),
        _time_bound(goal, reading, lang),
    ]
    return SmartVerdict(goal.id, {v.criterion: v for v in verdicts}, _hints(goal, reading, lang))
