"""Field and choice helpers: every label and help text lives on the model, once, in nl and en."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field


def field(
    nl: str,
    en: str,
    *,
    help_nl: str = "",
    help_en: str = "",
    widget: str | None = None,
    **kwargs: Any,
) -> Any:
    """A pydantic Field carrying Dutch/English label and help, plus an optional widget hint.

    Widget hints the form builder understands: "longtext" (multi-line text), "scale"
    (a 1-5 slider) and "money" (an amount in euros). Other widgets follow from the field's type.
    """
    extra = {"label": {"nl": nl, "en": en}, "help": {"nl": help_nl, "en": help_en}}
    if widget:
        extra["widget"] = widget
    return Field(json_schema_extra=extra, **kwargs)


def field_label(model: type, name: str, lang: str = "nl") -> str:
    """The label of `model.name` in `lang`, falling back to the field name."""
    info = model.model_fields[name]
    extra = info.json_schema_extra or {}
    return extra.get("label", {}).get(lang) or name


def field_help(model: type, name: str, lang: str = "nl") -> str:
    """The help text of `model.name` in `lang` (may be empty)."""
    info = model.model_fields[name]
    extra = info.json_schema_extra or {}
    return extra.get("help", {}).get(lang, "")


def field_widget(model: type, name: str) -> str | None:
    """The widget hint of `model.name`, if any."""
    extra = model.model_fields[name].json_schema_extra or {}
    return extra.get("widget")


class Choice(StrEnum):
    """A string enum whose members carry a Dutch and an English label.

    Declared as ``member = "code", "Dutch label", "English label"``; stored as the code.
    """

    def __new__(cls, code: str, nl: str, en: str) -> Choice:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.nl = nl
        obj.en = en
        return obj

    def label(self, lang: str = "nl") -> str:
        """The member's label in `lang`."""
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        return self.value
