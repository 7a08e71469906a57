"""Imported records as content files: which are new, where each goes, its text, and writing them.

A record the site already has (the same role at the same organisation and
start, a skill or contact of the same name, ...) is skipped, whichever file
holds it, so a second import writes nothing. Existing files are never opened
for writing: new files get free names, and the profile is written only when
the site has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from careerfolio.authoring.newfile import render_front_matter, slugify, yaml_scalar
from careerfolio.content.loader import parse_source
from careerfolio.content.schema import CONTENT_TYPES
from careerfolio.importing.imported import ImportedRecord, Note, Origin, ReadResult, one_line
from careerfolio.settings import Settings

_MAX_NAME_TRIES = 1000


@dataclass(frozen=True)
class PlannedFile:
    """A file to create: its kind, path relative to docs_dir, text, and the record it comes from."""

    kind: str
    path: str
    text: str
    origin: Origin


@dataclass(frozen=True)
class Skipped:
    """A record the site has already, and the file that holds it."""

    kind: str
    origin: Origin
    existing: str
    repeat_of: Origin | None = None  # set when the record is a repeat of one earlier in the same export


@dataclass
class ImportPlan:
    """What an import will do: files to write, records skipped as already there, and notes."""

    files: list[PlannedFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def _norm(value: Any) -> str:
    return " ".join(str(value).casefold().split()) if value is not None else ""


def _month(value: Any) -> str:
    """A start date compared by its month: 2021-06 and 2021-06-15 are the same start."""
    return _norm(value)[:7]


# How two records are judged the same, one function per kind, on front matter values as read or imported.
_KEYS: dict[str, Callable[[Mapping[str, Any]], tuple[str, ...]]] = {
    "role": lambda v: (_norm(v.get("organization")), _norm(v.get("title")), _month(v.get("start"))),
    "skill": lambda v: (_norm(v.get("name")),),
    "contact": lambda v: (_norm(v.get("name")),),
    "education": lambda v: (_norm(v.get("institution")), _norm(v.get("degree"))),
    "certification": lambda v: (_norm(v.get("name")), _norm(v.get("issuer"))),
    "project": lambda v: (_norm(v.get("name")),),
    "publication": lambda v: (_norm(v.get("title")),),
    "award": lambda v: (_norm(v.get("title")), _norm(v.get("awarder"))),
}
# The field a file's name is made from, after the folder.
_NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "role": ("organization", "title"),
    "skill": ("name",),
    "contact": ("name",),
    "education": ("institution", "degree"),
    "certification": ("name",),
    "project": ("name",),
    "publication": ("title",),
    "award": ("title",),
}


@dataclass
class _Site:
    """What the site holds already: the paths of its Markdown files, each record's key, and the profile's languages."""

    paths: set[str]
    keys: dict[tuple[str, tuple[str, ...]], str]
    profile: str | None
    languages: set[str]


def _read_site(files: Iterable[tuple[str, bytes]], settings: Settings) -> _Site:
    """Keys of every record in the site, read from front matter whether or not the file checks clean,
    so that a file with a mistake in it is still not imported a second time."""
    site = _Site(set(), {}, None, set())
    for path, data in files:
        site.paths.add(path.casefold())
        type_name, _ = settings.classify(path)
        if type_name == "profile":
            site.profile = path
        if type_name not in _KEYS and type_name != "profile":
            continue
        meta = parse_source(path, data).meta
        if type_name == "profile":
            languages = meta.get("languages")
            for item in languages if isinstance(languages, list) else []:
                if isinstance(item, dict):
                    site.languages.add(_norm(item.get("language")))
            continue
        site.keys.setdefault((type_name, _KEYS[type_name](meta)), path)
    return site


def _folder(kind: str, settings: Settings) -> str:
    folders = {"role": settings.roles_dir, "skill": settings.skills_dir, "contact": settings.network_dir, **dict(settings.item_dirs)}
    return folders[kind]


def _free_path(folder: str, stem: str, taken: set[str]) -> str:
    """The name write_new would pick: `stem.md`, else `stem-2.md`, ... (compared without case, as on macOS and Windows)."""
    for number in range(1, _MAX_NAME_TRIES + 1):
        path = f"{folder}/{stem}.md" if number == 1 else f"{folder}/{stem}-{number}.md"
        if path.casefold() not in taken:
            taken.add(path.casefold())
            return path
    return f"{folder}/{stem}.md"  # write_new then refuses with a message that names it


def _yaml_value(value: Any) -> str:
    """A front matter value as YAML text: text quoted only when needed, lists of mappings as a block."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        lines = [_flow(item) if isinstance(item, dict) else yaml_scalar(one_line(item)) for item in value]
        return "".join(f"\n  - {line}" for line in lines)
    return yaml_scalar(one_line(value))


