"""The corpus: every validated record of one site, and its public subset."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from careerfolio.content.dates import PartialDate
from careerfolio.content.levels import LEVEL_IDS
from careerfolio.content.loader import Source, dotted, parse_source
from careerfolio.content.paths import markdown_stem
from careerfolio.content.records import (
    DEFAULT_LEVELS_BY_KIND,
    ITEM_TYPES,
    CheckUp,
    Contact,
    Decision,
    Entry,
    Item,
    Language,
    LayoffPlan,
    Link,
    Option,
    Page,
    Profile,
    Role,
    Skill,
    Task,
)
from careerfolio.content.schema import CONTENT_TYPES, ContentType, did_you_mean, hint_said, known_part, validate_fields
from careerfolio.problems import Problem, Severity, Words
from careerfolio.settings import Settings

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_TASK = re.compile(r"^\s*[-*+]\s+\[( |x|X)\]\s+(.*)$")


@dataclass(frozen=True)
class Corpus:
    """Everything careerfolio knows about one career, sorted for display."""

    entries: tuple[Entry, ...] = ()  # newest first
    skills: tuple[Skill, ...] = ()  # by name
    checkups: tuple[CheckUp, ...] = ()  # oldest first
    roles: tuple[Role, ...] = ()  # newest start first
    contacts: tuple[Contact, ...] = ()
    decisions: tuple[Decision, ...] = ()
    profile: Profile | None = None
    layoff_plan: LayoffPlan | None = None
    pages: tuple[Page, ...] = ()
    items: tuple[Item, ...] = ()  # education, certifications, projects, publications, awards: newest first
    problems: tuple[Problem, ...] = ()
    excluded: tuple[str, ...] = ()  # paths left out because of an error
    _public: bool = field(default=False, repr=False)

    def public(self) -> Corpus:
        """Only what may be published: public records, stripped of private links between them."""
        return self if self._public else self._public_view

    @cached_property
    def _public_view(self) -> Corpus:
        # Computed once: the site plan, the portfolio and the leak guard all ask for it.
        skills = tuple(s for s in self.skills if s.public)
        public_skills = {s.id for s in skills}
        roles = tuple(replace(r, skills=tuple(s for s in r.skills if s in public_skills)) for r in self.roles if r.public)
        public_roles = {r.id for r in roles}
        entries = tuple(_public_entry(e, public_skills, public_roles) for e in self.entries if e.public)
        items = tuple(replace(i, skills=tuple(s for s in i.skills if s in public_skills)) for i in self.items if i.public)
        return Corpus(
            entries=entries,
            skills=skills,
            roles=roles,
            profile=self.profile if self.profile is not None and self.profile.public else None,
            pages=tuple(p for p in self.pages if p.public),
            items=items,
            _public=True,
        )

    @cached_property
    def skills_by_id(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}

    @cached_property
    def roles_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def entries_by_skill(self) -> dict[str, tuple[Entry, ...]]:
        """Entries naming each skill id, newest first: one pass, shared by every skill page."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for skill_id in entry.skills:
                found.setdefault(skill_id, []).append(entry)
        return {skill_id: tuple(entries) for skill_id, entries in found.items()}

    @cached_property
    def entries_by_role(self) -> dict[str, tuple[Entry, ...]]:
        """Entries of each role id, newest first."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.role is not None:
                found.setdefault(entry.role, []).append(entry)
        return {role_id: tuple(entries) for role_id, entries in found.items()}

    def public_paths(self) -> frozenset[str]:
        """Docs-relative paths of every Markdown file that may be published."""
        pub = self.public()
        paths = [e.path for e in pub.entries] + [s.path for s in pub.skills] + [r.path for r in pub.roles]
        paths += [p.path for p in pub.pages] + [i.path for i in pub.items]
        if pub.profile is not None:
            paths.append(pub.profile.path)
        return frozenset(paths)


def _public_entry(entry: Entry, public_skills: set[str], public_roles: set[str]) -> Entry:
    """`entry` without its people and without links to private skills and roles; itself when it has none.

    Most entries name only public skills and roles and no people: a long career's public
    view then shares them instead of copying thousands (dataclasses.replace is slow).
    """
    if not entry.people and (entry.role is None or entry.role in public_roles) and all(s in public_skills for s in entry.skills):
        return entry
    return replace(
        entry,
        skills=tuple(s for s in entry.skills if s in public_skills),
        role=entry.role if entry.role in public_roles else None,
        people=(),
    )


def load_corpus(files: Iterable[tuple[str, bytes]], settings: Settings | None = None) -> Corpus:
    """Parse and validate every Markdown file given as (docs-relative POSIX path, bytes)."""
    settings = settings or Settings()
    builder = _Builder(settings)
    for path, data in files:
        builder.add(check_source(parse_source(path, data), settings))
    return builder.finish()


def build_corpus(sources: Iterable[Source], settings: Settings | None = None, memo: dict[str, Checked] | None = None) -> Corpus:
    """Validate already-parsed sources (see `loader.parse_source`).

    With `memo`, a file whose Source is the very object checked last time (as
    `loader.SourceCache` hands out for unchanged bytes) is not checked again;
    the cross-file checks always run. `memo` is left holding this call's files only.
    """
    settings = settings or Settings()
    builder = _Builder(settings)
    checked_now: dict[str, Checked] = {}
    for source in sources:
        hit = memo.get(source.path) if memo is not None else None
        checked = hit if hit is not None and hit.source is source and hit.settings == settings else check_source(source, settings)
        checked_now[source.path] = checked
        builder.add(checked)
    if memo is not None:
        memo.clear()
        memo.update(checked_now)
    return builder.finish()


@dataclass(frozen=True)
class Checked:
    """One file on its own: its record (None when it is left out) and its problems, before the cross-file checks."""

    source: Source
    settings: Settings
    content_type: str
    record: Any
    problems: tuple[Problem, ...]
    # An entry's `skills`, `role` and `people` as far as they are valid, kept even when the entry has errors:
    # its references are checked all the same, so fixing one problem does not reveal the next.
    references: tuple[tuple[str, tuple[str, ...]], ...] = ()


def check_source(source: Source, settings: Settings) -> Checked:
    """Validate one file's fields and make its record; the checks that need other files come later."""
    ctype_name, record_id = settings.classify(source.path)
    problems = [_named_by_the_format(p, CONTENT_TYPES[ctype_name]) for p in source.problems]
    if markdown_stem(source.path) is None:
        # MkDocs compares suffixes case-sensitively: it would copy `Notes.MD` raw, front matter and all.
        message = "a Markdown file must end in lowercase .md to be built; rename it"
        problems.append(Problem(source.path, None, None, message, said=Words("problem.lowercase_md")))
    readable = source.readable
    if ctype_name != "page" and not source.has_front_matter and readable:
        message = "has no front matter; start the file with a line ---, then its fields, then another ---"
        problems.append(Problem(source.path, 1, None, message, said=Words("problem.no_front_matter")))
        readable = False
    record = None
    references: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if readable:
        ctype = CONTENT_TYPES[ctype_name]
        values, field_problems = validate_fields(source, ctype)
        problems.extend(field_problems)
        if ctype_name in ("entry", "project", "role"):
            references = _references(values)
        if not any(p.is_error for p in problems):
            record = _MAKERS[ctype_name](source, record_id, values, problems)
        else:
            # A field that was an error is missing from `values`; what the maker says of its absence is no news.
            wrong = {_root_field(p.field) for p in problems if p.is_error}
            problems.extend(p for p in _problems_of_the_maker(ctype_name, source, record_id, values) if _root_field(p.field) not in wrong)
    if any(p.is_error for p in problems):
        record = None
    return Checked(source, settings, ctype_name, record, tuple(problems), references)


