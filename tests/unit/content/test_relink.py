"""Links of Markdown that moves from profile.md to portfolio/index.md: every form, each target rewritten once."""

from __future__ import annotations

import pytest

from careerfolio.content.relink import move_links


def moved(markdown: str) -> str:
    return move_links(markdown, "profile.md", "portfolio/index.md")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[talks](talks.md)", "[talks](../talks.md)"),
        ("[talks](portfolio/talks.md)", "[talks](talks.md)"),
        ("[a](talks.md) [b](portfolio/talks.md)", "[a](../talks.md) [b](talks.md)"),
        ("[b](portfolio/talks.md) [a](talks.md)", "[b](talks.md) [a](../talks.md)"),
        ("[why](about.md#why)", "[why](../about.md#why)"),
        ("[x](about.md?a=1#b)", "[x](../about.md?a=1#b)"),
        ('[t](talks.md "My talks")', '[t](../talks.md "My talks")'),
        ("[t](talks.md 'My talks')", "[t](../talks.md 'My talks')"),
        ("[t](talks.md (My talks))", "[t](../talks.md (My talks))"),
        ("[t](<my talks.md> 'T')", "[t](<../my talks.md> 'T')"),
        ("[t](./notes/a%20b.md)", "[t](../notes/a%20b.md)"),
        ("[dir](about/)", "[dir](../about/)"),
        ("![me](me.png)", "![me](../me.png)"),
        ('![me](img/me.png "Me")', '![me](../img/me.png "Me")'),
        ("[![badge](b.svg)](about.md)", "[![badge](../b.svg)](../about.md)"),
        ("[t][r]\n\n[r]: talks.md\n", "[t][r]\n\n[r]: ../talks.md\n"),
        ("[r]: portfolio/talks.md 'Title'\n", "[r]: talks.md 'Title'\n"),
        ("[r]: <my talks.md>\n", "[r]: <../my talks.md>\n"),
        ("[r]:\n  talks.md\n", "[r]:\n  ../talks.md\n"),
        ("   [r]:   talks.md#x\n", "   [r]:   ../talks.md#x\n"),
        ("[^1]: talks.md is a note\n", "[^1]: talks.md is a note\n"),
        ("<https://example.com/talks.md>", "<https://example.com/talks.md>"),
        ("<dana@example.com>", "<dana@example.com>"),
        ('<a href="talks.md">t</a>', '<a href="../talks.md">t</a>'),
        ("<a href='talks.md'>t</a>", "<a href='../talks.md'>t</a>"),
        ("<a href=talks.md>t</a>", "<a href=../talks.md>t</a>"),
        ('<A HREF="portfolio/talks.md" class="x">t</A>', '<A HREF="talks.md" class="x">t</A>'),
        ('<img src="me.png" alt="me">', '<img src="../me.png" alt="me">'),
        ('<img\n  src="me.png"\n  alt="me">', '<img\n  src="../me.png"\n  alt="me">'),
        ('<a data-href="talks.md" href="talks.md">', '<a data-href="talks.md" href="../talks.md">'),
        ("[a](https://example.com/x.md) [m](mailto:d@example.com)", "[a](https://example.com/x.md) [m](mailto:d@example.com)"),
        ("[top](#summary) [abs](/talks.md)", "[top](#summary) [abs](/talks.md)"),
        ("`[t](talks.md)` and ``<a href='x.md'>``", "`[t](talks.md)` and ``<a href='x.md'>``"),
        ("```\n[t](talks.md)\n```\n[t](talks.md)\n", "```\n[t](talks.md)\n```\n[t](../talks.md)\n"),
        ("~~~~md\n<a href=talks.md>\n~~~~\n", "~~~~md\n<a href=talks.md>\n~~~~\n"),
    ],
    ids=[
        "inline",
        "inline-into-the-new-folder",
        "same-name-in-two-folders",
        "same-name-in-two-folders-reversed",
        "anchor",
        "query-and-anchor",
        "double-quoted-title",
        "single-quoted-title",
        "parenthesized-title",
        "angle-brackets",
        "percent-encoded",
        "folder-url",
        "image",
        "image-with-title",
        "image-inside-link",
        "reference-definition",
        "reference-definition-with-title",
        "reference-definition-angle",
        "reference-definition-url-on-next-line",
        "reference-definition-indented",
        "footnote-is-not-a-link",
        "autolink",
        "email-autolink",
        "html-double-quoted",
        "html-single-quoted",
        "html-unquoted",
        "html-upper-case",
        "html-img",
        "html-attributes-on-lines",
        "html-only-href-and-src",
        "absolute-urls-stay",
        "anchors-and-site-absolute-stay",
        "inline-code-stays",
        "fenced-code-stays",
        "tilde-fence-stays",
    ],
)
def test_each_link_form_is_rewritten_once_relative_to_the_new_place(markdown: str, expected: str) -> None:
    assert moved(markdown) == expected


def test_markdown_that_stays_in_its_folder_is_returned_as_it_is() -> None:
    text = "[t](talks.md)"
    assert move_links(text, "profile.md", "index.md") is text


def test_moving_there_and_back_gives_the_text_back() -> None:
    text = "[a](talks.md) [b](portfolio/talks.md) <a href=x/y.md>c</a>\n\n[r]: notes/n.md#top\n"
    there = move_links(text, "profile.md", "portfolio/index.md")
    assert move_links(there, "portfolio/index.md", "profile.md") == text
