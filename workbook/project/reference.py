"""A reference of every field of werkboek.yaml and the location files, read from the model.

Each field comes with its path as written in YAML, its label, its kind, the values a choice
allows (codes and labels) and an example: the demo organisation's value where it has one.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from workbook.files.validation import inner_type, is_choice, is_record
from workbook.language.i18n import Messages
from workbook.model import Location
from workbook.model.base import is_internal
from workbook.model.fields import field_help, field_label, field_widget

msg = Messages(
    {
        "text": ("tekst", "text"),
        "longtext": ("lange tekst", "long text"),
        "goal": ("nummer van een doel (D1)", "number of a goal (D1)"),
        "factor": ("nummer van een factor (F1)", "number of a factor (F1)"),
        "location": ("code van een locatie (de-linde)", "code of a location (de-linde)"),
        "int": ("geheel getal", "whole number"),
        "float": ("getal (met een punt: 12.5)", "number (with a point: 12.5)"),
        "date": ("datum (2027-07-01 of 1 juli 2027)", "date (2027-07-01 or 1 July 2027)"),
        "bool": ("ja of nee", "yes or no"),
        "choice": ("keuze", "choice"),
        "group": ("groep velden", "group of fields"),
        "list_of": ("lijst van: {kind}", "list of: {kind}"),
        "map_of": ("per naam: {kind}", "per name: {kind}"),
        "range": ("{kind}, {low} t/m {high}", "{kind}, {low} to {high}"),
        "at_least": ("{kind}, minstens {low}", "{kind}, at least {low}"),
        "required": ("verplicht", "required"),
        "empty": ("mag leeg blijven", "may stay empty"),
    }
)


@dataclass(frozen=True)
class FieldEntry:
    """One field as the reference shows it."""

    path: str
    label: str
    kind: str
    required: bool
    choices: list[tuple[str, str]]
    example: str
    help: str


def entries(
    model: type[BaseModel], prefix: str, lang: str, examples: dict[str, str] | None = None
) -> Iterator[FieldEntry]:
    """Every field of `model` and of the records inside it; paths start at `prefix` ("goals[]")."""
    examples = _examples(model is Location) if examples is None else examples
    for name, info in model.model_fields.items():
        if is_internal(model, name):
            continue
        path = f"{prefix}.{name}" if prefix else name
        kind = inner_type(info.annotation)
        yield FieldEntry(
            path=path,
            label=field_label(model, name, lang),
            kind=_kind_of(info.annotation, info, lang, field_widget(model, name)),
            required=info.is_required(),
            choices=[(member.value, member.label(lang)) for member in kind] if is_choice(kind) else [],
            example=examples.get(path.replace("[]", ""), _fallback_example(info.annotation, kind, info)),
            help=field_help(model, name, lang),
        )
        if is_record(kind):
            yield from entries(kind, f"{path}[]" if _is_list(info.annotation) else path, lang, examples)


def _is_list(annotation: Any) -> bool:
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return typing.get_origin(annotation) is list


def _kind_of(annotation: Any, info: Any, lang: str, widget: str | None) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _kind_of(args[0], info, lang, widget)
    if origin is list:
        return msg("list_of", lang, kind=_kind_of(args[0], None, lang, widget))
    if origin is dict:
        return msg("map_of", lang, kind=_kind_of(args[1], None, lang, None))
    if is_record(annotation):
        return msg("group", lang)
    if is_choice(annotation):
        return msg("choice", lang)
    text = widget if widget in ("longtext", "goal", "factor", "location") else "text"
    base = {str: text, int: "int", float: "float", bool: "bool"}.get(
        annotation, "date" if annotation is dt.date else "text"
    )
    kind = msg(base, lang)
    low, high = _limits(info)
    if low is not None and high is not None:
        return msg("range", lang, kind=kind, low=low, high=high)
    if low is not None:
        return msg("at_least", lang, kind=kind, low=_number(low))
    return kind


def _limits(info: Any) -> tuple[Any, Any]:
    low = high = None
    for rule in getattr(info, "metadata", []) or []:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _fallback_example(annotation: Any, kind: Any, info: Any) -> str:
    """An example for a field the demo leaves empty: the first choice, the lowest allowed number, ..."""
    if is_choice(kind):
        return next(iter(kind)).value
    if is_record(kind) or typing.get_origin(annotation) is dict:
        return ""
    if kind is bool:
        return "ja"
    if kind is dt.date:
        return "2027-07-01"
    if kind in (int, float):
        low, high = _limits(info)
        return _number(low if low is not None else (3 if kind is int else 12.5))
    return ""


@cache
def _examples(location: bool) -> dict[str, str]:
    """Path (without list markers) -> the first value the demo organisation has there."""
    from workbook.project.store import Project
    from workbook.resources import demo_dir

    project = Project(demo_dir())
    records = project.load_locations() if location else [project.load_plan()]
    found: dict[str, str] = {}
    for record in records:
        _collect(record.model_dump(mode="json", exclude={"slug"}), "", found)
    return found


def _collect(value: Any, path: str, found: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _collect(item, f"{path}.{key}" if path else key, found)
    elif isinstance(value, list):
        for item in value:
            _collect(item, path, found)
    elif value not in (None, "") and path not in found:
        text = ("ja" if value else "nee") if isinstance(value, bool) else str(value)
        found[path] = text if len(text) <= 70 else text[:67].rstrip() + "…"
