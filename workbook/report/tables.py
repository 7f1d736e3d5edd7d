"""Every table of the reports, Word and Excel, declared once: a title and its columns in order.

A column is a field of the model (its label, its privacy role and how its value reads come from
the field: ``field(...)`` in ``workbook.model``) or a computed value that declares its own label and
role. ``shown`` applies the audience policy (``report.audience``) to a table's records: a column
the audience may not see is left out, free text is de-identified, client counts are the ones
small-cell protection leaves (``analysis.small_cells``), and a table whose whole list hides people
(the execution team for the client council) is hidden as a whole, for a count to stand in. The
HTML fragment ``fragments/table.html.j2``, Word (``exchange.docx_parts.declared_table``) and
Excel (``exchange.xlsx_parts.add_declared_sheet``) lay out what ``shown`` returns and decide
nothing about privacy themselves.

Add a column to a declaration here and it appears in every output that shows the table; declare
a field ``privacy="person"`` and it leaves the client council's outputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from workbook.analysis import small_cells
from workbook.analysis.costs import runbook_costs
from workbook.analysis.deid import deidentify
from workbook.analysis.small_cells import Count
from workbook.analysis.smart import CRITERIA, Outcome, check_goal
from workbook.analysis.stakeholders import quadrant
from workbook.language.i18n import Messages
from workbook.language.locale import format_count, format_number, has_cents
from workbook.model import (
    Action,
    AnchoringGroup,
    Assumption,
    AssumptionOutcome,
    Basics,
    Characteristic,
    ClientCriterion,
    Clients,
    CommunicationAction,
    ContextFactor,
    Conversation,
    DataItem,
    Effect,
    EmbeddingItem,
    Experience,
    Goal,
    Intake,
    LocalTarget,
    Location,
    LocationEvaluation,
    Measurement,
    Member,
    PdcaCycle,
    Plan,
    Position,
    Risk,
    RunbookActivity,
    RunbookTemplateActivity,
    SimpleAction,
    SpreadPhase,
    Stakeholder,
    Status,
    SuitabilityChange,
    SystemEffect,
)
from workbook.model.fields import Choice, Privacy, field_label, field_widget, privacy_role
from workbook.model.plan import Lesson
from workbook.report.audience import Audience, Treatment, treatment

HTML, DOCX, XLSX = "html", "docx", "xlsx"

msg = Messages(
    {
        "done": ("klaar", "done"),
        "open": ("open", "open"),
        "yes": ("ja", "yes"),
        "no": ("nee", "no"),
        "unanswered": ("nog niet beantwoord", "not answered yet"),
        "before_start": ("vóór de start", "before the start"),
        "months_after_start": ("{n} mnd na de start", "{n} months after the start"),
        "target_text": ("{baseline} → {target}", "{baseline} → {target}"),
        "lesson": ("Les", "Lesson"),
        "untested": ("nog niet getoetst", "not tested yet"),
        "last_week": ("laatste week", "last week"),
        "week": ("week", "week"),
        "weeks": ("weken", "weeks"),
    }
)

POSITION_TONE = {Position.supporter: "good", Position.neutral: "neutral", Position.opponent: "bad"}
OUTCOME_TONE = {Outcome.met: "good", Outcome.not_met: "bad", Outcome.unknown: "neutral"}
OUTCOME_OF_ASSUMPTION_TONE = {
    AssumptionOutcome.confirmed: "good",
    AssumptionOutcome.adjusted: "warn",
    AssumptionOutcome.not_confirmed: "bad",
}
EFFECT_TONE = {Effect.promoting: "good", Effect.hindering: "bad"}


# --- the declaration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: a field of the table's model (or of `model`), or a computed value.

    A computed column (`get` given and no field of that name) declares `label` (nl, en) and
    `privacy`; a field column takes both from the model unless it overrides the label.
    `kind` says how the value reads (text, long, date, number, money, count, choice, bool, badges),
    from the field's type when empty. `text` turns the value into words where a format shows
    words (``text(value, lang)``); `tone` gives the HTML badge's tone per value; `missing` marks an
    empty value as missing in the HTML report; `only` names the formats that show the column
    (empty: all); `entry` is its place when the HTML lays the table out as dated entries
    ("date", "title", "text" under its label, "plain" without one, "lesson").
    """

    name: str
    label: tuple[str, str] | None = None
    privacy: Privacy | str | None = None
    get: Callable[[Any], Any] | None = None
    model: type[BaseModel] | None = None
    kind: str = ""
    text: Callable[[Any, str], str] | None = None
    tone: Mapping[Any, str] | None = None
    missing: bool = False
    only: tuple[str, ...] = ()
    entry: str = ""

    def header(self, model: type[BaseModel], lang: str) -> str:
        if self.label is not None:
            return self.label[1] if lang == "en" else self.label[0]
        return field_label(self.model or model, self.name, lang)

    def role(self, model: type[BaseModel]) -> Privacy | None:
        """The declared role: the column's own, else the field's (None: undeclared text, hidden
        from the client council like a name)."""
        if self.privacy is not None:
            return Privacy(self.privacy)
        owner = self.model or model
        if self.name in owner.model_fields:
            return privacy_role(owner, self.name)
        return None

    def value(self, record: Any) -> Any:
        return self.get(record) if self.get is not None else getattr(record, self.name)

    def value_kind(self, model: type[BaseModel]) -> str:
        if self.kind:
            return self.kind
        owner = self.model or model
        if self.role(model) == Privacy.client_count:
            return "count"
        if self.name not in owner.model_fields:
            return "text"
        widget = field_widget(owner, self.name)
        if widget == "money":
            return "money"
        if widget == "longtext":
            return "long"
        return _kind_of(owner.model_fields[self.name].annotation)

    def shows_in(self, fmt: str) -> bool:
        return not self.only or fmt in self.only


