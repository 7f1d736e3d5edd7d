"""Records as forms: a group of fields, and a list of records as an editable table or as cards.

Records with many fields (goals, factors, stakeholders …) are cards that fold to one line; a card's
fields are built the first time it is opened, so a plan with a hundred goals opens at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from pydantic import BaseModel

from workbook.forms import kinds
from workbook.forms.inputs import LEAVES, REFERRING, Errors, Input, error_html, label_html
from workbook.forms.kinds import kind_of, new_record
from workbook.forms.references import NO_CHOICES, Choices
from workbook.forms.summaries import card_view
from workbook.language.i18n import Messages
from workbook.model.base import UID, is_internal
from workbook.model.fields import field_help, field_label, field_noun
from workbook.model.numbering import NUMBER_FIELD, is_numbered, next_number
from workbook.project.places import item_name
from workbook.report.render import line

msg = Messages(
    {
        "add": ("+ {noun}", "+ {noun}"),
        "add_to": ("+ {noun} bij {parent}", "+ {noun} for {parent}"),
        "open": ("Openklappen", "Unfold"),
        "close": ("Dichtklappen", "Fold"),
        "up": ("Omhoog", "Move up"),
        "down": ("Omlaag", "Move down"),
        "remove": ("Verwijderen", "Remove"),
        "none": ("Nog niets ingevuld.", "Nothing filled in yet."),
        "deleted": ("Verwijderd: {name}", "Deleted: {name}"),
        "deleted_with": ("Verwijderd: {name} en {count} {noun}", "Deleted: {name} and {count} {noun}"),
        "undo": ("Ongedaan maken", "Undo"),
    }
)

FLAT_MAX_FIELDS = 7
"""A record with at most this many simple fields is edited as one row of a table; larger ones as cards."""

NESTED = {kinds.GROUP, kinds.TABLE, kinds.LEVELS, kinds.MULTICHOICE, kinds.TRISTATE}
WIDE = {kinds.LONGTEXT, kinds.TABLE, kinds.GROUP, kinds.LEVELS, kinds.MULTICHOICE, kinds.REFERENCES}
"""Fields that take the whole width of a record's fields; the others stand side by side."""
FIELD_COLUMNS = "repeat(auto-fill, minmax(260px, 1fr))"
"""Short fields side by side as far as the screen allows: three on a projector, one on a phone."""
COLUMN_WIDTH = {kinds.LONGTEXT: "2fr", kinds.DATE: "150px", kinds.BOOL: "50px"}
BUTTONS_WIDTH = "120px"


def editable_fields(model: type[BaseModel]) -> list[str]:
    """The fields a user fills in (not the schema version, record ids or fields kept out of the file)."""
    return [name for name in model.model_fields if not is_internal(model, name)]


def is_flat(model: type[BaseModel]) -> bool:
    """True when records of `model` fit on one row of a table."""
    names = editable_fields(model)
    return len(names) <= FLAT_MAX_FIELDS and all(kind_of(model, n).name not in NESTED for n in names)


def _column(model: type[BaseModel], name: str) -> str:
    kind = kind_of(model, name)
    if kind.name == kinds.SCALE:
        buttons = len(kind.steps) + (1 if kind.optional else 0)
        return f"{buttons * 46 + 8}px"
    return COLUMN_WIDTH.get(kind.name, "1fr")


def _value_of(record: Any, name: str) -> Any:
    if isinstance(record, dict):
        return record.get(name)
    return getattr(record, name, None)


