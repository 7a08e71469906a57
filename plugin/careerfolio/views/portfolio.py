"""The public achievements portfolio: views built from `corpus.public()` and the pages that show them.

Every page here is built from the public subset of the corpus, in public and in
private builds alike: in a private build the portfolio is a preview of exactly
what would be published.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from typing import Any

from careerfolio.content.corpus import Corpus
from careerfolio.content.dates import PartialDate
from careerfolio.content.records import Entry, Profile, Role, Skill
from careerfolio.content.relink import move_links
from careerfolio.content.urls import LinksFrom, safe_link
from careerfolio.plan.model import BuildContext, Contribution, NavItem, SiteFile, SitePage, header_when_needed
from careerfolio.views.exports import build_feed, build_json_ld, build_resume
from careerfolio.views.render import render_template, templates_dir
from careerfolio.views.sections import LanguageView, SectionView, build_languages, build_sections
from careerfolio.views.variants import tailor

SKILL_LEVEL_LABELS: dict[int, str] = {1: "Novice", 2: "Advanced beginner", 3: "Competent", 4: "Proficient", 5: "Expert"}
STYLESHEET = "assets/careerfolio/portfolio.css"
RESUME_JSON = "resume.json"
FEED = "feed.xml"
# A printed résumé has room for a few lines per role; the full list is on the experience page.
RESUME_HIGHLIGHTS_PER_ROLE = 5
# Shown on the home page when no entry is pinned.
RECENT_ON_HOME = 3
# A long career has thousands of entries. No page lists them all: the achievements page shows the
# newest and each year has a page of its own; the experience timeline shows each role's newest and
# links to the role's page. Every entry is then listed on a bounded number of pages, so the cost
# of a build grows with the number of entries, not with their square.
ACHIEVEMENTS_ON_INDEX = 50
ENTRIES_PER_ROLE_ON_TIMELINE = 10
ACHIEVEMENTS_TEMPLATE = "portfolio/achievements.html"  # the achievements page and each year's page
# A portfolio page is made for a person, not a manual: no sidebar of pages and no table of contents
# (each page leads to the others through its own navigation, see _macros.portfolio_nav).
PORTFOLIO_META: dict[str, Any] = {"hide": ["navigation", "toc"]}

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+|^#+\s*|^>\s*", re.MULTILINE)


# -- views ---------------------------------------------------------------------


@dataclass(frozen=True)
class SkillBadge:
    """A skill as other pages name it."""

    id: str
    path: str
    name: str
    level: int
    level_label: str
    category: str | None


@dataclass(frozen=True)
class RoleRef:
    """A role as an entry names it."""

    id: str
    path: str
    title: str
    organization: str


@dataclass(frozen=True)
class EntryCard:
    """One public journal entry, as lists and cards show it."""

    id: str
    path: str
    title: str
    date_iso: str
    year: int
    kind: str
    impact: str | None
    skills: tuple[SkillBadge, ...]
    role: RoleRef | None
    tags: tuple[str, ...]
    pinned: bool
    body: str = field(repr=False, compare=False)  # the entry's own Markdown, shared, not copied

    @cached_property
    def summary(self) -> str:
        """The first paragraph of the body, as plain text; only the feed shows it, so it is cut when first asked for."""
        return plain_text(self.body)


@dataclass(frozen=True)
class YearGroup:
    year: int
    entries: tuple[EntryCard, ...]  # newest first
    total: int  # entries of the year in all; `entries` may hold only the newest of them

    @property
    def complete(self) -> bool:
        return len(self.entries) == self.total


def newest_groups(groups: Iterable[YearGroup], limit: int) -> tuple[YearGroup, ...]:
    """The newest `limit` entries of `groups` (newest year first), still grouped by year."""
    out: list[YearGroup] = []
    for group in groups:
        if limit <= 0:
            break
        out.append(YearGroup(group.year, group.entries[:limit], len(group.entries)))
        limit -= len(group.entries)
    return tuple(out)


@dataclass(frozen=True)
class SkillEvidence:
    """A public skill and the public entries that name it, newest first."""

    skill: SkillBadge
    since: str | None
    last_used: str | None
    evidence: tuple[EntryCard, ...]


@dataclass(frozen=True)
class RoleView:
    """A public role on the timeline, with its public entries."""

    id: str
    path: str
    title: str
    organization: str
    start: str
    end: str | None
    location: str | None
    url: str | None  # only when it passes the link allow-list
    current: bool
    summary: str
    skills: tuple[str, ...]  # ids of its public skills
    tags: tuple[str, ...]
    entries: tuple[EntryCard, ...]  # every public entry of the role, newest first
    highlights: tuple[EntryCard, ...]  # its achievements, pinned first, then newest


@dataclass(frozen=True)
class LinkView:
    label: str
    url: str

    @property
    def display(self) -> str:
        """The URL as a printed page shows it: no scheme, no trailing slash."""
        return self.url.split(":", 1)[1].lstrip("/").rstrip("/") if ":" in self.url else self.url


@dataclass(frozen=True)
class ProfileView:
    """The person, as the public profile describes them."""

    path: str
    name: str
    headline: str | None
    email: str | None
    location: str | None
    links: tuple[LinkView, ...]  # only links that pass the allow-list
    summary_markdown: str
    summary: str  # plain text, for meta data and exports
    photo: str | None = None  # docs-relative path of the photo, or an allowed absolute URL


@dataclass(frozen=True)
class PortfolioView:
    """Everything the portfolio pages and exports show, from public content only."""

    profile: ProfileView | None
    entries: tuple[EntryCard, ...]  # newest first
    pinned: tuple[EntryCard, ...]  # newest first
    by_year: tuple[YearGroup, ...]  # newest year first
    skills: tuple[SkillEvidence, ...]  # highest level first, then by name
    roles: tuple[RoleView, ...]  # newest start first
    current_roles: tuple[RoleView, ...]
    sections: tuple[SectionView, ...] = ()  # education, certifications, projects, publications, awards: those with items
    languages: tuple[LanguageView, ...] = ()

    @property
    def entries_key(self) -> str:
        """What the list of public entries is called: achievements only when that is all they are, else highlights."""
        return "achievements" if all(card.kind == "achievement" for card in self.entries) else "highlights"

    @property
    def featured(self) -> tuple[EntryCard, ...]:
        """Pinned entries, or the most recent ones when nothing is pinned."""
        return self.pinned or self.entries[:RECENT_ON_HOME]

    def evidence_of(self, skill_id: str) -> SkillEvidence | None:
        return next((s for s in self.skills if s.skill.id == skill_id), None)


def build_portfolio_view(corpus: Corpus) -> PortfolioView:
    """The portfolio of `corpus`, built from its public subset whatever `corpus` is."""
    public = corpus.public()
    badges = {s.id: _skill_badge(s) for s in public.skills}
    roles = {r.id: RoleRef(r.id, r.path, r.title, r.organization) for r in public.roles}
    cards = {e.id: _entry_card(e, badges, roles) for e in public.entries}
    years: dict[int, list[EntryCard]] = defaultdict(list)
    for card in cards.values():
        years[card.year].append(card)

    def cards_of(entries: Iterable[Entry]) -> tuple[EntryCard, ...]:
        return tuple(cards[e.id] for e in entries)

    # The corpus indexes entries by skill and by role once; no skill walks every entry.
    skills = tuple(
        SkillEvidence(badges[s.id], _str_or_none(s.since), _str_or_none(s.last_used), cards_of(public.entries_by_skill.get(s.id, ())))
        for s in sorted(public.skills, key=lambda s: (-s.level, s.name.lower(), s.id))
    )
    role_views = tuple(_role_view(r, cards_of(public.entries_by_role.get(r.id, ()))) for r in public.roles)
    return PortfolioView(
        profile=_profile_view(public.profile) if public.profile is not None else None,
        entries=tuple(cards.values()),
        pinned=tuple(c for c in cards.values() if c.pinned),
        by_year=tuple(YearGroup(year, tuple(years[year]), len(years[year])) for year in sorted(years, reverse=True)),
        skills=skills,
        roles=role_views,
        current_roles=tuple(r for r in role_views if r.current),
        sections=build_sections(public.items, {s.id: s.name for s in public.skills}, plain_text),
        languages=build_languages(public.profile.languages) if public.profile is not None else (),
    )


def _skill_badge(skill: Skill) -> SkillBadge:
    return SkillBadge(skill.id, skill.path, skill.name, skill.level, SKILL_LEVEL_LABELS[skill.level], skill.category)


def _entry_card(entry: Entry, badges: dict[str, SkillBadge], roles: dict[str, RoleRef]) -> EntryCard:
    return EntryCard(
        id=entry.id,
        path=entry.path,
        title=entry.title,
        date_iso=entry.date.isoformat(),
        year=entry.date.year,
        kind=entry.kind,
        impact=entry.impact,
        # Only skills and roles that are public themselves; a private one is not even named.
        skills=tuple(badges[s] for s in entry.skills if s in badges),
        role=roles.get(entry.role) if entry.role else None,
        tags=entry.tags,
        pinned=entry.pinned,
        body=entry.body,
    )


def _role_view(role: Role, entries: tuple[EntryCard, ...]) -> RoleView:
    achievements = [c for c in entries if c.kind == "achievement"]
    highlights = tuple(sorted(achievements, key=lambda c: not c.pinned))  # stable: newest first within each group
    return RoleView(
        id=role.id,
        path=role.path,
        title=role.title,
        organization=role.organization,
        start=str(role.start),
        end=_str_or_none(role.end),
        location=role.location,
        url=safe_link(role.url),
        current=role.current,
        summary=plain_text(role.body),
        skills=role.skills,
        tags=role.tags,
        entries=entries,
        highlights=highlights,
    )


def _profile_view(profile: Profile) -> ProfileView:
    links = tuple(LinkView(link.label, url) for link in profile.links if (url := safe_link(link.url)) is not None)
    return ProfileView(
        path=profile.path,
        name=profile.name,
        headline=profile.headline,
        email=profile.email,
        location=profile.location,
        links=links,
        summary_markdown=profile.body.strip(),
        summary=plain_text(profile.body, paragraphs=None),
        photo=_photo(profile),
    )


def _photo(profile: Profile) -> str | None:
    """The photo as the docs-relative path of a file (published because the home links to it), or a web URL."""
    if not profile.photo:
        return None
    if "://" in profile.photo or profile.photo.startswith("//"):
        return safe_link(profile.photo)
    # As a Markdown link of the profile would: relative to the profile's folder.
    path = posixpath.normpath(posixpath.join(posixpath.dirname(profile.path), profile.photo.lstrip("/")))
    return None if path.startswith("../") or path == ".." else path


def _str_or_none(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def plain_text(markdown: str, paragraphs: int | None = 1) -> str:
    """The first `paragraphs` paragraphs of a Markdown body (all when None), as one line of plain text.

    Headings, raw HTML lines, lists markers and emphasis are dropped; a link keeps its text.
    """
    kept: list[str] = []
    for block in _blocks(markdown.strip()):
        lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith(("#", "<", "```", "~~~"))]
        if not lines:
            continue
        text = " ".join(line.strip().lstrip("-*+ ").strip() for line in lines)
        # Most paragraphs hold neither links nor markup; the checks spare them two scans.
        if "[" in text:
            text = _LINK.sub(r"\1", text)
        if "*" in text or "_" in text or "`" in text or text.startswith(("#", ">")):
            text = _MARKUP.sub("", text)
        kept.append(" ".join(text.split()))
        if paragraphs is not None and len(kept) >= paragraphs:
            break
    return " ".join(kept)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _blocks(markdown: str) -> Iterator[str]:
    """The blocks of `markdown` between blank lines, found one at a time: a summary needs only the first."""
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(markdown):
        yield markdown[start : gap.start()]
        start = gap.end()
    yield markdown[start:]


# -- pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioPaths:
    """Where each portfolio page lives (docs-relative source paths)."""

    home: str
    achievements: str = "achievements/index.md"
    skills: str = "skills/index.md"
    experience: str = "experience/index.md"
    resume: str = "resume/index.md"

    def year(self, year: int) -> str:
        """The page of one year's achievements."""
        return f"{self.achievements.rsplit('/', 1)[0]}/{year}/index.md"


