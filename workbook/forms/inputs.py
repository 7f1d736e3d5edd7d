"""One input per kind of field: the single place where model types meet ipywidgets.

Every input shows a value of the model as widgets and gives back a *raw* value (strings for
numbers, codes for choices) that pydantic validates for the whole section; that way every error
message comes from ``workbook.files.validation``, in the user's language, and nothing is converted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import ipywidgets as w
from pydantic import BaseModel

from workbook.forms import kinds
from workbook.forms.kinds import Kind
from workbook.forms.references import Choices
from workbook.instruments import SCAN_FACTORS, sustainability_scan
from workbook.language.i18n import Messages
from workbook.language.locale import (
    LocaleProblem,
    format_date,
    format_money,
    format_number,
    parse_date,
    parse_money,
    parse_number,
)
from workbook.model.fields import field_help, field_label
from workbook.report.render import render

msg = Messages(
    {
        "empty": ("—", "—"),
        "yes": ("Ja", "Yes"),
        "no": ("Nee", "No"),
        "unknown": ("Weet ik niet", "Don't know"),
        "number": ("getal", "number"),
        "money": ("bedrag in euro", "amount in euros"),
        "date": ("dd-mm-jjjj", "dd/mm/yyyy"),
        "tags": ("typ en druk op Enter", "type and press Enter"),
        "not_filled": ("Nog niet ingevuld", "Not filled in yet"),
        "none_chosen": ("(geen)", "(none)"),
        "unknown_code": ("{code} (niet gevonden)", "{code} (not found)"),
        "order": ("Volgorde: {names}", "Order: {names}"),
    }
)

FIRST_ERROR = "wb-first-error"
"""The HTML id of the first message in red on the page."""

Errors = dict[tuple, str]
"""Validation messages by field path, relative to the input that receives them."""

TRISTATE_CODES = {"yes": True, "no": False, "unknown": None}


class Input:
    """An editable value shown as widgets; tells its listeners when the user changed it."""

    widget: w.Widget

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def changed(self, *_: Any) -> None:
        for listener in self._listeners:
            listener()

    def get(self) -> Any:
        """The raw value, ready for pydantic validation."""
        raise NotImplementedError

    def show_errors(self, errors: Errors) -> None:
        """Show the messages meant for this input (path ``()``) and pass the rest on."""
        raise NotImplementedError

    def find(self, *path: str | int) -> Input:
        """The input at `path` below this one (field names and row numbers)."""
        if path:
            raise KeyError(path)
        return self

    def update(self, new: Any, now: Any) -> None:
        """Show `new` where it differs from `now` (what this input stood for until now), leaving
        alone what is the same: the field someone is typing in keeps its text."""
        raise NotImplementedError

    def leaves(self) -> list[Input]:
        """The inputs without inputs below them, in the order they are shown."""
        return [self]

    def untouched(self) -> set[str]:
        """The ids of the records added here (see ``Table.add``) that nothing was typed in yet."""
        return set()

    @property
    def has_error(self) -> bool:
        """True while a red message stands under this input (not a grey reading such as "1 juli 2027")."""
        error = getattr(self, "error", None)
        return bool(error is not None and "wb-error" in error.value)

    def mark_first_error(self, first: bool) -> None:
        """Give (or take away) the anchor the status bar's "first problem" link jumps to."""
        error = getattr(self, "error", None)
        if error is not None and self.has_error:
            error.value = error.value.replace(f' id="{FIRST_ERROR}"', "")
            if first:
                error.value = error.value.replace('class="wb-error"', f'id="{FIRST_ERROR}" class="wb-error"', 1)


def form_html(template: str, **view: Any) -> str:
    """The form fragment `template` (``templates/workbook/fragments/forms/``) for `view`, as HTML."""
    return str(render(f"forms/{template}.html.j2", msg, "nl", **view))


def error_html(message: str | None) -> str:
    """An inline message in red, or nothing."""
    return form_html("message", tone="error", text=message) if message else ""


