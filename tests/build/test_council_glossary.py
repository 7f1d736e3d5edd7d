"""The client council's pages explain every abbreviation they use: each all-caps word of three or
more letters in a council page of the demo is a term of that page's own glossary."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GLOSSARY = re.compile(r'<section class="chapter" id="woordenlijst">(.*?)</section>', re.S)
ABBREVIATION = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*(?![a-z])")


def visible_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def abbreviations(text: str) -> set[str]:
    """All-caps words with at least three letters; a compound ("CFIR-ERIC") as a whole."""
    return {word for word in ABBREVIATION.findall(text) if len(re.sub(r"[^A-Z]", "", word)) >= 3}


def explained(word: str, terms: set[str]) -> bool:
    """`word` is a term itself, or every part of it with three or more letters is."""
    return word in terms or all(part in terms for part in word.split("-") if len(re.sub(r"[^A-Z]", "", part)) >= 3)


def test_the_check_finds_abbreviations_and_leaves_codes_and_words_alone():
    found = abbreviations("De CFIR-ERIC tool, SMART-doelen, het MT, D1 en F10, RE-AIM, EVV'er, Wzd, ICT.")
    assert found == {"CFIR-ERIC", "SMART", "RE-AIM", "EVV", "ICT"}


def test_every_abbreviation_on_a_council_page_is_in_its_glossary(built_demo):
    pages = sorted((built_demo.reports / "clientenraad").glob("*.html"))
    assert len(pages) >= 8
    missing: dict[str, set[str]] = {}
    seen: set[str] = set()
    for page in pages:
        markup = Path(page).read_text(encoding="utf-8")
        glossary = GLOSSARY.findall(markup)
        terms = {visible_text(term) for part in glossary for term in re.findall(r"<dt>(.*?)</dt>", part, re.S)}
        words = abbreviations(visible_text(GLOSSARY.sub(" ", markup)))
        seen |= words
        if unexplained := {word for word in words if not explained(word, terms)}:
            missing[page.name] = unexplained
    assert missing == {}
    assert {"CFIR", "SMART", "VVT"} <= {part for word in seen for part in word.split("-")}  # the check saw them


def test_the_councils_plan_page_explains_the_words_of_the_trade(built_demo):
    markup = (built_demo.reports / "clientenraad" / "plan.html").read_text(encoding="utf-8")
    (words,) = GLOSSARY.findall(markup)
    terms = {visible_text(term) for term in re.findall(r"<dt>(.*?)</dt>", words, re.S)}
    assert {"meldprofiel", "aandachtsvelder", "borging", "CFIR", "ERIC", "VVT", "determinant"} <= terms
    # a construct is named in Dutch on the page and in English only in the glossary
    assert "Knowledge and beliefs about the intervention" not in visible_text(GLOSSARY.sub(" ", markup))
    assert "in het Engels: Knowledge and beliefs about the intervention." in visible_text(words)
