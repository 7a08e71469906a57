"""A planned page as MkDocs builds it: its Markdown and front matter, our header above the body, and its record between events.

MkDocs hands a page from event to event (read source, Markdown, content,
context, post page); what careerfolio keeps of one page meanwhile is one
`PageState`, dropped once the page is written.
"""

from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass
from typing import Any

from careerfolio.plan.model import SitePage, restore_blocks

# Front matter keys of ordinary pages that Material understands and that carry no text.
_PASSTHROUGH_META = ("hide", "icon", "status", "search", "template")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass
class PageState:
    """What careerfolio keeps of one page between MkDocs' page events."""

    # Our header, rendered before the page's events by serve --dirty to compare it; else None.
    prerendered: str | None = None
    # Our header, waiting for on_page_context while its search stand-in sits in the page (b"": none).
    # Compressed: MkDocs renders every page's content before it writes any, so a long career holds
    # all its headers at once (10 million characters at 5,000 entries); packed, a tenth of that.
    packed_header: bytes = b""
    stand_in: str = ""
    # The page's blocks of HTML, waiting behind their search stand-ins (see SitePage.blocks).
    blocks: tuple[str, ...] = ()
    # The page's HTML without our header, given back to the page once it is written.
    body: str | None = None

    def keep_header(self, header: str) -> None:
        self.packed_header = zlib.compress(header.encode(), 1) if header else b""

    def take_header(self) -> str:
        """The header kept, let go of."""
        packed, self.packed_header = self.packed_header, b""
        return zlib.decompress(packed).decode() if packed else ""


def markdown_source(planned: SitePage) -> str:
    """What MkDocs reads as the page's file: the Markdown alone, our header joins as HTML later."""
    # Our header is finished HTML, which Python-Markdown would parse only to pass it through, at more
    # cost than the body. MkDocs reads metadata from the start of what it is given: YAML after a first
    # line of "---" (a body may start with a thematic break), or else MultiMarkdown "Key: value" lines,
    # which would swallow a body's first lines such as "Result: ...". A blank first line stops both.
    return "\n" + planned.markdown


def page_meta(planned: SitePage) -> dict[str, Any]:
    """The page's front matter as the theme reads it: the escaped title and keys that carry no text."""
    # Material writes titles and meta values into HTML unescaped; hand it escaped text only.
    meta: dict[str, Any] = {"title": html.escape(planned.title)}
    for key in _PASSTHROUGH_META:
        if key in planned.meta:
            meta[key] = planned.meta[key]
    return meta


def shared_markdown(markdown: str, planned: SitePage) -> str:
    """The plan's own string when MkDocs hands back a copy of it, so that no page holds a second copy of its body."""
    return planned.markdown if markdown == planned.markdown.lstrip("\n") else markdown


def with_header_and_blocks(html_text: str, header: str, blocks: tuple[str, ...]) -> str:
    """The page's HTML with our header above it and its blocks in place: the plain way, without stand-ins."""
    if header:
        html_text = f"{header}\n\n{html_text}" if html_text else header
    return restore_blocks(html_text, blocks)


def without_comments(html_text: str) -> str:
    """A public page's HTML without comments: the core strips them from the Markdown, Markdown extensions may add some."""
    return _HTML_COMMENT.sub("", html_text)
