"""Field and choice helpers: every label and help text lives on the model, once, in nl and en."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel, Field


class Privacy(StrEnum):
    """What a field's value says about people, declared once on the model (``field(privacy=...)``).

    Renderers ask ``workbook.report.audience.treatment`` what an audience may see of a role; they
    never decide that themselves.
    """

    public = "public"
    """Plan content that names nobody: titles, goals, codes, choices."""
    person = "person"
    """A person's name (a staff member, a responsible person, an owner, a contact)."""
    client_count = "client_count"
    """A number of clients: small counts can point to a person."""
    free_text = "free_text"
    """Typed sentences about what happened at a location; they may name people."""
    money = "money"
    """An amount in euros."""


def field(
    nl: str,
    en: str,
    *,
    help_nl: str = "",
    help_en: str = "",
    widget: str | None = None,
    nouns: tuple[str, str, str, str] | None = None,
    privacy: Privacy | str | None = None,
    **kwargs: Any,
) -> Any:
    """A pydantic Field carrying Dutch/English label and help, plus an optional widget hint.

    Widget hints the form builder understands: "longtext" (multi-line text), "scale"
    (a 1-5 slider), "money" (an amount in euros), and "goal", "factor" and "location" (a code
    that refers to one of those, or a list of location codes: a picker). Other widgets follow
    from the field's type.
    `nouns` names one and several items of a list field in Dutch and English ("actie", "acties",
    "action", "actions").
    `privacy` says what the value tells about people (a ``Privacy`` role, stored by its value in the
    field's metadata as ``"privacy"``); every text field declares one, "public" included.
    """
    extra: dict[str, Any] = {"label": {"nl": nl, "en": en}, "help": {"nl": help_nl, "en": help_en}}
    if widget:
        extra["widget"] = widget
    if nouns:
        extra["nouns"] = {"nl": nouns[:2], "en": nouns[2:]}
    if privacy is not None:
        extra["privacy"] = Privacy(privacy).value
    return Field(json_schema_extra=extra, **kwargs)


def _extra(model: type[BaseModel], name: str) -> dict[str, Any]:
    """What `field` put in the json_schema_extra of `model.name` (empty for a plain Field)."""
    extra = model.model_fields[name].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def field_label(model: type[BaseModel], name: str, lang: str = "nl") -> str:
    """The label of `model.name` in `lang`, falling back to the field name."""
    label: str = _extra(model, name).get("label", {}).get(lang) or name
    return label


def field_help(model: type[BaseModel], name: str, lang: str = "nl") -> str:
    """The help text of `model.name` in `lang` (may be empty)."""
    text: str = _extra(model, name).get("help", {}).get(lang, "")
    return text


def field_noun(model: type[BaseModel], name: str, count: int, lang: str = "nl") -> str:
    """The word for `count` items of list field `model.name` ("1 actie", "3 acties"); the label
    in lower case when the field names no nouns."""
    one, many = _extra(model, name).get("nouns", {}).get(lang) or (None, None)
    if one is None:
        return field_label(model, name, lang).lower()
    return str(one if count == 1 else many)


def field_widget(model: type[BaseModel], name: str) -> str | None:
    """The widget hint of `model.name`, if any."""
    widget: str | None = _extra(model, name).get("widget")
    return widget


def field_privacy(model: type[BaseModel], name: str) -> Privacy | None:
    """The privacy role declared on `model.name`, or None when the field declares none."""
    role = _extra(model, name).get("privacy")
    return Privacy(role) if role else None


def holds_text(model: type[BaseModel], name: str) -> bool:
    """True when `model.name` holds typed text (str, an optional str or a list of str), not a choice."""
    annotation = model.model_fields[name].annotation
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (list, tuple, set) or (args and len(args) == 1):
        return any(holds_text_type(a) for a in args)
    return holds_text_type(annotation)


def holds_text_type(annotation: object) -> bool:
    return annotation is str


def privacy_role(model: type[BaseModel], name: str) -> Privacy | None:
    """The field's privacy role: the declared one; "public" for a field that holds no typed text
    (a date, a number, a yes/no, a choice); None for text that declares none (never to happen: a
    test walks the model)."""
    declared = field_privacy(model, name)
    if declared is not None:
        return declared
    return None if holds_text(model, name) else Privacy.public


class Choice(StrEnum):
    """A string enum whose members carry a Dutch and an English label.

    Declared as ``member = "code", "Dutch label", "English label"[, "other word", ...]``; stored as
    the code. Reading accepts the code, either label (with or without the part in brackets or a
    leading "de"/"het"/"the") and the other words, in any case and with or without accents.
    """

    nl: str
    en: str
    aliases: tuple[str, ...]

    def __new__(cls, code: str, nl: str, en: str, *aliases: str) -> Choice:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.nl = nl
        obj.en = en
        obj.aliases = aliases
        return obj

    def label(self, lang: str = "nl") -> str:
        """The member's label in `lang`."""
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        return self.value

    @classmethod
    def _missing_(cls, value: object) -> Choice | None:
        """The member a label or other spelling stands for (called when `value` is not a code)."""
        if isinstance(value, str):
            return spellings(cls).get(normal_spelling(value))
        return None

    def spellings(self) -> list[str]:
        """Every way of writing this member that reading accepts, as written in the declaration."""
        forms = [self.value, self.nl, self.en, *self.aliases]
        forms += [_without_brackets(form) for form in forms]
        forms += [_without_article(form) for form in forms]
        return list(dict.fromkeys(form for form in forms if form))


def normal_spelling(text: str) -> str:
    """`text` lower-case, without accents, with runs of spaces, hyphens and underscores as one space."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.split(r"[\s_-]+", plain.casefold())).strip()


@cache
def spellings(choice: type[Choice]) -> dict[str, Choice]:
    """Normalised spelling -> member, for every spelling that stands for exactly one member."""
    owners: dict[str, set[Choice]] = {}
    for member in choice:
        for form in member.spellings():
            owners.setdefault(normal_spelling(form), set()).add(member)
    return {form: next(iter(members)) for form, members in owners.items() if len(members) == 1}


def _without_brackets(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _without_article(text: str) -> str:
    return re.sub(r"^(de|het|the)\s+", "", text, flags=re.IGNORECASE)
