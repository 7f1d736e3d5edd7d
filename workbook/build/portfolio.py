"""``workbook build`` on a portfolio folder: every project's own reports, then the committee's two pages.

Each project is built with the ordinary build (``pipeline.build``) into its own ``build/``, one
after the other; then ``build/reports/index.html`` (the projects) and ``build/reports/jaarplan.html``
(the year plan) are written beside them, linking to each project's reports with relative links;
and the same two pages for each audience in its own folder (``bestuur/``, ``team/``,
``clientenraad/``), linking to that audience's reports of each project and showing what the
audience policy (``report.audience``) lets it see.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from workbook.build.pipeline import BuildResult, build
from workbook.errors import WorkbookError
from workbook.files.atomic import atomic_write
from workbook.language.i18n import language
from workbook.portfolio.store import PortfolioFolder
from workbook.portfolio.summary import summarise
from workbook.portfolio.yearplan import year_plan
from workbook.report.audience import Audience
from workbook.report.portfolio import overview_page, yearplan_page

INDEX = "index.html"
YEARPLAN = "jaarplan.html"


@dataclass
class PortfolioBuild:
    reports: Path
    results: dict[str, BuildResult] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    """Projects whose build could not start (their plan cannot be read), with the message."""

    @property
    def index(self) -> Path:
        return self.reports / INDEX

    @property
    def yearplan(self) -> Path:
        return self.reports / YEARPLAN

    def audience_reports(self, audience: Audience) -> Path:
        """The folder with `audience`'s overview and year plan."""
        return self.reports / audience.folder

    @property
    def failed(self) -> list[str]:
        return [*self.errors, *(code for code, result in self.results.items() if result.failed)]


def build_portfolio(
    folder: PortfolioFolder,
    jobs: int | None = None,
    force: bool = False,
    lang: str | None = None,
    audiences: tuple[Audience, ...] = tuple(Audience),
    today: dt.date | None = None,
    on_project=None,
) -> PortfolioBuild:
    """Build every project listed in the portfolio, then the overview and the year plan."""
    lang = lang or language()
    today = today or dt.date.today()
    portfolio = folder.load()  # a portfolio file that cannot be read stops before any project is built
    outcome = PortfolioBuild(folder.root / "build" / "reports")
    codes = set(folder.project_codes())
    for entry in portfolio.projects:
        if entry.code not in codes:
            continue
        try:
            project = folder.project(entry.code)
            result = build(project, jobs=jobs, force=force, lang=lang, audiences=audiences)
        except WorkbookError as error:
            outcome.errors[entry.code] = str(error)
        else:
            outcome.results[entry.code] = result
        if on_project:
            on_project(entry, outcome)
    names = {p.code: p.name or p.code for p in portfolio.projects}
    failed = [names.get(code, code) for code in outcome.failed]
    rows = summarise(folder, today, lang)
    plan = year_plan(portfolio)
    for audience in (None, *audiences):
        reports = outcome.audience_reports(audience) if audience else outcome.reports
        reports.mkdir(parents=True, exist_ok=True)
        links = {code: _links(folder, code, reports, audience) for code in codes}
        atomic_write(reports / INDEX, overview_page(portfolio, rows, links, lang, today, failed, audience))
        atomic_write(reports / YEARPLAN, yearplan_page(portfolio, plan, lang, today, audience))
    return outcome


def _links(folder: PortfolioFolder, code: str, reports: Path, audience: Audience | None = None) -> dict[str, str]:
    """Relative links from the portfolio's pages to the project's overview and plan report (the
    audience's own, for an audience's pages), where they exist."""
    own = folder.project_dir(code) / "build" / "reports"
    if audience:
        own /= audience.folder
    links = {}
    for key, name in (("overview", "index.html"), ("plan", "plan.html")):
        if (own / name).is_file():
            links[key] = Path(os.path.relpath(own / name, reports)).as_posix()
    return links
