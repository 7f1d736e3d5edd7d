"""What a build makes: one target per location plus the plan, and where their files go.

build/notebooks/<slug>.ipynb   executed location notebook (plan.ipynb for the plan)
build/reports/<slug>.html      its report; plus plan.html and the overview index.html
build/reports/<audience>/      the same pages for the board (bestuur/), the team (team/) and the
                               client council (clientenraad/)
build/failed/<slug>.ipynb      the executed notebook of a failed attempt, to look into
build/manifest.json            what was built from which inputs, and what failed
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbook.build.inputs import Inputs
from workbook.report.audience import Audience

PLAN = "plan"
INDEX = "index"
LOCATION = "location"
RESERVED_NAMES = {PLAN, INDEX}


def file_stem(slug: str) -> str:
    """The file name (without suffix) of a location's outputs; never clashes with plan or index."""
    return f"locatie-{slug}" if slug in RESERVED_NAMES else slug


@dataclass(frozen=True)
class Layout:
    """The build folder of one project."""

    root: Path

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def failed(self) -> Path:
        return self.root / "failed"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    @property
    def charts(self) -> Path:
        """The charts drawn by earlier builds, by the hash of what they show (``report.kept_charts``)."""
        return self.root / "charts"

    @property
    def index(self) -> Path:
        return self.reports / f"{INDEX}.html"

    def audience_reports(self, audience: Audience) -> Path:
        """The folder with `audience`'s pages."""
        return self.reports / audience.folder

    @property
    def lock(self) -> Path:
        return self.root / ".build.lock"


@dataclass(frozen=True)
class Target:
    """One notebook to execute and export: a location's report or the plan report."""

    kind: str
    slug: str
    notebook: Path
    parameters: dict[str, str]
    inputs: Inputs

    @property
    def key(self) -> str:
        return PLAN if self.kind == PLAN else f"{LOCATION}:{self.slug}"

    @property
    def stem(self) -> str:
        return PLAN if self.kind == PLAN else file_stem(self.slug)

    def executed(self, layout: Layout) -> Path:
        return layout.notebooks / f"{self.stem}.ipynb"

    def report(self, layout: Layout) -> Path:
        return layout.reports / f"{self.stem}.html"

    def audience_report(self, layout: Layout, audience: Audience) -> Path:
        return layout.audience_reports(audience) / f"{self.stem}.html"

    def failed(self, layout: Layout) -> Path:
        return layout.failed / f"{self.stem}.ipynb"
