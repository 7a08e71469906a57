"""Fixtures for the browser checks: the example career built once per audience,
served on the loopback address, and Debian's Chromium driven by Playwright.

A missing tool (Chromium, Playwright, Java, the npm packages) skips these checks
with the reason, except under CI=true, where it fails them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import pytest

from helpers import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

Audience = Literal["public", "private"]
Scheme = Literal["light", "dark"]

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = REPO / "test-artifacts"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# No sandbox (CI runs as root), and nothing Chromium would fetch on its own behalf.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# Material's palettes in mkdocs.yml: the scheme each emulated colour preference selects.
MATERIAL_SCHEMES: dict[Scheme, str] = {"light": "default", "dark": "slate"}


def require(present: bool, what: str, remedy: str) -> None:
    """Skip, or under CI=true fail, when a tool these checks need is missing."""
    if present:
        return
    message = f"{what} is missing ({remedy})"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class BuiltSite:
    """One build of the example career, served over HTTP on the loopback address."""

    audience: Audience
    root: Path
    base_url: str

    def has_page(self, url_path: str) -> bool:
        return (self.root / url_path.lstrip("/") / "index.html").is_file()

    def url(self, url_path: str) -> str:
        return self.base_url + url_path

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log would drown pytest's output


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    """An HTTP server for `root` on 127.0.0.1 and a free port, running in a daemon thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, name=f"serve {root.name}", daemon=True).start()
    return server


def serve_site(audience: Audience, root: Path) -> Iterator[BuiltSite]:
    """Serve a built site for as long as the generator runs; a fixture yields from it."""
    server = serve(root)
    host, port = server.server_address[:2]
    try:
        yield BuiltSite(audience, root, f"http://{host!s}:{port}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def public_site(example_public: Path) -> Iterator[BuiltSite]:
    """The session's public build of the example (tests/conftest.py), served."""
    yield from serve_site("public", example_public)


@pytest.fixture(scope="session")
def private_site(example_private: Path) -> Iterator[BuiltSite]:
    """The session's private build of the example (tests/conftest.py), served."""
    yield from serve_site("private", example_private)


@pytest.fixture(scope="session")
def sites(public_site: BuiltSite, private_site: BuiltSite) -> dict[Audience, BuiltSite]:
    return {"public": public_site, "private": private_site}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require(CHROMIUM.is_file(), f"Chromium ({CHROMIUM})", "apt-get install chromium; .ci/run does it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python", "`make test` installs the test extra")
        raise
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """One page opened in its own browser context, with what went wrong while loading it."""

    page: Page
    outside: list[str] = field(default_factory=list)  # requests that would have left loopback (blocked)
    errors: list[str] = field(default_factory=list)  # console errors, page errors, failed requests, HTTP errors


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOOPBACK_HOSTS


def open_page(browser: Browser, url: str, scheme: Scheme = "light", reduced_motion: bool = False) -> Visit:
    """Open `url` with the given colour and motion preferences; block and record every request off loopback."""
    context = browser.new_context(
        color_scheme=scheme,
        reduced_motion="reduce" if reduced_motion else "no-preference",
        viewport={"width": 1280, "height": 900},
        service_workers="block",
    )
    page = context.new_page()
    visit = Visit(page)

    def route(route: Route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            visit.outside.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page.on("websocket", lambda ws: None if is_loopback(ws.url) else visit.outside.append(ws.url))
    page.on("console", lambda message: visit.errors.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.errors.append(f"uncaught: {error}"))
    page.on("requestfailed", lambda request: visit.errors.append(f"failed: {request.url} ({request.failure})"))
    page.on("response", lambda response: visit.errors.append(f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
    # Material's search index and its worker load after `load`; wait for them too.
    page.goto(url, wait_until="networkidle")
    settle(page)
    return visit


# Resolves once no transition or finite animation runs in the document; one started by the end
# of another (a colour after a fade) is waited for in the next round.
_SETTLE_JS = """async () => {
  for (let round = 0; round < 20; round++) {
    const running = document.getAnimations().filter(
      (animation) => animation.playState === "running" && animation.effect?.getComputedTiming().endTime !== Infinity
    );
    if (running.length === 0) return true;
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
  }
  return false;
}"""


def settle(page: Page) -> None:
    """Wait until every CSS transition and finite animation on the page has ended.

    A check that measures colours or positions right after a hover, a key or a
    load would otherwise read a frame in the middle of a transition, which no
    one looks at for more than a tenth of a second, and fail at random.
    """
    assert page.evaluate(_SETTLE_JS), "the page never stopped animating: twenty rounds of transitions ran one after another"


@pytest.fixture
def visit_page(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Open pages in fresh contexts, closed after the test."""
    opened: list[Visit] = []

    def opener(url: str, scheme: Scheme = "light", reduced_motion: bool = False) -> Visit:
        visit = open_page(browser, url, scheme, reduced_motion)
        opened.append(visit)
        return visit

    yield opener
    for visit in opened:
        visit.page.context.close()


@pytest.fixture(scope="session")
def shared_visit(browser: Browser) -> Iterator[Callable[[str, Scheme], Visit]]:
    """One visit per URL and colour scheme for the whole run: the page checks and axe look at the same load.

    Only for checks that leave the page as they found it (reading, screenshots, axe);
    a check that types, clicks or changes the palette opens its own with `visit_page`.
    """
    opened: dict[tuple[str, Scheme], Visit] = {}

    def opener(url: str, scheme: Scheme) -> Visit:
        if (url, scheme) not in opened:
            opened[url, scheme] = open_page(browser, url, scheme)
        return opened[url, scheme]

    yield opener
    for visit in opened.values():
        visit.page.context.close()


def artifact_path(*parts: str) -> Path:
    """A path under test-artifacts/ (git-ignored), its folder created."""
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
