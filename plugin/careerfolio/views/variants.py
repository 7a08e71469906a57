"""Tailored résumés: one career, a résumé per kind of application.

The plugin option `resumes` maps a variant id to a selection. A public entry,
role or project belongs to a variant when it has one of the variant's tags or
names one of its skills; a role also belongs when one of its entries does,
showing only those entries. Education, certifications, publications, awards
and languages are about the person, not the application, and stay on every variant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from careerfolio.problems import CareerfolioError

if TYPE_CHECKING:
    from careerfolio.views.portfolio import EntryCard, PortfolioView, RoleView
    from careerfolio.views.sections import ItemView

_VARIANT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEYS = ("tags", "skills", "headline")


class VariantError(CareerfolioError):
    """The `resumes` option is not what it should be; the message names the variant and the key."""


@dataclass(frozen=True)
class ResumeVariant:
    """One tailored résumé: which tags and skill ids select its content, and its own headline."""

    id: str
    tags: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    headline: str | None = None
    skill_order: tuple[str, ...] = ()  # the skills as listed, for the skills section

    @property
    def page(self) -> str:
        """The docs-relative source path of its page: /resume/<id>/."""
        return f"resume/{self.id}/index.md"

    @property
    def json_file(self) -> str:
        return f"resume-{self.id}.json"

    def selects(self, tags: tuple[str, ...], skill_ids: tuple[str, ...]) -> bool:
        return not self.tags.isdisjoint(tags) or not self.skills.isdisjoint(skill_ids)


def parse_variants(option: Any) -> tuple[ResumeVariant, ...]:
    """The `resumes` plugin option as variants, sorted by id; VariantError names what is wrong."""
    if option is None:
        return ()
    if not isinstance(option, Mapping):
        raise VariantError("resumes: must map a variant id to its tags, skills and headline")
    variants = []
    for variant_id, selection in option.items():
        name = str(variant_id)
        if not _VARIANT_ID.match(name):
            raise VariantError(f"resumes: {name!r} must be lowercase letters, digits and hyphens: it becomes /resume/{name}/")
        if not isinstance(selection, Mapping):
            raise VariantError(f"resumes.{name}: must be a mapping with tags, skills and headline")
        for key in selection:
            if key not in _KEYS:
                raise VariantError(f"resumes.{name}.{key}: is not a key of a résumé variant; use tags, skills and headline")
        tags, skills = _words(name, "tags", selection.get("tags")), _words(name, "skills", selection.get("skills"))
        if not tags and not skills:
            raise VariantError(f"resumes.{name}: needs tags or skills to choose what it shows")
        headline = selection.get("headline")
        if headline is not None and not isinstance(headline, str):
            raise VariantError(f"resumes.{name}.headline: must be text")
        variants.append(ResumeVariant(name, frozenset(tags), frozenset(skills), headline, tuple(skills)))
    return tuple(sorted(variants, key=lambda v: v.id))


def _words(variant_id: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        raise VariantError(f"resumes.{variant_id}.{key}: must be a list of words, such as [data, python]")
    return tuple(str(v) for v in value)


def tailor(view: PortfolioView, variant: ResumeVariant) -> PortfolioView:
    """The part of `view` (public already) that `variant` selects."""

    def chosen(card: EntryCard) -> bool:
        return variant.selects(card.tags, tuple(s.id for s in card.skills))

    roles = []
    for role in view.roles:
        entries = tuple(c for c in role.entries if chosen(c))
        if entries or variant.selects(role.tags, role.skills):
            roles.append(_role_with(role, entries))
    skills = view.skills
    if variant.skills:
        by_id = {s.skill.id: s for s in view.skills}
        skills = tuple(by_id[i] for i in variant.skill_order if i in by_id)
    sections = tuple(
        replace(section, items=tuple(i for i in section.items if i.kind != "project" or _project_chosen(i, variant)))
        for section in view.sections
    )
    profile = view.profile
    if profile is not None and variant.headline:
        profile = replace(profile, headline=variant.headline)
    entries = tuple(c for c in view.entries if chosen(c))
    return replace(
        view,
        profile=profile,
        entries=entries,
        pinned=tuple(c for c in entries if c.pinned),
        by_year=(),
        skills=skills,
        roles=tuple(roles),
        current_roles=tuple(r for r in roles if r.current),
        sections=tuple(s for s in sections if s.items),
    )


def _role_with(role: RoleView, entries: tuple[EntryCard, ...]) -> RoleView:
    kept = {c.id for c in entries}
    return replace(role, entries=entries, highlights=tuple(c for c in role.highlights if c.id in kept))


def _project_chosen(item: ItemView, variant: ResumeVariant) -> bool:
    return variant.selects(item.tags, item.skill_ids)


__all__ = ["ResumeVariant", "VariantError", "parse_variants", "tailor"]
