"""The theme-fragment cache: pieces of Material's page template rendered once and reused within one build.

A speed trick (see plugin.speed_tricks_wanted): templates/overrides/ asks the
`careerfolio_fragments` global for a piece before rendering it. Each key says
exactly what the piece's HTML depends on, so a hit is the HTML the theme would
have rendered; when the user's custom_dir overrides any partial, nothing is shared.
"""

from __future__ import annotations

import posixpath
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url


class Fragments:
    """Pieces of the theme's page template rendered once and reused within one build.

    Each key says exactly what the piece's HTML depends on, so a hit is the
    same HTML the theme would have rendered (see templates/overrides/).
    """

    def __init__(self, config: MkDocsConfig) -> None:
        self._homepage, logo = config.extra.get("homepage"), config.theme.get("logo")
        self._extra_urls = [str(url) for url in (self._homepage, logo) if url]
        self._rendered: dict[tuple[str, ...], str] = {}
        self._nav: Navigation | None = None
        self._nav_page_ids: frozenset[int] = frozenset()
        self._nav_link_urls: list[str] = []
        self._nav_first_folders: frozenset[str | None] | None = None
        # The header: links to the homepage, the logo and the other languages, and the page's title.
        alternates = config.extra.get("alternate")
        languages = [alt for alt in alternates if isinstance(alt, dict)] if isinstance(alternates, list) else []
        self._header_urls = [str(url) for url in (logo,) if url] + [str(alt.get("link", "")) for alt in languages]
        # A partial from the user's custom_dir may show anything of the page, and a shared piece may include
        # it by way of another partial (the nav includes nav-item.html): with any partial of the user's,
        # nothing is shared and every piece is rendered for every page.
        custom_dir = config.theme.custom_dir
        users_partials = custom_dir is not None and any(path.is_file() for path in (Path(custom_dir) / "partials").rglob("*"))
        self._themes_own = not users_partials
        self._header_is_the_themes = self._footer_is_the_themes = self._styles_are_the_themes = self._themes_own
        self._untitled_headers: dict[tuple[str, ...], tuple[str, str] | None] = {}
        self._title_mark = f"careerfolio-title-{secrets.token_hex(8)}"

    def nav_key(self, page: Page | None, nav: Navigation | None) -> tuple[str, ...] | None:
        """The primary navigation's links as seen from `page`; None when the page is in the navigation (its item is active)."""
        if page is None or nav is None or not self._themes_own:
            return None
        if nav is not self._nav:
            self._learn_nav(nav)
        if id(page) in self._nav_page_ids:
            return None
        if self._nav_first_folders is not None and _first_folder(page.url) not in self._nav_first_folders:
            # No link shares the page's first folder, so each is the way up to the root and then
            # down: the same from every page at the page's depth.
            return ("nav", "depth", normalize_url(".", page=page))
        return ("nav", *(normalize_url(url, page=page) for url in self._nav_link_urls))

    def _learn_nav(self, nav: Navigation) -> None:
        self._nav = nav
        self._nav_page_ids = frozenset(id(page) for page in nav.pages)
        urls = [*self._extra_urls, *(_nav_urls(nav.items))]
        if nav.homepage is not None:
            urls.append(nav.homepage.url)
        self._nav_link_urls = urls
        relative = [url for url in urls if not _is_absolute(url)]
        plain = all(".." not in url.split("/") and "\\" not in url for url in relative)
        self._nav_first_folders = frozenset(_first_part(url) for url in relative) if plain else None

    def header_key(self, page: Page | None, nav: Navigation | None, features: Iterable[str]) -> tuple[str, ...] | None:
        """The header's links as seen from `page`; None when the header shows more of the page than its title.

        That is when sticky tabs mark the page's section, or when the user's custom_dir
        replaces a partial of the header with one that may show anything.
        """
        if page is None or not self._header_is_the_themes or "navigation.tabs.sticky" in features:
            return None
        homepage = self._homepage or (nav.homepage.url if nav is not None and nav.homepage is not None else "")
        return ("header", *(normalize_url(str(url), page=page) for url in (homepage, *self._header_urls)))

    def untitled(self, page: Page) -> _TitleStandIn:
        """`page` with a mark for its title, to render a header that titled() can give any page of its key."""
        return _TitleStandIn(page, self._title_mark)

    def keep_untitled(self, key: tuple[str, ...], rendered: str) -> str:
        """Keep a header rendered from untitled(); nothing to print."""
        before, mark, after = rendered.partition(self._title_mark)
        self._untitled_headers[key] = (before, after) if mark and self._title_mark not in after else None
        return ""

    def titled(self, key: tuple[str, ...], page: Page) -> str | None:
        """The kept header of `key` with the title the theme shows for `page`; None if none was kept."""
        parts = self._untitled_headers.get(key)
        if parts is None:
            return None
        meta = page.meta
        title = meta["title"] if meta and meta.get("title") else page.title
        return f"{parts[0]}{title}{parts[1]}"

    def has_header(self, key: tuple[str, ...]) -> bool:
        return key in self._untitled_headers

    def footer_key(self, page: Page | None, features: Iterable[str]) -> tuple[str, ...] | None:
        """For the footer of a page that links to no previous or next page: the same on every such page."""
        if page is None or not self._footer_is_the_themes:
            return None
        if "navigation.footer" in features and (page.previous_page is not None or page.next_page is not None):
            return None
        return ("footer",)

    def styles_key(self, page: Page | None, base_url: str) -> tuple[str, ...] | None:
        """For the stylesheet links: the theme's own, under assets/, and its icons drawn inline."""
        return self.root_key("styles", page, base_url) if self._styles_are_the_themes else None

    def root_key(self, name: str, page: Page | None, base_url: str) -> tuple[str, ...] | None:
        """For a piece whose only links are to the site root and to the theme's assets/ folder.

        From a page outside assets/, such a link is the way to the root plus the
        path: the same for every page at the same depth.
        """
        if page is None or page.url.startswith("assets/") or not self._themes_own:
            return None
        return (name, base_url)

    def build_key(self, name: str) -> tuple[str, ...] | None:
        """For a piece with no link and nothing of the page in it: the same on every page of a build."""
        return (name,) if self._themes_own else None

    def has(self, key: tuple[str, ...]) -> bool:
        return key in self._rendered

    def get(self, key: tuple[str, ...]) -> str:
        return self._rendered[key]

    def put(self, key: tuple[str, ...], rendered: str) -> str:
        self._rendered[key] = rendered
        return rendered


class _TitleStandIn:
    """A page as the header partial sees it: itself, but titled with a mark and without front matter.

    Material's header shows the front matter's title, else the page's; the mark stands for either.
    """

    def __init__(self, page: Page, mark: str) -> None:
        self._page = page
        self.title = mark
        self.meta: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _first_folder(page_url: str) -> str | None:
    """The first folder of the place MkDocs makes a page's relative links from (None at the site root)."""
    folder, _, name = page_url.rpartition("/")
    return _first_part(folder if "." in name else page_url)


def _first_part(path: str) -> str | None:
    """The first segment of a relative path as MkDocs compares paths (None for the root itself)."""
    normalized = posixpath.normpath("/" + path)[1:]
    return normalized.split("/", 1)[0] if normalized else None


def _is_absolute(url: str) -> bool:
    """A link normalize_url leaves as it is: with a scheme or host, or from the server root, or to an anchor."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith(("/", "#"))


def _nav_urls(items: Iterable[Any]) -> Iterator[str]:
    """The URL of every page, link and section index in the navigation, in order."""
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _nav_urls(getattr(item, "children", None) or ())
