"""JSON Schemas of werkboek.yaml and the location files, generated from the model, for editors.

An editor that knows the schema (VS Code with Red Hat's YAML extension) completes field names,
shows each field's Dutch label and help, and marks a mistake while you type. The schema accepts
what the workbook reads: a choice by its code or label, ja/nee as well as true/false.
Every new project gets the schemas and the VS Code setting that links them to the files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from workbook.files.atomic import atomic_write
from workbook.files.validation import NO, YES
from workbook.language.i18n import language
from workbook.model import Location, Plan
from workbook.model.fields import Choice, field_label, normal_spelling, spellings
from workbook.project.store import LOCATIONS_DIR, PLAN_FILE

EDITOR_DIR = ".vscode"
PLAN_SCHEMA = "werkboek.schema.json"
SCHEMAS: dict[str, tuple[type[BaseModel], list[str]]] = {
    PLAN_SCHEMA: (Plan, [PLAN_FILE]),
    "locatie.schema.json": (Location, [f"{LOCATIONS_DIR}/*.yaml"]),
}
YES_NO_SPELLINGS = sorted(YES | NO)


class _ForgivingSchema(GenerateJsonSchema):
    """Choices list their codes and labels; yes/no fields also take ja/nee and friends; dates may be Dutch."""

    def enum_schema(self, schema: core_schema.EnumSchema) -> dict[str, Any]:
        result = super().enum_schema(schema)
        choice = schema["cls"]
        if isinstance(choice, type) and issubclass(choice, Choice):
            readable = spellings(choice)  # only what stands for one member
            forms = [form for member in choice for form in member.spellings()]
            forms += [form.lower() for form in forms]
            result["enum"] = list(dict.fromkeys(f for f in forms if readable.get(normal_spelling(f)) is not None))
            result["description"] = "; ".join(f"{m.value} = {m.nl} / {m.en}" for m in choice)
        return result

    def date_schema(self, schema: core_schema.DateSchema) -> dict[str, Any]:
        # Not format "date": the workbook also reads Dutch dates such as "1 juli 2027".
        return {"type": "string", "examples": ["2027-07-01", "1 juli 2027"]}

    def bool_schema(self, schema: core_schema.BoolSchema) -> dict[str, Any]:
        words = YES_NO_SPELLINGS + [word.capitalize() for word in YES_NO_SPELLINGS]
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": words}]}


def model_schema(model: type[BaseModel], lang: str | None = None) -> dict[str, Any]:
    """The JSON Schema of `model`, titled and described with the fields' labels and help in `lang`."""
    schema = model.model_json_schema(schema_generator=_ForgivingSchema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _labelled(schema, lang or language())
    return schema


def _labelled(node: Any, lang: str) -> None:
    """Put each field's label and help in title and description; drop the workbook's own keys."""
    if isinstance(node, dict):
        label = node.pop("label", None)
        help_text = node.pop("help", None)
        node.pop("widget", None)
        if isinstance(label, dict) and label.get(lang):
            node["title"] = label[lang]
        if isinstance(help_text, dict) and help_text.get(lang):
            node["description"] = help_text[lang]
        for value in node.values():
            _labelled(value, lang)
    elif isinstance(node, list):
        for value in node:
            _labelled(value, lang)


def refresh_editor_files(root: Path, lang: str | None = None) -> bool:
    """Bring the schemas in `root`/.vscode up to date with this version's model, if the project has them.

    A project made by an earlier version keeps working in the editor after an upgrade. True when
    something was rewritten; a folder that cannot be written to is left as it is.
    """
    folder = root / EDITOR_DIR
    if not all((folder / name).is_file() for name in SCHEMAS):
        return False
    lang = lang or _written_language(folder / PLAN_SCHEMA)
    current = {name: _schema_text(model, lang) for name, (model, _) in SCHEMAS.items()}
    if all((folder / name).read_text(encoding="utf-8") == text for name, text in current.items()):
        return False
    try:
        write_editor_files(root, lang)
    except OSError:
        return False
    return True


def _written_language(path: Path) -> str:
    """The language a plan schema was written in (its title of the goals section tells)."""
    try:
        title = json.loads(path.read_text(encoding="utf-8"))["properties"]["goals"]["title"]
    except (OSError, ValueError, KeyError, TypeError):
        return language()
    return "en" if title == field_label(Plan, "goals", "en") else "nl"


def _schema_text(model: type[BaseModel], lang: str | None) -> str:
    return json.dumps(model_schema(model, lang), indent=1, ensure_ascii=False) + "\n"


def write_editor_files(root: Path, lang: str | None = None) -> list[Path]:
    """Write the schemas into `root`/.vscode and link them in .vscode/settings.json (yaml.schemas).

    Settings already there are kept; only the workbook's own schema links are set.
    """
    folder = root / EDITOR_DIR
    written = []
    links = {}
    for name, (model, patterns) in SCHEMAS.items():
        path = folder / name
        atomic_write(path, _schema_text(model, lang))
        links[f"./{EDITOR_DIR}/{name}"] = patterns
        written.append(path)
    settings_path = folder / "settings.json"
    try:
        settings = json.loads(settings_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        settings = {}
    if not isinstance(settings, dict):
        settings = {}
    settings.setdefault("yaml.schemas", {}).update(links)
    atomic_write(settings_path, json.dumps(settings, indent=1, ensure_ascii=False) + "\n")
    return [*written, settings_path]
