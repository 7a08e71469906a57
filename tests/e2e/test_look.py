"""The portfolio's look of its own: built for a person, not a manual (real builds, HTML parsed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SMALL, article, build, make_entry, make_profile, make_role, make_skill, output_text, soup

PHOTO = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'
PORTFOLIO_PAGES = ("index.html", "achievements/index.html", "skills/index.html", "experience/index.html", "resume/index.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = [f for f in SMALL if f[0] != "profile.md"]
    files += [make_profile(name="Dana Reyes", photo="images/dana.svg"), ("images/dana.svg", PHOTO), ("images/unused.svg", PHOTO)]
    return build(tmp_path_factory.mktemp("look"), files)


@pytest.mark.parametrize("page", PORTFOLIO_PAGES)
def test_portfolio_pages_have_no_documentation_chrome_and_lead_to_each_other(site: Path, page: str) -> None:
    html = soup(site / page)
    # Material's hide: [navigation, toc] marks both sidebars hidden.
    assert html.select_one(".md-sidebar--primary").has_attr("hidden")  # type: ignore[union-attr]
    assert html.select_one(".md-sidebar--secondary").has_attr("hidden")  # type: ignore[union-attr]
    assert "Made with" not in html.get_text()
    if page != "resume/index.html":
        nav = html.select_one("nav.cf-site-nav")
        assert nav is not None
        assert [a.get_text(strip=True) for a in nav.find_all(["a", "span"])] == ["Home", "Highlights", "Skills", "Experience", "Résumé"]
        assert nav.select_one('[aria-current="page"]') is not None


def test_the_photo_is_shown_and_published_and_other_files_are_not(site: Path) -> None:
    img = article(site / "index.html").select_one("img.cf-hero__photo")
    assert img is not None and img["alt"] == "Dana Reyes"
    assert (site / str(img["src"])).read_bytes() == PHOTO
    assert not (site / "images" / "unused.svg").exists()


def test_a_private_profiles_photo_is_not_published(tmp_path: Path) -> None:
    files = [make_profile(photo="me.svg", visibility="private"), ("me.svg", PHOTO), make_entry()]
    out = build(tmp_path, files)
    assert not (out / "me.svg").exists()


def test_recruiter_labels_and_no_mechanics(site: Path) -> None:
    home = article(site / "index.html")
    assert [a.get_text(strip=True) for a in home.select(".cf-exports a")] == ["Résumé", "Download résumé", "Subscribe"]
    shown = " ".join(soup(site / page).get_text(" ") for page in PORTFOLIO_PAGES)
    for word in ("resume.json", "Atom feed", "pinned", "No public evidence yet"):
        assert word not in shown, word


def test_entries_of_other_kinds_are_not_called_achievements(site: Path, tmp_path: Path) -> None:
    # SMALL has a volunteer entry: its list is "Highlights".
    assert article(site / "achievements" / "index.html").find("h1").get_text(strip=True) == "Highlights"  # type: ignore[union-attr]
    assert "Selected highlights" in article(site / "index.html").get_text()
    only = build(tmp_path, [make_profile(), make_entry(kind="achievement"), make_role(), make_skill()])
    assert article(only / "achievements" / "index.html").find("h1").get_text(strip=True) == "Achievements"  # type: ignore[union-attr]
    assert "Recent achievements" in article(only / "index.html").get_text()


@pytest.mark.parametrize(
    ("page", "back"),
    [
        ("journal/2026/talk/index.html", "achievements/index.html"),
        ("skills/python/index.html", "skills/index.html"),
        ("roles/acme/index.html", "experience/index.html"),
    ],
)
def test_each_record_page_has_a_way_back(site: Path, page: str, back: str) -> None:
    link = article(site / page).select_one("nav.cf-back a")
    assert link is not None
    assert ((site / page).parent / str(link["href"]) / "index.html").resolve() == (site / back).resolve()


def test_the_way_back_is_not_searched(site: Path) -> None:
    index = output_text(site)["search/search_index.json"]
    assert "← " not in index
