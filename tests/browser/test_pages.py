"""The pages open in Chromium, show their content, log no error and fetch nothing off the machine."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from .conftest import Audience, BuiltSite, Scheme, Visit, artifact_path, is_loopback, open_page, require, serve
from .pages import CASES, PageCase, assert_built

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# Attributes through which a page makes the browser fetch something by itself (links a person follows are not among them).
_FETCHING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_page_shows_its_content_without_errors_or_outside_requests(
    case: PageCase, scheme: Scheme, sites: dict[Audience, BuiltSite], shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    site = sites[case.audience]
    assert_built(case, site)
    visit = shared_visit(site.url(case.url_path), scheme)
    visit.page.screenshot(path=artifact_path("screenshots", f"{case.id}-{scheme}.png"), full_page=True)

    content = visit.page.locator(".md-content")
    for text in case.expected:
        # Some occurrences may sit in a closed <details> (a chart's table); one visible is enough.
        assert content.get_by_text(text).filter(visible=True).count() > 0, f"{case.url_path}: {text!r} is not visible"
    # The private build says so on every page; the public one never does.
    banner = visit.page.locator(".cf-private-banner")
    if case.audience == "private":
        assert banner.is_visible(), f"{case.url_path}: the private banner is not visible"
    else:
        assert banner.count() == 0, f"{case.url_path}: a public page carries the private banner"
    assert visit.outside == [], f"{case.url_path}: requests left the loopback address"
    assert visit.errors == [], f"{case.url_path}: errors while loading"


def _outside_urls_in_html(path: Path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag, attributes in _FETCHING.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not isinstance(value, str):
                    continue
                # srcset holds "url width, url width"; a lone URL splits into itself.
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
                found += [url for url in urls if url.startswith(("http:", "https:", "//")) and not is_loopback(url)]
    for style in soup.find_all("style"):
        found += _CSS_URL.findall(style.get_text())
    for element in soup.find_all(style=True):
        found += _CSS_URL.findall(str(element["style"]))
    return found


def test_fact_lists_show_names_beside_values_and_hide_their_punctuation(
    public_site: BuiltSite, shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    """An achievement's facts read "Date: ….", yet on screen the colon and full stop take no room
    and each name sits on the row of its value."""
    case = next(case for case in CASES if case.name == "achievement")
    assert_built(case, public_site)
    page = shared_visit(public_site.url(case.url_path), "light").page
    facts = page.locator("article dl.cf-facts")
    assert re.search(r"Date: \d{4}-\d{2}-\d{2}\. Kind: \w+\.", facts.text_content() or ""), facts.text_content()
    hidden = facts.locator(".cf-visually-hidden")
    assert hidden.count() >= 4, "the fact list lost its separators"
    for index in range(hidden.count()):
        box = hidden.nth(index).bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1, f"separator {index + 1} is visible: {box}"
    names, values = facts.locator("dt"), facts.locator("dd")
    assert names.count() == values.count() >= 2
    for index in range(names.count()):
        name, value = names.nth(index).bounding_box(), values.nth(index).bounding_box()
        assert name is not None and value is not None
        assert abs(name["y"] - value["y"]) < 2 and name["x"] + name["width"] <= value["x"], f"fact {index + 1} is not a row"


@pytest.mark.parametrize("audience", ["public", "private"])
def test_no_built_file_makes_the_browser_fetch_from_elsewhere(audience: Audience, sites: dict[Audience, BuiltSite]) -> None:
    """Every page and stylesheet of the build, not only the ones opened: fonts, scripts and images are local."""
    site = sites[audience]
    outside = {}
    for path in site.html_files():
        if urls := _outside_urls_in_html(path):
            outside[path.relative_to(site.root).as_posix()] = urls
    for path in sorted(site.root.rglob("*.css")):
        if urls := [url for url in _CSS_URL.findall(path.read_text(encoding="utf-8")) if not is_loopback(url)]:
            outside[path.relative_to(site.root).as_posix()] = urls
    assert site.html_files(), "the build made no HTML"
    assert outside == {}


def test_the_guards_catch_a_page_that_calls_out(browser: Browser, tmp_path: Path) -> None:
    """What the checks above rely on: a Google Fonts link is both found in the file and blocked in the browser."""
    page = tmp_path / "index.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Calls out</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>'
        "<body><p>Text</p></body></html>",
        encoding="utf-8",
    )
    assert _outside_urls_in_html(page) == ["https://fonts.googleapis.com/css?family=Roboto"]
    server = serve(tmp_path)
    try:
        visit = open_page(browser, f"http://127.0.0.1:{server.server_address[1]}/")
        visit.page.context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert visit.outside == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert visit.errors, "a blocked stylesheet should count as a failed request"


def test_a_missing_tool_skips_outside_ci_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is missing"):
        require(False, "Chromium", "install it")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is missing"):
        require(False, "Chromium", "install it")
    require(True, "Chromium", "install it")  # present: neither
