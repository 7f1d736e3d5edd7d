"""The organisation-wide implementation plan (werkboek.yaml), section by section."""

from __future__ import annotations

import datetime as dt

from workbook.model.base import Item, Record
from workbook.model.choices import (
    Approach,
    AssumptionOutcome,
    Colour,
    ContextGroup,
    Determinant,
    Effect,
    EmbeddingArea,
    GoalKind,
    Level,
    Payer,
    Position,
    Ring,
    RogersKey,
    SwotKind,
    System,
    Term,
)
from workbook.model.fields import field

SCHEMA_VERSION = 4


# --- 1. Start / basics -------------------------------------------------------------------------


class Member(Item):
    name: str = field("Naam", "Name", privacy="person")
    role: str = field("Rol", "Role", default="", privacy="public")


class WhyPerAudience(Record):
    management: str = field(
        "Waarom, voor management",
        "Why, for management",
        default="",
        widget="longtext",
        help_nl="Wat levert het de organisatie op: kwaliteit, kosten, personeel?",
        help_en="What does it bring the organisation: quality, cost, staff?",
        privacy="public",
    )
    care_staff: str = field(
        "Waarom, voor zorgmedewerkers",
        "Why, for care staff",
        default="",
        widget="longtext",
        help_nl="Wat merken medewerkers ervan in hun dagelijkse werk?",
        help_en="What do staff notice of it in their daily work?",
        privacy="public",
    )
    clients: str = field(
        "Waarom, voor cliënten",
        "Why, for clients",
        default="",
        widget="longtext",
        help_nl="Wat wordt er beter voor cliënten en hun naasten?",
        help_en="What improves for clients and their families?",
        privacy="public",
    )


class Basics(Record):
    project_name: str = field("Naam van het project", "Project name", default="", privacy="public")
    institution: str = field("Organisatie", "Organisation", default="", privacy="public")
    innovation: str = field(
        "Vernieuwing",
        "Innovation",
        default="",
        help_nl="De nieuwe werkwijze of zorgtechnologie die je invoert.",
        help_en="The new way of working or care technology being introduced.",
        privacy="public",
    )
    working_group: list[Member] = field(
        "Werkgroep (schrijvers van het plan)",
        "Working group (authors of the plan)",
        nouns=("lid", "leden", "member", "members"),
        default_factory=list,
        privacy="person",
    )
    last_updated: dt.date | None = field("Laatst bijgewerkt", "Last updated", default=None)
    approach: Approach | None = field(
        "Aanpak",
        "Approach",
        default=None,
        help_nl="Planmatig van bovenaf, samen van onderop, of een mengvorm.",
        help_en="Planned from the top, participative from the bottom, or a mix.",
    )
    need: str = field(
        "Welke behoefte lost het op?",
        "Which need does it answer?",
        default="",
        widget="longtext",
        privacy="public",
    )
    why: WhyPerAudience = field(
        "Het waarom per doelgroep",
        "The why per audience",
        default_factory=WhyPerAudience,
    )
    payers: list[Payer] = field("Wie betaalt?", "Who pays?", default_factory=list)
    payment_notes: str = field(
        "Toelichting financiering",
        "Notes on funding",
        default="",
        widget="longtext",
        privacy="public",
    )


# --- 2. Context diagnosis ----------------------------------------------------------------------


class ContextFactor(Item):
    id: str = field(
        "Nr", "No.", help_nl="Korte code, bijvoorbeeld F1.", help_en="Short code, e.g. F1.", privacy="public"
    )
    description: str = field("Factor", "Factor", widget="longtext", privacy="public")
    group: ContextGroup = field("Groep", "Group")
    effect: Effect = field("Bevorderend of belemmerend", "Promoting or hindering")
    weight: int = field(
        "Gewicht (1-3)",
        "Weight (1-3)",
        default=2,
        ge=1,
        le=3,
        help_nl="1 = klein, 3 = groot effect op het slagen.",
        help_en="1 = small, 3 = large effect.",
    )
    source: str = field("Bron", "Source", default="", privacy="public")
    determinant: Determinant | None = field(
        "Determinant (MIDI)",
        "Determinant (MIDI)",
        default=None,
        help_nl="Welke determinant speelt hier? Dan stelt stap 2 passende strategieën voor.",
        help_en="Which determinant is at play? Step 2 then suggests fitting strategies.",
    )