def _kind_of(annotation: Any) -> str:
    args = [a for a in get_args(annotation) if a is not type(None)]
    if args and get_origin(annotation) not in (list, tuple, set):
        annotation = args[0]
    if annotation is bool:
        return "bool"
    if isinstance(annotation, type) and issubclass(annotation, Choice):
        return "choice"
    if annotation is dt.date:
        return "date"
    if annotation in (int, float):
        return "number"
    return "text"


@dataclass(frozen=True)
class Table:
    """A table: records of `model`, in the columns `columns`.

    `source` is the list field the records come from (``(Location, "team")``): its label is the
    table's title, and when the audience policy hides that field as a whole the table is hidden
    and a count stands in. `parents` are the columns that name a record's parent (a goal, a
    location) where a format lists every parent's records in one flat table (Word, Excel).
    `flag` marks a row that needs attention; it reads `flag_reads`, and marks nothing for an
    audience that may not see one of those. `totals` sums the money columns for the table's foot.
    """

    key: str
    model: type[BaseModel]
    columns: tuple[Column, ...]
    source: tuple[type[BaseModel], str] | None = None
    parents: tuple[Column, ...] = ()
    parent_model: type[BaseModel] | None = None
    flag: Callable[[Any], bool] | None = None
    flag_reads: tuple[str, ...] = ()
    totals: Callable[[Sequence[Any]], Mapping[str, float]] | None = None

    def title(self, lang: str) -> str:
        if self.source is None:
            return ""
        return field_label(self.source[0], self.source[1], lang)


# --- what an audience sees ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownColumn:
    """A column as one audience sees it: its header, the kind of its values and their words."""

    column: Column
    header: str
    kind: str
    lang: str

    @property
    def name(self) -> str:
        return self.column.name

    @property
    def css(self) -> str:
        """The HTML cell's class: numbers to the right, dates on one line."""
        return {"number": "number", "money": "number", "count": "number", "date": "nowrap"}.get(self.kind, "")

    def words(self, value: Any) -> str | None:
        """The declared words for `value` (a `text` function, a choice's label, yes or no), or None
        when the format writes the value itself (a text, a date, a number, an amount, a count)."""
        if self.column.text is not None:
            return self.column.text(value, self.lang)
        if isinstance(value, Choice):
            return value.label(self.lang)
        if isinstance(value, bool):
            return msg("yes" if value else "no", self.lang)
        return None

    def tone(self, value: Any) -> str:
        """The HTML badge's tone for `value`, or "" for plain text."""
        return self.column.tone.get(value, "") if self.column.tone else ""


