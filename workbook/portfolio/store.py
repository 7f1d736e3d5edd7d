"""A portfolio folder on disk: ``portefeuille.yaml`` and one project folder each under ``projecten/``.

Layout::

    portefeuille.yaml        the committee, its capacity and criteria, and each project's facts
    projecten/<code>/        a whole project folder (werkboek.yaml, locaties/, .versies/ …)
    build/reports/           the committee's overview and year plan (made by ``workbook build``)
    .versies/                every saved version of portefeuille.yaml (``workbook.versions.store``)

Saves are atomic (``workbook.files.atomic``), locked and kept as versions, as a project's are, so
``workbook history`` shows the committee's decisions, statuses and scores as they changed; a file
that cannot be read gives the same Dutch messages as a plan does (file, line, field, what is expected).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml

from workbook.errors import Problem, WorkbookError
from workbook.files.atomic import atomic_write_bytes, temp_files
from workbook.files.slugs import is_slug, slugify
from workbook.files.validation import validate, yaml_problem
from workbook.files.yamlio import dump, line_of, parse
from workbook.language.i18n import Messages
from workbook.model.base import fill_uids
from workbook.model.portfolio import Portfolio, PortfolioProject
from workbook.project.schema import write_editor_files
from workbook.project.store import LOCK_FILE, LOCK_TIMEOUT, PLAN_FILE, Project, ProjectLock
from workbook.versions.store import PORTFOLIO_FILE, VersionStore

PROJECTS_DIR = "projecten"
PORTFOLIO_LOCK = ".portefeuille.lock"
CODE_SHOWN = 80  # at most this much of an unknown code is repeated in a message

msg = Messages(
    {
        "no_portfolio": (
            "{path} is geen portefeuillemap ({file} ontbreekt); maak er een met 'workbook portfolio new'",
            "{path} is not a portfolio folder ({file} is missing); create one with 'workbook portfolio new'",
        ),
        "exists": ("{path} bestaat al en is niet leeg", "{path} already exists and is not empty"),
        "unreadable": ("kan het bestand niet lezen: {error}", "cannot read the file: {error}"),
        "cannot_save": (
            "kan niet opslaan ({error}); het bestand is niet veranderd",
            "cannot save ({error}); the file was not changed",
        ),
        "not_a_project": (
            "{path} is geen werkboekmap (werkboek.yaml ontbreekt); geef de map van een project",
            "{path} is not a workbook folder (werkboek.yaml is missing); give a project's folder",
        ),
        "both_hours": (
            "geef uren per kwartaal óf uren in totaal, niet allebei",
            "give hours per quarter or hours in total, not both",
        ),
        "duplicate_code": (
            "project '{code}' staat twee keer in de portefeuille (ook op regel {other}); houd er één over",
            "project '{code}' appears twice in the portfolio (also on line {other}); keep one",
        ),
        "duplicate_criterion": (
            "criterium '{criterion}' staat twee keer in de lijst; houd er één over",
            "criterion '{criterion}' appears twice in the list; keep one",
        ),
        "unknown_criterion": (
            "onbekend criterium '{criterion}'; de criteria zijn: {known}",
            "unknown criterion '{criterion}'; the criteria are: {known}",
        ),
        "no_folder": (
            "de map {folder} bestaat niet; maak het project met 'workbook portfolio add' of verbeter de code",
            "the folder {folder} does not exist; make the project with 'workbook portfolio add' or correct the code",
        ),
        "unknown_project": (
            "'{code}' is geen project van deze portefeuille; kies een van: {codes}",
            "'{code}' is not a project of this portfolio; choose one of: {codes}",
        ),
        "no_project_chosen": (
            "kies eerst een project van deze portefeuille: {codes}",
            "choose a project of this portfolio first: {codes}",
        ),
        "not_listed": (
            "de map {folder} staat niet in {file}; voeg het project toe onder projects (code: {code})",
            "the folder {folder} is not listed in {file}; add the project under projects (code: {code})",
        ),
    }
)


def is_portfolio(folder: str | Path) -> bool:
    """True when `folder` holds a portfolio file."""
    return (Path(folder) / PORTFOLIO_FILE).is_file()


class PortfolioFolder:
    """A portfolio folder: load and save ``portefeuille.yaml``, make and open its projects."""

    def __init__(self, root: str | Path):
        self.root = Path(root).resolve()
        self._lock = ProjectLock(str(self.root / PORTFOLIO_LOCK), timeout=LOCK_TIMEOUT)
        self.versions = VersionStore(self.root)

    # --- creating and opening ------------------------------------------------------------------

    @classmethod
    def create(cls, root: str | Path, name: str, organisation: str, year: int | None = None) -> PortfolioFolder:
        """A new portfolio folder for committee `name` of `organisation`, with the usual criteria."""
        root = Path(root)
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise WorkbookError(msg("exists", path=root))
        root.mkdir(parents=True, exist_ok=True)
        folder = cls(root)
        portfolio = Portfolio(name=name, organisation=organisation)
        if year is not None:
            portfolio.year = year
        folder.save(portfolio)
        folder.projects_dir.mkdir(exist_ok=True)
        return folder

    @classmethod
    def open(cls, root: str | Path) -> PortfolioFolder:
        """An existing portfolio folder; a clear error when it is not one."""
        if not is_portfolio(root):
            raise WorkbookError(msg("no_portfolio", path=root, file=PORTFOLIO_FILE))
        return cls(root)

    # --- paths ---------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.root / PORTFOLIO_FILE

    @property
    def projects_dir(self) -> Path:
        return self.root / PROJECTS_DIR

    def project_dir(self, code: str) -> Path:
        if not is_slug(code):
            raise WorkbookError(msg("no_folder", folder=f"{PROJECTS_DIR}/{code}"))
        return self.projects_dir / code

    def project(self, code: str) -> Project:
        """The project folder of `code` (a WorkbookError when it is not one)."""
        return Project.open(self.project_dir(code))

    def project_codes(self) -> list[str]:
        """The codes of the project folders under projecten/, sorted."""
        if not self.projects_dir.is_dir():
            return []
        return sorted(p.name for p in self.projects_dir.iterdir() if (p / PLAN_FILE).is_file() and is_slug(p.name))

    def chosen_project(self, code: str) -> Project:
        """The project `code` as someone asked for it from outside (a page's address): only the code
        of one of the project folders under projecten/ is accepted, exactly as ``project_codes``
        lists it, so that no other folder (``..``, an absolute path, a file) can be opened this way."""
        codes = self.project_codes()
        if code not in codes:
            listed = ", ".join(codes)
            key = "unknown_project" if code else "no_project_chosen"
            raise WorkbookError(msg(key, code=code[:CODE_SHOWN], codes=listed))
        return Project.open(self.projects_dir / code)

    # --- the portfolio file --------------------------------------------------------------------

    def load(self) -> Portfolio:
        """The portfolio in portefeuille.yaml, validated; every problem named with line and field."""
        if not self.path.is_file():
            raise WorkbookError(msg("no_portfolio", path=self.root, file=PORTFOLIO_FILE))
        try:
            text = self.path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise WorkbookError(Problem(file=PORTFOLIO_FILE, message=msg("unreadable", error=reason))) from None
        try:
            data, node = parse(text)
        except yaml.YAMLError as error:
            raise WorkbookError(yaml_problem(error, PORTFOLIO_FILE, text)) from None
        if isinstance(data, dict):
            data = fill_uids(Portfolio, data)
        portfolio = validate(Portfolio, data, PORTFOLIO_FILE, node)
        problems = _consistency(portfolio, node)
        if problems:
            raise WorkbookError(problems)
        return portfolio

    def locked(self) -> ProjectLock:
        """The portfolio's lock, to hold across a read-modify-write that spans several calls."""
        return self._lock

    def save(self, portfolio: Portfolio) -> None:
        """Write the whole portfolio file, atomically and under the lock, and keep it as a version."""
        with self._lock:
            self._write(portfolio)

    def _write(self, portfolio: Portfolio) -> None:
        """Replace the file and keep the new content as a version, in one step (see ``VersionStore.saving``)."""
        data = dump(_whole_numbers(portfolio.model_dump(mode="json"))).encode("utf-8")
        try:
            for stale in temp_files(self.path):
                stale.unlink(missing_ok=True)
            old = self.path.read_bytes() if self.path.exists() else None
            if old == data:
                return
            with self.versions.saving(PORTFOLIO_FILE, old, data):
                atomic_write_bytes(self.path, data)
        except OSError as error:
            problem = Problem(file=PORTFOLIO_FILE, message=msg("cannot_save", error=error.strerror or error))
            raise WorkbookError(problem) from None

    def add_project(self, name: str, organisation: str = "", source: str | Path | None = None) -> PortfolioProject:
        """A new project `name` in projecten/<code>/: made afresh, or a whole copy of the folder `source`
        (with its versions in .versies; without its build/ folder, which the next build makes again)."""
        with self._lock:
            portfolio = self.load()
            taken = {p.code for p in portfolio.projects} | set(self.project_codes())
            code = slugify(name, taken)
            target = self.project_dir(code)
            if source is None:
                project = Project.create(target, name, organisation or portfolio.organisation)
                write_editor_files(project.root)
            else:
                _copy_project(Path(source), target)
            entry = PortfolioProject(code=code, name=name)
            portfolio.projects.append(entry)
            self._write(portfolio)
            return entry

    # --- checking ------------------------------------------------------------------------------

    def folder_problems(self, portfolio: Portfolio) -> list[Problem]:
        """Projects listed without a folder, and project folders that are not listed."""
        problems = []
        codes = set(self.project_codes())
        for index, entry in enumerate(portfolio.projects):
            if entry.code not in codes:
                folder = f"{PROJECTS_DIR}/{entry.code}/"
                problems.append(
                    Problem(
                        file=PORTFOLIO_FILE, field=f"projects[{index}].code", message=msg("no_folder", folder=folder)
                    )
                )
        listed = {p.code for p in portfolio.projects}
        for code in sorted(codes - listed):
            folder = f"{PROJECTS_DIR}/{code}/"
            problems.append(
                Problem(file=folder, message=msg("not_listed", folder=folder, file=PORTFOLIO_FILE, code=code))
            )
        return problems


def _whole_numbers(data):
    """`data` with 400.0 written as 400: the file reads as people write it."""
    if isinstance(data, dict):
        return {key: _whole_numbers(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_whole_numbers(value) for value in data]
    if isinstance(data, float) and data.is_integer():
        return int(data)
    return data


def _consistency(portfolio: Portfolio, node: yaml.Node | None) -> list[Problem]:
    """What the model alone does not catch: both kinds of hours, a code or criterion twice, unknown criteria."""
    problems = []
    keys = [c.key for c in portfolio.criteria]
    for index, key in enumerate(keys):
        if key in keys[:index]:
            where = ("criteria", index, "key")
            problems.append(_problem(node, where, msg("duplicate_criterion", criterion=key)))
    seen: dict[str, int] = {}
    for index, entry in enumerate(portfolio.projects):
        if entry.hours_per_quarter and entry.hours_total is not None:
            problems.append(_problem(node, ("projects", index, "hours_total"), msg("both_hours")))
        if entry.code in seen:
            other = line_of(node, ("projects", seen[entry.code], "code"))
            problems.append(
                _problem(node, ("projects", index, "code"), msg("duplicate_code", code=entry.code, other=other))
            )
        seen.setdefault(entry.code, index)
        for key in entry.scores:
            if key not in keys:
                known = ", ".join(keys)
                problems.append(
                    _problem(
                        node, ("projects", index, "scores", key), msg("unknown_criterion", criterion=key, known=known)
                    )
                )
    return problems


def _problem(node: yaml.Node | None, where: tuple[str | int, ...], message: str) -> Problem:
    path = ""
    for part in where:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return Problem(file=PORTFOLIO_FILE, line=line_of(node, where), field=path, message=message)


def _copy_project(source: Path, target: Path) -> None:
    """Copy the project folder `source` to `target` whole (also .versies), or not at all."""
    if not (source / PLAN_FILE).is_file():
        raise WorkbookError(msg("not_a_project", path=source))
    if target.exists():
        raise WorkbookError(msg("exists", path=target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        copy = staging / "project"
        # .jupyter: an older workbook kept its hub's state (with the room password) there
        skip = shutil.ignore_patterns("build", LOCK_FILE, "__pycache__", ".jupyter")
        shutil.copytree(source, copy, ignore=skip, copy_function=shutil.copyfile)
        os.replace(copy, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
