"""The calendar's lines: text escaped as iCalendar wants it, long lines folded without splitting a character."""

from __future__ import annotations

import icalendar

from careerfolio.insights.reminders import fold


def test_text_values_are_escaped_and_long_lines_folded_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "é" * 60
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    event = icalendar.Event.from_ical(
        "BEGIN:VEVENT\r\n" + fold("SUMMARY:a\\, b\\; c\\\\n " + "x" * 100) + "\r\nEND:VEVENT\r\n"  # as we write it
    )
    assert str(event["SUMMARY"]).startswith("a, b; c\\n ")