def _references(values: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    role = values.get("role")
    return (
        ("skills", tuple(dict.fromkeys(values.get("skills", ())))),
        ("role", (role,) if role else ()),
        ("people", tuple(dict.fromkeys(values.get("people", ())))),
    )


def _root_field(field: str | None) -> str | None:
    return re.split(r"[.\[]", field, maxsplit=1)[0] if field else field


def _problems_of_the_maker(ctype_name: str, source: Source, record_id: Any, values: dict[str, Any]) -> list[Problem]:
    """The problems a maker finds (a missing title, a choice that is no option), for a file that already has errors.

    Every problem of a file is reported at once. A maker expects every field it
    reads to be valid; when a field it needs was itself an error, it stops, and that error is already reported.
    """
    found: list[Problem] = []
    # Best effort on a file already known to be wrong: whatever stops the maker, the file's errors are reported.
    with contextlib.suppress(Exception):
        _MAKERS[ctype_name](source, record_id, values, found)
    return found


def _named_by_the_format(problem: Problem, ctype: ContentType) -> Problem:
    """`problem` naming only the part of its field the format defines; the rest is described."""
    if problem.field_path is None:
        return problem
    known, whole = known_part(ctype, problem.field_path)
    if whole:
        return problem
    said = Words.of("problem.a_field", problem=problem.said) if problem.said else None
    return replace(problem, field=dotted(known) or None, message=f"a field {problem.message}", said=said)


class _Builder:
    """Collects records and problems file by file, then runs the cross-file checks."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.records: dict[str, list[Any]] = {name: [] for name in CONTENT_TYPES}
        self.problems: list[Problem] = []
        self.excluded: list[str] = []
        # The front matter of entries, projects and roles, for the lines of the cross-file reference checks'
        # problems: its text only, as a Source (every field's value) kept for each of thousands of files
        # would be gone through again and again by Python's cycle collector while the rest load.
        self.front_matters: dict[str, str] = {}
        self.line_sources: dict[str, Source] = {}  # of files with a broken reference, for `line_of` alone
        self.references: list[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]] = []
        # Files that have errors, by content type and id: a reference to one is told why it finds nothing.
        self.with_errors: dict[str, dict[str, str]] = {name: {} for name in _REFERENCED}

    def add(self, checked: Checked) -> None:
        path = checked.source.path
        if any(p.is_error for p in checked.problems):
            self.excluded.append(path)
            if checked.content_type in _REFERENCED:
                _, record_id = self.settings.classify(path)
                if record_id is not None:
                    self.with_errors[checked.content_type][record_id] = path
        self.problems.extend(checked.problems)
        if checked.record is not None:
            self.records[checked.content_type].append(checked.record)
        # Entries, projects and roles name other files; their references are checked even when they have errors.
        if checked.content_type in ("entry", "project", "role"):
            self.front_matters[path] = checked.source.front_matter
            self.references.append((path, checked.references))

    def finish(self) -> Corpus:
        r = self.records
        known = {"skills": {s.id for s in r["skill"]}, "role": {x.id for x in r["role"]}, "people": {c.id for c in r["contact"]}}
        for path, references in self.references:
            for field_name, ids in references:
                self._check_refs(path, field_name, ids, known[field_name])
        profiles, plans = r["profile"], r["layoff_plan"]
        for extra in plans[1:]:
            # `Layoff-Plan.md` beside `layoff-plan.md`: one file on macOS and Windows, two here, and only one is shown.
            message = f"is a second layoff plan beside {plans[0].path}, which is the one shown; keep one"
            said = Words.of("problem.second_layoff_plan", file=plans[0].path)
            self.problems.append(Problem(extra.path, 1, None, message, Severity.WARNING, said=said))
        return Corpus(
            entries=tuple(sorted(r["entry"], key=lambda e: (e.date, e.id), reverse=True)),
            skills=tuple(sorted(r["skill"], key=lambda s: (s.name.lower(), s.id))),
            checkups=tuple(sorted(r["checkup"], key=lambda c: (c.date, c.id))),
            roles=tuple(sorted(r["role"], key=lambda x: (x.start.first_day, x.id), reverse=True)),
            contacts=tuple(sorted(r["contact"], key=lambda c: (c.name.lower(), c.id))),
            decisions=tuple(sorted(r["decision"], key=lambda d: (d.date, d.id), reverse=True)),
            profile=profiles[0] if profiles else None,
            layoff_plan=plans[0] if plans else None,
            pages=tuple(sorted(r["page"], key=lambda p: p.path)),
            items=_newest_first(item for name in ITEM_TYPES for item in r[name]),
            problems=tuple(sorted(self.problems, key=lambda p: (p.path, p.line or 0))),
            excluded=tuple(sorted(self.excluded)),
        )

    def _line_of(self, path: str, *field_path: str | int) -> int | None:
        """The line of a field of a file with references; only a file that has them was read, front matter and all."""
        front_matter = self.front_matters.get(path)
        if front_matter is None:
            return None
        # Its lines are worked out once for all the file's problems.
        source = self.line_sources.get(path)
        if source is None:
            source = self.line_sources[path] = Source(path, {}, front_matter, "", 1, has_front_matter=True)
        return source.line_of(*field_path)

    def _check_refs(self, path: str, field_name: str, ids: Iterable[str], known: set[str]) -> None:
        folder = {"skills": self.settings.skills_dir, "role": self.settings.roles_dir, "people": self.settings.network_dir}[field_name]
        broken = self.with_errors[_REFERENCED_BY[field_name]]
        for index, ref in enumerate(ids):
            if ref in known:
                continue
            line = self._line_of(path, field_name, index)
            if ref in broken:
                # A file name may be named; the file itself is listed with its own errors.
                message = f"names {broken[ref]}, which has errors and is left out until they are fixed"
                said = Words.of("problem.names_a_file_with_errors", file=broken[ref])
            else:
                # `ref` is not a file name but what the user typed (in `people`, never published): not quoted.
                message = f"names an id that is not a file in {folder}/{did_you_mean(ref, sorted(known | set(broken)))}"
                said = Words.of("problem.names_no_file", folder=f"{folder}/", hint=hint_said(ref, sorted(known | set(broken))))
            self.problems.append(Problem(path, line, field_name, message, Severity.WARNING, said=said))


# The content types an entry refers to, and the field of an entry that names each.
_REFERENCED = ("skill", "role", "contact")
_REFERENCED_BY = {"skills": "skill", "role": "role", "people": "contact"}


# -- one maker per content type; each may add problems of its own -------------------


def _make_entry(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Entry | None:
    body = source.body
    title = values.get("title")
    if title is None:
        title, body = _title_from_heading(body)
        if title is None:
            message = 'is required unless the body starts with a "# " heading'
            problems.append(Problem(source.path, 1, "title", message, said=Words("problem.title_or_heading")))
            return None
    kind = values.get("kind", "achievement")
    levels = values.get("levels")
    return Entry(
        id=record_id,
        path=source.path,
        date=values["date"],
        title=title,
        kind=kind,
        levels=tuple(dict.fromkeys(levels)) if levels is not None else DEFAULT_LEVELS_BY_KIND[kind],
        skills=tuple(dict.fromkeys(values.get("skills", ()))),
        role=values.get("role"),
        people=tuple(dict.fromkeys(values.get("people", ()))),
        impact=values.get("impact"),
        tags=tuple(dict.fromkeys(values.get("tags", ()))),
        pinned=values.get("pinned", False),
        public=values.get("visibility") == "public",
        body=body,
        body_line=source.body_line + source.body[: len(source.body) - len(body)].count("\n"),
    )


def _make_skill(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Skill:
    return Skill(
        id=record_id,
        path=source.path,
        name=values["name"],
        category=values.get("category"),
        level=values["level"],
        target=values.get("target"),
        since=values.get("since"),
        last_used=values.get("last_used"),
        public=values.get("visibility") == "public",
        body=source.body,
        body_line=source.body_line,
    )


def _make_checkup(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> CheckUp:
    actions, done = values.get("actions", ()), values.get("done", ())
    for index, item in enumerate(done):
        # A reworded copy would silently leave its action open: say so, without quoting it.
        if item not in actions:
            problems.append(
                Problem(
                    source.path,
                    source.line_of("done", index),
                    "done",
                    f"item {index + 1} is not one of actions, word for word",
                    Severity.WARNING,
                    said=Words.of("problem.done_not_an_action", item=index + 1),
                )
            )
    return CheckUp(record_id, source.path, values["date"], values["scores"], actions, source.body, done)


def _make_role(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Role | None:
    start, end = values["start"], values.get("end")
    if end is not None and end.last_day < start.first_day:
        problems.append(Problem(source.path, source.line_of("end"), "end", "is before start", said=Words("problem.end_before_start")))
        return None
    return Role(
        id=record_id,
        path=source.path,
        organization=values["organization"],
        title=values["title"],
        start=start,
        end=end,
        location=values.get("location"),
        url=values.get("url"),
        public=values.get("visibility") == "public",
        body=source.body,
        body_line=source.body_line,
        skills=tuple(dict.fromkeys(values.get("skills", ()))),
        tags=tuple(dict.fromkeys(values.get("tags", ()))),
    )


def _make_contact(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Contact:
    return Contact(
        id=record_id,
        path=source.path,
        name=values["name"],
        organization=values.get("organization"),
        circle=values.get("circle"),
        met=values.get("met"),
        last_contact=values.get("last_contact"),
        every=values.get("every"),
        body=source.body,
    )


def _make_decision(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Decision | None:
    raw_options = values.get("options", ())
    if len(raw_options) < 2:
        message = "needs at least two options, each with a name"
        problems.append(Problem(source.path, source.line_of("options"), "options", message, said=Words("problem.two_options")))
        return None
    options = tuple(Option(o["name"], o.get("effect", tuple((lid, 0) for lid in LEVEL_IDS))) for o in raw_options)
    names = [o.name for o in options]
    for index, name in enumerate(names):
        if name in names[:index]:
            problems.append(
                Problem(
                    source.path,
                    source.line_of("options", index),
                    f"options[{index}].name",
                    "repeats the name of an earlier option",
                    said=Words("problem.option_repeated"),
                )
            )
            return None
    status = values.get("status", "open")
    choice = values.get("choice")
    if status == "decided" and choice is None:
        message = "is required when status is decided"
        problems.append(Problem(source.path, source.line_of("status"), "choice", message, said=Words("problem.choice_required")))
        return None
    if choice is not None and choice not in names:
        message = "must be the name of one of the options, written exactly"
        problems.append(Problem(source.path, source.line_of("choice"), "choice", message, said=Words("problem.choice_not_an_option")))
        return None
    return Decision(
        id=record_id,
        path=source.path,
        date=values["date"],
        title=values["title"],
        status=status,
        decide_by=values.get("decide_by"),
        options=options,
        choice=choice,
        revisit=values.get("revisit"),
        body=source.body,
    )


def _make_profile(source: Source, record_id: None, values: dict[str, Any], problems: list[Problem]) -> Profile:
    links = tuple(Link(link["label"], link["url"]) for link in values.get("links", ()))
    languages = tuple(Language(lang["language"], lang.get("fluency")) for lang in values.get("languages", ()))
    return Profile(
        path=source.path,
        name=values["name"],
        headline=values.get("headline"),
        email=values.get("email"),
        location=values.get("location"),
        links=links,
        public=values.get("visibility") == "public",
        body=source.body,
        body_line=source.body_line,
        languages=languages,
        photo=values.get("photo"),
    )


def _make_education(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Item | None:
    if not _ends_after_start(source, values, problems):
        return None
    extra = {"degree": values.get("degree"), "area": values.get("area"), "grade": values.get("grade")}
    return _item("education", source, record_id, values, values["institution"], None, values.get("start"), values.get("end"), **extra)


def _make_certification(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Item:
    # A certification's end is when it expires.
    return _item(
        "certification", source, record_id, values, values["name"], values.get("issuer"), values.get("date"), values.get("expires")
    )


def _make_project(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Item | None:
    if not _ends_after_start(source, values, problems):
        return None
    extra = {"skills": tuple(dict.fromkeys(values.get("skills", ()))), "tags": tuple(dict.fromkeys(values.get("tags", ())))}
    return _item("project", source, record_id, values, values["name"], None, values.get("start"), values.get("end"), **extra)


def _make_publication(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Item:
    kind = values.get("kind", "publication")
    return _item(kind, source, record_id, values, values["title"], values.get("venue"), values.get("date"), None)


def _make_award(source: Source, record_id: str, values: dict[str, Any], problems: list[Problem]) -> Item:
    return _item("award", source, record_id, values, values["title"], values.get("awarder"), values.get("date"), None)


def _item(
    kind: str,
    source: Source,
    record_id: str,
    values: dict[str, Any],
    name: str,
    organization: str | None,
    start: PartialDate | None,
    end: PartialDate | None,
    **extra: Any,
) -> Item:
    return Item(
        kind,
        record_id,
        source.path,
        name=name,
        organization=organization,
        start=start,
        end=end,
        url=values.get("url"),
        public=values.get("visibility") == "public",
        body=source.body,
        body_line=source.body_line,
        **extra,
    )


def _ends_after_start(source: Source, values: dict[str, Any], problems: list[Problem]) -> bool:
    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end.last_day < start.first_day:
        problems.append(Problem(source.path, source.line_of("end"), "end", "is before start", said=Words("problem.end_before_start")))
        return False
    return True


def _newest_first(items: Iterable[Item]) -> tuple[Item, ...]:
    """Items with a date newest first, then undated ones; by name within a date."""
    listed = sorted(items, key=lambda i: (i.name.lower(), i.id))
    dated = sorted((i for i in listed if i.sort_date is not None), key=lambda i: i.sort_date.first_day, reverse=True)  # type: ignore[union-attr]
    return tuple(dated + [i for i in listed if i.sort_date is None])


def _make_layoff_plan(source: Source, record_id: None, values: dict[str, Any], problems: list[Problem]) -> LayoffPlan:
    tasks = []
    for offset, line in enumerate(source.body.split("\n")):
        match = _TASK.match(line)
        if match:
            tasks.append(Task(match.group(2).strip(), match.group(1) != " ", source.body_line + offset))
    return LayoffPlan(source.path, values.get("reviewed"), tuple(tasks), source.body)


def _make_page(source: Source, record_id: None, values: dict[str, Any], problems: list[Problem]) -> Page:
    title = values.get("title")
    if title is None:
        title, _ = _title_from_heading(source.body)
    return Page(source.path, title, values.get("visibility") == "public", source.body, source.body_line)


# -- whole-corpus checks -------------------------------------------------------


_MAKERS: dict[str, Callable[[Source, Any, dict[str, Any], list[Problem]], Any]] = {
    "entry": _make_entry,
    "skill": _make_skill,
    "checkup": _make_checkup,
    "role": _make_role,
    "contact": _make_contact,
    "decision": _make_decision,
    "profile": _make_profile,
    "layoff_plan": _make_layoff_plan,
    "page": _make_page,
    "education": _make_education,
    "certification": _make_certification,
    "project": _make_project,
    "publication": _make_publication,
    "award": _make_award,
}


def _title_from_heading(body: str) -> tuple[str | None, str]:
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    match = _HEADING.match(first)
    if match:
        return match.group(1), rest.lstrip("\n")
    return None, body
