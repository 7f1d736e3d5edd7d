"""The closed lists of choices used in the plan, each with Dutch and English labels."""

from workbook.model.fields import Choice


class Approach(Choice):
    top_down = "top_down", "Top-down (planmatig)", "Top-down (planned)"
    bottom_up = "bottom_up", "Bottom-up (participatief)", "Bottom-up (participative)"
    mixed = "mixed", "Gemengd", "Mixed"


class Payer(Choice):
    client = "client", "Cliënt", "Client"
    care_organisation = "care_organisation", "Zorgorganisatie", "Care organisation"
    insurer = "insurer", "Zorgverzekeraar of zorgkantoor", "Insurer"
    government = "government", "Overheid of gemeente", "Government"


class ContextGroup(Choice):
    professional = (
        "professional",
        "De individuele zorgverlener",
        "The individual professional",
        "individuele professional",
    )
    environment = "environment", "De omgeving", "The environment"
    organisation = "organisation", "De organisatie", "The organisation"
    innovation = "innovation", "De verandering zelf", "The change itself"


class Effect(Choice):
    promoting = "promoting", "Bevorderend", "Promoting"
    hindering = "hindering", "Belemmerend", "Hindering"


class SwotKind(Choice):
    """A point of the SWOT view of the context: inside the organisation (strength, weakness) or
    outside it (opportunity, threat)."""

    strength = "strength", "Sterkte", "Strength", "sterk punt"
    weakness = "weakness", "Zwakte", "Weakness", "zwak punt"
    opportunity = "opportunity", "Kans", "Opportunity"
    threat = "threat", "Bedreiging", "Threat"


class Term(Choice):
    short = "short", "Korte termijn", "Short term"
    long = "long", "Lange termijn", "Long term"


class GoalKind(Choice):
    """What a goal is about; the SMART check reads each kind its own way and RE-AIM counts by it."""

    outcome = "outcome", "Uitkomst", "Outcome"
    process = "process", "Proces", "Process"
    milestone = "milestone", "Mijlpaal", "Milestone"


class System(Choice):
    epd = "epd", "EPD (elektronisch cliëntdossier)", "Electronic client record"
    rom = "rom", "ROM (routine uitkomstmeting)", "Routine outcome monitoring"
    spreadsheet = "spreadsheet", "Spreadsheet", "Spreadsheet"
    questionnaire = "questionnaire", "Vragenlijst", "Questionnaire"
    other = "other", "Anders", "Other"


class Position(Choice):
    supporter = "supporter", "Voor", "For", "voorstander"
    neutral = "neutral", "Neutraal", "Neutral"
    opponent = "opponent", "Tegen", "Against", "tegenstander"


class AssumptionOutcome(Choice):
    """What testing an assumption together (in a four-party conversation) showed."""

    confirmed = "confirmed", "Bevestigd", "Confirmed", "klopt"
    not_confirmed = "not_confirmed", "Niet bevestigd", "Not confirmed", "klopt niet"
    adjusted = "adjusted", "Bijgesteld", "Adjusted"


class Colour(Choice):
    """De Caluwé's colours of change, used as influence strategies."""

    yellow = "yellow", "Geel (belangen en macht)", "Yellow (power and interests)"
    blue = "blue", "Blauw (plan en beheersing)", "Blue (plan and control)"
    red = "red", "Rood (motiveren en verbinden)", "Red (motivation and belonging)"
    green = "green", "Groen (samen leren)", "Green (learning together)"
    white = "white", "Wit (ruimte voor eigen initiatief)", "White (self-organisation)"


class RogersKey(Choice):
    relative_advantage = "relative_advantage", "Relatief voordeel", "Relative advantage"
    compatibility = "compatibility", "Aansluiting", "Compatibility"
    complexity = "complexity", "Complexiteit", "Complexity"
    trialability = "trialability", "Testbaarheid", "Trialability"
    observability = "observability", "Zichtbaarheid", "Observability"


class Level(Choice):
    """A level on the sustainability scan: A is the best."""

    A = "A", "A", "A"
    B = "B", "B", "B"
    C = "C", "C", "C"
    D = "D", "D", "D"


class EmbeddingArea(Choice):
    annual_plan = "annual_plan", "Jaarplan", "Annual plan"
    insurer_agreements = "insurer_agreements", "Afspraken met financiers", "Agreements with funders"
    ict = "ict", "ICT (EPD, ROM)", "ICT (client record, ROM)"
    meetings = "meetings", "Vaste overleggen en rapportages", "Standing meetings and reports"
    appraisal = "appraisal", "Functioneringsgesprekken", "Staff appraisal"
    induction = "induction", "Inwerken van nieuwe medewerkers", "Induction of new staff"
    other = "other", "Anders", "Other"


