"""Putting a kept version back: the files as they were then, saved as a new version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.project.store import ProjectLock
from workbook.versions.store import RESTORE, Version, VersionStore, file_order, is_tracked

msg = Messages(
    {
        "not_tracked": (
            "'{file}' is geen bestand van het werkboek; kies werkboek.yaml, locaties/<code>.yaml of metingen/<code>.csv",
            "'{file}' is not a workbook file; choose werkboek.yaml, locaties/<code>.yaml or metingen/<code>.csv",
        ),
        "cannot_restore": (
            "kan de versie niet terugzetten ({error}); wat er stond is bewaard als versie",
            "cannot put the version back ({error}); what was there is kept as a version",
        ),
    }
)


class Versioned(Protocol):
    """A folder whose files are kept as versions: a project, or a portfolio."""

    versions: VersionStore

    def locked(self) -> ProjectLock: ...


@dataclass(frozen=True)
class Restored:
    """What a restore changed: files written and files removed (relative paths)."""

    written: tuple[str, ...]
    removed: tuple[str, ...]


def restore(project: Versioned, version: Version, files: list[str] | None = None) -> Restored:
    """Put `version` back (only `files` when given) as a new version, under the folder's lock.

    What is on disk is kept as a version first, so the restore itself can be undone. A file that
    did not exist in `version` is removed (unless `files` names others only).
    """
    for rel in files or []:
        if not is_tracked(rel):
            raise WorkbookError(msg("not_tracked", file=rel))
    store = project.versions
    with project.locked():
        store.snapshot()
        then = store.files(version)
        current = store.newest_files()
        chosen = sorted(set(files) if files else then.keys() | current.keys(), key=file_order)
        changes = {rel: store.read(version, rel) for rel in chosen if then.get(rel) != current.get(rel)}
        try:
            store.apply(changes, RESTORE)  # every file and the version in one step
        except OSError as error:
            raise WorkbookError(msg("cannot_restore", error=error.strerror or error)) from None
    written = tuple(rel for rel, data in changes.items() if data is not None)
    removed = tuple(rel for rel, data in changes.items() if data is None)
    return Restored(written, removed)
