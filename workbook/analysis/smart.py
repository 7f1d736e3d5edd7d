"""Is a goal SMART? A check per criterion from the goal's text and fields, with a reason.

- Specific: the text names an action (a verb we recognise) and an actor (someone who does it),
  or the goal has an owner.
- Measurable: the text holds a number or percentage (dates and years do not count), or the goal
  has a target value.
- Acceptable and Realistic cannot be read from text: they come from the user's own answers,
  and stay *unknown* (a question to ask) until the user gives them.
- Time-bound: the goal has a deadline, or the text names a date, month, quarter or year, or a
  period such as "binnen 6 maanden".

Vague words ("beter", "meer", "verbeteren", ...) without a number give a hint. The check is
advice; it never blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.fields import Choice
from workbook.i18n import Messages, language
from workbook.model import Goal


class Outcome(Choice):
    met = "met", "Voldoet", "Met"
    not_met = "not_met", "Voldoet niet", "Not met"
    unknown = "unknown", "Onbekend", "Unknown"


CRITERIA = ("S", "M", "A", "R", "T")

msg = Messages(
    {
        "S_ok": ("Het doel zegt wie wat doet.", "The goal says who does what."),
        "S_owner": (
            "Het doel noemt een actie; {owner} is eigenaar.",
            "The goal names an action; {owner} is the owner.",
        ),
        "S_no_action": (
            "Welke handeling of verandering bedoel je? Noem wat er gedaan wordt (bijvoorbeeld 'gebruikt', 'registreert').",
            "Which action or change do you mean? Say what is done (for example 'uses', 'records').",
        ),
        "S_no_actor": (
            "Wie doet het? Noem wie (team, medewerkers, cliënten) of vul een eigenaar in.",
            "Who does it? Name who (team, staff, clients) or fill in an owner.",
        ),
        "S_empty": ("Het doel is nog leeg.", "The goal is still empty."),
        "M_text": ("Het doel bevat een getal: {number}.", "The goal contains a number: {number}."),
        "M_fields": (
            "Er is een streefwaarde ingevuld ({target}).",
            "A target value is filled in ({target}).",
        ),
        "M_fields_baseline": (
            "Nulmeting en streefwaarde zijn ingevuld ({baseline} → {target}).",
            "Baseline and target are filled in ({baseline} → {target}).",
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

MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
)
NUMBER_WORDS = (
    "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|"
    "helft|kwart|procent|alle|all|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|half|percent"
)
PERIOD_UNITS = "dagen|dag|weken|week|maanden|maand|jaar|jaren|days|day|weeks|months|month|years|year"
TIME_PATTERNS = [
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2025-03-01
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",  # 1-3-2025, 01/03/25
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTHS})\.?(?:\s+\d{{4}})?\b",  # 1 maart 2025, maart
    rf"\b(?:eind|einde|begin|medio|end of|start of)\s+(?:\d{{4}}|{MONTHS})\b",  # eind 2025, medio juni
    r"\b(?:q[1-4]|kwartaal|quarter)\b(?:\s*\d{4})?",  # Q3 2025, eerste kwartaal
    r"\b(?:19|20)\d{2}\b",  # 2025
    rf"\b(?:binnen|within|na|after|over|in)\s+(?:\d+|{NUMBER_WORDS}|een|a|an)\s+(?:{PERIOD_UNITS})\b",
    r"\b(?:einde?|eind|begin|medio|end|start)\s+(?:van\s+)?(?:het\s+)?(?:jaar|year|volgend jaar|next year)\b",
]
TIME_RE = re.compile("|".join(f"(?:{p})" for p in TIME_PATTERNS), re.IGNORECASE)
NUMBER_RE = re.compile(rf"\d+(?:[.,]\d+)?\s*%?|\b(?:{NUMBER_WORDS})\b", re.IGNORECASE)

# Verbs that describe an action or change (Dutch and English): word starts that are rarely the
# start of a noun, and whole words for verbs whose start is also a common noun ("zorg", "werk").
ACTION_STEMS = (
    "gebruik|registr|meet|meten|gemeten|train|getraind|geschoold|bespre|ontvang|krijg|toepas|toegepast|"
    "implementeer|verminder|verhoog|verlaag|verbeter|daal|stijg|reduc|bereik|afrond|evalueer|rapporteer|"
    "signaleer|informeer|begeleid|beperk|vergroot|verkort|verlengt|invul|ingevuld|inzet|ingezet|invoer|"
    "ingevoerd|aanbied|aangeboden|bijhoud|bijgehouden|uitvoer|uitgevoerd|overstap|"
    "use|uses|used|record|measur|train|receiv|appl|implement|reduc|increas|lower|reach|complet|"
    "evaluat|report|inform|support|deliver"
)
ACTION_WORDS = (
    "werkt|werken|werkte|werkten|gewerkt|zet|zetten|zette|gezet|volgt|volgen|gevolgd|vult|vullen|"
    "heeft|hebben|kan|kunnen|weet|weten|doet|doen|gedaan|past|passen|neemt|nemen|stelt|stellen|"
    "zorgt|zorgen|geeft|geven|biedt|bieden|levert|leveren|maakt|maken|start|starten|gestart|"
    "stopt|stoppen|houdt|houden|kent|kennen|overlegt|overleggen|"
    "gedaald|gestegen|afgenomen|toegenomen|gehalveerd|verdubbeld|lager|hoger|"
    "work|works|follow|follows|know|offer|offers|make|makes|take|takes|give|gives|start|starts|stop|"
    "keep|keeps|have|has"
)
ACTION_RE = re.compile(rf"\b(?:(?:{ACTION_STEMS})\w*|(?:{ACTION_WORDS}))\b", re.IGNORECASE)
ACTOR_RE = re.compile(
    r"\b(?:team\w*|\w*medewerker\w*|\w*verpleegkundig\w*|verzorgende\w*|zorgverlener\w*|"
    r"cli[eë]nt\w*|bewoner\w*|patiënt\w*|patient\w*|arts\w*|behandelaar\w*|therapeut\w*|"
    r"locatie\w*|afdeling\w*|\w*manager\w*|leidinggevende\w*|coördinator\w*|projectgroep\w*|"
    r"werkgroep\w*|mantelzorger\w*|naasten|wij|we|ons|onze|iedere|elke|alle|staff|nurses?|"
    r"carers?|residents?|clients?|patients?|we|our|every|all)\b",
    re.IGNORECASE,
)
VAGUE_RE = re.compile(
    r"\b(?:beter|betere|meer|minder|verbeteren|verbetering|verhogen|verlagen|vergroten|verkleinen|"
    r"verminderen|optimaliseren|sneller|vaker|goed|goede|effectiever|efficiënter|stimuleren|"
    r"bevorderen|zoveel mogelijk|better|more|less|improve|improving|increase|optimi[sz]e|faster)\b",
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


def _number(value: float) -> str:
    return f"{value:g}"


def _specific(goal: Goal, lang: str) -> CriterionVerdict:
    text = goal.text.strip()
    if not text:
        return CriterionVerdict("S", Outcome.not_met, msg("S_empty", lang))
    if not ACTION_RE.search(text):
        return CriterionVerdict("S", Outcome.not_met, msg("S_no_action", lang))
    if goal.owner.strip():
        return CriterionVerdict("S", Outcome.met, msg("S_owner", lang, owner=goal.owner.strip()))
    if ACTOR_RE.search(text):
        return CriterionVerdict("S", Outcome.met, msg("S_ok", lang))
    return CriterionVerdict("S", Outcome.not_met, msg("S_no_actor", lang))


def _numbers_in(text: str) -> list[str]:
    """Numbers in `text` that are not part of a date, month, year or time period."""
    without_times = TIME_RE.sub(" ", text)
    return [m.group().strip() for m in NUMBER_RE.finditer(without_times)]


def _measurable(goal: Goal, lang: str) -> CriterionVerdict:
    numbers = _numbers_in(goal.text)
    if numbers:
        return CriterionVerdict("M", Outcome.met, msg("M_text", lang, number=numbers[0]))
    if goal.target is not None and goal.baseline is not None:
        reason = msg("M_fields_baseline", lang, baseline=_number(goal.baseline), target=_number(goal.target))
        return CriterionVerdict("M", Outcome.met, reason)
    if goal.target is not None:
        return CriterionVerdict("M", Outcome.met, msg("M_fields", lang, target=_number(goal.target)))
    return CriterionVerdict("M", Outcome.not_met, msg("M_missing", lang))


def _answered(criterion: str, answer: bool | None, lang: str) -> CriterionVerdict:
    if answer is None:
        return CriterionVerdict(criterion, Outcome.unknown, msg(f"{criterion}_ask", lang))
    if answer:
        return CriterionVerdict(criterion, Outcome.met, msg(f"{criterion}_yes", lang))
    return CriterionVerdict(criterion, Outcome.not_met, msg(f"{criterion}_no", lang))


def _time_bound(goal: Goal, lang: str) -> CriterionVerdict:
    if goal.deadline is not None:
        return CriterionVerdict("T", Outcome.met, msg("T_deadline", lang, deadline=goal.deadline.isoformat()))
    found = TIME_RE.search(goal.text)
    if found:
        return CriterionVerdict("T", Outcome.met, msg("T_text", lang, when=found.group().strip()))
    return CriterionVerdict("T", Outcome.not_met, msg("T_missing", lang))


def _hints(goal: Goal, lang: str) -> list[str]:
    hints = []
    if not _numbers_in(goal.text) and goal.target is None:
        hints += [msg("vague", lang, word=word.lower()) for word in dict.fromkeys(VAGUE_RE.findall(goal.text))]
    if goal.target is not None and goal.baseline is None:
        hints.append(msg("no_baseline", lang))
    return hints


def check_goal(goal: Goal, lang: str | None = None) -> SmartVerdict:
    """A verdict per SMART criterion for `goal`, with reasons in `lang` (default: in use)."""
    lang = lang or language()
    verdicts = [
        _specific(goal, lang),
        _measurable(goal, lang),
        _answered("A", goal.acceptable, lang),
        _answered("R", goal.realistic, lang),
        _time_bound(goal, lang),
    ]
    return SmartVerdict(goal.id, {v.criterion: v for v in verdicts}, _hints(goal, lang))