def reading_html(text: str) -> str:
    """How a typed value was read ("1 juli 2027"), in grey under its box; nothing for no text."""
    return form_html("message", tone="reading", text=text) if text else ""


def label_html(text: str, help_text: str = "", level: str = "") -> str:
    """A field label with its help text in grey below it; a heading of `level` ("h4") if given."""
    return form_html("label", text=text, help=help_text, level=level)


class Leaf(Input):
    """One widget for one value: its label, the control and an inline error below it."""

    def __init__(self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool):
        super().__init__()
        self.kind = kind
        self.lang = lang
        self.control = self.make_control()
        self.control.add_class(f"wb-field-{name}")
        # The control's own accessible name: its label, tied to it and hidden from sight (wb-named),
        # as the visible label above it (or a row's column header) is not tied to it.
        self.control.description = field_label(model, name, lang)
        self.control.description_allow_html = False
        self.control.add_class("wb-named")
        self.set(value)
        self.error = w.HTML()
        parts = [self.control, self.error]
        if not compact:
            parts.insert(0, w.HTML(label_html(field_label(model, name, lang), field_help(model, name, lang))))
        else:
            self.control.tooltip = field_help(model, name, lang) or None
        self.widget = w.VBox(parts, layout=w.Layout(width="100%"))
        self.control.observe(self.changed, names="value")

    def make_control(self) -> w.ValueWidget:
        raise NotImplementedError

    def set(self, value: Any) -> None:
        self.control.value = self.to_widget(value)

    def get(self) -> Any:
        return self.from_widget(self.control.value)

    def to_widget(self, value: Any) -> Any:
        return value

    def from_widget(self, value: Any) -> Any:
        return value

    def show_errors(self, errors: Errors) -> None:
        self.error.value = error_html("; ".join(errors.values()))

    def update(self, new: Any, now: Any) -> None:
        if new != now and not self.has_error:
            self.set(new)


def _fill(control: w.Widget) -> w.Widget:
    control.layout.width = "calc(100% - 12px)"
    return control


class TextLeaf(Leaf):
    def make_control(self) -> w.ValueWidget:
        return _fill(w.Text())

    def to_widget(self, value: Any) -> str:
        return "" if value is None else str(value)


class LongTextLeaf(TextLeaf):
    def make_control(self) -> w.ValueWidget:
        return _fill(w.Textarea(rows=3))


class Unreadable:
    """What a typed input gives for text it cannot read ("2.375", "31-02-2027").

    pydantic refuses it, so the section is invalid and not saved; the input shows its own message
    (its ``problem``) instead of pydantic's.
    """

    def __init__(self, text: str, problem: str):
        self.text = text
        self.problem = problem

    def __repr__(self) -> str:
        return repr(self.text)


class TypedLeaf(Leaf):
    """A value typed as text and read through ``workbook.language.locale``, with how it was read shown below.

    The text reaches the form when the user leaves the box or presses Enter, so a half-typed value
    ("1-7-20" on the way to 1-7-2027) is never read, let alone saved. Text that cannot be read
    gives ``Unreadable`` and sets ``problem`` (the message); otherwise ``problem`` is None.
    """

    placeholder = ""
    problem: str | None = None

    def __init__(self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool):
        super().__init__(model, name, kind, value, lang, compact)
        if not compact:  # in a table only the value being typed is read back, to keep rows short
            self.show_errors({})
        self.control.observe(self._read_back, names="value")

    def _read_back(self, _: Any) -> None:
        """Show how the typed value was read at once (the form passes on messages only where there are any)."""
        if not self.has_error:
            self.show_errors({})

    def make_control(self) -> w.ValueWidget:
        return _fill(w.Text(placeholder=msg(self.placeholder, self.lang), continuous_update=False))

    def from_widget(self, value: str) -> Any:
        text = value.strip()
        self.problem = None
        if text == "":
            return None if self.kind.optional else ""
        try:
            return self.read(text)
        except LocaleProblem as problem:
            self.problem = str(problem)
            return Unreadable(text, self.problem)

    def read(self, text: str) -> Any:
        """The raw value for pydantic from non-empty typed text; raises LocaleProblem."""
        raise NotImplementedError

    def reading(self, value: Any) -> str:
        """How a read value is shown back under the box ("1 juli 2027"); empty for none."""
        return ""

    def show_errors(self, errors: Errors) -> None:
        value = self.get()
        if self.problem:
            self.error.value = error_html(self.problem)
        elif errors:
            self.error.value = error_html("; ".join(errors.values()))
        else:
            self.error.value = reading_html(self.reading(value) if value not in (None, "") else "")


