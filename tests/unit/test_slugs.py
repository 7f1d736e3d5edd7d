"""Slugs: any location name gives a safe, unique file name inside the project folder."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.files.slugs import MAX_LENGTH, RESERVED, is_slug, slugify
from workbook.project.store import Project

HOSTILE_NAMES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "/", "..", "../..", "./.", "CON", "nul", "LPT1", "com¹", "Aux.txt", "😀", "🏥🏥", "---"]),
    st.text(alphabet='/\\.:*?"<>|- \t\n', max_size=20),
    st.text(min_size=1000, max_size=1200),
    st.builds("{}/{}".format, st.text(max_size=10), st.text(max_size=10)),
)


@settings(max_examples=200, deadline=None)
@given(name=HOSTILE_NAMES, taken=st.sets(st.sampled_from(["locatie", "locatie-2", "con-locatie", "a", "a-2"])))
def test_any_name_gives_a_valid_slug_not_yet_taken(name: str, taken: set[str]) -> None:
    slug = slugify(name, taken)
    assert is_slug(slug)
    assert slug not in taken
    assert len(slug) <= MAX_LENGTH
    assert slug.lower() not in RESERVED


@settings(max_examples=40, deadline=None)
@given(names=st.lists(HOSTILE_NAMES, min_size=1, max_size=6))
def test_added_locations_get_distinct_files_inside_the_project(tmp_path_factory: Any, names: list[str]) -> None:
    project = Project.create(tmp_path_factory.mktemp("slugs") / "p", "Project", "Organisatie")
    slugs = [project.add_location(name).slug for name in names]
    assert len(set(slugs)) == len(names)
    folder = project.root / "locaties"
    for slug, name in zip(slugs, names, strict=True):
        path = project.location_path(slug)
        assert path.parent == folder and path.resolve().is_relative_to(project.root)
        assert project.load_location(slug).name == name
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.yaml" for s in slugs)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("De Linde", "de-linde"),
        ("Café 't Hoekje", "cafe-t-hoekje"),
        ("Zuidhoek / afdeling 2", "zuidhoek-afdeling-2"),
        ("  --Ëlde--  ", "elde"),
        ("CON", "con-locatie"),
        ("lpt1", "lpt1-locatie"),
        ("😀", "locatie"),
        ("", "locatie"),
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_readable_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_duplicates_get_a_number_and_long_names_stay_short() -> None:
    long_name = "Woonzorgcentrum " + "heel " * 300 + "lang"
    first = slugify(long_name)
    second = slugify(long_name, {first})
    third = slugify(long_name, {first, second})
    assert len(first) <= MAX_LENGTH and second.endswith("-2") and third.endswith("-3")
    assert len({first, second, third}) == 3 and all(len(s) <= MAX_LENGTH for s in (second, third))


@pytest.mark.parametrize("text", ["de-linde", "a", "locatie-2", "x1"])
def test_is_slug_accepts_plain_slugs(text: str) -> None:
    assert is_slug(text)


@pytest.mark.parametrize(
    "text", ["", "De-Linde", "de linde", "-a", "a-", "a--b", "../a", "a/b", "con", "nul", "a\n", "\na", "x" * 61]
)
def test_is_slug_refuses_anything_else(text: str) -> None:
    assert not is_slug(text)


def test_location_files_with_other_names_are_not_locations(empty_project: Project) -> None:
    empty_project.add_location("De Linde")
    (empty_project.root / "locaties" / "Kopie van de-linde.yaml").write_text("name: x\n", encoding="utf-8")
    assert empty_project.location_slugs() == ["de-linde"]
