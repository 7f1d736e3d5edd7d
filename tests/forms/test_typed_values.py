"""Numbers, amounts and dates typed the Dutch way in the forms: stored exactly as meant, or asked
about and not saved. Each value is set on the widget as a user types it, the form is flushed and
the file is read back from disk."""

from __future__ import annotations

from html import unescape

from tests.forms.conftest import location_file, plan_file
from workbook.forms.inputs import Unreadable
from workbook.project.store import Project

NOT_SAVED = "De rest is opgeslagen; niet opgeslagen wat rood staat"

# What each input path stores for each value, or the words of its message (nothing is saved then).
NUMBER = {
    "1.500": 1500,
    "1.000": 1000,
    "12,5": 12.5,
    "2.375": "bedoel je 2,375 of 2375?",
    "1.234": "bedoel je 1,234 of 1234?",
    "1.234,5": 1234.5,
    "02312027": 2312027,
    "31-02-2027": "verwacht een getal",
    "1 juli 2027": "verwacht een getal",
    "1-7-27": "verwacht een getal",
}
MONEY = {**NUMBER, "€ 1.500": 1500, "1.500,-": 1500, "€ 2.375": "bedoel je 2,375 of 2375?"}
DATE = {
    "1.500": "verwacht een datum als dd-mm-jjjj",
    "1.000": "verwacht een datum als dd-mm-jjjj",
    "12,5": "verwacht een datum als dd-mm-jjjj",
    "2.375": "verwacht een datum als dd-mm-jjjj",
    "1.234": "verwacht een datum als dd-mm-jjjj",
    "1.234,5": "verwacht een datum als dd-mm-jjjj",
    "02312027": "verwacht een datum als dd-mm-jjjj",
    "31-02-2027": "'31-02-2027' is geen bestaande datum",
    "1 juli 2027": "2027-07-01",
    "1-7-27": "2027-07-01",
    "01-07-0202": "het jaar moet tussen 2000 en 2100 liggen",
}


def _type_each(view, leaf, values: dict, stored) -> None:
    """Type every value into `leaf` in turn and flush: each is stored as expected, or refused with
    its message while the file keeps the value it had."""
    for typed, expected in values.items():
        before = stored()
        leaf.control.value = typed
        view.flush()
        after = stored()
        if isinstance(expected, str) and not expected[:4].isdigit():
            assert after == before, f"{typed!r} was saved as {after!r}"
            assert expected in unescape(leaf.error.value), typed
            assert leaf.problem and expected in leaf.problem, typed
            assert isinstance(leaf.get(), Unreadable), typed
            assert view.form.status_text.startswith(f"⚠ {NOT_SAVED}"), typed
            assert leaf.control.value == typed  # what was typed stays in the box
        else:
            assert after == expected, f"{typed!r} was saved as {after!r}"
            assert leaf.problem is None, typed
            status = view.form.status_text
            unchanged = after == before and status.startswith("✓ Alles is opgeslagen")
            assert status.startswith("✓ Opgeslagen") or unchanged, typed


def test_number_field(open_step, demo_project: Project) -> None:
    view = open_step("doelen")
    leaf = view.form.find("goals", 0, "baseline")
    _type_each(view, leaf, NUMBER, lambda: plan_file(demo_project)["goals"][0]["baseline"])


def test_money_field(open_step, demo_project: Project) -> None:
    view = open_step("locatie", "de-kolk")
    leaf = view.form.find("runbook", 1, "one_off_cost")
    _type_each(view, leaf, MONEY, lambda: location_file(demo_project, "de-kolk")["runbook"][1]["one_off_cost"])


def test_date_field(open_step, demo_project: Project) -> None:
    view = open_step("locatie", "de-kolk")
    leaf = view.form.find("start")
    _type_each(view, leaf, DATE, lambda: location_file(demo_project, "de-kolk")["start"])


