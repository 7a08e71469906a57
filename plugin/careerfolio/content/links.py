"""Where a relative link in a Markdown body leads, as a docs-relative path (links themselves are read from HTML: htmllinks)."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit


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
