"""What changed between two versions of a workbook file, field by field, in words people read.

Two versions of the plan, a location file or a measurements CSV are compared per section, per
record and per field, guided by the model: list items are matched by ``uid`` when both sides have
one, else by their visible number (``id``: goals, factors), else by their natural key (a
measurement's date and goal), else by position. Labels come from the model's fields, so a change
reads as ``Doel D3, eigenaar: 'Anna de Vries' → 'Piet Bakker'``. Added and removed records are
one line each. The stored data is compared as written (not migrated), and ``uid``,
``schema_version`` and the automatic "last updated" date are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

import yaml
from pydantic import BaseModel

from workbook.files.yamlio import parse
from workbook.language.i18n import Messages
from workbook.language.locale import format_date, format_number
from workbook.model import Location, Measurement, Plan
from workbook.model.fields import Choice, Privacy, field_label, field_privacy
from workbook.model.portfolio import Portfolio

IGNORED = {"uid", "schema_version", "last_updated", "slug"}
TEXT_LIMIT = 60
NAME_LIMIT = 40  # text that names a record
MEASUREMENT_FIELDS = {"datum": "date", "doel": "goal_id", "waarde": "value", "toelichting": "note", "id": "uid"}

msg = Messages(
    {
        "changed": ("{what}: {old} → {new}", "{what}: {old} → {new}"),
        "added": ("{what} toegevoegd", "{what} added"),
        "removed": ("{what} verwijderd", "{what} removed"),
        "rewritten": ("{what} gewijzigd", "{what} changed"),
        "empty": ("(leeg)", "(empty)"),
        "yes": ("ja", "yes"),
        "no": ("nee", "no"),
        "unreadable": ("{file} was in deze versie niet leesbaar", "{file} could not be read in this version"),
        "location": ("Locatie {name}", "Location {name}"),
        # The name of one record, by the list it is in (field name) or its type (class name).
        "working_group": ("Werkgroeplid", "Working group member"),
        "team": ("Teamlid", "Team member"),
        "ContextFactor": ("Factor", "Factor"),
        "Goal": ("Doel", "Goal"),
        "Action": ("Actie", "Action"),
        "DataItem": ("Gegevens", "Data"),
        "CommunicationAction": ("Communicatieactie", "Communication action"),
        "Stakeholder": ("Stakeholder", "Stakeholder"),
        "SpreadPhase": ("Fase", "Phase"),
        "Characteristic": ("Kenmerk", "Characteristic"),
        "SystemEffect": ("Effect op het systeem", "Effect on the system"),
        "Risk": ("Risico", "Risk"),
        "Wave": ("Golf", "Wave"),
        "ScanResponse": ("Borgingsscan", "Sustainability scan"),
        "EmbeddingItem": ("Borgingspunt", "Embedding item"),
        "AnchoringGroup": ("Verankering", "Anchoring"),
        "SimpleAction": ("Borgingsactie", "Sustainment action"),
        "PdcaCycle": ("PDCA-cyclus", "PDCA cycle"),
        "Lesson": ("Les", "Lesson"),
        "RunbookTemplateActivity": ("Activiteit", "Activity"),
        "RunbookActivity": ("Activiteit", "Activity"),
        "ClientCriterion": ("Criterium", "Criterion"),
        "SuitabilityChange": ("Bijstelling", "Revision"),
        "LocalTarget": ("Streefwaarde", "Target"),
        "Measurement": ("Meting", "Measurement"),
        "Experience": ("Ervaring", "Experience"),
        "Intake": ("Intake", "Intake"),
        "LocationEvaluation": ("Evaluatie", "Evaluation"),
        "PortfolioProject": ("Project", "Project"),
        "Decision": ("Besluit", "Decision"),
        "Criterion": ("Criterium", "Criterion"),
    }
)

# Records named by fields that identify them, shown without quotes ("Meting 1 maart 2026 D2").
IDENTITY = {"Measurement": ("date", "goal_id"), "LocalTarget": ("goal_id",)}
# Records named by another text than their first one ("Project 'Valpreventie'", not its folder's code).
NAMED_BY = {"PortfolioProject": "name"}
PLAIN_NUMBERS = {"year"}
"""Fields whose numbers are read without grouping (a portfolio's year: 2027, not 2.027)."""
MODELS: dict[str, type[BaseModel]] = {"plan": Plan, "location": Location, "portfolio": Portfolio}


class Label(NamedTuple):
    """A record's name in a change: as people name it, and `plain` without free text in it."""

    named: str
    plain: str


@dataclass(frozen=True)
class Change:
    """One change: where (labels from outer to inner), the field, and the values as text.

    `plain` is `where` with every record that free text names (a team member, a stakeholder)
    called by its kind only; `free_text` says `old` and `new` are free text. Free text can name a
    person, so ``text(lang, names=False)`` leaves both out: for readers who see no staff names.
    """

    file: str
    section: str
    where: tuple[str, ...]
    field: str = ""
    old: str = ""
    new: str = ""
    kind: str = "changed"  # changed, added, removed, or unreadable (a damaged version of the file)
    plain: tuple[str, ...] | None = None
    free_text: bool = False
    client_count: bool = False
    """A count of clients: every reader sees that it changed, none the numbers (small-cell rule)."""

    def text(self, lang: str = "nl", names: bool = True) -> str:
        if self.kind == "unreadable":
            return msg("unreadable", lang, file=self.file)
        where = self.where if names or self.plain is None else self.plain
        parts = [where[0], *(_lower(part) for part in where[1:])] if where else []
        if self.kind != "changed":
            return msg(self.kind, lang, what=", ".join(parts))
        what = ", ".join([*parts, _lower(self.field)] if parts else [self.field])
        if (self.free_text and not names) or self.client_count:
            return msg("rewritten", lang, what=what)
        return msg("changed", lang, what=what, old=self.old, new=self.new)


def file_changes(file: str, old: bytes | None, new: bytes | None, lang: str = "nl", place: str = "") -> list[Change]:
    """The changes from `old` to `new`, two versions of `file` (None: no such file).

    `place` is the location's name, put before the changes of a location or measurements file.
    """
    kind = file_kind(file)
    if kind is None:
        return []
    prefix = (Label(place, place),) if place else ()
    try:
        before, after = _read(kind, old), _read(kind, new)
    except (yaml.YAMLError, csv.Error, UnicodeDecodeError, ValueError):
        return [Change(file, "", (), kind="unreadable")]
    if kind == "measurements":
        # A location's first measurements make the file: no file before is no measurements.
        return _records(file, "measurements", prefix, Measurement, "measurements", before or [], after or [], lang)
    if before is None or after is None:
        if kind == "location" and (before or after):
            name = (after or before or {}).get("name", "")
            label = msg("location", lang, name=" ".join(str(name).split()) or file)
            return [Change(file, "", (label,), kind="added" if before is None else "removed", plain=(label,))]
        before, after = before or {}, after or {}
    return _model(file, "", prefix, MODELS[kind], before, after, lang, top=True)


def file_kind(file: str) -> str | None:
    """'plan', 'location', 'measurements' or 'portfolio' for a tracked file, else None."""
    if file == "werkboek.yaml":
        return "plan"
    if file == "portefeuille.yaml":
        return "portfolio"
    if file.startswith("locaties/") and file.endswith(".yaml"):
        return "location"
    if file.startswith("metingen/") and file.endswith(".csv"):
        return "measurements"
    return None


# --- reading -------------------------------------------------------------------------------------


def file_data(file: str, data: bytes | None) -> Any:
    """The data in one version of `file`: a dict for YAML, a list of measurement dicts for CSV."""
    kind = file_kind(file)
    return None if kind is None else _read(kind, data)


@functools.lru_cache(maxsize=32)
def _read(kind: str, data: bytes | None) -> Any:
    """The data in one version of a file (cached: a history reads each version twice; never changed)."""
    if data is None:
        return None
    text = data.decode("utf-8-sig")
    if kind == "measurements":
        rows = csv.DictReader(io.StringIO(text, newline=""))
        return [{MEASUREMENT_FIELDS.get(k, k): v for k, v in row.items()} for row in rows]
    found, _node = parse(text)
    return found if isinstance(found, dict) else {}


# --- comparing -----------------------------------------------------------------------------------


def _model(
    file: str,
    section: str,
    where: tuple[Label, ...],
    model: type[BaseModel],
    before: dict,
    after: dict,
    lang: str,
    top: bool = False,
) -> list[Change]:
    """The changes inside one record of type `model`; `top` for the whole plan or location."""
    found: list[Change] = []
    names = [*model.model_fields, *(k for k in {**before, **after} if k not in model.model_fields)]
    for name in names:
        if name in IGNORED:
            continue
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        at = name if top else section
        inner: Any  # the record model for "records" and "model", else the value's type
        shape, inner = _shape(model.model_fields[name].annotation) if name in model.model_fields else ("value", None)
        label = field_label(model, name, lang) if name in model.model_fields else name
        if shape == "records":
            found += _records(file, at, where, inner, name, old or [], new or [], lang)
        elif shape == "mapping" and isinstance(old or {}, dict) and isinstance(new or {}, dict):
            found += _mapping(file, at, (*where, Label(label, label)), inner, old or {}, new or {}, lang)
        elif shape == "model":
            found += _model(file, at, (*where, Label(label, label)), inner, old or {}, new or {}, lang)
        else:
            (old_text, old_free), (new_text, new_free) = _shown(old, inner, lang), _shown(new, inner, lang)
            if name in PLAIN_NUMBERS and isinstance(old, int) and isinstance(new, int):
                old_text, new_text = str(old), str(new)
            counted = name in model.model_fields and field_privacy(model, name) == Privacy.client_count
            found.append(
                _change(
                    file, at, where, label, old_text, new_text, free_text=old_free or new_free, client_count=counted
                )
            )
    return found


def _mapping(
    file: str, section: str, where: tuple[Label, ...], kind: Any, before: dict, after: dict, lang: str
) -> list[Change]:
    """Changes in a mapping (a project's scores per criterion): one per key, in the order written."""
    keys = [*after, *(k for k in before if k not in after)]
    return [
        _change(file, section, where, str(key), _value(before.get(key), kind, lang), _value(after.get(key), kind, lang))
        for key in keys
        if before.get(key) != after.get(key)
    ]


def _records(
    file: str,
    section: str,
    where: tuple[Label, ...],
    model: type[BaseModel],
    field_name: str,
    before: list,
    after: list,
    lang: str,
) -> list[Change]:
    """Changes in a list of records: matched ones field by field, added and removed ones whole."""
    before = [item for item in before if isinstance(item, dict)]
    after = [item for item in after if isinstance(item, dict)]
    key = _matcher(model, before, after)
    old_by_key = {key(item, n): item for n, item in enumerate(before)}
    new_keys = [key(item, n) for n, item in enumerate(after)]
    found: list[Change] = []
    for n, (k, item) in enumerate(zip(new_keys, after, strict=True)):
        label = (*where, _record_label(model, field_name, item, n, lang))
        if k not in old_by_key:
            found.append(_change(file, section, label, kind="added"))
        else:
            found += _model(file, section, label, model, old_by_key[k], item, lang)
    for n, item in enumerate(before):
        if key(item, n) not in set(new_keys):
            label = (*where, _record_label(model, field_name, item, n, lang))
            found.append(_change(file, section, label, kind="removed"))
    return found


def _change(
    file: str,
    section: str,
    where: tuple[Label, ...],
    field: str = "",
    old: str = "",
    new: str = "",
    *,
    kind: str = "changed",
    free_text: bool = False,
    client_count: bool = False,
) -> Change:
    named, plain = tuple(label.named for label in where), tuple(label.plain for label in where)
    return Change(
        file, section, named, field, old, new, kind=kind, plain=plain, free_text=free_text, client_count=client_count
    )


def _matcher(model: type[BaseModel], before: list[dict], after: list[dict]) -> Any:
    """How to pair the items of two versions of a list (see the module's docstring)."""
    both = before + after

    def unique(field_names: tuple[str, ...]) -> bool:
        for items in (before, after):
            keys = [tuple(str(i.get(f, "")) for f in field_names) for i in items]
            if len(set(keys)) != len(keys) or any(not all(k) for k in keys):
                return False
        return True

    for field_names in (("uid",), ("id",), IDENTITY.get(model.__name__, ())):
        if field_names and (field_names != ("uid",) or all("uid" in i for i in both)) and unique(field_names):
            return lambda item, _n, names=field_names: tuple(str(item.get(f, "")) for f in names)
    return lambda _item, n: n


def _record_label(model: type[BaseModel], field_name: str, item: dict, position: int, lang: str) -> Label:
    """A record as people name it: "Doel D3", "Stakeholder 'Cliëntenraad'" (plainly "Stakeholder"),
    "Meting 1 maart 2026 D2"."""
    noun_key = field_name if field_name in msg.catalogue else model.__name__
    noun = msg(noun_key, lang) if noun_key in msg.catalogue else model.__name__
    fields = model.model_fields
    if "id" in fields and item.get("id"):
        return _same(f"{noun} {item['id']}")
    if (named_by := NAMED_BY.get(model.__name__)) and item.get(named_by):
        return _same(f"{noun} {_quoted(str(item[named_by]), lang, NAME_LIMIT)}")
    if model.__name__ in IDENTITY:
        names = IDENTITY[model.__name__]
        return _same(
            " ".join([noun, *(_value(item.get(f), _shape(fields[f].annotation)[1], lang, quote=False) for f in names)])
        )
    for name, info in fields.items():
        if name in IGNORED:
            continue
        shape, inner = _shape(info.annotation)
        if shape == "value" and (inner is str or _is_choice(inner)) and item.get(name) not in (None, ""):
            if inner is str:
                return Label(f"{noun} {_quoted(str(item[name]), lang, NAME_LIMIT)}", noun)
            return _same(f"{noun} {_value(item[name], inner, lang)}")
    return _same(f"{noun} {position + 1}")


def _same(label: str) -> Label:
    return Label(label, label)


# --- types and values ----------------------------------------------------------------------------


def _shape(annotation: Any) -> tuple[str, Any]:
    """('records', Model), ('model', Model), ('list', item type), ('mapping', value type) or
    ('value', type) for a field."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return _shape(args[0]) if len(args) == 1 else ("value", None)
    if typing.get_origin(annotation) is dict:
        return "mapping", _shape(args[1])[1] if len(args) == 2 else None
    if typing.get_origin(annotation) is list:
        inner = args[0] if args else None
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "records", inner
        return "list", inner
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "value", annotation


def readable(value: Any, annotation: Any, lang: str) -> str:
    """A stored value of a field with this type as people read it (see `_value`)."""
    return _value(value, _shape(annotation)[1], lang)


def _is_choice(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Choice)


def _value(value: Any, kind: Any, lang: str, quote: bool = True) -> str:
    """A stored value as people read it: quoted text, "1 juli 2027", "12,5", "ja", a choice's label."""
    return _shown(value, kind, lang, quote)[0]


def _shown(value: Any, kind: Any, lang: str, quote: bool = True) -> tuple[str, bool]:
    """`_value`, and whether it shows free text (which can name a person) rather than a number,
    a date, yes or no, or a choice."""
    if value is None or value == "" or value == []:
        return msg("empty", lang), False
    if isinstance(value, list):
        shown = [_shown(v, kind, lang, quote) for v in value]
        return ", ".join(text for text, _ in shown), any(free for _, free in shown)
    if isinstance(value, bool):
        return msg("yes" if value else "no", lang), False
    if _is_choice(kind):
        try:
            return kind(value).label(lang), False
        except ValueError:
            return str(value), True
    if kind is dt.date or isinstance(value, dt.date):
        try:
            return format_date(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)), lang), False
        except ValueError:
            return str(value), True
    if kind in (int, float) or isinstance(value, int | float):
        try:
            return format_number(Decimal(str(value)), lang), False
        except ArithmeticError:
            return str(value), True
    return (_quoted(str(value), lang) if quote else str(value)), True


def _quoted(text: str, lang: str, limit: int = TEXT_LIMIT) -> str:
    text = " ".join(text.split())
    if not text:
        return msg("empty", lang)
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


def _lower(label: str) -> str:
    """A label inside a sentence: 'Eigenaar' becomes 'eigenaar', 'SMART-doelen' stays."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label
