"""Every dashboard figure on small careers made with the factories, on a fixed today."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.insights.metrics import (
    LONG_WINDOW,
    QUARTERS_SHOWN,
    SHORT_WINDOW,
    UNDERRATED_ENTRIES,
    DashboardFigures,
    compute_dashboard,
    longest_gap,
    quarter_label,
)
from careerfolio.settings import Settings
from helpers import TODAY, front_matter, make_checkup, make_contact, make_decision, make_entry, make_profile, make_role, make_skill

_serial = itertools.count()


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def entry(n_days_ago: int, **fields: Any) -> tuple[str, bytes]:
    """A journal entry dated `n_days_ago` before TODAY, at a path of its own."""
    return make_entry(path=f"journal/e{next(_serial)}.md", date=days_ago(n_days_ago), **fields)


def scores(skills: int, performance: int, network: int, job_search: int, finances: int) -> dict[str, int]:
    return {"skills": skills, "performance": performance, "network": network, "job_search": job_search, "finances": finances}


def figures(files: list[tuple[str, bytes]], **settings: Any) -> DashboardFigures:
    config = Settings(**settings)
    return compute_dashboard(load_corpus(files, config), TODAY, config)


def level(figs: DashboardFigures, level_id: str) -> Any:
    (found,) = [lv for lv in figs.levels if lv.id == level_id]
    return found


# -- a brand-new user ------------------------------------------------------------------


def test_a_brand_new_user_gets_empty_figures_and_a_list_of_what_to_add_first() -> None:
    figs = figures([])
    assert figs.today == TODAY
    assert (figs.cadence.last, figs.cadence.days_since, figs.cadence.next_due, figs.cadence.overdue) == (None, None, None, False)
    assert [lv.id for lv in figs.levels] == ["skills", "performance", "network", "job_search", "finances"]
    assert all(lv.score is None and lv.change is None and lv.flag is None for lv in figs.levels)
    assert all(lv.evidence_90d == lv.evidence_365d == 0 for lv in figs.levels)
    assert figs.focus is None and figs.actions == () and figs.history == ()
    assert len(figs.journal.quarters) == QUARTERS_SHOWN and all(q.total == 0 for q in figs.journal.quarters)
    assert figs.journal.last_entry is None and figs.journal.days_since_last_entry is None
    assert figs.journal.longest_achievement_gap is None
    assert figs.skills.below_target == figs.skills.stale == figs.skills.most_evidenced == ()
    assert figs.network.overdue == () and figs.network.circles == () and figs.network.contacts == 0
    assert figs.decisions.open == figs.decisions.revisit == ()
    assert figs.layoff_plan is None and figs.excluded == ()
    assert figs.getting_started == ("checkup", "journal", "skills", "roles", "network", "layoff_plan", "profile")


def test_getting_started_shrinks_as_content_is_added() -> None:
    figs = figures([make_checkup(), entry(3), make_skill()])
    assert figs.getting_started == ("roles", "network", "layoff_plan", "profile")
    figs = figures([make_checkup(), entry(3), make_skill(), make_role(), make_contact(), make_profile()])
    assert figs.getting_started == ("layoff_plan",)


# -- now, over time, focus ---------------------------------------------------------------


def test_scores_are_the_latest_check_up_and_changes_are_against_the_one_before() -> None:
    files = [
        make_checkup("2026-08-20", scores=scores(4, 4, 3, 3, 4), actions=["Ask for references"]),
        make_checkup("2025-11-18", scores=scores(1, 1, 1, 1, 1)),
        make_checkup("2026-05-19", scores=scores(4, 3, 3, 2, 5)),
    ]
    figs = figures(files)
    assert [c.date.isoformat() for c in figs.history] == ["2025-11-18", "2026-05-19", "2026-08-20"]
    assert [(lv.id, lv.score, lv.previous, lv.change) for lv in figs.levels] == [
        ("skills", 4, 4, 0),
        ("performance", 4, 3, 1),
        ("network", 3, 3, 0),
        ("job_search", 3, 2, 1),
        ("finances", 4, 5, -1),
    ]
    assert figs.actions == ("Ask for references",)


def test_a_single_check_up_has_scores_but_no_changes() -> None:
    figs = figures([make_checkup("2026-10-01", scores=scores(2, 3, 4, 5, 1))])
    assert [lv.score for lv in figs.levels] == [2, 3, 4, 5, 1]
    assert all(lv.change is None for lv in figs.levels)


@pytest.mark.parametrize(
    ("given", "focus"),
    [
        (scores(4, 3, 2, 2, 3), "network"),  # tie with job_search: the lower level wins
        (scores(3, 3, 3, 3, 3), "skills"),  # all equal: the foundation
        (scores(5, 4, 4, 4, 1), "finances"),  # a single lowest, at the top
        (scores(2, 1, 5, 1, 1), "performance"),
    ],
    ids=["tie-network-job-search", "all-equal", "top-lowest", "three-way-tie"],
)
def test_focus_is_the_lowest_level_and_a_tie_goes_to_the_lower_one(given: dict[str, int], focus: str) -> None:
    figs = figures([make_checkup("2026-10-01", scores=given)])
    assert figs.focus is not None
    assert figs.focus.level_id == focus and figs.focus.score == min(given.values())
    assert 2 <= len(figs.focus.prompts) <= 3


# -- cadence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "every", "days_since", "next_due", "overdue"),
    [
        ("2026-08-20", 90, 94, "2026-11-18", True),
        ("2026-08-20", 100, 94, "2026-11-28", False),
        ("2026-08-24", 90, 90, "2026-11-22", False),  # due today is not yet overdue
        ("2026-08-23", 90, 91, "2026-11-21", True),
    ],
    ids=["overdue", "custom-every", "due-today", "one-day-late"],
)
def test_cadence(last: str, every: int, days_since: int, next_due: str, overdue: bool) -> None:
    cadence = figures([make_checkup("2026-01-01"), make_checkup(last)], checkup_every=every).cadence
    assert cadence.last is not None and cadence.last.date.isoformat() == last
    assert cadence.days_since == days_since
    assert cadence.next_due is not None and cadence.next_due.isoformat() == next_due
    assert cadence.overdue is overdue
    assert cadence.days_overdue == max((TODAY - dt.date.fromisoformat(next_due)).days, 0)


# -- evidence and flags -------------------------------------------------------------------


def test_evidence_counts_entries_per_level_in_the_last_90_and_365_days() -> None:
    files = [
        entry(0, levels=["network", "job_search"]),
        entry(SHORT_WINDOW - 1, levels=["network"]),
        entry(SHORT_WINDOW, levels=["network"]),  # outside the short window, inside the long one
        entry(LONG_WINDOW - 1, levels=["network"]),
        entry(LONG_WINDOW, levels=["network"]),  # outside both
        entry(-3, levels=["network"]),  # dated in the future: backs nothing yet
        entry(10, kind="learning"),  # default levels by kind: skills
        entry(10, kind="reflection"),  # no level at all
    ]
    figs = figures(files)
    counts = {lv.id: (lv.evidence_90d, lv.evidence_365d) for lv in figs.levels}
    assert counts == {"skills": (1, 1), "performance": (0, 0), "network": (2, 4), "job_search": (1, 1), "finances": (0, 0)}


def test_a_high_score_without_evidence_is_unbacked_and_a_low_one_with_plenty_is_underrated() -> None:
    files = [make_checkup("2026-10-01", scores=scores(4, 5, 2, 1, 3))]
    files += [entry(LONG_WINDOW, levels=["skills"])]  # a year and a day ago: too old to back skills
    files += [entry(100, levels=["performance"])]  # one recent entry backs a 5
    files += [entry(20 * i, levels=["network"]) for i in range(UNDERRATED_ENTRIES)]
    files += [entry(20 * i, levels=["job_search", "finances"]) for i in range(UNDERRATED_ENTRIES - 1)]
    figs = figures(files)
    assert {lv.id: lv.flag for lv in figs.levels} == {
        "skills": "unbacked",
        "performance": None,
        "network": "underrated",
        "job_search": None,  # scored 1 but one entry short of the threshold
        "finances": None,  # scored 3: neither high nor low
    }


# -- journal activity ---------------------------------------------------------------------


def test_entries_per_quarter_by_kind_over_the_last_eight_quarters() -> None:
    files = [
        make_entry(path="journal/a.md", date="2026-11-20", kind="achievement"),
        make_entry(path="journal/b.md", date="2026-10-01", kind="network"),
        make_entry(path="journal/c.md", date="2026-09-30", kind="learning"),
        make_entry(path="journal/d.md", date="2025-01-01", kind="feedback"),
        make_entry(path="journal/e.md", date="2024-12-31", kind="feedback"),  # before the first quarter shown
    ]
    quarters = figures(files).journal.quarters
    assert [q.label for q in quarters] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
    ]
    by_label = {q.label: {k: n for k, n in q.counts if n} for q in quarters}
    assert by_label["2026-Q4"] == {"achievement": 1, "network": 1}
    assert by_label["2026-Q3"] == {"learning": 1}
    assert by_label["2025-Q1"] == {"feedback": 1}
    assert sum(q.total for q in quarters) == 4


def test_days_since_the_last_entry_ignores_future_entries() -> None:
    journal = figures([entry(12, title="Twelve days ago"), entry(40), entry(-5)]).journal
    assert journal.days_since_last_entry == 12
    assert journal.last_entry is not None and journal.last_entry.title == "Twelve days ago"


def test_the_longest_gap_between_achievements_in_the_last_year() -> None:
    files = [
        entry(300),
        entry(250),
        entry(100),  # 150 days after the one before: the longest
        entry(30),
        entry(200, kind="feedback"),  # not an achievement: does not split the gap
        entry(LONG_WINDOW + 10),  # older than a year
    ]
    journal = figures(files).journal
    gap = journal.longest_achievement_gap
    assert gap is not None
    assert (gap.start, gap.end, gap.days, gap.ongoing) == (TODAY - dt.timedelta(250), TODAY - dt.timedelta(100), 150, False)
    assert journal.achievements_365d == 4


def test_the_gap_since_the_last_achievement_counts_and_runs_to_today() -> None:
    gap = longest_gap([TODAY - dt.timedelta(200), TODAY - dt.timedelta(190)], TODAY)
    assert gap is not None and (gap.days, gap.ongoing, gap.end) == (190, True, TODAY)


def test_quarter_labels() -> None:
    assert quarter_label(dt.date(2026, 11, 22)) == "2026-Q4"
    assert quarter_label(dt.date(2026, 1, 1)) == "2026-Q1"


# -- skills ------------------------------------------------------------------------------


def test_skills_below_target_stale_and_most_evidenced() -> None:
    files = [
        make_skill("python", level=4, target=5, last_used="2026-11"),
        make_skill("spark", level=2, target=5, last_used="2024-10"),  # stale by last_used
        make_skill("sql", level=5, target=5, last_used="2020-01"),  # old last_used, but a recent entry names it
        make_skill("german", level=3),  # no evidence at all
        make_skill("dbt", level=3, target=3, last_used="2025-11-22"),  # exactly 365 days ago: stale
        make_skill("airflow", level=4, target=4, last_used="2025-11-23"),  # 364 days ago: current
        entry(10, skills=["sql", "python"]),
        entry(20, skills=["sql"]),
        entry(400, skills=["sql"]),
        entry(30, skills=["python"]),
    ]
    skills = figures(files).skills
    assert [f.id for f in skills.below_target] == ["spark", "python"]  # the widest gap first
    assert [f.id for f in skills.stale] == ["german", "spark", "dbt"]  # never, then the oldest evidence first
    assert [(f.id, f.entries, f.entries_365d) for f in skills.most_evidenced] == [("sql", 3, 2), ("python", 2, 2)]
    (spark,) = [f for f in skills.stale if f.id == "spark"]
    assert spark.last_evidence == dt.date(2024, 10, 31)
    (python,) = skills.most_evidenced[1:]
    assert python.last_evidence == TODAY  # last_used 2026-11 means at the latest today, not the end of November


def test_stale_after_is_a_setting() -> None:
    files = [make_skill("python", last_used="2026-09-01"), make_skill("sql"), entry(50, skills=["sql"])]
    assert [f.id for f in figures(files).skills.stale] == []
    assert [f.id for f in figures(files, stale_after=60).skills.stale] == ["python"]
    assert [f.id for f in figures(files, stale_after=50).skills.stale] == ["python", "sql"]


def test_most_evidenced_shows_five_at_most() -> None:
    files = [make_skill(f"s{i}") for i in range(7)]
    files += [entry(i + 1, skills=[f"s{j}" for j in range(i + 1)]) for i in range(7)]
    assert [f.id for f in figures(files).skills.most_evidenced] == ["s0", "s1", "s2", "s3", "s4"]


# -- network -----------------------------------------------------------------------------


def test_contacts_overdue_from_last_contact_or_journal_entries_naming_them() -> None:
    files = [
        make_contact("ahmed", name="Ahmed", circle="data", last_contact=days_ago(120)),  # default every 90
        make_contact("jane", name="Jane", circle="product", last_contact=days_ago(120), every=180),
        make_contact("kenji", name="Kenji", circle="product", last_contact=days_ago(300)),  # but a recent lunch
        make_contact("lena", name="Lena", circle=None),  # no contact on record
        make_contact("priya", name="Priya", circle="open-source", last_contact=days_ago(95), every=90),
        make_contact("tom", name="Tom", circle="recruiting", last_contact=days_ago(90)),  # due today: not overdue yet
        entry(10, kind="network", people=["kenji"]),
    ]
    network = figures(files).network
    assert [(f.id, f.days_overdue) for f in network.overdue] == [("lena", None), ("ahmed", 30), ("priya", 5)]
    (ahmed,) = [f for f in network.overdue if f.id == "ahmed"]
    assert ahmed.every == 90 and ahmed.due == TODAY - dt.timedelta(30)
    assert network.circles == (("data", 1), ("open-source", 1), ("product", 2), ("recruiting", 1))
    assert (network.contacts, network.without_circle) == (6, 1)


def test_the_default_contact_rhythm_is_a_setting() -> None:
    files = [make_contact("ahmed", last_contact=days_ago(120))]
    assert [f.id for f in figures(files).network.overdue] == ["ahmed"]
    assert figures(files, contact_every=150).network.overdue == ()


def test_a_due_date_past_the_last_date_python_knows_is_never_due_not_a_crash() -> None:
    """`every` or `last_contact` (and a check-up's date) that overflow a date once crashed the private build."""
    files = [
        make_contact("far", last_contact="9999-12-31"),
        make_contact("huge", last_contact=days_ago(1), every=10**12),
        make_checkup("2026-01-01"),
    ]
    result = figures(files, contact_every=10**15, checkup_every=10**10)
    assert result.network.overdue == ()
    assert result.cadence.next_due == dt.date.max and not result.cadence.overdue


# -- decisions and the layoff plan --------------------------------------------------------


def test_open_decisions_with_days_left_and_decided_ones_due_for_a_revisit() -> None:
    decided = {"status": "decided", "choice": "Stay"}
    files = [
        make_decision("later", title="Later", decide_by="2027-01-15"),
        make_decision("sooner", title="Sooner", decide_by="2026-12-01"),
        make_decision("late", title="Late", decide_by="2026-11-01"),
        make_decision("undated", title="Undated"),
        make_decision("revisit-past", revisit="2026-10-01", **decided),
        make_decision("revisit-today", revisit=TODAY.isoformat(), **decided),
        make_decision("revisit-future", revisit="2027-03-01", **decided),
        make_decision("no-revisit", **decided),
    ]
    decisions = figures(files).decisions
    assert [(f.id, f.days_left) for f in decisions.open] == [("late", -21), ("sooner", 9), ("later", 54), ("undated", None)]
    assert [(f.id, f.days_since_revisit) for f in decisions.revisit] == [("revisit-past", 52), ("revisit-today", 0)]
    (sooner,) = [f for f in decisions.open if f.id == "sooner"]
    assert [o.name for o in sooner.options] == ["Move", "Stay"]
    assert dict(sooner.options[0].effect) == {"skills": 1, "performance": 0, "network": 0, "job_search": 0, "finances": 2}


def test_layoff_plan_counts_tasks_and_days_since_review() -> None:
    plan = ("layoff-plan.md", front_matter({"reviewed": "2026-08-20"}, "- [x] Fund\n- [X] Copies\n- [ ] References\n"))
    layoff = figures([plan]).layoff_plan
    assert layoff is not None
    assert (layoff.done, layoff.total, layoff.reviewed, layoff.days_since_reviewed) == (2, 3, dt.date(2026, 8, 20), 94)


# -- content problems --------------------------------------------------------------------


def test_files_with_errors_are_listed_with_their_problems_and_left_out_of_every_figure() -> None:
    bad_checkup = make_checkup("2026-11-01", scores=scores(9, 1, 1, 1, 1))
    misspelt = entry(5, skills=["pyton"])
    figs = figures([make_checkup("2026-10-01"), bad_checkup, misspelt, make_skill("python")])
    assert [f.path for f in figs.excluded] == ["checkups/2026-11-01.md"]
    (excluded,) = figs.excluded
    assert excluded.problems and all(p.path == "checkups/2026-11-01.md" for p in excluded.problems)
    assert any(p.is_error and p.field and p.field.startswith("scores") for p in excluded.problems)
    assert [c.id for c in figs.history] == ["2026-10-01"]  # the bad check-up is not the latest
    # A warning leaves the file in: it is listed apart from the excluded files.
    assert [(w.path, w.field) for w in figs.warnings] == [(misspelt[0], "skills")]
    assert figs.journal.last_entry is not None and figs.journal.last_entry.path == misspelt[0]


def test_a_check_up_dated_after_today_counts_for_nothing_yet() -> None:
    figs = figures([make_checkup("2026-10-01", scores=scores(3, 3, 3, 3, 3)), make_checkup("2026-12-01", scores=scores(1, 1, 1, 1, 1))])
    assert [c.id for c in figs.history] == ["2026-10-01"]
    assert [lv.score for lv in figs.levels] == [3, 3, 3, 3, 3] and figs.cadence.days_since == 52
    only_future = figures([make_checkup("2026-12-01")])
    assert only_future.cadence.last is None and only_future.getting_started[0] == "checkup"
