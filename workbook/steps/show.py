"""``show_step``: the one call in a step notebook. A form for people, a static summary for papermill."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w
from IPython.display import HTML, display
from markupsafe import Markup

from workbook.errors import WorkbookError
from workbook.forms import Form
from workbook.forms.debounce import Debouncer
from workbook.forms.form import SAVE_DELAY
from workbook.forms.versions_panel import VersionsPanel
from workbook.language.i18n import Messages, language
from workbook.model import Location, Plan
from workbook.model.steps import Step, step_named
from workbook.portfolio.store import PortfolioFolder
from workbook.project.session import find_project, interactive
from workbook.project.store import Project
from workbook.report.location import LocationReport
from workbook.report.render import line, render
from workbook.settings import Settings
from workbook.steps.adopt import StrategyAdopter
from workbook.steps.feedback import Situation, feedback_html
from workbook.steps.page_open import requested_author, requested_location, requested_project, when_opened
from workbook.steps.summary import Part, summary_html, value_parts

msg = Messages(
    {
        "feedback": ("Terugkoppeling", "Feedback"),
        "location": ("Locatie", "Location"),
        "choose": ("Kies een locatie", "Choose a location"),
        "new": ("Nieuwe locatie", "New location"),
        "add": ("Toevoegen", "Add"),
        "step": ("Stap {number} · {title}", "Step {number} · {title}"),
        "report": ("Zo leest het rapport van deze locatie", "This is how the location's report reads"),
        "no_locations": (
            "Er zijn nog geen locaties. Voeg er hieronder een toe.",
            "There are no locations yet. Add one below.",
        ),
        "opening": ("Het project wordt geopend…", "The project is opening…"),
        "choose_project": (
            "Kies het project op de startpagina (Start, bovenaan).",
            "Choose the project on the start page (Start, at the top).",
        ),
    }
)

# The sections of the location report, in the order of notebooks/09_locatie.ipynb.
REPORT_SECTIONS = (
    "header",
    "summary",
    "team",
    "runbook",
    "clients",
    "measurements",
    "sustainability",
    "experiences",
    "intake",
    "evaluation",
)


def show_step(step: str, project: str = "", location: str = "") -> None:
    """Show step `step` of `project` (optionally for one location): a live form when
    ``WORKBOOK_INTERACTIVE=1``, else a static summary that never waits for input."""
    chosen = step_named(step)
    portfolio = Settings.current().portfolio
    if interactive() and portfolio and not project:  # `workbook workshop` on a portfolio
        display(PortfolioStepPage(chosen, PortfolioFolder(portfolio), location).widget)
        return
    found = find_project(project)
    if interactive():
        view = StepView(chosen, found, location or _address_location(chosen), author=requested_author())
        if not when_opened(view.open_for_a_page):  # a pre-heated kernel waits for its page first
            view.start_watching()
        display(view.widget)
    else:
        display(HTML(static_html(chosen, found, location)))


def _address_location(step: Step) -> str:
    """The location of the page's address, for the step done per location (others have none)."""
    return requested_location() if step.per_location else ""


def static_html(step: Step, project: Project, location: str = "", lang: str | None = None) -> str:
    """The step's sections as tables and its feedback as text and charts (the location step: per
    location, every location when `location` is empty)."""
    lang = lang or language()
    plan = project.load_plan()
    locations = project.load_locations()
    places: list[tuple[str, Plan | Location, Situation]]
    if step.per_location:
        chosen = [project.load_location(location)] if location else locations
        places = [(place.name, place, Situation(plan, lang, place, locations)) for place in chosen]
    else:
        places = [("", plan, Situation(plan, lang, locations=locations))]
    view = [
        (
            name,
            Markup(summary_html(_sections(step, record, lang), lang)),
            Markup(feedback_html(step.feedback, situation)),
        )
        for name, record, situation in places
    ]
    return _html("static.html.j2", lang, places=view)


def _sections(step: Step, record: Plan | Location, lang: str) -> list[Part]:
    """The parts of the summary of the step's sections of `record` (the plan or a location)."""
    return [part for s in step.sections for part in value_parts(type(record), s.name, getattr(record, s.name), lang)]


