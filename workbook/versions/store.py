"""Every saved version of a project folder, kept in a git repository through dulwich.

The project folder stays a plain folder of YAML and CSV; its versions live in a bare git
repository in the hidden folder ``.versies/`` inside it, so zipping the folder brings them along.
Every save through the store is one commit of the changed file(s) on the branch ``main``: its tree
holds every tracked file (``werkboek.yaml``, ``locaties/*.yaml``, ``metingen/*.csv``) as it was
after that save. The commit message carries what was saved as trailers (``Workbook-Kind``,
``Workbook-File``, ``Workbook-Section``); the author is the participant named by ``saving_as``
(a workshop page), else ``WORKBOOK_AUTHOR`` or the OS user.

Autosaves of one author in one section of one file within ``FOLD_MINUTES`` are folded into one
version: the newest commit is replaced while it is the branch head, not marked and started less
than ``FOLD_MINUTES`` ago (its author time is the first save, its commit time the last).
Everything else is kept for the life of the project. Labels made with ``mark`` are annotated tags
whose message holds the label's text.

Every method that writes expects the caller to hold the project's lock (``Project.locked()``).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import shutil
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path

from dulwich.file import FileLocked
from dulwich.objects import Blob, Commit, ShaFile, Tag, Tree
from dulwich.pack import deltify_pack_objects
from dulwich.repo import Repo

from workbook.errors import WorkbookError
from workbook.files.atomic import atomic_write_bytes, temp_files
from workbook.files.slugs import slugify
from workbook.language.i18n import Messages
from workbook.settings import Settings

STORE_DIR = ".versies"
OLD_HISTORY_DIR = ".history"  # earlier workbooks kept copies here: .history/<file>/<UTC stamp>.<ext>
OLD_HISTORY_STAMP = "%Y%m%dT%H%M%S%fZ"
BRANCH = b"refs/heads/main"
TAGS = b"refs/tags/"
FOLD_MINUTES = 5
PACK_WINDOW = 2  # versions each object is compared with when packing
# A save packs the store when about this many loose objects piled up (some 120 saves), estimated
# from 4 of git's 256 object folders so that the check costs four directory listings.
PACK_LOOSE = 512
SAMPLE_FOLDERS = ("00", "01", "02", "03")
# The save under way: "<new commit> <branch head it replaces>", written before the files are
# replaced and removed once the branch points at the new commit (see ``VersionStore.saving``).
PENDING_FILE = "workbook-pending"
ASIDE_DIR = ".versies-kapot-{stamp}"
FILE_MODE = 0o100644
DIR_MODE = 0o040000
TRACKED_FOLDERS = {"locaties": ".yaml", "metingen": ".csv"}
PLAN_FILE = "werkboek.yaml"
PORTFOLIO_FILE = "portefeuille.yaml"  # a portfolio folder's own file (its projects keep their own versions)
TOP_FILES = (PLAN_FILE, PORTFOLIO_FILE)

# Kinds of version, in the Workbook-Kind trailer.
SAVE, FOUND, RESTORE, IMPORTED = "save", "found", "restore", "imported"

msg = Messages(
    {
        "unknown_version": (
            "onbekende versie '{version}'; gebruik een versienummer uit 'workbook history' of een label: {labels}",
            "unknown version '{version}'; use a version number from 'workbook history' or a label: {labels}",
        ),
        "ambiguous": (
            "'{version}' past bij meer dan één versie; geef meer tekens van het versienummer",
            "'{version}' matches more than one version; give more characters of the version number",
        ),
        "no_labels": ("(nog geen labels)", "(no labels yet)"),
        "label_exists": (
            "het label '{label}' bestaat al (versie {version}); kies een andere naam",
            "the label '{label}' already exists (version {version}); choose another name",
        ),
        "empty_label": (
            "geef een label, bijvoorbeeld 'Terugkomdag 9 april'",
            "give a label, e.g. 'Return day 9 April'",
        ),
        "no_versions": ("er zijn nog geen versies bewaard", "no versions have been kept yet"),
        "broken": (
            "de versies in {path} zijn niet leesbaar ({error}); het werkboek zelf is in orde. "
            "Zet de kapotte versies opzij met 'workbook check --repair {root}': daarna worden de bestanden "
            "zoals ze nu zijn de eerste versie",
            "the versions in {path} cannot be read ({error}); the workbook itself is fine. "
            "Set the broken versions aside with 'workbook check --repair {root}': the files as they are now "
            "then become the first version",
        ),
        "finished": (
            "een onderbroken opslag van {files} is afgemaakt",
            "an interrupted save of {files} has been finished",
        ),
        "dropped": (
            "een onderbroken opslag die het bestand nog niet had bereikt is weggelaten",
            "an interrupted save that had not reached the file yet has been left out",
        ),
        "leftovers": (
            "{count} bestand(en) van een onderbroken opslag opgeruimd ({names})",
            "{count} file(s) left by an interrupted save removed ({names})",
        ),
        "pruned": (
            "{count} los(se) object(en) die bij geen enkele versie horen opgeruimd",
            "{count} loose object(s) that belong to no version removed",
        ),
    }
)


def now() -> float:
    """Seconds since the epoch; tests replace this to move the clock."""
    return time.time()


_SAVING_AS: ContextVar[str] = ContextVar("workbook_saving_as", default="")


@contextmanager
def saving_as(name: str) -> Iterator[None]:
    """Saves inside the block are by `name` (a workshop participant); empty: as `author_name` says."""
    token = _SAVING_AS.set(name)
    try:
        yield
    finally:
        _SAVING_AS.reset(token)


def author_name(participant: bool = True) -> str:
    """Who saves: the name of ``saving_as`` (unless not `participant`: a file found changed on disk
    is not the participant's doing), else ``WORKBOOK_AUTHOR``, else the user logged in to the computer."""
    name = (_SAVING_AS.get().strip() if participant else "") or Settings.current().author
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no user name in containers without a passwd entry
            name = ""
    return " ".join(name.replace("<", "").replace(">", "").split())


def is_tracked(rel: str) -> bool:
    """True for the files whose versions are kept: the plan, location files and measurements (and a
    portfolio's file, in a portfolio folder)."""
    if rel in TOP_FILES:
        return True
    folder, _, name = rel.partition("/")
    suffix = TRACKED_FOLDERS.get(folder)
    return bool(suffix) and name.endswith(suffix) and "/" not in name


def file_order(rel: str) -> tuple[int, str]:
    """A sort key: the plan (or portfolio) first, then each location's file followed by its measurements."""
    slug = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return (0, rel) if rel in TOP_FILES else (1, slug + ("1" if rel.endswith(".csv") else "0"))


def _guarded(method: Callable) -> Callable:
    """``VersionStore._guard`` around a whole method."""

    @wraps(method)
    def guarded(self: VersionStore, *args: object, **kwargs: object) -> object:
        with self._guard():
            return method(self, *args, **kwargs)

    return guarded


@dataclass(frozen=True)
class Version:
    """One kept version of the project: who saved what, when."""

    id: str
    parent: str | None
    kind: str
    author: str
    started: datetime  # the first save folded into this version (UTC)
    when: datetime  # the last save folded into this version (UTC)
    files: tuple[str, ...]  # the files this save wrote, as recorded
    section: str
    labels: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The version number people type: the first seven characters of the commit id."""
        return self.id[:7]


@dataclass
class _Batch:
    """Files written under one ``batch``: committed together when it ends."""

    kind: str
    section: str
    changes: dict[str, bytes | None] = field(default_factory=dict)
    pending: tuple[bytes, bytes | None] | None = None  # (commit, the head it replaces) when done


class VersionStore:
    """The versions of the project folder at `root` (created and filled on first use)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.path = self.root / STORE_DIR
        self._repo: Repo | None = None
        self._batch: _Batch | None = None
        self._flat_trees: dict[bytes, dict[str, bytes]] = {}
        self._closer: weakref.finalize | None = None

    # --- opening -------------------------------------------------------------------------------

    def exists(self) -> bool:
        return (self.path / "HEAD").is_file()

    @property
    def repo(self) -> Repo:
        """The repository; made (importing an old ``.history`` and the files on disk) on first use."""
        if self._repo is None:
            if self.exists():
                self._open()
            else:
                self._create()
        return self._repo

    def _open(self) -> None:
        try:
            self._repo = Repo(str(self.path))
        except Exception as error:  # dulwich raises several kinds for a damaged repository
            raise self._broken(error) from None
        # Closes its pack files when the store is gone, at the latest when Python exits.
        self._closer = weakref.finalize(self, self._repo.close)

    def _broken(self, error: BaseException) -> WorkbookError:
        """The message for a store that cannot be read, naming the folder and the fix."""
        text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return WorkbookError(msg("broken", path=self.path, root=self.root, error=text))

    def _create(self) -> None:
        staging = self.path.with_name(f"{STORE_DIR}.nieuw")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        repo = Repo.init_bare(str(staging), default_branch=b"main")
        repo.close()
        os.replace(staging, self.path)
        self._open()
        if _import_old_history(self):
            self.pack()
        self.snapshot()

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
            self._closer = None
        self._repo = None

    # --- writing -------------------------------------------------------------------------------
    #
    # A save is one step for the file and its version: the new version's objects are written and
    # noted as pending (``PENDING_FILE``), then the caller replaces the file, then the branch moves
    # to the new version and the note goes. A process killed anywhere in between leaves the note;
    # the next write (under the project's lock) finishes the version when the file was replaced and
    # drops it when not (``_recover``), so no version holds what never reached the disk and no save
    # of the workbook is taken for a hand edit.

    @contextmanager
    def saving(self, rel: str, old: bytes | None, new: bytes | None, section: str = "") -> Iterator[None]:
        """Keep `new` as the version of `rel` while the block replaces the file (which held `old`).

        `old` is kept first when the store lacks it (the file was changed outside the workbook).
        Inside ``batch`` the version is made when the batch ends. The caller holds the lock.
        """
        if not is_tracked(rel):
            yield
            return
        with self._guard():
            commit, head = self._prepare(rel, old, new, section)
        try:
            yield
        except BaseException:
            self._recover(roll_forward=False)  # what reached the disk is kept, nothing more
            raise
        if self._batch is not None:
            self._batch.pending = (commit, head)
            return
        with self._guard():
            self._finish(commit, head)
        self._pack_when_due()

    def record(self, rel: str, old: bytes | None, new: bytes | None, section: str = "") -> None:
        """Keep `new`, which replaces `old` at `rel`, as a version (see ``saving``; the caller
        changes the file itself)."""
        with self.saving(rel, old, new, section):
            pass

    def _prepare(self, rel: str, old: bytes | None, new: bytes | None, section: str) -> tuple[bytes, bytes | None]:
        """The version `rel` gets with `new` (written, noted as pending, not yet on the branch)."""
        if not self.exists():
            self.repo  # noqa: B018 - made from the files on disk, which still hold `old`
        if self._batch is None or self._batch.pending is None:  # not the batch's own pending version
            self._recover()
        head = self._head()
        first_write = self._batch is None or rel not in self._batch.changes
        if first_write and self._entry(self._tree_of(head), rel) != blob_id(old):
            head = self._commit({rel: old}, FOUND, "", head)
        if self._batch is not None:
            self._batch.changes[rel] = new
            changes, kind, section = dict(self._batch.changes), self._batch.kind, self._batch.section
        else:
            changes, kind = {rel: new}, SAVE
        commit = self._commit(changes, kind, section, head, move=False)
        self._note_pending(commit, head)
        return commit, head

    def apply(self, changes: dict[str, bytes | None], kind: str = RESTORE, section: str = "") -> Version | None:
        """Write `changes` (None: remove the file) to the folder and keep them as one version, in one
        step: after a kill either none of it happened or all of it (see ``_recover``). The caller
        holds the lock and has kept what is on disk (``snapshot``) first."""
        with self._guard():
            if not self.exists():
                self.repo  # noqa: B018
            self._recover()
            head = self._head()
            kept = self._files(head)
            changes = {rel: data for rel, data in changes.items() if kept.get(rel) != blob_id(data)}
            if not changes:
                return None
            commit = self._commit(changes, kind, section, head, move=False)
            self._note_pending(commit, head)
        try:
            for rel in sorted(changes, key=file_order):
                self._put(rel, changes[rel])
        except BaseException:
            self._recover(roll_forward=False)
            raise
        with self._guard():
            self._finish(commit, head)
            return self.version(commit)

    @contextmanager
    def batch(self, kind: str = SAVE, section: str = "") -> Iterator[None]:
        """Collect every save inside the block into one version (a restore of several files)."""
        if self._batch is not None:
            yield
            return
        self._batch = _Batch(kind, section)
        try:
            yield
            pending = self._batch.pending
        except BaseException:
            if self._batch.pending:
                self._recover(roll_forward=False)  # the files written so far are one version
            raise
        finally:
            self._batch = None
        if pending:
            with self._guard():
                self._finish(*pending)

    # --- a save that was cut off ---------------------------------------------------------------

    def _note_pending(self, commit: bytes, head: bytes | None) -> None:
        atomic_write_bytes(self.path / PENDING_FILE, commit + b" " + (head or b"-") + b"\n")

    def _finish(self, commit: bytes, head: bytes | None) -> None:
        """Move the branch from `head` to `commit` and forget the pending note."""
        self._move(commit, head)
        (self.path / PENDING_FILE).unlink(missing_ok=True)

    def _move(self, commit: bytes, head: bytes | None) -> None:
        if head is None:
            _unlocked(lambda: self.repo.refs.add_if_new(BRANCH, commit))
        else:
            _unlocked(lambda: self.repo.refs.set_if_equals(BRANCH, head, commit))

    def _put(self, rel: str, data: bytes | None) -> None:
        path = self.root / rel
        if data is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_bytes(path, data)

    def _recover(self, roll_forward: bool = True) -> str | None:
        """Settle a save that was cut off (killed, or failed while writing its files).

        The pending version is put on the branch when its files reached the disk, left out when
        none did. When some did (a restore of several files), the others are written too
        (`roll_forward`, after a kill) or the version keeps only those that did (after an error).
        A file holding neither the old nor the new content was changed by hand since: it is left as
        it is, for the next snapshot to keep as a hand edit. Returns what was done, for ``check``.
        """
        note = self.path / PENDING_FILE
        try:
            commit, _, head_text = note.read_bytes().strip().partition(b" ")
        except FileNotFoundError:
            return None
        head = None if head_text == b"-" else head_text
        store = self.repo.object_store
        if self._head() != head or commit not in store:
            note.unlink(missing_ok=True)  # finished already, or left by another copy of the folder
            return None
        before, after = self._files(head), self._files(commit)
        changed = sorted(
            (rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)), key=file_order
        )
        on_disk = {rel: _blob_on_disk(self.root / rel) for rel in changed}
        landed = [rel for rel in changed if on_disk[rel] == after.get(rel)]
        waiting = [rel for rel in changed if rel not in landed and on_disk[rel] == before.get(rel)]
        if not landed:
            note.unlink(missing_ok=True)
            return msg("dropped")
        if roll_forward:
            for rel in waiting:
                blob = after.get(rel)
                self._put(rel, None if blob is None else store[blob].as_raw_string())
            landed += waiting
        if len(landed) < len(changed):  # keep only what is on disk, as the same kind of version
            version = self.version(commit)
            kept = {rel: None if after.get(rel) is None else store[after[rel]].as_raw_string() for rel in landed}
            commit = self._commit(kept, version.kind, version.section, head, move=False)
        self._finish(commit, head)
        return msg("finished", files=", ".join(sorted(landed, key=file_order)))

    @_guarded
    def snapshot(self) -> Version | None:
        """Keep the tracked files as they are on disk, when they differ from the newest version."""
        if self.exists():
            self._recover()
        head = self._head()
        kept = self._files(head)
        on_disk = {rel: p.read_bytes() for rel, p in self.tracked_on_disk().items()}
        changes: dict[str, bytes | None] = {
            rel: data for rel, data in on_disk.items() if kept.get(rel) != blob_id(data)
        }
        changes.update({rel: None for rel in kept if rel not in on_disk})
        if not changes:
            return None
        commit = self._commit(changes, FOUND, "", head)
        return self.version(commit)

    @_guarded
    def mark(self, label: str) -> Version:
        """Label the newest version (after keeping what is on disk) with `label`."""
        label = " ".join(label.split())
        if not label:
            raise WorkbookError(msg("empty_label"))
        existing = self._label_refs()
        for text, target in existing.values():
            if text.casefold() == label.casefold():
                raise WorkbookError(msg("label_exists", label=text, version=target.decode()[:7]))
        self.snapshot()
        head = self._head()
        # Numbered, so that labels sort in the order they were made (also on one version).
        number = 1 + max((int(ref[len(TAGS) :].split(b"-")[0]) for ref in existing if _numbered(ref)), default=0)
        name = f"{number:04d}-{slugify(label, set()) or 'label'}"
        tag = Tag()
        tag.object = (Commit, head)
        tag.name = name.encode()
        tag.tagger = _identity(author_name())
        tag.tag_time = int(now())
        tag.tag_timezone = _utc_offset(tag.tag_time)
        tag.message = label.encode("utf-8") + b"\n"
        self._add(tag)
        _unlocked(lambda: self.repo.refs.set_if_equals(TAGS + tag.name, None, tag.id))
        return self.version(head)

    def pack(self) -> int:
        """Move the loose objects of every version into one pack file, each version of a file stored
        as a delta against its neighbour (as ``git gc`` does, with a small window); returns how many.

        First settles what a killed writer left (``heal``): loose objects no version uses are
        removed, so packing never trips over them. The caller holds the lock.
        """
        with self._guard():
            return self._pack()[0]

    def heal(self) -> list[str]:
        """Settle and clear what killed writers left, then pack; what was done, in the user's words.

        A save cut off is finished or left out (``_recover``); lock files and temporary files of
        dulwich are removed (every writer holds the project's lock, so they are stale); loose
        objects no version uses go. The caller holds the lock.
        """
        staging = self.path.with_name(f"{STORE_DIR}.nieuw")
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if not self.exists():
            return []
        with self._guard():
            done = [self._recover()]
            packed, pruned, cleared = self._pack()
        if cleared:
            names = ", ".join(sorted(cleared)[:3]) + (", …" if len(cleared) > 3 else "")
            done.append(msg("leftovers", count=len(cleared), names=names))
        if pruned:
            done.append(msg("pruned", count=pruned))
        return [note for note in done if note]

    def _pack(self) -> tuple[int, int, list[str]]:
        """(objects packed, unused loose objects removed, names of stale files removed)."""
        self._recover()
        cleared = self._clear_leftovers()
        store = self.repo.object_store
        loose = set(_loose_ids(Path(store.path)))
        if not loose:
            return 0, 0, cleared
        hints = self._reachable_loose(loose)
        objects = [store[sha] for sha in sorted(hints)]
        fresh = [(obj, (obj.type_num, hints[obj.id])) for obj in objects if not store.contains_packed(obj.id)]
        if fresh:
            made = store.add_pack_data(len(fresh), deltify_pack_objects(iter(fresh), window_size=PACK_WINDOW))
            if made is not None:
                made.close()
        for sha in loose:
            store.delete_loose_object(sha)
        return len(objects), len(loose) - len(hints), cleared

    def _reachable_loose(self, loose: set[bytes]) -> dict[bytes, bytes]:
        """The loose objects some version or label uses, each with the path of its file or folder
        (the hint that puts versions of one file side by side in a pack).

        A packed object is not followed: a pack only ever holds whole versions.
        """
        roots = [target for target in self.repo.refs.as_dict().values()]
        found: dict[bytes, bytes] = {}
        todo: list[tuple[bytes, bytes]] = [(sha, b"") for sha in roots]
        while todo:
            sha, path = todo.pop()
            if sha not in loose or sha in found:
                continue
            found[sha] = path
            obj = self.repo.object_store[sha]
            if isinstance(obj, Commit):
                todo += [(obj.tree, b"")] + [(parent, b"") for parent in obj.parents]
            elif isinstance(obj, Tree):
                todo += [(item.sha, path + b"/" + item.path if path else item.path) for item in obj.iteritems()]
            elif isinstance(obj, Tag):
                todo.append((obj.object[1], b""))
        return found

    def _clear_leftovers(self) -> list[str]:
        """Remove the lock and temporary files a killed dulwich left; their names.

        A pack without its index (a pack cut off before its index was written) is left alone:
        dulwich does not read it, and its objects are still loose.
        """
        names = []
        stale = [*self.path.glob("*.lock"), *self.path.glob("refs/**/*.lock")]
        objects = self.path / "objects"
        stale += [*objects.glob("[0-9a-f][0-9a-f]/*.lock"), *objects.glob("tmp_pack_*"), *objects.glob("pack/*.lock")]
        stale += temp_files(self.path / PENDING_FILE)
        for path in stale:
            if path.is_file():
                path.unlink(missing_ok=True)
                names.append(path.relative_to(self.path).as_posix())
        return names

    def _pack_when_due(self) -> None:
        """Pack after a save when enough loose objects piled up; the save stands even if that fails."""
        objects = Path(self.repo.object_store.path)
        sampled = sum(len(os.listdir(objects / name)) for name in SAMPLE_FOLDERS if (objects / name).is_dir())
        if sampled * 256 / len(SAMPLE_FOLDERS) >= PACK_LOOSE:
            with suppress(WorkbookError, OSError):  # the save stands; the next one tries again
                self.pack()

    # --- checking ------------------------------------------------------------------------------

    def verify(self) -> list[str]:
        """What keeps versions from being read (empty: every version, file and label can be read)."""
        if not self.exists():
            return []
        try:
            seen: set[bytes] = set()
            for version in self.versions():
                for blob in self.files(version).values():
                    if blob not in seen:
                        seen.add(blob)
                        self.repo.object_store[blob].as_raw_string()
            self.label_list()
        except WorkbookError as error:
            return [str(error)]
        return []

    def set_aside(self) -> Path:
        """Move a broken store out of the way (kept, not removed); the next save starts a new one."""
        self.close()
        aside = self.root / ASIDE_DIR.format(stamp=datetime.now().strftime("%Y%m%dT%H%M%S"))
        os.replace(self.path, aside)
        self._flat_trees.clear()
        return aside

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Anything dulwich raises on a damaged store becomes the message that names the fix."""
        try:
            yield
        except (WorkbookError, OSError):
            raise
        except Exception as error:
            raise self._broken(error) from None

    # --- reading -------------------------------------------------------------------------------

    @_guarded
    def versions(self) -> list[Version]:
        """Every version, oldest first."""
        if not self.exists():
            return []
        labels = self.labels()
        found = []
        commit_id = self._head()
        while commit_id is not None:
            found.append(self._version(commit_id, labels))
            commit_id = found[-1].parent.encode() if found[-1].parent else None
        return found[::-1]

    @_guarded
    def version(self, commit_id: bytes | str) -> Version:
        cid = commit_id.encode() if isinstance(commit_id, str) else commit_id
        return self._version(cid, self.labels())

    @_guarded
    def labels(self) -> dict[str, list[str]]:
        """Label texts per commit id (hex)."""
        found: dict[str, list[str]] = {}
        for text, target in self._label_refs().values():
            found.setdefault(target.decode(), []).append(text)
        return found

    @_guarded
    def label_list(self) -> list[tuple[str, Version]]:
        """Every label with its version, in the order they were made."""
        return [(text, self.version(target)) for _, (text, target) in sorted(self._label_refs().items())]

    @_guarded
    def resolve(self, text: str) -> Version:
        """The version a user names: a label (any case) or the start of a version number."""
        wanted = " ".join(text.split()).casefold()
        for label, target in self._label_refs().values():
            if label.casefold() == wanted:
                return self.version(target)
        matches = [v for v in self.versions() if re.fullmatch(r"[0-9a-f]{4,40}", wanted) and v.id.startswith(wanted)]
        if len(matches) > 1:
            raise WorkbookError(msg("ambiguous", version=text))
        if not matches:
            labels = ", ".join(f"'{label}'" for label, _ in self.label_list()) or msg("no_labels")
            raise WorkbookError(msg("unknown_version", version=text, labels=labels))
        return matches[0]

    @_guarded
    def files(self, version: Version | None) -> dict[str, bytes]:
        """The blob id of every file in `version` (none for no version)."""
        return self._files(version.id.encode() if version else None)

    @_guarded
    def newest_files(self) -> dict[str, bytes]:
        """The blob id of every file in the newest version."""
        return self._files(self._head()) if self.exists() else {}

    @_guarded
    def read(self, version: Version | None, rel: str) -> bytes | None:
        """The content of `rel` in `version`, or None when that version has no such file."""
        blob_id = self.files(version).get(rel)
        return None if blob_id is None else self.repo.object_store[blob_id].as_raw_string()

    @_guarded
    def changed_files(self, version: Version) -> list[str]:
        """The files whose content differs from the version before."""
        before = self._files(version.parent.encode() if version.parent else None)
        after = self.files(version)
        return sorted(rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel))

    def parent(self, version: Version) -> Version | None:
        return self.version(version.parent) if version.parent else None

    # --- internals -----------------------------------------------------------------------------

    def _add(self, obj: ShaFile) -> None:
        _unlocked(lambda: self.repo.object_store.add_object(obj))

    def _head(self) -> bytes | None:
        try:
            return self.repo.refs[BRANCH]
        except KeyError:
            return None

    def _label_refs(self) -> dict[bytes, tuple[str, bytes]]:
        """Tag ref -> (label text, commit id)."""
        found: dict[bytes, tuple[str, bytes]] = {}
        if not self.exists():
            return found
        for name, target in self.repo.refs.as_dict(TAGS).items():
            obj = self.repo.object_store[target]
            if isinstance(obj, Tag):
                text = obj.message.decode("utf-8").strip() or name.decode()
                found[TAGS + name] = (text, obj.object[1])
        return found

    def _version(self, commit_id: bytes, labels: dict[str, list[str]]) -> Version:
        commit = self.repo.object_store[commit_id]
        trailers = _trailers(commit.message.decode("utf-8", "replace"))
        hexid = commit.id.decode()
        return Version(
            id=hexid,
            parent=commit.parents[0].decode() if commit.parents else None,
            kind=trailers.get("Workbook-Kind", [SAVE])[0],
            author=commit.author.decode("utf-8", "replace").rsplit(" <", 1)[0].strip(),
            started=datetime.fromtimestamp(commit.author_time, UTC),
            when=datetime.fromtimestamp(commit.commit_time, UTC),
            files=tuple(trailers.get("Workbook-File", [])),
            section=trailers.get("Workbook-Section", [""])[0],
            labels=tuple(labels.get(hexid, ())),
        )

    def _commit(
        self,
        changes: dict[str, bytes | None],
        kind: str,
        section: str,
        head: bytes | None,
        at: datetime | None = None,
        move: bool = True,
    ) -> bytes:
        """A new version with `changes` (None: removed) on top of `head`; folds autosaves.

        `at` is the moment of an imported copy (made by nobody known); otherwise now, by the author.
        """
        store = self.repo.object_store
        stamp = int(at.timestamp() if at else now())
        started = stamp
        parents = [head] if head else []
        who = "" if at else author_name(participant=kind != FOUND)
        files = sorted(changes)
        if head is not None and self._folds(head, kind, who, files, section, stamp):
            previous = store[head]
            parents, started = previous.parents, previous.author_time
        tree = self._tree_of(head)
        for rel, data in changes.items():
            blob_id = None
            if data is not None:
                blob = Blob.from_string(data)
                self._add(blob)
                blob_id = blob.id
            tree = self._with_entry(tree, rel.split("/"), blob_id)
        if tree is None:  # every file removed
            empty = Tree()
            self._add(empty)
            tree = empty.id
        commit = Commit()
        commit.tree = tree
        commit.parents = parents
        commit.author = commit.committer = _identity(who)
        commit.author_time, commit.commit_time = started, stamp
        commit.author_timezone = commit.commit_timezone = _utc_offset(stamp)
        lines = [f"Workbook-Kind: {kind}", *(f"Workbook-File: {rel}" for rel in files)]
        if section:
            lines.append(f"Workbook-Section: {section}")
        commit.message = f"{kind} {', '.join(files)}\n\n" + "\n".join(lines) + "\n"
        commit.message = commit.message.encode("utf-8")
        self._add(commit)
        if move:
            self._move(commit.id, head)
        return commit.id

    def _folds(self, head: bytes, kind: str, who: str, files: list[str], section: str, stamp: int) -> bool:
        """Whether this save replaces the newest version instead of adding one."""
        if kind != SAVE or not section:
            return False
        previous = self.repo.object_store[head]
        if not previous.parents or stamp - previous.author_time >= FOLD_MINUTES * 60:
            return False
        if any(target == head for _, target in self._label_refs().values()):
            return False
        last = self._version(head, {})
        return (last.kind, last.author, list(last.files), last.section) == (SAVE, who, files, section)

    def _tree_of(self, commit_id: bytes | None) -> bytes | None:
        return None if commit_id is None else self.repo.object_store[commit_id].tree

    def _entry(self, tree_id: bytes | None, rel: str) -> bytes | None:
        for part in rel.split("/"):
            if tree_id is None:
                return None
            tree = self.repo.object_store[tree_id]
            if part.encode() not in tree:
                return None
            tree_id = tree[part.encode()][1]
        return tree_id

    def _with_entry(self, tree_id: bytes | None, parts: list[str], blob_id: bytes | None) -> bytes | None:
        """The id of `tree_id` with the file at `parts` set to `blob_id` (None: removed)."""
        tree = Tree()
        if tree_id is not None:
            for item in self.repo.object_store[tree_id].iteritems():
                tree.add(item.path, item.mode, item.sha)
        name = parts[0].encode()
        if len(parts) == 1:
            target, mode = blob_id, FILE_MODE
        else:
            inner = tree[name][1] if name in tree else None
            target, mode = self._with_entry(inner, parts[1:], blob_id), DIR_MODE
        if target is None:
            if name in tree:
                del tree[name]
        else:
            tree.add(name, mode, target)
        self._add(tree)
        return tree.id

    def _files(self, commit_id: bytes | None) -> dict[str, bytes]:
        if commit_id is None:
            return {}
        return self._flat(self._tree_of(commit_id), "")

    def _flat(self, tree_id: bytes, prefix: str) -> dict[str, bytes]:
        if tree_id not in self._flat_trees:
            found = {}
            for item in self.repo.object_store[tree_id].iteritems():
                rel = prefix + item.path.decode()
                if item.mode == DIR_MODE:
                    found.update(self._flat(item.sha, rel + "/"))
                else:
                    found[rel] = item.sha
            self._flat_trees[tree_id] = found
        return self._flat_trees[tree_id]

    def tracked_on_disk(self) -> dict[str, Path]:
        """The files whose versions are kept, as they are in the folder now."""
        found = {name: self.root / name for name in TOP_FILES if (self.root / name).is_file()}
        for folder, suffix in TRACKED_FOLDERS.items():
            for path in sorted((self.root / folder).glob(f"*{suffix}")):
                if path.is_file():
                    found[f"{folder}/{path.name}"] = path
        return found


def _loose_ids(objects: Path) -> Iterator[bytes]:
    """The ids of the loose objects in the object folder `objects`."""
    for folder in objects.glob("[0-9a-f][0-9a-f]"):
        for name in os.listdir(folder):
            if len(name) == 38 and all(c in "0123456789abcdef" for c in name):
                yield (folder.name + name).encode()


def _blob_on_disk(path: Path) -> bytes | None:
    """The blob id of the file at `path` now (None: there is no such file)."""
    try:
        return blob_id(path.read_bytes())
    except FileNotFoundError:
        return None


def _numbered(ref: bytes) -> bool:
    return ref[len(TAGS) :].split(b"-")[0].isdigit()


def _unlocked(write: Callable[[], object]) -> None:
    """Run `write`; a lock file left by a writer that was killed is removed first.

    Every write runs under the project's lock, so a dulwich lock file found then is stale.
    """
    try:
        write()
    except FileLocked as error:
        Path(os.fsdecode(error.lockfilename)).unlink(missing_ok=True)
        write()


def _import_old_history(store: VersionStore) -> int:
    """Turn the copies in an old ``.history/`` folder into versions, oldest first, then remove it.

    Before its first kept copy a file is taken to be as that copy says (or, with no copies, as it
    is on disk now), so that going back to an imported version never loses a file. Returns the
    number of copies imported.
    """
    folder = store.root / OLD_HISTORY_DIR
    if not folder.is_dir():
        return 0
    copies: list[tuple[datetime, str, Path]] = []
    for path in folder.rglob("*"):
        rel = path.parent.relative_to(folder).as_posix()
        when = _old_stamp(path.name.removesuffix(Path(rel).suffix))
        if path.is_file() and is_tracked(rel) and path.name.endswith(Path(rel).suffix) and when:
            copies.append((when, rel, path))
    copies.sort()
    if copies:
        first: dict[str, bytes | None] = {rel: p.read_bytes() for rel, p in store.tracked_on_disk().items()}
        for _when, rel, path in reversed(copies):
            first[rel] = path.read_bytes()
        head = store._commit(first, IMPORTED, "", None, at=copies[0][0])
        for when, rel, path in copies:
            if store._entry(store._tree_of(head), rel) != blob_id(path.read_bytes()):
                head = store._commit({rel: path.read_bytes()}, IMPORTED, "", head, at=when)
    shutil.rmtree(folder, ignore_errors=True)
    return len(copies)


def _old_stamp(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, OLD_HISTORY_STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def blob_id(data: bytes | None) -> bytes | None:
    """The git id `data` gets as a blob, without storing it."""
    if data is None:
        return None
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest().encode()


def _identity(name: str) -> bytes:
    return f"{name} <>".encode()


def _utc_offset(stamp: int) -> int:
    return time.localtime(stamp).tm_gmtoff


def _trailers(message: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in message.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key.startswith("Workbook-"):
            found.setdefault(key, []).append(value.strip())
    return found
