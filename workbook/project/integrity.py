"""What the plan cannot do without: required texts and unique numbers, checked per section.

A goal needs its text, a stakeholder and a location their name, and the numbers of goals and
factors (D1, F2) must be filled in and differ. Forms show these next to the field and keep such a
record out of the save until it is right.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from workbook.language.i18n import Messages, language
from workbook.model.fields import field_label
from workbook.model.numbering import NUMBER_FIELD, is_numbered, next_number
from workbook.project.places import record_model

REQUIRED: dict[str, tuple[str, ...]] = {
    "Goal": (NUMBER_FIELD, "text"),
    "ContextFactor": (NUMBER_FIELD, "description"),
    "Stakeholder": ("name",),
    "Location": ("name",),
}
"""Per record class, the fields that may not be left empty."""

msg = Messages(
    {
        "required": ("{label} is verplicht: vul het in", "{label} is required: fill it in"),
        "duplicate": (
            "nummer '{number}' wordt al gebruikt; kies een ander nummer (vrij: {free})",
            "number '{number}' is already used; choose another number (free: {free})",
        ),
    }
)

Found = list[tuple[tuple[Any, ...], str]]


def integrity_problems(model: type[BaseModel], section: str, value: Any, lang: str | None = None) -> Found:
    """The problems in `section` of `model` holding `value` (plain data), as (path, message)."""
    lang = lang or language()  # field_label needs the language itself
    found: Found = []
    if section in REQUIRED.get(model.__name__, ()) and _blank(value):
        found.append(((), msg("required", lang, label=field_label(model, section, lang))))
    inner = record_model(model.model_fields[section].annotation)
    if inner is not None:
        _check(inner, value, (), found, lang)
    return found


def _check(model: type[BaseModel], value: Any, path: tuple, found: Found, lang: str) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_record(model, item, (*path, index), found, lang)
        if is_numbered(model):
            _check_numbers(model, value, path, found, lang)
    else:
        _check_record(model, value, path, found, lang)


def _check_record(model: type[BaseModel], record: Any, path: tuple, found: Found, lang: str) -> None:
    if not isinstance(record, dict):
        return
    for name in REQUIRED.get(model.__name__, ()):
        if _blank(record.get(name)):
            found.append(((*path, name), msg("required", lang, label=field_label(model, name, lang))))
    for name, info in model.model_fields.items():
        inner = record_model(info.annotation)
        if inner is not None and record.get(name) is not None:
            _check(inner, record[name], (*path, name), found, lang)


def _check_numbers(model: type[BaseModel], items: list, path: tuple, found: Found, lang: str) -> None:
    numbers = [str(item.get(NUMBER_FIELD) or "").strip() for item in items if isinstance(item, dict)]
    seen: set[str] = set()
    for index, number in enumerate(numbers):
        if number and number.upper() in seen:
            free = next_number(model, numbers)
            found.append(((*path, index, NUMBER_FIELD), msg("duplicate", lang, number=number, free=free)))
        seen.add(number.upper())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
