"""A read-only summary of a section, driven by the same field metadata as the forms.

The section becomes plain data, a list of parts (a labelled list of values, a table of records),
rendered by ``templates/workbook/fragments/steps/summary.html.j2``: nothing typed into the plan can
become markup or script.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from workbook.forms import kinds
from workbook.forms.kinds import kind_of
from workbook.forms.records import editable_fields
from workbook.instruments import sustainability_scan
from workbook.language.i18n import Messages
from workbook.language.locale import format_date, format_money, format_number, has_cents
from workbook.model.fields import field_label
from workbook.report.render import render

msg = Messages(
    {
        "yes": ("ja", "yes"),
        "no": ("nee", "no"),
        "none": ("Nog niets ingevuld.", "Nothing filled in yet."),
        "of": ("{label} — {item}", "{label} — {item}"),
    }
)

EMPTY = "—"
NESTED = {kinds.GROUP, kinds.TABLE}


@dataclass
class Fields:
    """Values beside their labels, under an optional title."""

    title: str
    rows: list[tuple[str, str]]
    kind: str = "fields"


@dataclass
class Records:
    """A list of records as one table: a row per record, a column per field."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    kind: str = "records"


Part = Fields | Records


def text_of(value: Any, lang: str) -> str:
    """A value as plain text for people."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return msg("yes" if value else "no", lang)
    if isinstance(value, Enum) and callable(label := getattr(value, "label", None)):
        return str(label(lang))
    if isinstance(value, dt.date):
        return format_date(value, lang, style="medium")
    if isinstance(value, float):
        return format_number(value, lang)
    if isinstance(value, dict):
        scan = sustainability_scan()
        return "; ".join(f"{scan.factor(key).label(lang)}: {text_of(level, lang)}" for key, level in value.items())
    if isinstance(value, list):
        return ", ".join(text_of(item, lang) for item in value)
    return str(value)


def _cell(model: type[BaseModel], name: str, value: Any, lang: str, cents: bool | None = None) -> str:
    """The value of field `name` as text: amounts in euros (`cents`: the decision for the amounts of
    one table, see ``locale.format_money``), everything else as `text_of`."""
    money = _is_money(model, name) and value is not None
    return format_money(value, lang, cents) if money else text_of(value, lang)


def _is_money(model: type[BaseModel], name: str) -> bool:
    return kind_of(model, name).name == kinds.MONEY


def _simple(model: type[BaseModel]) -> list[str]:
    return [name for name in editable_fields(model) if kind_of(model, name).name not in NESTED]


def _nested(model: type[BaseModel]) -> list[str]:
    return [name for name in editable_fields(model) if kind_of(model, name).name in NESTED]


def record_parts(record: BaseModel, lang: str, title: str = "") -> list[Part]:
    """One record as labelled values, followed by its nested parts."""
    model = type(record)
    names = editable_fields(model)
    simple = _simple(model)
    rows = [(field_label(model, n, lang), _cell(model, n, getattr(record, n), lang)) for n in names if n in simple]
    parts: list[Part] = [Fields(title, rows)]
    for name in names:
        if name in _nested(model):
            parts += value_parts(model, name, getattr(record, name), lang)
    return parts


def table_parts(model: type[BaseModel], records: list[BaseModel], lang: str, title: str = "") -> list[Part]:
    """A list of records as one table; their nested lists follow as tables of their own."""
    columns = _simple(model)
    cents = has_cents(getattr(r, n) for r in records for n in columns if _is_money(model, n))
    rows = [[_cell(model, n, getattr(r, n), lang, cents) for n in columns] for r in records]
    parts: list[Part] = [Records(title, [field_label(model, n, lang) for n in columns], rows)]
    for index, record in enumerate(records, start=1):
        item = text_of(getattr(record, columns[0]), lang) if columns else str(index)
        for name in _nested(model):
            value = getattr(record, name)
            if value:
                label = msg("of", lang, label=field_label(model, name, lang), item=item)
                parts += value_parts(model, name, value, lang, title=label)
    return parts


def value_parts(model: type[BaseModel], name: str, value: Any, lang: str, title: str = "") -> list[Part]:
    """The field `name` of `model` holding `value`: a table, a group or a labelled value."""
    title = title or field_label(model, name, lang)
    kind = kind_of(model, name)
    if kind.name == kinds.TABLE:
        return table_parts(kind.inner, value, lang, title)
    if kind.name == kinds.GROUP:
        return record_parts(value, lang, title)
    return [Fields("", [(title, _cell(model, name, value, lang))])]


def summary_html(parts: list[Part], lang: str) -> str:
    """The parts as HTML tables."""
    return str(render("steps/summary.html.j2", msg, lang, parts=parts))


def record_html(record: BaseModel, lang: str, title: str = "") -> str:
    """One record as a two-column table (label, value), with its nested parts below it."""
    return summary_html(record_parts(record, lang, title), lang)


def table_html(model: type[BaseModel], records: list[BaseModel], lang: str, title: str = "") -> str:
    """A list of records as one table, their nested lists below it."""
    return summary_html(table_parts(model, records, lang, title), lang)
