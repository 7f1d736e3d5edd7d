"""Notices above a form about what a merge decided: both values of a conflict, kept and renumbered items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import Markup
from pydantic import BaseModel

from workbook.language.i18n import Messages
from workbook.model.numbering import Renumbered
from workbook.project.merging import Kept, value_at
from workbook.project.places import annotation_at, describe
from workbook.project.store import Saved
from workbook.report.render import line as line_html
from workbook.versions.changes import readable

msg = Messages(
    {
        "conflict_mine": (
            "{place}: iemand anders vulde tegelijk {theirs} in; jouw {mine} is opgeslagen.",
            "{place}: someone else entered {theirs} at the same time; your {mine} was saved.",
        ),
        "conflict_theirs": (
            "{place}: iemand anders sloeg daarna {saved} op; jouw {mine} is vervangen (de geschiedenis bewaart het).",
            "{place}: someone else then saved {saved}; your {mine} was replaced (the history keeps it).",
        ),
        "conflict_theirs_named": (
            "{place}: {who} sloeg daarna {saved} op; jouw {mine} is vervangen (de geschiedenis bewaart het).",
            "{place}: {who} then saved {saved}; your {mine} was replaced (the history keeps it).",
        ),
        "put_back": ("Zet {value} terug", "Put {value} back"),
        "kept_theirs": (
            "{place} is elders verwijderd terwijl jij het aanpaste; het is bewaard.",
            "{place} was deleted elsewhere while you edited it; it was kept.",
        ),
        "kept_mine": (
            "Je verwijderde {place}, maar iemand anders paste het tegelijk aan; het staat er weer.",
            "You deleted {place}, but someone else edited it at the same time; it is back.",
        ),
        "renumbered": (
            "Nummer {old} was intussen al in gebruik: jouw nieuwe regel heet nu {new}.",
            "Number {old} was taken meanwhile: your new row is now {new}.",
        ),
        "close": ("Sluiten", "Close"),
    }
)

SHOWN = 8
"""Notices kept on screen at most; the oldest go first."""


class Notices:
    """A list of notices with, where it helps, a button that puts the other value back."""

    def __init__(self, lang: str, put_back: Callable[[str, tuple, Any], None]):
        self.lang = lang
        self.put_back = put_back
        self.widget = w.VBox()
        self.widget.add_class("wb-notices")
        self.added = 0
        """How many notices this page has shown in all (older ones leave the screen)."""

    @property
    def texts(self) -> list[str]:
        """The notices as plain text, newest last (for tests and scripts)."""
        return [Markup(notice.children[0].value).striptags() for notice in self.widget.children]

    def buttons(self) -> list[w.Button]:
        """The put-back buttons, newest last."""
        return [child for line in self.widget.children for child in line.children[1:-1]]

    def add_saved(self, saved: Saved, model: type[BaseModel]) -> None:
        """Notices for what this page's own save had to decide."""

        def place(path: tuple) -> str:
            return describe(model, saved.section, path, saved.value, self.lang)

        for conflict in saved.conflicts:
            kind = annotation_at(model, saved.section, conflict.path)
            theirs = self._value(conflict.theirs, kind)
            text = msg(
                "conflict_mine",
                self.lang,
                place=place(conflict.path),
                theirs=theirs,
                mine=self._value(conflict.mine, kind),
            )
            self._add(text, saved.section, conflict.path, theirs, conflict.theirs)
        self.add_kept(saved.section, saved.kept, saved.value, model)
        self.add_renumbered(saved.renumbered)

    def add_kept(self, section: str, kept: list[Kept], data: Any, model: type[BaseModel]) -> None:
        """A notice for each item deleted on one side and edited on the other (it stays)."""
        for item in kept:
            place = describe(model, section, item.path, data, self.lang)
            self._add(msg("kept_mine" if item.deleted_by_me else "kept_theirs", self.lang, place=place))

    def add_renumbered(self, changes: list[Renumbered]) -> None:
        """A notice for each new record of this page that got another number (its own was taken)."""
        for change in changes:
            self._add(msg("renumbered", self.lang, new=change.new, old=change.old))

    def add_overwritten(self, entry: dict[str, Any], data: Any, model: type[BaseModel], me: str = "") -> None:
        """A notice for a value of this page that a later save by someone else replaced; it names
        who saved (when that is not `me`, this page's own name)."""
        path = entry["path"]
        kind = annotation_at(model, entry["section"], path)
        who = str(entry.get("author") or "").strip()
        who = "" if who == me else who
        text = msg(
            "conflict_theirs_named" if who else "conflict_theirs",
            self.lang,
            who=who,
            place=describe(model, entry["section"], path, data, self.lang),
            saved=self._value(entry["saved"], kind),
            mine=self._value(entry["overwritten"], kind),
        )
        self._add(text, entry["section"], path, self._value(entry["overwritten"], kind), entry["overwritten"])

    def _value(self, value: Any, kind: Any) -> str:
        """A value as people read it: quoted text, "12,5", "1 juli 2027", a choice's label."""
        return readable(value, kind, self.lang)

    def _add(self, text: str, section: str = "", path: tuple = (), shown: str = "", value: Any = None) -> None:
        line: w.HBox  # made below, once its buttons are; they remove it
        parts: list[w.Widget] = [w.HTML(line_html(text, tag="span"), layout=w.Layout(flex="1"))]
        if section:
            back = w.Button(description=msg("put_back", self.lang, value=shown), button_style="warning")
            back.add_class("wb-put-back")

            def put_back(_: Any) -> None:
                self.put_back(section, path, value)
                self._remove(line)

            back.on_click(put_back)
            parts.append(back)
        close = w.Button(icon="times", tooltip=msg("close", self.lang), layout=w.Layout(width="36px"))
        close.on_click(lambda _: self._remove(line))
        line = w.HBox([*parts, close], layout=w.Layout(align_items="center"))
        line.add_class("wb-notice")
        self.added += 1
        self.widget.children = [*self.widget.children, line][-SHOWN:]

    def _remove(self, line: w.Widget) -> None:
        self.widget.children = [child for child in self.widget.children if child is not line]


def matches(entry: dict[str, Any], data: Any) -> bool:
    """True when `data` (a section as this page last knew it) held the value the entry overwrote."""
    return value_at(data, entry["path"]) == entry["overwritten"]
