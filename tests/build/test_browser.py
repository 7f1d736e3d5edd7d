"""Every report in headless Chromium: nothing fetched from a network, no console errors."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LOCAL = ("file:", "data:")


def open_report(browser, path, screenshot=None):
    """Load `path` with every non-local request recorded and refused; returns (requests, errors)."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    requests, errors = [], []

    def refuse_remote(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", refuse_remote)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return requests, errors


def test_every_report_opens_offline_without_errors(built_demo, browser, artifacts):
    reports = sorted(built_demo.reports.glob("*.html"))
    assert len(reports) == len(built_demo.project.location_slugs()) + 2
    for report in reports:
        shot = artifacts / f"build-{report.stem}.png"
        requests, errors = open_report(browser, report, shot)
        remote = [url for url in requests if not url.startswith(LOCAL)]
        assert remote == [], report.name
        assert errors == [], report.name
        assert shot.stat().st_size > 10_000


def test_the_check_notices_a_page_that_reaches_out(browser, tmp_path):
    page = tmp_path / "remote.html"
    page.write_text('<!DOCTYPE html><img src="https://example.invalid/x.png">', encoding="utf-8")
    requests, errors = open_report(browser, page)
    assert any(url.startswith("https://example.invalid") for url in requests)
    assert errors