def report_preview(situation: Situation) -> str:
    """The stakeholder report of the chosen location as it stands, below the location's form."""
    if situation.location is None:
        return ""
    report = LocationReport(situation.plan, situation.location, situation.lang, dt.date.today())
    sections = [getattr(report, name)() for name in REPORT_SECTIONS]
    return _html("report_preview.html.j2", situation.lang, sections=sections)


def style() -> str:
    """The styles of the step forms and summaries (a sticky status bar, tables with lines)."""
    return _html("style.html.j2", "nl")


def _html(template: str, lang: str, **view: object) -> str:
    return str(render(f"steps/{template}", msg, lang, **view))


class StepView:
    """A step for people: (a location picker,) the form, and feedback that redraws after each save."""

    def __init__(
        self,
        step: Step,
        project: Project,
        location: str = "",
        lang: str | None = None,
        delay: float = SAVE_DELAY,
        watch: bool = False,
        author: str = "",
        project_name: str = "",
    ):
        self.step = step
        self.project_name = project_name
        """Shown with the step's title when a room works on several projects (a portfolio)."""
        self.author = author
        """Who is at the page (see ``Form.author``)."""
        self.watch = watch
        self.project = project
        self.lang = lang or language()
        self.delay = delay
        self.form: Form | None = None
        self.location = location
        self.loaded: tuple[int, ...] = ()
        self.locations = project.load_locations()
        self.feedback = w.HTML()
        self.redraw = Debouncer(delay, self._draw_feedback)
        self.body = w.VBox()
        self.report = w.HTML()
        parts = [w.HTML(style()), self.body, w.HTML(line(msg("feedback", self.lang), tag="h3")), self.feedback]
        self.adopter = StrategyAdopter(project, self.lang) if "factor_strategies" in step.feedback else None
        if self.adopter:
            parts.append(self.adopter.widget)
        if step.per_location:
            parts.insert(1, self._picker(location))
            parts.append(self.report)
        self.widget = w.VBox(parts)
        if location or not step.per_location:
            self.open(location)

    def open(self, location: str = "") -> Form:
        """Show the form (for `location` in the location step), its earlier versions and its feedback."""
        sections = [section.name for section in self.step.sections]
        self.versions = VersionsPanel(self.project, sections, location, self.lang, lambda: self._reload(location))
        return self._reload(location)

    def _reload(self, location: str) -> Form:
        """A fresh form from the files (after opening, or after an earlier version was put back)."""
        if self.form is not None:
            self.form.close()
        self.location = location
        self.loaded = self._signature(location)
        title = msg("step", self.lang, number=self.step.number, title=self.step.title(self.lang))
        names = {place.slug: place.name for place in self.locations}
        if location in names:
            title += f" · {msg('location', self.lang)}: {names[location]}"
        if self.project_name:
            title += f" · {self.project_name}"
        self.form = Form(
            self.project,
            list(self.step.blocks),
            location,
            self.lang,
            self.delay,
            title=title,
            watch=self.watch,
            author=self.author,
        )
        self.form.on_saved(lambda _: self.redraw.trigger())
        self.body.children = [self.form.widget, self.versions.widget]
        self._draw_feedback()
        return self.form

    def refresh(self, location: str = "") -> None:
        """Bring a form that was built earlier (a pre-heated workshop page) up to date as it is
        opened: show `location` if one was asked for, and re-read the files if someone saved since."""
        if self.step.per_location:
            self.locations = self.project.load_locations()
            self.picker.options = [(msg("choose", self.lang), ""), *((p.name, p.slug) for p in self.locations)]
            if location and location != self.picker.value and location in {p.slug for p in self.locations}:
                self.picker.value = location  # opens the form of that location
                return
        if self.form is not None and self._signature(self.location) != self.loaded:
            # What others saved comes in as the live form brings it in; the feedback (charts)
            # follows a moment later, so the form is there at once.
            self.loaded = self._signature(self.location)
            self.form.refresh()
            self.redraw.trigger()

    def open_for_a_page(self, location: str = "") -> None:
        """A page took this pre-heated kernel: bring the form up to date and keep it so; its saves
        are by the participant at the page."""
        self.author = requested_author()
        if self.form is not None:
            self.form.author = self.author
        self.refresh(location)
        self.start_watching()

    def start_watching(self) -> None:
        """From now on the form shows what others save (see ``Form.watch``)."""
        self.watch = True
        if self.form is not None:
            self.form.watch()

    def _signature(self, location: str) -> tuple[int, ...]:
        """When the files behind the form last changed (0 for a file that does not exist)."""
        paths = [self.project.plan_path]
        if location:
            paths += [self.project.location_path(location), self.project.measurements_path(location)]
        return tuple(path.stat().st_mtime_ns if path.exists() else 0 for path in paths)

    def flush(self) -> None:
        """Save now and redraw the feedback now (instead of after the pause)."""
        if self.form is not None:
            self.form.flush()
        self.redraw.flush()

    def _situation(self) -> Situation:
        current = self.form.current if self.form else None
        if isinstance(current, Location):
            return Situation(self.project.load_plan(), self.lang, current, self.locations)
        return Situation(current or self.project.load_plan(), self.lang, locations=self.locations)

    def _draw_feedback(self) -> None:
        try:
            situation = self._situation()
            self.feedback.value = feedback_html(self.step.feedback, situation)
            if self.adopter:
                self.adopter.refresh(situation.plan)
            if situation.location is not None:
                self.report.value = report_preview(situation)
        except WorkbookError as error:
            self.feedback.value = line(str(error), tone="error")

    def _picker(self, location: str) -> w.Widget:
        options = [(place.name, place.slug) for place in self.locations]
        self.picker = w.Dropdown(
            options=[(msg("choose", self.lang), ""), *options],
            value=location if location in {slug for _, slug in options} else "",
            description=msg("location", self.lang),
        )
        self.picker.add_class("wb-location-picker")
        self.picker.observe(lambda change: change["new"] and self.open(change["new"]), names="value")
        self.new_name = w.Text(placeholder=msg("new", self.lang))
        self.new_name.add_class("wb-new-location")
        add = w.Button(description=msg("add", self.lang), button_style="info")
        add.on_click(lambda _: self.add_location(self.new_name.value))
        hint = [] if options else [w.HTML(line(msg("no_locations", self.lang)))]
        return w.VBox([*hint, self.picker, w.HBox([self.new_name, add])])

    def add_location(self, name: str) -> None:
        """Add a location with this name to the project and open its form."""
        if not name.strip():
            return
        place = self.project.add_location(name.strip())
        self.locations = self.project.load_locations()
        self.picker.options = [(msg("choose", self.lang), ""), *((p.name, p.slug) for p in self.locations)]
        self.new_name.value = ""
        self.picker.value = place.slug


