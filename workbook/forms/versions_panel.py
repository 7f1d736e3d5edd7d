"""The "Eerdere versies" panel under a step: earlier versions of a section, to look at and put back.

Folded by default; it reads the version store only when opened. It lists the changes made to a
section, newest first; putting one back makes the section as it was just before that change. Only
the chosen section is replaced, through the store (``update_plan`` / ``update_location``), so that
it is itself a new version and can be undone the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from babel.dates import format_datetime

from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.language.locale import babel_locale, format_count
from workbook.model import Location, Plan
from workbook.model.fields import field_label
from workbook.project.store import Project
from workbook.report.render import line, render
from workbook.versions.changes import file_data
from workbook.versions.history import Entry, entries
from workbook.versions.store import RESTORE

LIMIT = 20  # versions listed per section, newest first

msg = Messages(
    {
        "title": ("Eerdere versies", "Earlier versions"),
        "section": ("Onderdeel", "Section"),
        "none": (
            "Van dit onderdeel zijn nog geen eerdere versies bewaard.",
            "No earlier versions of this section yet.",
        ),
        "change": ("wijziging", "change"),
        "changes": ("wijzigingen", "changes"),
        "changed": ("In deze versie veranderd:", "Changed in this version:"),
        "put_back": ("Zet terug zoals het vóór deze wijziging was", "Put back as it was before this change"),
        "restored": (
            "Teruggezet: {section} zoals het was vóór de wijziging van {when}. Dat is een nieuwe versie; "
            "ook die kun je hier weer terugdraaien.",
            "Put back: {section} as it was before the change of {when}. That is a new version; "
            "it can be undone here too.",
        ),
        "missing": (
            "Deze versie heeft geen {section}; er is niets teruggezet.",
            "This version has no {section}; nothing was put back.",
        ),
        "failed": ("Niet teruggezet: {error}", "Not put back: {error}"),
    }
)


class VersionsPanel:
    """Earlier versions of the sections `sections` of the plan (or of location `location`)."""

    def __init__(
        self,
        project: Project,
        sections: list[str],
        location: str = "",
        lang: str | None = None,
        on_restored: Callable[[], object] | None = None,
    ):
        self.project = project
        self.location = location
        self.lang = lang or language()
        self.on_restored = on_restored
        self.model = Location if location else Plan
        self.entries: list[Entry] = []
        labels = [(field_label(self.model, name, self.lang), name) for name in sections]
        self.section = w.Dropdown(options=labels, value=sections[0], description=msg("section", self.lang))
        self.section.layout.display = "" if len(sections) > 1 else "none"
        self.section.observe(lambda _: self.refresh(), names="value")
        self.choice = w.Select(options=[], rows=6, layout=w.Layout(width="100%"))
        self.choice.observe(lambda _: self.show(), names="value")
        self.detail = w.HTML()
        self.button = w.Button(description=msg("put_back", self.lang), icon="undo", layout=w.Layout(width="auto"))
        self.button.on_click(lambda _: self.put_back())
        self.status = w.HTML()
        body = w.VBox([self.section, self.choice, self.detail, self.button, self.status])
        self.widget = w.Accordion(children=[body], selected_index=None)
        self.widget.set_title(0, msg("title", self.lang))
        self.widget.add_class("wb-versions")
        self.widget.observe(self._opened, names="selected_index")

    def _opened(self, change: dict[str, Any]) -> None:
        if change["new"] == 0:
            self.refresh()

    @property
    def file(self) -> str:
        """The file the chosen section lives in."""
        if not self.location:
            return "werkboek.yaml"
        folder, suffix = ("metingen", "csv") if self.section.value == "measurements" else ("locaties", "yaml")
        return f"{folder}/{self.location}.{suffix}"

    def refresh(self) -> None:
        """List the newest versions of the chosen section (newest first)."""
        store = self.project.versions
        self.entries = entries(store, location=self.location, lang=self.lang, section=self.section.value, limit=LIMIT)
        self.entries.reverse()
        self.choice.options = [(self._summary(entry), entry.version.id) for entry in self.entries]
        self.choice.value = self.entries[0].version.id if self.entries else None
        self.button.disabled = not self.entries
        if not self.entries:
            self.detail.value = line(msg("none", self.lang))

    def show(self) -> None:
        """The changes made in the chosen version."""
        entry = self._chosen()
        if entry is None:
            return
        items = [change.text(self.lang) for change in entry.changes]
        self.detail.value = str(render("steps/version.html.j2", msg, self.lang, items=items))

    def put_back(self) -> None:
        """Save the chosen section as it was just before the chosen change (a new version)."""
        entry = self._chosen()
        if entry is None:
            return
        name = self.section.value
        label = field_label(self.model, name, self.lang)
        store = self.project.versions
        data = file_data(self.file, store.read(store.parent(entry.version), self.file))
        if self.location and name == "measurements":
            value = data or []
        elif not isinstance(data, dict) or name not in data:
            self.status.value = line(msg("missing", self.lang, section=label))
            return
        else:
            value = data[name]
        try:
            with self.project.locked(), store.batch(RESTORE, name):  # a version of its own, never folded
                if self.location:
                    self.project.update_location(self.location, name, value)
                else:
                    self.project.update_plan(name, value)
        except WorkbookError as error:
            self.status.value = line(msg("failed", self.lang, error=error), tone="error")
            return
        self.status.value = line(msg("restored", self.lang, section=label, when=self._when(entry)), tone="done")
        self.refresh()
        if self.on_restored:
            self.on_restored()

    def _chosen(self) -> Entry | None:
        return next((e for e in self.entries if e.version.id == self.choice.value), None)

    def _when(self, entry: Entry) -> str:
        return format_datetime(entry.version.when.astimezone(), "EEE d MMM HH:mm", locale=babel_locale(self.lang))

    def _summary(self, entry: Entry) -> str:
        count = format_count(len(entry.changes), msg("change", self.lang), msg("changes", self.lang), self.lang)
        first = entry.changes[0].text(self.lang) if entry.changes else ""
        return " · ".join(part for part in (self._when(entry), entry.version.author, count, first) if part)