def test_a_date_is_shown_back_in_words_and_in_the_box_day_first(open_step, demo_project: Project) -> None:
    view = open_step("locatie", "de-kolk")
    leaf = view.form.find("start")
    assert leaf.control.value == "07-12-2026"  # the demo's start, 2026-12-07
    assert "7 december 2026" in leaf.error.value
    leaf.control.value = "1-7-27"
    assert "1 juli 2027" in leaf.error.value
    assert "wb-error" not in leaf.error.value


def test_an_amount_is_shown_back_as_euros(open_step) -> None:
    view = open_step("locatie", "de-kolk")
    leaf = view.form.find("runbook", 1, "one_off_cost")
    assert leaf.control.value == "8400"
    leaf.control.value = "8.400"
    assert "€\u00a08.400" in leaf.error.value
    leaf.control.value = "1.234,5"
    assert "€\u00a01.234,50" in leaf.error.value


def test_typing_a_date_slowly_saves_no_date_on_the_way(open_step, demo_project: Project) -> None:
    """Every step of typing 01-07-2027 that reaches the form is refused until the date is whole."""
    slug = "de-kolk"
    view = open_step("locatie", slug)
    leaf = view.form.find("start")
    assert leaf.control.continuous_update is False  # the browser sends the text when the box is left
    for typed in ["0", "01", "01-", "01-0", "01-07", "01-07-", "01-07-2", "01-07-202", "0202"]:
        leaf.control.value = typed
        view.flush()
        assert location_file(demo_project, slug)["start"] == "2026-12-07", typed
        assert "wb-error" in leaf.error.value, typed
    leaf.control.value = "01-07-2027"
    view.flush()
    assert location_file(demo_project, slug)["start"] == "2027-07-01"


def test_a_corrected_value_saves_and_clears_the_question(open_step, demo_project: Project) -> None:
    view = open_step("doelen")
    leaf = view.form.find("goals", 0, "baseline")
    leaf.control.value = "2.375"
    view.flush()
    assert "bedoel je 2,375 of 2375?" in leaf.error.value
    leaf.control.value = "2,375"
    view.flush()
    assert plan_file(demo_project)["goals"][0]["baseline"] == 2.375
    assert "wb-error" not in leaf.error.value
    assert view.form.status_text.startswith("✓ Opgeslagen")


def test_a_whole_number_field_refuses_a_fraction(open_step, demo_project: Project) -> None:
    slug = "de-kolk"
    view = open_step("locatie", slug)
    leaf = view.form.find("clients", "total")
    leaf.control.value = "1.500"
    view.flush()
    assert location_file(demo_project, slug)["clients"]["total"] == 1500
    before = location_file(demo_project, slug)["clients"]["total"]
    leaf.control.value = "12,5"
    view.flush()
    assert location_file(demo_project, slug)["clients"]["total"] == before
    assert "geheel getal" in leaf.error.value


def test_english_reads_the_english_way(demo_project: Project) -> None:
    from workbook.steps import STEPS, StepView

    view = StepView(STEPS["locatie"], demo_project, "de-kolk", lang="en")
    view.form.find("start").control.value = "1 July 2027"
    view.form.find("runbook", 1, "one_off_cost").control.value = "€1,500.50"
    view.flush()
    saved = location_file(demo_project, "de-kolk")
    assert saved["start"] == "2027-07-01"
    assert saved["runbook"][1]["one_off_cost"] == 1500.5
    assert "1 July 2027" in view.form.find("start").error.value


def test_the_summary_shows_amounts_dates_and_numbers_the_dutch_way() -> None:
    import datetime as dt

    from workbook.model import Goal, RunbookActivity
    from workbook.steps.summary import record_html, table_html

    activity = RunbookActivity(activity="Sensoren ophangen", start=dt.date(2027, 7, 1), one_off_cost=8400.5)
    html = table_html(RunbookActivity, [activity], "nl")
    assert "<td>€\u00a08.400,50</td>" in html
    assert "<td>1 jul 2027</td>" in html
    assert "<td>€\u00a00,00</td>" in html  # no structural costs, in the table's form: it has cents
    goal = record_html(Goal(id="D1", text="Minder wekken", baseline=1234.5, target=12.5), "en")
    assert "<td>1,234.5</td>" in goal
    assert "<td>12.5</td>" in goal
