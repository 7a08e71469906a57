"""Next steps: what is due today, ranked, with why and the exact action; pure functions of (corpus, settings, today)."""

from __future__ import annotations

import datetime as dt

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.insights.nextsteps import NextSteps, compute_next_steps
from careerfolio.settings import Settings
from helpers import TODAY, front_matter, make_checkup, make_contact, make_decision, make_entry, make_skill


def steps(files: list[tuple[str, bytes]], today: dt.date = TODAY) -> NextSteps:
    settings = Settings()
    return compute_next_steps(load_corpus(files, settings), settings, today)


def kinds(result: NextSteps) -> list[tuple[str, str | None]]:
    return [(s.kind, s.id) for s in result.steps]


def in_order() -> list[tuple[str, bytes]]:
    """A career with nothing due on TODAY: recent check-up with its action done, contact, entry, plan reviewed."""
    return [
        make_checkup("2026-11-01", actions=["Call Tom"], done=["Call Tom"]),
        make_entry(path="journal/2026/recent.md", date="2026-11-15"),
        make_contact("jane", last_contact="2026-11-10", every=30),
        make_skill("python", level=4, target=4, last_used="2026-11"),
        ("layoff-plan.md", front_matter({"reviewed": "2026-10-01"}, "- [x] Fund\n")),
    ]


def test_nothing_due_says_when_the_next_thing_falls_due() -> None:
    result = steps(in_order())
    assert result.steps == ()
    # The contact is due 30 days after 2026-11-10; the journal on day 31 after 2026-11-15; the check-up on 2027-01-30.
    assert result.next_due == dt.date(2026, 12, 10)
    assert result.next_what is not None and "Jane Doe" in result.next_what


def test_an_overdue_check_up_comes_first_and_its_actions_wait_for_the_next_one() -> None:
    files = [*in_order()[1:], make_checkup("2026-05-01", actions=["Call Tom"]), make_contact("ahmed", last_contact="2026-01-01")]
    result = steps(files)
    assert kinds(result) == [("checkup", None), ("contact", "ahmed")]
    first = result.steps[0]
    assert first.due == dt.date(2026, 7, 30) and first.action() == "careerfolio checkup"


def test_every_kind_is_ranked_by_the_hierarchy_and_longest_overdue_first() -> None:
    files = [
        make_checkup("2026-11-01", actions=["Call Tom", "Write the post"], done=["Write the post"]),
        make_entry(path="journal/2026/old.md", date="2026-09-01", skills=["python"]),
        make_contact("jane", last_contact="2026-06-01"),
        make_contact("ahmed", name="Ahmed Karim", last_contact="2026-01-01"),
        make_decision("move", decide_by="2026-12-01"),
        make_decision("later", decide_by="2027-03-01"),
        make_decision("stay", title="Stay?", status="decided", choice="Stay", revisit="2026-10-01"),
        ("layoff-plan.md", front_matter({"reviewed": "2026-01-01"}, "- [x] Fund\n")),
        make_skill("spark", level=2, target=2, last_used="2024-10"),
        make_skill("sql", level=2, target=4, last_used="2026-10"),
    ]
    result = steps(files)
    assert kinds(result) == [
        ("action", "2026-11-01"),  # only the action not recorded as done
        ("contact", "ahmed"),  # overdue longer than jane
        ("contact", "jane"),
        ("decision", "move"),  # decide_by within 14 days; "later" is not due yet
        ("revisit", "stay"),
        ("layoff_plan", None),  # reviewed more than 180 days ago
        ("skill", "spark"),
        ("skill", "sql"),
        ("journal", None),  # silent for 82 days
    ]
    by_kind = {s.kind: s for s in reversed(result.steps)}  # the first step of each kind
    assert by_kind["action"].title == "Call Tom"
    assert by_kind["decision"].due == dt.date(2026, 12, 1) and "in 9 days" in by_kind["decision"].why
    assert by_kind["layoff_plan"].due == dt.date(2026, 6, 30)
    assert by_kind["contact"].action() == "open network/ahmed.md: " + by_kind["contact"].todo
    assert by_kind["contact"].action("content/network/ahmed.md").startswith("open content/network/ahmed.md: ")
    assert by_kind["journal"].command is not None and by_kind["journal"].command.startswith("careerfolio new entry")


@pytest.mark.parametrize(
    ("plan", "due"),
    [
        ("- [x] Fund\n- [ ] References\n", False),  # reviewed recently, a task open
        ("- [x] Fund\n", True),  # all done, yet unreviewed for 180+ days
    ],
    ids=["open-task", "unreviewed"],
)
def test_the_layoff_plan_is_due_with_open_tasks_or_when_unreviewed(plan: str, due: bool) -> None:
    reviewed = "2026-10-01" if not due else "2026-03-01"
    result = steps([*in_order()[:-1], ("layoff-plan.md", front_matter({"reviewed": reviewed}, plan))])
    assert kinds(result) == [("layoff_plan", None)]
    assert (result.steps[0].due is not None) == due


def test_a_brand_new_career_starts_with_the_check_up_and_the_journal() -> None:
    result = steps([])
    assert kinds(result) == [("checkup", None), ("journal", None)]
    assert result.steps[0].due is None


def test_the_same_inputs_give_the_same_steps_on_any_day_asked() -> None:
    # Pure: today is an argument, so a later day makes the journal silent without touching any file.
    files = in_order()
    assert steps(files).steps == ()
    later = steps(files, dt.date(2026, 12, 20))
    assert ("journal", None) in kinds(later) and ("contact", "jane") in kinds(later)
