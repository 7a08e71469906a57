"""Problems found in content: what users see when a file is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """An error makes a file untrustworthy; a warning leaves it usable."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, located for a human.

    `message` never quotes a field's value: build logs of public repositories
    are public, so only field names and ids (file names) may appear in it.
    """

    path: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """Render in the `file:line: severity: field: message` form linters use."""
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        subject = f"{self.field}: " if self.field else ""
        return f"{location}: {self.severity.value}: {subject}{self.message}"


class ContentError(Exception):
    """Raised by the core when content cannot be built; carries its problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


def count(problems: list[Problem]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors
