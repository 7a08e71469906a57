"""The plan of one build, as data: pages, files, nav and what every part of a site may know.

Site parts (record pages, the dashboard, the portfolio) produce these; the
MkDocs adapter and any other engine apply them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Literal

from careerfolio.content.corpus import Corpus
from careerfolio.problems import Problem
from careerfolio.settings import Settings
from careerfolio.views.messages import ENGLISH, Messages
from careerfolio.views.variants import ResumeVariant

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
    # Finished HTML blocks that `markdown` names by block_placeholder(index): kept out of the
    # Markdown parser, which would only pass them through, at more cost than the rest of the page.
    blocks: tuple[str, ...] = field(default=(), compare=False)

    def header_html(self) -> str:
        """The header's HTML, rendered now when it was deferred."""
        return self.header() if callable(self.header) else self.header

    @property
    def text(self) -> str:
        """The whole page as one Markdown document, for engines that take only Markdown."""
        header = self.header_html()
        markdown = restore_blocks(self.markdown, self.blocks)
        return f"{header}\n\n{markdown}" if header else markdown


_PLACEHOLDER = re.compile(r'<div data-careerfolio-block="(\d+)"></div>')


def block_placeholder(index: int) -> str:
    """What stands in a page's Markdown (and in the HTML Markdown makes of it) for its block `index`."""
    return f'<div data-careerfolio-block="{index}"></div>'


def restore_blocks(text: str, blocks: tuple[str, ...]) -> str:
    """`text` with each block placeholder replaced by its block."""
    return _PLACEHOLDER.sub(lambda found: blocks[int(found.group(1))], text) if blocks else text


def html_kept_apart(markdown: str) -> tuple[str, tuple[str, ...]]:
    """Split a page made of Markdown headings, each followed by `<div>` blocks of HTML, into Markdown and blocks.

    The headings stay Markdown, so that the table of contents lists them; the
    HTML between two headings becomes one placeholder. When any stretch between
    headings is not whole `<div>` elements (a line of a value that looks like a
    heading would cut one in two: values are escaped, so they cannot open or
    close a div), nothing is kept apart and the page stays Markdown as it was.
    """
    parts: list[str] = []
    blocks: list[str] = []
    for piece in _HEADING_LINE.split(markdown):
        section = piece.strip("\n")
        if not section:
            continue
        if _HEADING_LINE.fullmatch(section):
            parts.append(section)
        elif section.startswith("<div") and section.endswith("</div>") and section.count("<div") == section.count("</div>"):
            parts.append(block_placeholder(len(blocks)))
            blocks.append(section)
        else:
            return markdown, ()
    return "\n\n".join(parts) + "\n", tuple(blocks)


_HEADING_LINE = re.compile(r"^(#{1,6} [^\n]*)$", re.MULTILINE)


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
    resumes: tuple[ResumeVariant, ...] = ()  # tailored résumés, besides the default one
    messages: Messages = ENGLISH  # the words of the site's language


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
    assets: frozenset[str]  # docs-relative non-Markdown files that may be copied: a public build copies those its pages link to
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
