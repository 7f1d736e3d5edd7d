"""A read-only summary of a section as HTML tables, driven by the same field metadata as the forms.

Every user text is escaped: nothing typed into the plan can become markup or script.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from html import escape
from typing import Any

from pydantic import BaseModel

from workbook.fields import field_label
from workbook.forms import kinds
from workbook.forms.kinds import kind_of
from workbook.forms.records import editable_fields
from workbook.i18n import Messages
from workbook.instruments import sustainability_scan
from workbook.locale import format_date, format_money, format_number

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


def text_of(value: Any, lang: str) -> str:
    """A value as plain text for people (not yet escaped)."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return msg("yes" if value else "no", lang)
    if hasattr(value, "label") and isinstance(value, Enum):
        return value.label(lang)
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


def _cell(model: type[BaseModel], name: str, value: Any, lang: str) -> str:
    """The value of field `name` as HTML: amounts in euros, everything else as `text_of`."""
    money = kind_of(model, name).name == kinds.MONEY and value is not None
    return escape(format_money(value, lang) if money else text_of(value, lang)).replace("\n", "<br>")


def _simple(model: type[BaseModel]) -> list[str]:
    return [name for name in editable_fields(model) if kind_of(model, name).name not in NESTED]


def _nested(model: type[BaseModel]) -> list[str]:
    return [name for name in editable_fields(model) if kind_of(model, name).name in NESTED]


def record_html(record: BaseModel, lang: str, title: str = "", fields: tuple[str, ...] | None = None) -> str:
    """One record as a two-column table (label, value), with its nested parts below it."""
    model = type(record)
    names = list(fields or editable_fields(model))
    rows = "".join(
        f"<tr><th>{escape(field_label(model, n, lang))}</th><td>{_cell(model, n, getattr(record, n), lang)}</td></tr>"
        for n in names
        if n in _simple(model)
    )
    html = f"<h4>{escape(title)}</h4>" if title else ""
    if rows:
        html += f'<table class="wb-fields">{rows}</table>'
    for name in names:
        if name in _nested(model):
            html += value_html(model, name, getattr(record, name), lang)
    return html


def table_html(model: type[BaseModel], records: list[BaseModel], lang: str, title: str = "") -> str:
    """A list of records as one table; their nested lists follow as tables of their own."""
    html = f"<h4>{escape(title)}</h4>" if title else ""
    if not records:
        return html + f"<p><i>{msg('none', lang)}</i></p>"
    columns = _simple(model)
    head = "".join(f"<th>{escape(field_label(model, n, lang))}</th>" for n in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(model, n, getattr(r, n), lang)}</td>" for n in columns) + "</tr>" for r in records
    )
    html += f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    for index, record in enumerate(records, start=1):
        item = text_of(getattr(record, columns[0]), lang) if columns else str(index)
        for name in _nested(model):
            value = getattr(record, name)
            if value:
                label = msg("of", lang, label=field_label(model, name, lang), item=item)
                html += value_html(model, name, value, lang, title=label)
    return html


def value_html(model: type[BaseModel], name: str, value: Any, lang: str, title: str = "") -> str:
    """The field `name` of `model` holding `value`, as HTML: a table, a group or a labelled value."""
    title = title or field_label(model, name, lang)
    kind = kind_of(model, name)
    if kind.name == kinds.TABLE:
        return table_html(kind.inner, value, lang, title)
    if kind.name == kinds.GROUP:
        return record_html(value, lang, title)
    return (
        f'<table class="wb-fields"><tr><th>{escape(title)}</th><td>{_cell(model, name, value, lang)}</td></tr></table>'
    )