@dataclass
class ShownTable:
    """A table as one audience may see it, for one format: the columns it may see and every
    record's values as it may read them (de-identified text, protected counts).

    `hidden`: the whole table is hidden (its list names people); `size` records stand behind it.
    """

    table: Table
    lang: str
    columns: list[ShownColumn]
    rows: list[list[Any]]
    flagged: list[int] = field(default_factory=list)
    foot: dict[str, float] | None = None
    hidden: bool = False
    size: int = 0

    @property
    def title(self) -> str:
        return self.table.title(self.lang)

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    @property
    def cents(self) -> bool:
        """Whether the table's amounts show cents: all of them, totals included, as soon as one has
        cents (the one money rule, ``locale.format_money``)."""
        at = [i for i, column in enumerate(self.columns) if column.kind == "money"]
        amounts = [row[i] for row in self.rows for i in at if isinstance(row[i], (int, float))]
        return has_cents([*amounts, *(self.foot or {}).values()])

    def has(self, name: str) -> bool:
        """True when the audience sees the column `name`."""
        return any(column.name == name for column in self.columns)

    def text(self, row: int, name: str) -> Any:
        """The value of column `name` in row `row` (as treated for the audience)."""
        at = next(i for i, column in enumerate(self.columns) if column.name == name)
        return self.rows[row][at]

    def __bool__(self) -> bool:
        return bool(self.rows)


def shown(
    table: Table,
    records: Sequence[Any],
    audience: Audience | None,
    lang: str,
    fmt: str = HTML,
    known: Iterable[str] = (),
    counts: Sequence[Sequence[Count]] | None = None,
    parents: Sequence[Any] | None = None,
) -> ShownTable:
    """`records` in `table`'s columns as `audience` (None: the full report) may see them in `fmt`.

    `known`: the project's own capitalised words, which de-identified text keeps. `counts`: per
    record, the protected counts of its client-count columns in their order (a client count is
    only shown through small-cell protection of its whole group, ``small_cells.protect``).
    `parents`: per record, its parent, for the parent columns of a flat table.
    """
    model = table.model
    if table.source is not None:
        owner, name = table.source
        if treatment(audience, privacy_role(owner, name)) == Treatment.hide:
            return ShownTable(table, lang, [], [], hidden=True, size=len(records))
    words = frozenset(known)
    own = [c for c in table.columns if c.shows_in(fmt)]
    parent_columns = [c for c in table.parents if c.shows_in(fmt)] if parents is not None else []
    visible = [c for c in own if treatment(audience, c.role(model)) != Treatment.hide]
    visible_parents = [
        c for c in parent_columns if treatment(audience, c.role(table.parent_model or model)) != Treatment.hide
    ]
    header_model = table.parent_model or model
    columns = [ShownColumn(c, c.header(header_model, lang), c.value_kind(header_model), lang) for c in visible_parents]
    columns += [ShownColumn(c, c.header(model, lang), c.value_kind(model), lang) for c in visible]
    protected = [c for c in own if treatment(audience, c.role(model)) == Treatment.protect]
    rows = []
    for index, record in enumerate(records):
        row = [c.value(parents[index]) for c in visible_parents] if parents is not None else []
        for column in visible:
            match treatment(audience, column.role(model)):
                case Treatment.protect:
                    if counts is None:
                        raise ValueError(f"{table.key}: client counts need their group's protection (counts=)")
                    row.append(counts[index][protected.index(column)])
                case Treatment.deidentify:
                    row.append(deidentify(str(column.value(record) or ""), words))
                case _:
                    row.append(column.value(record))
        rows.append(row)
    reads = set(table.flag_reads)
    may_flag = table.flag is not None and reads <= {c.name for c in visible}
    flagged = [i for i, record in enumerate(records) if may_flag and table.flag and table.flag(record)]
    foot = None
    if table.totals is not None and records:
        totals = table.totals(records)
        foot = {name: value for name, value in totals.items() if any(c.name == name for c in visible)}
    return ShownTable(table, lang, columns, rows, flagged, foot, size=len(records))


# --- helpers for declarations ----------------------------------------------------------------------


def _done(value: bool, lang: str) -> str:
    return msg("done" if value else "open", lang)


def _yes_no(value: bool | None, lang: str) -> str:
    return msg("unanswered", lang) if value is None else msg("yes" if value else "no", lang)