class NumberLeaf(TypedLeaf):
    """A number typed the Dutch way ("12,5", "1.500"); an ambiguous one ("2.375") is asked about."""

    placeholder = "number"

    def to_widget(self, value: Any) -> str:
        return "" if value is None else format_number(value, self.lang, grouping=False)

    def read(self, text: str) -> str:
        return format(parse_number(text, self.lang), "f")


class MoneyLeaf(NumberLeaf):
    """An amount in euros: also "€ 1.500" or "1.500,-"; shown back as "€ 1.500"."""

    placeholder = "money"

    def to_widget(self, value: Any) -> str:
        if value is None:
            return ""
        cents = None if float(value).is_integer() else 2
        return format_number(value, self.lang, decimals=cents, grouping=False)

    def read(self, text: str) -> str:
        return format(parse_money(text, self.lang), "f")

    def reading(self, value: Any) -> str:
        return format_money(Decimal(value), self.lang) if isinstance(value, str) else ""


class ChoiceLeaf(Leaf):
    """A dropdown of the enum's labels; stores the code; an empty option when the field may be empty."""

    def make_control(self) -> w.ValueWidget:
        options = [(member.label(self.lang), member.value) for member in self.kind.inner]
        if self.kind.optional:
            options.insert(0, (msg("empty", self.lang), ""))
        return _fill(w.Dropdown(options=options))

    def to_widget(self, value: Any) -> str:
        return "" if value is None else str(value)

    def from_widget(self, value: str) -> Any:
        return value or None


class ScaleLeaf(Leaf):
    """A row of buttons for a short range of whole numbers (a 1-5 score)."""

    def make_control(self) -> w.ValueWidget:
        options = [(str(n), str(n)) for n in self.kind.steps]
        if self.kind.optional:
            options.append((msg("empty", self.lang), ""))
        return w.ToggleButtons(options=options, style={"button_width": "42px"})

    def to_widget(self, value: Any) -> str:
        return "" if value is None else str(value)

    def from_widget(self, value: str) -> Any:
        return int(value) if value else None


class BoolLeaf(Leaf):
    def make_control(self) -> w.ValueWidget:
        return w.Checkbox(indent=False)

    def to_widget(self, value: Any) -> bool:
        return bool(value)


class TristateLeaf(Leaf):
    """Yes, no or don't know (an empty answer)."""

    def make_control(self) -> w.ValueWidget:
        options = [(msg(code, self.lang), code) for code in TRISTATE_CODES]
        return w.ToggleButtons(options=options, style={"button_width": "110px"})

    def to_widget(self, value: Any) -> str:
        return next(code for code, answer in TRISTATE_CODES.items() if answer is value)

    def from_widget(self, value: str) -> bool | None:
        return TRISTATE_CODES[value]


class DateLeaf(TypedLeaf):
    """A date typed day first ("01-07-2027", "1-7-27", "1 juli 2027"), shown back in words; no
    browser date picker, which would follow the browser's language (mm/dd)."""

    placeholder = "date"

    def to_widget(self, value: Any) -> str:
        return "" if value is None else format_date(value, self.lang, style="short")

    def read(self, text: str) -> dt.date:
        return parse_date(text, self.lang)

    def reading(self, value: Any) -> str:
        return format_date(value, self.lang) if isinstance(value, dt.date) else ""


