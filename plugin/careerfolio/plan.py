"""The plan of one build, as data: pages, files, nav and what every part of a site may know.

Site parts (record pages, the dashboard, the portfolio) produce these; the
MkDocs adapter and any other engine apply them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Literal

from .corpus import Corpus
from .problems import Problem
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
    # Finished HTML, or a function that renders it when the page is built: a private build of a
    # long career then never holds thousands of headers at once, and `mkdocs serve --dirty`
    # renders only the pages it rebuilds.
    header: str | Callable[[], str] = field(default="", compare=False)
    # Everything a deferred header is made from, when that is cheaper to compare than rendering it:
    # two plans of a page with equal `inputs` render the same header. `mkdocs serve --dirty` then
    # leaves a generated page unbuilt when nothing it shows has changed (None: render and compare).
    inputs: Hashable | None = field(default=None, compare=False)

    def header_html(self) -> str:
        """The header's HTML, rendered now when it was deferred."""
        return self.header() if callable(self.header) else self.header

    @property
    def text(self) -> str:
        """The whole page as one Markdown document, for engines that take only Markdown."""
        header = self.header_html()
        return f"{header}\n\n{self.markdown}" if header else self.markdown


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


def header_when_needed(context: BuildContext, render: Callable[[], str]) -> str | Callable[[], str]:
    """A page header for `SitePage.header`: rendered now in a public build, whose published files
    depend on the headers' links; left for MkDocs to render page by page in a private one."""
    return render() if context.audience == "public" else render


Part = Callable[[Corpus, BuildContext], Contribution]
