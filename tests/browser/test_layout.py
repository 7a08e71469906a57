"""Every generated page of both builds fits a 360 px phone and a 1280 px desktop without sideways scrolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import Audience, BuiltSite

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# The width of the page, against the width of the window without its scrollbar.
_OVERFLOW = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def _url_paths(site: BuiltSite) -> list[str]:
    """The URL path of every HTML file the build wrote."""
    paths = []
    for html in site.html_files():
        relative = html.relative_to(site.root).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("audience", ["public", "private"])
def test_no_page_scrolls_sideways(audience: Audience, width: int, sites: dict[Audience, BuiltSite], browser: Browser) -> None:
    site = sites[audience]
    paths = _url_paths(site)
    assert "/dashboard/" in paths if audience == "private" else "/" in paths
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    # Nothing off the machine: the layout must not depend on a font or script from elsewhere.
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    page = context.new_page()
    too_wide = []
    try:
        for path in paths:
            page.goto(site.url(path), wait_until="load")
            scroll, client = page.evaluate(_OVERFLOW)
            if scroll > client:
                too_wide.append(f"{path}: {scroll} px wide in a {client} px window")
    finally:
        context.close()
    assert too_wide == [], f"{len(too_wide)} of {len(paths)} pages scroll sideways at {width} px"