class Group(Input):
    """The fields of one record, each with its own input; `fields` picks and orders them."""

    def __init__(
        self,
        model: type[BaseModel],
        value: Any,
        lang: str,
        title: str = "",
        fields: list[str] | None = None,
        compact: bool = False,
        choices: Choices = NO_CHOICES,
    ):
        super().__init__()
        self.model = model
        self.lang = lang
        self.original = value if value is not None else new_record(model)
        names = fields or editable_fields(model)
        self.inputs = {
            name: input_for(model, name, _value_of(self.original, name), lang, compact, choices) for name in names
        }
        for child in self.inputs.values():
            child.on_change(self.changed)
        self.error = w.HTML()
        parts = [child.widget for child in self.inputs.values()]
        if compact:
            self.widget = w.Box(parts)  # the table lays the cells out in its grid
        else:
            heading = [w.HTML(label_html(title, level="h4"))] if title else []
            for name, child in self.inputs.items():
                if kind_of(model, name).name in WIDE:
                    child.widget.add_class("wb-wide")
            fields_grid = w.GridBox(parts, layout=w.Layout(grid_template_columns=FIELD_COLUMNS, grid_gap="0 16px"))
            self.widget = w.VBox([*heading, fields_grid, self.error], layout=w.Layout(margin="0 0 8px 0"))

    @property
    def cells(self) -> list[w.Widget]:
        return [child.widget for child in self.inputs.values()]

    def get(self) -> dict[str, Any]:
        data = _plain(self.model, self.original)
        data.update({name: child.get() for name, child in self.inputs.items()})
        return data

    def show_errors(self, errors: Errors) -> None:
        for name, child in self.inputs.items():
            child.show_errors({path[1:]: text for path, text in errors.items() if path[:1] == (name,)})
        own = [text for path, text in errors.items() if not path or path[0] not in self.inputs]
        self.error.value = error_html("; ".join(own))

    def find(self, *path: str | int) -> Input:
        if not path:
            return self
        name = path[0]
        if not isinstance(name, str):
            raise KeyError(name)
        return self.inputs[name].find(*path[1:])

    def update(self, new: Any, now: Any) -> None:
        now = now if isinstance(now, dict) else {}
        for name, child in self.inputs.items():
            if _value_of(new, name) != now.get(name):
                child.update(_value_of(new, name), now.get(name))
        self.original = new

    def leaves(self) -> list[Input]:
        return [leaf for child in self.inputs.values() for leaf in child.leaves()]

    def untouched(self) -> set[str]:
        return set().union(*(child.untouched() for child in self.inputs.values()))

    @property
    def uid(self) -> str | None:
        return _value_of(self.original, UID)


def _plain(model: type[BaseModel], record: Any) -> dict[str, Any]:
    """The fields a form edits of `record` (and its id), as pydantic validates them."""
    data = {name: _value_of(record, name) for name in editable_fields(model)}
    if UID in model.model_fields:
        data[UID] = _value_of(record, UID)
    return data


class Card(Input):
    """A record of a long list as a card that folds to one line (number, text, verdict).

    Its fields are built the first time it is opened; until then it gives back the record as it
    was loaded (or as others' saves brought it in). A card with a red message opens by itself.
    """

    def __init__(
        self,
        model: type[BaseModel],
        value: Any,
        lang: str,
        choices: Choices,
        tools: Callable[[], w.Widget],
        reshaped: Callable[[], None],
    ):
        super().__init__()
        self.model = model
        self.lang = lang
        self.choices = choices
        self.tools = tools
        self.reshaped = reshaped
        """Called when the card opens or folds: the list shows its `widget` again."""
        self.original = value if value is not None else new_record(model)
        self.group: Group | None = None
        self.box: w.VBox | None = None
        self.feedback: w.HTML | None = None
        self.is_open = False
        self.toggle = w.Button()
        self.toggle.add_class("wb-card-toggle")
        self.toggle.on_click(lambda _: self.fold() if self.is_open else self.unfold())
        self._retitle()

    @property
    def widget(self) -> w.Widget:
        """Folded, the card is its one-line button; open, a box with the fields under it."""
        return self.box if self.is_open and self.box is not None else self.toggle

    def unfold(self) -> Group:
        """Open the card (building its fields the first time) and return its fields."""
        if self.group is None or self.box is None:
            self.group = Group(self.model, self.original, self.lang, choices=self.choices)
            self.group.on_change(self.changed)
            self.group.on_change(self._retitle)
            self.group.on_change(self._name_lists)
            self._name_lists()
            self.feedback = w.HTML()
            self.box = w.VBox()
            self.box.add_class("wb-card")
        self.box.children = [self.toggle, self.tools(), self.group.widget, self.feedback]
        was_open, self.is_open = self.is_open, True
        self._retitle()
        if not was_open:
            self.reshaped()
        return self.group

    def fold(self) -> None:
        self.is_open = False
        self._retitle()
        self.reshaped()

    def _name_lists(self) -> None:
        """Tell the lists inside this record whose they are ("+ Actie bij D5")."""
        tables = [child for child in self.group.inputs.values() if isinstance(child, Table)] if self.group else []
        if tables:
            name = item_name(self.model, self.get(), self.lang)
            for table in tables:
                table.name_parent(name)

    def _retitle(self) -> None:
        record = self.get()
        arrow = "▾" if self.is_open else "▸"
        shown = self.is_open and self.feedback is not None
        title, feedback = card_view(self.model, record, self.lang, feedback=shown)
        self.toggle.description = f"{arrow} {title}"
        self.toggle.tooltip = msg("close" if self.is_open else "open", self.lang)
        if shown and self.feedback is not None:
            self.feedback.value = feedback

    def get(self) -> dict[str, Any]:
        return self.group.get() if self.group is not None else _plain(self.model, self.original)

    def show_errors(self, errors: Errors) -> None:
        if errors and not self.is_open:
            self.unfold()
        if self.group is not None:
            self.group.show_errors(errors)

    def find(self, *path: str | int) -> Input:
        return (self.group if self.is_open and self.group is not None else self.unfold()).find(*path)

    def update(self, new: Any, now: Any) -> None:
        if self.group is not None:
            self.group.update(new, now)
        self.original = new
        self._retitle()

    def leaves(self) -> list[Input]:
        return self.group.leaves() if self.group is not None else []

    def untouched(self) -> set[str]:
        return self.group.untouched() if self.group is not None else set()

    @property
    def uid(self) -> str | None:
        return _value_of(self.original, UID)


