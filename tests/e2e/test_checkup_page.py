"""A check-up's page through a real private build: scores bottom to top with their change, neighbours, actions done, reflection."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from helpers import make_checkup, run_mkdocs, write_site

PRIVATE = {"CAREERFOLIO_AUDIENCE": "private"}


def _scores(skills: int, performance: int, network: int, job_search: int, finances: int) -> dict[str, int]:
    return {"skills": skills, "performance": performance, "network": network, "job_search": job_search, "finances": finances}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("checkups"),
        [
            make_checkup(
                "2026-02-01", scores=_scores(3, 3, 2, 2, 3), actions=["Call <b>Tom</b>", "Write the post"], done=["Call <b>Tom</b>"]
            ),
            make_checkup("2026-05-01", scores=_scores(4, 3, 3, 2, 2), actions=["Book the course"]),
            make_checkup("2026-08-01", scores=_scores(4, 4, 3, 2, 2), actions=[]),
        ],
    )
    result = run_mkdocs(root, "build", "--strict", env=PRIVATE)
    assert result.returncode == 0, result.stderr
    return root / "site-private"


def _page(site: Path, day: str) -> BeautifulSoup:
    return BeautifulSoup((site / "checkups" / day / "index.html").read_text(encoding="utf-8"), "html.parser")


def _record(soup: BeautifulSoup) -> Tag:
    record = soup.select_one(".cf-checkup")
    assert record is not None
    return record


def test_scores_run_bottom_to_top_with_their_change_since_the_previous_check_up(site: Path) -> None:
    record = _record(_page(site, "2026-05-01"))
    rows = [[" ".join(c.get_text(" ").split()) for c in tr.find_all(["th", "td"])] for tr in record.select("table tbody tr")]
    assert rows == [
        ["Finances", "2", "-1 (was 3)"],
        ["Job search", "2", "unchanged"],
        ["Business network", "3", "+1 (was 2)"],
        ["Job performance", "3", "unchanged"],
        ["Job skills", "4", "+1 (was 3)"],
    ]
    # The chart draws the same order as the dashboard's: Finances on top, its bars in the levels' colours.
    for svg in record.select("svg.cf-chart-svg"):
        labels = [t.get_text() for t in svg.find_all("text") if t.get_text() in {"Finances", "Job skills"}]
        assert labels == ["Finances", "Job skills"]
        assert "var(--cf-level-finances)" in str(svg.select(":scope > rect")[0]["style"])
    # The first check-up has nothing to compare with.
    first = _record(_page(site, "2026-02-01"))
    assert [td.get_text() for td in first.select("table tbody tr td:nth-of-type(2)")] == ["–"] * 5


def test_each_check_up_links_to_its_neighbours(site: Path) -> None:
    middle = _record(_page(site, "2026-05-01"))
    prev, nxt = middle.select_one("a[rel=prev]"), middle.select_one("a[rel=next]")
    assert prev is not None and prev["href"] == "../2026-02-01/" and "2026-02-01" in prev.get_text()
    assert nxt is not None and nxt["href"] == "../2026-08-01/" and "2026-08-01" in nxt.get_text()
    assert _record(_page(site, "2026-02-01")).select_one("a[rel=prev]") is None
    assert _record(_page(site, "2026-08-01")).select_one("a[rel=next]") is None


def test_the_previous_check_ups_actions_show_which_were_recorded_done(site: Path) -> None:
    record = _record(_page(site, "2026-05-01"))
    previous = [(li["data-done"], li.get_text(" ", strip=True)) for li in record.select(".cf-checkup-previous li")]
    assert previous == [("yes", "Call <b>Tom</b>: done"), ("no", "Write the post: not recorded as done")]
    assert record.select_one(".cf-checkup-previous b") is None  # the action's text stays text
    assert "1 of 2 were recorded as done" in record.get_text(" ")
    assert [li.get_text(strip=True) for li in record.select(".cf-checkup-actions li")] == ["Book the course"]


def test_the_reflection_sits_under_its_own_heading_after_the_actions(site: Path) -> None:
    soup = _page(site, "2026-05-01")
    headings = [h.get_text(strip=True) for h in soup.select("article h2")]
    assert headings == ["Scores", "Actions", "Actions of the previous check-up", "Reflection"]
    reflection = soup.select_one("article h2#reflection")
    assert reflection is not None
    assert reflection.find_next("p") is not None and reflection.find_next("p").get_text(strip=True) == "Reflection."  # type: ignore[union-attr]
