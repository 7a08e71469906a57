"""Relative links in Markdown bodies: which files a page points at."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

# Inline links and images, reference definitions, and href/src attributes of raw HTML.
_TARGETS = re.compile(
    r"""\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)"""
    r"""|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"""
    r"""|\b(?:href|src)\s*=\s*["']([^"']+)["']""",
    re.MULTILINE,
)


def link_targets(src_path: str, markdown: str) -> list[tuple[str, str]]:
    """(raw target, docs-relative path) of every relative link in `markdown`.

    Absolute URLs, anchors and links that climb out of docs_dir are left out.
    """
    found = []
    for match in _TARGETS.finditer(markdown):
        raw = match.group(1) or match.group(2) or match.group(3)
        resolved = resolve_target(src_path, raw)
        if resolved is not None:
            found.append((raw, resolved))
    return found


def resolve_target(src_path: str, raw: str) -> str | None:
    """The docs-relative path a link in `src_path` points at, or None when it leaves the docs."""
    parts = urlsplit(raw.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(src_path), path))
    if resolved.startswith("../") or resolved == "..":
        return None
    return resolved
