"""A JSON Resume (resume.json) read into records, after a check of every field the import reads.

The check is by hand and covers only what is read: the import needs no JSON
Schema library, and a field it ignores cannot stop it. What it checks agrees
with the JSON Resume schema (version 1.3.1, in tests/schemas/), which the
tests hold it to: an object at the top, lists of objects in each section,
text in text fields, and dates written YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careerfolio.importing.imported import ImportedRecord, Note, Origin, ReadResult, one_line
from careerfolio.problems import CareerfolioError

# The schema's iso8601 definition, word for word: a year from 1000 to 2999, then optional month and day.
_ISO8601 = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$")
# JSON Resume writes a skill's level as a word; these are careerfolio's own labels and the common ones.
_SKILL_LEVELS = {
    "novice": 1,
    "beginner": 1,
    "basic": 1,
    "advanced beginner": 2,
    "elementary": 2,
    "competent": 3,
    "intermediate": 3,
    "proficient": 4,
    "advanced": 4,
    "expert": 5,
    "master": 5,
}
_UNSET_LEVEL = 3
_MAX_BYTES = 20 * 1024 * 1024


class ResumeError(CareerfolioError):
    """The file as a whole cannot be read; nothing is imported. The message never quotes its contents."""


class _Bad(Exception):
    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message


class _Item:
    """One object of a section, whose fields are checked as they are read."""

    def __init__(self, data: dict[str, Any], pointer: str) -> None:
        self.data = data
        self.pointer = pointer

    def text(self, name: str, required: bool = False) -> str | None:
        value = self.data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise _Bad(f"{self.pointer}.{name}", "is missing or empty; this record was not imported")
            return None
        if not isinstance(value, str):
            raise _Bad(f"{self.pointer}.{name}", "must be text; this record was not imported")
        return value.strip()

    def date(self, name: str) -> str | None:
        value = self.text(name)
        if value is not None and not _ISO8601.match(value):
            raise _Bad(f"{self.pointer}.{name}", "is not a date written YYYY, YYYY-MM or YYYY-MM-DD; this record was not imported")
        return value

    def texts(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Bad(f"{self.pointer}.{name}", "must be a list of text; this record was not imported")
        return [v.strip() for v in value if v.strip()]

    def mapping(self, name: str) -> _Item | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise _Bad(f"{self.pointer}.{name}", "must be an object; this record was not imported")
        return _Item(value, f"{self.pointer}.{name}")


def _body(*parts: str | None, bullets: list[str] | None = None) -> str:
    blocks = [part for part in parts if part]
    if bullets:
        blocks.append("\n".join(f"- {one_line(b)}" for b in bullets))
    return "\n\n".join(blocks)


def _location(basics: _Item) -> str | None:
    place = basics.mapping("location")
    if place is None:
        return None
    city = ", ".join(p for p in (place.text("city"), place.text("region"), place.text("countryCode")) if p)
    return city or place.text("address")


def _profile(item: _Item, origin: Origin) -> ImportedRecord:
    links = []
    for index, entry in enumerate(_objects(item.data.get("profiles"), f"{item.pointer}.profiles")):
        if not isinstance(entry, dict):
            raise _Bad(f"{item.pointer}.profiles[{index}]", "must be an object; the profile was not imported")
        link = _Item(entry, f"{item.pointer}.profiles[{index}]")
        url = link.text("url")
        if url:
            links.append({"label": link.text("network") or link.text("username") or "Link", "url": url})
    values = {
        "name": item.text("name", required=True),
        "headline": item.text("label"),
        "email": item.text("email"),
        "location": _location(item),
        "links": links or None,
    }
    return ImportedRecord("profile", values, origin, _body(item.text("summary")))


def _role(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    start = item.date("startDate")
    if start is None:
        raise _Bad(f"{item.pointer}.startDate", "is missing, and a role needs its start; this record was not imported")
    values = {
        "organization": item.text("name", required=True),
        "title": item.text("position", required=True),
        "start": start,
        "end": item.date("endDate"),
        "location": item.text("location"),
        "url": item.text("url"),
    }
    body = _body(item.text("summary"), item.text("description"), bullets=item.texts("highlights"))
    # Only once every field has passed: a record left out gets no note about its month.
    values["start"] = _with_month(start, origin, "startDate", notes)
    values["end"] = _with_month(values["end"], origin, "endDate", notes)
    return ImportedRecord("role", values, origin, body)


def _with_month(date: str | None, origin: Origin, name: str, notes: list[Note]) -> str | None:
    """A role's date needs a month: a year alone becomes January of it, and a note says so."""
    if date is None or len(date) != 4:
        return date
    notes.append(Note(origin, "has a year without a month; January was written, correct it if you know the month", name, False))
    return f"{date}-01"


