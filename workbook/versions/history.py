"""The history of a project: its kept versions, each with what it changed, in words people read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from workbook.files.yamlio import parse
from workbook.versions.changes import Change, file_changes, file_kind
from workbook.versions.store import SAVE, Version, VersionStore, blob_id, file_order


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
    limit: int | None = None,
) -> list[Entry]:
    """The versions after `since` (a version, or a moment), oldest first, with their changes.

    `location` keeps the versions of one location's files; `section` those of one section (with
    `location`: of that location, else of the plan). A version that changed nothing visible there
    is left out. The very first version has no changes (nothing came before it): it is listed
    without them, and left out when choosing a location or section. With `limit`, only the newest
    `limit` entries are worked out.
    """
    versions = store.versions()
    if isinstance(since, Version):
        ids = [v.id for v in versions]
        versions = versions[ids.index(since.id) + 1 :] if since.id in ids else versions
    elif isinstance(since, dt.datetime):
        versions = [v for v in versions if v.when >= since]
    places = _Places(store)
    found: list[Entry] = []
    for version in reversed(versions):
        if limit is not None and len(found) >= limit:
            break
        if version.parent is None:
            if not (location or section):
                found.append(Entry(version, []))
            continue
        if section and version.kind == SAVE and version.section not in ("", section):
            continue  # a save of another section (its automatic date is not shown)
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
    return found[::-1]


def changes_since(store: VersionStore, old: Version, lang: str = "nl", location: str = "") -> list[Change]:
    """Everything that differs between `old` and the files in the folder now, plan first."""
    places = _Places(store)
    before = store.files(old)
    now = {rel: path.read_bytes() for rel, path in store.tracked_on_disk().items()}
    changes: list[Change] = []
    for rel in sorted(before.keys() | now.keys(), key=file_order):
        if _wanted(rel, location, "") and before.get(rel) != blob_id(now.get(rel)):
            place = _name_on_disk(store, rel) or places.name(old, rel)
            changes += file_changes(rel, store.read(old, rel), now.get(rel), lang, place)
    return changes


def _name_on_disk(store: VersionStore, rel: str) -> str:
    if file_kind(rel) not in ("location", "measurements"):
        return ""
    path = store.root / "locaties" / (rel.rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".yaml")
    return _location_name(path.read_bytes() if path.is_file() else None, path.stem)


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
            self.names[blob] = _location_name(self.store.read(version, yaml_file), slug)
        return self.names[blob]


def _location_name(data: bytes | None, slug: str) -> str:
    """The name in a location file's YAML, else its code."""
    try:
        parsed, _ = parse(data.decode("utf-8-sig")) if data else ({}, None)
    except (yaml.YAMLError, UnicodeDecodeError):  # a damaged version: fall back to the code
        parsed = {}
    return str(parsed.get("name") or slug) if isinstance(parsed, dict) else slug
