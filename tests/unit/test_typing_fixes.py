"""Bugs the type checker found: each fixed, and kept fixed here."""

from __future__ import annotations

import pytest

from workbook.errors import WorkbookError
from workbook.language import i18n
from workbook.model import Location
from workbook.model.steps import STEPS, step_named
from workbook.project.integrity import integrity_problems


def test_an_unknown_step_is_a_clear_message_not_a_type_error() -> None:
    # The message's placeholder was called "key", like the catalogue key itself: a TypeError.
    with pytest.raises(WorkbookError) as raised:
        step_named("geen-stap")
    assert "geen-stap" in str(raised.value)
    assert next(iter(STEPS)) in str(raised.value)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_integrity_names_the_field_by_its_label_when_the_language_is_not_given(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # Without a language the label was looked up for language None: the code name "name" came out.
    monkeypatch.setattr(i18n, "_override", lang)
    [(path, message)] = integrity_problems(Location, "name", "", None)
    assert path == ()
    label = "Naam van de locatie" if lang == "nl" else "Location name"
    assert message.startswith(f"{label} is ")
