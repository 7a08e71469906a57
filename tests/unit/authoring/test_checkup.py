"""`careerfolio checkup`: the questions, the evidence, the file it writes, and what it never writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careerfolio.authoring.checkup import ScoresError, add_done, collect_evidence, parse_scores
from careerfolio.content.corpus import load_corpus
from careerfolio.content.levels import LEVEL_IDS
from careerfolio.content.loader import parse_source, read_tree
from cli_support import Terminal, assert_clean, copy_example, run, snapshot
from helpers import TODAY, make_checkup, make_entry

SCORES = "skills=4,performance=3,network=2,job_search=2,finances=5"
CHECKUP_FILE = f"content/checkups/{TODAY.isoformat()}.md"


def _checkup_meta(site: Path, name: str = CHECKUP_FILE) -> dict[str, object]:
    return parse_source("c.md", (site / name).read_bytes()).meta


def test_evidence_is_each_levels_entries_since_the_previous_checkup() -> None:
    corpus = load_corpus(
        [
            make_checkup("2026-06-01"),
            make_entry(path="journal/before.md", date="2026-05-31", title="Before", levels=["skills"]),
            make_entry(path="journal/on-the-day.md", date="2026-06-01", title="On the day", levels=["skills"]),
            make_entry(path="journal/after.md", date="2026-07-01", title="After", levels=["skills", "network"]),
            make_entry(path="journal/default.md", date="2026-07-02", title="Default levels", kind="achievement"),
            make_entry(path="journal/future.md", date="2027-01-01", title="Future", levels=["skills"]),
        ]
    )
    evidence = {e.level.id: [x.title for x in e.entries] for e in collect_evidence(corpus, dt.date(2026, 6, 1), TODAY)}
    assert evidence == {"skills": ["After"], "performance": ["Default levels"], "network": ["After"], "job_search": [], "finances": []}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("skills=4,performance=3,network=2,job_search=2", "missing: finances"),
        (SCORES.replace("finances=5", "finances=6"), "from 1 to 5"),
        (SCORES.replace("network", "netwrok"), "is not a level"),
        (SCORES + ",skills=1", "scored twice"),
        ("skills:4", "level=score"),
    ],
    ids=["missing", "range", "unknown", "twice", "shape"],
)
def test_bad_scores_are_named(text: str, message: str) -> None:
    with pytest.raises(ScoresError, match=message):
        parse_scores(text)


def test_interactive_checkup_reasks_on_bad_input_and_writes_the_file(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    corpus = load_corpus(read_tree(site / "content"))
    previous = corpus.checkups[-1]
    answers = [
        "4",
        "seven",
        "9",
        "3",
        "2",
        "2",
        "",  # Enter keeps the previous finances score
        "n",  # the previous check-up's two open actions: not done yet
        "",
        "Ask three people for a reference",
        "Refresh the résumé",
        "",
        "A good quarter.",
        "",
        "",  # write it
    ]
    result = run(site / "content", "checkup", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("Please type a whole number from 1") == 2  # "seven" and "9"
    assert f"the previous one was on {previous.date.isoformat()}" in out
    assert f"Previous score: {previous.score('skills')}" in out
    shown = [e.title for e in corpus.entries if "skills" in e.levels and previous.date < e.date <= TODAY]
    hidden = [e.title for e in corpus.entries if "skills" in e.levels and e.date <= previous.date]
    assert shown and all(title in out for title in shown[:8])
    assert not any(title in out for title in hidden if all(title not in s for s in shown))
    meta = _checkup_meta(site)
    assert meta == {
        "date": TODAY.isoformat(),
        "scores": dict(zip(LEVEL_IDS, [4, 3, 2, 2, previous.score("finances")], strict=True)),
        "actions": ["Ask three people for a reference", "Refresh the résumé"],
    }
    assert (site / CHECKUP_FILE).read_text().endswith("---\nA good quarter.\n")
    assert "Work on first: Business network" in out  # the lowest score nearest the foundation
    assert_clean(site)


def test_scores_flag_needs_no_input(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    result = run(site, "checkup", "--scores", SCORES, "--action", "One", "--action", "Two: with a colon", "--reflection", "Short.")
    assert result.exit_code == 0, result.output
    assert _checkup_meta(site)["actions"] == ["One", "Two: with a colon"]
    assert _checkup_meta(site)["scores"] == dict(zip(LEVEL_IDS, [4, 3, 2, 2, 5], strict=True))
    assert_clean(site)


def test_a_second_checkup_on_the_same_day_gets_a_new_file(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    run(site, "checkup", "--scores", SCORES)
    first = (site / CHECKUP_FILE).read_bytes()
    result = run(site, "checkup", "--scores", SCORES.replace("skills=4", "skills=1"))
    assert result.exit_code == 0 and f"{TODAY.isoformat()}-2.md" in result.output
    assert (site / CHECKUP_FILE).read_bytes() == first
    assert _checkup_meta(site, CHECKUP_FILE.replace(".md", "-2.md"))["scores"]["skills"] == 1  # type: ignore[index]
    assert_clean(site)


@pytest.mark.parametrize(
    "args",
    [["--scores", "skills=4"], ["--action", "Only an action"]],
    ids=["incomplete-scores", "action-without-scores"],
)
def test_bad_flags_write_nothing(tmp_path: Path, args: list[str]) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    result = run(site, "checkup", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert snapshot(site) == before


def test_end_of_input_writes_nothing(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    result = run(site, "checkup", input="4\n3\n2\n")
    assert result.exit_code == 1 and "nothing was written" in result.output
    assert snapshot(site) == before


def test_checkup_on_a_site_made_by_init(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "mine", "--example").exit_code == 0
    result = run(tmp_path / "mine", "checkup", input="3\n3\n3\n3\n3\n\n\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Example: started a career journal" in result.output  # the tour's entry is evidence since the tour's check-up
    assert_clean(tmp_path / "mine")


# -- a real terminal ------------------------------------------------------------------


def test_a_person_runs_a_checkup_in_a_terminal(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    previous_file = site / "content" / "checkups" / "2026-08-20.md"
    term = Terminal(site / "content" / "journal", "checkup")
    for label, keeps, answer in [("Job skills", 4, "4"), ("Job performance", 4, "nine")]:
        term.expect(f"Score for {label} (1-5, Enter keeps {keeps}): ")
        term.type(answer + "\r")
    term.expect("Please type a whole number from 1 (weak) to 5 (strong).")
    term.type("3\r")
    for label, keeps, answer in [("Business network", 3, "2"), ("Job search", 3, ""), ("Finances", 4, "4")]:
        term.expect(f"Score for {label} (1-5, Enter keeps {keeps}): ")
        term.type(answer + "\r")
    # The previous check-up's actions: the one already done is shown as done, the open ones are asked about.
    term.expect("[done] Have the staff engineer conversation with Stefan in October")
    term.expect("Done now: Ask three people for a reference before the end of the year? (y/N) ")
    term.type("y\r")
    term.expect("Done now: Refresh Spark with one small streaming project? (y/N) ")
    term.type("\r")
    term.expect("Action: ")
    term.type("Call Tom about the market\r")
    term.expect("Action: ")
    term.type("\r")
    term.expect("> ")
    term.type("Network first, again.\r\r")
    term.expect("Write this check-up? (Y/n) ")
    term.type("\r")
    term.expect("Wrote ../checkups/")
    term.expect("Marked 1 action done")
    assert term.wait() == 0
    assert "1. Job skills — skills that keep you employable" in term.screen
    assert "Previous score: 4" in term.screen
    assert "Learned to profile Python memory with memray" in term.screen  # evidence since the last check-up
    assert _checkup_meta(site) == {
        "date": TODAY.isoformat(),
        "scores": dict(zip(LEVEL_IDS, [4, 3, 2, 3, 4], strict=True)),  # Enter kept job search at 3
        "actions": ["Call Tom about the market"],
    }
    previous = load_corpus(read_tree(site / "content")).checkups[-2]
    assert previous.path == "checkups/2026-08-20.md" and previous.done == (
        "Have the staff engineer conversation with Stefan in October",
        "Ask three people for a reference before the end of the year",
    )
    assert previous_file.read_text().count("done:") == 1 and "Stefan said so in writing" in previous_file.read_text()
    assert_clean(site)


@pytest.mark.parametrize(("key", "code"), [("\x03", 1), ("\x04", 1)], ids=["ctrl-c", "ctrl-d"])
def test_ctrl_c_or_end_of_input_in_a_terminal_writes_nothing(tmp_path: Path, key: str, code: int) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    term = Terminal(site, "checkup")
    term.expect("Score for Job skills (1-5, Enter keeps 4): ")
    term.type("4\r")
    term.expect("Score for Job performance (1-5, Enter keeps 4): ")
    term.interrupt(key)
    term.expect("nothing was written")
    assert term.wait() == code
    assert "Traceback" not in term.screen
    assert snapshot(site) == before


def test_a_second_checkup_the_same_day_asks_first_and_no_writes_nothing(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    run(site, "checkup", "--scores", SCORES)
    before = snapshot(site)
    result = run(site, "checkup", input="n\n")
    assert result.exit_code == 0 and "today's check-up is done. Run another one? (y/N)" in result.output
    assert "Nothing was written." in result.output and snapshot(site) == before


def test_the_summary_is_confirmed_before_anything_is_written(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    result = run(site, "checkup", input="\n" * 5 + "y\n" + "\n" * 3 + "n\n")
    assert "Summary of the check-up" in result.output and "Write this check-up? (Y/n)" in result.output
    assert result.exit_code == 0 and "Nothing was written." in result.output
    assert snapshot(site) == before  # not even the action marked done


def test_marking_done_keeps_every_other_byte_of_the_previous_checkup() -> None:
    text = "---\r\ndate: 2026-01-01\r\nactions:\r\n  - A: colon\r\n  - B\r\n---\r\nBody\r\n"
    once = add_done(text, ("A: colon",))
    assert once == "---\r\ndate: 2026-01-01\r\nactions:\r\n  - A: colon\r\n  - B\r\ndone:\r\n  - 'A: colon'\r\n---\r\nBody\r\n"
    assert add_done(once, ("B",)) == once.replace("  - 'A: colon'\r\n", "  - 'A: colon'\r\n  - B\r\n")
    assert add_done("---\ndone: [A]\n---\n", ("B",)) is None  # another style: left to the person
    assert add_done("no front matter\n", ("B",)) is None
