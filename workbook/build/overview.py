"""index.html (and each audience's): written after the reports, worked out while the last ones run.

The overview shows the state of every report (current, stale, failed, missing), so it is written
once they are all done, and only when the data or any report's state changed since the last one.
Drawing its charts takes a while, and the last reports of a build leave a kernel's core idle: as
soon as no report waits for a kernel any more, ``expect`` starts on the pages in a thread of their
own, on the assumption that the reports still running succeed. ``write`` takes those pages when the
assumption came true and works them out afresh when it did not (a report failed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from workbook.build.manifest import Manifest
from workbook.build.outcome import page_footer
from workbook.build.targets import LOCATION, PLAN, Layout, Target
from workbook.files.atomic import atomic_write
from workbook.project.store import Project
from workbook.report.audience import Audience
from workbook.report.status import CURRENT, FAILED, MISSING, STALE, ReportState

Pages = dict[Audience | None, str]


class Overview:
    """The overview pages of one build."""

    def __init__(
        self,
        project: Project,
        layout: Layout,
        manifest: Manifest,
        targets: list[Target],
        lang: str,
        force: bool,
        audiences: tuple[Audience, ...],
    ):
        self.project = project
        self.layout = layout
        self.manifest = manifest
        self.targets = targets
        self.lang = lang
        self.force = force
        self.audiences = audiences
        self._expected: dict[str, ReportState] | None = None
        self._early: Future[Pages] | None = None

    def expect(self, running: Iterable[Target]) -> None:
        """Start on the pages now (once), assuming that every target in `running` succeeds."""
        if self._expected is not None:
            return
        states = self.states()
        for target in running:
            states[target.key] = ReportState(target.slug, target.report(self.layout).name, CURRENT)
        self._expected = states
        if self._needed(states):
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="build-overview")
            self._early = executor.submit(self._pages, states)
            executor.shutdown(wait=False)  # the thread ends when the pages are done

    def write(self) -> bool:
        """Write the pages when the data or any report's state changed since the last overview."""
        states = self.states()
        if not self._needed(states):
            return False
        pages = self._early_pages() if states == self._expected else None
        for audience, html in (pages or self._pages(states)).items():
            folder = self.layout.audience_reports(audience) if audience else self.layout.reports
            atomic_write(folder / self.layout.index.name, html)
        self.manifest.overview = self._digest(states)
        self.manifest.save()
        return True

    def states(self) -> dict[str, ReportState]:
        """Every target's report state as the files and the manifest tell it now."""
        return {target.key: state(target, self.layout, self.manifest) for target in self.targets}

    def _needed(self, states: dict[str, ReportState]) -> bool:
        return self.force or self.manifest.overview != self._digest(states) or not self.layout.index.is_file()

    def _digest(self, states: dict[str, ReportState]) -> str:
        data = {
            "targets": {target.key: target.inputs.digest for target in self.targets},
            "states": {key: [s.state, s.error] for key, s in states.items()},
            "date": dt.date.today().isoformat(),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def _early_pages(self) -> Pages | None:
        if self._early is None:
            return None
        try:
            return self._early.result()
        except Exception:  # worked out again in the calling thread, where an error reaches the user
            return None

    def _pages(self, states: dict[str, ReportState]) -> Pages:
        from workbook.report.overview import overview_pages  # charts: only when the overview changes

        by_slug = {target.slug: states[target.key] for target in self.targets if target.kind == LOCATION}
        footer = page_footer(self.lang)
        return overview_pages(self.project, by_slug, states.get(PLAN), self.lang, footer, (None, *self.audiences))


def state(target: Target, layout: Layout, manifest: Manifest) -> ReportState:
    """Whether `target`'s report is current, stale (kept from earlier), failed or missing."""
    report = target.report(layout)
    link = report.name if report.is_file() else None
    error = manifest.last_error(target.key)
    if link is None:
        return ReportState(target.slug, None, FAILED if error else MISSING, error)
    if error or manifest.stale(target.key, target.inputs.digest):
        return ReportState(target.slug, link, STALE, error)
    return ReportState(target.slug, link, CURRENT, error)
