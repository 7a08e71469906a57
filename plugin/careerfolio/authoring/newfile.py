"""New content files: slugs, file templates drawn from the schema, and writing that never overwrites.

A template lists every field of its content type in the order of `schema.CONTENT_TYPES`,
with the field's description beside it: required fields filled in, optional ones as
comments to uncomment. So the names and explanations a user sees when writing a file
are the ones the validator checks against.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml
from slugify import slugify as transliterated_slug

from careerfolio.authoring.newfiles import write_new
from careerfolio.content.schema import CONTENT_TYPES, ContentType
from careerfolio.problems import CareerfolioError
from careerfolio.settings import Settings

__all__ = ["NEW_TYPES", "AuthoringError", "NewFile", "TextFile", "plan_new_file", "slugify", "write_new", "yaml_scalar"]

# The content types `careerfolio new` creates; check-ups have their own command.
NEW_TYPES: tuple[str, ...] = (
    "entry",
    "skill",
    "role",
    "contact",
    "decision",
    "education",
    "certification",
    "project",
    "publication",
    "award",
    "page",
)
# The field each type of the rest of a career takes its title in.
_TITLE_FIELDS = {"education": "institution", "certification": "name", "project": "name", "publication": "title", "award": "title"}

# Language names whose symbols carry the meaning: C++ is not C, nor is C# or F#.
_SYMBOL_NAMES = ((re.compile(r"(?<=[a-z])\+\+", re.IGNORECASE), "pp"), (re.compile(r"\b(?<=[a-z])#(?!\w)", re.IGNORECASE), "sharp"))

_BODY_PROMPTS = {
    "entry": "What happened, what I did, and what came of it.",
    "skill": "Notes, and the learning plan for this skill.",
    "role": "What the role was about.",
    "contact": "How we met, what they care about, how I can help them.",
    "decision": "What matters, what I fear, whom I asked.",
    "education": "What I studied, and what I took from it.",
    "certification": "What it covers, and what it took.",
    "project": "What the project was, what I did, and what came of it.",
    "publication": "What it is about, in a sentence or two.",
    "award": "What it was for.",
    "page": "Anything else worth keeping: notes, a reading list, a plan.",
}


class AuthoringError(CareerfolioError):
    """A request that cannot be carried out; the message is meant for the user."""


@dataclass(frozen=True)
class TextFile:
    """A file to write: its path relative to the folder it belongs in, and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class NewFile:
    """A file to create: its path relative to docs_dir and its text."""

    type_name: str
    path: str
    text: str


def slugify(title: str, max_length: int = 60) -> str:
    """A file name stem from a title: lowercase ASCII words joined by hyphens, from a title in any script.

    python-slugify transliterates (Привет → privet, 数据 → shu-ju), so a title in
    any script keeps its words; the same title always gives the same stem.
    """
    text = title
    for pattern, name in _SYMBOL_NAMES:
        text = pattern.sub(name, text)
    # word_boundary: a slug never ends in half a word.
    return transliterated_slug(text, max_length=max_length, word_boundary=True) or "untitled"


def yaml_scalar(value: str) -> str:
    """`value` as one line of YAML that reads back as the same text (quoted only when needed)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style=None)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def render_front_matter(ctype: ContentType, values: dict[str, str], today: dt.date) -> str:
    """Front matter listing every field of `ctype`: given or required ones set, the others commented.

    `values` holds YAML text per field (a block value starts with a newline).
    A required field without a value gets its kind's example.
    """
    lines = ["---"]
    for field in ctype.fields:
        if field.name == "visibility" and ctype.always_private:
            continue
        example = field.kind.example.format(today=today.isoformat(), month=f"{today:%Y-%m}")
        note = f"  # {field.description}"
        value = values.get(field.name)
        if value is None and field.required:
            value = example
        if value is None:
            lines.append(f"# {field.name}: {example}{note}" if example else f"# {field.name}:{note}")
        elif value.startswith("\n"):
            lines.append(f"{field.name}:{note}")
            lines.extend(value[1:].split("\n"))
        else:
            lines.append(f"{field.name}: {value}{note}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _decision_options() -> str:
    """Two option stubs: a decision needs at least two to be read at all."""
    zero = "{skills: 0, performance: 0, network: 0, job_search: 0, finances: 0}"
    return "\n".join(
        (
            "",
            "  - name: Go ahead",
            f"    effect: {zero}  # each level -2..2",
            "  - name: Hold off",
            f"    effect: {zero}",
        )
    )


def split_role_title(title: str) -> tuple[str, str]:
    """("Senior Data Engineer", "Acme Corp") from "Senior Data Engineer at Acme Corp"."""
    job, sep, organization = title.rpartition(" at ")
    if not sep or not job.strip() or not organization.strip():
        raise AuthoringError('a role needs its organization: write the title as "Senior Data Engineer at Acme Corp"')
    return job.strip(), organization.strip()


def plan_new_file(type_name: str, title: str, today: dt.date, settings: Settings, current_role: str | None = None) -> NewFile:
    """The path (relative to docs_dir) and text of a new file of `type_name` titled `title`.

    `current_role` (a role id) is filled into a new journal entry's `role`.
    """
    if type_name not in NEW_TYPES:
        raise AuthoringError(f"cannot create a {type_name}; choose one of {', '.join(NEW_TYPES)}")
    title = " ".join(title.split())
    if not title:
        raise AuthoringError("the title must not be empty")
    ctype = CONTENT_TYPES[type_name]
    values: dict[str, str] = {}
    slug = slugify(title)
    if type_name == "entry":
        values["title"] = yaml_scalar(title)
        if current_role:
            values["role"] = yaml_scalar(current_role)
        path = f"{settings.journal_dir}/{today.year:04d}/{today.isoformat()}-{slug}.md"
    elif type_name == "skill":
        values["name"] = yaml_scalar(title)
        path = f"{settings.skills_dir}/{slug}.md"
    elif type_name == "role":
        job, organization = split_role_title(title)
        values["organization"] = yaml_scalar(organization)
        values["title"] = yaml_scalar(job)
        path = f"{settings.roles_dir}/{slugify(f'{organization} {job}')}.md"
    elif type_name == "contact":
        values["name"] = yaml_scalar(title)
        path = f"{settings.network_dir}/{slug}.md"
    elif type_name == "page":
        values["title"] = yaml_scalar(title)
        path = f"{slug}.md"
        if settings.classify(path)[0] != "page":
            path = f"page-{slug}.md"  # a page titled "Profile" must not become the profile
    elif type_name in _TITLE_FIELDS:
        values[_TITLE_FIELDS[type_name]] = yaml_scalar(title)
        if "date" in ctype.field_names:
            values["date"] = today.isoformat()  # most are written down the day they happen
        path = f"{dict(settings.item_dirs)[type_name]}/{slug}.md"
    else:
        values["title"] = yaml_scalar(title)
        values["options"] = _decision_options()
        path = f"{settings.decisions_dir}/{slug}.md"
    text = render_front_matter(ctype, values, today) + _BODY_PROMPTS[type_name] + "\n"
    return NewFile(type_name, path, text)
