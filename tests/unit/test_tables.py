"""The table declarations (report.tables): every column has a role, and ``shown`` applies the policy."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.model import ClientCriterion, Experience, Member, Plan, RunbookActivity, Status
from workbook.report import tables
from workbook.report.audience import Audience


def declared() -> list[tables.Table]:
    found = [value for value in vars(tables).values() if isinstance(value, tables.Table)]
    return [*found, tables.goals_table("nl"), tables.targets_table(Plan())]


@pytest.mark.parametrize("table", declared(), ids=lambda t: t.key)
def test_every_column_says_what_it_shows_and_what_it_tells_about_people(table):
    for column in table.columns:
        assert column.role(table.model) is not None, f"{table.key}.{column.name}: declare privacy="
        assert column.header(table.model, "nl") and column.header(table.model, "en")
    for column in table.parents:
        assert column.role(table.parent_model or table.model) is not None


def test_the_council_reads_no_name_and_typed_text_de_identified():
    team = [Member(name="Anouk Verbeek", role="Teamleider")]
    assert tables.shown(tables.TEAM, team, Audience.board, "nl").rows == [["Anouk Verbeek", "Teamleider"]]
    hidden = tables.shown(tables.TEAM, team, Audience.council, "nl")
    assert hidden.hidden and hidden.size == 1 and not hidden.rows
    told = [Experience(description="Mevrouw Jansen sliep door in De Linde.", lesson="")]
    council = tables.shown(tables.EXPERIENCES, told, Audience.council, "nl", known={"Linde"})
    assert council.text(0, "description") == "Mevrouw [naam] sliep door in De Linde."
    assert tables.shown(tables.EXPERIENCES, told, Audience.team, "nl").text(0, "description").startswith("Mevrouw J")


def test_a_client_count_is_shown_only_through_its_sections_protection():
    with pytest.raises(ValueError, match="protection"):
        tables.shown(tables.CRITERIA_TABLE, [ClientCriterion(criterion="a", count=3)], None, "nl")


def test_a_row_is_flagged_only_for_readers_who_see_why():
    late = [RunbookActivity(activity="Folder", person="", start=dt.date(2026, 1, 1), status=Status.todo)]
    assert tables.shown(tables.RUNBOOK, late, Audience.team, "nl").flagged == [0]
    council = tables.shown(tables.RUNBOOK, late, Audience.council, "nl")
    assert council.flagged == [] and not council.has("person") and council.foot is not None
