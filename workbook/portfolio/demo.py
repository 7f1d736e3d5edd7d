"""The demo portfolio: Zorggroep Veenhove's innovation committee and its year, with seven projects.

The night-care sensors project is the demo project itself (copied whole); the others are small
projects made with ``Project.create`` and a few fields filled in. The capacity is tight on purpose,
so that the year plan has to say "niet dit jaar" at least once. All names are made up.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.model import Phase
from workbook.model.portfolio import Capacity, Decision, PortfolioProject, ProjectStatus
from workbook.portfolio.store import PortfolioFolder
from workbook.project.schema import write_editor_files
from workbook.project.store import Project
from workbook.resources import demo_dir

YEAR = 2027
COMMITTEE = "Innovatiecommissie"
ORGANISATION = "Zorggroep Veenhove"

msg = Messages(
    {
        "exists": (
            "{path} bestaat al en is geen demoportefeuille; er wordt niets overschreven. Kies een andere map.",
            "{path} already exists and is not a demo portfolio; nothing is overwritten. Choose another folder.",
        ),
    }
)

# code, name, status, start quarter, hours per quarter, hours total, budget, scores
# (strategie, bewijs, urgentie, haalbaarheid, draagvlak), innovation, locations (name, phase)
SMALL_PROJECTS = [
    (
        "valpreventie",
        "Valpreventie met beweegprogramma",
        ProjectStatus.proposed,
        1,
        [],
        600,
        35_000,
        (4, 4, 5, 3, 4),
        "Een wekelijks beweegprogramma voor bewoners met valrisico, begeleid door de fysiotherapeut.",
        [("De Linde", Phase.planned)],
    ),
    (
        "emar",
        "Digitaal medicatie aftekenen",
        ProjectStatus.proposed,
        2,
        [320, 200],
        None,
        60_000,
        (4, 3, 3, 3, 3),
        "Medicatie aftekenen op een tablet in plaats van op papieren lijsten.",
        [],
    ),
    (
        "samen-beslissen",
        "Samen beslissen bij opname",
        ProjectStatus.proposed,
        3,
        [],
        160,
        8_000,
        (3, 3, 3, 4, 5),
        "Een gesprekshulp om bij opname samen met de cliënt en naasten doelen te kiezen.",
        [],
    ),
    (
        "beeldbellen",
        "Beeldbellen met mantelzorgers",
        ProjectStatus.finished,
        1,
        [],
        None,
        12_000,
        (3, 3, 2, 5, 4),
        "Mantelzorgers bellen met beeld met de wijkverpleging.",
        [("Wijkteam Noord", Phase.finished), ("Wijkteam Zuid", Phase.finished)],
    ),
    (
        "robotdieren",
        "Robotdieren op de pg-afdeling",
        ProjectStatus.rejected,
        2,
        [],
        200,
        25_000,
        (2, 2, 2, 4, 3),
        "Robotkatten en -honden als afleiding voor bewoners met dementie.",
        [],
    ),
    (
        "leefstijlcoaching",
        "Leefstijlcoaching voor medewerkers",
        ProjectStatus.deferred,
        1,
        [],
        300,
        18_000,
        (3, 2, 2, 3, 3),
        "Een coach helpt medewerkers gezonder te werken en te leven.",
        [],
    ),
]
KEYS = ("strategie", "bewijs", "urgentie", "haalbaarheid", "draagvlak")


def is_demo_portfolio(folder: Path) -> bool:
    try:
        portfolio = PortfolioFolder.open(folder).load()
    except WorkbookError:
        return False
    return (portfolio.name, portfolio.organisation) == (COMMITTEE, ORGANISATION)


def prepare_demo_portfolio(target: Path) -> Path:
    """The demo portfolio at `target`: made there (whole or not at all), or an earlier copy left as it is."""
    if is_demo_portfolio(target):
        return target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise WorkbookError(msg("exists", path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        made = _make(staging / "portefeuille")
        if target.exists():
            target.rmdir()
        os.replace(made, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target.resolve()


def _make(root: Path) -> Path:
    folder = PortfolioFolder.create(root, COMMITTEE, ORGANISATION, YEAR)
    portfolio = folder.load()
    portfolio.capacity = Capacity(q1=400, q2=400, q3=300, q4=400)

    night = folder.projects_dir / "slimme-nachtzorg"
    skip = shutil.ignore_patterns(".*", "__pycache__", "*.py", "build")
    shutil.copytree(demo_dir(), night, ignore=skip, copy_function=shutil.copyfile)
    write_editor_files(night)
    portfolio.projects.append(
        PortfolioProject(
            code="slimme-nachtzorg",
            name="Slimme nachtzorg",
            status=ProjectStatus.running,
            hours_per_quarter=[240, 200, 160, 120],
            budget=120_000,
            scores=dict(zip(KEYS, (5, 4, 4, 4, 4), strict=True)),
            decisions=[
                Decision(
                    date=dt.date(YEAR - 1, 3, 12),
                    decision="Gestart op twee locaties",
                    reason="Minder nachtelijke rondes, betere nachtrust",
                )
            ],
        )
    )
    for code, name, status, start, per_quarter, total, budget, scores, innovation, locations in SMALL_PROJECTS:
        project = Project.create(folder.projects_dir / code, name, ORGANISATION)
        plan = project.load_plan()
        plan.basics.innovation = innovation
        plan.basics.last_updated = dt.date(YEAR - 1, 11, 15)
        project.save_plan(plan)
        for location_name, phase in locations:
            location = project.add_location(location_name)
            location.phase = phase
            if phase is Phase.finished:
                location.start, location.end = dt.date(YEAR - 2, 9, 1), dt.date(YEAR - 1, 2, 28)
            project.save_location(location)
        write_editor_files(project.root)
        entry = PortfolioProject(
            code=code,
            name=name,
            status=status,
            start_quarter=start,
            hours_per_quarter=[float(hours) for hours in per_quarter],
            hours_total=total,
            budget=budget,
            scores=dict(zip(KEYS, scores, strict=True)),
        )
        if status is ProjectStatus.rejected:
            entry.decisions.append(
                Decision(
                    date=dt.date(YEAR - 1, 10, 8),
                    decision="Afgewezen",
                    reason="Weinig bewijs dat het werkt; de cliëntenraad twijfelt",
                )
            )
        if status is ProjectStatus.deferred:
            entry.decisions.append(
                Decision(date=dt.date(YEAR - 1, 10, 8), decision="Naar later", reason="Eerst de nachtzorg afronden")
            )
        portfolio.projects.append(entry)
    folder.save(portfolio)
    return folder.root
