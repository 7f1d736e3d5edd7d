"""Must-show of issue 19: two browser pages edit the same thing at once, twenty times over, and
nothing a page saved is lost or silently overwritten.

- Step 3 (goals): both pages type into the text of the same goal, nearly at once.
- Step 9 (a location's team): both pages add a team member at once and type its name.

After each trial the saved YAML is read back (for the team also once more after the last trial,
so that a name typed over a member of an earlier trial counts too). A *lost value* is one a page saved and acknowledged
('Opgeslagen') that is neither on disk nor in a conflict notice on a page or a line of
``.werkboek-conflicten.jsonl``. A *silent overwrite* is an acknowledged value replaced on disk by
the other page's without a line in ``.werkboek-conflicten.jsonl``. Both must be 0.
"""

from __future__ import annotations

import json
import time

import pytest
import yaml

from tests.browser.conftest import Server
from tests.browser.test_many_hands import CARD_TITLES, OPEN_CARD
from tests.browser.test_workshop import KERNEL_TIMEOUT, PROJECTOR, step_url
from workbook.project.store import CONFLICTS_FILE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TRIALS = 20
SETTLE = 30  # seconds a trial may take to be saved by both pages on a busy machine
LOCATION = "de-linde"
TEAM_ROWS = ".wb-table-team .wb-rows > *"
EMPTY_NAME = ".wb-table-team .wb-field-name input:placeholder-shown"
"""The name box of a team row with nothing typed in it: on each page only the row it just added
(another page's new row is saved, and so brought in, only once something is typed in it)."""
NEW_MEMBER = "Nieuw lid"


def conflict_values(server: Server) -> list[str]:
    """Every value named in the conflict notes (saved or overwritten), as text."""
    log = server.project.root / CONFLICTS_FILE
    values: list[str] = []
    if log.is_file():
        for line in log.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            values += [json.dumps(entry.get("saved"), ensure_ascii=False), json.dumps(entry.get("overwritten"))]
            values += [str(entry.get("saved")), str(entry.get("overwritten"))]
    return values


def in_conflicts(value: str, notes: list[str]) -> bool:
    return any(value in note for note in notes)


def shown_in_notice(pages, value: str) -> bool:
    return any(value in page.locator("body").inner_text() and "conflict" in page.content().lower() for page in pages)


