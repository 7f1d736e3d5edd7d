"""The history of a project: its kept versions, each with what it changed, in words people read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbook.changes import Change, file_changes, file_kind
from workbook.versions import Version, VersionStore, file_order
from workbook.yamlio import parse


@dataclass(frozen=True)
class Entry:
    """One version and the changes it made to the chosen files."""

    version: Version
    changes: list[Change]


def entries(
    store: VersionStore,
    since: Version | dt.datetime | None = None,
    location: str = "",
    lang: str = "nl",
    section: str = "",
) -> list[Entry]:
    """The versions after `since` (a version, or a moment), oldest first, with their changes.

    `location` keeps the versions of one location's files; `section` those of one section (with
    `location`: of that location, else of the plan). A version that changed nothing visible there
    is left out. The very first version has no changes (nothing came before it): it is listed
    without them, and left out when choosing a location or section.
    """
    versions = store.versions()
    if isinstance(since, Version):
        ids = [v.id for v in versions]
        versions = versions[ids.index(since.id) + 1 :] if since.id in ids else versions
    elif isinstance(since, dt.datetime):
        versions = [v for v in versions if v.when >= since]
    places = _Places(store)
    found = []
    for version in versions:
        if version.parent is None:
            if not (location or section):
                found.append(Entry(version, []))
            continue
        parent = store.parent(version)
        changes: list[Change] = []
        for rel in sorted(store.changed_files(version), key=file_order):
            if not _wanted(rel, location, section):
                continue
            place = places.name(version, rel) or places.name(parent, rel)
            changes += file_changes(rel, store.read(parent, rel), store.read(version, rel), lang, place)
        if section:
            changes = [c for c in changes if c.section == section]
        if changes:
            found.append(Entry(version, changes))
    return found


def changes_between(
    store: VersionStore, old: Version, new: Version | None = None, lang: str = "nl", location: str = ""
) -> list[Change]:
    """Everything that differs between `old` and `new` (default: the newest version), file by file."""
    new = new or store.versions()[-1]
    places = _Places(store)
    before, after = store.files(old), store.files(new)
    changes: list[Change] = []
    for rel in sorted(before.keys() | after.keys(), key=file_order):
        if before.get(rel) != after.get(rel) and _wanted(rel, location, ""):
            place = places.name(new, rel) or places.name(old, rel)
            changes += file_changes(rel, store.read(old, rel), store.read(new, rel), lang, place)
    return changes


def _wanted(rel: str, location: str, section: str) -> bool:
    kind = file_kind(rel)
    if location:
        return kind in ("location", "measurements") and rel.rsplit("/", 1)[-1].rsplit(".", 1)[0] == location
    if section:
        return kind == "plan"
    return kind is not None


class _Places:
    """The name of the location a file belongs to, as written in that version (cached)."""

    def __init__(self, store: VersionStore):
        self.store = store
        self.names: dict[bytes | None, str] = {}

    def name(self, version: Version | None, rel: str) -> str:
        if file_kind(rel) not in ("location", "measurements") or version is None:
            return ""
        slug = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        yaml_file = f"locaties/{slug}.yaml"
        blob = self.store.files(version).get(yaml_file)
        if blob not in self.names:
            data = self.store.read(version, yaml_file)
            try:
                parsed, _ = parse(data.decode("utf-8-sig")) if data else ({}, None)
            except Exception:  # a damaged old version: fall back to the code
                parsed = {}
            self.names[blob] = str(parsed.get("name") or slug) if isinstance(parsed, dict) else slug
        return self.names[blob]
