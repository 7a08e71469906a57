"""What a site search indexes of careerfolio's own HTML: its text, without the markup.

Search plugins (Material's, MkDocs' own) parse every page's HTML in Python,
and their cost grows with the number of tags. A record's header is a fact
list of some fifty tags above a body of a dozen, so parsing it took most of
the indexing time of a long career. The adapter shows the search plugin this
text instead of the header and puts the header back before the page is
written, so the page a person sees is unchanged.
"""

from __future__ import annotations

import re
from html import escape

# The page's own <h1> is its title, which the search index takes from the page's metadata; the portfolio's
# navigation and a record's way back are the same on many pages and say nothing of the page.
_HEADING_1 = re.compile(r"<h1\b[^>]*>.*?</h1>|<nav class=\"cf-(?:site-nav|back)\"[^>]*>.*?</nav>", re.DOTALL | re.IGNORECASE)
# Tags that end a piece of text: without a space, "<li>Python</li><li>SQL</li>" would read "PythonSQL",
# and a row of links such as the years of the achievements page "20262025".
_BREAKING_TAG = re.compile(r"</?(?:a|address|article|br|dd|div|dl|dt|h[2-6]|li|nav|ol|p|section|table|td|th|tr|ul)\b[^>]*>", re.IGNORECASE)
# <style> and <script> hold no text for a reader; other tags are left out and their text kept.
_NO_TEXT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Text hidden from screen readers is decoration (the arrow of a way back), no words. Left out, it also keeps a
# record's search text in one byte per character: one "←" makes Python store a whole page's text in two, and
# the search plugin holds every page's text until the build ends (14 MB more at 5,000 entries).
_DECORATION = re.compile(r"<span\b[^>]*\baria-hidden=\"true\"[^>]*>[^<]*</span>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[.,;:!?)])")


def search_text(html: str, title: str | None = None) -> str:
    """The text a reader sees in `html`, as one line; character references are kept as they are.

    An `<h1>` that shows the page's `title` (escaped, as the header writes it) is left out: the
    index has the title already. Any other `<h1>` (the résumé's is the person's name) is text.
    """

    def heading(found: re.Match[str]) -> str:
        shown = " ".join(_TAG.sub(" ", found.group(0)).split())
        return " " if title is not None and shown == " ".join(escape(title).split()) else f" {shown} "

    if "aria-hidden" in html:
        html = _DECORATION.sub(" ", html)
    text = _NO_TEXT.sub(" ", _HEADING_1.sub(heading, html) if title is not None else _HEADING_1.sub(" ", html))
    text = _TAG.sub("", _BREAKING_TAG.sub(" ", text))
    return _SPACE_BEFORE_PUNCTUATION.sub("", _SPACE.sub(" ", text)).strip()


# Headings below the page's title start the sections a search result can link to; a stand-in keeps them.
_SUBHEADING = re.compile(r"<h([2-6])\b[^>]*>.*?</h\1>", re.DOTALL | re.IGNORECASE)


def search_stand_in(html: str) -> str:
    """HTML for a search plugin to index in place of `html`: its headings as they are, the text between them as paragraphs."""
    pieces: list[str] = []
    start = 0
    for heading in [*_SUBHEADING.finditer(html), None]:
        end = heading.start() if heading is not None else len(html)
        if text := search_text(html[start:end]):
            pieces.append(f"<p>{text}</p>")
        if heading is not None:
            pieces.append(heading.group(0))
            start = heading.end()
    return "".join(pieces)


__all__ = ["search_stand_in", "search_text"]