class TagsLeaf(Leaf):
    """A short list of words or codes."""

    def make_control(self) -> w.ValueWidget:
        return w.TagsInput(allow_duplicates=False, placeholder=msg("tags", self.lang))

    def to_widget(self, value: Any) -> list[str]:
        return list(value or [])

    def from_widget(self, value: Any) -> list[str]:
        return list(value)


class MultiChoice(Input):
    """A tick box per member of a closed list; gives the ticked codes in the list's order."""

    def __init__(self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool):
        super().__init__()
        chosen = {str(v) for v in value or []}
        self.boxes = {
            member.value: w.Checkbox(value=member.value in chosen, description=member.label(lang), indent=False)
            for member in kind.inner
        }
        for box in self.boxes.values():
            box.add_class(f"wb-field-{name}")
            box.observe(self.changed, names="value")
        self.error = w.HTML()
        parts = [w.HBox(list(self.boxes.values()), layout=w.Layout(flex_flow="row wrap")), self.error]
        if not compact:
            parts.insert(0, w.HTML(label_html(field_label(model, name, lang), field_help(model, name, lang))))
        self.widget = w.VBox(parts)

    def get(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.value]

    def show_errors(self, errors: Errors) -> None:
        self.error.value = error_html("; ".join(errors.values()))

    def update(self, new: Any, now: Any) -> None:
        chosen = {str(v) for v in new or []}
        for code, box in self.boxes.items():
            box.value = code in chosen


class Levels(Input):
    """A level A-D per factor of the sustainability scan, with what each level means; factors
    left empty are not stored."""

    def __init__(self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool):
        super().__init__()
        scan = sustainability_scan()
        value = {key: str(level) for key, level in (value or {}).items()}
        meanings = [(member.value, scan.levels[member](lang)) for member in kind.inner]
        options = [(code, code) for code, _ in meanings] + [(msg("empty", lang), "")]
        tooltips = [f"{code}: {meaning}" for code, meaning in meanings] + [msg("not_filled", lang)]
        self.controls = {}
        rows = []
        for key in SCAN_FACTORS:
            control = w.ToggleButtons(
                options=options, value=value.get(key, ""), tooltips=tooltips, style={"button_width": "42px"}
            )
            control.add_class(f"wb-level-{key}")
            control.observe(self.changed, names="value")
            self.controls[key] = control
            factor = scan.factor(key)
            text = form_html("scan_factor", label=factor.label(lang), description=factor.description(lang))
            rows.append(w.HBox([control, w.HTML(text, layout=w.Layout(margin="0 0 0 8px", flex="1"))]))
        self.error = w.HTML()
        legend = form_html("scan_levels", levels=[{"code": code, "meaning": meaning} for code, meaning in meanings])
        parts = [w.HTML(legend), *rows, self.error]
        if not compact:
            parts.insert(0, w.HTML(label_html(field_label(model, name, lang), field_help(model, name, lang))))
        self.widget = w.VBox(parts)

    def get(self) -> dict[str, str]:
        return {key: control.value for key, control in self.controls.items() if control.value}

    def show_errors(self, errors: Errors) -> None:
        self.error.value = error_html("; ".join(errors.values()))

    def update(self, new: Any, now: Any) -> None:
        levels = {key: str(level) for key, level in (new or {}).items()}
        for key, control in self.controls.items():
            control.value = levels.get(key, "")


class ReferenceLeaf(Leaf):
    """A picker of the goals, factors or locations a field can refer to; stores the code.

    A code that refers to nothing known (a goal deleted since, a typo in a hand-written file) stays
    chosen, marked as not found, so that nothing changes unless the user picks something else.
    """

    def __init__(
        self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool, choices: Choices
    ):
        self.choices = choices.of(kind.inner)
        super().__init__(model, name, kind, value, lang, compact)

    def make_control(self) -> w.ValueWidget:
        return _fill(w.Dropdown(options=[(msg("none_chosen", self.lang), ""), *self.choices]))

    def set(self, value: Any) -> None:
        code = "" if value is None else str(value)
        known = {c for _, c in self.control.options}
        if code not in known:
            self.control.options = [*self.control.options, (msg("unknown_code", self.lang, code=code), code)]
        self.control.value = code

    def from_widget(self, value: str) -> Any:
        return value if value or not self.kind.optional else None


