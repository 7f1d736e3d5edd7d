"""Turning hand-written YAML and pydantic's validation errors into problems a user can act on.

Reading is forgiving where the meaning is clear (a choice by its label, ``ja``/``nee`` for yes and
no) and asks where it is not: every message names the file, the line and the field, says what
is expected, and suggests the fix (``bedoel je 'owner'?``, write ``12.5``, put text in quotes).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workbook import model as model_types
from workbook.errors import Problem, WorkbookError
from workbook.files.migrations import migrate
from workbook.files.yamlio import AliasBombError, DuplicateKeyError, line_of, parse
from workbook.language.i18n import Messages, language
from workbook.model.base import is_internal
from workbook.model.fields import Choice, field_label, normal_spelling, spellings

msg = Messages(
    {
        "missing": ("dit veld is verplicht maar ontbreekt", "this field is required but missing"),
        "extra_forbidden": ("onbekend veld; controleer de spelling", "unknown field; check the spelling"),
        "did_you_mean_key": (
            "onbekend veld '{word}'; bedoel je '{name}'?",
            "unknown field '{word}'; did you mean '{name}'?",
        ),
        "unknown_key": (
            "onbekend veld '{word}'; bekende velden hier: {known}",
            "unknown field '{word}'; known fields here: {known}",
        ),
        "date": ("verwacht een datum (jjjj-mm-dd), kreeg {got}", "expected a date (yyyy-mm-dd), got {got}"),
        "int": ("verwacht een geheel getal, kreeg {got}", "expected a whole number, got {got}"),
        "float": ("verwacht een getal, kreeg {got}", "expected a number, got {got}"),
        "comma": (
            "verwacht een getal met een punt, kreeg {got}; schrijf {dotted} (of zet tekst tussen aanhalingstekens)",
            "expected a number with a decimal point, got {got}; write {dotted} (or put text between quotes)",
        ),
        "bool": (
            "verwacht ja of nee (ook: yes/no, waar/onwaar, true/false), kreeg {got}",
            "expected yes or no (also: ja/nee, true/false), got {got}",
        ),
        "str": ("verwacht tekst, kreeg {got}", "expected text, got {got}"),
        "quote_text": (
            "verwacht tekst, kreeg {got}; zet de tekst tussen aanhalingstekens, dan blijft hij zoals je hem schreef",
            "expected text, got {got}; put the text between quotes so it stays as you wrote it",
        ),
        "list": ("verwacht een lijst, kreeg {got}", "expected a list, got {got}"),
        "dict": ("verwacht een groep velden, kreeg {got}", "expected a group of fields, got {got}"),
        "enum": ("verwacht één van: {expected}; kreeg {got}", "expected one of: {expected}; got {got}"),
        "did_you_mean": ("; bedoel je '{value}'?", "; did you mean '{value}'?"),
        "thousands": (
            "{got} is niet eenduidig: bedoel je {small} of {large}? Schrijf {small} of {large} "
            "(in dit bestand is de punt een decimaalteken)",
            "{got} is ambiguous: do you mean {small} or {large}? Write {small} or {large} "
            "(in this file the point is a decimal point)",
        ),
        "ge": ("verwacht minstens {limit}, kreeg {got}", "expected at least {limit}, got {got}"),
        "le": ("verwacht hoogstens {limit}, kreeg {got}", "expected at most {limit}, got {got}"),
        "not_a_mapping": ("het bestand moet een groep velden zijn", "the file must hold a group of fields"),
        "yaml": ("geen geldige YAML: {problem}", "not valid YAML: {problem}"),
        "yaml_colon": (
            "geen geldige YAML: een dubbele punt midden in een tekst; zet de tekst tussen aanhalingstekens, "
            'bijvoorbeeld text: "Doel: 80% gebruikt het"',
            'not valid YAML: a colon inside a text; put the text between quotes, for example text: "Goal: 80% use it"',
        ),
        "yaml_tab": (
            "geen geldige YAML: deze regel springt in met een tab; gebruik spaties",
            "not valid YAML: this line is indented with a tab; use spaces",
        ),
        "yaml_quote": (
            "geen geldige YAML: het aanhalingsteken op deze regel wordt niet gesloten; "
            "zet aan het eind van de tekst hetzelfde aanhalingsteken",
            "not valid YAML: the quote on this line is never closed; end the text with the same quote",
        ),
        "yaml_start": (
            "geen geldige YAML: een tekst mag niet beginnen met {char}; zet de tekst tussen aanhalingstekens",
            "not valid YAML: a text cannot start with {char}; put the text between quotes",
        ),
        "yaml_flow": (
            "geen geldige YAML: een tekst die met [ of { begint wordt als lijst gelezen; "
            "zet de tekst tussen aanhalingstekens",
            "not valid YAML: a text starting with [ or { is read as a list; put the text between quotes",
        ),
        "yaml_indent": (
            "geen geldige YAML: de inspringing klopt niet; velden van dezelfde groep beginnen precies onder "
            "elkaar, en na elke naam volgt een dubbele punt",
            "not valid YAML: the indentation is off; fields of one group start exactly below each other, "
            "and every name is followed by a colon",
        ),
        "yaml_alias": (
            "geen geldige YAML: verwijzing *{name} naar iets dat niet bestaat; haal het sterretje weg "
            "of zet de tekst tussen aanhalingstekens",
            "not valid YAML: reference *{name} to something that does not exist; remove the asterisk "
            "or put the text between quotes",
        ),
        "alias_bomb": (
            "het bestand herhaalt stukken via ankers en verwijzingen (& en *) tot meer dan {limit} onderdelen; "
            "schrijf de gegevens gewoon uit",
            "the file repeats parts through anchors and aliases (& and *) into more than {limit} items; "
            "write the data out plainly",
        ),
        "duplicate_key": (
            "'{name}' staat twee keer in dezelfde groep velden; houd er één over",
            "'{name}' appears twice in the same group of fields; keep one",
        ),
        "bad_character": (
            "het bestand bevat een teken dat niet in YAML mag staan (code {code}); haal het weg",
            "the file holds a character YAML does not allow (code {code}); remove it",
        ),
    }
)

YES = frozenset({"ja", "j", "yes", "y", "waar", "true", "wel"})
NO = frozenset({"nee", "n", "no", "onwaar", "false", "niet"})
MAX_SYNTAX_ERRORS = 10

_KIND_BY_TYPE = {
    "missing": "missing",
    "extra_forbidden": "extra_forbidden",
    "enum": "enum",
    "finite_number": "float",
    "greater_than_equal": "ge",
    "greater_than": "ge",
    "less_than_equal": "le",
    "less_than": "le",
}
_KIND_BY_PREFIX = ("date", "int", "float", "bool", "string", "list", "dict", "model")
_DECIMAL_COMMA = re.compile(r"\s*[-+]?\d+,\d+\s*")
# "1.500", "12.000": in a Dutch hand the point separates thousands; YAML reads 1.5 and 12.0.
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")


# --- the model's shape ---------------------------------------------------------------------------


def inner_type(annotation: Any) -> Any:
    """The record, choice or plain type inside ``list[X]``, ``dict[str, X]`` and ``X | None``."""
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (list, tuple, set):
            annotation = args[0]
        elif origin is dict:
            annotation = args[1]
        elif origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        else:
            return annotation


def is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def is_choice(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Choice)


def type_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """The type at `loc` in `model` (list indexes and dict keys step into the item type), or None."""
    kind: Any = model
    for part in loc:
        if is_record(kind) and isinstance(part, str):
            info = kind.model_fields.get(part)
            if info is None:
                return None
            kind = info.annotation
        kind = inner_type(kind)
    return kind


# --- forgiving reading ---------------------------------------------------------------------------


def normalise(model: type[BaseModel], data: Any) -> Any:
    """`data` with ja/nee (and yes/no, waar/onwaar) turned into booleans and Dutch date texts
    ("1 juli 2027", "1-7-2027") into dates where `model` wants one.

    Changes the dicts in place, so the data stored for the file is the data that was validated.
    Choices need nothing here: their labels are read by ``Choice._missing_``.
    """
    if not isinstance(data, dict):
        return data
    for name, value in data.items():
        info = model.model_fields.get(name)
        if info is None:
            continue
        kind = inner_type(info.annotation)
        if kind is bool:
            data[name] = yes_no(value)
        elif kind is dt.date and isinstance(value, str):
            data[name] = dutch_date(value)
        elif is_record(kind):
            for item in value if isinstance(value, list) else [value]:
                normalise(kind, item)
    return data


def dutch_date(text: str) -> Any:
    """The date in a Dutch date text ("1 juli 2027", "1-7-2027"); other text unchanged."""
    from workbook.language.locale import InvalidDate, parse_date  # Babel: only when a date is written as text

    try:
        return parse_date(text)
    except InvalidDate:
        return text


def yes_no(value: Any) -> Any:
    """True for ja/yes/waar/true, False for nee/no/onwaar/false (any case); anything else unchanged."""
    if isinstance(value, str):
        word = normal_spelling(value)
        if word in YES:
            return True
        if word in NO:
            return False
    return value


def validate(model: type[BaseModel], data: Any, file: str, node: yaml.Node | None = None) -> Any:
    """`model` built from `data`, or a WorkbookError naming file, line, field and expectation."""
    if not isinstance(data, dict):
        raise WorkbookError(Problem(file=file, message=msg("not_a_mapping"), line=1))
    asked = thousands_problems(model, node, file)
    try:
        record = model.model_validate(normalise(model, data))
    except ValidationError as error:
        raise WorkbookError(asked + problems_from(error, file, node, model)) from None
    if asked:
        raise WorkbookError(asked)
    return record


def thousands_problems(model: type[BaseModel], root: yaml.Node | None, file: str) -> list[Problem]:
    """A question for every number written like "1.500" (three digits after the point, ending in 0).

    YAML reads it as 1.5, but in Dutch it is fifteen hundred: the value is asked about, not guessed.
    """
    problems = []
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*loc, key.value)) for key, value in node.value if isinstance(key, yaml.ScalarNode)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(value, (*loc, i)) for i, value in enumerate(node.value)]
        elif (
            _THOUSANDS.fullmatch(node.value.strip())
            and node.value.strip().endswith("0")
            and type_at(model, loc) in (float, int)
        ):
            got = node.value.strip()
            large = got.replace(".", "")
            small = str(float(got)).removesuffix(".0")
            problem = msg("thousands", got=got, small=small, large=large)
            problems.append(Problem(file=file, message=problem, line=node.start_mark.line + 1, field=field_path(loc)))
    return sorted(problems, key=lambda p: p.line or 0)


# --- validation errors ---------------------------------------------------------------------------


def field_path(loc: tuple[str | int, ...]) -> str:
    """A readable field path: goals[2].deadline."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problems_from(
    error: ValidationError, file: str, node: yaml.Node | None = None, model: type[BaseModel] | None = None
) -> list[Problem]:
    """One Problem per validation error, with the YAML line when the node tree is known.

    With `model` (the type that was validated), unknown keys get a suggestion and choices list
    their labels.
    """
    return [
        Problem(
            file=file,
            message=_describe(e, model or error_model(error)),
            line=line_of(node, e["loc"]),
            field=field_path(e["loc"]),
        )
        for e in error.errors()
    ]


