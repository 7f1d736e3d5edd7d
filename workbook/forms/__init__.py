"""Forms built from the model: one binder maps field types to widgets, bound to the project store.

    form = Form(project, [Section("goals")])          # the plan's goals as an editable table
    form.find("goals", 0, "text").control.value = "…"  # what a user does by typing
    form.flush()                                       # save now instead of after the pause

Interactive use needs ipywidgets in a Jupyter kernel; building and testing forms does not.
"""

from workbook.forms.form import Form, SectionForm
from workbook.model.layout import Block, Section, Text

__all__ = ["Block", "Form", "Section", "SectionForm", "Text"]
