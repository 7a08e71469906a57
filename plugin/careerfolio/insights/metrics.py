"""Dashboard figures: pure functions of (corpus, today, settings), with no clock and no files.

Every figure the private dashboard shows, and that dashboard/data.json
carries, is computed here once. Entries are indexed by level, skill and
person in one pass, so the cost grows with the corpus, not its square.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from careerfolio.content.corpus import Corpus
from careerfolio.content.dates import add_days
from careerfolio.content.levels import LEVELS, LEVELS_BY_ID
from careerfolio.content.records import ENTRY_KINDS, CheckUp, Contact, Decision, Entry, Option, Skill
from careerfolio.problems import Problem
from careerfolio.settings import Settings

# Windows over which journal entries back a score, in days (today included).
SHORT_WINDOW = 90
LONG_WINDOW = 365
# A level scored 1 or 2 with at least this many entries in LONG_WINDOW is probably underrated:
# about one entry every two months is steady work, not a weak spot.
UNDERRATED_ENTRIES = 6
# A level scored 4 or 5 needs at least this many entries in LONG_WINDOW to count as backed.
UNBACKED_BELOW = 1
# How many quarters the journal activity chart shows, ending with today's quarter.
QUARTERS_SHOWN = 8
# How many skills the "most evidenced" list shows.
MOST_EVIDENCED_SHOWN = 5


@dataclass(frozen=True)
class LevelFigure:
    """One level of the hierarchy as the latest check-up scored it, and what backs the score."""

    id: str
    label: str
    rank: int
    score: int | None
    previous: int | None
    change: int | None
    evidence_90d: int
    evidence_365d: int
    flag: str | None  # "unbacked", "underrated" or None


@dataclass(frozen=True)
class Focus:
    """The level to work on first, and questions to reflect on."""

    level_id: str
    label: str
    meaning: str
    score: int
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class Cadence:
    """When the last check-up was, and when the next one is due."""

    every: int
    last: CheckUp | None
    days_since: int | None
    next_due: dt.date | None
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class QuarterCount:
    """Journal entries of one calendar quarter, by kind (in ENTRY_KINDS order)."""

    label: str
    start: dt.date
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class Gap:
    """The stretch between two achievements; `ongoing` when it runs up to today."""

    start: dt.date
    end: dt.date
    days: int
    ongoing: bool


@dataclass(frozen=True)
class JournalActivity:
    quarters: tuple[QuarterCount, ...]
    last_entry: Entry | None
    days_since_last_entry: int | None
    longest_achievement_gap: Gap | None
    achievements_365d: int


@dataclass(frozen=True)
class SkillFigure:
    """One skill with the evidence for it."""

    skill: Skill
    last_evidence: dt.date | None
    days_since_evidence: int | None
    entries: int
    entries_365d: int

    @property
    def id(self) -> str:
        return self.skill.id


@dataclass(frozen=True)
class SkillFigures:
    below_target: tuple[SkillFigure, ...]
    stale: tuple[SkillFigure, ...]
    most_evidenced: tuple[SkillFigure, ...]
    stale_after: int


@dataclass(frozen=True)
class ContactFigure:
    """One contact: when you last spoke and when the next contact is due."""

    contact: Contact
    last_contact: dt.date | None
    every: int
    due: dt.date | None
    days_overdue: int | None  # None when there is no contact on record

    @property
    def id(self) -> str:
        return self.contact.id


@dataclass(frozen=True)
class NetworkFigures:
    overdue: tuple[ContactFigure, ...]
    circles: tuple[tuple[str, int], ...]  # (circle, contacts), by name
    contacts: int
    without_circle: int
    on_track: tuple[ContactFigure, ...] = ()  # not overdue yet, soonest due first


@dataclass(frozen=True)
class DecisionFigure:
    decision: Decision
    days_left: int | None  # to decide_by; negative when it has passed
    days_since_revisit: int | None

    @property
    def id(self) -> str:
        return self.decision.id

    @property
    def options(self) -> tuple[Option, ...]:
        return self.decision.options


@dataclass(frozen=True)
class DecisionFigures:
    open: tuple[DecisionFigure, ...]
    revisit: tuple[DecisionFigure, ...]


@dataclass(frozen=True)
class LayoffFigure:
    path: str
    done: int
    total: int
    reviewed: dt.date | None
    days_since_reviewed: int | None


@dataclass(frozen=True)
class ExcludedFile:
    """A file left out of every figure because of an error, with all its problems."""

    path: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class DashboardFigures:
    """Everything the dashboard shows, for one corpus on one day."""

    today: dt.date
    cadence: Cadence
    levels: tuple[LevelFigure, ...]  # bottom to top
    focus: Focus | None
    history: tuple[CheckUp, ...]  # oldest first
    actions: tuple[str, ...]
    journal: JournalActivity
    skills: SkillFigures
    network: NetworkFigures
    decisions: DecisionFigures
    layoff_plan: LayoffFigure | None
    excluded: tuple[ExcludedFile, ...]
    warnings: tuple[Problem, ...]
    getting_started: tuple[str, ...]  # what to add first, most important first


def compute_dashboard(corpus: Corpus, today: dt.date, settings: Settings) -> DashboardFigures:
    """Every figure of the private dashboard for `corpus` as of `today`."""
    # Entries and check-ups dated after today have not happened yet: they count for nothing.
    entries = tuple(e for e in corpus.entries if e.date <= today)
    checkups = tuple(c for c in corpus.checkups if c.date <= today)
    index = EntryIndex.build(entries)
    latest = checkups[-1] if checkups else None
    previous = checkups[-2] if len(checkups) > 1 else None
    levels = compute_levels(latest, previous, index, today)
    excluded = frozenset(corpus.excluded)
    return DashboardFigures(
        today=today,
        cadence=compute_cadence(latest, today, settings.checkup_every),
        levels=levels,
        focus=compute_focus(levels),
        history=checkups,
        actions=latest.actions if latest else (),
        journal=compute_journal_activity(entries, today),
        skills=compute_skills(corpus.skills, index, today, settings.stale_after),
        network=compute_network(corpus.contacts, index, today, settings.contact_every),
        decisions=compute_decisions(corpus.decisions, today),
        layoff_plan=compute_layoff_plan(corpus, today),
        excluded=compute_excluded(corpus),
        warnings=tuple(p for p in corpus.problems if not p.is_error and p.path not in excluded),
        getting_started=compute_getting_started(corpus, has_checkup=latest is not None),
    )


@dataclass(frozen=True)
class EntryIndex:
    """Entries (newest first) grouped once by level, skill and person."""

    by_level: dict[str, tuple[Entry, ...]]
    by_skill: dict[str, tuple[Entry, ...]]
    by_person: dict[str, tuple[Entry, ...]]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> EntryIndex:
        by_level: dict[str, list[Entry]] = defaultdict(list)
        by_skill: dict[str, list[Entry]] = defaultdict(list)
        by_person: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for level_id in entry.levels:
                by_level[level_id].append(entry)
            for skill_id in entry.skills:
                by_skill[skill_id].append(entry)
            for person in entry.people:
                by_person[person].append(entry)
        return cls(
            {k: tuple(v) for k, v in by_level.items()},
            {k: tuple(v) for k, v in by_skill.items()},
            {k: tuple(v) for k, v in by_person.items()},
        )


def within(day: dt.date, today: dt.date, days: int) -> bool:
    """True when `day` is one of the last `days` days, today included."""
    return 0 <= (today - day).days < days


def _count_within(entries: Iterable[Entry], today: dt.date, days: int) -> int:
    return sum(1 for e in entries if within(e.date, today, days))


def compute_levels(latest: CheckUp | None, previous: CheckUp | None, index: EntryIndex, today: dt.date) -> tuple[LevelFigure, ...]:
    """The five levels, bottom to top: score, change since the previous check-up, evidence, flag."""
    out = []
    for level in LEVELS:
        backing = index.by_level.get(level.id, ())
        short, long = _count_within(backing, today, SHORT_WINDOW), _count_within(backing, today, LONG_WINDOW)
        score = latest.score(level.id) if latest else None
        before = previous.score(level.id) if previous else None
        flag = None
        if score is not None and score >= 4 and long < UNBACKED_BELOW:
            flag = "unbacked"
        elif score is not None and score <= 2 and long >= UNDERRATED_ENTRIES:
            flag = "underrated"
        change = score - before if score is not None and before is not None else None
        out.append(LevelFigure(level.id, level.label, level.rank, score, before, change, short, long, flag))
    return tuple(out)


def compute_focus(levels: Iterable[LevelFigure]) -> Focus | None:
    """The lowest-scoring level; on a tie, the lower one in the hierarchy, since it carries the rest."""
    scored = [lv for lv in levels if lv.score is not None]
    if not scored:
        return None
    lowest = min(scored, key=lambda lv: (lv.score, lv.rank))
    assert lowest.score is not None
    level = LEVELS_BY_ID[lowest.id]
    return Focus(level.id, level.label, level.meaning, lowest.score, level.prompts)


def compute_cadence(latest: CheckUp | None, today: dt.date, every: int) -> Cadence:
    """Days since the last check-up and the next due date; overdue the day after it is due."""
    if latest is None:
        return Cadence(every, None, None, None, False, 0)
    next_due = add_days(latest.date, every)
    overdue_by = (today - next_due).days
    return Cadence(every, latest, (today - latest.date).days, next_due, overdue_by > 0, max(overdue_by, 0))


def quarter_label(day: dt.date) -> str:
    """The calendar quarter of `day`, such as 2026-Q4."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _previous_quarter(start: dt.date) -> dt.date:
    return dt.date(start.year - 1, 10, 1) if start.month == 1 else dt.date(start.year, start.month - 3, 1)