def error_model(error: ValidationError) -> type[BaseModel] | None:
    """The record class a ValidationError was raised for, when it is one of ours."""
    return getattr(model_types, error.title, None)


def _describe(error: ErrorDetails, model: type[BaseModel] | None) -> str:
    loc = tuple(error["loc"])
    value = error.get("input")
    if error["type"] == "extra_forbidden" and model is not None:
        return _unknown_key(type_at(model, loc[:-1]), str(loc[-1]))
    if error["type"] == "enum" and model is not None and is_choice(choice := type_at(model, loc)):
        return _unknown_choice(choice, value)
    kind = _KIND_BY_TYPE.get(error["type"])
    if kind is None:
        prefix = next((p for p in _KIND_BY_PREFIX if error["type"].startswith(p)), None)
        if prefix is not None:
            kind = {"string": "str", "model": "dict"}.get(prefix, prefix)
    if kind is None:
        return error["msg"]
    got = _shown(value)
    if kind in ("float", "int") and isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value):
        return msg("comma", got=got, dotted=value.strip().replace(",", "."))
    if kind == "str" and isinstance(value, (int, float, bool)):
        return msg("quote_text", got=got)
    ctx = error.get("ctx") or {}
    limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
    # pydantic words the choices in English ("'a', 'b' or 'c'"); list them plainly instead.
    expected = ", ".join(re.findall(r"'[^']*'", ctx.get("expected", "")))
    return msg(kind, got=got, expected=expected, limit=limit)


