"""The content format as data: every type's fields, their kinds and defaults.

One definition serves three readers: the validator (`validate_fields`), the
JSON Schema export for editors (`json_schema`) and the templates of
`careerfolio new`. Messages never quote a value, only field names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from careerfolio.content.dates import PartialDate, parse_full_date, parse_partial_date
from careerfolio.content.levels import LEVEL_IDS
from careerfolio.content.loader import FieldPath, Source, dotted
from careerfolio.content.records import ENTRY_KINDS, PUBLICATION_KINDS
from careerfolio.problems import Problem, Severity, Words

_ID = re.compile(r"^[^\s/\\][^\\]*$")


class Invalid(Exception):
    """A value does not fit its field; the message is plain words without the value, `said` the same as Words."""

    def __init__(self, message: str, subpath: FieldPath = (), said: Words | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.subpath = subpath
        self.said = said


@dataclass(frozen=True)
class Kind:
    """How one field's value is checked, converted and described to editors."""

    check: Callable[[Any], Any]
    schema: dict[str, Any]
    example: str


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "empty"
    return "text"


# What `_text` says for each of `_type_name`'s answers.
_NOT_TEXT = {
    "a yes/no value": "problem.text_not_yes_no_value",
    "a number": "problem.text_not_number",
    "a list": "problem.text_not_list",
    "a mapping": "problem.text_not_mapping",
    "empty": "problem.text_not_empty",
    "text": "problem.text_not_text",
}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise Invalid("must be text, not a yes/no value; put it in quotes", said=Words("problem.text_not_yes_no"))
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        kind = _type_name(value)
        # "text" is how other checks name a string; here YAML built something else (`!!binary`, a set).
        message = "must be plain text" if kind == "text" else f"must be text, not {kind}"
        raise Invalid(message, said=Words(_NOT_TEXT[kind]))
    if not value.strip():
        raise Invalid("must not be empty", said=Words("problem.not_empty"))
    return value.strip()


def _word(choices: tuple[str, ...]) -> Callable[[Any], str]:
    listed = ", ".join(f'"{c}"' for c in choices)

    def check(value: Any) -> str:
        if isinstance(value, str) and value in choices:
            return value
        if isinstance(value, bool):
            message = f"must be one of {listed}; YAML reads this value as yes/no, so write the word itself"
            raise Invalid(message, said=Words.of("problem.one_of_yes_no", choices=listed))
        raise Invalid(f"must be one of {listed}", said=Words.of("problem.one_of", choices=listed))

    return check


def _date(value: Any) -> Any:
    if isinstance(value, str):
        parsed = parse_full_date(value.strip())
        if parsed is not None:
            return parsed
        if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", value.strip()):
            raise Invalid("is not a real calendar date", said=Words("problem.not_a_real_date"))
    raise Invalid("must be a date written YYYY-MM-DD", said=Words("problem.date"))


def _partial(allow_year: bool) -> Callable[[Any], PartialDate]:
    shape = "YYYY, YYYY-MM or YYYY-MM-DD" if allow_year else "YYYY-MM or YYYY-MM-DD"
    said = Words("problem.date_year_month_or_day" if allow_year else "problem.date_month_or_day")

    def check(value: Any) -> PartialDate:
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
        if text is not None:
            parsed = parse_partial_date(text, allow_year=allow_year)
            if parsed is not None:
                return parsed
            if re.match(r"^\d{4}(-\d{1,2}){1,2}$" if not allow_year else r"^\d{4}(-\d{1,2}){0,2}$", text):
                raise Invalid("is not a real calendar date", said=Words("problem.not_a_real_date"))
        raise Invalid(f"must be a date written {shape}", said=said)

    return check


def _integer(low: int, high: int | None) -> Callable[[Any], int]:
    wanted = f"a whole number from {low} to {high}" if high is not None else f"a whole number of at least {low}"
    said = Words.of("problem.whole_number", low=low, high=high) if high is not None else Words.of("problem.whole_number_from", low=low)

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"must be {wanted}", said=said)
        if value < low or (high is not None and value > high):
            raise Invalid(f"must be {wanted}", said=said)
        return value

    return check


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid("must be true or false", said=Words("problem.true_or_false"))


