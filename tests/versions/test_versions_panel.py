"""The "Eerdere versies" panel in the steps, in-process: open it, choose a change, put it back."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.forms.conftest import location_file, plan_file
from tests.versions.test_version_store import Clock
from workbook.language.i18n import set_language
from workbook.project.store import Project
from workbook.steps import STEPS, StepView
from workbook.versions import store as versions_module


@pytest.fixture(autouse=True)
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(None)
    monkeypatch.setenv("WORKBOOK_AUTHOR", "Anna de Vries")
    monkeypatch.setattr(versions_module, "now", Clock(dt.datetime(2026, 4, 9, 12, 0, tzinfo=dt.UTC)))


def opened(view: StepView) -> None:
    view.versions.widget.selected_index = 0  # unfold the panel, as a click on its title does


def test_a_change_made_in_the_form_is_listed_and_put_back(demo_project: Project) -> None:
    view = StepView(STEPS["doelen"], demo_project, lang="nl", delay=0.01)
    original = plan_file(demo_project)["goals"][2]["owner"]
    view.form.find("goals", 2, "owner").control.value = "Piet Bakker"
    view.flush()
    assert plan_file(demo_project)["goals"][2]["owner"] == "Piet Bakker"
    opened(view)
    panel = view.versions
    assert len(panel.choice.options) == 1
    label, _ = panel.choice.options[0]
    assert label.endswith(f"· Anna de Vries · 1 wijziging · Doel D3, eigenaar: '{original}' → 'Piet Bakker'")
    assert "<li>Doel D3, eigenaar: " in panel.detail.value and "Piet Bakker" in panel.detail.value
    panel.button.click()
    assert plan_file(demo_project)["goals"][2]["owner"] == original
    assert view.form.find("goals", 2, "owner").control.value == original, "the form shows what was put back"
    assert panel.status.value.startswith("<p>✓ Teruggezet: SMART-doelen en acties zoals het was vóór de wijziging")
    assert [text for text, _ in panel.choice.options][0].endswith(f"'Piet Bakker' → '{original}'")
    assert len(demo_project.versions.versions()) == 3, "the demo as found, the edit and putting it back"


def test_the_location_step_chooses_a_section_and_puts_back_only_that(demo_project: Project) -> None:
    demo_project.update_location("de-linde", "phase", "running")
    team = demo_project.load_location("de-linde").team
    team[0].role = "Coach"
    demo_project.update_location("de-linde", "team", team)
    view = StepView(STEPS["locatie"], demo_project, "de-linde", lang="nl", delay=0.01)
    opened(view)
    panel = view.versions
    assert panel.section.layout.display == "" and panel.section.value == "name"
    assert panel.choice.options == () and "nog geen eerdere versies" in panel.detail.value
    assert panel.button.disabled
    panel.section.value = "phase"
    assert [text.split(" · ", 2)[2] for text, _ in panel.choice.options] == [
        "1 wijziging · De Linde, fase: Afgerond → Loopt"
    ]
    panel.button.click()
    assert location_file(demo_project, "de-linde")["phase"] == "finished"
    assert location_file(demo_project, "de-linde")["team"][0]["role"] == "Coach", "other sections keep their change"
    assert view.form.find("phase").control.value == "finished"


def test_measurements_are_put_back_from_the_csv(demo_project: Project) -> None:
    before = demo_project.measurements_path("de-linde").read_bytes()
    location = demo_project.load_location("de-linde")
    demo_project.update_location("de-linde", "measurements", location.measurements[1:])
    view = StepView(STEPS["locatie"], demo_project, "de-linde", lang="nl", delay=0.01)
    opened(view)
    view.versions.section.value = "measurements"
    assert view.versions.choice.options[0][0].endswith("De Linde, meting 30 september 2025 D3 verwijderd")
    view.versions.button.click()
    assert demo_project.measurements_path("de-linde").read_bytes() == before
