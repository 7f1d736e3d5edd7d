"""``build(project)``: every location's report, the plan report and the overview, incrementally.

1. Work out the targets (each location, plus the plan unless only some locations are asked for)
   and the content hash of each one's inputs.
2. Skip the targets whose report is up to date (``--force`` skips nothing).
3. Run the rest on warm kernels in parallel; a failure stays with its own target.
4. Record the outcomes in the manifest, then write index.html when anything about it changed
   (``overview``: worked out while the last reports are still running).

Papermill, nbconvert and matplotlib are imported only when there is work: a build where nothing
changed only hashes files and reads the manifest, and is done in well under a second.
"""

from __future__ import annotations

import itertools
import logging
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from filelock import FileLock

from workbook.build import inputs
from workbook.build.lean import skip_unused_imports
from workbook.build.manifest import Manifest
from workbook.build.outcome import Outcome, Settings, failed
from workbook.build.overview import Overview
from workbook.build.progress import Progress
from workbook.build.targets import INDEX, LOCATION, PLAN, Layout, Target, file_stem
from workbook.errors import Problem, WorkbookError
from workbook.files.atomic import TEMP_SUFFIX
from workbook.files.validation import yaml_problems
from workbook.files.yamlio import parse
from workbook.language.i18n import Messages, language
from workbook.model import Location
from workbook.project.file_checks import ignored_files
from workbook.project.store import Project
from workbook.report.audience import Audience
from workbook.report.kept_charts import chart_cache, clear_unused
from workbook.resources import notebooks_dir, templates_dir

LOCATION_NOTEBOOK = "locatie_rapport.ipynb"
PLAN_NOTEBOOK = "plan_rapport.ipynb"
TEMPLATE = "workbook"
CELL_TIMEOUT = 600
"""Seconds one cell may take before the build gives up on that report."""

log = logging.getLogger(__name__)

msg = Messages(
    {
        "unknown_location": (
            "onbekende locatie '{slug}'; bekende locaties: {known}",
            "unknown location '{slug}'; known locations: {known}",
        ),
        "none": ("(nog geen)", "(none yet)"),
        "bad_jobs": ("--jobs moet 1 of meer zijn", "--jobs must be 1 or more"),
        "unwritable": (
            "kan de rapporten hier niet schrijven ({error}); kopieer de werkboekmap naar een plek waar je "
            "mag schrijven en bouw daar",
            "cannot write the reports here ({error}); copy the workbook folder to a place you may write to "
            "and build there",
        ),
    }
)


@dataclass
class BuildResult:
    """What a build did."""

    layout: Layout
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[Target] = field(default_factory=list)
    overview_written: bool = False
    ignored: list[Problem] = field(default_factory=list)
    """Files in the project folder the build does not read (a location file whose name is not a code)."""

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def built(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.ok]

    @property
    def index(self) -> Path:
        return self.layout.index


def build(
    project: Project,
    locations: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    lang: str | None = None,
    progress: bool | None = None,
    audiences: tuple[Audience, ...] = tuple(Audience),
) -> BuildResult:
    """Build the reports of `project` (all locations, or only `locations`, in that order), the full
    report in build/reports/ and each of `audiences`' pages in its own folder beneath it."""
    skip_unused_imports()
    lang = lang or language()
    jobs = jobs or os.cpu_count() or 1
    if jobs < 1:
        raise WorkbookError(msg("bad_jobs", lang))
    project.load_plan()  # a plan that cannot be read stops the build before any kernel starts
    layout = Layout(project.root / "build")
    try:
        layout.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(layout.lock))
        lock.acquire()  # a second build of the same project waits for the first
    except OSError as error:
        problem = Problem(file=str(layout.root), message=msg("unwritable", lang, error=error.strerror or error))
        raise WorkbookError(problem) from None
    started = time.time()
    try:
        with chart_cache(layout.charts):
            result = _build(project, layout, locations, jobs, force, lang, progress, tuple(audiences))
        if locations is None and not result.skipped and layout.charts.is_dir():  # every report drew or used its charts
            clear_unused(layout.charts, started)
    finally:
        lock.release()
    result.ignored = ignored_files(project)
    return result


def _build(
    project: Project,
    layout: Layout,
    locations: list[str] | None,
    jobs: int,
    force: bool,
    lang: str,
    progress: bool | None,
    audiences: tuple[Audience, ...],
) -> BuildResult:
    all_slugs = project.location_slugs()
    selected = _selected(locations, all_slugs, lang)
    everything = _targets(project, all_slugs, lang, audiences)
    wanted = [t for t in everything if (t.kind == PLAN and locations is None) or t.slug in selected]
    wanted.sort(key=lambda t: -1 if t.kind == PLAN else selected.index(t.slug))

    manifest = Manifest.load(layout.manifest)
    result = BuildResult(layout)
    todo: list[Target] = []
    for target in wanted:
        pages = [target.report(layout), *(target.audience_report(layout, audience) for audience in audiences)]
        fresh = manifest.up_to_date(target.key, target.inputs.digest, target.executed(layout), *pages)
        (todo if force or not fresh else result.skipped).append(target)

    for folder in (layout.notebooks, layout.reports, layout.failed):
        folder.mkdir(parents=True, exist_ok=True)
    _remove_orphans(layout, manifest, all_slugs)
    _remove_stale_temp_files(layout)
    settings = Settings(layout, lang, None, CELL_TIMEOUT, audiences)
    log.info("%d of %d reports to build, %d unchanged", len(todo), len(wanted), len(result.skipped))
    bar = Progress(len(todo), progress)
    unreadable = {t.key: error for t in todo if t.kind == LOCATION and (error := _unreadable(project, t.slug))}
    runnable = _longest_first([t for t in todo if t.key not in unreadable], manifest)
    refused = (failed(t, time.perf_counter(), unreadable[t.key]) for t in todo if t.key in unreadable)
    overview = Overview(project, layout, manifest, everything, lang, force, audiences)
    running = {t.key: t for t in runnable}
    kernels = min(jobs, len(runnable))
    try:
        for outcome in itertools.chain(refused, _run(runnable, jobs, settings, project.root)):
            _record(manifest, outcome)
            _log(outcome)
            manifest.save()  # a build killed later keeps this report and does not redo it
            result.outcomes.append(outcome)
            bar.advance(outcome.target.slug or outcome.target.kind)
            running.pop(outcome.target.key, None)
            if 0 < len(running) < kernels:  # a kernel is idle: its core can draw the overview
                overview.expect(running.values())
    finally:
        bar.close()
        manifest.save()

    result.overview_written = overview.write()
    return result


