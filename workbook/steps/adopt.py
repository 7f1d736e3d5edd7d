"""Turn a suggested strategy into an action under a goal: a suggestion picker, a goal picker, one button.

Shown under the feedback of step 2. The action is saved through the store as a three-way merge of
the goals section, so a goal someone else is editing at the same moment keeps their change.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from workbook.analysis.lint import short
from workbook.analysis.strategies import adopt, plan_advice
from workbook.language.i18n import Messages
from workbook.model import Plan
from workbook.project.store import Project
from workbook.report.render import line

msg = Messages(
    {
        "suggestion": ("Suggestie", "Suggestion"),
        "goal": ("Onder doel", "Under goal"),
        "adopt": ("Maak er een actie van", "Make it an action"),
        "no_goals": (
            "Er zijn nog geen doelen: schrijf eerst een doel in stap 3, dan kun je hier een suggestie als actie toevoegen.",
            "There are no goals yet: write a goal in step 3 first, then you can add a suggestion as an action here.",
        ),
        "added": (
            "Actie toegevoegd onder {goal}: '{action}' (pakt factor {factor} aan). Vul in stap 3 wie en wanneer in.",
            "Action added under {goal}: '{action}' (addresses factor {factor}). Fill in who and when in step 3.",
        ),
        "already": (
            "{goal} heeft deze actie al voor factor {factor}.",
            "{goal} already has this action for factor {factor}.",
        ),
    }
)


class StrategyAdopter:
    """The picker and button; `refresh` follows the plan as the form changes it."""

    def __init__(self, project: Project, lang: str, on_adopted: Callable[[], None] = lambda: None):
        self.project = project
        self.lang = lang
        self.on_adopted = on_adopted
        self.suggestion = w.Dropdown(description=msg("suggestion", lang), layout=w.Layout(width="95%"))
        self.goal = w.Dropdown(description=msg("goal", lang), layout=w.Layout(width="95%"))
        self.button = w.Button(description=msg("adopt", lang), button_style="success", icon="plus")
        self.button.add_class("wb-adopt-strategy")
        self.button.on_click(lambda _: self.adopt())
        self.status = w.HTML()
        self.widget = w.VBox([self.suggestion, self.goal, self.button, self.status])
        self.widget.add_class("wb-strategy-adopter")
        self.refresh(project.load_plan())

    def refresh(self, plan: Plan) -> None:
        """Offer the suggestions and goals of `plan`; hidden while there is nothing to suggest."""
        options = [
            (f"{item.factor.id}: {s.label}", (item.factor.id, s.strategy))
            for item in plan_advice(plan, self.lang)
            for s in item.suggestions
        ]
        goals = [(f"{goal.id}: {short(goal.text)}", goal.id) for goal in plan.goals]
        self.suggestion.options = options
        self.goal.options = goals
        self.button.disabled = not (options and goals)
        self.widget.layout.display = "" if options else "none"
        if options and not goals:
            self.status.value = line(msg("no_goals", self.lang))

    def adopt(self) -> None:
        """Add the chosen suggestion as an open action under the chosen goal, and save it."""
        if self.suggestion.value is None or self.goal.value is None:
            return
        factor_id, strategy = self.suggestion.value
        goal_id = self.goal.value
        plan = self.project.load_plan()
        goals = adopt(plan, factor_id, strategy, goal_id, self.lang)
        before = [goal.model_dump(mode="json") for goal in plan.goals]
        added = goals[[g["id"] for g in goals].index(goal_id)]["actions"][-1]
        goal = plan.goal(goal_id)
        existing = goal.actions if goal is not None else []
        if any(a.text == added["text"] and a.factor_id == factor_id for a in existing):
            self.status.value = line(msg("already", self.lang, goal=goal_id, factor=factor_id))
            return
        self.project.save_plan_section("goals", goals, base=before)
        text = msg("added", self.lang, goal=goal_id, action=added["text"], factor=factor_id)
        self.status.value = line(text, tone="done")
        self.on_adopted()
