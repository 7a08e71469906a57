"""Links as a browser finds them: read from HTML with a real parser, never from Markdown source.

A link is any attribute a browser follows or fetches (`href`, `src`,
`srcset`, `data`, `poster`, ...) and the URL of a `<meta http-equiv=refresh>`,
in any case and with or without quotes, as the parser reads them. A path in
code, in a title or in running text is text, not a link. The same reading
serves redaction (links to pages that are not public lose their target), the
list of files a public build copies, and the guard.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# Attributes whose value is one URL that a browser follows, loads or submits to.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "data", "poster", "action", "formaction", "cite", "background", "longdesc", "manifest", "ping", "xlink:href"}
)
# Attributes whose value is a list of "URL descriptor" candidates.
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
_REFRESH_URL = re.compile(r"""url\s*=\s*['"]?([^'"\s;]+)""", re.IGNORECASE)
# A start tag with a link attribute outside its quoted values: found in C, so that only those tags
# reach the parser. `content` is for <meta http-equiv=refresh>; `/` separates attributes as a space does.
_LINK_TAG = re.compile(
    r"""<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*?[\s/"']"""
    r"""(?:href|src|srcset|imagesrcset|data|poster|action|formaction|cite|background|longdesc|manifest|ping|xlink:href|content)"""
    r"""\s*=(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Link:
    """One URL in a start tag: where the tag is in the text, and what it points at."""

    tag: str
    attribute: str
    url: str
    start: int  # offset of the tag's `<`
    end: int  # offset just after the tag's `>`


class _TagReader(HTMLParser):
    """Reads the name and attributes of one start tag, as a browser's tokenizer does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, list[tuple[str, str | None]]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag = (tag, attrs)

    handle_startendtag = handle_starttag


_READER = _TagReader()  # one parser, reset for each tag: making one costs more than reading a tag
# Tags read, by their text: the links careerfolio's headers make recur on every page at one depth.
_READ: dict[str, tuple[str, list[tuple[str, str | None]]] | None] = {}
_MAX_READ = 1 << 14


def _read_tag(text: str) -> tuple[str, list[tuple[str, str | None]]] | None:
    if text in _READ:
        return _READ[text]
    _READER.reset()
    _READER.tag = None
    _READER.feed(text)
    _READER.close()
    if len(_READ) >= _MAX_READ:
        _READ.clear()
    _READ[text] = _READER.tag
    return _READER.tag


def _urls(tag: str, name: str, value: str | None, attrs: list[tuple[str, str | None]]) -> Iterator[str]:
    if value is None:
        return
    if name in URL_ATTRIBUTES:
        yield value
    elif name in SRCSET_ATTRIBUTES:
        for candidate in value.split(","):
            url = candidate.strip().split(None, 1)
            if url:
                yield url[0]
    elif tag == "meta" and name == "content" and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs):
        found = _REFRESH_URL.search(value)
        if found:
            yield found.group(1)


def read_links(html_text: str) -> tuple[list[Link], dict[int, tuple[str, list[tuple[str, str | None]], int]]]:
    """Every link in `html_text`, and the tags that carry them by offset.

    Tags with a link attribute are found by one regular expression that
    skips quoted values; each is then read by Python's HTML parser, which
    decides names, values, quotes and character references. Escaped text
    (`&lt;a href=...&gt;` in code) has no `<` and holds no tag. Text a browser
    would not follow (inside a comment or a script) may be taken for a link:
    the safe side of the error, as such a link is only ever removed.
    """
    links: list[Link] = []
    tags: dict[int, tuple[str, list[tuple[str, str | None]], int]] = {}
    for match in _LINK_TAG.finditer(html_text):
        found = _read_tag(match.group())
        if found is None:
            continue
        tag, attrs = found
        start, end = match.span()
        here = [Link(tag, name, url, start, end) for name, value in attrs for url in _urls(tag, name, value, attrs)]
        if here:
            links.extend(here)
            tags[start] = (tag, attrs, end)
    return links, tags


def links_in(html_text: str) -> list[Link]:
    """Every link in `html_text`, in order."""
    return read_links(html_text)[0]