class Ring(Choice):
    """Rings of the anchoring map, from the core outwards."""

    core = "core", "Kern: past het dagelijks toe", "Core: applies it daily"
    close = "close", "Dichtbij: werkt ermee samen", "Close: works with it"
    outer = "outer", "Buitenring: faciliteert of ondersteunt", "Outer: enables or supports"


class Phase(Choice):
    planned = "planned", "Gepland", "Planned"
    starting = "starting", "Start", "Starting"
    running = "running", "Loopt", "Running"
    finished = "finished", "Afgerond", "Finished"


class Status(Choice):
    todo = "todo", "Nog te doen", "To do"
    busy = "busy", "Bezig", "In progress"
    done = "done", "Klaar", "Done"
    cancelled = "cancelled", "Vervallen", "Cancelled"


class CriterionKind(Choice):
    inclusion = "inclusion", "Inclusie (wel geschikt)", "Inclusion (suitable)"
    exclusion = "exclusion", "Exclusie (niet geschikt)", "Exclusion (not suitable)"


class ExperienceKind(Choice):
    success = "success", "Succes", "Success"
    failure = "failure", "Mislukking", "Failure"


class Newcomer(Choice):
    clients = "clients", "Nieuwe cliënten", "New clients"
    colleagues = "colleagues", "Nieuwe collega's", "New colleagues"


class Determinant(Choice):
    """A determinant of the MIDI (Fleuren et al. 2014), grouped as the context diagnosis groups them.

    Where each comes from and its CFIR 2.0 counterpart: workbook/instruments/determinants.yaml.
    """

    procedural_clarity = "procedural_clarity", "Vernieuwing: duidelijke werkwijze", "Innovation: procedural clarity"
    correctness = "correctness", "Vernieuwing: onderbouwing", "Innovation: correctness"
    completeness = "completeness", "Vernieuwing: volledigheid", "Innovation: completeness"
    complexity = "complexity", "Vernieuwing: complexiteit", "Innovation: complexity"
    compatibility = "compatibility", "Vernieuwing: past bij de werkwijze", "Innovation: compatibility"
    observability = "observability", "Vernieuwing: zichtbare resultaten", "Innovation: observability"
    relevance_for_client = (
        "relevance_for_client",
        "Vernieuwing: belang voor cliënten",
        "Innovation: relevance for clients",
    )
    personal_benefits = "personal_benefits", "Gebruiker: persoonlijke voor- en nadelen", "User: personal benefits"
    outcome_expectations = "outcome_expectations", "Gebruiker: verwachte uitkomst", "User: outcome expectations"
    professional_obligation = (
        "professional_obligation",
        "Gebruiker: professionele plicht",
        "User: professional obligation",
    )
    client_satisfaction = "client_satisfaction", "Gebruiker: tevredenheid van cliënten", "User: client satisfaction"
    client_cooperation = "client_cooperation", "Gebruiker: medewerking van cliënten", "User: client cooperation"
    social_support = "social_support", "Gebruiker: steun van collega's", "User: social support"
    descriptive_norm = "descriptive_norm", "Gebruiker: wat collega's doen", "User: descriptive norm"
    subjective_norm = "subjective_norm", "Gebruiker: wat anderen verwachten", "User: subjective norm"
    self_efficacy = "self_efficacy", "Gebruiker: vertrouwen in eigen kunnen", "User: self-efficacy"
    knowledge = "knowledge", "Gebruiker: kennis", "User: knowledge"
    formal_ratification = (
        "formal_ratification",
        "Organisatie: besluit van het management",
        "Organisation: formal ratification",
    )
    staff_replacement = (
        "staff_replacement",
        "Organisatie: opvang van vertrek",
        "Organisation: replacement when staff leave",
    )
    staff_capacity = "staff_capacity", "Organisatie: personele bezetting", "Organisation: staff capacity"
    financial_resources = "financial_resources", "Organisatie: geld", "Organisation: financial resources"
    time_available = "time_available", "Organisatie: tijd", "Organisation: time available"
    material_resources = (
        "material_resources",
        "Organisatie: materialen en voorzieningen",
        "Organisation: material resources",
    )
    coordinator = "coordinator", "Organisatie: coördinator", "Organisation: coordinator"
    turbulence = "turbulence", "Organisatie: onrust", "Organisation: unrest"
    information_accessible = (
        "information_accessible",
        "Organisatie: toegankelijke informatie",
        "Organisation: information",
    )
    performance_feedback = "performance_feedback", "Organisatie: terugkoppeling", "Organisation: performance feedback"
    legislation = "legislation", "Omgeving: wet- en regelgeving", "Socio-political: legislation"
