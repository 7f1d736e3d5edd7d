"""The short layout description a step is built from: which sections and fields, in what order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """One section of the plan (or of a location), optionally only some of its fields, in this order."""

    name: str
    fields: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Text:
    """A heading or a short explanation between the sections, in Dutch and English."""

    nl: str
    en: str
    heading: bool = False

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


Block = Section | Text
