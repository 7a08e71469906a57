"""The dashboard through real MkDocs builds: private pages, data.json, the empty career, public builds."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from careerfolio.content.corpus import load_corpus
from careerfolio.plan.site import BuildContext
from careerfolio.settings import Settings
from careerfolio.views.dashboard import dashboard_part
from helpers import (
    REPO,
    TODAY,
    front_matter,
    make_checkup,
    make_contact,
    make_decision,
    make_entry,
    make_profile,
    make_role,
    make_skill,
    output_text,
    run_mkdocs,
    write_site,
)

PRIVATE = {"CAREERFOLIO_AUDIENCE": "private"}
SECTIONS = {
    "next-steps": "cf-next",
    "now": "cf-now",
    "over-time": "cf-history",
    "focus": "cf-focus",
    "cadence": "cf-cadence",
    "evidence-behind-each-score": "cf-evidence",
    "journal-activity": "cf-journal",
    "skills": "cf-skills",
    "open-actions": "cf-actions",
    "network": "cf-network",
    "decisions": "cf-decisions",
    "layoff-plan": "cf-layoff",
    "content-problems": "cf-problems",
}
DATA_KEYS = {
    "today",
    "checkup",
    "levels",
    "focus",
    "skills",
    "contacts_overdue",
    "actions",
    "decisions_open",
    "decisions_revisit",
    "layoff_plan",
    "problems",
}
HOSTILE = "<script>alert(1)</script> & more"


def _scores(*values: int) -> dict[str, int]:
    return dict(zip(("skills", "performance", "network", "job_search", "finances"), values, strict=True))


def fixture_career() -> list[tuple[str, bytes]]:
    """A small career that exercises every section, with one file that has an error."""
    return [
        make_profile(),
        make_role(),
        make_checkup("2026-05-19", scores=_scores(4, 3, 3, 2, 5), actions=["Old action"]),
        make_checkup("2026-08-20", scores=_scores(4, 4, 3, 3, 4), actions=[HOSTILE, "Call Tom"]),
        make_entry(path="journal/2026/cost.md", date="2026-11-15", title="Cost <b>cut</b>", skills=["python"]),
        make_entry(path="journal/2026/talk.md", date="2026-10-02", kind="network", people=["jane"], levels=["network", "job_search"]),
        make_entry(path="journal/2026/course.md", date="2026-06-01", kind="learning", skills=["python"]),
        make_entry(path="journal/2026/broken.md", date="2026-13-45"),  # an error: left out, listed
        make_skill("python", level=4, target=5, last_used="2026-11"),
        make_skill("spark", level=2, target=4, last_used="2024-10"),
        make_contact("ahmed", name="Ahmed Karim", circle="data", last_contact="2026-01-10"),
        make_contact("jane", name="Jane Doe", circle="product", last_contact="2026-03-01"),
        make_decision("move", decide_by="2026-12-01"),
        make_decision("stay", title="Stay on the team?", status="decided", choice="Stay", revisit="2026-10-01"),
        ("layoff-plan.md", front_matter({"reviewed": "2026-08-20"}, "- [x] Fund\n- [ ] References\n- [ ] Résumé\n")),
    ]


def _build(root: Path, files: list[tuple[str, bytes]], *args: str, env: dict[str, str] | None = None) -> Path:
    write_site(root, files)
    result = run_mkdocs(root, "build", *args, env=env)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def private_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("private"), fixture_career(), env=PRIVATE) / "site-private"


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("empty"), [], "--strict", env=PRIVATE) / "site-private"


def _page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "dashboard" / "index.html").read_text(encoding="utf-8"), "html.parser")


def _data(site: Path) -> dict[str, Any]:
    return json.loads((site / "dashboard" / "data.json").read_text(encoding="utf-8"))


def _section(soup: BeautifulSoup, name: str) -> Tag:
    found = soup.find(id=SECTIONS[name])
    assert isinstance(found, Tag), f"section {name} is missing"
    return found


def _text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ").split())


def _table(table: Tag) -> list[list[str]]:
    body = table.find("tbody")
    assert isinstance(body, Tag)
    return [[_text(cell) for cell in row.find_all(["th", "td"])] for row in body.find_all("tr")]


def _assert_charts_are_accessible(soup: BeautifulSoup, count: int) -> None:
    charts = soup.select("figure.cf-chart")
    assert len(charts) == count
    for figure in charts:
        layouts = figure.find_all("svg", recursive=False)
        assert len(layouts) == 2, "a wide and a narrow layout"
        for svg in layouts:
            assert isinstance(svg, Tag) and svg["role"] == "img"
            title, desc = svg.find("title", recursive=False), svg.find("desc", recursive=False)
            assert _text(title) and _text(desc)
            assert set(str(svg["aria-labelledby"]).split()) == {title["id"], desc["id"]}  # type: ignore[index]
            # Colours are stylesheet variables (with a light and a dark value), never fixed values.
            styles = " ".join(str(el.get("style", "")) for el in svg.find_all(True))
            assert "var(--" in styles and "#" not in styles
            assert not svg.find_all(["script", "foreignObject", "image"]) and not svg.find_all(attrs={"href": True})
        assert figure.find("table") is not None
        ids = [el["id"] for el in figure.find_all(id=True)]
        assert len(ids) == len(set(ids)), "ids are unique across the two layouts"


# -- the private build of a small career ----------------------------------------------------


def test_every_section_is_shown(private_site: Path) -> None:
    soup = _page(private_site)
    headings = [h["id"] for h in soup.select("article h2")]
    assert headings == list(SECTIONS)
    for name in SECTIONS:
        assert _text(_section(soup, name))
    _assert_charts_are_accessible(soup, 3)


def test_now_shows_the_latest_scores_and_changes_as_a_chart_and_a_table(private_site: Path) -> None:
    now = _section(_page(private_site), "now")
    rows = _table(now.select_one("table"))  # type: ignore[arg-type]
    assert rows == [
        ["Job skills", "4", "+0"],
        ["Job performance", "4", "+1"],
        ["Business network", "3", "+0"],
        ["Job search", "3", "+1"],
        ["Finances", "4", "-1"],
    ]
    assert "2026-08-20" in _text(now.find("title"))
    # Two layouts, wide and narrow for small screens, draw the same bars.
    layouts = now.select("svg.cf-chart-svg")
    assert [svg.get("class") for svg in layouts] == [["cf-chart-svg"], ["cf-chart-svg", "cf-chart-svg-narrow"]]
    for svg in layouts:
        # The bars run bottom to top like the hierarchy: Finances is drawn first, at the top.
        labels = [t.get_text() for t in svg.find_all("text") if t.get_text() in {"Finances", "Job skills"}]
        assert labels == ["Finances", "Job skills"]
        # The bars draw the same numbers: their lengths are proportional to the scores, top to bottom.
        ticks = {t.get_text(): float(t["x"]) for t in svg.find_all("text") if t.get_text() in {"0", "5"}}  # type: ignore[arg-type]
        per_point = (ticks["5"] - ticks["0"]) / 5
        widths = [float(rect["width"]) for rect in svg.select(":scope > rect")]  # type: ignore[arg-type]
        assert [round(w / per_point, 2) for w in widths] == [4, 3, 3, 4, 4]
        # A dashed mark shows where each changed bar ended at the previous check-up: finances, job search, performance.
        marks = [float(line["x1"]) for line in svg.select(":scope > line") if "dasharray" in str(line.get("style"))]  # type: ignore[arg-type]
        assert [round((x - ticks["0"]) / per_point, 2) for x in marks] == [5, 2, 3]
        # Each level has its own colour, the same in both layouts, and none is the action red.
        fills = [str(rect["style"]) for rect in svg.select(":scope > rect")]
        assert fills == [f"fill: var(--cf-level-{lid})" for lid in ("finances", "job_search", "network", "performance", "skills")]


def test_over_time_has_every_check_up(private_site: Path) -> None:
    history = _section(_page(private_site), "over-time")
    assert _table(history.select_one("table")) == [  # type: ignore[arg-type]
        ["2026-05-19", "4", "3", "3", "2", "5"],
        ["2026-08-20", "4", "4", "3", "3", "4"],
    ]
    for svg in history.select("svg.cf-chart-svg"):
        assert len(svg.find_all("polyline")) == 5
    assert len(history.select("svg.cf-chart-svg")) == 2


def test_focus_cadence_and_evidence(private_site: Path) -> None:
    soup = _page(private_site)
    data = _data(private_site)
    focus = _section(soup, "focus").select_one(".cf-focus-level")
    assert focus is not None and focus["data-level"] == data["focus"] == "network"
    assert len(_section(soup, "focus").select(".cf-prompts li")) == 3
    cadence = _section(soup, "cadence")
    assert cadence.select_one(".cf-overdue") is not None
    assert _text(cadence.select_one(".cf-days-since")) == str(data["checkup"]["days_since"]) == "94"
    assert _text(cadence.select_one(".cf-next-due")).startswith(data["checkup"]["next_due"])
    rows = {row["data-level"]: row for row in _section(soup, "evidence-behind-each-score").select("tr[data-level]")}
    for level in data["levels"]:
        cells = [_text(td) for td in rows[level["id"]].find_all("td")]
        assert cells[:3] == [str(level["score"]), str(level["evidence_90d"]), str(level["evidence_365d"])]
        assert cells[3] == (level["flag"] or "")
    notes = _section(soup, "evidence-behind-each-score").select(".cf-flag-note")
    assert [n["data-level"] for n in notes] == [lv["id"] for lv in data["levels"] if lv["flag"]] == ["finances"]


def test_lists_link_to_the_records_they_name(private_site: Path) -> None:
    soup = _page(private_site)
    assert [li["data-skill"] for li in _section(soup, "skills").select(".cf-skills-stale li")] == ["spark"]
    assert [li["data-skill"] for li in _section(soup, "skills").select(".cf-skills-below li")] == ["spark", "python"]
    assert [tr["data-contact"] for tr in _section(soup, "network").select("tr[data-contact]")] == ["ahmed"]
    assert "2 contacts across 2 circles" in _text(_section(soup, "network"))
    assert [d["data-decision"] for d in _section(soup, "decisions").select(".cf-decision")] == ["move"]
    assert [d["data-decision"] for d in _section(soup, "decisions").select(".cf-revisit li")] == ["stay"]
    options = _table(_section(soup, "decisions").select_one("table"))  # type: ignore[arg-type]
    assert options == [["Move", "+1", "0", "0", "0", "+2"], ["Stay", "0", "0", "+1", "0", "0"]]
    assert "1 of 3" in _text(_section(soup, "layoff-plan"))
    # Every link of the dashboard leads to a page that was built.
    dashboard = soup.select_one("article")
    assert dashboard is not None
    hrefs = [str(a["href"]) for a in dashboard.find_all("a", href=True) if not str(a["href"]).startswith(("#", "http"))]
    assert len(hrefs) > 8
    for href in hrefs:
        target = private_site / posixpath.normpath(posixpath.join("dashboard", href))
        assert (target / "index.html").is_file() or target.is_file(), href


def test_user_text_is_escaped(private_site: Path) -> None:
    html = (private_site / "dashboard" / "index.html").read_text(encoding="utf-8")
    soup = _page(private_site)
    actions = [_text(li) for li in _section(soup, "open-actions").select("li")]
    assert actions == [" ".join(HOSTILE.split()), "Call Tom"]
    assert "<script>alert" not in html and "<b>cut</b>" not in html


def test_files_with_errors_are_listed(private_site: Path) -> None:
    problems = _section(_page(private_site), "content-problems")
    assert [li["data-path"] for li in problems.select(".cf-excluded > li")] == ["journal/2026/broken.md"]
    assert "date" in _text(problems)
    assert [p["path"] for p in _data(private_site)["problems"]] == ["journal/2026/broken.md"]


def test_data_json_has_every_key_and_the_figures_of_the_fixture(private_site: Path) -> None:
    data = _data(private_site)
    assert set(data) >= DATA_KEYS
    assert data["today"] == "2026-11-22"
    assert data["checkup"] == {
        "last": "2026-08-20",
        "id": "2026-08-20",
        "days_since": 94,
        "next_due": "2026-11-18",
        "overdue": True,
        "every": 90,
    }
    assert [(lv["id"], lv["score"], lv["change"]) for lv in data["levels"]] == [
        ("skills", 4, 0),
        ("performance", 4, 1),
        ("network", 3, 0),
        ("job_search", 3, 1),
        ("finances", 4, -1),
    ]
    assert all(set(lv) >= {"id", "score", "change", "evidence_90d", "evidence_365d", "flag"} for lv in data["levels"])
    network = {lv["id"]: lv for lv in data["levels"]}["network"]
    assert (network["evidence_90d"], network["evidence_365d"]) == (1, 1)
    assert {lv["id"]: lv["flag"] for lv in data["levels"]}["finances"] == "unbacked"
    assert data["skills"]["stale"] == ["spark"] and data["skills"]["below_target"] == ["spark", "python"]
    assert data["contacts_overdue"] == ["ahmed"]  # Jane is named in a recent entry
    assert data["actions"] == [HOSTILE, "Call Tom"]
    assert (data["decisions_open"], data["decisions_revisit"]) == (["move"], ["stay"])
    assert data["layoff_plan"] == {"done": 1, "total": 3, "reviewed": "2026-08-20", "days_since_reviewed": 94}


def test_every_private_page_carries_the_private_marker_and_the_stylesheet(private_site: Path) -> None:
    pages = sorted(private_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".md-banner .cf-private-banner")
        assert banner is not None and "Private" in banner.get_text(), page
        sheets = [str(link["href"]) for link in soup.select('link[rel="stylesheet"]')]
        assert any(s.endswith("assets/careerfolio/dashboard.css") for s in sheets), page
    assert "--md-" in (private_site / "assets" / "careerfolio" / "dashboard.css").read_text(encoding="utf-8")


def test_nothing_is_fetched_from_elsewhere(private_site: Path) -> None:
    soup = _page(private_site)
    external = [
        str(tag.get("src") or tag.get("href"))
        for tag in soup.find_all(["script", "link", "img", "iframe"])
        if str(tag.get("src") or tag.get("href") or "").startswith(("http:", "https:", "//"))
    ]
    assert external == []
    assert not soup.select("article script")


# -- a brand-new user ------------------------------------------------------------------------


def test_an_empty_career_still_builds_a_dashboard_that_says_what_to_add_first(empty_site: Path) -> None:
    soup = _page(empty_site)
    steps = [li["data-step"] for li in soup.select("#cf-start .cf-start-steps > li")]
    assert steps == ["checkup", "journal", "skills", "roles", "network", "layoff_plan", "profile"]
    # Each step names the command that fills it, not YAML to write by hand.
    commands = {li["data-step"]: li.code.get_text() for li in soup.select("#cf-start .cf-start-steps > li") if li.code}
    assert commands["checkup"] == "careerfolio checkup" and commands["journal"].startswith("careerfolio new entry")
    assert commands["skills"].startswith("careerfolio new skill") and commands["roles"].startswith("careerfolio new role")
    assert commands["network"].startswith("careerfolio new contact")
    assert soup.select_one("#cf-start pre") is None
    assert [h["id"] for h in soup.select("article h2")] == ["next-steps", "start-here", *list(SECTIONS)[1:]]
    for name in ("now", "focus", "cadence", "network", "layoff-plan"):
        assert _section(soup, name).select_one(".cf-empty") is not None, name
    _assert_charts_are_accessible(soup, 1)  # journal activity: an empty axis, so the chart's place is known
    data = _data(empty_site)
    assert set(data) >= DATA_KEYS
    assert data["checkup"] == {"last": None, "id": None, "days_since": None, "next_due": None, "overdue": False, "every": 90}
    assert data["focus"] is None and data["getting_started"][0] == "checkup"
    assert all(lv["score"] is None and lv["flag"] is None for lv in data["levels"])
    assert data["layoff_plan"]["total"] == 0 and data["problems"] == []


# -- public builds have no dashboard -----------------------------------------------------------


def test_a_public_build_has_no_dashboard(tmp_path: Path) -> None:
    site = _build(tmp_path, fixture_career()) / "site"
    outputs = output_text(site)
    assert not any(path.startswith("dashboard/") or path.endswith("dashboard.css") for path in outputs)
    leaked = [path for path, text in outputs.items() if "cf-dashboard" in text or "cf-private-banner" in text or "data.json" in text]
    assert leaked == []
    assert not (tmp_path / "site-private").exists()


# -- the example career of this repository ------------------------------------------------------


def test_the_example_career_renders_every_section(example_private: Path) -> None:
    soup = _page(example_private)
    assert [h["id"] for h in soup.select("article h2")] == list(SECTIONS)
    for name in SECTIONS:
        assert _text(_section(soup, name)), name
    _assert_charts_are_accessible(soup, 3)
    for name in ("now", "over-time", "focus", "cadence", "skills", "network", "decisions", "layoff-plan"):
        assert _section(soup, name).select_one(".cf-empty") is None, name
    data = _data(example_private)
    assert set(data) >= DATA_KEYS and data["problems"] == [] and data["getting_started"] == []
    assert len(data["history"]) == len(list((REPO / "content" / "checkups").glob("*.md")))
    assert soup.select(".cf-prompts li") and soup.select(".cf-action-list li") and soup.select(".cf-decision table")


# -- the site part without MkDocs ----------------------------------------------------------------


def _context(audience: Any, use_directory_urls: bool = True) -> BuildContext:
    return BuildContext(audience=audience, today=TODAY, settings=Settings(), use_directory_urls=use_directory_urls)


def test_the_part_adds_nothing_to_a_public_build() -> None:
    contribution = dashboard_part(load_corpus(fixture_career()), _context("public"))
    assert (contribution.pages, contribution.files, contribution.nav) == ([], [], [])


def test_links_follow_use_directory_urls() -> None:
    corpus = load_corpus(fixture_career())
    for directory_urls, expected in ((True, "../skills/spark/"), (False, "../skills/spark.html")):
        contribution = dashboard_part(corpus, _context("private", directory_urls))
        (page,) = contribution.pages
        assert page.src_path == "dashboard/index.md" and [n.src_path for n in contribution.nav] == ["dashboard/index.md"]
        soup = BeautifulSoup(page.text, "html.parser")
        stale = soup.select_one('.cf-skills-stale li[data-skill="spark"] a')
        assert stale is not None and stale["href"] == expected
        assert {f.dest_path for f in contribution.files} == {"dashboard/data.json", "assets/careerfolio/dashboard.css"}


# -- in a real browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_the_dashboard_keeps_its_marker_and_charts_once_materials_scripts_have_run(example_private: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing")
        pytest.skip("chromium is missing")
    page = (example_private / "dashboard" / "index.html").as_uri()
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", page],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(result.stdout, "html.parser")
    banner = soup.select_one(".md-banner .cf-private-banner")
    assert banner is not None and "Private" in banner.get_text()
    assert len(soup.select("article svg.cf-chart-svg[role=img]:not(.cf-chart-svg-narrow)")) == 3
    assert len(soup.select("article svg.cf-chart-svg-narrow[role=img]")) == 3
    assert [h["id"] for h in soup.select("article h2")] == list(SECTIONS)


def test_the_dashboard_html_reaches_the_page_whole_and_search_reads_each_section(private_site: Path) -> None:
    """The dashboard's HTML is kept out of Python-Markdown and shown to search as text; the page a person sees is whole."""
    html = (private_site / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "data-careerfolio-block" not in html
    soup = _page(private_site)
    assert [h["id"] for h in soup.select("article h2")] == list(SECTIONS)
    assert len(soup.select("article .cf-dashboard")) >= len(SECTIONS)
    index = json.loads((private_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc["text"] for doc in index["docs"] if doc["location"].startswith("dashboard/#")}
    assert {f"dashboard/#{name}" for name in SECTIONS} <= set(sections)
    assert "cf-skills-stale" in " ".join(sections)  # a heading inside a block still starts a section of its own
    assert all("<div" not in text and "<svg" not in text for text in sections.values())
    # Words of one table row stay apart in the index, which parsing the table's HTML ran together.
    assert "Job skills 4" in sections["dashboard/#now"] or "Job skills 3" in sections["dashboard/#now"]


def test_next_steps_come_first_and_list_what_status_lists(private_site: Path) -> None:
    from careerfolio.insights.nextsteps import compute_next_steps

    soup = _page(private_site)
    assert soup.select("article h2")[0]["id"] == "next-steps"
    shown = [(li["data-kind"], li.get("data-id")) for li in soup.select("#cf-next li.cf-step")]
    expected = compute_next_steps(load_corpus(fixture_career(), Settings()), Settings(), TODAY)
    assert shown == [(s.kind, s.id) for s in expected.steps]
    assert shown[0] == ("checkup", None)
    first = soup.select_one("#cf-next li.cf-step")
    assert first is not None and "careerfolio checkup" in _text(first.select_one(".cf-step-action"))
    # A file to open links to its page; the hostile action text stays text.
    contact = soup.select_one('#cf-next li[data-kind="contact"] .cf-step-action a')
    assert contact is not None and contact.get_text() == "network/ahmed.md"
    assert not soup.select("#cf-next b")