def _list_of(item: Callable[[Any], Any], allow_single: bool = True) -> Callable[[Any], tuple[Any, ...]]:
    def check(value: Any) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            if allow_single and not isinstance(value, (dict, bool)):
                value = [value]
            else:
                raise Invalid("must be a list, such as [a, b]", said=Words("problem.a_list"))
        out = []
        for index, element in enumerate(value):
            try:
                out.append(item(element))
            except Invalid as exc:
                raise Invalid(exc.message, (index, *exc.subpath), exc.said) from None
        return tuple(out)

    return check


def _identifier(value: Any) -> str:
    if isinstance(value, str) and value.strip() and _ID.match(value.strip()):
        return value.strip()
    raise Invalid("must be an id: the name of a file without .md", said=Words("problem.an_id"))


def _level_id(value: Any) -> str:
    if isinstance(value, str) and value in LEVEL_IDS:
        return value
    raise Invalid("must name levels among " + ", ".join(LEVEL_IDS), said=Words.of("problem.level_ids", levels=", ".join(LEVEL_IDS)))


def _level_map(low: int, high: int, required_all: bool) -> Callable[[Any], tuple[tuple[str, int], ...]]:
    number = _integer(low, high)

    def check(value: Any) -> tuple[tuple[str, int], ...]:
        if not isinstance(value, dict):
            levels = ", ".join(LEVEL_IDS)
            raise Invalid("must be a mapping of level ids to numbers: " + levels, said=Words.of("problem.level_map", levels=levels))
        for key in value:
            if key not in LEVEL_IDS:
                hint = _did_you_mean(str(key), LEVEL_IDS)
                said = Words.of("problem.not_a_level", levels=", ".join(LEVEL_IDS), hint=hint_said(str(key), LEVEL_IDS))
                raise Invalid("has a key that is not a level (" + ", ".join(LEVEL_IDS) + f"){hint}", (str(key),), said)
        out = []
        for level in LEVEL_IDS:
            if level not in value:
                if required_all:
                    raise Invalid(f"must score all five levels; {level} is missing", said=Words.of("problem.level_missing", level=level))
                out.append((level, 0))
                continue
            try:
                out.append((level, number(value[level])))
            except Invalid as exc:
                raise Invalid(exc.message, (level,), exc.said) from None
        return tuple(out)

    return check


