"""What a reader hands the writer: records in the content format's terms, and notes located in the export."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Origin:
    """Where a record or a problem is in the export: a file, and a line (CSV) or a path (JSON)."""

    file: str
    line: int | None = None
    pointer: str | None = None  # such as work[2].startDate

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return f"{self.file}: {self.pointer}" if self.pointer else self.file


@dataclass(frozen=True)
class ImportedRecord:
    """One record to write: its kind (a content type, or "language", a field of the profile), front matter values, body and origin.

    Values are text, whole numbers, lists of text or lists of mappings, under the format's field names.
    """

    kind: str
    values: dict[str, Any]
    origin: Origin
    body: str = ""


@dataclass(frozen=True)
class Note:
    """Something the person should know: a skipped file, or a record left out and why.

    `message` never quotes a value from the export: the output may land in a
    public log, and the export is about a person and the people they know.
    """

    origin: Origin
    message: str
    field: str | None = None
    left_out: bool = True  # False for notes that lose nothing, such as a file the export does not have

    def format(self) -> str:
        subject = f"{self.field}: " if self.field else ""
        return f"{self.origin}: {subject}{self.message}"


@dataclass
class ReadResult:
    """Everything a reader found: records in export order, notes, and how many contacts it left unread."""

    records: list[ImportedRecord] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    contacts_not_read: int = 0


def one_line(value: Any) -> str:
    """Text from an export as one line: whitespace and line breaks collapsed."""
    return " ".join(str(value).split()) if value is not None else ""
