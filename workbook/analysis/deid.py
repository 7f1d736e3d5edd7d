"""Free text made fit for outside readers: names of persons, room numbers and dates taken out.

A client's name typed into a success, a reason or an evaluation must not reach the client council.
``deidentify`` replaces what probably points at a person with a placeholder ("[naam]", "[kamer]",
"[datum]"); ``probable_persons`` lists the same words, for the advice of ``workbook check``.

It works with patterns and a short list of first names, no language model: it costs nothing to load
and downloads nothing. What it looks for:

- a title or a relation before a name: "mevrouw Jansen", "dhr. Bakker", "zoon Peter" (the title
  stays: "mevrouw [naam]");
- a family name with a prefix: "van der Berg", "de Vries";
- a common Dutch first name anywhere: "Ans wilde niet";
- any other capitalised word inside a sentence (Dutch writes nouns in lower case), unless the
  project itself uses it in a public field (a location's or the organisation's name) or it is
  written in capitals only (ECD, GGZ);
- "kamer 12", "appartement 3b";
- a date with a year: "3-4-1941", "3 april 1941".

It errs on the safe side: a place name inside a sentence becomes "[naam]" too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from workbook.model.fields import Privacy, privacy_role


def _words(text: str) -> list[str]:
    return text.split()


NAME = "[naam]"
ROOM = "[kamer]"
DATE = "[datum]"

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zß-öø-ÿ"
_CAP = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
"""A capitalised word, also double-barrelled ("Jansen-Smit")."""
_INITIALS = rf"(?:[{_UPPER}]\.\s?)+"
_PREFIX = r"(?:van der|van den|van de|van 't|van|de|den|der|ter|ten|te|in 't|op de|'t)"
_NAME = rf"(?:{_INITIALS}\s*)?(?:{_PREFIX}\s+)?{_CAP}(?:\s+{_CAP})?"
"""A name after a title: initials, a prefix, one or two capitalised words."""

TITLES = _words("mevrouw mevr. mw. mw meneer mnr. dhr. dhr de heer heer zuster broeder dokter dr. opa oma tante oom")
RELATIONS = _words(
    "zoon dochter schoonzoon schoondochter kleinzoon kleindochter echtgenoot echtgenote man vrouw partner "
    "broer zus moeder vader neef nicht buurman buurvrouw mantelzorger vriend vriendin collega verzorgende "
    "begeleider cliënt client bewoner"
)
_KEYWORDS = sorted({*TITLES, "de heer", *RELATIONS}, key=len, reverse=True)
_PREFIX_WORDS = frozenset(_words("van der den de ter ten te"))
_BEFORE_NAME = re.compile(rf"(?<![\w.])(?i:{'|'.join(re.escape(k) for k in _KEYWORDS)})(?!\w)\s+(?P<name>{_NAME})")
_PREFIXED = re.compile(rf"(?<!\w)(?P<name>(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|'t)\s+)+{_CAP})")
_CAPITALISED = re.compile(rf"(?<![\w\[])(?P<name>{_CAP})")
_ROOM = re.compile(r"(?i)\b(?:kamer|kamernummer|appartement|app\.|unit)\s*(?:nr\.?|nummer)?\s*\d+[a-z]?\b")
_MONTHS = _words("januari februari maart april mei juni juli augustus september oktober november december")
_DATE = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"
    rf"|(?i:\b\d{{1,2}}\s+(?:{'|'.join(_MONTHS)}|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s+\d{{4}}\b)"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*•]\s+)?|[\"'“‘(]\s*)$")

FIRST_NAMES = frozenset(
    _words(
        """
    Ans Anneke Annie Anna Annet Anja Astrid Agnes Alie Aaltje Adrie Aafke Bep Betsy Bets Bea Beatrix Bertha
    Carla Corrie Cor Cornelia Christa Dina Diny Dora Els Elly Elisabeth Emma Ellen Erna Femke Fenna Fien
    Fleur Frieda Gerda Geertje Greet Greetje Gerrie Gonnie Hanna Hanneke Hennie Henny Hilda Ina Ineke Inge
    Ingrid Irma Jannie Janny Jans Jantje Jenny Jet Jettie Joke Jolanda Johanna Josje Judith Julia Karin Kim
    Klaasje Lies Lien Lenie Lotte Lucie Maria Marie Marijke Marja Marian Mariska Martha Mien Miep Mies Nel
    Nelly Nellie Nienke Noor Petra Riet Rie Rina Rika Rita Ria Saskia Sandra Sanne Sophie Stien Sjaan Tini
    Tiny Trijntje Truus Trees Trudy Wilma Willy Wilhelmina Yvonne Zus
    Aad Adriaan Albert Arie Arend Bart Bas Bernard Bert Cees Chris Daan Dirk Dick Evert Erik Frank Fred
    Frits Gerard Gerrit Gert Geert Gijs Han Hans Harm Harry Hein Hendrik Henk Herman Huib Jaap Jacob Jan
    Jannes Jasper Jelle Jeroen Johan Johannes Joop Joost Jos Jozef Kees Klaas Koos Kobus Lars Leo Lucas
    Luuk Maarten Marcel Mark Martin Martijn Mees Michiel Niels Nico Otto Paul Peter Piet Pieter Rob Robert
    Roel Rogier Ruud Sander Sem Siem Sjaak Sjef Stefan Teun Theo Thijs Tijmen Tim Tom Ton Wim Willem Wout
    Wouter Yusuf Mohamed Ahmed Fatima Ali
    """
    )
)
"""Common Dutch first names, older and younger; none of them is also a Dutch word that starts a
sentence ("Ben je ...", "Toon het ...", "Wil je ..." are not in it)."""

SENTENCE_WORDS = frozenset(_words("Ik Wij We Jij Je Hij Zij Ze U Het De Een Dit Dat Deze Die Er"))
"""Words that are capitalised only because they start something, never names."""


@dataclass(frozen=True)
class Found:
    """A stretch of text that probably points at a person, and what stands in for it."""

    start: int
    end: int
    text: str
    placeholder: str


def _spans(text: str, known: frozenset[str]) -> list[Found]:
    found: list[Found] = []

    def add(start: int, end: int, placeholder: str) -> None:
        found.append(Found(start, end, text[start:end], placeholder))

    for match in _DATE.finditer(text):
        add(match.start(), match.end(), DATE)
    for match in _ROOM.finditer(text):
        add(match.start(), match.end(), ROOM)
    for match in _BEFORE_NAME.finditer(text):
        if not _all_known(match.group("name"), known):
            add(match.start("name"), match.end("name"), NAME)
    for match in _PREFIXED.finditer(text):
        if not _all_known(match.group("name"), known):
            add(match.start("name"), match.end("name"), NAME)
    for match in _CAPITALISED.finditer(text):
        word = match.group("name")
        if word in known or word in SENTENCE_WORDS:
            continue
        if word in FIRST_NAMES or not _SENTENCE_START.search(text[: match.start()]):
            add(match.start(), match.end(), NAME)
    return _merged(found)


def _all_known(name: str, known: frozenset[str]) -> bool:
    words = [w for w in re.findall(_CAP, name) if w.lower() not in _PREFIX_WORDS]
    return all(w in known for w in words)


def _merged(found: list[Found]) -> list[Found]:
    """Overlapping stretches as one, the earliest and longest first; a date or room keeps its placeholder."""
    merged: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            if item.end > last.end:
                merged[-1] = Found(
                    last.start, item.end, last.text + item.text[last.end - item.start :], last.placeholder
                )
            continue
        merged.append(item)
    return merged


def probable_persons(text: str, known: Iterable[str] = ()) -> list[str]:
    """The words in `text` that probably point at a person: names, room numbers, dates; in order."""
    return [f.text for f in _spans(text, frozenset(known))]


def deidentify(text: str, known: Iterable[str] = ()) -> str:
    """`text` with names of persons, room numbers and dates replaced by "[naam]", "[kamer]", "[datum]".

    `known` are capitalised words that are not names (the project's own: location names, the
    organisation); they stay. Names next to each other become one "[naam]".
    """
    spans = _spans(text, frozenset(known))
    out, at = [], 0
    for span in spans:
        out.append(text[at : span.start])
        out.append(span.placeholder)
        at = span.end
    out.append(text[at:])
    return re.sub(r"\[naam\](?:[\s-]+\[naam\])+", NAME, "".join(out))


def public_words(*records: Any) -> frozenset[str]:
    """The capitalised words in the public fields of `records` (a plan, locations): the project's own
    names for places, teams and things, which free text may use without naming a person."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                item = getattr(value, name)
                if isinstance(item, str):
                    if privacy_role(type(value), name) == Privacy.public:
                        words.update(re.findall(_CAP, item))
                else:
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for record in records:
        walk(record)
    return frozenset(words - FIRST_NAMES)