class SwotPoint(Item):
    kind: SwotKind = field(
        "Soort",
        "Kind",
        help_nl="Sterkte en zwakte gaan over de eigen organisatie en het team; kans en bedreiging over wat "
        "van buiten komt.",
        help_en="Strengths and weaknesses are about the organisation and the team itself; opportunities and "
        "threats about what comes from outside.",
    )
    description: str = field("Punt", "Point", widget="longtext", privacy="public")
    factor_ids: list[str] = field(
        "Hoort bij factoren (nrs)",
        "Concerns factors (nos.)",
        default_factory=list,
        widget="factor",
        help_nl="De factoren uit de contextdiagnose waar dit punt over gaat. Een zwakte of bedreiging pak je "
        "aan met een actie bij een van die factoren.",
        help_en="The factors of the context diagnosis this point is about. A weakness or threat is addressed "
        "by an action on one of those factors.",
        privacy="public",
    )


class Context(Record):
    team_description: str = field(
        "Samenstelling team en plek in organisatie en regio",
        "Team composition and place in organisation and region",
        default="",
        widget="longtext",
        privacy="free_text",
    )
    factors: list[ContextFactor] = field(
        "Bevorderende en belemmerende factoren",
        "Promoting and hindering factors",
        nouns=("factor", "factoren", "factor", "factors"),
        default_factory=list,
    )
    swot: list[SwotPoint] = field(
        "SWOT: sterktes, zwaktes, kansen en bedreigingen",
        "SWOT: strengths, weaknesses, opportunities and threats",
        nouns=("SWOT-punt", "SWOT-punten", "SWOT point", "SWOT points"),
        default_factory=list,
        help_nl="Zet de factoren samen op een rij als SWOT: wat is sterk en zwak in de eigen organisatie, welke "
        "kansen en bedreigingen komen van buiten? Koppel elk punt aan de factoren waar het over gaat.",
        help_en="Sum the factors up as a SWOT: what is strong and weak in the organisation itself, which "
        "opportunities and threats come from outside? Tie every point to the factors it is about.",
    )


# --- 3. SMART goals and actions ----------------------------------------------------------------


class Action(Item):
    text: str = field("Actie", "Action", widget="longtext", privacy="public")
    who: str = field("Wie", "Who", default="", privacy="person")
    when: dt.date | None = field("Wanneer", "When", default=None)
    done: bool = field("Klaar", "Done", default=False)
    target_group: str = field("Doelgroep", "Target group", default="", privacy="public")
    factor_id: str = field(
        "Pakt factor aan (nr)",
        "Addresses factor (no.)",
        default="",
        widget="factor",
        help_nl="Het nummer van de belemmerende factor die deze actie aanpakt.",
        help_en="The number of the hindering factor this action addresses.",
        privacy="public",
    )


