"""Which files are Markdown pages, by name, as MkDocs decides it.

MkDocs builds a file as a page when its name ends in one of its Markdown
suffixes, compared case-sensitively; any other file is copied as it is. The
core needs the same answer without importing MkDocs, so the list is kept
here and a test compares it with MkDocs' own.
"""

from __future__ import annotations

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
"""MkDocs' `utils.markdown_extensions`: the names it renders as pages."""


def markdown_stem(path: str) -> str | None:
    """`path` without its Markdown suffix; None when MkDocs would not build it as a page."""
    for suffix in MARKDOWN_SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return None


def looks_like_markdown(path: str) -> bool:
    """True for a page and for a Markdown source MkDocs would copy raw (`Notes.MD`): either way, never published as a file."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def page_stem(path: str) -> str:
    """`path` without any Markdown suffix, in any case: the id and URL of a page or of a misnamed one."""
    lower = path.lower()
    for suffix in MARKDOWN_SUFFIXES:
        if lower.endswith(suffix):
            return path[: -len(suffix)]
    return path
