"""The corpus: records from files, defaults, cross-file checks and the public subset."""

from __future__ import annotations

import datetime as dt

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.settings import Settings
from helpers import make_checkup, make_contact, make_decision, make_entry, make_profile, make_role, make_skill


@pytest.mark.parametrize(
    ("kind", "levels"),
    [
        ("achievement", ("performance",)),
        ("learning", ("skills",)),
        ("network", ("network",)),
        ("volunteer", ("network",)),
        ("reflection", ()),
    ],
)
def test_default_levels_follow_the_kind(kind: str, levels: tuple[str, ...]) -> None:
    (entry,) = load_corpus([make_entry(kind=kind)]).entries
    assert entry.levels == levels


def test_explicit_levels_win_and_lose_duplicates() -> None:
    (entry,) = load_corpus([make_entry(kind="learning", levels=["finances", "finances", "network"])]).entries
    assert entry.levels == ("finances", "network")


def test_public_subset_strips_private_links_and_people() -> None:
    corpus = load_corpus(
        [
            make_entry(path="journal/a.md", skills=["python", "haskell"], role="secret-job", people=["jane-doe"]),
            make_entry(path="journal/b.md", title="Hidden", visibility="private"),
            make_skill("python"),
            make_skill("haskell", visibility="private"),
            make_role("secret-job", visibility="private"),
            make_contact(),
            make_checkup(),
            make_decision(),
            make_profile(visibility="private"),
        ]
    )
    public = corpus.public()
    (entry,) = public.entries
    assert entry.skills == ("python",) and entry.role is None and entry.people == ()
    assert [s.id for s in public.skills] == ["python"]
    assert public.roles == () and public.checkups == () and public.contacts == () and public.decisions == ()
    assert public.profile is None and public.layoff_plan is None
    assert public.public() is public
    assert corpus.public() is public  # computed once, shared by every reader
    assert corpus.public_paths() == frozenset({"journal/a.md", "skills/python.md"})


def test_sorting_newest_entries_first_and_oldest_checkups_first() -> None:
    corpus = load_corpus(
        [
            make_entry(path="journal/old.md", date="2024-01-01"),
            make_entry(path="journal/new.md", date="2026-01-01"),
            make_checkup("2026-05-01"),
            make_checkup("2025-05-01"),
        ]
    )
    assert [e.id for e in corpus.entries] == ["new", "old"]
    assert [c.date for c in corpus.checkups] == [dt.date(2025, 5, 1), dt.date(2026, 5, 1)]


def test_decision_options_and_choice() -> None:
    (decision,) = load_corpus([make_decision(status="decided", choice="Stay")]).decisions
    assert decision.choice == "Stay"
    assert dict(decision.options[0].effect) == {"skills": 1, "performance": 0, "network": 0, "job_search": 0, "finances": 2}


def test_layoff_plan_counts_tasks_with_their_lines() -> None:
    data = b"---\nreviewed: 2026-09-01\n---\n- [x] Six months of expenses\n- [ ] Three references\n* [X] Copies of reviews\n"
    plan = load_corpus([("layoff-plan.md", data)]).layoff_plan
    assert plan is not None
    assert [(t.done, t.line) for t in plan.tasks] == [(True, 4), (False, 5), (True, 6)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("journal/2026/a.md", ("entry", "2026/a")),
        ("skills/python.md", ("skill", "python")),
        ("skills/deeper/python.md", ("page", None)),
        ("profile.md", ("profile", None)),
        ("layoff-plan.md", ("layoff_plan", None)),
        ("about.md", ("page", None)),
        ("checkups/2026-01-01.md", ("checkup", "2026-01-01")),
    ],
)
def test_classify_by_folder(path: str, expected: tuple[str, str | None]) -> None:
    assert Settings().classify(path) == expected


def test_folder_names_are_settings() -> None:
    settings = Settings(journal_dir="log")
    (entry,) = load_corpus([make_entry(path="log/x.md")], settings).entries
    assert entry.id == "x"


def test_an_unknown_skill_is_reported_on_the_line_of_its_list_item() -> None:
    path, data = "journal/2026/entry.md", b"---\ndate: 2026-03-14\ntitle: T\nkind: learning\nskills:\n  - python\n  - pyhton\n---\nBody\n"
    corpus = load_corpus([(path, data), make_skill("python")])
    assert [(p.path, p.line, p.field) for p in corpus.problems] == [(path, 7, "skills")]


def test_a_key_written_as_a_number_and_as_text_is_one_field_given_twice() -> None:
    """`1:` and `'1':` differ to YAML but name one field: one warning for it, one error for the repeat (found by Hypothesis)."""
    text = b"---\nreviewed: 2026-01-05\n1: 9999-12-31\n'1': X\n---\nThe plan.\n"
    problems = [p.format() for p in load_corpus([("layoff-plan.md", text)], Settings()).problems]
    assert problems == [
        "layoff-plan.md:3: warning: a layoff plan has no such field",
        "layoff-plan.md:4: error: a field is given twice (first on line 3); keep one, since YAML would silently use the last",
    ]


def test_unknown_keys_merged_on_one_line_are_one_warning() -> None:
    """A merge key brings two unknown fields onto one line; described alike, they are said once (found by Hypothesis)."""
    text = b"---\nreviewed: 2026-01-05\n<<: {skills: 9, finances: -9}\nfoo: 1\n---\nThe plan.\n"
    problems = [p.format() for p in load_corpus([("layoff-plan.md", text)], Settings()).problems]
    # Merged keys have no line of their own: they are placed at the front matter's first line.
    assert problems == [f"layoff-plan.md:{line}: warning: a layoff plan has no such field" for line in (1, 4)]


def test_a_second_layoff_plan_in_another_case_is_reported_not_hidden() -> None:
    """`Layoff-Plan.md` is the layoff plan too (one file on macOS and Windows); beside `layoff-plan.md`, one is shown, one named."""
    text = b"---\nreviewed: 2026-01-05\n---\nThe plan.\n"
    corpus = load_corpus([("Layoff-Plan.md", text), ("layoff-plan.md", text)], Settings())
    assert corpus.layoff_plan is not None and corpus.layoff_plan.path == "Layoff-Plan.md"
    assert [p.format() for p in corpus.problems] == [
        "layoff-plan.md:1: warning: is a second layoff plan beside Layoff-Plan.md, which is the one shown; keep one"
    ]


def test_a_binary_value_in_a_text_field_is_named_plainly() -> None:
    text = b"---\ndate: 2026-03-14\ntitle: !!binary aGVsbG8=\nkind: achievement\n---\nBody\n"
    problems = [p.format() for p in load_corpus([("journal/x.md", text)], Settings()).problems]
    assert problems == ["journal/x.md:3: error: title: must be plain text"]
