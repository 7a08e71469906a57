"""Which names are Markdown pages: the same list as MkDocs, compared case-sensitively for pages."""

from __future__ import annotations

import pytest
from mkdocs import utils

from careerfolio.content.paths import MARKDOWN_SUFFIXES, looks_like_markdown, markdown_stem, page_stem


def test_the_suffixes_are_mkdocs_own() -> None:
    assert sorted(MARKDOWN_SUFFIXES) == sorted(utils.markdown_extensions)


@pytest.mark.parametrize(
    ("path", "stem", "looks", "page"),
    [
        ("journal/2026/a.md", "journal/2026/a", True, "journal/2026/a"),
        ("notes.markdown", "notes", True, "notes"),
        ("Notes.MD", None, True, "Notes"),  # MkDocs copies it raw: not a page, yet Markdown all the same
        ("photo.png", None, False, "photo.png"),
        ("md", None, False, "md"),
    ],
)
def test_stems_and_markdown_by_name(path: str, stem: str | None, looks: bool, page: str) -> None:
    assert (markdown_stem(path), looks_like_markdown(path), page_stem(path)) == (stem, looks, page)
