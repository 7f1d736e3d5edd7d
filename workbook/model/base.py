"""The base classes of every record in the plan, and the stable identity of list items."""

from __future__ import annotations

import hashlib
import json
import secrets
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field

UID = "uid"
"""The field that identifies an item of a list for good: merges and history match items by it."""

UID_LENGTH = 10


def new_uid() -> str:
    """A fresh random record id (hex)."""
    return secrets.token_hex(UID_LENGTH // 2)


class Record(BaseModel):
    """A part of the plan: unknown keys are an error, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False)


class Item(Record):
    """A record that stands in a list (a goal, an action, a stakeholder …): it carries a stable id.

    The id is given when the item is created and kept by every save, import and migration; the
    numbers people see (D1, F2) are separate fields and may change.
    """

    uid: str = Field(
        default_factory=new_uid,
        min_length=1,
        json_schema_extra={"label": {"nl": "Vaste id", "en": "Fixed id"}, "help": {"nl": "", "en": ""}},
    )


def is_internal(model: type[BaseModel], name: str) -> bool:
    """True for fields nobody fills in: the schema version, record ids, fields kept out of the file."""
    return name in ("schema_version", UID) or model.model_fields[name].exclude is True


def _list_item_model(annotation: Any) -> type[Item] | None:
    if get_origin(annotation) is list:
        (inner,) = get_args(annotation)
        if isinstance(inner, type) and issubclass(inner, Item):
            return inner
    return None


def _record_model(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def fill_uids(model: type[BaseModel], data: Any, where: str = "") -> Any:
    """`data` (plain data of `model`) with an id on every list item that has none or a repeated one.

    A missing id is derived from where the item stands and what it holds, so that two programs
    reading the same hand-written file give the item the same id until it is saved.
    """
    seen: set[str] = set()
    return _fill(model, data, where, seen)


def _fill(model: type[BaseModel], data: Any, where: str, seen: set[str]) -> Any:
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, info in model.model_fields.items():
        if name not in out:
            continue
        item_model = _list_item_model(info.annotation)
        if item_model is not None and isinstance(out[name], list):
            items = []
            for index, item in enumerate(out[name]):
                if isinstance(item, dict):
                    item = _fill(item_model, item, f"{where}/{name}/{index}", seen)
                    uid = item.get(UID)
                    if not isinstance(uid, str) or not uid or uid in seen:
                        item = {**item, UID: _derived_uid(f"{where}/{name}/{index}", item)}
                    seen.add(item[UID])
                items.append(item)
            out[name] = items
            continue
        nested = _record_model(info.annotation)
        if nested is not None:
            out[name] = _fill(nested, out[name], f"{where}/{name}", seen)
    return out


def _derived_uid(where: str, item: dict[str, Any]) -> str:
    content = {key: value for key, value in item.items() if key != UID}
    text = where + json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:UID_LENGTH]
