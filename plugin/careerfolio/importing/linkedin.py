"""A LinkedIn data export ("Get a copy of your data") read into records.

Each CSV file the import uses is a `Table`: its columns under careerfolio's
names, with the header names LinkedIn has given them across versions and
languages, and a function from a row to a record. Everything else in the
export (messages, ads, invitations) is never opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careerfolio.content.dates import PartialDate
from careerfolio.importing.csvtables import Row, read_export_files, read_table
from careerfolio.importing.exportdates import UnreadableDate, parse_export_date
from careerfolio.importing.imported import ImportedRecord, Note, Origin, ReadResult

_UNSET_LEVEL = 3


class _Skip(Exception):
    """A row that cannot become a record; its note says why."""

    def __init__(self, note: Note) -> None:
        super().__init__(note.message)
        self.note = note


def _date(row: Row, column: str, origin: Origin, heading: str) -> PartialDate | None:
    try:
        return parse_export_date(row.get(column))
    except UnreadableDate as exc:
        raise _Skip(Note(origin, f"{exc}; this record was not imported", row.heading(column, heading))) from None


def _required(row: Row, column: str, origin: Origin, heading: str) -> str:
    value = row.get(column)
    if not value:
        raise _Skip(Note(origin, "is empty; this record was not imported", row.heading(column, heading)))
    return value


def _month(date: PartialDate | None, origin: Origin, heading: str, notes: list[Note]) -> str | None:
    """A role's date needs a month: a year alone becomes January of it, and a note says so."""
    if date is None:
        return None
    if date.month is None:
        notes.append(Note(origin, "has a year without a month; January was written, correct it if you know the month", heading, False))
        return f"{date.year:04d}-01"
    return str(date)


