"""Turning pydantic's validation errors into problems a user can act on."""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from workbook.errors import Problem, WorkbookError
from workbook.i18n import Messages
from workbook.yamlio import DuplicateKeyError, line_of

msg = Messages(
    {
        "missing": ("dit veld is verplicht maar ontbreekt", "this field is required but missing"),
        "extra_forbidden": ("onbekend veld; controleer de spelling", "unknown field; check the spelling"),
        "date": ("verwacht een datum (jjjj-mm-dd), kreeg {got}", "expected a date (yyyy-mm-dd), got {got}"),
        "int": ("verwacht een geheel getal, kreeg {got}", "expected a whole number, got {got}"),
        "float": ("verwacht een getal, kreeg {got}", "expected a number, got {got}"),
        "bool": ("verwacht ja of nee (true/false), kreeg {got}", "expected yes or no (true/false), got {got}"),
        "str": ("verwacht tekst, kreeg {got}", "expected text, got {got}"),
        "list": ("verwacht een lijst, kreeg {got}", "expected a list, got {got}"),
        "dict": ("verwacht een groep velden, kreeg {got}", "expected a group of fields, got {got}"),
        "enum": ("verwacht één van: {expected}; kreeg {got}", "expected one of: {expected}; got {got}"),
        "ge": ("verwacht minstens {limit}, kreeg {got}", "expected at least {limit}, got {got}"),
        "le": ("verwacht hoogstens {limit}, kreeg {got}", "expected at most {limit}, got {got}"),
        "not_a_mapping": ("het bestand moet een groep velden zijn", "the file must hold a group of fields"),
        "yaml": ("geen geldige YAML: {problem}", "not valid YAML: {problem}"),
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


def _describe(error: dict[str, Any]) -> str:
    kind = _KIND_BY_TYPE.get(error["type"])
    if kind is None:
        prefix = next((p for p in _KIND_BY_PREFIX if error["type"].startswith(p)), None)
        kind = {"string": "str", "model": "dict"}.get(prefix, prefix)
    if kind is None:
        return error["msg"]
    ctx = error.get("ctx") or {}
    got = repr(error.get("input"))
    if len(got) > 60:
        got = got[:57] + "..."
    limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
    # pydantic words the choices in English ("'a', 'b' or 'c'"); list them plainly instead.
    expected = ", ".join(re.findall(r"'[^']*'", ctx.get("expected", "")))
    return msg(kind, got=got, expected=expected, limit=limit)


def field_path(loc: tuple[str | int, ...]) -> str:
    """A readable field path: goals[2].deadline."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problems_from(error: ValidationError, file: str, node: yaml.Node | None = None) -> list[Problem]:
    """One Problem per validation error, with the YAML line when the node tree is known."""
    return [
        Problem(file=file, message=_describe(e), line=line_of(node, e["loc"]), field=field_path(e["loc"]))
        for e in error.errors()
    ]


def validate(model: type[BaseModel], data: Any, file: str, node: yaml.Node | None = None) -> Any:
    """`model` built from `data`, or a WorkbookError naming file, line, field and expectation."""
    if not isinstance(data, dict):
        raise WorkbookError(Problem(file=file, message=msg("not_a_mapping"), line=1))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise WorkbookError(problems_from(error, file, node)) from None


def yaml_problem(error: yaml.YAMLError, file: str, text: str = "") -> Problem:
    """A Problem for malformed YAML, with the line where the parser stopped.

    `text` is the file's text, used to find the line of a character the reader refuses.
    """
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1 if text else None
        code = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return Problem(file=file, message=msg("bad_character", code=code), line=line)
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else None
    if isinstance(error, DuplicateKeyError):
        return Problem(file=file, message=msg("duplicate_key", name=error.key), line=line)
    problem = getattr(error, "problem", None) or str(error)
    return Problem(file=file, message=msg("yaml", problem=problem), line=line)
