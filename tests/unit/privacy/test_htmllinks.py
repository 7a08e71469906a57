"""Links read from HTML as a browser reads them: forms, removal, and where a relative URL leads."""

from __future__ import annotations

import pytest

from careerfolio.privacy.htmllinks import PublicLinks, drop_links, links_in, site_path


@pytest.mark.parametrize(
    ("html_text", "url"),
    [
        ('<a href="x/">t</a>', "x/"),
        ("<a href='x/'>t</a>", "x/"),
        ("<a href=x/>t</a>", "x/"),
        ('<A HREF="x/">t</A>', "x/"),
        ('<a\nclass="c"\nhref="x/">t</a>', "x/"),
        ('<a/href="x/">t</a>', "x/"),
        ('<a title="a>b" href="x/">t</a>', "x/"),
        ('<a href="x&#47;">t</a>', "x/"),
        ('<img src="x/" alt="">', "x/"),
        ('<img srcset="x/ 1x, y/ 2x" alt="">', "x/"),
        ('<object data="x/"></object>', "x/"),
        ('<video poster="x/"></video>', "x/"),
        ('<form action="x/"></form>', "x/"),
        ('<meta http-equiv="refresh" content="0; url=x/">', "x/"),
    ],
    ids=lambda value: value if len(value) < 30 else value[:30],
)
def test_every_form_a_browser_follows_is_a_link(html_text: str, url: str) -> None:
    assert url in [link.url for link in links_in(html_text)]


@pytest.mark.parametrize(
    "html_text",
    [
        "<p>The attribute src=&quot;x/&quot; in prose.</p>",
        'The attribute src="x/" in prose.',
        '<pre><code>&lt;a href="x/"&gt;</code></pre>',
        '<code>href="x/"</code>',
        '<a title="href=x/">t</a>',
        '<a data-href="x/">t</a>',
        '<meta name="description" content="url=x/">',
    ],
)
def test_text_that_only_names_a_path_is_no_link(html_text: str) -> None:
    assert "x/" not in [link.url for link in links_in(html_text)]


def test_a_refused_link_loses_its_target_and_keeps_its_text() -> None:
    html_text = '<p>Before <a class="x" href="private/">the plans</a> and <a href="public/">more</a>.</p>'
    out, removed = drop_links(html_text, lambda url: url != "private/")
    assert removed == 1
    assert out == '<p>Before <a class="x">the plans</a> and <a href="public/">more</a>.</p>'


def test_a_refresh_to_a_refused_page_goes_whole() -> None:
    out, removed = drop_links('<meta http-equiv="refresh" content="0; url=private/"><p>x</p>', lambda url: False)
    assert (out, removed) == ("<p>x</p>", 1)


def test_html_without_a_refused_link_is_returned_unchanged() -> None:
    html_text = '<p><a href="x/">x</a> <img src="y.png" alt="y"></p>'
    assert drop_links(html_text, lambda url: True) == (html_text, 0)


@pytest.mark.parametrize(
    ("page_url", "url", "expected"),
    [
        ("notes/page/", "../journal/x/", "notes/journal/x/"),
        ("notes/page.md", "../journal/x.md", "journal/x.md"),
        ("notes/page/", "/journal/x/", "journal/x/"),
        ("notes/page/", "..\\..\\journal\\x\\", "journal/x/"),
        ("", "../../../x", "x"),
        ("notes/page/", "https://example.org/journal/x/", None),
        ("notes/page/", "//example.org/x", None),
        ("notes/page/", "#top", None),
        ("notes/page/", "caf%C3%A9/", "notes/page/café/"),
        ("notes/page/", "cafe\u0301/", "notes/page/café/"),
    ],
)
def test_a_relative_url_leads_where_a_browser_goes(page_url: str, url: str, expected: str | None) -> None:
    assert site_path(page_url, url) == expected


def test_public_links_refuse_any_name_of_a_private_page_and_remember_linked_files() -> None:
    links = PublicLinks()
    links.add_page("journal/x.md", "journal/x/", "journal/x/index.html", published=False)
    links.add_page("notes/a.md", "notes/a/", "notes/a/index.html", published=True)
    links.add_file("files/chart.png", "files/chart.png", publishable=True)
    links.add_file("files/other.png", "files/other.png", publishable=True)
    for url in ("../../journal/x/", "../../journal/x", "../journal/x.md", "/journal/x/index.html"):
        assert not links.allows("notes/a/", "notes/a.md", url), url
    assert links.allows("notes/a/", "notes/a.md", "../chart/")  # no file of the user's: not ours to judge
    assert links.allows("notes/a/", "notes/a.md", "../../files/chart.png")
    assert links.linked_assets == {"files/chart.png"}


def test_a_page_at_the_root_without_directory_urls_links_from_the_root() -> None:
    from careerfolio.privacy.htmllinks import folder_of, site_path

    assert folder_of("index.html") == folder_of("about.html") == ""
    assert folder_of("notes/a.html") == "notes/"
    assert site_path("about.html", "journal/x.html") == "journal/x.html"
    assert site_path("index.html", "../images/me.svg") == "images/me.svg"
