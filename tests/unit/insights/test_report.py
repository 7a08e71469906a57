"""`careerfolio report`: the period's entries by level and by role, as Markdown a reader can follow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.levels import LEVELS
from careerfolio.content.loader import read_tree
from cli_support import assert_clean, copy_example, run, snapshot
from helpers import REPO, TODAY, make_entry, write_site

SINCE = dt.date(2026, 5, 20)
UNTIL = dt.date(2026, 10, 31)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(read_tree(REPO / "content"))


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text), "html.parser")


def _section_items(soup: BeautifulSoup, heading: str) -> list[str]:
    """The entry titles (h4) under the h3 `heading`, up to the next h3 or h2."""
    h3 = next(h for h in soup.find_all("h3") if h.get_text() == heading)
    titles = []
    for tag in h3.find_all_next(["h2", "h3", "h4"]):
        if tag.name != "h4":
            break
        titles.append(tag.get_text())
    return titles


def test_report_lists_each_entry_once_under_its_role_with_its_own_text(corpus: Corpus) -> None:
    result = run(REPO / "content" / "journal", "report", "--since", SINCE.isoformat(), "--until", UNTIL.isoformat())
    assert result.exit_code == 0, result.output
    soup = _html(result.output)
    assert [h.get_text() for h in soup.find_all("h2")] == ["By level", "By role", "Skills used"]
    period = [e for e in corpus.entries if SINCE <= e.date <= UNTIL and e.kind != "reflection"]
    assert period, "the example career has entries in the period"
    titles = [h.get_text() for h in soup.find_all("h4")]
    assert sorted(titles) == sorted(e.title for e in period)  # each entry once, however many levels it names
    counts = [li.get_text() for li in soup.find_all("h2")[0].find_next_sibling("ul").find_all("li")]
    for level in LEVELS:
        n = sum(1 for e in period if level.id in e.levels)
        assert (f"{level.label}: {n} {'entry' if n == 1 else 'entries'}" in counts) == bool(n)
    for role in corpus.roles:
        expected = [e.title for e in period if e.role == role.id]
        if expected:
            assert _section_items(soup, f"{role.title}, {role.organization}") == expected
    for entry in period:
        heading = next(h for h in soup.find_all("h4") if h.get_text() == entry.title)
        following = " ".join(" ".join(p.get_text(" ").split()) for p in heading.find_next_siblings("p", limit=4))
        if entry.impact:
            # Its own paragraph, so it never runs into the title or the skills line.
            assert f"Impact: {' '.join(entry.impact.split())}" in following
        first_words = " ".join(entry.body.split()[:6])
        if first_words and "<!--" not in entry.body:
            assert first_words in " ".join(soup.get_text(" ").split()), entry.title
    outside = [e.title for e in corpus.entries if not SINCE <= e.date <= UNTIL]
    assert not any(f"#### {title}\n" in result.output for title in outside)
    reflections = [e.title for e in corpus.entries if e.kind == "reflection" and SINCE <= e.date <= UNTIL]
    assert not any(f"#### {title}\n" in result.output for title in reflections)
    people = {p for e in period for p in e.people}
    assert people and not any(person in result.output for person in people)


def test_public_keeps_only_public_entries(corpus: Corpus) -> None:
    private = [e.title for e in corpus.entries if not e.public and SINCE <= e.date <= UNTIL and e.kind != "reflection"]
    assert private, "the example career has private entries in the period"
    everything = run(REPO, "report", "--since", SINCE.isoformat(), "--until", UNTIL.isoformat()).output
    public = run(REPO, "report", "--since", SINCE.isoformat(), "--until", UNTIL.isoformat(), "--public").output
    assert all(f"#### {title}\n" in everything for title in private)
    assert not any(f"#### {title}\n" in public for title in private)


def test_until_defaults_to_today(corpus: Corpus) -> None:
    result = run(REPO, "report", "--since", "2026-11-01")
    latest = corpus.entries[0]
    assert "to 2026-11-22" in result.output and f"#### {latest.title}\n" in result.output


def test_output_writes_a_new_file_and_refuses_an_existing_one(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    target = site / "content" / "review-2026.md"
    first = run(site, "report", "--since", "2026-01-01", "--output", "content/review-2026.md")
    assert first.exit_code == 0 and target.is_file()
    assert target.read_text().startswith("# Review packet: Dana Reyes")
    assert_clean(site)  # a report kept in the content folder is an ordinary private page
    before = snapshot(site)
    again = run(site, "report", "--since", "2025-01-01", "--output", "content/review-2026.md")
    assert again.exit_code == 1 and "already exists; nothing was written" in again.output
    assert snapshot(site) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--since", "2026-05-01", "--until", "2026-04-01"], "must not be before --since"), (["--since", "May 2026"], "Invalid value")],
    ids=["until-before-since", "not-a-date"],
)
def test_bad_dates_are_refused(args: list[str], message: str) -> None:
    result = run(REPO, "report", *args)
    assert result.exit_code == 2 and message in result.output


def test_report_on_a_site_made_by_init(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "mine", "--example").exit_code == 0
    since = (TODAY - dt.timedelta(days=60)).isoformat()
    result = run(tmp_path / "mine", "report", "--since", since)
    assert "#### Example: started a career journal\n" in result.output
    assert "### Example: engineer, Example Corp" in result.output
    kept = run(tmp_path / "mine" / "content", "report", "--since", since, "--output", "review.md")
    assert kept.exit_code == 0 and (tmp_path / "mine" / "content" / "review.md").read_text() == result.output
    assert_clean(tmp_path / "mine")


def test_an_empty_period_says_so() -> None:
    result = run(REPO, "report", "--since", "2001-01-01", "--until", "2001-12-31")
    assert result.exit_code == 0 and "No journal entries in this period." in result.output


def test_an_entrys_own_text_comes_without_its_html_comments_and_markup_in_titles_stays_text(tmp_path: Path) -> None:
    body = "Shipped it.\n<!-- my manager was wrong -->\nThen measured it."
    write_site(tmp_path, [make_entry(title="Fixed *all* the [links]", body=body, impact="2 × faster")])
    result = run(tmp_path, "report", "--since", "2026-01-01", "--until", "2026-12-31")
    soup = _html(result.output)
    assert [h.get_text() for h in soup.find_all("h4")] == ["Fixed *all* the [links]"]
    assert "Shipped it." in result.output and "Then measured it." in result.output
    assert "manager was wrong" not in result.output
