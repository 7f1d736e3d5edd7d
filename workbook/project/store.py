"""The project folder: load, validate, save atomically under a lock, keep history.

Layout of a project folder::

    werkboek.yaml            the organisation-wide plan
    locaties/<slug>.yaml     one location each
    metingen/<slug>.csv      the location's measurements (datum, doel, waarde, toelichting)
    .versies/                every saved version (a git repository, see ``workbook.versions.store``)
    build/                   executed notebooks and reports (made by ``workbook build``)
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from workbook.errors import Problem, WorkbookError
from workbook.files.atomic import atomic_write_bytes, temp_files
from workbook.files.migrations import migrate
from workbook.files.slugs import is_slug, slugify
from workbook.files.validation import problems_from, validate, yaml_problems
from workbook.files.yamlio import dump, line_of, parse
from workbook.language.i18n import Messages
from workbook.model import Location, Measurement, Plan
from workbook.model.base import UID, fill_uids
from workbook.model.numbering import Renumbered, is_numbered, renumber_new_duplicates
from workbook.project.merging import At, Conflict, Kept, Merged, merge
from workbook.project.merging import Path as DataPath
from workbook.project.places import record_model
from workbook.versions.store import VersionStore, author_name

PLAN_FILE = "werkboek.yaml"
LOCATIONS_DIR = "locaties"
MEASUREMENTS_DIR = "metingen"
LOCK_FILE = ".werkboek.lock"
LOCK_TIMEOUT = 30  # seconds to wait for another program that is saving
CONFLICTS_FILE = ".werkboek-conflicten.jsonl"
CONFLICTS_KEEP = 500
MEASUREMENT_COLUMNS = ("datum", "doel", "waarde", "toelichting", "id")
COLUMN_OF_FIELD = dict(zip(("date", "goal_id", "value", "note", UID), MEASUREMENT_COLUMNS, strict=True))

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


@dataclass
class Saved:
    """What a section save did: the record as now on disk, and what the merge had to decide."""

    record: Any
    section: str
    value: Any
    """The section as saved, plain data."""
    conflicts: list[Conflict] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)


def _column(field_name: str | None) -> str | None:
    """The measurements file's column for a Measurement field (other paths as they are)."""
    return COLUMN_OF_FIELD.get(field_name, field_name) if field_name is not None else None


def section_data(record: BaseModel, section: str) -> Any:
    """One section of a plan or location as plain data (dates as text, choices as codes)."""
    return record.model_dump(mode="json", include={section})[section]


def encode_path(path: DataPath) -> list[Any]:
    """A data path as JSON: list items as {"uid": …}."""
    return [{UID: step.uid} if isinstance(step, At) else step for step in path]


def decode_path(steps: list[Any]) -> DataPath:
    return tuple(At(step[UID]) if isinstance(step, dict) else step for step in steps)


def renumber_added(model: type[BaseModel], section: str, value: Any, base: Any, theirs: Any) -> list[Renumbered]:
    """Renumber goals or factors that `value` adds (not in `base` or `theirs`) whose number another
    record already has; changes `value` in place. Used by a save, and by a form that brings in
    others' saves while its own new goal waits to be saved."""
    lists: list[tuple[type[BaseModel], Any, Any]] = []
    inner = record_model(model.model_fields[section].annotation)
    if inner is not None and isinstance(value, list) and is_numbered(inner):
        lists.append((inner, value, theirs))
    elif inner is not None and isinstance(value, dict):
        for name, info in inner.model_fields.items():
            item = record_model(info.annotation)
            if item is not None and is_numbered(item) and isinstance(value.get(name), list):
                lists.append((item, value[name], (theirs or {}).get(name)))
    changes = []
    for item_model, items, on_disk in lists:
        known = {i.get(UID) for i in on_disk or []} | _uids(base)
        new = {i.get(UID) for i in items} - known
        changes += renumber_new_duplicates(item_model, items, new)
    return changes


