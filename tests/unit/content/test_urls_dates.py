"""URL arithmetic, the link allow-list and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from careerfolio.content import urls
from careerfolio.content.dates import PartialDate, build_today, parse_full_date, parse_partial_date
from careerfolio.content.urls import page_url, relative_url, safe_link


@pytest.mark.parametrize(
    ("src", "directory", "url"),
    [
        ("index.md", True, ""),
        ("journal/a.md", True, "journal/a/"),
        ("journal/a.md", False, "journal/a.html"),
        ("skills/index.md", True, "skills/"),
    ],
)
def test_page_url(src: str, directory: bool, url: str) -> None:
    assert page_url(src, directory) == url


@pytest.mark.parametrize(
    ("src", "dst", "directory", "rel"),
    [
        ("journal/2026/a.md", "skills/python.md", True, "../../../skills/python/"),
        ("index.md", "skills/python.md", True, "skills/python/"),
        ("dashboard/index.md", "index.md", True, "../"),
        ("journal/a.md", "skills/python.md", False, "../skills/python.html"),
    ],
)
def test_relative_url(src: str, dst: str, directory: bool, rel: str) -> None:
    assert relative_url(src, dst, directory) == rel


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.com", True),
        ("mailto:a@example.com", True),
        ("../x/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example", False),
    ],
)
def test_safe_link(url: str, allowed: bool) -> None:
    assert (safe_link(url) is not None) == allowed


def test_partial_dates() -> None:
    assert parse_partial_date("2016") == PartialDate(2016)
    assert parse_partial_date("2026-02").last_day == dt.date(2026, 2, 28)  # type: ignore[union-attr]
    assert parse_partial_date("2026-02-30") is None
    assert parse_partial_date("2016", allow_year=False) is None
    assert parse_full_date("2026-13-45") is None


def test_today_honours_source_date_epoch() -> None:
    assert build_today({"SOURCE_DATE_EPOCH": "1795305600"}) == dt.date(2026, 11, 22)
    assert build_today({}) == dt.date.today()


_SOURCES = [
    "index.md",
    "README.md",
    "a.md",
    "journal/a.md",
    "journal/index.md",
    "journal/2026/a.md",
    "journal/2026/b.md",
    "journal/2025/index.md",
    "skills/python.md",
    "skills/index.md",
    "portfolio/achievements/index.md",
    "journal/a b.md",
    # Paths no page of a career has, which the shortcut for a plain path must leave to the long way.
    "journal//c.md",
    "./journal/d.md",
    "journal/./e.md",
    "journal/.notes/f.md",
    ".hidden/g.md",
    "skills/../journal/h.md",
]


@pytest.mark.parametrize("directory", [True, False], ids=["directory-urls", "file-urls"])
def test_relative_url_agrees_with_posixpath_for_every_pair(directory: bool) -> None:
    import posixpath

    from careerfolio.content.urls import asset_url

    def reference(src: str, dst: str) -> str:
        here, there = page_url(src, directory), page_url(dst, directory)
        here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        rel = posixpath.relpath(there or ".", here_dir.rstrip("/") or ".")
        if there.endswith("/") or not there:
            rel = "./" if rel == "." else rel.rstrip("/") + "/"
        return rel

    for src in _SOURCES:
        for dst in _SOURCES:
            assert relative_url(src, dst, directory) == reference(src, dst), (src, dst)
        for asset in ("resume.json", "feed.xml", "assets/cv.pdf", "journal/2026/photo.png", "../outside.txt"):
            here = page_url(src, directory)
            here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
            assert asset_url(src, asset, directory) == posixpath.relpath(asset, here_dir.rstrip("/") or "."), (src, asset)


def test_split_paths_share_their_folder_names_and_the_cache_stays_small() -> None:
    # A long career splits thousands of paths; "journal" and "2026" are then one string each, and the
    # cache keeps the recent ones only (every entry passes through it once or twice).
    first, second = urls._site_parts("journal/2026/a-long-entry-name/"), urls._site_parts("journal/2026/another-entry/")
    assert first[:2] == second[:2] == ("journal", "2026")
    assert first[0] is second[0] and first[1] is second[1]
    maxsize = urls._site_parts.cache_info().maxsize
    assert maxsize is not None and maxsize <= 1 << 10


def test_a_link_shared_by_pages_as_deep_is_not_taken_by_a_page_in_its_target_folder() -> None:
    # The link out of journal/ to a skill is kept for every page three folders deep; a skill's own
    # sub-page, as deep, is in the skill's folder and takes the shorter way.
    assert relative_url("journal/2026/a.md", "skills/python.md") == "../../../skills/python/"
    assert relative_url("roles/acme/lead.md", "skills/python.md") == "../../../skills/python/"
    assert relative_url("skills/tools/git.md", "skills/python.md") == "../../python/"
    assert relative_url("journal/2026/b.md", "journal/2025/c.md") == "../../2025/c/"


def test_a_full_date_is_read_the_same_the_quick_way_and_the_long_way() -> None:
    from careerfolio.content.dates import parse_partial_date

    def long_way(text: str) -> dt.date | None:
        partial = parse_partial_date(text)
        return partial.first_day if partial is not None and partial.day is not None else None

    texts = ["2026-03-14", "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "9999-12-31", "2026-W11-6"]
    texts += [
        "2026-03-00",
        "2026-00-00",
        "2026-3-14",
        "2026-03-1x",
        "２０２６-03-14",
        "2026-03-14\n",
        " 2026-03-14",
        "2026/03/14",
        "20260314",
        "2026-03",
    ]
    for text in texts:
        assert parse_full_date(text) == long_way(text), text
    # A month or day 00 is no date either way, not the first of the month or of the year.
    for text in ("2026-03-00", "2026-00-10", "2026-00-00"):
        assert parse_full_date(text) is None and parse_partial_date(text) is None, text
    assert parse_partial_date("2026-00") is None
