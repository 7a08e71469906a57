"""LinkedIn's CSV files, read however the export was made: a ZIP or its folder, a byte-order mark,
notes lines above the header, column names that differ between versions and languages.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from careerfolio.importing.imported import Note, Origin
from careerfolio.problems import CareerfolioError

# A data export is a few megabytes; a member far larger is not one, and is not unpacked into memory.
_MAX_MEMBER_BYTES = 200 * 1024 * 1024


class LinkedInExportError(CareerfolioError):
    """The export as a whole cannot be read; the message names the path and never its contents."""


def read_export_files(path: Path) -> dict[str, bytes]:
    """Every CSV file of the export at `path` (a ZIP or a folder), by its name in lower case.

    Folders inside the export are ignored: some tools unpack into a folder of
    its own, and the file names are what LinkedIn keeps stable.
    """
    try:
        if path.is_dir():
            return {p.name.casefold(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.casefold() == ".csv"}
        return _read_zip(path)
    except OSError as exc:
        where = exc.filename or path
        raise LinkedInExportError(f"{where}: cannot be read ({exc.strerror}); nothing was imported") from None


def _read_zip(path: Path) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(path) as archive:
            files = {}
            for info in archive.infolist():
                name = info.filename.rsplit("/", 1)[-1]
                if info.is_dir() or not name.casefold().endswith(".csv"):
                    continue
                if info.file_size > _MAX_MEMBER_BYTES:
                    raise LinkedInExportError(f"{path}: {name} is too large to be part of a data export; nothing was imported")
                files[name.casefold()] = archive.read(info)
            return files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise LinkedInExportError(f"{path}: is neither a folder nor a ZIP file that can be read; nothing was imported") from None


@dataclass(frozen=True)
class Row:
    """One data row: its values by careerfolio's column name, and its first line in the file."""

    line: int
    values: Mapping[str, str]
    undecodable: bool = False
    headings: Mapping[str, str] = field(default_factory=dict)  # each column's header as the file writes it

    def heading(self, column: str, default: str) -> str:
        """The column's name as the file's header writes it, for messages: "Beginn" in a German export."""
        return self.headings.get(column) or default

    def get(self, column: str) -> str:
        return " ".join(self.values.get(column, "").split())

    def text(self, column: str) -> str:
        """A column's value with its line breaks kept (for descriptions)."""
        return self.values.get(column, "").strip()


def _header_word(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").casefold().split())


# Commas as LinkedIn writes them; semicolons and tabs as spreadsheets write them when a file is saved again.
_DELIMITERS = (",", ";", "\t")


def read_table(
    file_name: str, data: bytes, columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[list[Row], list[Note]]:
    """The rows of one CSV file with `columns` (careerfolio's name → the header names it has had).

    The header is the first line naming every `required` column: LinkedIn puts
    notes above it in some files. Other columns are ignored. A row with bytes
    that are not UTF-8 comes back marked, so that its record can be left out alone.
    """
    # surrogateescape keeps undecodable bytes in their row, so one bad row costs only that row.
    # A UTF-16 byte-order mark is what a spreadsheet's "Unicode text" leaves when the file was saved from one.
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    text = data.decode(encoding, errors="surrogateescape").removeprefix("\ufeff")
    aliases = {_header_word(alias): name for name, names in columns.items() for alias in (name, *names)}
    for delimiter in _DELIMITERS:
        parsed = _parse(text, delimiter, aliases, required)
        if parsed is not None:
            break
    else:
        wanted = ", ".join(columns[name][0] if columns[name] else name for name in required)
        return [], [
            Note(Origin(file_name), f"has no header line naming the columns careerfolio reads ({wanted}); nothing was imported from it")
        ]
    rows, broken = parsed
    notes = [
        Note(Origin(file_name, row.line), f"is not {encoding.upper()} text; this record was not imported")
        for row in rows
        if row.undecodable
    ]
    if broken is not None:
        notes.append(Note(Origin(file_name, broken), "cannot be read as CSV; nothing from this line on was imported"))
    return [row for row in rows if not row.undecodable], notes


def _parse(text: str, delimiter: str, aliases: Mapping[str, str], required: tuple[str, ...]) -> tuple[list[Row], int | None] | None:
    """The rows below the header and the line csv stopped at (if it did); None when no line is the header."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: dict[int, str] | None = None
    headings: dict[str, str] = {}
    rows: list[Row] = []
    last_line = 0
    for cells in _rows(reader):
        if cells is None:  # csv cannot go on past this line (a field past its size limit)
            return (rows, last_line + 1) if header is not None else None
        first_line = last_line + 1
        last_line = reader.line_num
        if header is None:
            found = {index: aliases[_header_word(cell)] for index, cell in enumerate(cells) if _header_word(cell) in aliases}
            if set(required) <= set(found.values()):
                header = found
                headings = {name: " ".join(cells[index].replace("\ufeff", "").split()) for index, name in found.items()}
            continue
        if not any(cell.strip() for cell in cells):
            continue
        values = {name: cells[index] for index, name in header.items() if index < len(cells)}
        undecodable = any(_has_surrogates(cell) for cell in cells)
        rows.append(Row(first_line, {} if undecodable else values, undecodable, headings))
    return (rows, None) if header is not None else None


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str] | None]:
    """The reader's rows, then None if a line cannot be parsed: it ends the file, not the import."""
    try:
        yield from reader
    except csv.Error:
        yield None


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)