def portfolio_paths(corpus: Corpus, context: BuildContext) -> PortfolioPaths:
    """The home is the site root unless the user has an index.md of their own that this build shows."""
    shown = context.user_pages if context.audience == "private" else corpus.public_paths()
    home = "portfolio/index.md" if "index.md" in shown else "index.md"
    return PortfolioPaths(home=home, skills=f"{context.settings.skills_dir}/index.md")


def portfolio_part(corpus: Corpus, context: BuildContext) -> Contribution:
    """The portfolio's pages, its stylesheet and its exports: resume.json, feed.xml."""
    view = build_portfolio_view(corpus)
    paths = portfolio_paths(corpus, context)
    name = view.profile.name if view.profile else None

    def render(src: str, template: str, **extra: Any) -> str:
        # One page links to the same skills and roles many times: compute each link once.
        link = lru_cache(maxsize=None)(LinksFrom(src, context.use_directory_urls).page)
        values = {"view": view, "resume_json": RESUME_JSON, "t": context.messages, **extra}
        return render_template(
            template, paths=paths, here=src, link=link, context=context, stylesheet=STYLESHEET, feed=FEED, **values
        ).strip()

    def header(src: str, template: str, **extra: Any) -> str | Callable[[], str]:
        return header_when_needed(context, partial(render, src, template, **extra))

    years = tuple(group.year for group in view.by_year)
    t = context.messages
    entries_key = view.entries_key

    def achievements(src: str, title: str, groups: tuple[YearGroup, ...], **extra: Any) -> SitePage:
        # The template reads of the whole view only its years (for the links between years' pages).
        # The template reads of the whole view only its years and what its entries are called.
        inputs = (ACHIEVEMENTS_TEMPLATE, src, groups, years, entries_key, paths, context, tuple(sorted(extra.items())))
        return SitePage(
            src, title, "", meta=PORTFOLIO_META, header=header(src, ACHIEVEMENTS_TEMPLATE, groups=groups, **extra), inputs=inputs
        )

    out = Contribution()
    json_ld = build_json_ld(view, context, paths)
    out.pages += [
        # The browser tab reads "<title> - <site name>", and the site is usually named after the person.
        SitePage(
            paths.home,
            (view.profile and view.profile.headline) or name or t("title.portfolio"),
            _home_markdown(view, paths.home, render, json_ld),
            meta=PORTFOLIO_META,
        ),
        # These pages are all HTML of ours: as a header they skip Python-Markdown, which would parse them
        # (one entry each, thousands on a long career) only to pass them through.
        achievements(paths.achievements, t(f"nav.{entries_key}"), newest_groups(view.by_year, ACHIEVEMENTS_ON_INDEX)),
        *(
            achievements(paths.year(group.year), t(f"title.{entries_key}_of", year=group.year), (group,), year=group.year)
            for group in view.by_year
        ),
        SitePage(paths.skills, t("nav.skills"), "", meta=PORTFOLIO_META, header=header(paths.skills, "portfolio/skills.html")),
        SitePage(
            paths.experience,
            t("nav.experience"),
            "",
            meta=PORTFOLIO_META,
            header=header(paths.experience, "portfolio/experience.html", per_role=ENTRIES_PER_ROLE_ON_TIMELINE),
        ),
        SitePage(
            paths.resume,
            t("nav.resume"),
            "",
            meta=PORTFOLIO_META,
            header=header(paths.resume, "portfolio/resume.html", highlights_per_role=RESUME_HIGHLIGHTS_PER_ROLE),
        ),
    ]
    for variant in context.resumes:
        # Each tailored résumé is the default one drawn from the part of the public view it selects.
        tailored = tailor(view, variant)
        resume = partial(render, variant.page, "portfolio/resume.html", view=tailored, resume_json=variant.json_file)
        out.pages.append(
            SitePage(
                variant.page,
                t("nav.resume"),
                "",
                meta=PORTFOLIO_META,
                header=header_when_needed(context, partial(resume, highlights_per_role=RESUME_HIGHLIGHTS_PER_ROLE)),
            )
        )
        out.files.append(SiteFile(variant.json_file, build_resume(tailored, context)))
    out.files += [
        SiteFile(STYLESHEET, (templates_dir() / "portfolio" / "portfolio.css").read_text(encoding="utf-8")),
        SiteFile(RESUME_JSON, build_resume(view, context)),
        SiteFile(FEED, build_feed(view, context, paths)),
    ]
    out.nav += [
        NavItem(t("nav.home"), paths.home),
        NavItem(t(f"nav.{entries_key}"), paths.achievements),
        NavItem(t("nav.skills"), paths.skills),
        NavItem(t("nav.experience"), paths.experience),
        NavItem(t("nav.resume"), paths.resume),
    ]
    return out


def _home_markdown(view: PortfolioView, src: str, render: Callable[..., str], json_ld: dict[str, Any] | None) -> str:
    # The summary is the user's Markdown: it sits between two HTML blocks so that MkDocs renders it.
    parts: Iterable[str] = (
        render(src, "portfolio/home_header.html", json_ld=json_ld),
        move_links(view.profile.summary_markdown, view.profile.path, src) if view.profile else "",
        render(src, "portfolio/home_body.html"),
    )
    return "\n\n".join(p for p in parts if p) + "\n"


__all__ = [
    "EntryCard",
    "PortfolioPaths",
    "PortfolioView",
    "ProfileView",
    "RoleView",
    "SkillBadge",
    "SkillEvidence",
    "build_portfolio_view",
    "newest_groups",
    "plain_text",
    "portfolio_part",
    "portfolio_paths",
]
