"""Problems as users read them: one line each, naming only what the format defines, never quoting what the user typed."""

from __future__ import annotations

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.problems import Problem
from helpers import make_checkup, make_contact, make_decision, make_entry, make_profile

SECRET = "Secret affair with Bob"


def _messages(files: list[tuple[str, bytes]]) -> list[str]:
    return [p.format() for p in load_corpus(files).problems]


CASES = {
    "unknown field": [make_entry(**{SECRET: 1})],
    "unknown field holding a line break": [make_entry(**{f"{SECRET}\nnext: line": 1})],
    "unknown level in scores": [make_checkup(scores={"skills": 3, SECRET: 2})],
    "unknown level in an effect": [make_decision(options=[{"name": "A", "effect": {SECRET: 1}}, {"name": "B"}])],
    "unknown field of an option": [make_decision(options=[{"name": "A", SECRET: 1}, {"name": "B"}])],
    "unknown field of a link": [make_profile(links=[{"label": "x", "url": "https://x.example", SECRET: 1}])],
    "unknown person": [make_entry(people=[SECRET]), make_contact("jane-doe")],
    "unknown skill and role": [make_entry(skills=[SECRET], role=SECRET)],
    "unknown field given twice": [("journal/a.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}: 1\n{SECRET}: 2\n---\n".encode())],
    "unknown field cut by a comment": [("journal/a.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}: a #b\n---\n".encode())],
    "key of a nested mapping that is not text": [("journal/a.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}:\n  [a]: 1\n---\n".encode())],
}


@pytest.mark.parametrize("files", CASES.values(), ids=CASES.keys())
def test_a_problem_never_quotes_what_the_user_typed(files: list[tuple[str, bytes]]) -> None:
    messages = _messages(files)
    assert messages, "the case must find a problem"
    for message in messages:
        assert "Secret" not in message and "Bob" not in message, message
        assert "\n" not in message


def test_a_field_the_format_defines_is_still_named() -> None:
    text = b"---\ndate: 2026-01-02\ntitle: T\nvisibility: public\nvisibility: private\n---\n"
    assert _messages([("journal/a.md", text)]) == [
        "journal/a.md:5: error: visibility: is given twice (first on line 4); keep one, since YAML would silently use the last"
    ]
    (level,) = _messages([make_checkup(scores={"skills": 3, "performance": 3, "network": 3, "job_search": 3, "finances": 3, "netwrok": 1})])
    assert level.startswith("checkups/2026-03-01.md:9: error: scores: has a key that is not a level (")
    assert level.endswith('; did you mean "network"?')


def test_an_unknown_field_is_described_on_its_own_line_with_the_closest_known_one() -> None:
    (message,) = _messages([make_entry(impcat="x")])
    assert message == 'journal/2026/entry.md:6: warning: a journal entry has no such field; did you mean "impact"?'


def test_a_problem_is_one_line_whatever_its_parts_hold() -> None:
    problem = Problem("journal/a\nb\u2028c.md", 3, None, "is wrong\r\nhere")
    assert problem.format() == "journal/a\\nb\\u2028c.md:3: error: is wrong\\r\\nhere"
