"""URLs of pages, computed the way MkDocs computes them, and the allow-list for user links."""

from __future__ import annotations

import posixpath
import sys
from functools import lru_cache
from urllib.parse import urlsplit

from careerfolio.content.paths import markdown_stem

_SAFE_SCHEMES = frozenset({"https", "http", "mailto"})


@lru_cache(maxsize=1 << 16)
def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives the page built from `src_path` ("" is the root)."""
    stem = markdown_stem(src_path) or src_path
    head, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{head}/" if head else ""
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def output_path(src_path: str, use_directory_urls: bool = True) -> str:
    """The file MkDocs writes for the page built from `src_path`, relative to the site folder."""
    url = page_url(src_path, use_directory_urls)
    return f"{url}index.html" if url.endswith("/") or not url else url


def relative_url(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """A link from the page built from `from_src` to the page built from `to_src`."""
    return LinksFrom(from_src, use_directory_urls).page(to_src)


def asset_url(from_src: str, asset_path: str, use_directory_urls: bool = True) -> str:
    """A link from a page to a file at a site-relative path such as `resume.json`."""
    return LinksFrom(from_src, use_directory_urls).asset(asset_path)


class LinksFrom:
    """Links from one page to others, with the page's own place in the site worked out once.

    A journal entry's header links to its skills, its role and a stylesheet;
    a long career makes tens of thousands of such links.
    """

    def __init__(self, from_src: str, use_directory_urls: bool = True) -> None:
        here = page_url(from_src, use_directory_urls)
        here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        self._start = here_dir.rstrip("/") or "."
        # Each page's own place is split once, here: a long career's thousands are not worth a cache.
        self._start_parts = tuple(self._start.split("/")) if _plain(self._start) else _site_parts(self._start)
        self._use_directory_urls = use_directory_urls
        self._top = self._start_parts[0] if self._start_parts else ""
        # A page outside the site (a ".." step) shares no links: posixpath works each of its out.
        outside = ".." in self._start_parts
        self._climbs = _links_climbing_from(len(self._start_parts)) if not outside else {}
        self._up = None if outside else "../" * len(self._start_parts)

    def page(self, to_src: str) -> str:
        """The link to the page built from `to_src`."""
        there = page_url(to_src, self._use_directory_urls)
        rel = self._relpath(there or ".")
        if there.endswith("/") or not there:
            rel = "./" if rel == "." else rel.rstrip("/") + "/"
        return rel

    def asset(self, asset_path: str) -> str:
        """The link to a file at a site-relative path."""
        return self._relpath(asset_path)

    def _relpath(self, path: str) -> str:
        """posixpath.relpath for site-relative paths, without its calls to getcwd.

        relpath makes both paths absolute against the working directory first,
        which costs more than the rest of a page's header together.
        """
        climb = self._climbs.get(path)
        if climb is not None and climb[0] != self._top:
            return climb[1]
        top = path.partition("/")[0]
        if top != self._top and self._up is not None and _plain(path):
            # Out of this page's top folder: all the way up, then down the path as it is written.
            rel = self._up + path.rstrip("/")
            if len(self._climbs) < _CLIMBS_KEPT:
                self._climbs[path] = (top, rel)
            return rel
        to = _site_parts(path)
        base = self._start_parts
        if ".." in to or ".." in base:
            return posixpath.relpath(path, self._start)  # rare; let posixpath resolve the parent steps
        common = 0
        for a, b in zip(to, base, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join((*([".."] * (len(base) - common)), *to[common:])) or "."
        if common == 0 and len(self._climbs) < _CLIMBS_KEPT:
            self._climbs[path] = (to[0] if to else "", rel)
        return rel


def _plain(path: str) -> bool:
    """True when `path` is its steps joined by "/" (and perhaps a last "/"): no empty step, none starting with "."."""
    return bool(path) and path[0] not in "./" and "//" not in path and "/." not in path


# A link that leaves the page's top folder climbs to the site's root and down to its target, so it is
# the same from every page as deep: a year's page and a role's page both link to thousands of entries,
# every entry to its skills. Such links are kept by depth, as (the target's top folder, the link); the
# top folder tells a page in that same folder, whose link is shorter, to work its own out.
_CLIMBS_KEPT = 1 << 16


@lru_cache(maxsize=64)
def _links_climbing_from(depth: int) -> dict[str, tuple[str, str]]:
    """The links out of their top folder from pages `depth` folders deep, by site-relative target."""
    return {}


@lru_cache(maxsize=1 << 10)
def _site_parts(path: str) -> tuple[str, ...]:
    """The folders and name of a site-relative path, without empty and "." steps.

    A career's links lead to a few hundred pages from thousands, so each target is split once. The
    cache keeps the most recent thousand: every page's own folder and every entry passes through
    it once or twice, and keeping all of them (11,000 paths at 5,000 entries, 3.5 MB) for the
    whole build saved nothing. Folder names are interned: "journal" is one string, not thousands.
    """
    return tuple(sys.intern(part) for part in path.split("/") if part and part != ".")


def safe_link(url: str | None) -> str | None:
    """Return `url` when it may become a link (https, http, mailto or relative), else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 32 for ch in url):
        return None
    parts = urlsplit(url)
    if parts.scheme:
        return url if parts.scheme.lower() in _SAFE_SCHEMES else None
    # No scheme: relative, but "//host" would be another site on the same scheme.
    return None if url.startswith("//") else url