class Goal(Item):
    id: str = field(
        "Nr", "No.", help_nl="Korte code, bijvoorbeeld D1.", help_en="Short code, e.g. G1.", privacy="public"
    )
    text: str = field(
        "Doel",
        "Goal",
        widget="longtext",
        help_nl="Wat wil je bereiken, bij wie, en wanneer?",
        help_en="What do you want to achieve, for whom, and by when?",
        privacy="public",
    )
    kind: GoalKind | None = field(
        "Soort doel",
        "Kind of goal",
        default=None,
        help_nl="Uitkomst: wat er verandert voor cliënten of medewerkers (minder valincidenten). Proces: of er "
        "gewerkt wordt zoals bedoeld (de nachtdienst loopt nog één ronde). Mijlpaal: een stap die eenmaal klaar is "
        "(het uitvoeringsteam is samengesteld). De SMART-check en RE-AIM lezen elke soort op hun eigen manier.",
        help_en="Outcome: what changes for clients or staff (fewer falls). Process: whether the work is done as "
        "intended (the night shift walks one round). Milestone: a step that is done once (the execution team is "
        "formed). The SMART check and RE-AIM read each kind their own way.",
    )
    indicator: str = field(
        "Indicator",
        "Indicator",
        default="",
        help_nl="Waaraan zie je dat het doel gehaald is?",
        help_en="How will you see the goal is met?",
        privacy="public",
    )
    baseline: float | None = field("Nulmeting", "Baseline", default=None)
    target: float | None = field("Streefwaarde", "Target value", default=None)
    unit: str = field(
        "Eenheid",
        "Unit",
        default="",
        help_nl="Bijvoorbeeld % of cliënten.",
        help_en="E.g. % or clients.",
        privacy="public",
    )
    deadline: dt.date | None = field("Deadline", "Deadline", default=None)
    due_after_start: int | None = field(
        "Per locatie: maanden na de start",
        "Per location: months after the start",
        default=None,
        ge=0,
        help_nl="Voor een doel dat elke locatie in haar eigen periode haalt: 0 = vóór de start, "
        "4 = binnen vier maanden na de start. Leeg: de deadline geldt voor alle locaties.",
        help_en="For a goal each location reaches in its own period: 0 = before the start, "
        "4 = within four months after the start. Empty: the deadline applies to every location.",
    )
    owner: str = field("Eigenaar", "Owner", default="", privacy="person")
    term: Term = field("Termijn", "Term", default=Term.short)
    acceptable: bool | None = field(
        "Acceptabel: is er draagvlak?",
        "Acceptable: is there support?",
        default=None,
    )
    realistic: bool | None = field(
        "Realistisch: haalbaar en uitdagend?",
        "Realistic: achievable and challenging?",
        default=None,
    )
    actions: list[Action] = field(
        "Acties", "Actions", nouns=("actie", "acties", "action", "actions"), default_factory=list
    )


# --- 4. Data collection ------------------------------------------------------------------------


class DataItem(Item):
    goal_id: str = field("Bij doel (nr)", "For goal (no.)", default="", widget="goal", privacy="public")
    data: str = field("Gegevens", "Data", privacy="public")
    recorder: str = field("Wie legt vast", "Who records", default="", privacy="person")
    method: str = field("Hoe", "How", default="", privacy="public")
    frequency: str = field("Wanneer / hoe vaak", "When / how often", default="", privacy="public")
    system: System | None = field("Waarmee / waarin", "With what", default=None)
    feedback: str = field("Wanneer teruggekoppeld", "When fed back", default="", privacy="public")


# --- 5. Communication --------------------------------------------------------------------------


class MessageChecks(Record):
    fits: bool | None = field(
        "Sluit aan bij doelgroep, context en fase",
        "Fits audience, context and phase",
        default=None,
    )
    appeals: bool | None = field("Spreekt de doelgroep aan", "Appeals to the audience", default=None)
    unambiguous: bool | None = field("Is ondubbelzinnig", "Is unambiguous", default=None)
    anticipates_resistance: bool | None = field(
        "Houdt rekening met weerstand",
        "Anticipates resistance",
        default=None,
    )


class CommunicationAction(Item):
    purpose: str = field("Doel of nieuwe werkwijze", "Goal or new way of working", privacy="public")
    form: str = field("Actie of overlegvorm", "Action or meeting form", default="", privacy="public")
    who: str = field("Wie", "Who", default="", privacy="person")
    when: dt.date | None = field("Wanneer", "When", default=None)
    done: bool = field("Klaar", "Done", default=False)


class Communication(Record):
    core_message: str = field(
        "Kernboodschap",
        "Core message",
        default="",
        widget="longtext",
        help_nl="Wat wil je bereiken, bij wie, en op welke manier? In een paar zinnen.",
        help_en="What do you want to achieve, with whom, and how? In a few sentences.",
        privacy="public",
    )
    checks: MessageChecks = field("Toets de kernboodschap", "Check the core message", default_factory=MessageChecks)
    actions: list[CommunicationAction] = field(
        "Communicatieacties",
        "Communication actions",
        nouns=("communicatieactie", "communicatieacties", "communication action", "communication actions"),
        default_factory=list,
    )


