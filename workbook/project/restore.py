"""Putting a kept version back: the files as they were then, saved as a new version."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages
from workbook.project.store import Project
from workbook.versions.store import RESTORE, Version, file_order, is_tracked

msg = Messages(
    {
        "not_tracked": (
            "'{file}' is geen bestand van het werkboek; kies werkboek.yaml, locaties/<code>.yaml of metingen/<code>.csv",
            "'{file}' is not a workbook file; choose werkboek.yaml, locaties/<code>.yaml or metingen/<code>.csv",
        ),
    }
)


@dataclass(frozen=True)
class Restored:
    """What a restore changed: files written and files removed (relative paths)."""

    written: tuple[str, ...]
    removed: tuple[str, ...]


def restore(project: Project, version: Version, files: list[str] | None = None) -> Restored:
    """Put `version` back (only `files` when given) as a new version, under the project's lock.

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
        written, removed = [], []
        with store.batch(RESTORE):
            for rel in chosen:
                if then.get(rel) == current.get(rel):
                    continue
                path = project.root / rel
                data = store.read(version, rel)
                if data is None:
                    store.record(rel, path.read_bytes(), None)
                    path.unlink()
                    removed.append(rel)
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    project._write(path, data.decode("utf-8"))
                    written.append(rel)
    return Restored(tuple(written), tuple(removed))
