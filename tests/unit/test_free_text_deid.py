"""Free text for the client council is de-identified: names of clients, relatives and staff, room
numbers and dates of birth typed into it become "[naam]", "[kamer]", "[datum]"; ``workbook check``
advises about each field; the team keeps the text as typed."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.analysis.advice import project_advice
from workbook.analysis.deid import deidentify, probable_persons
from workbook.model import ClientCriterion, Experience, ExperienceKind, Intake, LocationEvaluation, SuitabilityChange
from workbook.report.location import LocationReport

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("Mevrouw Jansen was blij met de wandeling.", "Mevrouw [naam] was blij met de wandeling.", ["Jansen"]),
        ("Ans wilde niet mee naar buiten.", "[naam] wilde niet mee naar buiten.", ["Ans"]),
        ("Dhr. van der Berg sliep beter.", "Dhr. [naam] sliep beter.", ["van der Berg"]),
        ("Het ging goed bij de Vries.", "Het ging goed bij [naam].", ["de Vries"]),
        ("Zoon Peter kwam vaker op bezoek.", "Zoon [naam] kwam vaker op bezoek.", ["Peter"]),
        ("De bewoner van kamer 12 sliep door.", "De bewoner van [kamer] sliep door.", ["kamer 12"]),
        ("Een bewoner, geboren 3-4-1941, at zelf.", "Een bewoner, geboren [datum], at zelf.", ["3-4-1941"]),
        ("Geboren 3 april 1941.", "Geboren [datum].", ["3 april 1941"]),
        ("Bij mevrouw A. Bakker-de Wit ging het mis.", "Bij mevrouw [naam] ging het mis.", ["A. Bakker", "de Wit"]),
        ("Collega Henk en Kees hielpen mee.", "Collega [naam] en [naam] hielpen mee.", ["Henk", "Kees"]),
        (
            "De sensor gaf te vaak een melding. Het ECD liep goed.",
            "De sensor gaf te vaak een melding. Het ECD liep goed.",
            [],
        ),
    ],
)
def test_names_rooms_and_dates_become_placeholders(text, expected, found):
    assert deidentify(text) == expected
    assert probable_persons(text) == found


def test_the_projects_own_words_stay():
    assert deidentify("Op De Linde werkte het lampje in de Zonnekamer.", ["Linde", "Zonnekamer"]) == (
        "Op De Linde werkte het lampje in de Zonnekamer."
    )


NAMED = {
    "success": "Mevrouw Jansen sliep voor het eerst door.",
    "lesson": "Zoon Peter wil het graag weten.",
    "failure": "Ans op kamer 12 werd onrustig van het lampje.",
    "reason": "Dhr. van der Berg, geboren 3-4-1941, wil geen sensor.",
    "change": "Bij de Vries bleek het niet te passen.",
    "achieved": "Collega Henk kent nu alle bewoners.",
    "intake": "Legt de sensor uit aan dochter Marja en mw. de Vries.",
}
SECRETS = [
    "Marja",
    "Jansen",
    "Peter",
    "Ans",
    "kamer 12",
    "van der Berg",
    "Berg",
    "3-4-1941",
    "de Vries",
    "Vries",
    "Henk",
]


def _named_location(project):
    location = project.load_location("tweeeiken")
    location.experiences = [
        Experience(kind=ExperienceKind.success, description=NAMED["success"], lesson=NAMED["lesson"]),
        Experience(kind=ExperienceKind.failure, description=NAMED["failure"]),
    ]
    location.clients.criteria = [ClientCriterion(criterion="Slaapt slecht", count=6, reason=NAMED["reason"])]
    location.clients.changes = [SuitabilityChange(count=6, reason=NAMED["change"])]
    location.evaluations = [LocationEvaluation(achieved=NAMED["achieved"])]
    location.intake = [Intake(role=NAMED["intake"])]
    return location


def test_the_council_reads_none_of_the_names_and_the_team_reads_them_all(demo_project):
    report = LocationReport(demo_project.load_plan(), _named_location(demo_project), "nl", TODAY)
    for section in (report.experiences(), report.clients(), report.evaluation(), report.intake()):
        council = section.variants["council"]
        team = section.variants.get("team", str(section.html))
        assert team == str(section.html)
        for secret in SECRETS:
            assert secret not in council, (secret, council)
        assert "[naam]" in council
    experiences = report.experiences()
    assert "Mevrouw [naam] sliep voor het eerst door." in experiences.variants["council"]
    assert "Zoon [naam] wil het graag weten." in experiences.variants["council"]
    assert "[naam] op [kamer] werd onrustig van het lampje." in experiences.variants["council"]
    assert "Dhr. [naam], geboren [datum], wil geen sensor." in report.clients().variants["council"]
    assert "Collega [naam] kent nu alle bewoners." in report.evaluation().variants["council"]
    assert "Legt de sensor uit aan dochter [naam] en mw. [naam]." in report.intake().variants["council"]
    team = str(experiences.html)
    assert "Mevrouw Jansen sliep voor het eerst door." in team and "Ans op kamer 12" in team


def test_check_advises_about_each_field_that_names_a_person(demo_project):
    location = _named_location(demo_project)
    demo_project.save_location(location)
    found = [
        (f.file, f.section, f.item)
        for f in project_advice(demo_project, demo_project.load_plan(), demo_project.load_locations())
        if f.rule == "free-text-names-person"
    ]
    file = "locaties/tweeeiken.yaml"
    assert found == [
        (file, "clients", "clients.criteria[0].reason"),
        (file, "clients", "clients.changes[0].reason"),
        (file, "experiences", "experiences[0].description"),
        (file, "experiences", "experiences[0].lesson"),
        (file, "experiences", "experiences[1].description"),
        (file, "evaluations", "evaluations[0].achieved"),
        (file, "intake", "intake[0].role"),
    ]


def test_the_councils_word_export_is_de_identified_too(demo_project):
    import docx

    from workbook.exchange.docx_location import write_location
    from workbook.report.audience import Audience

    location = _named_location(demo_project)
    texts = {}
    for audience in (Audience.council, Audience.team):
        doc = docx.Document()
        write_location(doc, demo_project.load_plan(), location, "nl", audience)
        cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        texts[audience] = "\n".join(cells + [paragraph.text for paragraph in doc.paragraphs])
    assert "Mevrouw [naam] sliep voor het eerst door." in texts[Audience.council]
    assert "Collega [naam] kent nu alle bewoners." in texts[Audience.council]
    assert not [secret for secret in ("Jansen", "Peter", "Ans", "Henk", "Marja") if secret in texts[Audience.council]]
    assert NAMED["success"] in texts[Audience.team] and NAMED["achieved"] in texts[Audience.team]
