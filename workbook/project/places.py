"""Naming a place in the plan the way people read it: "Doel D3, eigenaar" rather than a data path."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from workbook.model.base import UID, Item
from workbook.model.fields import field_label
from workbook.model.numbering import NUMBER_FIELD
from workbook.project.merging import At, Path, value_at

LABEL_LENGTH = 40


def record_model(annotation: Any) -> type[BaseModel] | None:
    """The record class inside `annotation` (``Goal``, ``list[Goal]``, ``Goal | None``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType):
        for arg in get_args(annotation):
            found = record_model(arg)
            if found is not None:
                return found
    return None


def item_name(model: type[BaseModel], item: dict[str, Any], lang: str) -> str:
    """An item as people know it: its number (D3) or the start of its first text."""
    number = item.get(NUMBER_FIELD)
    if isinstance(number, str) and number.strip():
        return number.strip()
    for name in model.model_fields:
        value = item.get(name)
        if name != UID and isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return f"'{text[: LABEL_LENGTH - 1]}…'" if len(text) > LABEL_LENGTH else f"'{text}'"
    return "(leeg)" if lang == "nl" else "(empty)"


def annotation_at(model: type[BaseModel], section: str, path: Path) -> Any:
    """The type of the field `path` leads to inside `section` of `model` (None when unknown)."""
    annotation = model.model_fields[section].annotation
    for step in path:
        if isinstance(step, At):
            continue
        current = record_model(annotation)
        if current is None or step not in current.model_fields:
            return None
        annotation = current.model_fields[step].annotation
    return annotation


def describe(model: type[BaseModel], section: str, path: Path, data: Any, lang: str) -> str:
    """`path` inside `section` of `model` in words, e.g. "SMART-doelen en acties › D3 › Eigenaar".

    `data` is the section's value in which the items on the path are looked up by id.
    """
    words = [field_label(model, section, lang)]
    current: type[BaseModel] | None = record_model(model.model_fields[section].annotation)
    walked: Path = ()
    for step in path:
        walked = (*walked, step)
        if isinstance(step, At):
            item = value_at(data, walked)
            if current is not None and issubclass(current, Item) and isinstance(item, dict):
                words.append(item_name(current, item, lang))
            continue
        if current is None or step not in current.model_fields:
            words.append(str(step))
            continue
        words.append(field_label(current, step, lang))
        current = record_model(current.model_fields[step].annotation)
    return " › ".join(words)
