"""Typed records: what a validated content file becomes. Frozen, so views can share them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careerfolio.content.dates import PartialDate

# Content types of the rest of a career, each a folder of files (see Item).
ITEM_TYPES: tuple[str, ...] = ("education", "certification", "project", "publication", "award")
PUBLICATION_KINDS: tuple[str, ...] = ("publication", "talk")
ENTRY_KINDS: tuple[str, ...] = ("achievement", "learning", "feedback", "network", "volunteer", "reflection")
DEFAULT_LEVELS_BY_KIND: dict[str, tuple[str, ...]] = {
    "achievement": ("performance",),
    "learning": ("skills",),
    "feedback": ("performance",),
    "network": ("network",),
    "volunteer": ("network",),
    "reflection": (),
}


@dataclass(frozen=True)
class Entry:
    """One job-journal entry."""

    id: str
    path: str
    date: dt.date
    title: str
    kind: str
    levels: tuple[str, ...]
    skills: tuple[str, ...]
    role: str | None
    people: tuple[str, ...]
    impact: str | None
    tags: tuple[str, ...]
    pinned: bool
    public: bool
    body: str
    body_line: int = 1  # the line of the file on which `body` starts


@dataclass(frozen=True)
class Skill:
    """One skill of the inventory."""

    id: str
    path: str
    name: str
    category: str | None
    level: int
    target: int | None
    since: PartialDate | None
    last_used: PartialDate | None
    public: bool
    body: str
    body_line: int = 1  # the line of the file on which `body` starts


@dataclass(frozen=True)
class CheckUp:
    """One check-up: the five scores on a date, and what to do next."""

    id: str
    path: str
    date: dt.date
    scores: tuple[tuple[str, int], ...]  # (level id, score), bottom to top
    actions: tuple[str, ...]
    body: str
    done: tuple[str, ...] = ()  # those of `actions` recorded as done

    def score(self, level_id: str) -> int:
        return dict(self.scores)[level_id]

    @property
    def open_actions(self) -> tuple[str, ...]:
        """The actions not yet recorded as done."""
        return tuple(a for a in self.actions if a not in self.done)


@dataclass(frozen=True)
class Role:
    """One position held."""

    id: str
    path: str
    organization: str
    title: str
    start: PartialDate
    end: PartialDate | None
    location: str | None
    url: str | None
    public: bool
    body: str
    body_line: int = 1  # the line of the file on which `body` starts
    skills: tuple[str, ...] = ()  # ids of files in skills/: what tailored résumés select by
    tags: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class Contact:
    """One person of the business network."""

    id: str
    path: str
    name: str
    organization: str | None
    circle: str | None
    met: PartialDate | None
    last_contact: dt.date | None
    every: int | None
    body: str


@dataclass(frozen=True)
class Option:
    """One option of a decision and its effect on each level (-2..2)."""

    name: str
    effect: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Decision:
    """One career decision, open or decided."""

    id: str
    path: str
    date: dt.date
    title: str
    status: str
    decide_by: dt.date | None
    options: tuple[Option, ...]
    choice: str | None
    revisit: dt.date | None
    body: str


@dataclass(frozen=True)
class Item:
    """One piece of the rest of a career: a degree, a certification, a project, a publication or talk, an award.

    `kind` is the content type, except that a publication with `kind: talk` is a "talk".
    """

    kind: str
    id: str
    path: str
    name: str  # the degree, certification, project, publication or award; for education the institution
    organization: str | None  # who issued or hosted it: issuer, publisher or event, awarder
    start: PartialDate | None  # the date of a single-date item
    end: PartialDate | None
    url: str | None
    public: bool
    body: str
    degree: str | None = None  # education only
    area: str | None = None  # education only: the field of study
    grade: str | None = None  # education only
    skills: tuple[str, ...] = ()  # projects only: ids of files in skills/
    tags: tuple[str, ...] = ()  # projects only
    body_line: int = 1  # the line of the file on which `body` starts

    @property
    def sort_date(self) -> PartialDate | None:
        """The date lists order by: when it ended, else when it began."""
        return self.end or self.start


@dataclass(frozen=True)
class Language:
    """A language the person speaks, from the profile."""

    language: str
    fluency: str | None


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Profile:
    """The person the site is about."""

    path: str
    name: str
    headline: str | None
    email: str | None
    location: str | None
    links: tuple[Link, ...]
    public: bool
    body: str
    body_line: int = 1  # the line of the file on which `body` starts
    languages: tuple[Language, ...] = ()
    photo: str | None = None  # docs-relative path of an image, or a URL


@dataclass(frozen=True)
class Task:
    text: str
    done: bool
    line: int


@dataclass(frozen=True)
class LayoffPlan:
    """The layoff plan: a Markdown task list that careerfolio counts."""

    path: str
    reviewed: dt.date | None
    tasks: tuple[Task, ...]
    body: str


@dataclass(frozen=True)
class Page:
    """An ordinary Markdown page under docs_dir."""

    path: str
    title: str | None
    public: bool
    body: str
    body_line: int = 1  # the line of the file on which `body` starts