def compute_journal_activity(entries: tuple[Entry, ...], today: dt.date) -> JournalActivity:
    """Entries per quarter by kind (the last QUARTERS_SHOWN quarters), recency, and the longest achievement gap."""
    starts = [quarter_start(today)]
    while len(starts) < QUARTERS_SHOWN:
        starts.append(_previous_quarter(starts[-1]))
    starts.reverse()
    counts: Counter[tuple[dt.date, str]] = Counter()
    for entry in entries:
        start = quarter_start(entry.date)
        if start >= starts[0]:
            counts[(start, entry.kind)] += 1
    quarters = tuple(QuarterCount(quarter_label(s), s, tuple((kind, counts[(s, kind)]) for kind in ENTRY_KINDS)) for s in starts)
    last = entries[0] if entries else None
    achievements = sorted(e.date for e in entries if e.kind == "achievement" and within(e.date, today, LONG_WINDOW))
    return JournalActivity(
        quarters=quarters,
        last_entry=last,
        days_since_last_entry=(today - last.date).days if last else None,
        longest_achievement_gap=longest_gap(achievements, today),
        achievements_365d=len(achievements),
    )


def longest_gap(days: list[dt.date], today: dt.date) -> Gap | None:
    """The longest stretch between consecutive dates of `days` (sorted); the last one runs to today."""
    if not days:
        return None
    ends = [*days[1:], today]
    best = max(range(len(days)), key=lambda i: ((ends[i] - days[i]).days, -i))
    return Gap(days[best], ends[best], (ends[best] - days[best]).days, best == len(days) - 1)