def _uids(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set().union(*(_uids(v) for v in data.values())) | (
            {data[UID]} if isinstance(data.get(UID), str) else set()
        )
    if isinstance(data, list):
        return set().union(*(_uids(v) for v in data)) if data else set()
    return set()


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
        """Replace one section of the plan, re-reading the file under the lock first."""
        return self.save_plan_section(section, value).record

    def save_plan_section(self, section: str, value: Any, base: Any = None, by: str = "") -> Saved:
        """Save one section of the plan under the lock.

        With `base` (the section as the caller loaded it, plain data) the save is a three-way merge
        with what is on disk now, per record and field; without it, `value` replaces the section.
        The plan's "last updated" date becomes today, unless this save changes it. `by` names the
        saving page in the conflict notes, so that it can tell its own from others'.
        """
        if section not in Plan.model_fields or section == "schema_version":
            raise WorkbookError(msg("unknown_section", section=section))
        with self._lock:
            plan = self.load_plan()
            stored_date = plan.basics.last_updated
            saved = self._merge_section(plan, section, value, base, self.plan_path)
            if plan.basics.last_updated == stored_date:  # unless the user set the date just now
                plan.basics = plan.basics.model_copy(update={"last_updated": datetime.now().date()})
            self._write_model(self.plan_path, plan.model_dump(mode="json"), section)
            self._log_conflicts(self.plan_path, section, saved, by)
            return saved

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
        return self.save_location_section(slug, section, value).record

    def save_location_section(self, slug: str, section: str, value: Any, base: Any = None, by: str = "") -> Saved:
        """Save one section of a location (its measurements too) as `save_plan_section` does."""
        if section not in Location.model_fields or section in ("schema_version", "slug"):
            raise WorkbookError(msg("unknown_section", section=section))
        with self._lock:
            location = self.load_location(slug)
            saved = self._merge_section(location, section, value, base, self.location_path(slug))
            self.save_location(location, section)
            file = self.measurements_path(slug) if section == "measurements" else self.location_path(slug)
            self._log_conflicts(file, section, saved, by)
            return saved

    # --- merging and conflicts -----------------------------------------------------------------

    def _merge_section(self, record: BaseModel, section: str, value: Any, base: Any, path: Path) -> Saved:
        """Set `section` of `record` to `value` merged with what `record` holds now (see `merge`)."""
        theirs = section_data(record, section)
        mine = self._checked_section(record, section, value, path)
        merged = merge(base, mine, theirs) if base is not None else Merged(mine)
        renumbered = renumber_added(type(record), section, merged.value, base, theirs)
        self._assign(record, section, merged.value, path)
        return Saved(record, section, section_data(record, section), merged.conflicts, merged.kept, renumbered)

    def _checked_section(self, record: BaseModel, section: str, value: Any, path: Path) -> Any:
        """`value` validated as `section` of `record`, as plain data; a WorkbookError when invalid."""
        try:
            checked = record.model_copy()
            setattr(checked, section, value)
        except ValidationError as error:
            raise WorkbookError(problems_from(error, self.relative(path))) from None
        return section_data(checked, section)

    def _log_conflicts(self, file: Path, section: str, saved: Saved, by: str) -> None:
        """Note every conflict of this save where the other program's form can find it."""
        if not saved.conflicts:
            return
        entries = [
            {
                "time": datetime.now(UTC).isoformat(),
                "file": self.relative(file),
                "section": section,
                "by": by,
                "author": author_name(),
                "path": encode_path(c.path),
                "saved": c.mine,
                "overwritten": c.theirs,
            }
            for c in saved.conflicts
        ]
        log = self.root / CONFLICTS_FILE
        lines = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
        lines = [*lines, *(json.dumps(e, ensure_ascii=False, default=str) for e in entries)][-CONFLICTS_KEEP:]
        atomic_write_bytes(log, ("\n".join(lines) + "\n").encode("utf-8"))

    def conflicts_since(self, moment: datetime) -> list[dict[str, Any]]:
        """The conflicts noted after `moment` (UTC), oldest first."""
        log = self.root / CONFLICTS_FILE
        if not log.is_file():
            return []
        entries = []
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                when = datetime.fromisoformat(entry["time"])
            except (ValueError, KeyError, TypeError):
                continue
            if when > moment:
                entries.append({**entry, "path": decode_path(entry.get("path", []))})
        return entries

    # --- measurements --------------------------------------------------------------------------

    def load_measurements(self, slug: str) -> list[Measurement]:
        """The measurements in metingen/<slug>.csv (empty when there are none), validated row by row."""
        path = self.measurements_path(slug)
        if not path.is_file():
            return []
        file = self.relative(path)
        text = _read_text(path, file)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if tuple(reader.fieldnames or ()) not in (MEASUREMENT_COLUMNS, MEASUREMENT_COLUMNS[:-1]):
            raise WorkbookError(
                Problem(file=file, line=1, message=msg("bad_csv", expected=", ".join(MEASUREMENT_COLUMNS)))
            )
        lines, data = [], []
        first_line = 2
        for row in reader:
            record = {
                "date": row["datum"],
                "goal_id": row["doel"],
                "value": row["waarde"],
                "note": row["toelichting"] or "",
            }
            if row.get("id"):
                record[UID] = row["id"]
            data.append(record)
            lines.append(first_line)
            first_line = reader.line_num + 1
        rows, problems = [], []
        for line, record in zip(lines, fill_uids(Location, {"measurements": data})["measurements"], strict=True):
            try:
                rows.append(Measurement.model_validate(record))
            except ValidationError as error:
                problems += [
                    Problem(file=file, line=line, field=_column(p.field), message=p.message)
                    for p in problems_from(error, file)
                ]
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
        for m in sorted(rows, key=lambda m: (m.date, m.goal_id, m.uid)):
            row = [m.date.isoformat(), m.goal_id, _number_text(m.value), m.note, m.uid]
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
            raise WorkbookError(yaml_problems(error, file, text, model, kind)) from None
        if isinstance(data, dict):
            data = migrate(data, kind, file, line_of(node, ("schema_version",)))
            data = fill_uids(model, data)
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
        """Replace the file atomically and keep the new content as a version, in one step.

        The version is prepared first and put on the branch once the file is in place, so a save
        cut off at any moment leaves the old file and version or the new ones (see
        ``VersionStore.saving``). `section` names what was saved (for the history). Runs under the
        lock, so temporary files of a writer that was killed mid-write are stale and removed here.
        """
        data = text.encode("utf-8")
        try:
            for stale in temp_files(path):
                stale.unlink(missing_ok=True)
            old = path.read_bytes() if path.exists() else None
            if old == data:
                return
            with self.versions.saving(self.relative(path), old, data, section):
                atomic_write_bytes(path, data)
        except OSError as error:
            raise WorkbookError(
                Problem(file=self.relative(path), message=msg("cannot_save", error=error.strerror or error))
            ) from None


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