# --- 6. Stakeholders ---------------------------------------------------------------------------


class Stakeholder(Item):
    name: str = field("Persoon of groep", "Person or group", privacy="person")
    role: str = field("Rol", "Role", default="", privacy="public")
    power: int = field("Invloed (1-5)", "Power (1-5)", default=3, ge=1, le=5, widget="scale")
    interest: int = field("Belang (1-5)", "Interest (1-5)", default=3, ge=1, le=5, widget="scale")
    position: Position = field("Positie", "Position", default=Position.neutral)
    stake: str = field(
        "Wat levert het op of wat bedreigt het?",
        "What it brings or threatens",
        default="",
        widget="longtext",
        privacy="public",
    )
    strategy: Colour | None = field("Beïnvloedingsstrategie", "Influence strategy", default=None)
    next_step: str = field("Volgende stap", "Next step", default="", privacy="public")


class Assumption(Item):
    assumption: str = field(
        "Aanname",
        "Assumption",
        widget="longtext",
        help_nl="Wat neem je aan over de behoefte, het gebruik of de betaling? Bijvoorbeeld: naasten vinden een "
        "sensor zonder camera aanvaardbaar.",
        help_en="What do you assume about the need, the use or the payment? For example: families find a sensor "
        "without a camera acceptable.",
        privacy="public",
    )
    outcome: AssumptionOutcome | None = field(
        "Uitkomst",
        "Outcome",
        default=None,
        help_nl="Wat bleek in het gesprek? Leeg: nog niet getoetst.",
        help_en="What did the conversation show? Empty: not tested yet.",
    )
    follow_up: str = field(
        "Wat volgt eruit?",
        "What follows?",
        default="",
        widget="longtext",
        help_nl="Wat verandert er in het plan, of wat doe je nu?",
        help_en="What changes in the plan, or what do you do now?",
        privacy="public",
    )


PARTY_HELP = (
    "Rollen, geen namen.",
    "Roles, not names.",
)


class Conversation(Item):
    """A four-party conversation: care provider, client, funder and innovator test assumptions together."""

    date: dt.date | None = field("Datum", "Date", default=None)
    care_provider: str = field(
        "Namens de zorgverlener",
        "For the care provider",
        default="",
        help_nl=f"{PARTY_HELP[0]} Bijvoorbeeld: teamleider, specialist ouderengeneeskunde.",
        help_en=f"{PARTY_HELP[1]} For example: team leader, elderly care physician.",
        privacy="free_text",
    )
    client: str = field(
        "Namens de cliënt",
        "For the client",
        default="",
        help_nl=f"{PARTY_HELP[0]} Nooit de naam van een cliënt; bijvoorbeeld: lid cliëntenraad, mantelzorger.",
        help_en=f"{PARTY_HELP[1]} Never a client's name; for example: client council member, family carer.",
        privacy="free_text",
    )
    funder: str = field(
        "Namens de financier",
        "For the funder",
        default="",
        help_nl=f"{PARTY_HELP[0]} Bijvoorbeeld: zorginkoper van het zorgkantoor, gemeente.",
        help_en=f"{PARTY_HELP[1]} For example: purchaser of the care office, municipality.",
        privacy="free_text",
    )
    innovator: str = field(
        "Namens de vernieuwer",
        "For the innovator",
        default="",
        help_nl=f"{PARTY_HELP[0]} Wie de vernieuwing brengt: leverancier, ontwikkelaar of het eigen innovatieteam.",
        help_en=f"{PARTY_HELP[1]} Who brings the innovation: supplier, developer or the organisation's own "
        "innovation team.",
        privacy="free_text",
    )
    assumptions: list[Assumption] = field(
        "Getoetste aannames",
        "Assumptions tested",
        nouns=("aanname", "aannames", "assumption", "assumptions"),
        default_factory=list,
    )


# --- 7. Spread plan ----------------------------------------------------------------------------


