"""What a folded card says about its record in one line, and the feedback shown inside an open card.

A goal's line carries its SMART verdict as letters ("S✓ M✓ A? R? T✗"), and its open card the
reasons, so the verdict stands right under the goal it is about.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from workbook.analysis import smart
from workbook.i18n import Messages
from workbook.model import Goal
from workbook.model.base import UID
from workbook.numbering import NUMBER_FIELD
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


def smart_letters(goal: Goal, lang: str) -> str:
    """ "S✓ M✓ A? R? T✗": the SMART verdict of `goal` in five letters."""
    verdict = smart.check_goal(goal, lang)
    return " ".join(f"{criterion}{MARK[verdict[criterion].outcome]}" for criterion in smart.CRITERIA)


def card_title(model: type[BaseModel], record: Any, lang: str) -> str:
    """One line for a folded card: number, for a goal its SMART letters, and the start of its text."""
    number = _value(record, NUMBER_FIELD) if NUMBER_FIELD in model.model_fields else None
    verdict = ""
    if model is Goal:
        goal = _goal(record)
        verdict = smart_letters(goal, lang) if goal is not None and goal.text.strip() else ""
    # The verdict before the text: on a phone the end of the line is cut off.
    parts = [part for part in (str(number or "").strip(), verdict, _first_text(model, record)) if part]
    return " · ".join(parts) or msg("empty", lang)


def card_feedback(model: type[BaseModel], record: Any, lang: str) -> Markup:
    """Feedback shown inside an open card, right under the record (a goal's SMART reasons)."""
    if model is not Goal:
        return Markup("")
    goal = _goal(record)
    if goal is None or not goal.text.strip():
        return Markup("")
    verdict = smart.check_goal(goal, lang)
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
    return render("forms/smart_card.html.j2", msg, lang, rows=rows, hints=verdict.hints)
