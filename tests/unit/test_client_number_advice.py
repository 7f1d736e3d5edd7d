"""``workbook check`` advises when a reason beside a client count names a number of clients itself."""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest

from workbook.analysis.advice import client_number, project_advice
from workbook.cli import main
from workbook.project.store import Project
from workbook.resources import demo_dir


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Het lampje maakte twee cliënten juist onrustiger", "twee cliënten"),
        ("Bij 3 oudere bewoners werkte het niet", "3 oudere bewoners"),
        ("Twintig clienten wilden het niet", "Twintig clienten"),
        ("Zeventien bewoners slapen licht", "Zeventien bewoners"),
        ("Een cliënt die het niet wil, vragen we het opnieuw", ""),
        ("De tweede cliënt", ""),
        ("Bezwaar tegen toezicht op afstand", ""),
    ],
)
def test_a_number_of_clients_is_found_in_digits_and_dutch_words(text, words):
    assert client_number(text) == words


def test_the_demo_reason_with_two_clients_is_advice(tmp_path):
    project = Project.open(demo_dir())
    found = [
        f
        for f in project_advice(project, project.load_plan(), project.load_locations())
        if f.rule == "reason-names-client-number"
    ]
    assert [(f.file, f.item) for f in found] == [("locaties/de-linde.yaml", "Bijstelling van 3 dec 2025")]
    assert "twee cliënten" in found[0].message


def test_check_shows_it_as_advice_not_as_an_error(tmp_path):
    target = tmp_path / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py", "build"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(target)])
    assert code == 0
    assert "twee cliënten" in out.getvalue()
    assert "Geschikte cliënten" in out.getvalue()