class SpreadPhase(Item):
    name: str = field("Fase", "Phase", privacy="public")
    description: str = field("Omschrijving", "Description", default="", widget="longtext", privacy="public")
    start: dt.date | None = field("Start", "Start", default=None)
    end: dt.date | None = field("Einde", "End", default=None)


class Characteristic(Item):
    key: RogersKey = field("Kenmerk", "Characteristic")
    score: int | None = field(
        "Score (1-5)",
        "Score (1-5)",
        default=None,
        ge=1,
        le=5,
        widget="scale",
        help_nl="5 = sterk aanwezig. Bij complexiteit betekent 5: erg ingewikkeld.",
        help_en="5 = strongly present. For complexity 5 means: very complicated.",
    )
    handling: str = field(
        "Hoe gaan we ermee om?", "How do we handle it?", default="", widget="longtext", privacy="public"
    )


class SystemEffect(Item):
    who: str = field("Wie", "Who", privacy="public")
    expected: str = field(
        "Wat wordt er verwacht?", "What is expected?", default="", widget="longtext", privacy="public"
    )
    needs: str = field("Wat is daarvoor nodig?", "What is needed?", default="", widget="longtext", privacy="public")
    phase: str = field("Fase", "Phase", default="", privacy="public")


class Risk(Item):
    risk: str = field("Afbreukrisico", "Failure risk", widget="longtext", privacy="public")
    likelihood: int = field("Kans (1-5)", "Likelihood (1-5)", default=3, ge=1, le=5, widget="scale")
    impact: int = field("Impact (1-5)", "Impact (1-5)", default=3, ge=1, le=5, widget="scale")
    mitigation: str = field("Wat doen we eraan?", "Mitigation", default="", widget="longtext", privacy="public")


class Wave(Item):
    name: str = field("Golf", "Wave", privacy="public")
    locations: list[str] = field(
        "Locaties",
        "Locations",
        default_factory=list,
        widget="location",
        help_nl="De codes van de locaties in deze golf, in volgorde.",
        help_en="The codes of the locations in this wave, in order.",
        privacy="public",
    )


class Rollout(Record):
    start: dt.date | None = field("Start van de uitrol", "Start of the rollout", default=None)
    max_concurrent: int = field(
        "Hoeveel locaties tegelijk",
        "Locations at the same time",
        default=2,
        ge=1,
        le=50,
    )
    months_per_location: int = field(
        "Maanden per locatie (3-6)",
        "Months per location (3-6)",
        default=4,
        ge=3,
        le=6,
    )
    waves: list[Wave] = field("Golven", "Waves", nouns=("golf", "golven", "wave", "waves"), default_factory=list)


class SpreadPlan(Record):
    what: str = field("Wat verspreiden we?", "What do we spread?", default="", widget="longtext", privacy="public")
    future_users: str = field(
        "Wie zijn de toekomstige gebruikers?",
        "Who are the future users?",
        default="",
        widget="longtext",
        privacy="public",
    )
    context: str = field(
        "Hoe ziet de context eruit?", "What is the context like?", default="", widget="longtext", privacy="public"
    )
    phases: list[SpreadPhase] = field(
        "Fasen van de verspreiding",
        "Phases of the spread",
        nouns=("fase", "fasen", "phase", "phases"),
        default_factory=list,
    )
    progress_measure: str = field(
        "Hoe meten we de voortgang?",
        "How do we measure progress?",
        default="",
        widget="longtext",
        privacy="public",
    )
    characteristics: list[Characteristic] = field(
        "Kenmerken van de verandering",
        "Characteristics of the change",
        nouns=("kenmerk", "kenmerken", "characteristic", "characteristics"),
        default_factory=list,
    )
    system_effects: list[SystemEffect] = field(
        "Effecten op het systeem",
        "Effects on the system",
        nouns=("effect", "effecten", "effect", "effects"),
        default_factory=list,
    )
    risks: list[Risk] = field(
        "Afbreukrisico's", "Failure risks", nouns=("risico", "risico's", "risk", "risks"), default_factory=list
    )
    rollout: Rollout = field("Volgorde van de locaties", "Rollout order", default_factory=Rollout)


