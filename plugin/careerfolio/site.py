"""What one build contains: pages, extra files and nav, decided from the corpus alone.

`build_site` is pure: the MkDocs adapter and the CLI both apply its result.
Each part of the site (record pages, dashboard, portfolio) contributes pages
and files; privacy is decided here once, by building public sites from
`corpus.public()` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .corpus import Corpus
from .links import link_targets
from .problems import Problem, Severity
from .redaction import redact_corpus
from .render import render_template
from .settings import Settings

Audience = Literal["public", "private"]


@dataclass(frozen=True)
class SitePage:
    """A page MkDocs renders: the user's file (`generated=False`) or one of ours.

    The page is `header`, finished HTML of ours, above `markdown`, rendered as
    Markdown. Keeping them apart spares the Markdown parser our HTML and lets
    a record's page share the record's body instead of copying it.
    """

    src_path: str
    title: str
    markdown: str
    generated: bool = True
    meta: dict[str, Any] = field(default_factory=dict)
    header: str = ""

    @property
    def text(self) -> str:
        """The whole page as one Markdown document, for engines that take only Markdown."""
        return f"{self.header}\n\n{self.markdown}" if self.header else self.markdown


@dataclass(frozen=True)
class SiteFile:
    """A file written as it is, such as dashboard/data.json."""

    dest_path: str
    content: str | bytes


@dataclass(frozen=True)
class NavItem:
    title: str
    src_path: str


@dataclass(frozen=True)
class BuildContext:
    """What every part of the site may know besides the corpus."""

    audience: Audience
    today: dt.date
    settings: Settings
    use_directory_urls: bool = True
    site_url: str | None = None
    user_pages: frozenset[str] = frozenset()  # docs-relative paths of the user's Markdown files


@dataclass
class Contribution:
    """What one part of the site adds."""

    pages: list[SitePage] = field(default_factory=list)
    files: list[SiteFile] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Site:
    """The whole plan of one build."""

    audience: Audience
    pages: tuple[SitePage, ...]
    files: tuple[SiteFile, ...]
    nav: tuple[NavItem, ...]
    assets: frozenset[str]  # docs-relative non-Markdown files that may be copied
    problems: tuple[Problem, ...]

    def page(self, src_path: str) -> SitePage | None:
        return self._by_path.get(src_path)

    @property
    def _by_path(self) -> dict[str, SitePage]:
        cached = self.__dict__.get("_cache")
        if cached is None:
            cached = {p.src_path: p for p in self.pages}
            object.__setattr__(self, "_cache", cached)
        return cached


Part = Callable[[Corpus, BuildContext], Contribution]


def build_site(corpus: Corpus, context: BuildContext, asset_paths: Iterable[str] = ()) -> Site:
    """Plan a public or private build of `corpus`."""
    visible = corpus.public() if context.audience == "public" else corpus
    from .dashboard import dashboard_part  # parts build on this module's types
    from .portfolio import portfolio_part

    parts: list[Part] = [record_pages, dashboard_part, portfolio_part]
    pages: list[SitePage] = []
    files: list[SiteFile] = []
    nav: list[NavItem] = []
    problems: list[Problem] = []
    if context.audience == "public":
        # Every part sees public bodies without comments and without links to private pages.
        visible, redacted = redact_corpus(visible, context.user_pages)
        problems.extend(redacted)
    # A generated page never replaces a user's file that this build shows; a private one it may.
    taken = set(context.user_pages) if context.audience == "private" else set(visible.public_paths())
    for part in parts:
        contribution = part(visible, context)
        for page in contribution.pages:
            # A generated page never replaces a user's file.
            if page.generated and page.src_path in taken:
                continue
            taken.add(page.src_path)
            pages.append(page)
        files.extend(contribution.files)
        nav.extend(contribution.nav)
        problems.extend(contribution.problems)
    assets = frozenset(asset_paths)
    if context.audience == "public":
        assets = _linked_assets(pages, assets)
    # Files of ours never hide a user's asset of the same name.
    return Site(context.audience, tuple(pages), tuple(files), tuple(nav), assets, tuple(problems))


def _linked_assets(pages: Iterable[SitePage], assets: frozenset[str]) -> frozenset[str]:
    """Only the non-Markdown files that a published page links to."""
    linked = set()
    for page in pages:
        for _, target in link_targets(page.src_path, page.text):
            if target in assets:
                linked.add(target)
    return frozenset(linked)


def record_pages(corpus: Corpus, context: BuildContext) -> Contribution:
    """One page per record and ordinary page, rendered from the typed record."""
    out = Contribution()
    common = {"context": context, "corpus": corpus}
    for entry in corpus.entries:
        out.pages.append(_record_page(entry.path, entry.title, "pages/entry.html", entry.body, entry=entry, **common))
    for skill in corpus.skills:
        out.pages.append(_record_page(skill.path, skill.name, "pages/skill.html", skill.body, skill=skill, **common))
    for role in corpus.roles:
        title = f"{role.title}, {role.organization}"
        out.pages.append(_record_page(role.path, title, "pages/role.html", role.body, role=role, **common))
    for page in corpus.pages:
        out.pages.append(SitePage(page.path, page.title or _title_from_path(page.path), page.body, generated=False))
    if corpus.profile is not None:
        profile = corpus.profile
        out.pages.append(_record_page(profile.path, profile.name, "pages/profile.html", profile.body, profile=profile, **common))
    if context.audience == "private":
        for checkup in corpus.checkups:
            out.pages.append(
                _record_page(
                    checkup.path, f"Check-up of {checkup.date.isoformat()}", "pages/checkup.html", checkup.body, checkup=checkup, **common
                )
            )
        for contact in corpus.contacts:
            out.pages.append(_record_page(contact.path, contact.name, "pages/contact.html", contact.body, contact=contact, **common))
        for decision in corpus.decisions:
            out.pages.append(_record_page(decision.path, decision.title, "pages/decision.html", decision.body, decision=decision, **common))
        if corpus.layoff_plan is not None:
            plan = corpus.layoff_plan
            out.pages.append(_record_page(plan.path, "Layoff plan", "pages/layoff_plan.html", plan.body, plan=plan, **common))
    return out


def _record_page(src_path: str, title: str, template: str, body: str, **context: Any) -> SitePage:
    """A record's page: our HTML header (escaped by the template) above the user's own Markdown body."""
    return SitePage(src_path, title, body, generated=False, header=render_template(template, **context).strip())


def _title_from_path(path: str) -> str:
    name = path.rsplit("/", 1)[-1].removesuffix(".md")
    if name in ("index", "README"):
        return "Home"
    return name.replace("-", " ").replace("_", " ").capitalize()


__all__ = ["Audience", "BuildContext", "Contribution", "NavItem", "Severity", "Site", "SiteFile", "SitePage", "build_site", "record_pages"]
