"""Pieces of the theme's template rendered once and reused: every page still gets the right ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import make_entry, make_profile, make_skill, run_mkdocs, write_site

FILES = [
    make_profile(),
    make_skill("python", name="Python"),
    make_entry(path="journal/2026/a.md", title="Deep one"),
    make_entry(path="journal/2025/b.md", date="2025-01-02", title="Other year"),
    make_entry(path="notes.md", date="2025-01-03", title="At the top"),
    make_entry(path="journal/2024/q1/c.md", date="2024-02-03", title="Deeper still"),
]


@pytest.fixture(scope="module", params=["public", "private"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp(request.param), FILES)
    result = run_mkdocs(root, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": request.param})
    assert result.returncode == 0, result.stderr
    return root / ("site-private" if request.param == "private" else "site")


def primary_nav(page: Path) -> BeautifulSoup:
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.md-nav--primary")
    assert nav is not None, page
    return nav


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_nav_link_on_every_page_leads_to_a_page_that_exists(site: Path) -> None:
    """Pages at different depths share no rendering: a wrong cache key would send these links astray."""
    assert len(pages(site)) > 8
    for page in pages(site):
        for link in primary_nav(page).select("a[href]"):
            href = str(link["href"]).split("#", 1)[0]
            if not href:
                continue  # the table of contents of the page itself
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), f"{page.relative_to(site)}: {href}"


def test_a_page_in_the_nav_is_marked_active_and_a_page_outside_it_marks_nothing(site: Path) -> None:
    """Same-depth pages of the nav (achievements/, skills/) would share a key if the key ignored the active page."""
    nav_titles = {a.get_text(strip=True) for a in primary_nav(site / "index.html").select("a.md-nav__link")}
    assert {"Achievements", "Skills", "Experience"} <= nav_titles
    for folder, title in (("achievements", "Achievements"), ("skills", "Skills"), ("experience", "Experience")):
        active = [a.get_text(strip=True) for a in primary_nav(site / folder / "index.html").select(".md-nav__link--active")]
        assert active == [title], folder
    for entry in ("journal/2026/a", "journal/2025/b", "notes", "journal/2024/q1/c"):
        assert primary_nav(site / entry / "index.html").select(".md-nav__link--active") == [], entry


def test_pages_of_one_folder_in_the_nav_each_mark_themselves(tmp_path: Path) -> None:
    """Without directory URLs, two pages of one folder see the same links; only the active item tells them apart."""
    files = [*FILES, make_entry(path="more.md", date="2025-01-04", title="Beside it")]
    nav = "use_directory_urls: false\nnav:\n  - Notes: notes.md\n  - More: more.md\n  - Deep: journal/2026/a.md\n"
    root = write_site(tmp_path, files, extra_config=nav)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    for name, title in (("notes.html", "Notes"), ("more.html", "More")):
        assert [a.get_text(strip=True) for a in primary_nav(root / "site" / name).select(".md-nav__link--active")] == [title]
    assert primary_nav(root / "site" / "journal" / "2025" / "b.html").select(".md-nav__link--active") == []


def test_the_theme_settings_on_every_page_lead_to_the_site_root_and_its_search_worker(site: Path) -> None:
    """The settings block is shared by pages at one depth: its paths must still fit each page."""
    seen = set()
    for page in pages(site):
        script = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("script", id="__config")
        assert script is not None, page
        settings = json.loads(script.get_text())
        assert (page.parent / settings["base"]).resolve() == site.resolve(), page
        assert (page.parent / settings["search"]).resolve().is_file(), page
        assert settings["translations"]["search.result.none"], page
        seen.add(settings["base"])
    assert len(seen) >= 3  # pages at several depths were checked


def test_every_page_has_the_named_search_dialog(site: Path) -> None:
    """The dialog is rendered once per build and reused; each page must still carry it, named."""
    for page in pages(site):
        dialog = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("div.md-search[role=dialog]")
        assert len(dialog) == 1 and dialog[0].get("aria-label") == "Search", page
        assert dialog[0].select_one("input.md-search__input") is not None, page


def header(page: Path) -> BeautifulSoup:
    found = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("header.md-header")
    assert found is not None, page
    return found


def header_title(page: Path) -> str:
    topic = header(page).select_one('[data-md-component="header-topic"] .md-ellipsis')
    assert topic is not None, page
    return topic.get_text(strip=True)


def with_theme(root: Path, **theme: Any) -> Path:
    """The site at `root` with more settings under `theme:` in its mkdocs.yml."""
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"].update(theme)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def test_every_header_shows_its_own_pages_title(site: Path) -> None:
    """journal/2026/a and journal/2025/b share a header rendering; each must still show its own title."""
    titles = {"journal/2026/a": "Deep one", "journal/2025/b": "Other year", "notes": "At the top", "journal/2024/q1/c": "Deeper still"}
    for entry, title in titles.items():
        assert header_title(site / entry / "index.html") == title, entry
    assert header_title(site / "skills" / "index.html") == "Skills"
    assert header_title(site / "achievements" / "index.html") == "Achievements"


def test_the_logo_and_language_links_of_every_header_fit_the_page(tmp_path: Path) -> None:
    """The header's own links are part of what pages share: from each page they must lead to the same places."""
    languages = "extra:\n  alternate:\n    - {name: English, link: ./, lang: en}\n    - {name: Deutsch, link: de/, lang: de}\n"
    root = write_site(tmp_path, FILES, extra_config=languages)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for page in pages(site):
        logo = header(page).select_one("a.md-logo")
        assert logo is not None and (page.parent / str(logo["href"])).resolve() == site.resolve(), page
        languages = {a["hreflang"]: (page.parent / str(a["href"])).resolve() for a in header(page).select("a.md-select__link")}
        assert languages == {"en": site.resolve(), "de": (site / "de").resolve()}, page