def _skill(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    word = item.text("level")
    level = _SKILL_LEVELS.get(" ".join(word.casefold().split())) if word else None
    keywords = item.texts("keywords")
    values = {
        "name": item.text("name", required=True),
        # careerfolio's own export writes a skill's category as its one keyword.
        "category": keywords[0] if len(keywords) == 1 else None,
        "level": level or _UNSET_LEVEL,
    }
    body = _body(
        None if level else "Imported without a level careerfolio knows: set `level` to where you stand (1 novice to 5 expert).",
        f"Keywords: {', '.join(keywords)}" if len(keywords) > 1 else None,
    )
    return ImportedRecord("skill", values, origin, body)


def _education(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "institution": item.text("institution", required=True),
        "degree": item.text("studyType"),
        "area": item.text("area"),
        "start": item.date("startDate"),
        "end": item.date("endDate"),
        "grade": item.text("score"),
        "url": item.text("url"),
    }
    return ImportedRecord("education", values, origin, _body(bullets=item.texts("courses")))


def _certification(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {"name": item.text("name", required=True), "issuer": item.text("issuer"), "date": item.date("date"), "url": item.text("url")}
    return ImportedRecord("certification", values, origin)


def _project(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "name": item.text("name", required=True),
        "start": item.date("startDate"),
        "end": item.date("endDate"),
        "tags": item.texts("keywords") or None,
        "url": item.text("url"),
    }
    return ImportedRecord("project", values, origin, _body(item.text("description"), bullets=item.texts("highlights")))


def _publication(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {
        "title": item.text("name", required=True),
        "date": item.date("releaseDate"),
        "venue": item.text("publisher"),
        "url": item.text("url"),
    }
    return ImportedRecord("publication", values, origin, _body(item.text("summary")))


def _award(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {"title": item.text("title", required=True), "awarder": item.text("awarder"), "date": item.date("date")}
    return ImportedRecord("award", values, origin, _body(item.text("summary")))


def _language(item: _Item, origin: Origin, notes: list[Note]) -> ImportedRecord:
    values = {"language": item.text("language", required=True), "fluency": item.text("fluency")}
    return ImportedRecord("language", values, origin)


_SECTIONS: tuple[tuple[str, Callable[[_Item, Origin, list[Note]], ImportedRecord]], ...] = (
    ("work", _role),
    ("skills", _skill),
    ("education", _education),
    ("certificates", _certification),
    ("projects", _project),
    ("publications", _publication),
    ("awards", _award),
    ("languages", _language),
)


def _objects(value: Any, pointer: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(pointer, "must be a list; nothing from it was imported")
    return list(value)


def load_resume(path: Path) -> Any:
    """The JSON of `path`; ResumeError, located, when it is not UTF-8 JSON."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise ResumeError(f"{path}: is too large to be a résumé; nothing was imported")
        data = path.read_bytes()
    except OSError as exc:
        raise ResumeError(f"{path}: cannot be read ({exc.strerror}); nothing was imported") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ResumeError(f"{path}:{line}: is not UTF-8 text; nothing was imported") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # json's messages name the token it expected ("Expecting ',' delimiter"), never a value.
        raise ResumeError(f"{path}:{exc.lineno}: is not valid JSON ({exc.msg}); nothing was imported") from None
    except RecursionError:
        raise ResumeError(f"{path}: is nested too deeply to be a résumé; nothing was imported") from None


def read_jsonresume(path: Path) -> ReadResult:
    """The records of the JSON Resume at `path`; each record that fails its check is left out with a note."""
    document = load_resume(path)
    if not isinstance(document, dict):
        raise ResumeError(f"{path}: is not a JSON Resume: its top level must be an object; nothing was imported")
    file = path.name
    result = ReadResult()
    if document.get("basics") is not None:
        _add(result, file, "basics", document["basics"], lambda item, origin: _profile(item, origin))
    for section, build in _SECTIONS:
        try:
            items = _objects(document.get(section), section)
        except _Bad as bad:
            result.notes.append(Note(Origin(file, pointer=bad.pointer), bad.message))
            continue
        for index, data in enumerate(items):
            _add(result, file, f"{section}[{index}]", data, lambda item, origin, build=build: build(item, origin, result.notes))  # type: ignore[misc]
    return result


def _add(result: ReadResult, file: str, pointer: str, data: Any, build: Callable[[_Item, Origin], ImportedRecord]) -> None:
    """Add the record `build` makes of `data`, or the note that says why none could be made."""
    origin = Origin(file, pointer=pointer)
    if not isinstance(data, dict) or not data:
        result.notes.append(Note(origin, "must be an object with fields; it was not imported"))
        return
    try:
        result.records.append(build(_Item(data, pointer), origin))
    except _Bad as bad:
        result.notes.append(Note(Origin(file, pointer=bad.pointer), bad.message))
