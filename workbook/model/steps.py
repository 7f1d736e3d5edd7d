"""The guided steps in the order of the work: what each one edits and which feedback it shows."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.model.layout import Block, Section, Text

msg = Messages(
    {"unknown": ("onbekende stap '{step}'; kies uit: {known}", "unknown step '{step}'; choose from: {known}")}
)


@dataclass(frozen=True)
class Step:
    """One guided step: a notebook, a form laid out from sections, and its live feedback panels."""

    key: str
    number: int
    title: Text
    blocks: tuple[Block, ...]
    feedback: tuple[str, ...]
    purpose: Text = Text("", "")
    per_location: bool = False

    @property
    def notebook(self) -> str:
        """The file name of the step's notebook, numbered in the order of the work."""
        return f"{self.number:02d}_{self.key}.ipynb"

    @property
    def sections(self) -> list[Section]:
        return [block for block in self.blocks if isinstance(block, Section)]


STEPS: dict[str, Step] = {
    step.key: step
    for step in (
        Step(
            "start",
            1,
            Text("Start", "Start"),
            (Section("basics"),),
            ("overview",),
            purpose=Text("Waar gaat het om, voor wie, en waarom nu?", "What is it about, for whom, and why now?"),
        ),
        Step(
            "context",
            2,
            Text("Contextdiagnose", "Context diagnosis"),
            (Section("context"),),
            ("context_factors", "swot", "factor_strategies", "lint:context"),
            purpose=Text(
                "Wat helpt de invoering en wat remt haar?", "What helps the implementation and what holds it back?"
            ),
        ),
        Step(
            "doelen",
            3,
            Text("SMART-doelen en acties", "SMART goals and actions"),
            (Section("goals"),),
            ("smart", "lint:goals"),
            purpose=Text(
                "Doelen die je kunt meten, met de acties ervoor.", "Goals you can measure, with the actions they need."
            ),
        ),
        Step(
            "gegevens",
            4,
            Text("Gegevensverzameling (PDCA)", "Data collection (PDCA)"),
            (Section("data_collection"),),
            ("goal_list", "lint:goals"),
            purpose=Text("Wie legt wat vast, hoe vaak en waar?", "Who records what, how often and where?"),
        ),
        Step(
            "communicatie",
            5,
            Text("Communicatie en kernboodschap", "Communication and core message"),
            (Section("communication"),),
            ("message_checks", "lint:communication"),
            purpose=Text("De kernboodschap en wie wanneer wat hoort.", "The core message and who hears what, when."),
        ),
        Step(
            "stakeholders",
            6,
            Text("Stakeholders", "Stakeholders"),
            (Section("stakeholders"), Section("conversations")),
            ("stakeholder_grid", "strategies", "lint:stakeholders", "lint:conversations"),
            purpose=Text(
                "Wie heeft invloed en belang, en hoe betrek je ze?",
                "Who has power and interest, and how to involve them?",
            ),
        ),
        Step(
            "verspreiding",
            7,
            Text("Verspreidingsplan", "Spread plan"),
            (Section("spread"), Section("runbook_template")),
            ("approach", "rogers_profile", "rollout_gantt"),
            purpose=Text("In welke volgorde gaan de locaties over?", "In which order do the locations take it up?"),
        ),
        Step(
            "borging",
            8,
            Text("Borging", "Sustainment"),
            (Section("sustainment"),),
            ("sustainability_scan", "anchoring_rings", "lint:sustainment"),
            purpose=Text(
                "Hoe blijft de vernieuwing als het project klaar is?", "How does the innovation last after the project?"
            ),
        ),
        Step(
            "locatie",
            9,
            Text("Draaiboek per locatie", "Runbook per location"),
            (
                Text("Locatie en fase", "Location and phase", heading=True),
                Section("name"),
                Section("central_contact"),
                Section("local_owner"),
                Section("phase"),
                Section("start"),
                Section("end"),
                Section("team"),
                Section("runbook"),
                Section("clients"),
                Section("targets"),
                Section("measurements"),
                Section("scans"),
                Section("experiences"),
                Section("intake"),
                Section("evaluations"),
            ),
            ("location_lint", "goal_progress", "measurements_over_time", "location_scan"),
            purpose=Text(
                "Per locatie: team, draaiboek, cliënten en metingen.",
                "Per location: team, runbook, clients and measurements.",
            ),
            per_location=True,
        ),
        Step(
            "evaluatie",
            10,
            Text("Evaluatie", "Evaluation"),
            (Section("evaluation"),),
            ("organisation_progress", "reaim"),
            purpose=Text("Wat leverde het op en wat leren we ervan?", "What did it achieve and what do we learn?"),
        ),
    )
}


def step_named(key: str) -> Step:
    """The step with this key; a clear message listing the steps when there is none."""
    if key not in STEPS:
        raise WorkbookError(msg("unknown", step=key, known=", ".join(STEPS)))
    return STEPS[key]