def drop_links(html_text: str, is_allowed: Callable[[str], bool]) -> tuple[str, int]:
    """`html_text` with every link that `is_allowed` refuses taken out of its tag, and how many were.

    The tag stays, without the attribute: an `<a>` keeps its text and is no
    longer a link; an `<img>` keeps its alternative text and loads nothing.
    A srcset or a refresh with one refused URL goes whole.
    """
    links, tags = read_links(html_text)
    refused: dict[int, set[str]] = {}
    for link in links:
        if not is_allowed(link.url):
            refused.setdefault(link.start, set()).add(link.attribute)
    if not refused:
        return html_text, 0
    out: list[str] = []
    done = 0
    for start in sorted(refused):
        tag, attrs, end = tags[start]
        names = refused[start]
        if tag == "meta" and "content" in names:
            out.append(html_text[done:start])  # a refresh to a private page: the whole tag goes
        else:
            kept = "".join(f' {name}="{escape(value)}"' if value is not None else f" {name}" for name, value in attrs if name not in names)
            closing = "/>" if html_text[start:end].endswith("/>") else ">"
            out.append(f"{html_text[done:start]}<{tag}{kept}{closing}")
        done = end
    out.append(html_text[done:])
    return "".join(out), sum(len(names) for names in refused.values())


def site_path(page_url: str, url: str) -> str | None:
    """The site-relative path a URL on the page at `page_url` points at; None for another site or a bare anchor.

    Read as a browser reads it: backslashes are slashes, escapes are undone,
    and the path is compared in Unicode's composed form, as file names are.
    """
    return _site_path(folder_of(page_url), url)


def folder_of(page_url: str) -> str:
    """The folder relative links on the page at `page_url` start from (a page URL ending in / is its own).

    A page at the site's root (`index.html`, `about.html` without directory URLs) starts from the root, "".
    """
    if page_url.endswith("/") or not page_url:
        return page_url
    folder = posixpath.dirname(page_url)
    return f"{folder}/" if folder else ""


_PLAIN_URL = re.compile(r"[\w./-]+")  # no scheme, escape, backslash, query or anchor: the common case, taken as it is


def _site_path(folder: str, url: str) -> str | None:
    if _PLAIN_URL.fullmatch(url) and url.isascii() and not url.startswith("//"):
        path = url
    else:
        url = url.strip().replace("\\", "/")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            return None
        path = unicodedata.normalize("NFC", unquote(parts.path))
    if not path:
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)  # "/": the site's root
    resolved = posixpath.normpath(joined)
    if resolved in (".", ""):
        return ""
    while resolved.startswith("../") or resolved == "..":
        resolved = resolved[3:]  # a browser stops climbing at the root
    return resolved + ("/" if path.endswith("/") and not resolved.endswith("/") else "")


class PublicLinks:
    """What the links of a public page may point at, decided from the build's own list of files.

    Every file of the user's docs folder is known by each name a link may
    use for it: its source path (`journal/x.md`), its URL (`journal/x/`,
    `journal/x`) and its output file. A link to one that is not published
    is refused; a link to a file that may be published (an image, a PDF)
    is allowed and remembered, and only remembered files are copied.
    Anything else (theme assets, generated files, other sites) is allowed.
    """

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, bool]] = {}  # a name -> (source path, is an asset)
        self._published: set[str] = set()
        self.linked_assets: set[str] = set()

    def add_page(self, src_path: str, url: str, dest_path: str, published: bool) -> None:
        """A documentation page of the user's, known by its source path, URL and output file."""
        for name in {src_path, url, url.rstrip("/"), dest_path}:
            self._names.setdefault(unicodedata.normalize("NFC", name), (src_path, False))
        if published:
            self._published.add(src_path)

    def add_generated(self, src_path: str) -> None:
        """A page of careerfolio's: where a private file of the user's had its path, links there now lead to ours."""
        self._published.add(src_path)

    def add_file(self, src_path: str, dest_path: str, publishable: bool) -> None:
        """A file of the user's that is not a page: copied only when a public page links to it."""
        for name in {src_path, dest_path}:
            self._names.setdefault(unicodedata.normalize("NFC", name), (src_path, True))
        if publishable:
            self._published.add(src_path)

    def allows(self, page_url: str, src_path: str, url: str) -> bool:
        """Whether the page at `page_url`, built from `src_path`, may keep a link to `url`.

        A link is read as the browser reads it, from the page's URL, and as its
        author may have meant it, from the source file's folder (raw HTML is not
        rewritten by MkDocs): refused when either names a file that is not
        published, since even a broken link shows the name. An allowed link to
        a file marks it for copying.
        """
        allowed = True
        for folder in (folder_of(page_url), folder_of(src_path)):
            path = _site_path(folder, url)
            known = None if path is None else self._known(path)
            if known is None:
                continue
            source, is_asset = known
            if source not in self._published:
                allowed = False
            elif is_asset:
                self.linked_assets.add(source)
        return allowed

    def _known(self, path: str) -> tuple[str, bool] | None:
        bare = path.rstrip("/")
        return self._names.get(path) or self._names.get(bare) or self._names.get(f"{bare}/index.html" if bare else "index.html")


__all__ = ["Link", "PublicLinks", "drop_links", "links_in", "read_links", "site_path"]
