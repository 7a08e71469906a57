"""Real `mkdocs build` runs of the portfolio: where the home lands, what each page shows."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from careerfolio.adapters.mkdocs.plugin import speed_tricks_wanted
from helpers import (
    ATOM,
    SMALL,
    article,
    build,
    make_entry,
    make_profile,
    make_role,
    make_skill,
    output_text,
    run_mkdocs,
    soup,
    validate_resume,
    write_site,
)


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("small"), SMALL)


def test_home_is_the_site_root_with_the_profile(small_site: Path) -> None:
    home = article(small_site / "index.html")
    assert home.find("h1").get_text(strip=True) == "Dana Reyes"  # type: ignore[union-attr]
    assert "Data engineer who makes pipelines boring" in home.get_text()
    pinned = [a.get_text(strip=True) for a in home.select(".cf-card--pinned .cf-card__title a")]
    assert pinned == ["On-call runbook"]
    assert "Senior Data Engineer" in home.select_one(".cf-card--role").get_text()  # type: ignore[union-attr]
    (script,) = home.find_all("script", type="application/ld+json")
    assert json.loads(script.string)["mainEntity"]["name"] == "Dana Reyes"
    # The stylesheet the page links to exists.
    href = home.find("link", rel="stylesheet")["href"]  # type: ignore[index]
    assert (small_site / str(href)).is_file()
    assert "@media print" in (small_site / str(href)).read_text()
    # Feed readers find the feed from any page.
    feed = soup(small_site / "journal" / "2026" / "talk" / "index.html").find("link", type="application/atom+xml")
    assert feed is not None
    assert (small_site / "journal" / "2026" / "talk" / str(feed["href"])).resolve() == (small_site / "feed.xml").resolve()


def test_achievements_are_by_year_newest_first(small_site: Path) -> None:
    page = article(small_site / "achievements" / "index.html")
    years = [h.get("id") for h in page.find_all("h2")]
    assert years == ["year-2026", "year-2025", "year-2024"]
    dates = [t["datetime"] for t in page.select(".cf-row__date")]
    assert dates == ["2026-04-21", "2026-03-18", "2025-01-21", "2024-10-08"]
    # Each links to the entry's own page, which exists and shows date, kind, impact, skills and role.
    link = page.select_one(".cf-row__title")
    assert link is not None
    target = (small_site / "achievements" / str(link["href"]) / "index.html").resolve()
    entry = article(target).get_text(" ", strip=True)
    assert "PyData talk" in entry and "2026-04-21" in entry and "volunteer" in entry


def test_an_entry_page_names_public_skills_and_role_only(small_site: Path) -> None:
    text = article(small_site / "journal" / "2026" / "airflow" / "index.html").get_text(" ", strip=True)
    assert "Python" in text and "Senior Data Engineer, Acme Corp" in text
    assert "Negotiation" not in text
    assert "Levels" not in text  # the five levels belong to the private check-up


def test_search_excerpts_of_an_entry_separate_field_names_from_values(small_site: Path) -> None:
    """Material's search indexes the text of the fact list; names and values must not run together."""
    documents = json.loads((small_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    (talk,) = [d for d in documents if d["location"] == "journal/2026/talk/"]
    assert "Date: 2026-04-21. Kind: volunteer." in talk["text"], talk["text"]
    (airflow,) = [d for d in documents if d["location"] == "journal/2026/airflow/"]
    assert "Role: Senior Data Engineer, Acme Corp." in airflow["text"], airflow["text"]
    assert "Skills: " in airflow["text"], airflow["text"]


@pytest.mark.skipif(not speed_tricks_wanted(), reason="the search stand-in is a speed trick, turned off")
def test_search_reads_the_facts_as_text_while_the_page_keeps_its_header(small_site: Path) -> None:
    """Search plugins index a plain-text stand-in for our header; the page itself shows the header once."""
    page = article(small_site / "journal" / "2026" / "talk" / "index.html")
    assert len(page.select("h1")) == 1 and len(page.select("dl.cf-facts")) == 1
    assert not [p for p in page.find_all("p") if p.get_text(strip=True).startswith("Date:")]
    documents = json.loads((small_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    (talk,) = [d for d in documents if d["location"] == "journal/2026/talk/"]
    assert talk["title"] == "PyData talk" and not talk["text"].startswith("PyData talk")
    (achievements,) = [d for d in documents if d["location"] == "achievements/"]
    assert "2026 2025 2024" in achievements["text"], achievements["text"]


def test_a_skill_page_lists_its_public_evidence(small_site: Path) -> None:
    page = article(small_site / "skills" / "python" / "index.html")
    evidence = [a.get_text(strip=True) for a in page.select(".cf-evidence a")]
    assert evidence == ["Airflow 3 migration", "Retired Spark"]


def test_experience_is_a_timeline_of_public_roles_with_their_entries(small_site: Path) -> None:
    page = article(small_site / "experience" / "index.html")
    (role,) = page.select(".cf-timeline__item")
    assert "Senior Data Engineer" in role.get_text()
    assert [a.get_text(strip=True) for a in role.select(".cf-row__title")] == ["Airflow 3 migration", "Retired Spark"]


def test_resume_page_hides_navigation_and_resume_json_is_valid(small_site: Path) -> None:
    page = soup(small_site / "resume" / "index.html")
    for sidebar in page.select(".md-sidebar"):
        assert sidebar.has_attr("hidden")
    assert "Dana Reyes" in page.select_one(".cf-resume").get_text()  # type: ignore[union-attr]
    validate_resume(json.loads((small_site / "resume.json").read_text()))


def test_nothing_private_in_any_output_file(small_site: Path) -> None:
    for name, text in output_text(small_site).items():
        for word in ("Salary review", "Negotiation", "negotiation"):
            assert word not in text, name


def test_a_users_public_index_stays_and_the_home_moves(tmp_path: Path) -> None:
    own = ("index.md", b"---\nvisibility: public\n---\n# Welcome to my corner\n\nMy own words.\n")
    site = build(tmp_path, [*SMALL, own])
    assert "My own words." in article(site / "index.html").get_text()
    home = article(site / "portfolio" / "index.html")
    assert home.find("h1").get_text(strip=True) == "Dana Reyes"  # type: ignore[union-attr]
    nav = [a.get_text(strip=True) for a in soup(site / "index.html").select(".md-nav--primary .md-nav__link")]
    assert nav[:5] == ["Home", "Highlights", "Skills", "Experience", "Résumé"]


def test_a_users_private_index_gives_way_to_the_home_and_stays_unpublished(tmp_path: Path) -> None:
    own = ("index.md", b"---\nvisibility: private\n---\n# Secret plans\n\nLeaving in spring.\n")
    site = build(tmp_path, [*SMALL, own])
    assert article(site / "index.html").find("h1").get_text(strip=True) == "Dana Reyes"  # type: ignore[union-attr]
    assert not (site / "portfolio").exists()
    assert not any("Leaving in spring" in text for text in output_text(site).values())


def test_the_private_build_previews_exactly_the_public_portfolio(tmp_path: Path) -> None:
    write_site(tmp_path, SMALL)
    result = run_mkdocs(tmp_path, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site-private"
    rows = [a.get_text(strip=True) for a in article(site / "achievements" / "index.html").select(".cf-row__title")]
    assert rows == ["PyData talk", "Airflow 3 migration", "On-call runbook", "Retired Spark"]
    assert (site / "journal" / "2026" / "salary" / "index.html").is_file()  # the private site has every entry
    assert "Negotiation" not in (site / "resume.json").read_text()


def test_the_example_career_has_every_portfolio_page(example_public: Path) -> None:
    for page in ("index.html", "achievements/index.html", "skills/index.html", "experience/index.html", "resume/index.html"):
        assert (example_public / page).is_file(), page
    nav = [a.get_text(strip=True) for a in soup(example_public / "index.html").select(".md-nav--primary .md-nav__link")]
    assert nav == ["Home", "Highlights", "Skills", "Experience", "Résumé"]
    home = article(example_public / "index.html")
    assert len(home.select(".cf-card--pinned")) == 3
    skills = article(example_public / "skills" / "index.html")
    assert len(skills.select(".cf-card")) == len(list((example_public / "skills").glob("*/index.html")))
    document = json.loads((example_public / "resume.json").read_text())
    validate_resume(document)
    assert [w["name"] for w in document["work"]] == ["Acme Corp", "Globex"]  # Initech is private
    feed = (example_public / "feed.xml").read_text()
    entries = len(list((example_public / "journal").glob("*/*/index.html")))
    assert feed.count("<entry>") == entries > 20


def test_hostile_front_matter_stays_text_in_titles_and_pages(tmp_path: Path) -> None:
    evil = '"><img src=x onerror=alert(1)></title><script>alert(2)</script>'
    files = [
        make_profile(name=f"Dana {evil}", headline=f"Engineer {evil}"),
        make_role("acme", organization=f"Acme {evil}", url="javascript:alert(3)"),
        make_skill("python", name=f"Python {evil}"),
        make_entry(title=f"Talk {evil}", impact=f"Impact {evil}", skills=["python"], role="acme", tags=[evil]),
    ]
    site = build(tmp_path, files)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        page = soup(path)
        assert page.find("img", src="x") is None, path
        scripts = page.find_all("script")
        assert not [s for s in scripts if "alert(2)" in (s.string or "") and s.get("type") != "application/ld+json"], path
        for data in (json.loads(s.string) for s in scripts if s.get("type") == "application/ld+json"):
            assert data["mainEntity"]["name"] == f"Dana {evil}"
        assert not page.select('[href^="javascript:"]'), path
        title = page.find("title")
        assert title is not None and "<script" not in str(title.decode_contents()), path
    home_title = soup(site / "index.html").find("title").get_text()  # type: ignore[union-attr]
    assert home_title.startswith(f"Engineer {evil}")
    for name in ("resume.json", "feed.xml"):
        assert "<img" not in (site / name).read_text(), name


def test_relative_links_of_the_profile_still_work_when_the_home_moves(tmp_path: Path) -> None:
    profile = make_profile(name="Dana Reyes")
    profile = (profile[0], profile[1].replace(b"A short summary.", b"More [about this site](about.md#why) and ![me](me.png)."))
    about = ("about.md", b"---\nvisibility: public\n---\n# About\n\n## Why\n")
    own = ("index.md", b"---\nvisibility: public\n---\n# Mine\n")
    root = tmp_path
    write_site(root, [profile, about, own])
    (root / "content" / "me.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    home = article(root / "site" / "portfolio" / "index.html")
    assert home.find("a", string="about this site")["href"] == "../about/#why"  # type: ignore[index]
    image = home.find("img", alt="me")
    assert image is not None and (root / "site" / "portfolio" / str(image["src"])).resolve() == (root / "site" / "me.png").resolve()


def _feed_ids(site: Path) -> dict[str, str]:
    """Each feed entry's title, and the feed's own (under ""), mapped to its Atom id."""
    root = ET.fromstring((site / "feed.xml").read_bytes())
    ids = {"": root.findtext(f"{ATOM}id") or ""}
    ids.update({e.findtext(f"{ATOM}title") or "": e.findtext(f"{ATOM}id") or "" for e in root.findall(f"{ATOM}entry")})
    return ids


def test_feed_ids_stay_the_same_when_site_url_is_set_later(tmp_path: Path) -> None:
    """A feed reader shows every entry again when its id changes: ids come from the entry, never from the URL."""
    without = _feed_ids(build(tmp_path / "without", SMALL))
    with_url = _feed_ids(build(tmp_path / "with", SMALL, extra_config="site_url: https://dana.example/cv/\n"))
    flat = _feed_ids(build(tmp_path / "flat", SMALL, extra_config="site_url: https://other.example/\nuse_directory_urls: false\n"))
    assert len(without) == 5 and len(set(without.values())) == 5  # the feed and its four public entries, each its own id
    assert with_url == without == flat
    assert all(value.startswith("urn:uuid:") for value in without.values())
    # The links do follow site_url: only the ids must not.
    assert "https://dana.example/cv/journal/2026/talk/" in (tmp_path / "with" / "site" / "feed.xml").read_text()


SUMMARY_LINKS = """\
Inline: [old list](talks.md), [new list](portfolio/talks.md "Now here"), [why](about.md#why), [folder](about/).

Reference: [by reference][ref], [next line][next], [indented][indented].

Raw HTML: <a href="cv.pdf">cv double</a> <a href='cv.pdf'>cv single</a> <a href=cv.pdf>cv bare</a> <A HREF="cv.pdf">cv upper</A>

Images: ![inline image](me.png) ![titled image](img/me.png "Me") <img src="me.png" alt="html image">

Code stays: `[code](talks.md)`

[ref]: portfolio/talks.md
[next]:
    talks.md 'Old list'
   [indented]: <about.md#why>
"""
# Link text (or image alt) -> the output file it must lead to from portfolio/index.html.
SUMMARY_TARGETS = {
    "old list": "talks/index.html",
    "new list": "portfolio/talks/index.html",
    "why": "about/index.html",
    "folder": "about/index.html",
    "by reference": "portfolio/talks/index.html",
    "next line": "talks/index.html",
    "indented": "about/index.html",
    "cv double": "cv.pdf",
    "cv single": "cv.pdf",
    "cv bare": "cv.pdf",
    "cv upper": "cv.pdf",
    "inline image": "me.png",
    "titled image": "img/me.png",
    "html image": "me.png",
}


def test_every_link_form_of_the_profile_leads_to_the_same_place_when_the_home_moves(tmp_path: Path) -> None:
    public = b"---\nvisibility: public\n---\n"
    files = [
        ("profile.md", make_profile()[1].replace(b"A short summary.", SUMMARY_LINKS.encode())),
        ("index.md", public + b"# Mine\n"),
        ("talks.md", public + b"# Old list\n"),
        ("portfolio/talks.md", public + b"# New list\n"),
        ("about.md", public + b"# About\n\n## Why\n"),
        ("cv.pdf", b"%PDF-1.4\n"),
        ("me.png", b"\x89PNG\r\n\x1a\n"),
        ("img/me.png", b"\x89PNG\r\n\x1a\n"),
    ]
    site = build(tmp_path, files)
    home = article(site / "portfolio" / "index.html")
    found = {a.get_text(strip=True): a["href"] for a in home.find_all("a") if a.get_text(strip=True) in SUMMARY_TARGETS}
    found |= {img["alt"]: img["src"] for img in home.find_all("img") if img.get("alt") in SUMMARY_TARGETS}
    assert set(found) == set(SUMMARY_TARGETS)
    for text, href in found.items():
        path = str(href).split("#")[0]
        target = (site / "portfolio" / path / ("index.html" if path.endswith("/") else "")).resolve()
        assert target == (site / SUMMARY_TARGETS[text]).resolve(), text
        assert target.is_file(), text
    assert home.find("code", string="[code](talks.md)") is not None


# -- a long career ---------------------------------------------------------------------

LONG_2025 = 70  # more than the achievements page shows
LONG = [
    make_profile(name="Dana Reyes"),
    make_role("acme", organization="Acme Corp", title="Senior Data Engineer", start="2024-02"),
    make_skill("python", name="Python", level=4),
    *(
        make_entry(
            path=f"journal/2025/e{i:03}.md",
            date=f"2025-{1 + i % 12:02}-{1 + i % 28:02}",
            title=f"Entry {i:03}",
            role="acme",
            skills=["python"],
        )
        for i in range(LONG_2025)
    ),
    make_entry(path="journal/2024/old.md", date="2024-05-02", title="The oldest one", role="acme", skills=["python"]),
]


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("long"), LONG)


def titles(page: BeautifulSoup, selector: str = ".cf-row__title") -> list[str]:
    return [a.get_text(strip=True) for a in page.select(selector)]


def test_the_achievements_page_shows_the_newest_and_each_year_has_a_page(long_site: Path) -> None:
    from careerfolio.views.portfolio import ACHIEVEMENTS_ON_INDEX

    index = article(long_site / "achievements" / "index.html")
    assert len(titles(index)) == ACHIEVEMENTS_ON_INDEX < LONG_2025
    assert "The oldest one" not in titles(index)
    more = index.select_one(".cf-more a")
    assert more is not None and more.get_text(strip=True) == f"All {LONG_2025} achievements of 2025"
    year = article((long_site / "achievements" / str(more["href"]) / "index.html").resolve())
    assert year.find("h1").get_text(strip=True) == "Achievements of 2025"  # type: ignore[union-attr]
    assert len(titles(year)) == LONG_2025
    # Every year is one link away, and the year's own page says which it is.
    years = {a.get_text(strip=True): a["href"] for a in index.select(".cf-years a")}
    assert set(years) == {"2025", "2024"}
    older = article((long_site / "achievements" / str(years["2024"]) / "index.html").resolve())
    assert titles(older) == ["The oldest one"]
    assert older.select_one(".cf-years [aria-current=page]").get_text(strip=True) == "2024"  # type: ignore[union-attr]


def test_the_timeline_and_a_skill_page_show_the_newest_and_count_the_rest(long_site: Path) -> None:
    from careerfolio.plan.site import EVIDENCE_ON_SKILL_PAGE
    from careerfolio.views.portfolio import ENTRIES_PER_ROLE_ON_TIMELINE

    timeline = article(long_site / "experience" / "index.html")
    assert len(titles(timeline)) == ENTRIES_PER_ROLE_ON_TIMELINE
    more = timeline.select_one(".cf-more a")
    assert more is not None and more.get_text(strip=True) == f"All {LONG_2025 + 1} entries of this role"
    role = article((long_site / "experience" / str(more["href"]) / "index.html").resolve())
    assert len(role.select(".cf-evidence li")) == LONG_2025 + 1  # the role's page lists them all
    skill = article(long_site / "skills" / "python" / "index.html")
    assert len(skill.select(".cf-evidence li")) == EVIDENCE_ON_SKILL_PAGE
    assert f"newest of {LONG_2025 + 1} entries" in skill.get_text(" ", strip=True)


def test_the_feed_carries_the_newest_entries(long_site: Path) -> None:
    from careerfolio.views.exports import FEED_ENTRIES

    feed = (long_site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == FEED_ENTRIES < LONG_2025
    assert "The oldest one" not in feed


def test_a_public_page_has_no_empty_banner_strip(small_site: Path) -> None:
    """Material shows its announcement strip whenever the block holds anything, white space included."""
    page = BeautifulSoup((small_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not page.select(".md-banner"), "a public page shows the (empty) banner strip"
