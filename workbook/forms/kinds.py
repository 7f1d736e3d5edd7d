"""What kind of input a model field needs, read once from its type, constraints and widget hint."""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from workbook.model.fields import field_widget

# The kinds the binder knows; each maps to exactly one input class in ``workbook.forms.inputs``.
TEXT = "text"
LONGTEXT = "longtext"
CHOICE = "choice"
MULTICHOICE = "multichoice"
SCALE = "scale"
INT = "int"
FLOAT = "float"
MONEY = "money"
BOOL = "bool"
TRISTATE = "tristate"
DATE = "date"
TAGS = "tags"
LEVELS = "levels"
GROUP = "group"
TABLE = "table"
REFERENCE = "reference"
REFERENCES = "references"

REFERENCE_HINTS = ("goal", "factor", "location")
"""Widget hints of fields that hold the code of a goal, factor or location (see ``forms.references``)."""

SCALE_MAX_STEPS = 7
"""A bounded whole number with at most this many values is shown as buttons, not a number box."""


@dataclass(frozen=True)
class Kind:
    """How one field is edited: the kind, whether it may be empty, and the type details it needs."""

    name: str
    optional: bool = False
    inner: Any = None
    """The enum class (choice kinds), the record class (group and table kinds) or what a
    reference refers to ("goal", "factor", "location")."""
    low: int | None = None
    high: int | None = None

    @property
    def steps(self) -> range:
        """The whole numbers a scale kind offers, low to high."""
        if self.low is None or self.high is None:
            raise ValueError(f"a {self.name} kind has no bounds")
        return range(self.low, self.high + 1)


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _bounds(info: FieldInfo) -> tuple[int | None, int | None]:
    low = next((m.ge for m in info.metadata if isinstance(m, Ge) and isinstance(m.ge, int)), None)
    high = next((m.le for m in info.metadata if isinstance(m, Le) and isinstance(m.le, int)), None)
    return low, high


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_choice(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Enum)


def kind_of(model: type[BaseModel], name: str) -> Kind:
    """The kind of input for field `name` of `model`."""
    info = model.model_fields[name]
    annotation, optional = _strip_optional(info.annotation)
    origin, args = get_origin(annotation), get_args(annotation)
    hint = field_widget(model, name)
    if origin is list:
        item = args[0]
        if _is_record(item):
            return Kind(TABLE, inner=item)
        if _is_choice(item):
            return Kind(MULTICHOICE, inner=item)
        if hint in REFERENCE_HINTS:
            return Kind(REFERENCES, inner=hint)
        return Kind(TAGS)
    if origin is dict:
        return Kind(LEVELS, inner=args[1])
    if _is_record(annotation):
        return Kind(GROUP, optional, inner=annotation)
    if _is_choice(annotation):
        return Kind(CHOICE, optional, inner=annotation)
    if annotation is bool:
        return Kind(TRISTATE if optional else BOOL, optional)
    if annotation is dt.date:
        return Kind(DATE, optional)
    if annotation is int:
        low, high = _bounds(info)
        bounded = low is not None and high is not None and high - low < SCALE_MAX_STEPS
        if hint == "scale" or bounded:
            return Kind(SCALE, optional, low=low if low is not None else 1, high=high if high is not None else 5)
        return Kind(INT, optional)
    if annotation is float:
        return Kind(MONEY if hint == "money" else FLOAT, optional)
    if hint in REFERENCE_HINTS:
        return Kind(REFERENCE, optional, inner=hint)
    return Kind(LONGTEXT if hint == "longtext" else TEXT, optional)


def blank_value(model: type[BaseModel], name: str) -> Any:
    """The value a new, empty record starts with: the field's default, else a neutral value."""
    info = model.model_fields[name]
    if not info.is_required():
        return info.get_default(call_default_factory=True)
    kind = kind_of(model, name)
    if kind.name == CHOICE:
        return next(iter(kind.inner))
    if kind.name == DATE:
        return dt.date.today()
    if kind.name in (TEXT, LONGTEXT):
        return ""
    if kind.name == GROUP:
        return new_record(kind.inner)
    return None


def new_record(model: type[BaseModel]) -> BaseModel:
    """A new record of `model` with every field at its blank value (not validated: may be incomplete)."""
    return model.model_construct(**{name: blank_value(model, name) for name in model.model_fields})