def _shown(value: Any) -> str:
    got = repr(value)
    return got[:57] + "..." if len(got) > 60 else got


def _unknown_key(record: Any, key: str) -> str:
    """'onbekend veld', with the field the key most looks like (by name or by label)."""
    if not is_record(record):
        return msg("extra_forbidden")
    lang = language()
    names: dict[str, str] = {}
    for name in record.model_fields:
        for spelling in (name, field_label(record, name, "nl"), field_label(record, name, "en")):
            names.setdefault(normal_spelling(spelling), name)
    close = difflib.get_close_matches(normal_spelling(key), list(names), n=1, cutoff=0.6)
    if close:
        return msg("did_you_mean_key", lang, word=key, name=names[close[0]])
    known = ", ".join(name for name in record.model_fields if not is_internal(record, name))
    return msg("unknown_key", lang, word=key, known=known)


def _unknown_choice(choice: type[Choice], value: Any) -> str:
    """The allowed codes with their labels, and the one the value most looks like."""
    lang = language()
    expected = ", ".join(f"{member.value} ({member.label(lang)})" for member in choice)
    text = msg("enum", lang, expected=expected, got=_shown(value))
    if isinstance(value, str):
        known = spellings(choice)
        close = difflib.get_close_matches(normal_spelling(value), list(known), n=1, cutoff=0.6)
        if close:
            member = known[close[0]]
            text += msg("did_you_mean", lang, value=member.label(lang) if lang == "nl" else member.value)
    return text


