"""The plain text that search plugins index in place of careerfolio's own HTML."""

from __future__ import annotations

from careerfolio.views.searchtext import search_text


def test_a_fact_list_reads_as_sentences_without_its_heading() -> None:
    header = (
        '<div class="cf-record"><link rel="stylesheet" href="x.css"><h1>Cut the <em>nightly</em> batch</h1>\n<dl class="cf-facts">'
        '<dt>Date<span class="cf-visually-hidden">: </span></dt><dd><time datetime="2026-03-14">2026-03-14</time>'
        '<span class="cf-visually-hidden">. </span></dd><dt>Skills<span class="cf-visually-hidden">: </span></dt><dd>'
        '<ul class="cf-chips"><li><a href="../python/">Python</a></li><li><a href="../sql/">SQL</a></li></ul>'
        '<span class="cf-visually-hidden">. </span></dd></dl></div>'
    )
    assert search_text(header) == "Date: 2026-03-14. Skills: Python SQL."


def test_links_and_list_items_in_a_row_stay_apart_and_words_inside_inline_tags_stay_whole() -> None:
    assert search_text('<nav><a href="2026/">2026</a><a href="2025/">2025</a></nav>') == "2026 2025"
    assert search_text("<p>re<em>build</em>s in <strong>two</strong> steps</p>") == "rebuilds in two steps"


def test_scripts_and_styles_are_not_text_and_references_stay_escaped() -> None:
    html = '<script type="application/ld+json">{"name": "Dana"}</script><style>p { color: red }</style><p>R&amp;D &lt;team&gt;</p>'
    assert search_text(html) == "R&amp;D &lt;team&gt;"
    assert search_text("") == ""


def test_decoration_hidden_from_screen_readers_is_no_text() -> None:
    # The way back's arrow is aria-hidden: no word to find, and a character above U+00FF would make Python
    # store the whole page's search text in two bytes per character, held by the search plugin to the end.
    header = (
        '<nav class="cf-back" aria-label="Back"><a href="../"><span aria-hidden="true">← </span>Highlights</a></nav>'
        '<h1>Cut the batch</h1><dl class="cf-facts"><dt>Kind<span class="cf-visually-hidden">: </span></dt>'
        '<dd><span class="cf-swatch" aria-hidden="true"></span>achievement</dd></dl>'
    )
    text = search_text(header, "Cut the batch")
    assert text == "Highlights Kind: achievement"
    assert max(map(ord, text)) <= 0xFF
