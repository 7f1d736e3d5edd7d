"""Work past its date: runbook activities and plan actions whose date has passed and that are not done.

A runbook activity is late when it is still to do or in progress and its end date (else its start
date) lies before the report's date. A plan action (of a goal, of the communication, of the
sustainment) is late when it is not done and its "when" lies before the report's date. Cancelled
activities are never late. The same rules, looking forward, give what is due in the coming weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from workbook.model import Location, Plan, Status

OPEN = (Status.todo, Status.busy)


class Source(StrEnum):
    """Where a dated item comes from."""

    runbook = "runbook"
    goal_action = "goal_action"
    communication = "communication"
    sustainment = "sustainment"


@dataclass(frozen=True)
class DatedItem:
    """A runbook activity or plan action with the date it is due."""

    source: Source
    text: str
    who: str
    due: dt.date
    location: str = ""
    """The location's name for runbook work; empty for plan actions."""
    goal_id: str = ""
    """The goal a goal action belongs to."""

    def days_late(self, today: dt.date) -> int:
        return (today - self.due).days


def _runbook_items(location: Location) -> list[DatedItem]:
    return [
        DatedItem(Source.runbook, a.activity, a.person, due, location=location.name)
        for a in location.runbook
        if a.status in OPEN and (due := a.end or a.start) is not None
    ]


def _plan_items(plan: Plan) -> list[DatedItem]:
    items = [
        DatedItem(Source.goal_action, a.text, a.who, a.when, goal_id=goal.id)
        for goal in plan.goals
        for a in goal.actions
        if not a.done and a.when is not None
    ]
    items += [
        DatedItem(Source.communication, a.purpose, a.who, a.when)
        for a in plan.communication.actions
        if not a.done and a.when is not None
    ]
    items += [
        DatedItem(Source.sustainment, a.text, a.who, a.when)
        for a in plan.sustainment.actions
        if not a.done and a.when is not None
    ]
    return items


def open_items(plan: Plan | None, locations: Iterable[Location]) -> list[DatedItem]:
    """Every open, dated item: the plan's actions (when `plan` is given) and the locations' runbooks."""
    items = _plan_items(plan) if plan is not None else []
    for location in locations:
        items += _runbook_items(location)
    return items


def late(items: Iterable[DatedItem], today: dt.date) -> list[DatedItem]:
    """The items past their date, the longest overdue first."""
    return sorted((item for item in items if item.due < today), key=lambda item: item.due)


def due_soon(items: Iterable[DatedItem], today: dt.date, weeks: int = 4) -> list[DatedItem]:
    """The items due from `today` up to `weeks` weeks ahead, the first due first."""
    horizon = today + dt.timedelta(weeks=weeks)
    return sorted((item for item in items if today <= item.due <= horizon), key=lambda item: item.due)
