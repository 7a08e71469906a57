"""The site model's blocks of HTML kept apart from Python-Markdown and put back whole."""

from __future__ import annotations

from careerfolio.plan.model import block_placeholder, html_kept_apart, restore_blocks


def test_html_between_headings_is_kept_apart_only_when_it_is_whole_divs() -> None:
    page = (
        '<div class="a">intro</div>\n\n## One\n\n'
        '<div class="b"><p>x</p>\n\n<pre>\nscores:\n  skills: 3\n</pre></div>\n\n## Two\n\n<div>y</div>\n'
    )
    markdown, blocks = html_kept_apart(page)
    assert markdown == "\n\n".join([block_placeholder(0), "## One", block_placeholder(1), "## Two", block_placeholder(2)]) + "\n"
    assert blocks[1].startswith('<div class="b">') and blocks[1].endswith("</pre></div>")
    assert restore_blocks(markdown, blocks).replace("\n", "") == page.replace("\n", "")
    # A value whose own line looks like a heading cuts a div in two: then nothing is kept apart.
    cut = '## One\n\n<div class="b"><p>Notes\n## Shout\n</p></div>\n'
    assert html_kept_apart(cut) == (cut, ())
