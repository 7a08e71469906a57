"""`careerfolio status` and `careerfolio calendar`, and the weekly reminder workflow that `init` writes."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from cli_support import copy_example, run
from helpers import TODAY, make_checkup, make_contact, make_entry, output_text, run_mkdocs, write_site

STEP_KEYS = {"kind", "id", "due", "why", "action"}
KINDS = {"checkup", "action", "contact", "decision", "revisit", "layoff_plan", "skill", "journal"}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("status") / "career")


def _quiet_career(root: Path) -> Path:
    """A site with nothing due on TODAY."""
    return write_site(
        root,
        [
            make_checkup("2026-11-01", actions=["Call Tom"], done=["Call Tom"]),
            make_entry(path="journal/2026/recent.md", date="2026-11-15"),
            make_contact("jane", last_contact="2026-11-10", every=30),
        ],
    )


def test_status_json_has_exactly_the_documented_shape_and_exit_1_when_something_is_due(example: Path) -> None:
    result = run(example / "content" / "journal", "status", "--json")  # from anywhere in the site
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert set(data) == {"today", "next_steps"} and data["today"] == TODAY.isoformat()
    for step in data["next_steps"]:
        assert set(step) == STEP_KEYS and step["kind"] in KINDS
        assert step["due"] is None or dt.date.fromisoformat(step["due"])
        assert (step["id"] is None) == (step["kind"] in {"checkup", "journal", "layoff_plan"})
    first = data["next_steps"][0]
    assert first == {**first, "kind": "checkup", "id": None, "due": "2026-11-18", "action": "careerfolio checkup"}
    # Files are shown relative to the folder the command ran in, ready to open.
    contact = next(s for s in data["next_steps"] if s["kind"] == "contact")
    assert contact["action"].startswith(f"open ../network/{contact['id']}.md: ")


def test_the_dashboard_lists_the_same_steps_as_status(example_source: Path, example_private: Path) -> None:
    data = json.loads(run(example_source, "status", "--json").output)
    soup = BeautifulSoup((example_private / "dashboard" / "index.html").read_text(), "html.parser")
    shown = [(li["data-kind"], li.get("data-id")) for li in soup.select("#cf-next li.cf-step")]
    assert shown == [(s["kind"], s["id"]) for s in data["next_steps"]]


def test_status_exits_0_and_says_when_the_next_thing_falls_due(tmp_path: Path) -> None:
    site = _quiet_career(tmp_path / "quiet")
    result = run(site, "status")
    assert result.exit_code == 0, result.output
    assert "nothing is due" in result.output and "2026-12-10" in result.output
    assert json.loads(run(site, "status", "--json").output) == {"today": TODAY.isoformat(), "next_steps": []}


def test_status_markdown_heads_with_what_is_due_and_keeps_user_text_inert(tmp_path: Path) -> None:
    site = write_site(tmp_path / "md", [make_contact("x", name="<img src=x> **Bold** [link](http://e.x)", last_contact="2025-01-01")])
    result = run(site, "status", "--markdown")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("# 3 things are due: Your first check-up")
    body = result.output
    # Every markup character from the file is escaped, so GitHub shows it as typed.
    assert not re.search(r"(?<!\\)(<img|\*\*Bold|\[link)", body)
    assert "\\<img src=x\\> \\*\\*Bold\\*\\* \\[link\\](http://e.x)" in body


def test_status_exits_2_when_the_site_cannot_be_read(tmp_path: Path) -> None:
    assert run(tmp_path, "status").exit_code == 2


def test_calendar_parses_as_icalendar_with_stable_uids(example: Path) -> None:
    result = run(example, "calendar")
    assert result.exit_code == 0, result.output
    raw = (example / "careerfolio.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")) and b"\n" not in raw.replace(b"\r\n", b"")
    events = {str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")}
    assert {"checkup", "layoff-plan", "contact-jane-doe", "decide-staff-or-outside", "revisit-platform-team-move"} <= set(events)
    # Overdue things are dated today; the open decision on its decide_by date.
    assert events["checkup"].decoded("DTSTART") == TODAY
    assert events["decide-staff-or-outside"].decoded("DTSTART") == dt.date(2027, 1, 15)
    assert str(events["decide-staff-or-outside"]["SUMMARY"]) == "Decide: Staff engineer at Acme, or look outside?"
    # Run again a week later: the same UIDs, a higher SEQUENCE, so calendars update the events.
    later = str(int(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC).timestamp()))
    assert run(example, "calendar", env={"SOURCE_DATE_EPOCH": later}).exit_code == 0
    again = {
        str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical((example / "careerfolio.ics").read_bytes()).walk("VEVENT")
    }
    assert set(again) == set(events)
    assert int(again["checkup"]["SEQUENCE"]) > int(events["checkup"]["SEQUENCE"])


def test_calendar_never_overwrites_a_file_of_its_own_making_only_and_stays_out_of_content(example: Path) -> None:
    (example / "mine.ics").write_text("my own calendar")
    result = run(example, "calendar", "--output", "mine.ics")
    assert result.exit_code == 1 and (example / "mine.ics").read_text() == "my own calendar"
    assert run(example, "calendar", "--output", "content/reminders.ics").exit_code == 1
    assert not (example / "content" / "reminders.ics").exists()


def test_no_build_carries_the_calendar_or_the_steps(tmp_path: Path) -> None:
    site = write_site(tmp_path / "pub", [make_contact("jane", name="Jane Doe", last_contact="2025-01-01"), make_checkup()])
    assert run(site, "calendar").exit_code == 0
    assert run_mkdocs(site, "build", "--strict").returncode == 0
    out = output_text(site / "site")
    assert not any(path.endswith(".ics") for path in out)
    assert not any("Jane Doe" in text or "BEGIN:VCALENDAR" in text for text in out.values())


def test_init_writes_a_weekly_reminder_workflow_that_only_touches_one_issue(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "career").exit_code == 0
    text = (tmp_path / "career" / ".github" / "workflows" / "reminders.yml").read_text()
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    _minute, _hour, day, month, weekday = triggers["schedule"][0]["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()
    # Only the repository's own token, allowed to read the files and write issues: nothing is published.
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    assert "secrets." not in text and "github.token" in text
    script = workflow["jobs"]["remind"]["steps"][-1]["run"]
    assert "careerfolio status --markdown" in script
    for command in ("gh issue create", "gh issue edit", "gh issue close", ".private"):
        assert command in script
    assert not any(word in text for word in ("deploy", "pages", "upload-artifact", "git push", "mkdocs build"))
    # The starter site still builds its public portfolio with the new files in place.
    assert run_mkdocs(tmp_path / "career", "build", "--strict").returncode == 0


def test_a_done_item_that_is_not_an_action_is_a_warning(tmp_path: Path) -> None:
    site = write_site(tmp_path / "w", [make_checkup(actions=["Call Tom"], done=["Call tom"])])
    result = run(site, "check")
    assert "checkups/2026-03-01.md:" in result.output and "done: item 1 is not one of actions" in result.output
    assert "Call tom" not in result.output  # values are never quoted


def test_with_nothing_due_the_dashboard_says_all_is_in_order_and_when_the_next_thing_falls_due(tmp_path: Path) -> None:
    site = _quiet_career(tmp_path / "quiet")
    assert run_mkdocs(site, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"}).returncode == 0
    soup = BeautifulSoup((site / "site-private" / "dashboard" / "index.html").read_text(), "html.parser")
    assert soup.select("#cf-next li.cf-step") == []
    clear = soup.select_one("#cf-next .cf-all-clear")
    assert clear is not None
    text = " ".join(clear.get_text(" ").split())
    assert text.startswith("All is in order") and "getting in touch with Jane Doe" in text and "2026-12-10" in text