def _record(fields: dict[str, Kind], required: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    def check(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid("must be a mapping with " + ", ".join(fields), said=Words.of("problem.mapping_with", fields=", ".join(fields)))
        out: dict[str, Any] = {}
        for name in required:
            if value.get(name) is None:
                raise Invalid("is required", (name,), Words("problem.required"))
        for key, element in value.items():
            if key not in fields:
                said = Words.of("problem.not_one_of_fields", fields=", ".join(fields), hint=hint_said(str(key), tuple(fields)))
                message = f"has a field that is not one of {', '.join(fields)}{_did_you_mean(str(key), tuple(fields))}"
                raise Invalid(message, (str(key),), said)
            try:
                out[key] = fields[key].check(element)
            except Invalid as exc:
                raise Invalid(exc.message, (key, *exc.subpath), exc.said) from None
        return out

    return check


def _did_you_mean(name: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""


did_you_mean = _did_you_mean


def hint_said(name: str, known: tuple[str, ...] | list[str]) -> Words | str:
    """`_did_you_mean`'s hint as Words, or "" when it has none."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return Words.of("problem.did_you_mean", name=close[0]) if close else ""


_DATE_SCHEMA = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
_PARTIAL_SCHEMA = {"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
_MONTH_SCHEMA = {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"}
_LEVEL_IDS_SCHEMA = {"type": "array", "items": {"enum": list(LEVEL_IDS)}, "uniqueItems": True}


def _levels_schema(low: int, high: int, all_required: bool) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {lid: {"type": "integer", "minimum": low, "maximum": high} for lid in LEVEL_IDS},
        "additionalProperties": False,
        **({"required": list(LEVEL_IDS)} if all_required else {}),
    }


TEXT = Kind(_text, {"type": "string", "minLength": 1}, '""')
DATE = Kind(_date, _DATE_SCHEMA, "{today}")
PARTIAL = Kind(_partial(True), _PARTIAL_SCHEMA, "{month}")
MONTH = Kind(_partial(False), _MONTH_SCHEMA, "{month}")
VISIBILITY = Kind(_word(("public", "private")), {"enum": ["public", "private"]}, "private")
BOOLEAN = Kind(_boolean, {"type": "boolean"}, "false")
SCORE = Kind(_integer(1, 5), {"type": "integer", "minimum": 1, "maximum": 5}, "3")
DAYS = Kind(_integer(1, None), {"type": "integer", "minimum": 1}, "90")
ID = Kind(_identifier, {"type": "string", "minLength": 1}, '""')
IDS = Kind(_list_of(_identifier), {"type": "array", "items": {"type": "string"}}, "[]")
TEXTS = Kind(_list_of(_text), {"type": "array", "items": {"type": "string"}}, "[]")
LEVEL_LIST = Kind(_list_of(_level_id), _LEVEL_IDS_SCHEMA, "[]")
KIND = Kind(_word(ENTRY_KINDS), {"enum": list(ENTRY_KINDS), "default": "achievement"}, "achievement")
STATUS = Kind(_word(("open", "decided")), {"enum": ["open", "decided"], "default": "open"}, "open")
SCORES = Kind(_level_map(1, 5, True), _levels_schema(1, 5, True), "")
_EFFECT = Kind(_level_map(-2, 2, False), _levels_schema(-2, 2, False), "")
_OPTION_FIELDS = {"name": TEXT, "effect": _EFFECT}
OPTIONS = Kind(
    _list_of(_record(_OPTION_FIELDS, ("name",)), allow_single=False),
    {
        "type": "array",
        "minItems": 2,
        "items": {
            "type": "object",
            "properties": {"name": TEXT.schema, "effect": _EFFECT.schema},
            "required": ["name"],
            "additionalProperties": False,
        },
    },
    "",
)
_LINK_FIELDS = {"label": TEXT, "url": TEXT}
LINKS = Kind(
    _list_of(_record(_LINK_FIELDS, ("label", "url")), allow_single=False),
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"label": TEXT.schema, "url": {"type": "string"}},
            "required": ["label", "url"],
            "additionalProperties": False,
        },
    },
    "[]",
)
_LANGUAGE_FIELDS = {"language": TEXT, "fluency": TEXT}
LANGUAGES = Kind(
    _list_of(_record(_LANGUAGE_FIELDS, ("language",)), allow_single=False),
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"language": TEXT.schema, "fluency": TEXT.schema},
            "required": ["language"],
            "additionalProperties": False,
        },
    },
    "[]",
)
PUBLICATION_KIND = Kind(_word(PUBLICATION_KINDS), {"enum": list(PUBLICATION_KINDS), "default": "publication"}, "publication")


@dataclass(frozen=True)
class Field:
    """One front matter field of a content type."""

    name: str
    kind: Kind
    description: str
    required: bool = False


@dataclass(frozen=True)
class ContentType:
    """A kind of content file: its fields and whether it may ever be public."""

    name: str
    fields: tuple[Field, ...]
    always_private: bool = False
    words: str = ""  # how messages call it, when not its name

    @property
    def label(self) -> str:
        """The type's name with its article, for messages: "an entry", "a skill"."""
        words = self.words or self.name.replace("_", " ")
        return ("an " if words[0] in "aeiou" else "a ") + words

    @property
    def said(self) -> Words:
        """`label` as Words: `problem.type.<name>` of templates/messages."""
        return Words(f"problem.type.{self.name}")

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def fields_by_name(self) -> dict[str, Field]:
        """Each field by its name, for the per-file checks."""
        return {f.name: f for f in self.fields}


_VIS = Field("visibility", VISIBILITY, 'public or private; anything but "public" stays private')

ENTRY = ContentType(
    "entry",
    (
        Field("date", DATE, "when it happened", required=True),
        Field("title", TEXT, 'one line; optional when the body starts with "# "'),
        Field("kind", KIND, "achievement, learning, feedback, network, volunteer or reflection"),
        Field("levels", LEVEL_LIST, "levels this entry is evidence for; default depends on kind"),
        Field("skills", IDS, "ids of files in skills/"),
        Field("role", ID, "id of a file in roles/"),
        Field("people", IDS, "ids of files in network/; never published"),
        Field("impact", TEXT, "the result, in one line"),
        Field("tags", TEXTS, "free tags"),
        Field("pinned", BOOLEAN, "shown first on the portfolio home"),
        _VIS,
    ),
    words="journal entry",
)
SKILL = ContentType(
    "skill",
    (
        Field("name", TEXT, "the skill's name", required=True),
        Field("category", TEXT, "a group such as Engineering"),
        Field("level", SCORE, "1 novice, 2 advanced beginner, 3 competent, 4 proficient, 5 expert", required=True),
        Field("target", SCORE, "the level you want, 1-5"),
        Field("since", PARTIAL, "YYYY, YYYY-MM or YYYY-MM-DD"),
        Field("last_used", MONTH, "YYYY-MM or YYYY-MM-DD"),
        _VIS,
    ),
)
CHECKUP = ContentType(
    "checkup",
    (
        Field("date", DATE, "the day of the check-up", required=True),
        Field("scores", SCORES, "all five levels, each 1-5", required=True),
        Field("actions", TEXTS, "what to do next"),
        Field("done", TEXTS, "actions of this check-up that are done, each copied word for word"),
        _VIS,
    ),
    always_private=True,
    words="check-up",
)
ROLE = ContentType(
    "role",
    (
        Field("organization", TEXT, "employer", required=True),
        Field("title", TEXT, "job title", required=True),
        Field("start", MONTH, "YYYY-MM or YYYY-MM-DD", required=True),
        Field("end", MONTH, "absent for the current role"),
        Field("location", TEXT, "where"),
        Field("url", TEXT, "the organization's site (https)"),
        Field("skills", IDS, "ids of files in skills/ the role used; tailored résumés select by them"),
        Field("tags", TEXTS, "free tags; tailored résumés select by them"),
        _VIS,
    ),
)
CONTACT = ContentType(
    "contact",
    (
        Field("name", TEXT, "the person's name", required=True),
        Field("organization", TEXT, "where they work"),
        Field("position", TEXT, "their job title"),
        Field("circle", TEXT, "industry, community or function"),
        Field("met", PARTIAL, "when you met"),
        Field("last_contact", DATE, "YYYY-MM-DD"),
        Field("every", DAYS, "days between contacts you aim for"),
        _VIS,
    ),
    always_private=True,
)
DECISION = ContentType(
    "decision",
    (
        Field("date", DATE, "when the decision was opened", required=True),
        Field("title", TEXT, "the question", required=True),
        Field("status", STATUS, "open or decided"),
        Field("decide_by", DATE, "the end of the transition window"),
        Field("options", OPTIONS, "at least two, each with a name and an effect on the levels (-2..2)"),
        Field("choice", TEXT, "the chosen option's name; required when decided"),
        Field("revisit", DATE, "when to look at the decision again"),
        _VIS,
    ),
    always_private=True,
)
PROFILE = ContentType(
    "profile",
    (
        Field("name", TEXT, "your name", required=True),
        Field("headline", TEXT, "one line under your name"),
        Field("email", TEXT, "shown on the public portfolio when the profile is public"),
        Field("location", TEXT, "city, country"),
        Field("links", LINKS, "label and url of each"),
        Field("photo", TEXT, "an image beside your name on the portfolio: a path from this file, or an https URL"),
        Field("languages", LANGUAGES, "language and fluency of each, such as {language: German, fluency: native}"),
        _VIS,
    ),
)
LAYOFF_PLAN = ContentType(
    "layoff_plan",
    (Field("reviewed", DATE, "when the plan was last read through"), _VIS),
    always_private=True,
)
_URL = Field("url", TEXT, "a page about it (https)")
EDUCATION = ContentType(
    "education",
    (
        Field("institution", TEXT, "school or university", required=True),
        Field("degree", TEXT, "such as MSc or Apprenticeship"),
        Field("area", TEXT, "the field of study"),
        Field("start", PARTIAL, "YYYY, YYYY-MM or YYYY-MM-DD"),
        Field("end", PARTIAL, "absent while you study"),
        Field("grade", TEXT, "final grade or score"),
        _URL,
        _VIS,
    ),
    words="education file",
)
CERTIFICATION = ContentType(
    "certification",
    (
        Field("name", TEXT, "the certification", required=True),
        Field("issuer", TEXT, "who issued it"),
        Field("date", PARTIAL, "when it was awarded"),
        Field("expires", PARTIAL, "when it runs out"),
        _URL,
        _VIS,
    ),
)
PROJECT = ContentType(
    "project",
    (
        Field("name", TEXT, "the project", required=True),
        Field("start", PARTIAL, "YYYY, YYYY-MM or YYYY-MM-DD"),
        Field("end", PARTIAL, "absent while it runs"),
        Field("skills", IDS, "ids of files in skills/"),
        Field("tags", TEXTS, "free tags"),
        _URL,
        _VIS,
    ),
)
PUBLICATION = ContentType(
    "publication",
    (
        Field("title", TEXT, "the title of the publication or talk", required=True),
        Field("kind", PUBLICATION_KIND, "publication (default) or talk"),
        Field("date", PARTIAL, "when it appeared or was given"),
        Field("venue", TEXT, "the publisher, journal, conference or meetup"),
        _URL,
        _VIS,
    ),
)
AWARD = ContentType(
    "award",
    (
        Field("title", TEXT, "the award", required=True),
        Field("awarder", TEXT, "who gave it"),
        Field("date", PARTIAL, "when it was given"),
        _URL,
        _VIS,
    ),
)
PAGE = ContentType("page", (Field("title", TEXT, "the page title"), _VIS))

CONTENT_TYPES: dict[str, ContentType] = {
    t.name: t
    for t in (
        ENTRY,
        SKILL,
        CHECKUP,
        ROLE,
        CONTACT,
        DECISION,
        PROFILE,
        LAYOFF_PLAN,
        EDUCATION,
        CERTIFICATION,
        PROJECT,
        PUBLICATION,
        AWARD,
        PAGE,
    )
}


def validate_fields(source: Source, ctype: ContentType) -> tuple[dict[str, Any], list[Problem]]:
    """Check each field of `source.meta` against `ctype`; return converted values and problems.

    Ordinary pages may carry any other field (themes and plugins use front
    matter too), so unknown fields are reported only for career types.
    """
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    known = ctype.fields_by_name
    named: set[str] = set()
    for key, raw in source.meta.items():
        name = str(key)
        if name in named:  # `1:` and `'1':` are two keys to YAML, one field name here; the loader reports it given twice
            continue
        named.add(name)
        field = known.get(name)
        if field is None:
            if ctype is not PAGE:
                # The name is the user's own text, which may say anything: it is described, not quoted.
                unknown = Problem(
                    source.path,
                    source.line_of(name),
                    None,
                    f"{ctype.label} has no such field{_did_you_mean(name, ctype.field_names)}",
                    Severity.WARNING,
                    said=Words.of("problem.no_such_field", type=ctype.said, hint=hint_said(name, ctype.field_names)),
                )
                # Two unknown keys on one line (`<<: {a: 1, b: 2}`) read the same: said once, as `check` and the build log print it.
                if unknown not in problems:
                    problems.append(unknown)
            continue
        if raw is None:
            if field.required:
                said = Words("problem.no_value")
                problems.append(Problem(source.path, source.line_of(name), name, "is required but has no value", said=said))
            elif name == "visibility":
                problems.append(
                    Problem(
                        source.path,
                        source.line_of(name),
                        name,
                        'has no value, so the file stays private; write "public" or "private"',
                        Severity.WARNING,
                        said=Words("problem.visibility_no_value"),
                    )
                )
            continue
        try:
            values[name] = field.kind.check(raw)
            # Most values are text, or lists of text (skills, tags): nothing to look for in them.
            if raw.__class__ is not str and not (raw.__class__ is list and all(item.__class__ is str for item in raw)):
                problems.extend(_numbers_read_as_text(source, (name,), raw, field.kind.schema))
        except Invalid as exc:
            path = (name, *exc.subpath)
            # The line is the deepest place known; the field named is the part the format defines.
            field_name = dotted(known_part(ctype, path)[0]) or None
            problems.append(Problem(source.path, source.line_of(*path), field_name, exc.message, said=exc.said))
    for field in ctype.fields:
        # A type whose title may come from the body's heading declares its title optional (corpus checks it).
        if field.required and field.name not in source.meta:
            line = 1 if source.has_front_matter else None
            problems.append(Problem(source.path, line, field.name, "is required", said=Words("problem.required")))
    if ctype.always_private and values.get("visibility") == "public":
        problems.append(
            Problem(
                source.path,
                source.line_of("visibility"),
                "visibility",
                f"{ctype.label} is always private and cannot be public",
                said=Words.of("problem.always_private", type=ctype.said),
            )
        )
    return values, problems


def _numbers_read_as_text(source: Source, path: FieldPath, raw: Any, schema: dict[str, Any]) -> list[Problem]:
    """Warnings for numbers YAML read where text is wanted, when the text would differ from what was written.

    `title: 12:30` is the number 750 to YAML, `impact: 0x1F` is 31; `title: 2024` stays "2024".
    """
    if isinstance(raw, bool):
        return []
    if isinstance(raw, (int, float)):
        if schema.get("type") == "array":  # a single value where a list is wanted counts as its one item
            schema = schema.get("items", {})
        written = source.numbers_as_written.get(path) if schema.get("type") == "string" else None
        if written is None or written == str(raw):
            return []
        message = "YAML reads this value as a number and would change how it is written (as 12:30 becomes 750); put it in quotes"
        return [Problem(source.path, source.line_of(*path), dotted(path), message, Severity.WARNING, said=Words("problem.number_as_text"))]
    if isinstance(raw, list) and isinstance(schema.get("items"), dict):
        items = schema["items"]
        return [
            p for i, item in enumerate(raw) if item.__class__ is not str for p in _numbers_read_as_text(source, (*path, i), item, items)
        ]
    if isinstance(raw, dict) and isinstance(schema.get("properties"), dict):
        known = schema["properties"]
        return [p for key, item in raw.items() if key in known for p in _numbers_read_as_text(source, (*path, key), item, known[key])]
    return []


def known_part(ctype: ContentType, path: FieldPath) -> tuple[FieldPath, bool]:
    """The longest start of `path` whose every step the format defines, and whether that is all of `path`.

    Keys a user invents may say anything (build logs are public), so a message
    names only this part, found through the same JSON Schema editors get.
    """
    if not path or not isinstance(path[0], str) or path[0] not in ctype.fields_by_name:
        return (), not path
    schema: Any = ctype.fields_by_name[path[0]].kind.schema
    for depth, step in enumerate(path[1:], start=1):
        schema = schema.get("items") if isinstance(step, int) else schema.get("properties", {}).get(step)
        if not isinstance(schema, dict):
            return path[:depth], False
    return path, True


def json_schema(ctype: ContentType) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one content type's front matter."""
    properties = {f.name: {**f.kind.schema, "description": f.description} for f in ctype.fields}
    if ctype.always_private:
        properties["visibility"] = {"const": "private", "description": "always private"}
    required = [f.name for f in ctype.fields if f.required]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"careerfolio {ctype.name.replace('_', ' ')}",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": ctype is PAGE,
    }
