"""Every report page of the demo, in every audience, as outside judges see it: axe-core finds no
serious or critical WCAG 2.0/2.1 A or AA violation, and the Nu Html Checker finds no error (heading
levels in order, no role where HTML forbids one)."""

from __future__ import annotations

import subprocess

import pytest

from tests.outside_judges import axe_script, axe_violations, vnu_command

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AUDIENCES = {"reports", "bestuur", "team", "clientenraad"}


def demo_pages(built_demo):
    pages = sorted(built_demo.reports.rglob("*.html"))
    assert {page.parent.name for page in pages} == AUDIENCES
    return pages


def test_axe_finds_nothing_serious_on_any_report_page(built_demo, browser):
    script = axe_script()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found, looked = {}, 0
    for path in demo_pages(built_demo):
        page.goto(path.as_uri())
        violations, passed = axe_violations(page, script)
        looked += passed > 0
        if violations:
            found[path.relative_to(built_demo.reports).as_posix()] = violations
    page.close()
    assert looked == len(demo_pages(built_demo))
    assert found == {}


def test_the_nu_html_checker_finds_no_error_on_any_report_page(built_demo):
    command = vnu_command()
    pages = demo_pages(built_demo)
    result = subprocess.run(
        [*command, "--errors-only", "--format", "gnu", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line.replace(built_demo.reports.as_uri(), "") for line in result.stderr.splitlines() if line.strip()]
    assert errors == []
    assert result.returncode == 0, result.stdout + result.stderr
