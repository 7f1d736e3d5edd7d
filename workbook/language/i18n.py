"""User-facing language: Dutch by default, English with ``--lang en`` or ``WORKBOOK_LANG=en``."""

from __future__ import annotations

from workbook.settings import Settings

LANGUAGES = ("nl", "en")
_override: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the language for this process (None: follow ``WORKBOOK_LANG``)."""
    global _override
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _override = lang


def language() -> str:
    """The language in use: the override, else ``WORKBOOK_LANG``, else Dutch."""
    if _override:
        return _override
    return Settings.current().lang


class Messages:
    """A module's own catalogue of user-facing sentences, each given in Dutch and English.

    >>> msg = Messages({"hello": ("Hallo {name}", "Hello {name}")})
    >>> msg("hello", name="Ans")  # in the current language
    """

    def __init__(self, catalogue: dict[str, tuple[str, str]]):
        self.catalogue = catalogue

    def __call__(self, key: str, lang: str | None = None, **values: object) -> str:
        nl, en = self.catalogue[key]
        text = en if (lang or language()) == "en" else nl
        return text.format(**values) if values else text