def _last_evidence(explicit: dt.date | None, entries: tuple[Entry, ...]) -> dt.date | None:
    # Index tuples keep the corpus order, newest first, so the first entry is the latest.
    from_journal = entries[0].date if entries else None
    candidates = [d for d in (explicit, from_journal) if d is not None]
    return max(candidates) if candidates else None


def compute_skills(skills: Iterable[Skill], index: EntryIndex, today: dt.date, stale_after: int) -> SkillFigures:
    """Skills below target, going stale (no evidence within `stale_after` days), and the most evidenced."""
    figures = []
    for skill in skills:
        named_in = index.by_skill.get(skill.id, ())
        # A month or a year in last_used means "some time then": its last day counts, but not beyond today.
        last_used = min(skill.last_used.last_day, today) if skill.last_used else None
        last = _last_evidence(last_used, named_in)
        since = max((today - last).days, 0) if last else None
        figures.append(SkillFigure(skill, last, since, len(named_in), _count_within(named_in, today, LONG_WINDOW)))
    below = sorted(
        (f for f in figures if f.skill.target is not None and f.skill.level < f.skill.target),
        key=lambda f: (f.skill.level - (f.skill.target or 0), f.skill.name.lower()),
    )
    stale = sorted(
        (f for f in figures if f.days_since_evidence is None or f.days_since_evidence >= stale_after),
        key=lambda f: (f.last_evidence or dt.date.min, f.skill.name.lower()),
    )
    evidenced = sorted((f for f in figures if f.entries > 0), key=lambda f: (-f.entries, -f.entries_365d, f.skill.name.lower()))
    return SkillFigures(tuple(below), tuple(stale), tuple(evidenced[:MOST_EVIDENCED_SHOWN]), stale_after)