class References(Input):
    """A tick box per location (or goal, factor) for a list of codes such as a rollout wave's
    locations. The list keeps its order: codes ticked later go to the end; codes not found stay."""

    def __init__(
        self, model: type[BaseModel], name: str, kind: Kind, value: Any, lang: str, compact: bool, choices: Choices
    ):
        super().__init__()
        self.lang = lang
        self.labels = dict((code, label) for label, code in choices.of(kind.inner))
        self.chosen = [str(code) for code in value or []]
        for code in self.chosen:
            self.labels.setdefault(code, msg("unknown_code", lang, code=code))
        self.boxes = {code: w.Checkbox(description=label, indent=False) for code, label in self.labels.items()}
        for box in self.boxes.values():
            box.add_class(f"wb-field-{name}")
        self._show()
        for code, box in self.boxes.items():
            box.observe(lambda change, code=code: self._tick(code, change["new"]), names="value")
        self.order = w.HTML()
        self.error = w.HTML()
        self._show_order()
        parts = [w.HBox(list(self.boxes.values()), layout=w.Layout(flex_flow="row wrap")), self.order, self.error]
        if not compact:
            parts.insert(0, w.HTML(label_html(field_label(model, name, lang), field_help(model, name, lang))))
        self.widget = w.VBox(parts)

    def _show(self) -> None:
        for code, box in self.boxes.items():
            box.value = code in self.chosen

    def _tick(self, code: str, ticked: bool) -> None:
        if ticked and code not in self.chosen:
            self.chosen.append(code)
        elif not ticked and code in self.chosen:
            self.chosen.remove(code)
        else:
            return
        self._show_order()
        self.changed()

    def _show_order(self) -> None:
        names = [self.labels[code] for code in self.chosen]
        self.order.value = reading_html(msg("order", self.lang, names=" → ".join(names)) if len(names) > 1 else "")

    def get(self) -> list[str]:
        return list(self.chosen)

    def show_errors(self, errors: Errors) -> None:
        self.error.value = error_html("; ".join(errors.values()))

    def update(self, new: Any, now: Any) -> None:
        self.chosen = [str(code) for code in new or []]
        for code in self.chosen:
            if code not in self.boxes:  # a code others chose that this page does not know: leave it be
                self.labels[code] = msg("unknown_code", self.lang, code=code)
        self._show()
        self._show_order()


LeafMaker = Callable[[type[BaseModel], str, Kind, Any, str, bool], Input]
"""An input for one field: (model, name, kind, value, lang, compact)."""
ReferringMaker = Callable[[type[BaseModel], str, Kind, Any, str, bool, Choices], Input]
"""An input for a field that refers to other records: a LeafMaker's arguments and the choices."""

LEAVES: dict[str, LeafMaker] = {
    kinds.TEXT: TextLeaf,
    kinds.LONGTEXT: LongTextLeaf,
    kinds.INT: NumberLeaf,
    kinds.FLOAT: NumberLeaf,
    kinds.MONEY: MoneyLeaf,
    kinds.CHOICE: ChoiceLeaf,
    kinds.SCALE: ScaleLeaf,
    kinds.BOOL: BoolLeaf,
    kinds.TRISTATE: TristateLeaf,
    kinds.DATE: DateLeaf,
    kinds.TAGS: TagsLeaf,
    kinds.MULTICHOICE: MultiChoice,
    kinds.LEVELS: Levels,
}

REFERRING: dict[str, ReferringMaker] = {kinds.REFERENCE: ReferenceLeaf, kinds.REFERENCES: References}