# --- 8. Sustainment ----------------------------------------------------------------------------


class ScanResponse(Item):
    rater: str = field(
        "Invuller",
        "Rater",
        help_nl="Een rol of initialen; geen cliëntgegevens.",
        help_en="A role or initials; no client data.",
        privacy="person",
    )
    date: dt.date = field("Datum", "Date")
    answers: dict[str, Level] = field(
        "Antwoorden per factor",
        "Answers per factor",
        default_factory=dict,
        help_nl="Per factor van de borgingsscan een niveau A (best) tot D.",
        help_en="Per factor of the sustainability scan a level A (best) to D.",
    )


class EmbeddingItem(Item):
    area: EmbeddingArea = field("Waar", "Where")
    embedded: bool = field("Geborgd", "Embedded", default=False)
    notes: str = field("Toelichting", "Notes", default="", privacy="public")


class AnchoringGroup(Item):
    group: str = field("Medewerkersgroep", "Staff group", privacy="public")
    ring: Ring = field("Ring", "Ring", default=Ring.core)
    meaning: str = field(
        "Wat betekent het voor hen?", "What does it mean for them?", default="", widget="longtext", privacy="public"
    )
    change: str = field(
        "Wat moeten zij veranderen?", "What must they change?", default="", widget="longtext", privacy="public"
    )


class SimpleAction(Item):
    text: str = field("Actie", "Action", widget="longtext", privacy="public")
    who: str = field("Wie", "Who", default="", privacy="person")
    when: dt.date | None = field("Wanneer", "When", default=None)
    done: bool = field("Klaar", "Done", default=False)


class Sustainment(Record):
    scans: list[ScanResponse] = field(
        "Borgingsscans", "Sustainability scans", nouns=("scan", "scans", "scan", "scans"), default_factory=list
    )
    checklist: list[EmbeddingItem] = field(
        "Checklist borging",
        "Embedding checklist",
        nouns=("checkpunt", "checkpunten", "check item", "check items"),
        default_factory=list,
    )
    anchoring: list[AnchoringGroup] = field(
        "Verankering in kaart",
        "Anchoring map",
        nouns=("medewerkersgroep", "medewerkersgroepen", "staff group", "staff groups"),
        default_factory=list,
    )
    actions: list[SimpleAction] = field(
        "Borgingsacties",
        "Sustainment actions",
        nouns=("borgingsactie", "borgingsacties", "sustainment action", "sustainment actions"),
        default_factory=list,
    )


# --- 9. Evaluation -----------------------------------------------------------------------------


class PdcaCycle(Item):
    title: str = field("Onderwerp", "Subject", privacy="public")
    date: dt.date | None = field("Datum", "Date", default=None)
    plan: str = field("Plan", "Plan", default="", widget="longtext", privacy="free_text")
    do: str = field("Do", "Do", default="", widget="longtext", privacy="free_text")
    check: str = field("Check", "Check", default="", widget="longtext", privacy="free_text")
    act: str = field("Act", "Act", default="", widget="longtext", privacy="free_text")


class Lesson(Item):
    date: dt.date | None = field("Datum", "Date", default=None)
    lesson: str = field("Les", "Lesson", widget="longtext", privacy="free_text")


class Evaluation(Record):
    reach_goal: str = field(
        "Bereik: welk doel telt wie er meedoet?",
        "Reach: which goal counts who takes part?",
        default="",
        widget="goal",
        help_nl="Het doel waarvan de metingen per locatie zeggen hoeveel cliënten uit de doelgroep meedoen: een "
        "percentage van de geschikte cliënten of een aantal cliënten. RE-AIM deelt dat door het aantal geschikte "
        "cliënten van de locatie. Leeg: het bereik is niet gemeten.",
        help_en="The goal whose measurements say per location how many clients of the target group take part: a "
        "percentage of the suitable clients or a number of clients. RE-AIM divides it by the location's number of "
        "suitable clients. Empty: reach is not measured.",
        privacy="public",
    )
    cycles: list[PdcaCycle] = field(
        "PDCA-cycli",
        "PDCA cycles",
        nouns=("PDCA-cyclus", "PDCA-cycli", "PDCA cycle", "PDCA cycles"),
        default_factory=list,
    )
    lessons: list[Lesson] = field(
        "Geleerde lessen", "Lessons learned", nouns=("les", "lessen", "lesson", "lessons"), default_factory=list
    )