def _longest_first(targets: list[Target], manifest: Manifest) -> list[Target]:
    """`targets` with those that took longest last time first (new ones before all, in their order),
    so that the kernels finish at about the same time instead of one waiting for a long last report."""

    def last_seconds(target: Target) -> float:
        entry = manifest.entries.get(target.key)
        return entry.seconds if entry is not None else math.inf

    return sorted(targets, key=last_seconds, reverse=True)


def _unreadable(project: Project, slug: str) -> str:
    """Why location `slug`'s file is not YAML at all (a syntax error, an alias bomb), or "".

    Such a file fails at once, without a kernel; a file that is YAML but holds a wrong value
    fails inside its notebook, which then shows where.
    """
    path = project.location_path(slug)
    try:
        text = path.read_text(encoding="utf-8-sig")
        parse(text)
    except yaml.YAMLError as error:
        return str(WorkbookError(yaml_problems(error, project.relative(path), text, Location, "location")))
    except (OSError, UnicodeDecodeError):
        return ""  # the notebook says what is wrong with the file
    return ""


def _selected(locations: list[str] | None, known: list[str], lang: str) -> list[str]:
    if locations is None:
        return known
    for slug in locations:
        if slug not in known:
            raise WorkbookError(msg("unknown_location", lang, slug=slug, known=", ".join(known) or msg("none", lang)))
    return list(dict.fromkeys(locations))


def _targets(project: Project, slugs: list[str], lang: str, audiences: tuple[Audience, ...]) -> list[Target]:
    """The plan target first, then one target per location, each with its input hashes (which include
    the audiences and today's date: what is late changes with the day)."""
    template = templates_dir() / TEMPLATE
    location_notebook = notebooks_dir() / LOCATION_NOTEBOOK
    plan_notebook = notebooks_dir() / PLAN_NOTEBOOK
    root = str(project.root)
    targets = [
        Target(
            LOCATION,
            slug,
            location_notebook,
            {"project": root, "location": slug},
            inputs.location_inputs(project, slug, location_notebook, template, lang, audiences),
        )
        for slug in slugs
    ]
    plan_inputs = inputs.plan_inputs(project, plan_notebook, template, lang, audiences)
    return [Target(PLAN, "", plan_notebook, {"project": root}, plan_inputs), *targets]


def _run(todo: list[Target], jobs: int, settings: Settings, cwd: Path):
    if not todo:
        return iter(())
    from workbook.build.pool import run_all  # papermill and friends: only when there is work

    return run_all(todo, jobs, settings, cwd)


def _log(outcome: Outcome) -> None:
    """One line per report in the log: built and how long it took, or why it failed."""
    name = outcome.target.slug or outcome.target.kind
    if outcome.ok:
        log.info("%s built in %.1f s", name, outcome.seconds)
    else:
        log.warning("%s failed after %.1f s: %s", name, outcome.seconds, outcome.error)


def _record(manifest: Manifest, outcome: Outcome) -> None:
    target = outcome.target
    if outcome.ok:
        manifest.succeeded(target.key, target.inputs.digest, outcome.finished, outcome.seconds)
    else:
        manifest.failed(target.key, target.inputs.digest, outcome.error, outcome.finished, outcome.seconds)


def _remove_orphans(layout: Layout, manifest: Manifest, slugs: list[str]) -> None:
    """Outputs of locations that no longer exist go, so the build folder matches the project."""
    stems = {PLAN, INDEX} | {file_stem(slug) for slug in slugs}
    kinds: tuple[tuple[Path, str], ...] = (
        (layout.notebooks, ".ipynb"),
        (layout.reports, ".html"),
        (layout.reports, ".pdf"),
        (layout.failed, ".ipynb"),
    )
    kinds += tuple((layout.audience_reports(audience), ".html") for audience in Audience)
    for folder, suffix in kinds:
        for path in folder.glob(f"*{suffix}"):
            if path.stem not in stems:
                path.unlink()
    keys = {PLAN} | {f"{LOCATION}:{slug}" for slug in slugs}
    manifest.forget(set(manifest.entries) - keys)


def _remove_stale_temp_files(layout: Layout) -> None:
    """Half-written files of a build that was killed mid-write; stale, as only one build runs at a time."""
    for folder in (layout.root, layout.notebooks, layout.reports, layout.failed):
        for stale in folder.glob(f".*{TEMP_SUFFIX}"):
            stale.unlink(missing_ok=True)
