"""``workbook fields [SECTION]``: every field of the plan files with its label, kind, values and an example."""

from __future__ import annotations

import argparse
import difflib

from workbook.cli import add_lang_option
from workbook.errors import WorkbookError
from workbook.language.i18n import Messages, language
from workbook.model import Location, Plan
from workbook.model.fields import field_label, normal_spelling
from workbook.project.reference import FieldEntry, entries
from workbook.project.store import LOCATIONS_DIR, PLAN_FILE

LOCATION_SECTION = "locatie"

msg = Messages(
    {
        "help": (
            "toon alle velden van werkboek.yaml en de locatiebestanden: naam, soort, waarden en een voorbeeld",
            "show every field of werkboek.yaml and the location files: name, kind, values and an example",
        ),
        "section": (
            f"alleen dit onderdeel, bijvoorbeeld goals, stakeholders of {LOCATION_SECTION} (naam of label)",
            f"only this section, for example goals, stakeholders or {LOCATION_SECTION} (name or label)",
        ),
        "file": ("Velden van {file}", "Fields of {file}"),
        "kind": ("soort: {kind}", "kind: {kind}"),
        "required": (", verplicht", ", required"),
        "values": ("waarden: {values}", "values: {values}"),
        "example": ("voorbeeld: {example}", "example: {example}"),
        "labels_too": (
            "Bij een keuze mag je de code of de naam schrijven; het werkboek slaat de code op. "
            "Ja/nee mag ook als yes/no of true/false.",
            "For a choice you may write the code or the name; the workbook stores the code. "
            "Yes/no may also be ja/nee or true/false.",
        ),
        "unknown": (
            "onbekend onderdeel '{section}'{hint}; kies uit: {known}",
            "unknown section '{section}'{hint}; choose from: {known}",
        ),
        "did_you_mean": (" (bedoel je '{name}'?)", " (did you mean '{name}'?)"),
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("fields", help=msg("help"), description=msg("help"))
    parser.add_argument("section", metavar="SECTION", nargs="?", help=msg("section"))
    add_lang_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = language()
    print("\n".join(reference_lines(args.section, lang)))
    return 0


def reference_lines(section: str | None, lang: str) -> list[str]:
    """The reference of one section (a plan part, a path such as goals.actions, or 'locatie'), or of all."""
    files = [
        (PLAN_FILE, list(entries(Plan, "", lang))),
        (f"{LOCATIONS_DIR}/<code>.yaml", list(entries(Location, "", lang))),
    ]
    if section is not None:
        wanted = _section(section, lang)
        if wanted == LOCATION_SECTION:
            files = files[1:]
        else:
            plain = wanted.replace("[]", "")
            selected = [e for e in files[0][1] if f"{e.path.replace('[]', '')}.".startswith(f"{plain}.")]
            files = [(PLAN_FILE, selected)]
    lines = []
    for file, found in files:
        lines += [msg("file", lang, file=file), ""]
        for entry in found:
            lines += _entry_lines(entry, lang)
    lines.append(msg("labels_too", lang))
    return lines


def _entry_lines(entry: FieldEntry, lang: str) -> list[str]:
    lines = [f"{entry.path} — {entry.label}"]
    lines.append("  " + msg("kind", lang, kind=entry.kind) + (msg("required", lang) if entry.required else ""))
    if entry.choices:
        lines.append("  " + msg("values", lang, values=", ".join(f"{code} ({label})" for code, label in entry.choices)))
    if entry.example:
        lines.append("  " + msg("example", lang, example=entry.example))
    if entry.help:
        lines.append(f"  {entry.help}")
    return lines


def _section(text: str, lang: str) -> str:
    """The section `text` names: a plan part by name or label, a dotted path, or the location file."""
    names = {normal_spelling(n): n for n in Plan.model_fields if n != "schema_version"}
    for name in list(names.values()):
        for label_lang in ("nl", "en"):
            names.setdefault(normal_spelling(field_label(Plan, name, label_lang)), name)
    for word in ("locatie", "locaties", "location", "locations"):
        names[word] = LOCATION_SECTION
    key = normal_spelling(text)
    if key in names:
        return names[key]
    plain = text.strip().replace("[]", "")
    if plain.split(".")[0] in Plan.model_fields and any(
        e.path.replace("[]", "") == plain for e in entries(Plan, "", lang)
    ):
        return plain
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.6)
    hint = msg("did_you_mean", lang, name=names[close[0]]) if close else ""
    known = ", ".join([*(n for n in Plan.model_fields if n != "schema_version"), LOCATION_SECTION])
    raise WorkbookError(msg("unknown", lang, section=text, hint=hint, known=known))
