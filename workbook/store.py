"""The project folder: load, validate, save atomically under a lock, keep history.

Layout of a project folder::

    werkboek.yaml            the organisation-wide plan
    locaties/<slug>.yaml     one location each
    metingen/<slug>.csv      the location's measurements (datum, doel, waarde, toelichting)
    .versies/                every saved version (a git repository, see ``workbook.versions``)
    build/                   executed notebooks and reports (made by ``workbook build``)
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from workbook.atomic import atomic_write_bytes, temp_files
from workbook.errors import Problem, WorkbookError
from workbook.i18n import Messages
from workbook.migrations import migrate
from workbook.model import Location, Measurement, Plan
from workbook.slugs import is_slug, slugify
from workbook.validation import problems_from, validate, yaml_problem
from workbook.versions import VersionStore
from workbook.yamlio import dump, line_of, parse

PLAN_FILE = "werkboek.yaml"
LOCATIONS_DIR = "locaties"
MEASUREMENTS_DIR = "metingen"
LOCK_FILE = ".werkboek.lock"
LOCK_TIMEOUT = 30  # seconds to wait for another program that is saving
MEASUREMENT_COLUMNS = ("datum", "doel", "waarde", "toelichting")
COLUMN_OF_FIELD = dict(zip(("date", "goal_id", "value", "note"), MEASUREMENT_COLUMNS, strict=True))

msg = Messages(
    {
        "no_project": (
            "{path} is geen werkboekmap (werkboek.yaml ontbreekt); maak er een met 'workbook new'",
            "{path} is not a workbook folder (werkboek.yaml is missing); create one with 'workbook new'",
        ),
        "exists": ("{path} bestaat al en is niet leeg", "{path} already exists and is not empty"),
        "unknown_location": (
            "onbekende locatie '{slug}'; bekende locaties: {known}",
            "unknown location '{slug}'; known locations: {known}",
        ),
        "none": ("(nog geen)", "(none yet)"),
        "bad_slug": (
            "'{slug}' is geen geldige locatiecode (kleine letters, cijfers en streepjes)",
            "'{slug}' is not a valid location code (lower-case letters, digits and hyphens)",
        ),
        "unknown_section": ("onbekend onderdeel '{section}'", "unknown section '{section}'"),
        "bad_csv": ("kolommen moeten zijn: {expected}", "columns must be: {expected}"),
        "unreadable": ("kan het bestand niet lezen: {error}", "cannot read the file: {error}"),
        "busy": (
            "het werkboek in {path} wordt al {seconds} seconden door een ander programma opgeslagen; "
            "sluit dat programma (of de andere notebook) en probeer het opnieuw",
            "the workbook in {path} has been busy saving in another program for {seconds} seconds; "
            "close that program (or the other notebook) and try again",
        ),
        "read_only": (
            "kan niet opslaan in {path} ({error}); kopieer de map naar een plek waar je mag schrijven",
            "cannot save in {path} ({error}); copy the folder to a place you may write to",
        ),
        "cannot_save": (
            "kan niet opslaan ({error}); het bestand is niet veranderd",
            "cannot save ({error}); the file was not changed",
        ),
        "not_utf8": (
            "het bestand is niet als UTF-8 opgeslagen; sla het op als UTF-8 (tekst met Unicode)",
            "the file is not saved as UTF-8; save it as UTF-8 (Unicode text)",
        ),
    }
)


class ProjectLock(FileLock):
    """The lock every save holds; a long wait or an unwritable folder becomes a clear WorkbookError."""

    def acquire(self, *args: Any, **kwargs: Any) -> Any:
        folder = Path(self.lock_file).parent
        try:
            return super().acquire(*args, **kwargs)
        except Timeout:
            raise WorkbookError(msg("busy", path=folder, seconds=self.timeout)) from None
        except OSError as error:
            raise WorkbookError(msg("read_only", path=folder, error=error.strerror)) from None


class Project:
    """A project folder on disk. Every save is atomic, locked, and keeps the previous version."""

    def __init__(self, root: str | Path):
        self.root = Path(root).resolve()
        self._lock = ProjectLock(str(self.root / LOCK_FILE), timeout=LOCK_TIMEOUT)
        self.versions = VersionStore(self.root)
        # The data last read or written per YAML file, valid while the file is the same on disk:
        # saving one section of a large plan then skips parsing the YAML again.
        self._known: dict[Path, tuple[tuple[int, int, int], dict[str, Any]]] = {}

    # --- creating and opening ------------------------------------------------------------------

    @classmethod
    def create(cls, root: str | Path, name: str, organisation: str) -> Project:
        """A new project folder with an empty plan named `name` for `organisation`."""
        root = Path(root)
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise WorkbookError(msg("exists", path=root))
        root.mkdir(parents=True, exist_ok=True)
        project = cls(root)
        plan = Plan()
        plan.basics.project_name = name
        plan.basics.institution = organisation
        plan.basics.last_updated = datetime.now().date()
        project.save_plan(plan)
        (project.root / LOCATIONS_DIR).mkdir(exist_ok=True)
        return project

    @classmethod
    def open(cls, root: str | Path) -> Project:
        """An existing project folder; a clear error when it is not one."""
        project = cls(root)
        if not project.plan_path.is_file():
            raise WorkbookError(msg("no_project", path=root))
        return project

    # --- paths ---------------------------------------------------------------------------------

    @property
    def plan_path(self) -> Path:
        return self.root / PLAN_FILE

    def location_path(self, slug: str) -> Path:
        """The YAML file of location `slug`; refuses anything that is not a plain slug."""
        return self.root / LOCATIONS_DIR / f"{self._checked(slug)}.yaml"

    def measurements_path(self, slug: str) -> Path:
        """The CSV file of location `slug`'s measurements."""
        return self.root / MEASUREMENTS_DIR / f"{self._checked(slug)}.csv"

    def relative(self, path: Path) -> str:
        """`path` relative to the project folder, for messages."""
        return path.relative_to(self.root).as_posix()

    @staticmethod
    def _checked(slug: str) -> str:
        if not is_slug(slug):
            raise WorkbookError(msg("bad_slug", slug=slug))
        return slug

    def locked(self) -> ProjectLock:
        """The project's lock, to hold across a read-modify-write that spans several store calls."""
        return self._lock

    # --- the plan ------------------------------------------------------------------------------

    def load_plan(self) -> Plan:
        """The plan in werkboek.yaml, migrated and validated."""
        if not self.plan_path.is_file():
            raise WorkbookError(msg("no_project", path=self.root))
        return self._load_model(self.plan_path, Plan, "plan")

    def save_plan(self, plan: Plan) -> None:
        """Write the whole plan."""
        with self._lock:
            self._write_model(self.plan_path, plan.model_dump(mode="json"))

    def update_plan(self, section: str, value: Any) -> Plan:
        """Replace one section of the plan, re-reading the file under the lock first.

        The plan's "last updated" date becomes today, unless this save changes it. Two processes that update different sections at the same time both keep their change.
        """
        if section not in Plan.model_fields or section == "schema_version":
            raise WorkbookError(msg("unknown_section", section=section))
        with self._lock:
            plan = self.load_plan()
            stored_date = plan.basics.last_updated
            self._assign(plan, section, value, self.plan_path)
            if plan.basics.last_updated == stored_date:  # unless the user set the date just now
                plan.basics = plan.basics.model_copy(update={"last_updated": datetime.now().date()})
            self._write_model(self.plan_path, plan.model_dump(mode="json"), section)
            return plan

    # --- locations -----------------------------------------------------------------------------

    def location_slugs(self) -> list[str]:
        """The slugs of all locations, sorted."""
        folder = self.root / LOCATIONS_DIR
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.yaml") if is_slug(p.stem))

    def load_location(self, slug: str) -> Location:
        """Location `slug` with its measurements; a clear error when it does not exist."""
        path = self.location_path(slug)
        if not path.is_file():
            known = ", ".join(self.location_slugs()) or msg("none")
            raise WorkbookError(msg("unknown_location", slug=slug, known=known))
        location = self._load_model(path, Location, "location")
        location.slug = slug
        location.measurements = self.load_measurements(slug)
        return location

    def load_locations(self) -> list[Location]:
        """Every location, sorted by slug."""
        return [self.load_location(slug) for slug in self.location_slugs()]

    def add_location(self, name: str) -> Location:
        """A new location named `name` with a fresh, safe, unique slug."""
        with self._lock:
            slug = slugify(name, set(self.location_slugs()))
            location = Location(name=name, slug=slug)
            self.save_location(location)
            return location

    def save_location(self, location: Location, section: str = "") -> None:
        """Write a location's YAML and its measurements CSV (`section`: what changed, for the history)."""
        with self._lock:
            data = location.model_dump(mode="json", exclude={"measurements"})
            self._write_model(self.location_path(location.slug), data, section)
            self._write_measurements(location.slug, location.measurements, section)

    def update_location(self, slug: str, section: str, value: Any) -> Location:
        """Replace one section of a location, re-reading it under the lock first."""
        if section not in Location.model_fields or section in ("schema_version", "slug"):
            raise WorkbookError(msg("unknown_section", section=section))
        with self._lock:
            location = self.load_location(slug)
            self._assign(location, section, value, self.location_path(slug))
            self.save_location(location, section)
            return location

    # --- measurements --------------------------------------------------------------------------

    def load_measurements(self, slug: str) -> list[Measurement]:
        """The measurements in metingen/<slug>.csv (empty when there are none), validated row by row."""
        path = self.measurements_path(slug)
        if not path.is_file():
            return []
        file = self.relative(path)
        text = _read_text(path, file)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if tuple(reader.fieldnames or ()) != MEASUREMENT_COLUMNS:
            raise WorkbookError(
                Problem(file=file, line=1, message=msg("bad_csv", expected=", ".join(MEASUREMENT_COLUMNS)))
            )
        rows, problems = [], []
        first_line = 2
        for row in reader:
            data = {
                "date": row["datum"],
                "goal_id": row["doel"],
                "value": row["waarde"],
                "note": row["toelichting"] or "",
            }
            try:
                rows.append(Measurement.model_validate(data))
            except ValidationError as error:
                problems += [
                    Problem(file=file, line=first_line, field=COLUMN_OF_FIELD.get(p.field, p.field), message=p.message)
                    for p in problems_from(error, file)
                ]
            first_line = reader.line_num + 1
        if problems:
            raise WorkbookError(problems)
        return rows

    def _write_measurements(self, slug: str, rows: list[Measurement], section: str = "") -> None:
        path = self.measurements_path(slug)
        if not rows and not path.exists():
            return
        out = io.StringIO()
        plain = csv.writer(out, lineterminator="\n")
        # A lone carriage return is not quoted by the plain writer, yet ends a row when read back.
        quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        plain.writerow(MEASUREMENT_COLUMNS)
        for m in sorted(rows, key=lambda m: (m.date, m.goal_id)):
            row = [m.date.isoformat(), m.goal_id, _number_text(m.value), m.note]
            (quoted if any("\r" in cell for cell in row) else plain).writerow(row)
        self._write(path, out.getvalue(), section)

    # --- internals -----------------------------------------------------------------------------

    def _load_model(self, path: Path, model: type[BaseModel], kind: str) -> Any:
        known = self._known.get(path)
        if known and known[0] == _identity(path):
            return model.model_validate(known[1])
        file = self.relative(path)
        text = _read_text(path, file)
        try:
            data, node = parse(text)
        except yaml.YAMLError as error:
            raise WorkbookError(yaml_problem(error, file, text)) from None
        if isinstance(data, dict):
            data = migrate(data, kind, file, line_of(node, ("schema_version",)))
        record = validate(model, data, file, node)
        self._known[path] = (_identity(path), data)
        return record

    def _write_model(self, path: Path, data: dict[str, Any], section: str = "") -> None:
        """Write a model's data as YAML and remember it as the file's current content."""
        self._write(path, dump(data), section)
        self._known[path] = (_identity(path), data)

    def _assign(self, record: BaseModel, section: str, value: Any, path: Path) -> None:
        """Set one section, turning a validation error into a WorkbookError for `path`."""
        try:
            setattr(record, section, value)
        except ValidationError as error:
            raise WorkbookError(problems_from(error, self.relative(path))) from None

    def _write(self, path: Path, text: str, section: str = "") -> None:
        """Keep the new version in the version store, then replace the file atomically.

        `section` names what was saved (for the history). Runs under the lock, so temporary
        files of a writer that was killed mid-write are stale and removed here.
        """
        data = text.encode("utf-8")
        try:
            for stale in temp_files(path):
                stale.unlink(missing_ok=True)
            old = path.read_bytes() if path.exists() else None
            if old == data:
                return
            self._keep_history(path, old, data, section)
            atomic_write_bytes(path, data)
        except OSError as error:
            raise WorkbookError(
                Problem(file=self.relative(path), message=msg("cannot_save", error=error.strerror or error))
            ) from None

    def _keep_history(self, path: Path, old: bytes | None, new: bytes, section: str = "") -> None:
        """Keep `new` (and `old`, when it was changed outside the workbook) as a version."""
        self.versions.record(self.relative(path), old, new, section)


def _read_text(path: Path, file: str) -> str:
    """The text of `path` (UTF-8, with or without BOM; line ends as written), or a clear error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WorkbookError(Problem(file=file, message=msg("unreadable", error=error.strerror))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WorkbookError(Problem(file=file, line=line, message=msg("not_utf8"))) from None


def _identity(path: Path) -> tuple[int, int, int]:
    """What changes whenever the file is replaced or written: inode, modification time, size."""
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _number_text(value: float) -> str:
    """A measured value as written in the CSV: 12 rather than 12.0, otherwise exact."""
    return str(int(value)) if value.is_integer() else repr(value)
