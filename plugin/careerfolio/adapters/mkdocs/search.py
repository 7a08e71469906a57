"""Search stand-ins: our header and HTML blocks as plain text while search plugins read a page, the real HTML after.

A speed trick (see plugin.speed_tricks_wanted). Search plugins parse a page's
HTML tag by tag in on_page_content, slowly; our header and the plan's blocks
are finished HTML whose text is known. `stand_in_for_search` puts that text in
their place, and `restore_after_search`, once every plugin has read the page,
puts the HTML back. Stand-ins are marked, so they are found again even when
another plugin edited their text or put something before them.
"""

from __future__ import annotations

import re

from careerfolio.adapters.mkdocs.pages import PageState
from careerfolio.plan.model import restore_blocks
from careerfolio.views.searchtext import search_stand_in, search_text

_HEADER_STAND_IN = "data-careerfolio-header-stand-in"
_MARKED_STAND_IN = re.compile(rf"<p {_HEADER_STAND_IN}(?:=\"\")?>.*?</p>\n*", re.DOTALL)
_BLOCK_STAND_IN = re.compile(r'<div data-careerfolio-block="(\d+)">.*?</div><p data-careerfolio-block-end="\1"></p>', re.DOTALL)


def stand_in_for_search(html_text: str, header: str, title: str | None, blocks: tuple[str, ...], state: PageState) -> str:
    """The page's HTML with the text of our header above it and of each block in its place; `state` keeps the HTML."""
    if header:
        stand_in = f"<p {_HEADER_STAND_IN}>{text}</p>" if (text := search_text(header, title)) else ""
        state.keep_header(header)
        state.stand_in = stand_in
        html_text = f"{stand_in}\n\n{html_text}" if html_text else stand_in
    if blocks:
        state.blocks = blocks
        stand_ins = tuple(
            f'<div data-careerfolio-block="{index}">{search_stand_in(block)}</div><p data-careerfolio-block-end="{index}"></p>'
            for index, block in enumerate(blocks)
        )
        html_text = restore_blocks(html_text, stand_ins)
    return html_text


def restore_after_search(content: str | None, state: PageState) -> str | None:
    """The page's HTML with the header and blocks `state` kept back in place of their stand-ins.

    `state` lets go of them, and keeps in `body` the HTML without our header, for after the page is written.
    """
    blocks, header, stand_in = state.blocks, state.take_header(), state.stand_in
    state.blocks, state.stand_in = (), ""
    if blocks and content:
        content = _BLOCK_STAND_IN.sub(lambda found: blocks[int(found.group(1))], content)
    if not header:
        return content
    body = content or ""
    if stand_in and body.startswith(stand_in):
        body = body[len(stand_in) :].lstrip("\n")
    elif stand_in:
        # Another plugin put something before it, or changed its text: the mark still says where it is.
        body = _MARKED_STAND_IN.sub("", body, count=1)
    state.body = body
    return f"{header}\n\n{body}" if body else header