def _body(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _profile(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    name = " ".join(part for part in (row.get("first_name"), row.get("last_name")) if part)
    if not name:
        raise _Skip(Note(origin, "is empty; the profile was not imported", "First Name"))
    values = {"name": name, "headline": row.get("headline"), "location": row.get("location")}
    return ImportedRecord("profile", values, origin, _body(row.text("summary")))


def _role(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    organization = _required(row, "organization", origin, "Company Name")
    title = _required(row, "title", origin, "Title")
    start = _date(row, "start", origin, "Started On")
    end = _date(row, "end", origin, "Finished On")
    if start is None:
        raise _Skip(Note(origin, "is empty, and a role needs its start; this role was not imported", row.heading("start", "Started On")))
    values = {
        "organization": organization,
        "title": title,
        "start": _month(start, origin, row.heading("start", "Started On"), notes),
        "end": _month(end, origin, row.heading("end", "Finished On"), notes),
        "location": row.get("location"),
    }
    return ImportedRecord("role", values, origin, _body(row.text("description")))


def _skill(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    # LinkedIn keeps no level, and the format needs one: the middle of the scale, and a line asking for the real one.
    values = {"name": _required(row, "name", origin, "Name"), "level": _UNSET_LEVEL}
    return ImportedRecord(
        "skill", values, origin, "Imported from LinkedIn, which keeps no level: set `level` to where you stand (1 novice to 5 expert)."
    )


def _education(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "institution": _required(row, "institution", origin, "School Name"),
        "degree": row.get("degree"),
        "start": _text_date(_date(row, "start", origin, "Start Date")),
        "end": _text_date(_date(row, "end", origin, "End Date")),
    }
    return ImportedRecord("education", values, origin, _body(row.text("notes"), row.text("activities")))


def _certification(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "name": _required(row, "name", origin, "Name"),
        "issuer": row.get("issuer"),
        "date": _text_date(_date(row, "start", origin, "Started On")),
        "expires": _text_date(_date(row, "end", origin, "Finished On")),
        "url": row.get("url"),
    }
    return ImportedRecord("certification", values, origin)


def _project(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "name": _required(row, "name", origin, "Title"),
        "start": _text_date(_date(row, "start", origin, "Started On")),
        "end": _text_date(_date(row, "end", origin, "Finished On")),
        "url": row.get("url"),
    }
    return ImportedRecord("project", values, origin, _body(row.text("description")))


def _language(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {"language": _required(row, "name", origin, "Name"), "fluency": row.get("fluency")}
    return ImportedRecord("language", values, origin)


def _publication(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "title": _required(row, "title", origin, "Name"),
        "date": _text_date(_date(row, "date", origin, "Published On")),
        "venue": row.get("venue"),
        "url": row.get("url"),
    }
    return ImportedRecord("publication", values, origin, _body(row.text("description")))


def _award(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "title": _required(row, "title", origin, "Title"),
        "awarder": row.get("awarder"),
        "date": _text_date(_date(row, "date", origin, "Issued On")),
    }
    return ImportedRecord("award", values, origin, _body(row.text("description")))


def _contact(row: Row, origin: Origin, notes: list[Note]) -> ImportedRecord:
    name = " ".join(part for part in (row.get("first_name"), row.get("last_name")) if part)
    if not name:
        # LinkedIn leaves names out for members who chose so; nothing identifies the row then.
        raise _Skip(Note(origin, "is empty; this contact was not imported", "First Name"))
    values = {
        "name": name,
        "organization": row.get("organization"),
        "position": row.get("position"),
        "met": _text_date(_date(row, "met", origin, "Connected On")),
    }
    url = row.get("url")
    return ImportedRecord("contact", values, origin, f"LinkedIn profile: <{url}>" if url.startswith("https://") else "")


def _text_date(date: PartialDate | None) -> str | None:
    return str(date) if date is not None else None


@dataclass(frozen=True)
class Table:
    """One CSV file of the export and how its rows become records."""

    file: str
    kind: str
    columns: dict[str, tuple[str, ...]]  # careerfolio's name → the header names LinkedIn has used, its current English one first
    required: tuple[str, ...]
    build: Callable[[Row, Origin, list[Note]], ImportedRecord]
    first_row_only: bool = False


_NAMES = {"first_name": ("First Name", "Vorname", "Prénom", "Nombre"), "last_name": ("Last Name", "Nachname", "Nom", "Apellidos")}
_STARTED = ("Started On", "Start Date", "Begonnen am", "Beginn", "Date de début", "Fecha de inicio")
_FINISHED = ("Finished On", "End Date", "Beendet am", "Ende", "Date de fin", "Fecha de finalización")

TABLES: tuple[Table, ...] = (
    Table(
        "Profile.csv",
        "profile",
        {
            **_NAMES,
            "headline": ("Headline", "Überschrift", "Titre"),
            "summary": ("Summary", "Zusammenfassung", "Résumé"),
            "location": ("Geo Location", "Location", "Standort"),
        },
        ("first_name",),
        _profile,
        first_row_only=True,
    ),
    Table(
        "Positions.csv",
        "role",
        {
            "organization": ("Company Name", "Company", "Firmenname", "Unternehmen", "Entreprise", "Empresa"),
            "title": ("Title", "Position", "Titel", "Titre", "Cargo"),
            "description": ("Description", "Beschreibung"),
            "location": ("Location", "Ort", "Standort", "Lieu", "Ubicación"),
            "start": _STARTED,
            "end": _FINISHED,
        },
        ("organization", "title"),
        _role,
    ),
    Table("Skills.csv", "skill", {"name": ("Name", "Skill", "Kenntnis", "Compétence", "Aptitud")}, ("name",), _skill),
    Table(
        "Education.csv",
        "education",
        {
            "institution": ("School Name", "School", "Schule", "Établissement"),
            "degree": ("Degree Name", "Degree", "Abschluss", "Diplôme"),
            "notes": ("Notes", "Notizen"),
            "activities": ("Activities", "Aktivitäten"),
            "start": ("Start Date", *_STARTED),
            "end": ("End Date", *_FINISHED),
        },
        ("institution",),
        _education,
    ),
    Table(
        "Certifications.csv",
        "certification",
        {"name": ("Name",), "issuer": ("Authority", "Issuer", "Aussteller"), "url": ("Url", "URL"), "start": _STARTED, "end": _FINISHED},
        ("name",),
        _certification,
    ),
    Table(
        "Projects.csv",
        "project",
        {
            "name": ("Title", "Name", "Titel"),
            "description": ("Description", "Beschreibung"),
            "url": ("Url", "URL"),
            "start": _STARTED,
            "end": _FINISHED,
        },
        ("name",),
        _project,
    ),
    Table(
        "Languages.csv",
        "language",
        {"name": ("Name", "Language", "Sprache"), "fluency": ("Proficiency", "Kenntnisse")},
        ("name",),
        _language,
    ),
    Table(
        "Publications.csv",
        "publication",
        {
            "title": ("Name", "Title", "Titel"),
            "date": ("Published On", "Date", "Veröffentlicht am"),
            "venue": ("Publisher", "Verlag"),
            "url": ("Url", "URL"),
            "description": ("Description", "Beschreibung"),
        },
        ("title",),
        _publication,
    ),
    Table(
        "Honors.csv",
        "award",
        {
            "title": ("Title", "Titel"),
            "awarder": ("Issuer", "Aussteller"),
            "date": ("Issued On", "Date", "Ausgestellt am"),
            "description": ("Description", "Beschreibung"),
        },
        ("title",),
        _award,
    ),
    Table(
        "Connections.csv",
        "contact",
        {
            **_NAMES,
            "url": ("URL", "Profile URL"),
            "organization": ("Company", "Unternehmen", "Entreprise", "Empresa"),
            "position": ("Position", "Titel", "Poste", "Cargo"),
            "met": ("Connected On", "Verbunden am", "Date de connexion", "Conectado el"),
        },
        ("first_name", "last_name"),
        _contact,
    ),
)


def read_linkedin(path: Path, contacts: bool) -> ReadResult:
    """The records of the export at `path`; contacts only when asked for, since they are other people's data."""
    files = read_export_files(path)
    result = ReadResult()
    for table in TABLES:
        data = files.get(table.file.casefold())
        if data is None:
            result.notes.append(
                Note(Origin(table.file), f"is not in the export; no {table.kind} records were imported from it", left_out=False)
            )
            continue
        rows, notes = read_table(table.file, data, table.columns, table.required)
        if table.kind == "contact" and not contacts:
            # Rows that could not be read are connections too; without --contacts none is looked at further.
            result.contacts_not_read = len(rows) + sum(1 for note in notes if note.origin.line is not None)
            continue
        result.notes.extend(notes)
        for row in rows[:1] if table.first_row_only else rows:
            origin = Origin(table.file, row.line)
            try:
                result.records.append(table.build(row, origin, result.notes))
            except _Skip as skipped:
                result.notes.append(skipped.note)
    return result