class PortfolioStepPage:
    """A step page of ``workbook workshop`` on a portfolio: the project is the one the page's address
    names (``?project=CODE``), checked against the portfolio's projects. A pre-heated kernel does not
    know it yet: it shows that the project is opening, and builds the step once a page takes it."""

    def __init__(self, step: Step, portfolio: PortfolioFolder, location: str = "", lang: str | None = None):
        self.step = step
        self.portfolio = portfolio
        self.lang = lang or language()
        self.view: StepView | None = None
        self.error = ""
        self.widget = w.VBox([w.HTML(line(msg("opening", self.lang)))])
        if not when_opened(self.open_for_a_page):
            self.open_for_a_page(location or _address_location(step))

    def open_for_a_page(self, location: str = "") -> None:
        """Open the step on the project of the page's address; a code that is not one of the
        portfolio's projects opens nothing and says so."""
        location = location if self.step.per_location else ""
        try:
            project = self.portfolio.chosen_project(requested_project())
            name = project.load_plan().basics.project_name or project.root.name
            view = StepView(self.step, project, location, self.lang, author=requested_author(), project_name=name)
        except WorkbookError as error:
            self.error = str(error)
            message = [line(self.error, tone="error"), line(msg("choose_project", self.lang))]
            self.widget.children = [w.HTML("".join(message))]
            return
        self.view = view
        view.start_watching()
        self.widget.children = [view.widget]
