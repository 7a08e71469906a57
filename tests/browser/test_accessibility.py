"""axe-core finds no serious or critical accessibility violation, in the light and the dark palette."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import AXE_JS, MATERIAL_SCHEMES, NODE_MODULES, Audience, BuiltSite, Scheme, Visit, artifact_path, require, settle
from .pages import CASES, PageCase, assert_built

if TYPE_CHECKING:
    from playwright.sync_api import ElementHandle

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = ("serious", "critical")


def axe_version_wanted() -> str:
    """The axe-core version package.json pins."""
    package = json.loads((NODE_MODULES.parent / "package.json").read_text(encoding="utf-8"))
    return str(package["devDependencies"]["axe-core"])


def run_axe(visit: Visit, within: ElementHandle | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it stands (or inside one element), every rule enabled by default."""
    require(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(NODE_MODULES.parent)})", "`make test` installs it with npm ci")
    if not visit.page.evaluate("typeof axe !== 'undefined'"):
        visit.page.add_script_tag(path=str(AXE_JS))
    assert visit.page.evaluate("axe.version") == axe_version_wanted(), "node_modules holds another axe-core than package.json pins"
    result: list[dict[str, Any]] = visit.page.evaluate(
        "async (within) => (await axe.run(within ?? document, {resultTypes: ['violations']})).violations", within
    )
    return result


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_axe_finds_no_serious_violation(
    case: PageCase, scheme: Scheme, sites: dict[Audience, BuiltSite], shared_visit: Callable[[str, Scheme], Visit]
) -> None:
    site = sites[case.audience]
    assert_built(case, site)
    visit = shared_visit(site.url(case.url_path), scheme)
    # Material picks the palette from the emulated preference; check it did, or "dark" would test light twice.
    assert visit.page.evaluate("document.body.dataset.mdColorScheme") == MATERIAL_SCHEMES[scheme]

    blocking = [v for v in run_axe(visit) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{case.url_path} ({scheme}):\n{describe(blocking)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_buttons_keep_their_contrast(scheme: Scheme, public_site: BuiltSite, visit_page: Callable[..., Visit]) -> None:
    """Each button of the home page, under the mouse, still passes axe: hover changes colours axe never sees at rest."""
    home = next(case for case in CASES if case.name == "home")
    assert_built(home, public_site)
    visit = visit_page(public_site.url(home.url_path), scheme)
    page = visit.page
    buttons = page.locator(".cf-button")
    assert buttons.count() >= 2, "the home page lost its buttons (solid and quiet); this check would test nothing"
    for index in range(buttons.count()):
        button = buttons.nth(index)
        at_rest = button.evaluate("element => getComputedStyle(element).backgroundColor")
        button.hover()
        settle(page)  # the colour the reader sees, not a frame of Material's 125 ms transition
        hovered = button.evaluate("element => element.matches(':hover') && getComputedStyle(element).backgroundColor")
        assert hovered and hovered != at_rest, f"button {index + 1} does not change under the mouse; the hover style is not tested"
        blocking = [v for v in run_axe(visit, button.element_handle()) if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"{button.inner_text()!r} hovered ({scheme}):\n{describe(blocking)}"


def test_hovered_buttons_change_at_once_for_reduced_motion(public_site: BuiltSite, visit_page: Callable[..., Visit]) -> None:
    """With the system set to reduce motion, a hovered button shows its final colours at once, and they pass axe.

    Material turns every transition off under `prefers-reduced-motion: reduce`; the other
    checks wait for transitions to end (settle), so this is where the motion case is tested.
    """
    home = next(case for case in CASES if case.name == "home")
    visit = visit_page(public_site.url(home.url_path), "light", reduced_motion=True)
    buttons = visit.page.locator(".cf-button")
    assert buttons.count() >= 2, "the home page lost its buttons; this check would test nothing"
    for index in range(buttons.count()):
        button = buttons.nth(index)
        button.hover()
        # Read at once, without waiting: nothing may still be on its way to the hover colours.
        running = button.evaluate("element => element.getAnimations().filter((a) => a.playState === 'running').length")
        assert running == 0, f"button {index + 1} still animates its hover under reduced motion"
        blocking = [v for v in run_axe(visit, button.element_handle()) if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"{button.inner_text()!r} hovered (reduced motion):\n{describe(blocking)}"


def test_the_palette_toggle_works_from_the_keyboard(public_site: BuiltSite, visit_page: Callable[..., Visit]) -> None:
    """A keyboard user reaches the palette toggle with Tab and switches to the dark scheme, which axe also accepts."""
    visit = visit_page(public_site.url("/profile/"), "light")
    page = visit.page
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-md-component=palette]') !== null"):
            break
    else:
        pytest.fail("twenty presses of Tab never reached the palette toggle")
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    settle(page)
    blocking = [v for v in run_axe(visit) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"dark scheme chosen with the keyboard:\n{describe(blocking)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_opens_from_the_keyboard_as_a_named_dialog(scheme: Scheme, public_site: BuiltSite, visit_page: Callable[..., Visit]) -> None:
    """The search dialog opens with a key, has a name a screen reader announces, and its results pass axe."""
    visit = visit_page(public_site.url("/profile/"), scheme)
    page = visit.page
    page.keyboard.press("/")  # Material's shortcut for search
    page.keyboard.type("airflow")
    dialog = page.get_by_role("dialog", name="Search")
    result = dialog.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=10000)
    settle(page)  # results fade in; measure them once they have
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "the search field did not take the focus"
    page.screenshot(path=artifact_path("screenshots", f"public-search-{scheme}.png"))
    blocking = [v for v in run_axe(visit) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"search open ({scheme}):\n{describe(blocking)}"


@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("achievement", "profile", "dashboard")], ids=lambda case: case.id)
def test_the_first_tab_offers_to_skip_to_the_content(
    case: PageCase, sites: dict[Audience, BuiltSite], visit_page: Callable[..., Visit]
) -> None:
    """A keyboard user's first Tab shows "Skip to content", and following it leaves the header and navigation behind."""
    site = sites[case.audience]
    assert_built(case, site)
    page = visit_page(site.url(case.url_path), "light").page
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.evaluate("element => element.matches('a.md-skip')"), "the first Tab stop is not the skip link"
    box = skip.bounding_box()
    assert box is not None and box["width"] > 1 and box["height"] > 1 and box["y"] >= 0, "the focused skip link is not on screen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after = page.evaluate("document.activeElement.closest('.md-header, .md-sidebar, .md-tabs, [data-md-component=skip]') === null")
    assert after, "after skipping, Tab still lands in the header or the navigation"
