"""Every saved version of a project folder, kept in a git repository through dulwich.

The project folder stays a plain folder of YAML and CSV; its versions live in a bare git
repository in the hidden folder ``.versies/`` inside it, so zipping the folder brings them along.
Every save through the store is one commit of the changed file(s) on the branch ``main``: its tree
holds every tracked file (``werkboek.yaml``, ``locaties/*.yaml``, ``metingen/*.csv``) as it was
after that save. The commit message carries what was saved as trailers (``Workbook-Kind``,
``Workbook-File``, ``Workbook-Section``); the author is ``WORKBOOK_AUTHOR`` or the OS user.

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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from dulwich.file import FileLocked
from dulwich.objects import Blob, Commit, ShaFile, Tag, Tree
from dulwich.pack import deltify_pack_objects
from dulwich.repo import Repo

from workbook.errors import WorkbookError
from workbook.files.slugs import slugify
from workbook.language.i18n import Messages

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
FILE_MODE = 0o100644
DIR_MODE = 0o040000
TRACKED_FOLDERS = {"locaties": ".yaml", "metingen": ".csv"}
PLAN_FILE = "werkboek.yaml"

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
            "de versies in {path} zijn niet leesbaar ({error}); het werkboek zelf is in orde",
            "the versions in {path} cannot be read ({error}); the workbook itself is fine",
        ),
    }
)


def now() -> float:
    """Seconds since the epoch; tests replace this to move the clock."""
    return time.time()


def author_name() -> str:
    """Who saves: ``WORKBOOK_AUTHOR``, else the user logged in to the computer."""
    name = os.environ.get("WORKBOOK_AUTHOR", "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no user name in containers without a passwd entry
            name = ""
    return " ".join(name.replace("<", "").replace(">", "").split())


def is_tracked(rel: str) -> bool:
    """True for the files whose versions are kept: the plan, location files and measurements."""
    if rel == PLAN_FILE:
        return True
    folder, _, name = rel.partition("/")
    suffix = TRACKED_FOLDERS.get(folder)
    return bool(suffix) and name.endswith(suffix) and "/" not in name


def file_order(rel: str) -> tuple[int, str]:
    """A sort key: the plan first, then each location's file followed by its measurements."""
    slug = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return (0, "") if rel == PLAN_FILE else (1, slug + ("1" if rel.endswith(".csv") else "0"))


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
            raise WorkbookError(msg("broken", path=self.path, error=error)) from None
        # Closes its pack files when the store is gone, at the latest when Python exits.
        self._closer = weakref.finalize(self, self._repo.close)

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

    def record(self, rel: str, old: bytes | None, new: bytes | None, section: str = "") -> None:
        """Keep `new`, about to replace `old` at `rel`; first `old` too, when the store lacks it
        (the file was changed outside the workbook)."""
        if not is_tracked(rel):
            return
        if not self.exists():
            self.repo  # noqa: B018 - made from the files on disk, which still hold `old`
        head = self._head()
        first_write = self._batch is None or rel not in self._batch.changes
        if first_write and self._entry(self._tree_of(head), rel) != blob_id(old):
            head = self._commit({rel: old}, FOUND, "", head)
        if self._batch is not None:
            self._batch.changes[rel] = new
        else:
            self._commit({rel: new}, SAVE, section, head)
            self._pack_when_due()

    @contextmanager
    def batch(self, kind: str = SAVE, section: str = "") -> Iterator[None]:
        """Collect every ``record`` inside the block into one version (a restore of several files)."""
        if self._batch is not None:
            yield
            return
        self._batch = _Batch(kind, section)
        try:
            yield
            changes = self._batch.changes
        finally:
            self._batch = None
        if changes:
            self._commit(changes, kind, section, self._head())

    def snapshot(self) -> Version | None:
        """Keep the tracked files as they are on disk, when they differ from the newest version."""
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
        """Move the loose objects into one pack file, each version of a file stored as a delta
        against its neighbour (as ``git gc`` does, with a small window); returns how many."""
        store = self.repo.object_store
        loose = {
            (path.parent.name + path.name).encode()
            for path in Path(store.path).glob("[0-9a-f][0-9a-f]/*")
            if len(path.name) == 38
        }
        if not loose:
            return 0
        found = {sha: store[sha] for sha in sorted(loose)}
        hints: dict[bytes, bytes] = {}  # blob -> its file, so that versions of one file sit together
        for obj in found.values():
            if isinstance(obj, Commit):
                for rel, blob in self._flat(obj.tree, "").items():
                    hints.setdefault(blob, rel.encode())
        objects = [(obj, (obj.type_num, hints.get(sha))) for sha, obj in found.items()]
        made = store.add_pack_data(len(objects), deltify_pack_objects(iter(objects), window_size=PACK_WINDOW))
        if made is not None:
            made.close()
        for sha in loose:
            store.delete_loose_object(sha)
        return len(objects)

    def _pack_when_due(self) -> None:
        objects = Path(self.repo.object_store.path)
        sampled = sum(len(os.listdir(objects / name)) for name in SAMPLE_FOLDERS if (objects / name).is_dir())
        if sampled * 256 / len(SAMPLE_FOLDERS) >= PACK_LOOSE:
            self.pack()

    # --- reading -------------------------------------------------------------------------------

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

    def version(self, commit_id: bytes | str) -> Version:
        cid = commit_id.encode() if isinstance(commit_id, str) else commit_id
        return self._version(cid, self.labels())

    def labels(self) -> dict[str, list[str]]:
        """Label texts per commit id (hex)."""
        found: dict[str, list[str]] = {}
        for text, target in self._label_refs().values():
            found.setdefault(target.decode(), []).append(text)
        return found

    def label_list(self) -> list[tuple[str, Version]]:
        """Every label with its version, in the order they were made."""
        return [(text, self.version(target)) for _, (text, target) in sorted(self._label_refs().items())]

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

    def files(self, version: Version | None) -> dict[str, bytes]:
        """The blob id of every file in `version` (none for no version)."""
        return self._files(version.id.encode() if version else None)

    def newest_files(self) -> dict[str, bytes]:
        """The blob id of every file in the newest version."""
        return self._files(self._head()) if self.exists() else {}

    def read(self, version: Version | None, rel: str) -> bytes | None:
        """The content of `rel` in `version`, or None when that version has no such file."""
        blob_id = self.files(version).get(rel)
        return None if blob_id is None else self.repo.object_store[blob_id].as_raw_string()

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
    ) -> bytes:
        """A new version with `changes` (None: removed) on top of `head`; folds autosaves.

        `at` is the moment of an imported copy (made by nobody known); otherwise now, by the author.
        """
        store = self.repo.object_store
        stamp = int(at.timestamp() if at else now())
        started = stamp
        parents = [head] if head else []
        who = "" if at else author_name()
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
        if head is None:
            _unlocked(lambda: self.repo.refs.add_if_new(BRANCH, commit.id))
        else:
            _unlocked(lambda: self.repo.refs.set_if_equals(BRANCH, head, commit.id))
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
        found = {PLAN_FILE: self.root / PLAN_FILE} if (self.root / PLAN_FILE).is_file() else {}
        for folder, suffix in TRACKED_FOLDERS.items():
            for path in sorted((self.root / folder).glob(f"*{suffix}")):
                if path.is_file():
                    found[f"{folder}/{path.name}"] = path
        return found


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
