"""The sustainability scan as a report section: total and domain subtotals, chart, per factor table.

Used by the location report (the team's scan) and the plan report (the organisation's scan). Where
the scan uses weights that are approximations, the section says so once, in a footnote.
"""

from __future__ import annotations

from markupsafe import Markup

from workbook import charts, instruments
from workbook.analysis.sustainability import ScanScore, domain_scores
from workbook.language.i18n import Messages
from workbook.report.kept_charts import drawn
from workbook.report.render import render

msg = Messages(
    {
        "scan": ("Borgingsscan", "Sustainability scan"),
        "no_scan": (
            "Het team heeft de borgingsscan nog niet ingevuld.",
            "The team has not filled in the sustainability scan yet.",
        ),
        "scan_text": (
            "Laatste scan op {date} door {n} invullers: {total} van {max} punten.",
            "Latest scan on {date} by {n} raters: {total} of {max} points.",
        ),
        "scan_previous": (
            "Bij de vorige scan ({date}) was dat {total}.",
            "At the previous scan ({date}) it was {total}.",
        ),
        "approximation": (
            "* Een deel van de gewichten van deze scan is een benadering (niet geverifieerd aan de bron); lees "
            "de score daarom als indicatie.",
            "* Some weights of this scan are approximations (not verified against the source); read the score "
            "as an indication.",
        ),
        "radar_alt": (
            "Radardiagram: per borgingsfactor welk deel van het maximum het team haalt.",
            "Radar chart: per sustainability factor what share of its maximum the team reaches.",
        ),
        "scan_alt": (
            "Staafdiagram: per borgingsfactor de gemiddelde score van het team tegen het maximum.",
            "Bar chart: per sustainability factor the team's mean score against the maximum.",
        ),
        "domain": ("Domein", "Domain"),
        "points": ("Punten", "Points"),
        "factor": ("Factor", "Factor"),
        "mean": ("Gemiddeld", "Mean"),
        "max": ("Maximum", "Maximum"),
        "spread": ("Spreiding", "Spread"),
        "agreement": ("Eensgezind?", "Agreed?"),
        "yes": ("ja", "yes"),
        "no": ("nee, bespreken", "no, discuss"),
    }
)


def scan_section(anchor: str, latest: ScanScore | None, previous: ScanScore | None, lang: str) -> Markup:
    """The section for the `latest` scan result (compared with `previous`); a sentence without a scan."""
    scan = instruments.sustainability_scan()
    view: dict[str, object] = {"anchor": anchor, "latest": latest, "previous": previous}
    if latest is not None:
        labels = {domain.key: domain.label(lang) for domain in scan.domains}
        view |= {
            "threshold": scan.threshold.label(lang),
            "figure": drawn(charts.sustainability_scan, latest, lang, previous=previous),
            "radar": drawn(charts.scan_radar, latest, lang, previous=previous),
            "domains": [
                {"label": labels[domain.key], "total": domain.total, "max": domain.max}
                for domain in domain_scores(latest)
            ],
            "factor_labels": {factor.key: scan[factor.key].label(lang) for factor in latest.factors},
            "approximated": latest.unverified or any(not factor.verified for factor in latest.factors),
        }
    return render("scan.html.j2", msg, lang, **view)