def settled(pages, done, timeout: float = SETTLE) -> bool:
    """Wait until `done()` and every page says its changes are saved."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = [page.locator(".wb-status").first.inner_text() for page in pages]
        if done() and all(("Opgeslagen" in s or "bijgewerkt" in s) and "zo opgeslagen" not in s for s in statuses):
            return True
        time.sleep(0.3)
    return False


def acknowledged(page) -> bool:
    status = page.locator(".wb-status").first.inner_text()
    return "Opgeslagen om" in status or "bijgewerkt" in status


def open_pages(browser, server: Server, notebook: str, query: str = "") -> list:
    pages = []
    for _ in range(2):
        page = browser.new_context(viewport=PROJECTOR).new_page()
        page.goto(step_url(server, notebook, query), timeout=KERNEL_TIMEOUT)
        page.locator(".wb-status").first.wait_for(timeout=KERNEL_TIMEOUT)
        pages.append(page)
    return pages


def report(part: str, lost: list[str], silent: list[str], unsaved: list[str]) -> None:
    print(f"{part}, {TRIALS} trials: {len(lost)} lost values, {len(silent)} silent overwrites")
    print("\n".join([*lost, *silent, *unsaved]))


def test_twenty_same_field_edits_on_two_pages_lose_nothing_and_overwrite_nothing_silently(serve, browser) -> None:
    """Step 3: the same goal text, typed on both pages at once."""
    server = serve("workshop", "--pool", "0")
    lost: list[str] = []
    silent: list[str] = []
    unsaved: list[str] = []
    pages = open_pages(browser, server, "03_doelen.ipynb")
    boxes = []
    for page in pages:
        page.locator(CARD_TITLES).first.click()
        box = page.locator(OPEN_CARD).first.locator("textarea").first
        box.wait_for(timeout=KERNEL_TIMEOUT)
        boxes.append(box)

    def goal_on_disk() -> str:
        return yaml.safe_load(server.project.plan_path.read_text(encoding="utf-8"))["goals"][0]["text"]

    for trial in range(TRIALS):
        typed = [f"Doel van pagina {which} in poging {trial:02d}" for which in "AB"]
        for box, text in zip(boxes, typed, strict=True):
            box.fill(text)
        if not settled(pages, lambda typed=typed: goal_on_disk() in typed):
            unsaved.append(f"goal trial {trial}: {goal_on_disk()!r}")
        time.sleep(1.5)  # the pages look at the files every second: let both see the end state
        disk, notes = goal_on_disk(), conflict_values(server)
        for page, text in zip(pages, typed, strict=True):
            if acknowledged(page) and text != disk:
                if not in_conflicts(text, notes) and not shown_in_notice(pages, text):
                    lost.append(f"goal trial {trial}: {text!r}")
                if disk in typed and not in_conflicts(text, notes):
                    silent.append(f"goal trial {trial}: {text!r} overwritten by {disk!r}")
    for page in pages:
        page.context.close()
    report("same field", lost, silent, unsaved)
    assert (len(lost), len(silent)) == (0, 0)


def test_twenty_added_rows_on_two_pages_lose_nothing_and_overwrite_nothing_silently(serve, browser) -> None:
    """Step 9: both pages add a team member at once and type its name in the row they added.

    As a person does, each page types in the empty row it added, not in whatever row is last: the
    other page's new member, brought in at the same moment, may be the row that appears first."""
    server = serve("workshop", "--pool", "0")
    lost: list[str] = []
    silent: list[str] = []
    unsaved: list[str] = []
    saved: list[str] = []  # the names on disk at the end of their trial: a later trial must keep them
    pages = open_pages(browser, server, "09_locatie.ipynb", f"location={LOCATION}")
    path = server.project.location_path(LOCATION)

    def team_on_disk() -> list[str]:
        return [
            member.get("name") or "" for member in yaml.safe_load(path.read_text(encoding="utf-8")).get("team") or []
        ]

    for trial in range(TRIALS):
        names = [f"Lid {which}{trial:02d}" for which in "AB"]
        for page, name in zip(pages, names, strict=True):  # both add before either has saved
            rows = page.locator(TEAM_ROWS).count()
            page.locator(".wb-add-team").first.click()
            page.wait_for_function(f"document.querySelectorAll('{TEAM_ROWS}').length > {rows}")
            page.locator(EMPTY_NAME).last.fill(name)
        if not settled(pages, lambda names=names: set(names) <= set(team_on_disk())):
            unsaved.append(f"team trial {trial}: {team_on_disk()}")
        time.sleep(1.5)
        team, notes = team_on_disk(), conflict_values(server)
        for page, name in zip(pages, names, strict=True):
            if acknowledged(page) and name not in team:
                if not in_conflicts(name, notes) and not shown_in_notice(pages, name):
                    lost.append(f"team trial {trial}: {name!r} (team: {team})")
                if not in_conflicts(name, notes):
                    silent.append(f"team trial {trial}: {name!r} gone from {team}")
        saved += [name for name in names if name in team]
    team, notes = team_on_disk(), conflict_values(server)
    for name in saved:  # typed in a later trial over a member saved before
        if name not in team and not in_conflicts(name, notes):
            if not shown_in_notice(pages, name):
                lost.append(f"after the trials: {name!r} (team: {team})")
            silent.append(f"after the trials: {name!r} gone from {team}")
    blank = [name for name in team if name in ("", NEW_MEMBER)]
    for page in pages:
        page.context.close()
    report("added rows", lost, silent, unsaved)
    print(f"{len(blank)} members saved without their typed name")
    assert (len(lost), len(silent), len(blank)) == (0, 0, 0)