# --- Runbook template --------------------------------------------------------------------------


class RunbookTemplateActivity(Item):
    activity: str = field("Activiteit", "Activity", widget="longtext", privacy="public")
    week: int = field(
        "Week (vanaf start)",
        "Week (from start)",
        default=1,
        ge=-52,
        le=104,
        help_nl="In welke week na de start van de locatie.",
        help_en="In which week after the location starts.",
    )
    weeks_before_end: int | None = field(
        "Of: weken vóór het einde",
        "Or: weeks before the end",
        default=None,
        ge=0,
        le=52,
        help_nl="Voor een activiteit die je terugplant vanaf het einde van de locatie (de eindevaluatie, de "
        "overdracht): 0 = in de laatste week. Dan telt de week vanaf de start niet.",
        help_en="For an activity planned back from the location's end (the final evaluation, the handover): "
        "0 = in the last week. The week from the start then does not count.",
    )
    one_off_cost: float = field(
        "Eenmalige kosten (€)", "One-off costs (€)", default=0.0, ge=0, widget="money", privacy="money"
    )
    structural_cost: float = field(
        "Structurele kosten per jaar (€)",
        "Structural costs per year (€)",
        default=0.0,
        ge=0,
        widget="money",
        privacy="money",
    )


# --- The plan ----------------------------------------------------------------------------------


class Plan(Record):
    schema_version: int = field("Schemaversie", "Schema version", default=SCHEMA_VERSION)
    basics: Basics = field("Start", "Start", default_factory=Basics)
    context: Context = field("Contextdiagnose", "Context diagnosis", default_factory=Context)
    goals: list[Goal] = field(
        "SMART-doelen en acties",
        "SMART goals and actions",
        nouns=("doel", "doelen", "goal", "goals"),
        default_factory=list,
    )
    data_collection: list[DataItem] = field(
        "Gegevensverzameling",
        "Data collection",
        nouns=("gegevensregel", "gegevensregels", "data item", "data items"),
        default_factory=list,
    )
    communication: Communication = field("Communicatie", "Communication", default_factory=Communication)
    stakeholders: list[Stakeholder] = field(
        "Stakeholders",
        "Stakeholders",
        nouns=("stakeholder", "stakeholders", "stakeholder", "stakeholders"),
        default_factory=list,
    )
    conversations: list[Conversation] = field(
        "Vierhoeksgesprekken: aannames samen toetsen",
        "Four-party conversations: testing assumptions together",
        nouns=("vierhoeksgesprek", "vierhoeksgesprekken", "four-party conversation", "four-party conversations"),
        default_factory=list,
        help_nl="Toets met de zorgverlener, de cliënt, de financier en de vernieuwer samen of je aannames over de "
        "behoefte, het gebruik en de betaling kloppen, het liefst voordat de eerste locatie begint.",
        help_en="Test together with the care provider, the client, the funder and the innovator whether your "
        "assumptions about the need, the use and the payment hold, preferably before the first location starts.",
    )
    spread: SpreadPlan = field("Verspreidingsplan", "Spread plan", default_factory=SpreadPlan)
    sustainment: Sustainment = field("Borging", "Sustainment", default_factory=Sustainment)
    evaluation: Evaluation = field("Evaluatie", "Evaluation", default_factory=Evaluation)
    runbook_template: list[RunbookTemplateActivity] = field(
        "Draaiboek (sjabloon)",
        "Runbook (template)",
        nouns=("activiteit", "activiteiten", "activity", "activities"),
        default_factory=list,
    )

    def goal(self, goal_id: str) -> Goal | None:
        """The goal with this id, or None."""
        return next((g for g in self.goals if g.id == goal_id), None)
