"""Privacy is declared on the model: every text field says what it tells about people.

A new text field without ``privacy=`` fails here, so it cannot reach the client council unnoticed.
"""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from workbook.model import Location, Member, Plan
from workbook.model.base import is_internal
from workbook.model.fields import Privacy, field, field_privacy, holds_text, privacy_role
from workbook.model.portfolio import Portfolio
from workbook.report.audience import Audience, Treatment, field_treatment, treatment, visible


def models_under(root: type[BaseModel]) -> set[type[BaseModel]]:
    """`root` and every model its fields hold, at any depth (lists, optionals, dicts)."""
    found: set[type[BaseModel]] = set()

    def walk(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            found.add(annotation)
            for info in annotation.model_fields.values():
                walk(info.annotation)
        for arg in typing.get_args(annotation):
            walk(arg)

    walk(root)
    return found


MODELS = sorted(models_under(Plan) | models_under(Location) | models_under(Portfolio), key=lambda m: m.__name__)


def test_the_walk_finds_the_models_that_hold_people():
    names = {model.__name__ for model in MODELS}
    assert {"Member", "Goal", "RunbookActivity", "ClientCriterion", "Intake", "Stakeholder"} <= names
    assert {"PortfolioProject", "Decision", "Criterion"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_text_field_is_classified(model):
    unclassified = [
        name
        for name in model.model_fields
        if not is_internal(model, name) and holds_text(model, name) and field_privacy(model, name) is None
    ]
    assert not unclassified, f"{model.__name__}: declare privacy= on {unclassified}"


def test_the_people_and_counts_are_declared_as_such():
    from workbook.model import (
        Action,
        Basics,
        ClientCriterion,
        Clients,
        CommunicationAction,
        DataItem,
        Experience,
        Goal,
        Intake,
        LocationEvaluation,
        RunbookActivity,
        SimpleAction,
        Stakeholder,
        SuitabilityChange,
    )

    people = [
        (Member, "name"),
        (Basics, "working_group"),
        (Location, "team"),
        (Location, "central_contact"),
        (RunbookActivity, "person"),
        (Goal, "owner"),
        (Action, "who"),
        (DataItem, "recorder"),
        (CommunicationAction, "who"),
        (SimpleAction, "who"),
        (Stakeholder, "name"),
        (Intake, "who_explains"),
    ]
    assert all(field_privacy(model, name) == Privacy.person for model, name in people)
    counts = [(Clients, "total"), (Clients, "suitable"), (ClientCriterion, "count"), (SuitabilityChange, "count")]
    assert all(field_privacy(model, name) == Privacy.client_count for model, name in counts)
    texts = [
        (ClientCriterion, "reason"),
        (SuitabilityChange, "reason"),
        (Experience, "description"),
        (Experience, "lesson"),
        (LocationEvaluation, "feedback"),
        (Intake, "role"),
    ]
    assert all(field_privacy(model, name) == Privacy.free_text for model, name in texts)
    assert field_privacy(RunbookActivity, "one_off_cost") == Privacy.money


def test_the_declaration_is_in_the_fields_metadata():
    extra = Member.model_fields["name"].json_schema_extra
    assert extra["privacy"] == "person"
    assert Member.model_json_schema()["properties"]["name"]["privacy"] == "person"


def test_the_policy_hides_people_from_the_council_only():
    assert treatment(Audience.council, Privacy.person) == Treatment.hide
    for audience in (None, Audience.board, Audience.team):
        assert treatment(audience, Privacy.person) == Treatment.show
    for audience in (None, *Audience):
        assert treatment(audience, Privacy.client_count) == Treatment.protect
        assert treatment(audience, Privacy.public) == Treatment.show
    assert visible(Member, ["name", "role"], Audience.council) == ["role"]
    assert visible(Member, ["name", "role"], Audience.board) == ["name", "role"]


def test_undeclared_text_counts_as_a_name_and_other_values_as_public():
    class Odd(BaseModel):
        nickname: str = ""
        when: int = field("Wanneer", "When", default=0)
        buddy: str = field("Maatje", "Buddy", default="", privacy="person")

    assert privacy_role(Odd, "nickname") is None
    assert field_treatment(Odd, "nickname", Audience.council) == Treatment.hide
    assert privacy_role(Odd, "when") == Privacy.public
    assert visible(Odd, ["nickname", "when", "buddy"], Audience.council) == ["when"]


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError):
        field("Iets", "Something", privacy="secret")
