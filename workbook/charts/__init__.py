"""Charts for reports and the workbook: data in, ``matplotlib.figure.Figure`` out, no I/O.

Every function takes a ``lang`` ("nl" by default via ``workbook.language.i18n``) and returns a Figure.
On empty input it returns a small figure that says there is nothing to show yet and what would
fill it (``is_empty(figure)`` tells them apart); it never returns None.
"""

from workbook.charts.anchoring import anchoring_rings
from workbook.charts.comparison import location_comparison
from workbook.charts.context import context_factors
from workbook.charts.measurements import measurements_over_time
from workbook.charts.progress import goal_progress
from workbook.charts.radar import scan_radar
from workbook.charts.rogers import rogers_profile
from workbook.charts.rollout import rollout_gantt
from workbook.charts.stakeholders import stakeholder_grid
from workbook.charts.style import is_empty
from workbook.charts.sustainability import sustainability_scan

__all__ = [
    "anchoring_rings",
    "context_factors",
    "goal_progress",
    "is_empty",
    "location_comparison",
    "measurements_over_time",
    "rogers_profile",
    "rollout_gantt",
    "scan_radar",
    "stakeholder_grid",
    "sustainability_scan",
]
