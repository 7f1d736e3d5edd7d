"""A step's form bound to the project: validated on every change, saved shortly after typing stops.

Each section remembers the version it loaded (its *base*). A save is a three-way merge in the
store (base, what the user has now, what is on disk now) per record and field, so several people
on the same section keep each other's changes. An open form watches the files and shows what
others saved without touching the field being typed in. What is invalid stays on screen with a
red message; everything valid around it is saved.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import secrets
import threading
import weakref
from collections.abc import Callable
from html import unescape
from typing import Annotated, Any

import ipywidgets as w
from pydantic import BaseModel, TypeAdapter, ValidationError
from tornado.ioloop import IOLoop, PeriodicCallback
from tornado.platform.asyncio import BaseAsyncIOLoop

from workbook.errors import WorkbookError
from workbook.files.validation import problems_from
from workbook.forms import kinds
from workbook.forms.debounce import Debouncer
from workbook.forms.inputs import FIRST_ERROR, Errors, Input, form_html
from workbook.forms.notices import Notices, matches
from workbook.forms.records import Group, input_for
from workbook.forms.references import NO_CHOICES, Choices
from workbook.forms.targets import LocationTarget, PlanTarget
from workbook.language.i18n import Messages, language
from workbook.model import Plan
from workbook.model.base import UID
from workbook.model.fields import field_label
from workbook.model.layout import Block, Section, Text
from workbook.project.integrity import integrity_problems
from workbook.project.merging import Path as DataPath
from workbook.project.merging import changes, merge, value_at, with_value
from workbook.project.store import Project, renumber_added, section_data
from workbook.report.render import line
from workbook.versions.store import author_name

msg = Messages(
    {
        "saved": ("Opgeslagen om {time}", "Saved at {time}"),
        "saving": ("Wijzigingen worden zo opgeslagen…", "Saving your changes shortly…"),
        "invalid": (
            "De rest is opgeslagen; niet opgeslagen wat rood staat bij {sections}",
            "Everything else is saved; not saved what is marked red at {sections}",
        ),
        "failed": ("Niet opgeslagen: {error}", "Not saved: {error}"),
        "loaded": (
            "Alles is opgeslagen; wijzigingen worden automatisch bewaard.",
            "Everything is saved; changes are kept automatically.",
        ),
        "refreshed": (
            "Wijzigingen van anderen bijgewerkt om {time}",
            "Changes by others brought in at {time}",
        ),
        "first_error": ("Naar de eerste rode melding", "Go to the first red message"),
    }
)

SAVE_DELAY = 0.7
"""Seconds without a change before the form saves."""

WATCH_INTERVAL = 1.0
"""Seconds between two looks at the files for what others saved."""


class SectionForm:
    """The input for one section, the version it is based on, and the validation of what is typed."""

    def __init__(
        self,
        model: type[BaseModel],
        root: BaseModel,
        section: Section,
        file: str,
        lang: str,
        choices: Choices = NO_CHOICES,
    ):
        self.name = section.name
        self.file = file
        self.lang = lang
        self.model = model
        self.label = field_label(model, section.name, lang)
        info = model.model_fields[section.name]
        annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        self.adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        self.base = section_data(root, section.name)
        """The section as last seen on disk, plain data: what a save merges from."""
        value = getattr(root, section.name)
        kind = kinds.kind_of(model, section.name)
        if kind.name == kinds.GROUP:
            fields = list(section.fields or [])
            self.input: Input = Group(kind.inner, value, lang, title=self.label, fields=fields, choices=choices)
        else:
            self.input = input_for(model, section.name, value, lang, choices=choices)
        self.shown = self.adapter.dump_python(value)
        """What the widgets stand for, as python data (the valid part of it)."""
        self.cache: tuple[Any, Errors] | None = None
        """The last `validate()` of what the user typed, until the widgets change again."""
        self.errors_shown = True
        """Whether messages may stand under the inputs (so that clearing them is needed)."""

    def current(self) -> tuple[Any, Errors]:
        """`validate()`, read again only when the widgets changed since the last time."""
        if self.cache is None:
            self.cache = self.validate()
        return self.cache

    def validate(self) -> tuple[Any, Errors]:
        """The valid part of what is typed (None when nothing can be saved) and the messages by path.

        A field that is invalid, or a required field left empty, is left out: an existing record
        keeps its saved value there, a new record waits until it is complete.
        """
        raw = self.input.get()
        errors: Errors = {}
        for _ in range(10):
            try:
                value = self.adapter.validate_python(raw)
            except ValidationError as error:
                problems = problems_from(error, self.file)
                found = {tuple(e["loc"]): p.message for e, p in zip(error.errors(), problems, strict=True)}
            else:
                found = dict(integrity_problems(self.model, self.name, self.adapter.dump_python(value), self.lang))
                if not found:
                    return value, errors
            errors.update(found)
            repaired = _without(raw, found, self.adapter.dump_python(self.adapter.validate_python(self.base)))
            if repaired is None or repaired == raw:
                return None, errors
            raw = repaired
        return None, errors

    def data(self, value: Any) -> Any:
        """`value` as plain data, as the store merges it."""
        return self.adapter.dump_python(value, mode="json")

    def to_save(self, data: Any) -> Any:
        """`data` (plain) less the rows added on this page that nothing was typed in yet and that
        were never saved: an empty row waits, so that another page never shows it as an empty row
        to type in (which would be this page's row, not the one its user just added)."""
        blank = self.input.untouched()
        if blank:
            blank -= set(_items_by_id(self.base))
        return _without_items(data, blank) if blank else data


def _without(raw: Any, errors: Errors, base: Any) -> Any:
    """`raw` with each field named in `errors` put back to its saved value (`base`); a record that
    was never saved is left out until it is complete. None when that is not possible."""
    repaired = copy.deepcopy(raw)
    saved = _items_by_id(base)
    for path in errors:
        result = _put_back(repaired, list(path), base, saved)
        if result is None:
            return None
        repaired = result
    return repaired


def _put_back(data: Any, path: list, base: Any, saved: dict[str, Any]) -> Any:
    # Walk to the deepest record with an id on the path; the field after it goes back.
    trail, node = [], data
    for step in path:
        if not _has(node, step):
            break
        trail.append((node, step))
        node = node[step]
    for depth in range(len(trail) - 1, -1, -1):
        container, key = trail[depth]
        record = container[key]
        if isinstance(record, dict) and isinstance(record.get(UID), str) and depth + 1 < len(trail):
            field_name = trail[depth + 1][1]
            old = saved.get(record[UID])
            if old is not None and field_name in old:
                record[field_name] = copy.deepcopy(old[field_name])
            elif isinstance(container, list):
                del container[key]
            else:
                return None
            return data
    if trail and isinstance(data, dict) and isinstance(base, dict) and trail[0][1] in base:
        data[trail[0][1]] = copy.deepcopy(base[trail[0][1]])
        return data
    return None


def _without_items(data: Any, uids: set[str]) -> Any:
    """`data` without the list items whose record id is in `uids`, at any depth."""
    if isinstance(data, list):
        return [_without_items(v, uids) for v in data if not (isinstance(v, dict) and v.get(UID) in uids)]
    if isinstance(data, dict):
        return {key: _without_items(value, uids) for key, value in data.items()}
    return data


def _has(node: Any, step: Any) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def _items_by_id(data: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if isinstance(data, dict):
        if isinstance(data.get(UID), str):
            found[data[UID]] = data
        for value in data.values():
            found.update(_items_by_id(value))
    elif isinstance(data, list):
        for value in data:
            found.update(_items_by_id(value))
    return found


class Form:
    """The sections of one step, bound to the plan or to one location, with a status bar."""

    def __init__(
        self,
        project: Project,
        blocks: list[Block],
        location: str = "",
        lang: str | None = None,
        delay: float = SAVE_DELAY,
        title: str = "",
        watch: bool = False,
        author: str = "",
    ):
        self.lang = lang or language()
        self.author = author
        """Who types on this page (a workshop participant): the name of its saves, versions and
        conflict notes; empty: ``WORKBOOK_AUTHOR`` or the computer's user."""
        self.target = LocationTarget(project, location) if location else PlanTarget(project)
        self.current = self.target.load()
        self.sections: dict[str, SectionForm] = {}
        self._pending: set[str] = set()
        """Sections with changes to save; what to save is read from the widgets at saving time."""
        self._invalid: set[str] = set()
        self._listeners: list[Callable[[BaseModel], None]] = []
        self._saved_at: dt.datetime | None = None
        self._refreshed_at: dt.datetime | None = None
        self._failure = ""
        self._lock = threading.RLock()
        self._quiet = threading.local()
        self._seen = self.target.identity()
        self._conflicts_seen = dt.datetime.now(dt.UTC)
        self._own: dict[str, dict[DataPath, Any]] = {}
        """Per section, the values this page saved itself, by where they stand (see `changes`): a
        note that another save replaced a value is only this page's business when it was its own."""
        self.session = secrets.token_hex(4)
        """Tells this page's saves apart from others' in the project's conflict notes."""
        self.debouncer = Debouncer(delay, self._save_pending)
        self.status = w.HTML()
        self.status.add_class("wb-status")
        self.jump = w.HTML()
        self.notices = Notices(self.lang, self._put_back)
        title_html = w.HTML(line(title, tag="span", cls="wb-status-title") if title else "")
        self.bar = w.HBox([title_html, self.status, self.jump], layout=w.Layout(flex_flow="row wrap"))
        self.bar.add_class("wb-statusbar")
        parts: list[w.Widget] = [w.HTML(form_html("style")), self.bar, self.notices.widget]
        choices = Choices.for_sections(
            self.target.model,
            [block.name for block in blocks if isinstance(block, Section)],
            plan=lambda: self.current if isinstance(self.current, Plan) else project.load_plan(),
            locations=project.load_locations,
        )
        for block in blocks:
            if isinstance(block, Text):
                parts.append(w.HTML(line(block(self.lang), tag="h3" if block.heading else "p")))
                continue
            form = SectionForm(self.target.model, self.current, block, self.target.file, self.lang, choices)
            form.input.on_change(functools.partial(self._changed, block.name))
            self.sections[block.name] = form
            parts.append(form.input.widget)
        self.widget = w.VBox(parts)
        self.widget.add_class("wb-form")
        self._show_status(msg("loaded", self.lang))
        self._watcher: threading.Thread | PeriodicCallback | None = None
        self.closed = False
        if watch:
            self.watch()

    def find(self, section: str, *path: str | int) -> Input:
        """The input of `section` at `path` (field names and row numbers), for tests and scripts;
        a folded card on the way is opened (under the lock, so a refresh cannot come in between)."""
        with self._lock:
            return self.sections[section].input.find(*path)

    def on_saved(self, listener: Callable[[BaseModel], None]) -> None:
        """Call `listener(plan_or_location)` after every save and every refresh (to redraw feedback)."""
        self._listeners.append(listener)

    def flush(self) -> None:
        """Save what is pending now, instead of after the pause."""
        self.debouncer.flush()

    # --- typing and saving ---------------------------------------------------------------------

    def _changed(self, name: str) -> None:
        if getattr(self._quiet, "on", False):  # a refresh is setting the widgets
            return
        with self._lock:
            section = self.sections[name]
            section.cache = None
            value, errors = section.current()
            if errors or section.errors_shown:  # showing "no errors" again on a large form is not free
                section.input.show_errors(errors)
                section.errors_shown = bool(errors)
            self._mark_first_error()
            if errors:
                self._invalid.add(name)
            else:
                self._invalid.discard(name)
            if value is not None:
                section.shown = section.adapter.dump_python(value)
                if section.to_save(section.data(value)) != section.base:
                    self._pending.add(name)
                    self.debouncer.trigger()
                else:
                    self._pending.discard(name)
            self._update_status(saving=bool(self._pending))

    def _save_pending(self) -> None:
        with self._lock:
            saved_any = None
            known = {name: section.base for name, section in self.sections.items()}
            while self._pending:
                section = self.sections[self._pending.pop()]
                value, _ = section.current()
                data = section.to_save(section.data(value)) if value is not None else section.base
                if data == section.base:
                    continue
                own = changes(section.base, data)
                try:
                    saved, self._seen = self.target.save(
                        section.name, data, section.base, by=self.session, author=self.author
                    )
                except WorkbookError as error:
                    self._failure = str(error)
                    break
                self._failure = ""
                self._remember_own(section.name, own)
                self._saved_at = dt.datetime.now()
                self._apply(section, saved.value, sent=data)
                self.notices.add_saved(saved, self.target.model)
                saved_any = saved
                self.current = saved.record
                self._follow(section, saved.record)
            if saved_any is not None:  # the save brought in others' saves: and their overwrites of this page's values
                self._show_conflicts_of_others(known)
            self._update_status()
        if saved_any is not None:
            self._tell_listeners()

    def _follow(self, saved_section: SectionForm, record: BaseModel) -> None:
        """Show what a save changed in the other sections of the record: a value worked out from the
        saved one (a runbook activity planned back from the end moves when the end date does)."""
        for other in self.sections.values():
            if other is saved_section or other.name in self._pending:
                continue
            theirs = section_data(record, other.name)
            if theirs != other.base:
                self._bring_in(other, theirs)

    def _put_back(self, section_name: str, path: tuple, value: Any) -> None:
        """Put `value` back at `path` in a section (the button of a conflict notice)."""
        with self._lock:
            section = self.sections[section_name]
            before = section.base
            wanted = with_value(before, path, value)
            saved, self._seen = self.target.save(section_name, wanted, before, by=self.session, author=self.author)
            self._remember_own(section_name, [(path, value)])
            self._apply(section, saved.value, sent=before)
            self.current = saved.record
            self._saved_at = dt.datetime.now()
            self._update_status()
        self._tell_listeners()

    def _remember_own(self, section: str, values: list[tuple[DataPath, Any]]) -> None:
        own = self._own.setdefault(section, {})
        for path, value in values:
            for known in list(own):
                if known != path and path[: len(known)] == known:  # a field of an item this page added
                    own[known] = with_value(own[known], path[len(known) :], value)
            own[path] = value

    def _is_own(self, section: str, path: DataPath, value: Any) -> bool:
        """True when the last value this page saved at `path` of `section` is `value`."""
        for known, saved in self._own.get(section, {}).items():
            exact = len(known) == len(path)
            if (
                path[: len(known)] == known
                and value_at(saved, path[len(known) :]) == value
                and (exact or value is not None)
            ):
                return True
        return False

    # --- what others saved -----------------------------------------------------------------------

    def refresh(self) -> bool:
        """Bring in what others saved since this form last looked; True when something changed."""
        with self._lock:
            identity = self.target.identity()
            changed = identity != self._seen
            if changed:
                self._seen = identity
                try:
                    disk = self.target.load()
                except WorkbookError as error:  # a file broken by hand: say so, keep what is typed
                    self._failure = str(error)
                    self._update_status()
                    return False
                brought_in = False
                known = {name: section.base for name, section in self.sections.items()}
                for section in self.sections.values():
                    theirs = section_data(disk, section.name)
                    if theirs != section.base:
                        brought_in = self._bring_in(section, theirs) or brought_in
                self.current = disk
                if brought_in:
                    self._refreshed_at = dt.datetime.now()
                self._show_conflicts_of_others(known)
            self._update_status(saving=bool(self._pending))
        if changed:
            self._tell_listeners()
        return changed

    def _bring_in(self, section: SectionForm, theirs: Any) -> bool:
        """Merge `theirs` into what the widgets show; the base moves on only when that worked.

        Where this page and the other both changed a field, this page's value stays on screen and
        the base keeps, there, what this page started from: its save then finds the conflict, keeps
        it in the notes and tells both pages, as a conflict found at saving time.
        """
        value, _ = section.current()
        if value is None:
            return False
        mine = section.data(value)
        result = merge(section.base, mine, theirs)
        merged = result.value
        # A new goal of this page, not saved yet, whose number someone else just used: renumbered
        # now (as its save would), or it would wait forever as a duplicate.
        renumbered = renumber_added(section.model, section.name, merged, section.base, theirs)
        try:
            shown = section.adapter.dump_python(section.adapter.validate_python(merged))
        except ValidationError:
            return False
        base = theirs
        for conflict in result.conflicts:
            base = with_value(base, conflict.path, value_at(section.base, conflict.path))
        section.base = base
        self._show(section, shown)
        self.notices.add_kept(section.name, result.kept, merged, section.model)
        self.notices.add_renumbered(renumbered)
        if section.to_save(merged) != theirs:  # this page has changes of its own still to save
            self._pending.add(section.name)
            self.debouncer.trigger()
        return True

    def _apply(self, section: SectionForm, saved: Any, sent: Any) -> None:
        """After a save of `sent`: the base is what was saved, and the widgets show what the merge
        added, keeping what the user typed since."""
        section.base = saved
        value, _ = section.current()
        mine = section.data(value) if value is not None else sent
        merged = merge(sent, mine, saved).value
        if merged != mine:
            self._show(section, section.adapter.dump_python(section.adapter.validate_python(merged)))
        if section.to_save(merged) != saved:
            self._pending.add(section.name)
            self.debouncer.trigger()

    def _show(self, section: SectionForm, shown: Any) -> None:
        self._quiet.on = True
        try:
            section.input.update(shown, section.shown)
        finally:
            self._quiet.on = False
        section.shown = shown
        section.cache = None

    def _show_conflicts_of_others(self, known: dict[str, Any]) -> None:
        """Notices for values this page had on disk that another page's save replaced."""
        entries = self.target.conflicts_since(self._conflicts_seen)
        if not entries:
            return
        self._conflicts_seen = max(dt.datetime.fromisoformat(e["time"]) for e in entries)
        for entry in entries:
            section = self.sections.get(entry["section"])
            if (
                section is not None
                and entry.get("by") != self.session
                and entry["file"] in self.target.files
                and matches(entry, known[section.name])
                and self._is_own(section.name, entry["path"], entry["overwritten"])
            ):
                self.notices.add_overwritten(entry, section.base, self.target.model, me=self.author or author_name())

    def watch(self, interval: float = WATCH_INTERVAL) -> None:
        """Look for what others saved every `interval` seconds while this form exists.

        In a kernel the looking is done on the kernel's own event loop, between messages, so that
        the kernel can stop at any moment; elsewhere (scripts, tests) in a thread.
        """
        if self._watcher is not None:
            return
        loop = IOLoop.current(instance=False)
        form = weakref.ref(self)
        if isinstance(loop, BaseAsyncIOLoop) and loop.asyncio_loop.is_running():
            callback = PeriodicCallback(lambda: _look(form, callback), interval * 1000)
            callback.start()
            self._watcher = callback
        else:
            self._watcher = threading.Thread(target=_watch, args=(form, interval), daemon=True)
            self._watcher.start()

    def close(self) -> None:
        """Stop watching the files (the page is gone)."""
        self.closed = True
        if isinstance(self._watcher, PeriodicCallback):
            self._watcher.stop()

    def _tell_listeners(self) -> None:
        for listener in self._listeners:
            listener(self.current)

    # --- the status bar ------------------------------------------------------------------------

    def _mark_first_error(self) -> None:
        first = True
        for section in self.sections.values():
            for leaf in section.input.leaves():
                leaf.mark_first_error(first and leaf.has_error)
                first = first and not leaf.has_error
        self.jump.value = "" if first else form_html("jump", anchor=FIRST_ERROR, text=msg("first_error", self.lang))

    def _update_status(self, saving: bool = False) -> None:
        if self._failure:
            self._show_status(msg("failed", self.lang, error=self._failure), problem=True)
        elif self._invalid:
            labels = ", ".join(self.sections[name].label for name in self._invalid)
            self._show_status(msg("invalid", self.lang, sections=labels), problem=True)
        elif saving or self._pending:
            self._show_status(msg("saving", self.lang))
        elif self._refreshed_at and (not self._saved_at or self._refreshed_at > self._saved_at):
            self._show_status(msg("refreshed", self.lang, time=self._refreshed_at.strftime("%H:%M:%S")))
        elif self._saved_at:
            self._show_status(msg("saved", self.lang, time=self._saved_at.strftime("%H:%M")))
        else:
            self._show_status(msg("loaded", self.lang))

    def _show_status(self, text: str, problem: bool = False) -> None:
        self.status.value = form_html("status", text=text, problem=problem)

    @property
    def status_text(self) -> str:
        """The status line as plain text."""
        return unescape(re.sub(r"<[^>]+>", "", self.status.value)).strip()


def _look(form_ref: weakref.ref, callback: PeriodicCallback) -> None:
    """One look on the kernel's loop; the callback stops once the form is gone or closed."""
    form = form_ref()
    if form is None or form.closed:
        callback.stop()
        return
    form.refresh()


def _watch(form_ref: weakref.ref, interval: float) -> None:
    """The watcher thread: refresh the form until it is gone or its widget was closed."""
    stop = threading.Event()
    while not stop.wait(interval):
        form = form_ref()
        if form is None or form.closed:
            return
        form.refresh()
        del form
