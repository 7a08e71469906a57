"""Problems found in content: what users see when a file is wrong."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum

# Characters that would break a problem's one line: line breaks of any kind and other controls.
_NOT_ON_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Words:
    """A problem's message as a message id of templates/messages (`problem.<name>`) with its values.

    The core writes the English `message` for the command line and the build log;
    a view writes the same words in the site's language from these. A value is a
    field name, a line or column number, a type's id, values the format allows,
    an id or file name, or other Words (a hint, a part of a sentence); never a value of the user's files.
    """

    id: str
    fields: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, id: str, **fields: Value) -> Words:
        return cls(id, tuple(fields.items()))


Value = str | int | Words


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
    # The field as keys and list positions, when it may hold keys the user invented (see corpus.check_source).
    field_path: tuple[str | int, ...] | None = dataclasses.field(default=None, compare=False, repr=False)
    # The message again, as words a view can put in the site's language.
    said: Words | None = dataclasses.field(default=None, compare=False, repr=False, kw_only=True)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """Render in the `file:line: severity: field: message` form linters use."""
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        subject = f"{self.field}: " if self.field else ""
        return _one_line(f"{location}: {self.severity.value}: {subject}{self.message}")


def _one_line(text: str) -> str:
    """`text` with control characters written as escapes: a file name may hold a line break."""
    return _NOT_ON_ONE_LINE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


class CareerfolioError(Exception):
    """The project's error family: what went wrong, in plain words meant for the user, never a private value.

    Adapters turn it into their own form (a PluginError, one line and an exit code).
    """


def count(problems: list[Problem]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors
