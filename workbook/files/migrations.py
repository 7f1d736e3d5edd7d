"""Bringing project files written by older versions of the workbook up to the current schema.

A migration is registered per (kind, from_version) and returns the data at from_version + 1.
Kinds are "plan" (werkboek.yaml) and "location" (locaties/*.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.errors import Problem, WorkbookError
from workbook.language.i18n import Messages
from workbook.model import SCHEMA_VERSION, Location, Plan
from workbook.model.base import fill_uids

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _give_plan_items_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2: every item of a list carries a stable id (``uid``)."""
    return fill_uids(Plan, data)


def _give_location_items_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 2: every item of a list carries a stable id (``uid``)."""
    return fill_uids(Location, data)


def _nothing_to_change(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 3: a goal may say its kind (``kind``) and the evaluation which goal counts reach
    (``reach_goal``); both are new and empty in older files, so their data stay as they are."""
    return data


def _nothing_to_change_4(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 4: the context may hold a SWOT (``context.swot``), the plan its four-party
    conversations (``conversations``), a location its own owner (``local_owner``) and a runbook
    activity (and template activity) its place before the end (``weeks_before_end``); new and empty
    in older files, so their data stay as they are."""
    return data


MIGRATIONS: dict[tuple[str, int], Migration] = {
    ("plan", 1): _give_plan_items_ids,
    ("location", 1): _give_location_items_ids,
    ("plan", 2): _nothing_to_change,
    ("location", 2): _nothing_to_change,
    ("plan", 3): _nothing_to_change_4,
    ("location", 3): _nothing_to_change_4,
}

msg = Messages(
    {
        "newer": (
            "gemaakt met een nieuwere versie van het werkboek (schema {found}, deze versie kent t/m {known}); "
            "werk het werkboek bij",
            "made by a newer version of the workbook (schema {found}, this version knows up to {known}); "
            "upgrade the workbook",
        ),
        "bad_version": (
            "verwacht een geheel getal als schema_version, kreeg {got}",
            "expected a whole number as schema_version, got {got}",
        ),
        "no_path": ("geen migratie van schema {found} naar {next}", "no migration from schema {found} to {next}"),
    }
)


def migrate(data: dict[str, Any], kind: str, file: str, line: int | None = None) -> dict[str, Any]:
    """`data` at the current schema version; files without a version count as version 1.

    `line` is where schema_version stands in the file, for messages.
    """
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise WorkbookError(
            Problem(file=file, line=line, field="schema_version", message=msg("bad_version", got=repr(version)))
        )
    if version > SCHEMA_VERSION:
        raise WorkbookError(
            Problem(
                file=file,
                line=line,
                field="schema_version",
                message=msg("newer", found=version, known=SCHEMA_VERSION),
            )
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get((kind, version))
        if step is None:
            raise WorkbookError(Problem(file=file, message=msg("no_path", found=version, next=version + 1)))
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
