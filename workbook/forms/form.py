"""A step's form bound to the project: validated on every change, saved shortly after typing stops.

Each section is validated as a whole with pydantic (messages from ``workbook.validation``) and
saved on its own through ``Project.update_plan`` / ``update_location``, so that another notebook
saving another section at the same time keeps its change. An invalid section is never saved: the
file keeps its last valid version and the message stands next to the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from html import escape, unescape
from typing import Annotated, Any

import ipywidgets as w
from pydantic import BaseModel, TypeAdapter, ValidationError

from workbook.errors import WorkbookError
from workbook.fields import field_label
from workbook.forms import kinds
from workbook.forms.debounce import Debouncer
from workbook.forms.inputs import Errors, Input, input_for
from workbook.forms.layout import Block, Section, Text
from workbook.forms.records import Group
from workbook.forms.targets import LocationTarget, PlanTarget
from workbook.i18n import Messages, language
from workbook.store import Project
from workbook.validation import problems_from

msg = Messages(
    {
        "saved": ("Opgeslagen om {time}", "Saved at {time}"),
        "saving": ("Wijzigingen worden zo opgeslagen…", "Saving your changes shortly…"),
        "invalid": (
            "Niet opgeslagen: controleer de rode meldingen bij {sections}",
            "Not saved: check the red messages at {sections}",
        ),
        "failed": ("Niet opgeslagen: {error}", "Not saved: {error}"),
        "loaded": (
            "Alles is opgeslagen; wijzigingen worden automatisch bewaard.",
            "Everything is saved; changes are kept automatically.",
        ),
    }
)

SAVE_DELAY = 0.7
"""Seconds without a change before the form saves."""


class SectionForm:
    """The input for one section, and the validation of what the user typed there."""

    def __init__(self, model: type[BaseModel], root: BaseModel, section: Section, file: str, lang: str):
        self.name = section.name
        self.file = file
        self.label = field_label(model, section.name, lang)
        info = model.model_fields[section.name]
        self.adapter = TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)
        value = getattr(root, section.name)
        kind = kinds.kind_of(model, section.name)
        if kind.name == kinds.GROUP:
            self.input: Input = Group(kind.inner, value, lang, title=self.label, fields=list(section.fields or []))
        else:
            self.input = input_for(model, section.name, value, lang)

    def validate(self) -> tuple[Any, Errors]:
        """The validated value (None when invalid) and the messages by field path."""
        try:
            return self.adapter.validate_python(self.input.get()), {}
        except ValidationError as error:
            problems = problems_from(error, self.file)
            return None, {tuple(e["loc"]): p.message for e, p in zip(error.errors(), problems, strict=True)}


class Form:
    """The sections of one step, bound to the plan or to one location, with a save status."""

    def __init__(
        self,
        project: Project,
        blocks: list[Block],
        location: str = "",
        lang: str | None = None,
        delay: float = SAVE_DELAY,
    ):
        self.lang = lang or language()
        self.target = LocationTarget(project, location) if location else PlanTarget(project)
        self.current = self.target.load()
        self.sections: dict[str, SectionForm] = {}
        self._pending: dict[str, Any] = {}
        self._invalid: set[str] = set()
        self._listeners: list[Callable[[BaseModel], None]] = []
        self._saved_at: dt.datetime | None = None
        self._failure = ""
        self.debouncer = Debouncer(delay, self._save_pending)
        self.status = w.HTML()
        self.status.add_class("wb-status")
        parts: list[w.Widget] = [self.status]
        for block in blocks:
            if isinstance(block, Text):
                tag = "h3" if block.heading else "p"
                parts.append(w.HTML(f"<{tag}>{escape(block(self.lang))}</{tag}>"))
                continue
            form = SectionForm(self.target.model, self.current, block, self.target.file, self.lang)
            form.input.on_change(lambda name=block.name: self._changed(name))
            self.sections[block.name] = form
            parts.append(form.input.widget)
        self.widget = w.VBox(parts)
        self._show_status(msg("loaded", self.lang))

    def find(self, section: str, *path: str | int) -> Input:
        """The input of `section` at `path` (field names and row numbers), for tests and scripts."""
        return self.sections[section].input.find(*path)

    def on_saved(self, listener: Callable[[BaseModel], None]) -> None:
        """Call `listener(plan_or_location)` after every save (to redraw feedback)."""
        self._listeners.append(listener)

    def flush(self) -> None:
        """Save what is pending now, instead of after the pause."""
        self.debouncer.flush()

    def _changed(self, name: str) -> None:
        section = self.sections[name]
        value, errors = section.validate()
        section.input.show_errors(errors)
        if errors:
            self._invalid.add(name)
            self._pending.pop(name, None)
        else:
            self._invalid.discard(name)
            self._pending[name] = value
            self.debouncer.trigger()
        self._update_status(saving=not errors)

    def _save_pending(self) -> None:
        saved = None
        while self._pending:
            name, value = self._pending.popitem()
            try:
                saved = self.target.save(name, value)
            except WorkbookError as error:
                self._failure = str(error)
                break
            self._failure = ""
            self._saved_at = dt.datetime.now()
        self._update_status()
        if saved is not None:
            self.current = saved
            for listener in self._listeners:
                listener(saved)

    def _update_status(self, saving: bool = False) -> None:
        if self._invalid:
            labels = ", ".join(self.sections[name].label for name in self._invalid)
            self._show_status(msg("invalid", self.lang, sections=labels), problem=True)
        elif self._failure:
            self._show_status(msg("failed", self.lang, error=self._failure), problem=True)
        elif saving or self._pending:
            self._show_status(msg("saving", self.lang))
        elif self._saved_at:
            self._show_status(msg("saved", self.lang, time=self._saved_at.strftime("%H:%M")))

    def _show_status(self, text: str, problem: bool = False) -> None:
        colour = "#b00020" if problem else "#1b5e20"
        self.status.value = f'<span style="color:{colour}">{"⚠" if problem else "✓"} {escape(text)}</span>'

    @property
    def status_text(self) -> str:
        """The status line as plain text."""
        return unescape(re.sub(r"<[^>]+>", "", self.status.value)).strip()
