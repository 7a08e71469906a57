"""Markdown that moves to another page: its relative links rewritten to work from where it now lives.

The profile's summary is shown on the portfolio home, which moves to
`portfolio/` when the user has an `index.md` of their own. One scan finds every
link target (inline links and images, reference definitions, `href` and `src`
of raw HTML) with its place in the text, and each is rewritten once, in place:
rewriting by search and replace would rewrite a target again wherever it is
also part of another (`talks.md` inside `portfolio/talks.md`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

# One pass over the text. Code (fenced blocks, inline spans) and autolinks come first, so that
# what looks like a link inside them is left as it is.
_MARKDOWN = re.compile(
    r"(?P<fenced>^[ ]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ ]{0,3}(?P=fence)[`~]*[ \t]*$|\Z))"
    r"|(?P<code>(?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>)"
    # [text](target "title") and ![alt](target): the target bare or in <angle brackets>.
    r"|(?P<inline>\]\([ \t]*(?:\n[ \t]*)?)(?:<(?P<inline_angle>[^<>\n]*)>|(?P<inline_bare>(?:[^\s()<>]|\([^\s()]*\))+))"
    # [label]: target, the target on the same line or indented on the next; [^note]: is a footnote.
    r"|(?P<definition>^[ ]{0,3}\[(?!\^)(?:[^\]\\\n]|\\.)+\]:[ \t]*(?:\n[ \t]*)?)"
    r"(?:<(?P<definition_angle>[^<>\n]*)>|(?P<definition_bare>\S+))"
    # A raw HTML start tag: its href and src attributes are rewritten one by one.
    r"|(?P<tag><[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^>]*>)",
    re.MULTILINE,
)
_TARGET_GROUPS = ("inline_angle", "inline_bare", "definition_angle", "definition_bare")
# HTML attribute names are case-insensitive; values may be double-quoted, single-quoted or bare.
_ATTRIBUTE = re.compile(
    r"""(?P<name>\s(?:href|src)\s*=\s*)(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+))""", re.IGNORECASE
)


def move_links(markdown: str, from_src: str, to_src: str) -> str:
    """`markdown` written beside `from_src`, with each relative link rewritten to lead to the same place from `to_src`."""
    from_dir, to_dir = posixpath.dirname(from_src), posixpath.dirname(to_src)
    if from_dir == to_dir:
        return markdown

    def move(target: str) -> str:
        return moved_target(target, from_dir, to_dir)

    return _MARKDOWN.sub(lambda found: _rewrite(found, move), markdown)


def moved_target(target: str, from_dir: str, to_dir: str) -> str:
    """A link target written in `from_dir`, as written in `to_dir`; absolute URLs, site-absolute paths and anchors stay."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return target
    path = posixpath.relpath(posixpath.join(from_dir or ".", parts.path), to_dir or ".")
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"  # relpath drops it; to MkDocs, "about/" and "about" are not the same link
    # The query and the fragment follow the path in the target as written.
    return path + target[len(parts.path) :]


def _rewrite(found: re.Match[str], move: Callable[[str], str]) -> str:
    if found.group("tag"):
        return _ATTRIBUTE.sub(lambda attribute: _rewrite_attribute(attribute, move), found.group("tag"))
    for group in _TARGET_GROUPS:
        target = found.group(group)
        if target is not None:
            start, end = found.span(group)
            text, offset = found.group(0), found.start()
            return text[: start - offset] + move(target) + text[end - offset :]
    return found.group(0)  # code or an autolink


def _rewrite_attribute(attribute: re.Match[str], move: Callable[[str], str]) -> str:
    name = attribute.group("name")
    if attribute.group("double") is not None:
        return f'{name}"{move(attribute.group("double"))}"'
    if attribute.group("single") is not None:
        return f"{name}'{move(attribute.group('single'))}'"
    return name + move(attribute.group("bare"))