def compute_network(contacts: Iterable[Contact], index: EntryIndex, today: dt.date, default_every: int) -> NetworkFigures:
    """Contacts overdue (no contact on record, or the last one older than their `every`) and the circles spanned."""
    overdue, on_track = [], []
    circles: Counter[str] = Counter()
    total = without_circle = 0
    for contact in contacts:
        total += 1
        if contact.circle:
            circles[contact.circle] += 1
        else:
            without_circle += 1
        every = contact.every or default_every
        last = _last_evidence(contact.last_contact, index.by_person.get(contact.id, ()))
        if last is None:
            overdue.append(ContactFigure(contact, None, every, None, None))
            continue
        due = add_days(last, every)
        if today > due:
            overdue.append(ContactFigure(contact, last, every, due, (today - due).days))
        else:
            on_track.append(ContactFigure(contact, last, every, due, 0))
    # Never contacted first, then the longest overdue.
    overdue.sort(key=lambda f: (f.days_overdue is not None, -(f.days_overdue or 0), f.contact.name.lower()))
    on_track.sort(key=lambda f: (f.due or today, f.contact.name.lower()))
    return NetworkFigures(tuple(overdue), tuple(sorted(circles.items())), total, without_circle, tuple(on_track))


def compute_decisions(decisions: Iterable[Decision], today: dt.date) -> DecisionFigures:
    """Open decisions by deadline, and decided ones whose revisit date has come."""
    opened, revisit = [], []
    for decision in decisions:
        days_left = (decision.decide_by - today).days if decision.decide_by else None
        since_revisit = (today - decision.revisit).days if decision.revisit else None
        figure = DecisionFigure(decision, days_left, since_revisit)
        if decision.status == "open":
            opened.append(figure)
        elif since_revisit is not None and since_revisit >= 0:
            revisit.append(figure)
    opened.sort(key=lambda f: (f.days_left is None, f.days_left or 0, f.decision.title.lower()))
    revisit.sort(key=lambda f: (f.decision.revisit or today, f.decision.title.lower()))
    return DecisionFigures(tuple(opened), tuple(revisit))


def compute_layoff_plan(corpus: Corpus, today: dt.date) -> LayoffFigure | None:
    plan = corpus.layoff_plan
    if plan is None:
        return None
    done = sum(1 for t in plan.tasks if t.done)
    since = (today - plan.reviewed).days if plan.reviewed else None
    return LayoffFigure(plan.path, done, len(plan.tasks), plan.reviewed, since)


def compute_excluded(corpus: Corpus) -> tuple[ExcludedFile, ...]:
    """Each file left out because of an error, with every problem found in it."""
    by_path: dict[str, list[Problem]] = defaultdict(list)
    for problem in corpus.problems:
        by_path[problem.path].append(problem)
    return tuple(ExcludedFile(path, tuple(by_path.get(path, ()))) for path in corpus.excluded)


def compute_getting_started(corpus: Corpus, has_checkup: bool) -> tuple[str, ...]:
    """What is missing, most useful first: a check-up says where you stand, the rest backs it."""
    missing = []
    if not has_checkup:
        missing.append("checkup")
    if not corpus.entries:
        missing.append("journal")
    if not corpus.skills:
        missing.append("skills")
    if not corpus.roles:
        missing.append("roles")
    if not corpus.contacts:
        missing.append("network")
    if corpus.layoff_plan is None:
        missing.append("layoff_plan")
    if corpus.profile is None:
        missing.append("profile")
    return tuple(missing)
