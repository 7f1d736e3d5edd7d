"""One location in the rollout (locaties/<slug>.yaml, measurements in metingen/<slug>.csv)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from workbook.model.base import Item, Record
from workbook.model.choices import CriterionKind, ExperienceKind, Newcomer, Phase, Status
from workbook.model.fields import field
from workbook.model.plan import SCHEMA_VERSION, Member, ScanResponse


class RunbookActivity(Item):
    activity: str = field("Activiteit", "Activity", widget="longtext", privacy="public")
    person: str = field("Verantwoordelijke", "Responsible", default="", privacy="person")
    start: dt.date | None = field("Start", "Start", default=None)
    end: dt.date | None = field("Einde", "End", default=None)
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
    status: Status = field("Status", "Status", default=Status.todo)
    weeks_before_end: int | None = field(
        "Weken vóór het einde",
        "Weeks before the end",
        default=None,
        ge=0,
        le=52,
        help_nl="Plan terug vanaf de einddatum van de locatie: 2 = klaar twee weken vóór het einde, 0 = in de "
        "laatste week. Het werkboek rekent start en einde dan uit en schuift ze mee als de einddatum verandert "
        "(de duur blijft). Leeg: je kiest de datums zelf.",
        help_en="Plan back from the location's end date: 2 = done two weeks before the end, 0 = in the last week. "
        "The workbook then works out the start and end and moves them when the end date changes (the length "
        "stays). Empty: you choose the dates yourself.",
    )


DEFAULT_DAYS = 4
"""An activity dated from the end without a length of its own takes a working week (Monday to Friday
when the location ends on a Friday): it starts this many days before its end."""


def date_from_end(activity: RunbookActivity, location_end: dt.date) -> None:
    """Date `activity` back from `location_end`: it ends ``weeks_before_end`` weeks before it and
    keeps its length (the days from its start to its end, else ``DEFAULT_DAYS``)."""
    if activity.weeks_before_end is None:
        return
    start, end = activity.start, activity.end
    days = (end - start).days if start is not None and end is not None and start <= end else DEFAULT_DAYS
    new_end = location_end - dt.timedelta(weeks=activity.weeks_before_end)
    new_start = new_end - dt.timedelta(days=days)
    if (new_start, new_end) != (start, end):
        activity.start, activity.end = new_start, new_end


class ClientCriterion(Item):
    criterion: str = field("Criterium", "Criterion", privacy="public")
    kind: CriterionKind = field("Soort", "Kind", default=CriterionKind.inclusion)
    count: int = field(
        "Aantal cliënten",
        "Number of clients",
        default=0,
        ge=0,
        help_nl="Alleen aantallen, nooit namen.",
        help_en="Counts only, never names.",
        privacy="client_count",
    )
    reason: str = field("Reden", "Reason", default="", widget="longtext", privacy="free_text")


class SuitabilityChange(Item):
    date: dt.date | None = field("Datum", "Date", default=None)
    count: int = field("Aantal cliënten", "Number of clients", default=1, ge=0, privacy="client_count")
    reason: str = field(
        "Leek geschikt, bleek het niet: waarom?",
        "Seemed suitable, turned out not: why?",
        widget="longtext",
        privacy="free_text",
    )


class Clients(Record):
    total: int | None = field(
        "Cliënten van het team", "Clients of the team", default=None, ge=0, privacy="client_count"
    )
    suitable: int | None = field(
        "Waarschijnlijk geschikt", "Probably suitable", default=None, ge=0, privacy="client_count"
    )
    criteria: list[ClientCriterion] = field(
        "In- en exclusiecriteria",
        "Inclusion and exclusion criteria",
        nouns=("criterium", "criteria", "criterion", "criteria"),
        default_factory=list,
    )
    changes: list[SuitabilityChange] = field(
        "Bijgestelde inschattingen",
        "Revised assessments",
        nouns=("bijstelling", "bijstellingen", "revision", "revisions"),
        default_factory=list,
    )


class LocalTarget(Item):
    goal_id: str = field("Doel (nr)", "Goal (no.)", widget="goal", privacy="public")
    target: float = field("Lokale streefwaarde", "Local target")
    note: str = field("Toelichting", "Notes", default="", privacy="free_text")


class Measurement(Item):
    date: dt.date = field("Meetmoment", "Measurement date")
    goal_id: str = field("Doel (nr)", "Goal (no.)", widget="goal", privacy="public")
    value: float = field("Waarde", "Value")
    note: str = field("Toelichting", "Notes", default="", privacy="free_text")


class Experience(Item):
    date: dt.date | None = field("Datum", "Date", default=None)
    kind: ExperienceKind = field("Succes of mislukking", "Success or failure", default=ExperienceKind.success)
    description: str = field("Wat gebeurde er?", "What happened?", widget="longtext", privacy="free_text")
    lesson: str = field("Wat leren we ervan?", "What do we learn?", default="", widget="longtext", privacy="free_text")


class Intake(Item):
    newcomer: Newcomer = field("Voor wie", "For whom", default=Newcomer.clients)
    who_explains: str = field("Wie legt het uit?", "Who explains it?", default="", privacy="person")
    role: str = field(
        "Rol en verantwoordelijkheid", "Role and responsibility", default="", widget="longtext", privacy="free_text"
    )


class LocationEvaluation(Item):
    date: dt.date | None = field("Datum", "Date", default=None)
    achieved: str = field("Wat is bereikt?", "What was achieved?", default="", widget="longtext", privacy="free_text")
    learned: str = field(
        "Wat hebben we geleerd?", "What did we learn?", default="", widget="longtext", privacy="free_text"
    )
    feedback: str = field(
        "Terugkoppeling voor projectgroep en andere locaties",
        "Feedback for the project group and other locations",
        default="",
        widget="longtext",
        privacy="free_text",
    )


class Location(Record):
    schema_version: int = field("Schemaversie", "Schema version", default=SCHEMA_VERSION)
    slug: str = Field(default="", exclude=True)
    name: str = field("Naam van de locatie", "Location name", privacy="public")
    central_contact: str = field("Centrale contactpersoon", "Central contact", default="", privacy="person")
    local_owner: str = field(
        "Eigenaar op de locatie",
        "Owner at the location",
        default="",
        help_nl="Wie op de locatie trekt de invoering en beslist erover mee? Bij een aanpak van onderop kiest "
        "de locatie haar eigen eigenaar.",
        help_en="Who at the location leads the implementation and has a say in it? In a bottom-up approach the "
        "location chooses its own owner.",
        privacy="person",
    )
    phase: Phase = field("Fase", "Phase", default=Phase.planned)
    start: dt.date | None = field("Start", "Start", default=None)
    end: dt.date | None = field("Einde", "End", default=None)
    team: list[Member] = field(
        "Uitvoeringsteam",
        "Execution team",
        nouns=("teamlid", "teamleden", "team member", "team members"),
        default_factory=list,
        privacy="person",
    )
    runbook: list[RunbookActivity] = field(
        "Draaiboek", "Runbook", nouns=("activiteit", "activiteiten", "activity", "activities"), default_factory=list
    )
    clients: Clients = field("Geschikte cliënten", "Suitable clients", default_factory=Clients)
    targets: list[LocalTarget] = field(
        "Lokale streefwaarden",
        "Local targets",
        nouns=("streefwaarde", "streefwaarden", "target", "targets"),
        default_factory=list,
    )
    measurements: list[Measurement] = field(
        "Metingen", "Measurements", nouns=("meting", "metingen", "measurement", "measurements"), default_factory=list
    )
    scans: list[ScanResponse] = field(
        "Borgingsscans", "Sustainability scans", nouns=("scan", "scans", "scan", "scans"), default_factory=list
    )
    experiences: list[Experience] = field(
        "Successen en mislukkingen",
        "Successes and failures",
        nouns=("ervaring", "ervaringen", "experience", "experiences"),
        default_factory=list,
    )
    intake: list[Intake] = field(
        "Intake van nieuwe cliënten en collega's",
        "Intake of new clients and colleagues",
        nouns=("intake", "intakes", "intake", "intakes"),
        default_factory=list,
    )
    evaluations: list[LocationEvaluation] = field(
        "Evaluatie en terugkoppeling",
        "Evaluation and feedback",
        nouns=("evaluatie", "evaluaties", "evaluation", "evaluations"),
        default_factory=list,
    )

    @model_validator(mode="after")
    def _runbook_from_the_end(self) -> Location:
        """Runbook activities planned back from the end (``weeks_before_end``) take their dates from
        the location's end date, whenever the location is read, changed or saved."""
        if self.end is not None:
            for activity in self.runbook:
                date_from_end(activity, self.end)
        return self
