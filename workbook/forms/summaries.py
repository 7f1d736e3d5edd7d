"""What a folded card says about its record in one line, and the feedback shown inside an open card.

A goal's line carries its SMART verdict as letters ("S✓ M✓ A? R? T✗"), and its open card the
reasons, so the verdict stands right under the goal it is about.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from workbook.analysis import smart
from workbook.language.i18n import Messages
from workbook.model import Goal
from workbook.model.base import UID
from workbook.model.numbering import NUMBER_FIELD
from workbook.report.render import render

msg = Messages(
    {
        "empty": ("(nog leeg)", "(still empty)"),
        "smart": ("SMART", "SMART"),
        "tips": ("Tips", "Tips"),
    }
)

TEXT_LENGTH = 70
"""Characters of a record's text shown on its folded card."""

MARK = {smart.Outcome.met: "✓", smart.Outcome.not_met: "✗", smart.Outcome.unknown: "?"}


def _value(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def _first_text(model: type[BaseModel], record: Any) -> str:
    for name in model.model_fields:
        value = _value(record, name)
        if name not in (UID, NUMBER_FIELD) and isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= TEXT_LENGTH else text[: TEXT_LENGTH - 1] + "…"
    return ""


def _goal(record: Any) -> Goal | None:
    """The goal `record` stands for, when what is typed is a valid goal."""
    if isinstance(record, Goal):
        return record
    try:
        return Goal.model_validate(record)
    except ValidationError:
        return None


def _verdict(model: type[BaseModel], record: Any, lang: str) -> smart.SmartVerdict | None:
    """The SMART verdict of a goal that has a text; None for other records."""
    goal = _goal(record) if model is Goal else None
    return smart.check_goal(goal, lang) if goal is not None and goal.text.strip() else None


def card_view(model: type[BaseModel], record: Any, lang: str, feedback: bool) -> tuple[str, Markup]:
    """A card's line (number, for a goal its SMART letters "S✓ M✓ A? R? T✗", the start of its
    text) and, when `feedback`, what stands inside the open card (a goal's SMART reasons); the
    verdict is worked out once for both."""
    verdict = _verdict(model, record, lang)
    number = _value(record, NUMBER_FIELD) if NUMBER_FIELD in model.model_fields else None
    letters = " ".join(f"{c}{MARK[verdict[c].outcome]}" for c in smart.CRITERIA) if verdict else ""
    # The verdict before the text: on a phone the end of the line is cut off.
    parts = [part for part in (str(number or "").strip(), letters, _first_text(model, record)) if part]
    title = " · ".join(parts) or msg("empty", lang)
    if not (feedback and verdict):
        return title, Markup("")
    rows = [
        {
            "criterion": c,
            "mark": MARK[verdict[c].outcome],
            "tone": verdict[c].outcome.value,
            "outcome": verdict[c].outcome.label(lang),
            "reason": verdict[c].reason,
        }
        for c in smart.CRITERIA
    ]
    return title, render("forms/smart_card.html.j2", msg, lang, rows=rows, hints=verdict.hints)
