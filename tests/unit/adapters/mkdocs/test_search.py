"""Search stand-ins: search plugins read our header's and blocks' text, and the page gets its HTML back whatever they did."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from careerfolio.adapters.mkdocs.pages import PageState, with_header_and_blocks
from careerfolio.adapters.mkdocs.search import restore_after_search, stand_in_for_search
from careerfolio.plan.model import block_placeholder

HEADER = '<div class="cf-header"><h1>Shipped it</h1><dl><dt>Role</dt><dd><a href="../roles/acme/">Acme</a></dd></dl></div>'
BLOCKS = ('<div class="cf-card"><p>Cut the <em>nightly</em> batch</p></div>',)
BODY = f"<p>What happened.</p>\n{block_placeholder(0)}"


def _stood_in() -> tuple[str, PageState]:
    state = PageState()
    return stand_in_for_search(BODY, HEADER, "Shipped it", BLOCKS, state), state


def test_search_reads_text_where_the_header_and_blocks_will_be() -> None:
    html, _ = _stood_in()
    assert "<dl>" not in html and "<em>" not in html and "cf-card" not in html
    assert "Role Acme" in html and "Cut the nightly batch" in html and "<p>What happened.</p>" in html


# What another plugin's on_page_content may do to the page before careerfolio puts the HTML back.
EDITS: dict[str, Callable[[str], str]] = {
    "nothing": lambda html: html,
    "something put before the page": lambda html: "<p>Banner</p>\n" + html,
    "the stand-in's text changed": lambda html: html.replace("Role Acme", "Role ACME"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_the_page_gets_the_html_back_as_if_no_stand_in_had_been_there(edit: Callable[[str], str]) -> None:
    html, state = _stood_in()
    restored = restore_after_search(edit(html), state)
    assert restored == with_header_and_blocks(edit(BODY), HEADER, BLOCKS)
    assert "data-careerfolio" not in (restored or "")
    # Kept for after the page is written: the HTML without our header; the rest is let go.
    assert state.body == with_header_and_blocks(edit(BODY), "", BLOCKS)
    assert (state.packed_header, state.stand_in, state.blocks) == (b"", "", ())


def test_a_page_without_a_header_keeps_its_content() -> None:
    state = PageState()
    html = stand_in_for_search("<p>Plain.</p>", "", None, (), state)
    assert html == "<p>Plain.</p>" and restore_after_search(html, state) == html and state.body is None