def _flow(mapping: dict[str, Any]) -> str:
    """A mapping on one line, its keys in the order given: {language: German, fluency: C1}."""
    return yaml.safe_dump(mapping, default_flow_style=True, allow_unicode=True, width=1_000_000, sort_keys=False).strip()


def render_record(record: ImportedRecord, today: dt.date) -> str:
    """The text of the file for `record`, private: its fields in the order of the format, then its body."""
    ctype = CONTENT_TYPES[record.kind]
    values = {name: _yaml_value(value) for name, value in record.values.items() if value not in (None, "", [])}
    if not ctype.always_private:
        values["visibility"] = "private"
    body = record.body.strip()
    return render_front_matter(ctype, values, today) + (body + "\n" if body else "")


def plan_import(result: ReadResult, files: Iterable[tuple[str, bytes]], settings: Settings, today: dt.date) -> ImportPlan:
    """Decide, for each record read, whether it is new and where it goes; nothing is written here."""
    site = _read_site(files, settings)
    plan = ImportPlan(notes=list(result.notes))
    taken = set(site.paths)
    planned: dict[tuple[str, tuple[str, ...]], Origin] = {}
    languages = [r for r in result.records if r.kind == "language"]
    for record in result.records:
        if record.kind == "language":
            continue
        if record.kind == "profile":
            _plan_profile(record, languages, site, settings, plan, today)
            languages = []
            continue
        key = (record.kind, _KEYS[record.kind](record.values))
        existing = site.keys.get(key)
        if existing is not None:
            plan.skipped.append(Skipped(record.kind, record.origin, existing, planned.get(key)))
            continue
        stem = slugify(" ".join(one_line(record.values.get(name)) for name in _NAME_FIELDS[record.kind]))
        path = _free_path(_folder(record.kind, settings), stem, taken)
        site.keys[key] = path  # a record twice in one export is written once
        planned[key] = record.origin
        plan.files.append(PlannedFile(record.kind, path, render_record(record, today), record.origin))
    _plan_languages_left(languages, site, settings, plan)
    return plan


def _plan_profile(
    record: ImportedRecord, languages: list[ImportedRecord], site: _Site, settings: Settings, plan: ImportPlan, today: dt.date
) -> None:
    """The profile, with the languages (a field of it in the format), unless the site has a profile."""
    if site.profile is not None:
        plan.skipped.append(Skipped("profile", record.origin, site.profile))
        _plan_languages_left(languages, site, settings, plan)
        return
    values = dict(record.values)
    values["languages"] = [language.values for language in languages] or None
    profile = ImportedRecord("profile", values, record.origin, record.body)
    site.profile = settings.profile_file
    site.paths.add(settings.profile_file.casefold())
    plan.files.append(PlannedFile("profile", settings.profile_file, render_record(profile, today), record.origin))


def _plan_languages_left(languages: list[ImportedRecord], site: _Site, settings: Settings, plan: ImportPlan) -> None:
    """Languages that no new profile carries: those the profile lists are skipped, the others noted, since profile.md is never changed."""
    for language in languages:
        if _norm(language.values.get("language")) in site.languages and site.profile is not None:
            plan.skipped.append(Skipped("language", language.origin, site.profile))
        elif site.profile is not None:
            plan.notes.append(
                Note(
                    language.origin,
                    f"was not imported: languages are a field of {site.profile}, which is never changed; add it there",
                    left_out=False,  # nothing is wrong with the record: it only needs a hand
                )
            )
        else:
            plan.notes.append(
                Note(language.origin, "was not imported: languages are a field of the profile, and the export has no profile")
            )