# --- YAML syntax ---------------------------------------------------------------------------------


def yaml_problem(error: yaml.YAMLError, file: str, text: str = "") -> Problem:
    """A Problem for malformed YAML, in plain words with the fix, at the line where it went wrong.

    `text` is the file's text, used to find the line of a character the reader refuses.
    """
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1 if text else None
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return Problem(file=file, message=msg("bad_character", code=code), line=line)
    if isinstance(error, AliasBombError):
        return Problem(file=file, message=msg("alias_bomb", limit=f"{error.limit:,}".replace(",", ".")), line=1)
    line = _error_line(error)
    if isinstance(error, DuplicateKeyError):
        return Problem(file=file, message=msg("duplicate_key", name=error.key), line=line)
    lines = text.splitlines()
    line_text = lines[line - 1] if line and line <= len(lines) else ""
    return Problem(file=file, message=_syntax_message(error, line_text), line=line)


def _error_line(error: yaml.YAMLError) -> int | None:
    """The 1-based line to point at: where a never-closed quote or bracket opened, else where parsing stopped."""
    context = str(getattr(error, "context", "") or "")
    mark = getattr(error, "problem_mark", None)
    if "quoted scalar" in context or "flow" in context:
        mark = getattr(error, "context_mark", None) or mark
    return mark.line + 1 if mark else None


def _syntax_message(error: yaml.YAMLError, line_text: str) -> str:
    problem = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    if "mapping values are not allowed" in problem:
        return msg("yaml_colon")
    if "\t" in line_text and ("cannot start any token" in problem or "tab" in problem):
        return msg("yaml_tab")
    if "quoted scalar" in context:
        return msg("yaml_quote")
    if "undefined alias" in problem:
        mark = getattr(error, "problem_mark", None)
        name = re.match(r"\*?([^\s,\]}]*)", line_text[mark.column :] if mark else "")
        return msg("yaml_alias", name=name.group(1) if name else "")
    if "cannot start any token" in problem:
        char = re.search(r"character '(.*?)'", problem)
        mark = getattr(error, "problem_mark", None)
        shown = char.group(1) if char else (line_text[mark.column] if mark and mark.column < len(line_text) else "")
        return msg("yaml_start", char=shown)
    value = line_text.split(":", 1)[-1].lstrip(" -")
    if "flow" in context or "flow" in problem or value[:1] in ("[", "{"):
        return msg("yaml_flow")
    if any(words in problem for words in ("expected ':'", "block end", "expected key", "'-' indicator")):
        return msg("yaml_indent")
    return msg("yaml", problem=problem)


def yaml_problems(error: yaml.YAMLError, file: str, text: str, model: type[BaseModel], kind: str) -> list[Problem]:
    """The syntax error, then every problem in the rest of the file.

    The top-level section holding the error is left out (its lines blanked, so line numbers stay
    true) and the rest is read and validated as usual; a further syntax error is treated the same.
    """
    problems = [yaml_problem(error, file, text)]
    lines = text.splitlines(keepends=True)
    skipped: set[str] = set()
    for _ in range(MAX_SYNTAX_ERRORS):
        line = problems[-1].line
        section = _top_level_section(lines, line - 1) if line else None
        if section is None or isinstance(error, AliasBombError):
            return problems
        key, start, end = section
        skipped.add(key)
        lines[start:end] = ["\n"] * (end - start)
        remainder = "".join(lines)
        try:
            data, node = parse(remainder)
        except yaml.YAMLError as next_error:
            error = next_error
            problem = yaml_problem(next_error, file, remainder)
            if problem in problems:
                return problems
            problems.append(problem)
            continue
        return problems + _rest_problems(model, kind, data, node, file, skipped)
    return problems


def _rest_problems(
    model: type[BaseModel], kind: str, data: Any, node: yaml.Node | None, file: str, skipped: set[str]
) -> list[Problem]:
    """The problems of the readable part of a file, leaving out what the skipped sections would hold."""
    if not isinstance(data, dict):
        return []
    try:
        data = migrate(data, kind, file)
        validate(model, data, file, node)
    except WorkbookError as error:
        return [p for p in error.problems if not (p.field and p.field.split(".")[0].split("[")[0] in skipped)]
    return []


def _top_level_section(lines: list[str], index: int) -> tuple[str, int, int] | None:
    """(key, first line, end line) of the top-level `key:` section holding line `index` (0-based)."""
    if not 0 <= index < len(lines):
        return None

    def is_key(text: str) -> bool:
        return bool(text) and not text[0].isspace() and text[0] not in "#-" and ":" in text

    start = next((i for i in range(index, -1, -1) if is_key(lines[i])), None)
    if start is None:
        return None
    end = next((i for i in range(index + 1, len(lines)) if is_key(lines[i])), len(lines))
    return lines[start].split(":", 1)[0].strip(), start, end
