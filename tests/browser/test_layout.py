"""Every generated page of both builds fits a 360 px phone and a 1280 px desktop without sideways scrolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cli_support import run
from helpers import run_mkdocs

from .conftest import Audience, BuiltSite, serve_site

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


def _first_step_top(browser: Browser, url: str, width: int) -> float:
    """How far down the page the first next step starts, in CSS pixels, in a window `width` wide and 800 high."""
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        box = page.locator("#cf-next .cf-step").first.bounding_box(timeout=5000)
        assert box is not None, f"{url}: no next step is shown"
        return float(box["y"] + box["height"])
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_first_screen_of_the_dashboard_says_what_to_do_next(
    width: int, private_site: BuiltSite, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The example career, and a site fresh from `careerfolio init`: the first step is whole on the first screen.
    assert _first_step_top(browser, private_site.url("/dashboard/"), width) <= 800
    fresh = tmp_path_factory.mktemp("fresh") / "career"
    assert run(fresh.parent, "init", "career").exit_code == 0
    result = run_mkdocs(fresh, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    for built in serve_site("private", fresh / "site-private"):
        assert _first_step_top(browser, built.url("/dashboard/"), width) <= 800
