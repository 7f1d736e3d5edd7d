"""Errors that speak the user's language and name the file, the line or field, and what is expected."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.language.i18n import Messages

msg = Messages(
    {
        "line": ("regel {line}", "line {line}"),
        "field": ("veld {field}", "field {field}"),
    }
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file: where it is and what is expected instead."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(msg("line", line=self.line))
        if self.field:
            where.append(msg("field", field=self.field))
        return f"{', '.join(where)}: {self.message}"


class WorkbookError(Exception):
    """A problem the user can fix; its text is ready to show."""

    def __init__(self, problems: list[Problem] | Problem | str):
        items = [problems] if isinstance(problems, (str, Problem)) else problems
        self.problems = [p if isinstance(p, Problem) else Problem(file="", message=p) for p in items]
        super().__init__("\n".join(str(p) if p.file else p.message for p in self.problems))
