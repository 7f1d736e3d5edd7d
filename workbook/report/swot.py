"""The SWOT view as HTML, the same in step 2's feedback and in the plan report's context chapter."""

from __future__ import annotations

from markupsafe import Markup

from workbook.analysis.swot import swot
from workbook.language.i18n import Messages
from workbook.model import Plan
from workbook.report.render import render

msg = Messages(
    {
        "strength": ("Sterktes", "Strengths"),
        "weakness": ("Zwaktes", "Weaknesses"),
        "opportunity": ("Kansen", "Opportunities"),
        "threat": ("Bedreigingen", "Threats"),
        "factor": ("Factor: {ids}", "Factor: {ids}"),
        "factors": ("Factoren: {ids}", "Factors: {ids}"),
        "unknown": ("staat niet in de diagnose", "not in the diagnosis"),
        "no_factor": ("Noemt nog geen factor", "Names no factor yet"),
        "addressed": ("aangepakt met een actie", "addressed by an action"),
        "not_addressed": ("nog geen actie", "no action yet"),
        "none": ("Nog niets.", "Nothing yet."),
    }
)


def swot_html(plan: Plan, lang: str, level: int = 3) -> Markup:
    """The four boxes of the SWOT of `plan`; headings at `level`."""
    return render("swot.html.j2", msg, lang, quadrants=swot(plan), level=level)
