"""The guided steps: ``show_step("doelen", project, location)`` is the one call in each notebook.

Interactive (``WORKBOOK_INTERACTIVE=1``, set by ``workbook lab`` and ``workbook workshop``): a form
that saves as you type, with live feedback. Headless (papermill): a static summary with charts.
"""

from workbook.model.steps import STEPS, Step, step_named
from workbook.project.session import find_project, interactive
from workbook.steps.show import StepView, show_step, static_html

__all__ = ["STEPS", "Step", "StepView", "find_project", "interactive", "show_step", "static_html", "step_named"]