def test_a_header_partial_from_the_users_custom_dir_is_rendered_for_each_page(tmp_path: Path) -> None:
    """A partial of the user's own may show anything of the page: such a header is never shared."""
    root = with_theme(write_site(tmp_path, FILES), custom_dir="overrides")
    (root / "overrides" / "partials").mkdir(parents=True)
    partial = '{% if page %}data-page-url="{{ page.url }}" data-page-kind="{{ page.meta.kind }}"{% endif %}'
    (root / "overrides" / "partials" / "header.html").write_text(
        f'<header class="md-header" {partial}>{{{{ page.title if page }}}}</header>\n', encoding="utf-8"
    )
    result = run_mkdocs(root, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    site = root / "site-private"
    for entry in ("journal/2026/a", "journal/2025/b", "journal/2024/q1/c"):
        assert header(site / entry / "index.html")["data-page-url"] == f"{entry}/"
    seen_urls = {header(page)["data-page-url"] for page in pages(site)}
    assert len(seen_urls) == len(pages(site))


def test_sticky_tabs_mark_each_pages_own_section(tmp_path: Path) -> None:
    """Sticky tabs sit in the header and mark the page's section; pages at one depth must not share them."""
    root = with_theme(write_site(tmp_path, FILES), features=["navigation.tabs", "navigation.tabs.sticky"])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    for folder, title in (("achievements", "Achievements"), ("skills", "Skills"), ("experience", "Experience")):
        active = header(root / "site" / folder / "index.html").select(".md-tabs__item--active")
        assert [tab.get_text(strip=True) for tab in active] == [title], folder


def test_every_stylesheet_link_leads_to_a_file(site: Path) -> None:
    """The stylesheet links are shared by pages at one depth; from each page they must reach the files."""
    for page in pages(site):
        links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select('link[rel="stylesheet"]')
        assert len(links) >= 2, page
        for link in links:
            assert (page.parent / str(link["href"])).resolve().is_file(), f"{page.relative_to(site)}: {link['href']}"


def test_the_footer_of_each_page_in_the_nav_links_its_own_neighbours(tmp_path: Path) -> None:
    """Pages outside the nav share one footer; a page in it shows its previous and next pages."""
    root = with_theme(write_site(tmp_path, FILES), features=["navigation.footer"])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    neighbours = {}
    for folder in ("", "achievements", "skills", "experience"):
        page = site / folder / "index.html"
        links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("footer a.md-footer__link")
        neighbours[folder] = tuple((page.parent / str(a["href"])).resolve() for a in links)
        assert neighbours[folder], folder
        assert all((target / "index.html").is_file() for target in neighbours[folder]), folder
    assert len(set(neighbours.values())) == len(neighbours)  # each page its own
    entry = BeautifulSoup((site / "journal/2026/a/index.html").read_text(encoding="utf-8"), "html.parser")
    assert entry.select("footer a.md-footer__link") == [] and entry.select_one("footer .md-copyright") is not None
