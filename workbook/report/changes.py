"""The return-day view for the plan report: "Wat is er veranderd sinds …" the newest label.

Changes are computed by ``workbook.versions.history`` (the label's version against the files now); this
module hands them to ``fragments/changes.html.j2``: the plan's changes first, then each location's.
Without a label (made with ``workbook mark``) there is no section.

The client council reads where and what changed, but no free text: an owner's or a team member's
name, or a sentence that might hold one, is left out ("Doel D3, eigenaar gewijzigd"). Numbers,
dates, yes/no and choices stay, so the council still sees a target, a deadline or a phase move;
the plan's current texts are in the report's other sections, which leave staff names out for them.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from workbook.language.i18n import Messages, language
from workbook.language.locale import format_date
from workbook.model.fields import Privacy
from workbook.project.store import PLAN_FILE
from workbook.report.audience import Audience, Treatment, treatment
from workbook.report.html import Fragment
from workbook.report.render import per_audience, render
from workbook.versions.changes import Change
from workbook.versions.history import changes_since
from workbook.versions.store import VersionStore

msg = Messages(
    {
        "title": ("Wat is er veranderd sinds {label}", "What has changed since {label}"),
        "intro": (
            "Alle wijzigingen in het plan en de locaties sinds {date}, toen de versie het label '{label}' kreeg.",
            "Every change to the plan and the locations since {date}, when the version was labelled '{label}'.",
        ),
        "change": ("wijziging", "change"),
        "changes": ("wijzigingen", "changes"),
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
    return per_audience(lambda audience: changes_section(label, when, changes, lang, audience))


def changes_section(
    label: str, when: str, changes: list[Change], lang: str, audience: Audience | None = None
) -> Markup:
    """The section: an introduction, the number of changes, and the changes per part (for the
    client council without free text, see the module's docstring)."""
    # Names and typed sentences only for a reader who may read both as typed (the audience policy).
    names = all(treatment(audience, role) == Treatment.show for role in (Privacy.person, Privacy.free_text))
    view = {
        "label": label,
        "when": when,
        "count": len(changes),
        "plan": [c.text(lang, names) for c in changes if c.file == PLAN_FILE],
        "locations": [c.text(lang, names) for c in changes if c.file != PLAN_FILE],
    }
    return render("changes.html.j2", msg, lang, **view)