def _due(value: int | None, lang: str) -> str:
    if value is None:
        return "–"
    if value == 0:
        return msg("before_start", lang)
    return msg("months_after_start", lang, n=value)


def _before_end(value: int | None, lang: str) -> str:
    """Where an activity stands when planned back from the end, under "Vóór het einde": "3 weken"."""
    if value is None:
        return ""
    if value == 0:
        return msg("last_week", lang)
    return format_count(value, msg("week", lang), msg("weeks", lang), lang)


def _amount(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_number(value, lang, None if float(value).is_integer() else 1)


def _target_text(lang: str) -> Callable[[Goal], str]:
    def text(goal: Goal) -> str:
        target = msg("target_text", lang, baseline=_amount(goal.baseline, lang), target=_amount(goal.target, lang))
        return f"{target} {goal.unit}".strip()

    return text


def smart_badges(goal: Goal) -> list[tuple[str, str]]:
    """The SMART letters of `goal`, each with its badge's tone."""
    verdict = check_goal(goal, "nl")
    return [(letter, OUTCOME_TONE[verdict[letter].outcome]) for letter in CRITERIA]


DONE = Column("done", text=_done)
WHEN = Column("when", kind="date")


# --- the location's tables -------------------------------------------------------------------------

TEAM = Table("team", Member, (Column("name"), Column("role")), source=(Location, "team"))
WORKING_GROUP = Table("working_group", Member, (Column("name"), Column("role")), source=(Basics, "working_group"))

LOCATION_PARENT = (Column("location", label=("Locatie", "Location"), privacy=Privacy.public, get=lambda loc: loc.name),)

RUNBOOK = Table(
    "runbook",
    RunbookActivity,
    (
        Column("activity"),
        Column("person", missing=True),
        Column("start"),
        Column("end"),
        Column("weeks_before_end", label=("Vóór het einde", "Before the end"), kind="text", text=_before_end),
        Column("one_off_cost"),
        Column("structural_cost"),
        Column("status"),
    ),
    source=(Location, "runbook"),
    parents=LOCATION_PARENT,
    parent_model=Location,
    flag=lambda a: (
        a.status in (Status.todo, Status.busy) and (not a.person.strip() or (a.start is None and a.end is None))
    ),
    flag_reads=("person", "start", "end"),
    totals=lambda activities: {
        "one_off_cost": runbook_costs(activities).one_off,
        "structural_cost": runbook_costs(activities).structural,
    },
)

CRITERIA_TABLE = Table(
    "criteria",
    ClientCriterion,
    (Column("criterion"), Column("kind"), Column("count"), Column("reason")),
    source=(Clients, "criteria"),
    parents=LOCATION_PARENT,
    parent_model=Location,
)
CHANGES_TABLE = Table(
    "changes",
    SuitabilityChange,
    (Column("date"), Column("count"), Column("reason")),
    source=(Clients, "changes"),
    parents=LOCATION_PARENT,
    parent_model=Location,
)


def targets_table(plan: Plan) -> Table:
    """A location's own targets, each with the text of its goal in the plan."""

    def goal_text(target: LocalTarget) -> str:
        goal = plan.goal(target.goal_id)
        return goal.text if goal else ""

    return Table(
        "targets",
        LocalTarget,
        (
            Column("goal_id"),
            Column("text", model=Goal, get=goal_text),
            Column("target"),
            Column("note"),
        ),
        source=(Location, "targets"),
    )


MEASUREMENTS = Table(
    "measurements",
    Measurement,
    (Column("goal_id"), Column("date"), Column("value"), Column("note")),
    source=(Location, "measurements"),
)

EXPERIENCES = Table(
    "experiences",
    Experience,
    (
        Column("date", entry="date"),
        Column("kind"),
        Column("description", entry="plain"),
        Column("lesson", label=None, entry="lesson"),
    ),
    source=(Location, "experiences"),
    parents=LOCATION_PARENT,
    parent_model=Location,
)

INTAKE = Table(
    "intake",
    Intake,
    (Column("newcomer"), Column("who_explains"), Column("role")),
    source=(Location, "intake"),
)

EVALUATIONS = Table(
    "evaluations",
    LocationEvaluation,
    (
        Column("date", entry="date"),
        Column("achieved", entry="text"),
        Column("learned", entry="text"),
        Column("feedback", entry="text"),
    ),
    source=(Location, "evaluations"),
)


# --- the plan's tables -----------------------------------------------------------------------------

CONTEXT_FACTORS = Table(
    "factors",
    ContextFactor,
    (
        Column("id"),
        Column("description"),
        Column("group"),
        Column("effect", tone=EFFECT_TONE),
        Column("weight"),
        Column("source", only=(DOCX,)),
    ),
)

GOAL_PARENT = (
    Column("goal_id", model=Measurement, privacy=Privacy.public, get=lambda goal: goal.id),
    Column(
        "goal", label=("Doel", "Goal"), privacy=Privacy.public, get=lambda goal: goal.text, kind="long", only=(XLSX,)
    ),
)


def goals_table(lang: str) -> Table:
    """The SMART goals; the baseline and target as one "0 → 80 %" column where words are read,
    as numbers in Excel."""
    return Table(
        "goals",
        Goal,
        (
            Column(
                "goal",
                label=(field_label(Goal, "text", "nl"), field_label(Goal, "text", "en")),
                privacy=privacy_role(Goal, "text"),
                get=lambda goal: f"{goal.id} {goal.text}",
                only=(HTML,),
            ),  # in HTML the goal leads its row: in print, above its values
            Column("id", only=(DOCX, XLSX)),
            Column("text", only=(DOCX, XLSX)),
            Column("kind"),
            Column("indicator"),
            Column(
                "target_text",
                label=(
                    f"{field_label(Goal, 'baseline', 'nl')} → {field_label(Goal, 'target', 'nl')}",
                    f"{field_label(Goal, 'baseline', 'en')} → {field_label(Goal, 'target', 'en')}",
                ),
                privacy=Privacy.public,
                get=_target_text(lang),
                only=(HTML, DOCX),
            ),
            Column("baseline", only=(XLSX,)),
            Column("target", only=(XLSX,)),
            Column("unit", only=(XLSX,)),
            Column(
                "smart", label=("SMART", "SMART"), privacy=Privacy.public, get=smart_badges, kind="badges", only=(HTML,)
            ),
            Column("deadline"),
            Column("due_after_start", kind="text", text=_due),
            Column("owner"),
            Column("term", only=(XLSX,)),
        ),
        source=(Plan, "goals"),
    )


ACTIONS = Table(
    "actions",
    Action,
    (
        Column("text"),
        Column("who"),
        WHEN,
        DONE,
        Column("target_group", only=(XLSX,)),
        Column("factor_id", only=(XLSX,)),
    ),
    source=(Goal, "actions"),
    parents=GOAL_PARENT,
    parent_model=Goal,
)

DATA_COLLECTION = Table(
    "data_collection",
    DataItem,
    tuple(Column(name) for name in ("goal_id", "data", "recorder", "method", "frequency", "system", "feedback")),
    source=(Plan, "data_collection"),
)

COMMUNICATION_ACTIONS = Table(
    "communication_actions",
    CommunicationAction,
    (Column("purpose"), Column("form"), Column("who"), WHEN, DONE),
)

STAKEHOLDERS = Table(
    "stakeholders",
    Stakeholder,
    (
        Column("name"),
        Column("role"),
        Column("power"),
        Column("interest"),
        Column("position", tone=POSITION_TONE),
        Column(
            "quadrant",
            label=("Kwadrant", "Quadrant"),
            privacy=Privacy.public,
            get=lambda s: quadrant(s.power, s.interest),
            kind="choice",
        ),
        Column("strategy"),
        Column("stake", only=(XLSX,)),
        Column("next_step"),
    ),
    source=(Plan, "stakeholders"),
)

CONVERSATIONS = Table(
    "conversations",
    Conversation,
    tuple(Column(name) for name in ("date", "care_provider", "client", "funder", "innovator")),
    source=(Plan, "conversations"),
)


def _untested(value: AssumptionOutcome | None, lang: str) -> str:
    return value.label(lang) if value is not None else msg("untested", lang)


ASSUMPTIONS = Table(
    "assumptions",
    Assumption,
    (
        Column("assumption"),
        Column("outcome", text=_untested, tone=OUTCOME_OF_ASSUMPTION_TONE),
        Column("follow_up"),
    ),
    source=(Conversation, "assumptions"),
    parents=(
        Column(
            "conversation",
            label=("Gesprek van", "Conversation of"),
            privacy=Privacy.public,
            get=lambda conversation: conversation.date,
            kind="date",
        ),
    ),
    parent_model=Conversation,
)

SPREAD_PHASES = Table("phases", SpreadPhase, tuple(Column(n) for n in ("name", "description", "start", "end")))
CHARACTERISTICS = Table("characteristics", Characteristic, tuple(Column(n) for n in ("key", "score", "handling")))
SYSTEM_EFFECTS = Table("system_effects", SystemEffect, tuple(Column(n) for n in ("who", "expected", "needs", "phase")))
RISKS = Table("risks", Risk, tuple(Column(n) for n in ("risk", "likelihood", "impact", "mitigation")))
CHECKLIST = Table("checklist", EmbeddingItem, (Column("area"), Column("embedded", text=_yes_no), Column("notes")))
ANCHORING = Table("anchoring", AnchoringGroup, tuple(Column(n) for n in ("group", "ring", "meaning", "change")))
SUSTAINMENT_ACTIONS = Table("sustainment_actions", SimpleAction, (Column("text"), Column("who"), WHEN, DONE))
PDCA_CYCLES = Table(
    "cycles",
    PdcaCycle,
    (
        Column("title", entry="title"),
        Column("date", entry="date"),
        *(Column(name, entry="text") for name in ("plan", "do", "check", "act")),
    ),
)
LESSONS = Table("lessons", Lesson, (Column("date", entry="date"), Column("lesson", entry="plain")))
RUNBOOK_TEMPLATE = Table(
    "runbook_template",
    RunbookTemplateActivity,
    (
        Column("week"),
        Column("weeks_before_end", label=("Vóór het einde", "Before the end"), kind="text", text=_before_end),
        *(Column(n) for n in ("activity", "one_off_cost", "structural_cost")),
    ),
)


# --- client counts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientTables:
    """A location's client counts as an audience sees them: the criteria (inclusion first) and the
    revised assessments, each count through small-cell protection of the whole section."""

    protected: small_cells.ProtectedClients
    criteria: ShownTable
    changes: ShownTable


def client_tables(
    clients: Clients,
    audience: Audience | None,
    lang: str,
    fmt: str = HTML,
    known: Iterable[str] = (),
    parent: Any = None,
) -> ClientTables:
    """The client tables of one location (`parent`, for the parent column of a flat table)."""
    criteria, protected = small_cells.protect_listed(clients)

    def table(declared: Table, records: list, counts: Sequence[Count]) -> ShownTable:
        parents = None if parent is None else [parent] * len(records)
        return shown(declared, records, audience, lang, fmt, known, [(c,) for c in counts], parents)

    return ClientTables(
        protected,
        table(CRITERIA_TABLE, criteria, protected.criteria),
        table(CHANGES_TABLE, clients.changes, protected.changes),
    )


def joined(table: Table, parts: Iterable[ShownTable], audience: Audience | None, lang: str, fmt: str) -> ShownTable:
    """The rows of `parts` (the same flat `table`, each for one parent) one after the other."""
    whole = shown(table, [], audience, lang, fmt, parents=[])
    for part in parts:
        whole.rows += part.rows
        whole.size += part.size
    return whole


def entries(table: ShownTable) -> list[dict[str, Any]]:
    """The rows of `table` as dated entries (``fragments/macros.html.j2``, ``entries``): a date, a
    title and the non-empty texts, each under its column's header ("plain": none; "lesson": inline)."""
    result = []
    for row in table.rows:
        entry: dict[str, Any] = {"date": None, "title": "", "parts": []}
        for column, value in zip(table.columns, row, strict=True):
            place = column.column.entry
            if place == "date":
                entry["date"] = value
            elif place == "title":
                entry["title"] = value
            elif place and str(value or "").strip():
                heading = "" if place == "plain" else column.header
                if place == "lesson":
                    heading = msg("lesson", table.lang) + ": "
                entry["parts"].append((heading, value, "lesson" if place == "lesson" else "text"))
        result.append(entry)
    return result