Row = Group | Card


class Table(Input):
    """A list of records: one row (or folding card) per record, with add, remove, up and down."""

    def __init__(
        self,
        owner: type[BaseModel],
        name: str,
        record: type[BaseModel],
        values: list,
        lang: str,
        choices: Choices = NO_CHOICES,
    ):
        super().__init__()
        self.owner = owner
        self.name = name
        self.record = record
        self.lang = lang
        self.choices = choices
        self.flat = is_flat(record)
        self.columns = " ".join([*(_column(record, n) for n in editable_fields(record)), BUTTONS_WIDTH])
        self.rows: list[Row] = [self._new_row(value) for value in values or []]
        self.added: dict[str, Any] = {}
        """What each row added here held when it was added, by record id (see `untouched`)."""
        self.body = w.VBox()
        self.body.add_class("wb-rows")
        self.add_button = w.Button(button_style="info")
        self.add_button.add_class(f"wb-add-{name}")
        self.add_button.on_click(lambda _: self.add())
        self.name_parent("")
        self.error = w.HTML()
        self.undo = w.VBox()
        title = w.HTML(label_html(field_label(owner, name, lang), field_help(owner, name, lang)))
        self.widget = w.VBox(
            [title, self.body, self.add_button, self.undo, self.error], layout=w.Layout(margin="0 0 12px 0")
        )
        self.widget.add_class(f"wb-table-{name}")
        self._render()

    def name_parent(self, parent: str) -> None:
        """Label the add button with what it adds, and where: "+ Doel", "+ Actie bij D5"."""
        noun = field_noun(self.owner, self.name, 1, self.lang)
        noun = noun[:1].upper() + noun[1:]
        key = "add_to" if parent else "add"
        self.add_button.description = msg(key, self.lang, noun=noun, parent=parent)

    def _new_row(self, value: Any) -> Row:
        if self.flat:
            row: Row = Group(self.record, value, self.lang, compact=True, choices=self.choices)
        else:
            row = Card(self.record, value, self.lang, self.choices, lambda: self._buttons(row), self._show_rows)
        row.on_change(self.changed)
        return row

    def add(self) -> Group:
        """Append an empty record (a goal or factor with the next free number) and return its fields."""
        record = new_record(self.record)
        if is_numbered(self.record):
            setattr(
                record,
                NUMBER_FIELD,
                next_number(self.record, [str(row.get().get(NUMBER_FIELD) or "") for row in self.rows]),
            )
        row = self._new_row(record)
        self.rows.append(row)
        self._render()
        fields = row.unfold() if isinstance(row, Card) else row
        if row.uid is not None:
            self.added[row.uid] = row.get()
        self.changed()
        return fields

    def remove(self, index: int) -> None:
        """Delete a row at once; a line under the table offers to bring it back."""
        row = self.rows.pop(index)
        self.undo.children = [*self.undo.children, self._undo_line(row, index)]
        self._render()
        self.changed()

    def _undo_line(self, row: Row, index: int) -> w.Widget:
        text = w.HTML(line(self._deleted_text(row.get()), tag="span"))
        button = w.Button(description=msg("undo", self.lang), button_style="warning")
        button.add_class("wb-undo")
        undo_line = w.HBox([text, button], layout=w.Layout(align_items="center"))
        undo_line.add_class("wb-deleted")

        def restore(_: Any) -> None:
            self.undo.children = [child for child in self.undo.children if child is not undo_line]
            self.rows.insert(min(index, len(self.rows)), row)
            self._render()
            self.changed()

        button.on_click(restore)
        return undo_line

    def _deleted_text(self, data: dict[str, Any]) -> str:
        name = item_name(self.record, data, self.lang)
        for field_name in editable_fields(self.record):
            inner = data.get(field_name)
            if kind_of(self.record, field_name).name == kinds.TABLE and inner:
                noun = field_noun(self.record, field_name, len(inner), self.lang)
                return msg("deleted_with", self.lang, name=name, count=len(inner), noun=noun)
        return msg("deleted", self.lang, name=name)

    def update(self, new: Any, now: Any) -> None:
        """Show the rows of `new`, matched by record id: changed rows updated in place, rows others
        added appear, rows others deleted go; rows added here and not saved yet stay."""
        new, now = list(new or []), list(now or [])
        before = {_value_of(item, UID): item for item in now}
        wanted = {_value_of(item, UID): item for item in new}
        by_id = {row.uid: row for row in self.rows}
        rows = []
        for uid, item in wanted.items():
            row = by_id.get(uid)
            if row is None:
                row = self._new_row(item)
            else:
                row.update(item, before.get(uid))
            rows.append(row)
        for position, row in enumerate(self.rows):  # unsaved rows of this page keep their place
            if row.uid not in wanted and row.uid not in before:
                rows.insert(min(position, len(rows)), row)
        if [id(r) for r in rows] != [id(r) for r in self.rows]:
            self.rows = rows
            self._render()

    def leaves(self) -> list[Input]:
        return [leaf for row in self.rows for leaf in row.leaves()]

    def untouched(self) -> set[str]:
        """The rows added here that still hold what they held when added (nothing typed in them
        yet), and such rows inside the other rows."""
        found: set[str] = set()
        for row in self.rows:
            if row.uid is not None and row.uid in self.added and row.get() == self.added[row.uid]:
                found.add(row.uid)
            else:
                found |= row.untouched()
        return found

    def move(self, index: int, offset: int) -> None:
        """Move row `index` up (-1) or down (+1)."""
        target = index + offset
        if 0 <= target < len(self.rows):
            self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
            self._render()
            self.changed()

    def _buttons(self, row: Row) -> w.HBox:
        def button(icon: str, tooltip: str, action: Callable[[int], object], disabled: bool = False) -> w.Button:
            control = w.Button(icon=icon, tooltip=tooltip, disabled=disabled, layout=w.Layout(width="36px"))
            control.on_click(lambda _: action(self.rows.index(row)))
            return control

        index = self.rows.index(row) if row in self.rows else len(self.rows)
        return w.HBox(
            [
                button("arrow-up", msg("up", self.lang), lambda i: self.move(i, -1), disabled=index == 0),
                button(
                    "arrow-down",
                    msg("down", self.lang),
                    lambda i: self.move(i, +1),
                    disabled=index >= len(self.rows) - 1,
                ),
                button("trash", msg("remove", self.lang), self.remove),
            ]
        )

    def _grid(self, cells: list[w.Widget]) -> w.GridBox:
        grid = w.GridBox(cells, layout=w.Layout(grid_template_columns=self.columns, grid_gap="4px", width="100%"))
        grid.add_class("wb-row")  # on a phone the rows scroll sideways inside the list, not the page
        return grid

    def _render(self) -> None:
        if not self.rows:
            self.body.children = [w.HTML(line(msg("none", self.lang), tag="i"))]
            return
        if self.flat:
            header = [w.HTML(label_html(field_label(self.record, n, self.lang))) for n in editable_fields(self.record)]
            rows = [
                w.VBox([self._grid([*row.cells, self._buttons(row)]), row.error])
                for row in self.rows
                if isinstance(row, Group)  # a flat table's rows are all groups
            ]
            self.body.children = [self._grid([*header, w.HTML()]), *rows]
            return
        for row in self.rows:
            if isinstance(row, Card) and row.is_open:  # the up and down buttons follow the card's new place
                row.unfold()
        self._show_rows()

    def _show_rows(self) -> None:
        if self.rows:
            self.body.children = [row.widget for row in self.rows]

    def get(self) -> list[dict[str, Any]]:
        return [row.get() for row in self.rows]

    def show_errors(self, errors: Errors) -> None:
        for i, row in enumerate(self.rows):
            row.show_errors({path[1:]: text for path, text in errors.items() if path[:1] == (i,)})
        own = [text for path, text in errors.items() if not path or not isinstance(path[0], int)]
        self.error.value = error_html("; ".join(own))

    def find(self, *path: str | int) -> Input:
        if not path:
            return self
        index = path[0]
        if not isinstance(index, int):
            raise TypeError(f"list indices must be integers, not {index!r}")
        return self.rows[index].find(*path[1:])


def input_for(
    model: type[BaseModel], name: str, value: Any, lang: str, compact: bool = False, choices: Choices = NO_CHOICES
) -> Input:
    """The input for field `name` of `model`, showing `value`; `choices` are what reference fields
    can point to."""
    kind = kind_of(model, name)
    if kind.name == kinds.TABLE:
        return Table(model, name, kind.inner, value, lang, choices)
    if kind.name == kinds.GROUP:
        return Group(kind.inner, value, lang, title=field_label(model, name, lang), choices=choices)
    if kind.name in REFERRING:
        return REFERRING[kind.name](model, name, kind, value, lang, compact, choices)
    return LEAVES[kind.name](model, name, kind, value, lang, compact)
