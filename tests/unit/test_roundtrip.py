"""Property: any valid plan or location, however hostile its text, comes back from disk unchanged."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from pathlib import Path
from typing import Any

import annotated_types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from workbook.files.slugs import slugify
from workbook.model import Location, Plan
from workbook.project.store import Project

# Text YAML or CSV could take for something else: booleans, nulls, numbers, dates, syntax.
TRICKY = [
    "yes", "no", "on", "off", "y", "n", "true", "False", "null", "Null", "~", "",
    "1e3", "0x1F", "0o17", "1_000", "012", ".inf", "-.nan", "+1", "3.0", "2024-01-01", "12:30:00",
    ": ", "- ", "#", " # geen commentaar", "a: b", "- a", "? x", "&anker", "*alias", "!tag", "%YAML",
    "@", "`", "|", ">", "{a: 1}", "[1, 2]", ",", "---", "...", "<<", "'", '"', "\\", "'quoted'",
    '"dubbel"', "\n", "\r\n", "\r", "\t", " ", " leading", "trailing ", "a\n b\n", "\n\nleeg\n\n",
    "😀", "🏥👩‍⚕️", "é", "ß", "Cliënt", "\u2028", "\u2029", "\x85", "\ufeff", "\x00", "\x1b[31m",
    "x" * 150 + " " + "y" * 150, "woord " * 40,
]  # fmt: skip

TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.lists(st.sampled_from(TRICKY), min_size=2, max_size=4).map("".join),
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            bounds["min_value"] = item.ge
        elif isinstance(item, annotated_types.Le):
            bounds["max_value"] = item.le
    return bounds


def values_of(annotation: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    """Valid values for a field of this type, read from the model (so new fields are covered)."""
    metadata = metadata or []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return st.one_of(st.none(), *(values_of(a, metadata) for a in options))
    if origin is list:
        return st.lists(values_of(typing.get_args(annotation)[0]), max_size=2)
    if origin is dict:
        key, value = typing.get_args(annotation)
        return st.dictionaries(values_of(key), values_of(value), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return records(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(list(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        bounds = _bounds(metadata)
        return st.integers(min_value=bounds.get("min_value", -(10**12)), max_value=bounds.get("max_value", 10**12))
    if annotation is float:
        bounds = _bounds(metadata)
        return st.floats(allow_nan=False, allow_infinity=False, **bounds) if bounds else FLOATS
    if annotation is str:
        return TEXT
    if annotation is dt.date:
        return DATES
    raise NotImplementedError(f"no strategy for {annotation!r}; add one here")


@st.composite
def records(draw: st.DrawFn, model: type[BaseModel]) -> BaseModel:
    """A valid instance of `model` with every field drawn (the schema version kept current)."""
    values = {}
    for name, info in model.model_fields.items():
        if name == "schema_version" or info.exclude:
            continue
        if name == "uid":  # record ids are unique within a file; the store repairs any that are not
            values[name] = draw(st.uuids()).hex[:10]
            continue
        values[name] = draw(values_of(info.annotation, info.metadata))
    return model(**values)


ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(plan=records(Plan))
def test_any_plan_comes_back_unchanged(tmp_path_factory: Any, plan: Plan) -> None:
    project = Project.create(tmp_path_factory.mktemp("plan") / "p", "Project", "Organisatie")
    project.save_plan(plan)
    assert Project.open(project.root).load_plan() == plan


@ROUND_TRIP
@given(location=records(Location))
def test_any_location_with_its_measurements_comes_back_unchanged(tmp_path_factory: Any, location: Location) -> None:
    project = Project.create(tmp_path_factory.mktemp("location") / "p", "Project", "Organisatie")
    location.slug = slugify(location.name)
    project.save_location(location)
    # The store keeps measurements in date order (then goal); otherwise everything is as saved.
    location.measurements = sorted(location.measurements, key=lambda m: (m.date, m.goal_id, m.uid))
    assert Project.open(project.root).load_location(location.slug) == location


def test_the_tricky_texts_survive_in_every_kind_of_field(tmp_path: Path) -> None:
    """Each tricky text once in a plan field, a location field and a measurement note."""
    project = Project.create(tmp_path / "p", "Project", "Organisatie")
    plan = Plan()
    plan.evaluation.lessons = [{"lesson": text} for text in TRICKY]
    project.save_plan(plan)
    assert project.load_plan() == plan

    location = Location(name="De Linde", slug="de-linde")
    location.experiences = [{"description": text, "lesson": text} for text in TRICKY]
    location.measurements = [
        {"date": dt.date(2024, 1, 1) + dt.timedelta(days=n), "goal_id": text, "value": n, "note": text}
        for n, text in enumerate(TRICKY)
    ]
    project.save_location(location)
    assert project.load_location("de-linde") == location
