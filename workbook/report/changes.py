"""The return-day view for the plan report: "Wat is er veranderd sinds …" the newest label.

Changes are computed by ``workbook.history`` (the label's version against the files now); this
module only lays them out: the plan's changes first, then each location's. Without a label (made
with ``workbook mark``) there is no section.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from workbook.changes import Change
from workbook.history import changes_since
from workbook.i18n import Messages, language
from workbook.locale import format_date
from workbook.report.html import Fragment, bullet_list, heading, join, paragraph, section
from workbook.versions import VersionStore

msg = Messages(
    {
        "title": ("Wat is er veranderd sinds {label}", "What has changed since {label}"),
        "intro": (
            "Alle wijzigingen in het plan en de locaties sinds {date}, toen de versie het label '{label}' kreeg.",
            "Every change to the plan and the locations since {date}, when the version was labelled '{label}'.",
        ),
        "count": ("{n} wijziging", "{n} change"),
        "counts": ("{n} wijzigingen", "{n} changes"),
        "none": ("Sindsdien is er niets veranderd.", "Nothing has changed since."),
        "plan": ("Het plan", "The plan"),
        "locations": ("De locaties", "The locations"),
    }
)


def changes_since_mark(project: str | Path, lang: str | None = None) -> Fragment | None:
    """The section for the newest label, or None (nothing shown) when there is no label."""
    lang = lang or language()
    store = VersionStore(Path(project))
    labels = store.label_list()
    if not labels:
        return None
    label, version = labels[-1]
    changes = changes_since(store, version, lang)
    when = format_date(version.when.astimezone(), lang)
    return Fragment(changes_section(label, when, changes, lang))


def changes_section(label: str, when: str, changes: list[Change], lang: str) -> Markup:
    """The section's HTML: an introduction, the number of changes, and the changes per part."""
    parts = [paragraph(msg("intro", lang, date=when, label=label))]
    if not changes:
        parts.append(paragraph(msg("none", lang), cls="empty"))
    else:
        parts.append(paragraph(msg("count" if len(changes) == 1 else "counts", lang, n=len(changes))))
        in_plan = [c.text(lang) for c in changes if c.file == "werkboek.yaml"]
        elsewhere = [c.text(lang) for c in changes if c.file != "werkboek.yaml"]
        for title, items in (("plan", in_plan), ("locations", elsewhere)):
            if items:
                parts += [heading(msg(title, lang), 3), bullet_list(items, cls="entries")]
    return section("veranderd", msg("title", lang, label=label), join(parts))
