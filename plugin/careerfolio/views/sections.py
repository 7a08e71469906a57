"""The rest of a career as the portfolio and the résumé show it: education, certifications,
projects, publications and talks, awards, and the languages of the profile.

Views only; built from the public corpus by `portfolio.build_portfolio_view`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from careerfolio.content.records import Item, Language
from careerfolio.content.urls import safe_link

# The sections in the order a résumé lists them; talks share a section with publications.
SECTION_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("education", ("education",)),
    ("certifications", ("certification",)),
    ("projects", ("project",)),
    ("publications", ("publication", "talk")),
    ("awards", ("award",)),
)


@dataclass(frozen=True)
class ItemView:
    """One public item: what lists show of it."""

    kind: str  # education, certification, project, publication, talk, award
    id: str
    path: str
    name: str
    organization: str | None
    degree: str | None
    area: str | None
    grade: str | None
    start: str | None
    end: str | None
    url: str | None  # only when it passes the link allow-list
    summary: str  # the first paragraph of its text, as plain text
    skills: tuple[str, ...]  # names of its public skills
    skill_ids: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def detail(self) -> str | None:
        """Degree and field of study of an education, as one line."""
        return ", ".join(part for part in (self.degree, self.area) if part) or None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class SectionView:
    """One section of the résumé: its id (education, certifications, ...) and its items, newest first."""

    id: str
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class LanguageView:
    language: str
    fluency: str | None


def build_sections(items: Iterable[Item], skill_names: dict[str, str], plain_text: Callable[[str], str]) -> tuple[SectionView, ...]:
    """The non-empty sections of `items` (public ones), in résumé order."""
    views = [_item_view(item, skill_names, plain_text) for item in items]
    sections = []
    for section_id, kinds in SECTION_KINDS:
        listed = tuple(v for v in views if v.kind in kinds)
        if listed:
            sections.append(SectionView(section_id, listed))
    return tuple(sections)


def build_languages(languages: Iterable[Language]) -> tuple[LanguageView, ...]:
    return tuple(LanguageView(lang.language, lang.fluency) for lang in languages)


def _item_view(item: Item, skill_names: dict[str, str], plain_text: Callable[[str], str]) -> ItemView:
    return ItemView(
        kind=item.kind,
        id=item.id,
        path=item.path,
        name=item.name,
        organization=item.organization,
        degree=item.degree,
        area=item.area,
        grade=item.grade,
        start=None if item.start is None else str(item.start),
        end=None if item.end is None else str(item.end),
        url=safe_link(item.url),
        summary=plain_text(item.body),
        # Only public skills: a private one is not even named.
        skills=tuple(skill_names[s] for s in item.skills if s in skill_names),
        skill_ids=tuple(s for s in item.skills if s in skill_names),
        tags=item.tags,
    )


__all__ = ["ItemView", "LanguageView", "SectionView", "build_languages", "build_sections"]
