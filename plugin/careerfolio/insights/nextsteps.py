"""What to do next: one ranked list of what is due today, a pure function of (corpus, settings, today).

The dashboard shows it first, `careerfolio status` prints it, and the weekly
reminder workflow turns it into an issue. The rank follows the dashboard's
logic: the check-up first (every other figure rests on its scores), then its
open actions, people, decisions, the layoff plan, skills and the journal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from careerfolio.content.corpus import Corpus
from careerfolio.content.dates import add_days
from careerfolio.insights.metrics import DashboardFigures, compute_dashboard
from careerfolio.settings import Settings

# The kinds of step, in rank order; `careerfolio status --json` uses these names.
STEP_KINDS: tuple[str, ...] = ("checkup", "action", "contact", "decision", "revisit", "layoff_plan", "skill", "journal")
# An open decision becomes a step this many days before its decide_by date.
DECIDE_SOON = 14
# The layoff plan wants a read-through at least this often, in days.
LAYOFF_REVIEW_EVERY = 180
# A journal silent for more than this many days is a step of its own.
JOURNAL_SILENCE = 30

CHECKUP_COMMAND = "careerfolio checkup"
ENTRY_COMMAND = 'careerfolio new entry "What happened"'


@dataclass(frozen=True)
class Said:
    """A step's words as message ids of templates/messages (`<id>.title`, `<id>.why`, and `todo.<todo>`) with their fields.

    The core writes English for the command line; a view puts the same words in the site's language.
    Fields hold values, not text: dates as dates, and `days` and `every` as numbers of days.
    """

    id: str
    fields: tuple[tuple[str, Any], ...] = ()
    todo: str = ""  # for a step with a file to open

    @classmethod
    def of(cls, id: str, todo: str = "", **fields: Any) -> Said:
        return cls(id, tuple(fields.items()), todo)


@dataclass(frozen=True)
class NextStep:
    """One thing to do: why it is due, and the exact action (a command to run, or a file to open and what to change)."""

    kind: str
    id: str | None  # the id of the file it concerns; None for the check-up and the journal
    due: dt.date | None  # the day it fell due; None when it has no date (never done, or simply open)
    title: str
    why: str
    todo: str  # what to do, in words
    path: str | None = None  # the docs-relative file to open
    command: str | None = None  # or the command to run
    said: Said = field(kw_only=True)  # title, why and todo again, for the site's language

    def action(self, shown_path: str | None = None) -> str:
        """The action in one line: the command, or `open FILE: what to do` (FILE as the reader should see it)."""
        if self.command:
            return self.command
        where = shown_path or self.path
        return f"open {where}: {self.todo}" if where else self.todo


@dataclass(frozen=True)
class NextSteps:
    """The ranked steps due today and, when none is, the day the next one falls due."""

    today: dt.date
    steps: tuple[NextStep, ...]
    next_due: dt.date | None  # the earliest day after today on which something falls due
    next_what: str | None  # what falls due on that day
    next_said: Said | None = None  # the same, for the site's language (message `next.<id>`)


def compute_next_steps(corpus: Corpus, settings: Settings, today: dt.date) -> NextSteps:
    """Every step due on `today`, ranked, and what falls due next."""
    return next_steps_from(compute_dashboard(corpus, today, settings), corpus)


def next_steps_from(figures: DashboardFigures, corpus: Corpus) -> NextSteps:
    """The next steps from the dashboard's figures (computed once for both)."""
    today = figures.today
    steps: list[NextStep] = []
    upcoming: Upcoming = []
    for collect in (_checkup, _actions, _contacts, _decisions, _layoff_plan, _skills, _journal):
        collect(figures, corpus, steps, upcoming)
    rank = {kind: i for i, kind in enumerate(STEP_KINDS)}
    # Kinds keep their rank; within a kind, the order the figures have (the longest overdue first).
    ordered = [step for _, step in sorted(enumerate(steps), key=lambda pair: (rank[pair[1].kind], pair[0]))]
    later = sorted((item for item in upcoming if item[0] > today), key=lambda item: (item[0], item[1]))
    if not later:
        return NextSteps(today, tuple(ordered), None, None)
    return NextSteps(today, tuple(ordered), later[0][0], later[0][1], later[0][2])


Steps = list[NextStep]
Upcoming = list[tuple[dt.date, str, Said]]


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _checkup(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    cadence = figures.cadence
    if cadence.last is None:
        why = "There is no check-up yet, and every figure of the dashboard rests on one."
        said = Said.of("step.first_checkup")
        steps.append(
            NextStep("checkup", None, None, "Your first check-up", why, "score the five levels", command=CHECKUP_COMMAND, said=said)
        )
    elif cadence.next_due is not None and cadence.overdue:
        why = f"The last one was on {cadence.last.date.isoformat()}; the next was due {_days(cadence.days_overdue)} ago."
        said = Said.of("step.checkup_overdue", last=cadence.last.date, days=cadence.days_overdue)
        steps.append(
            NextStep(
                "checkup", None, cadence.next_due, "Check-up overdue", why, "score the five levels", command=CHECKUP_COMMAND, said=said
            )
        )
    elif cadence.next_due is not None:
        upcoming.append((cadence.next_due, "the next check-up", Said.of("next.checkup")))


def _actions(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    latest = figures.cadence.last
    # Once the check-up is overdue, its actions belong to the next one: it comes first anyway.
    if latest is None or figures.cadence.overdue:
        return
    focus = f" (focus: {figures.focus.label})" if figures.focus else ""
    why = f"An open action of the check-up of {latest.date.isoformat()}{focus}."
    focus_id = figures.focus.level_id if figures.focus else ""
    for action in latest.open_actions:
        todo = "do it, then copy it word for word under done:"
        said = Said.of("step.action" if focus_id else "step.action_no_focus", "action", action=action, date=latest.date, focus=focus_id)
        steps.append(NextStep("action", latest.id, figures.cadence.next_due, action, why, todo, path=latest.path, said=said))


def _contacts(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    todo = "get in touch, then set last_contact (or name them in a journal entry's people)"
    for fig in figures.network.overdue:
        if fig.last_contact is None or fig.days_overdue is None:
            why = "No contact on record."
            said = Said.of("step.contact_never", "contact", name=fig.contact.name)
        else:
            why = f"Last contact {fig.last_contact.isoformat()}, every {_days(fig.every)}: {_days(fig.days_overdue)} overdue."
            said = Said.of("step.contact", "contact", name=fig.contact.name, last=fig.last_contact, every=fig.every, days=fig.days_overdue)
        title = f"Get in touch with {fig.contact.name}"
        steps.append(NextStep("contact", fig.id, fig.due, title, why, todo, path=fig.contact.path, said=said))
    upcoming.extend(
        (fig.due, f"getting in touch with {fig.contact.name}", Said.of("next.contact", name=fig.contact.name))
        for fig in figures.network.on_track
        if fig.due
    )


def _decisions(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    today = figures.today
    for fig in figures.decisions.open:
        deadline = fig.decision.decide_by
        if deadline is None or fig.days_left is None:
            continue
        if fig.days_left > DECIDE_SOON:
            upcoming.append(
                (add_days(deadline, -DECIDE_SOON), f"deciding: {fig.decision.title}", Said.of("next.decide", title=fig.decision.title))
            )
            continue
        when = (
            f"passed {_days(-fig.days_left)} ago"
            if fig.days_left < 0
            else ("is today" if fig.days_left == 0 else f"is in {_days(fig.days_left)}")
        )
        why = f"The decide_by date, {deadline.isoformat()}, {when}."
        todo = "decide, then set status: decided and choice (or move decide_by)"
        said_id = "step.decision_passed" if fig.days_left < 0 else ("step.decision_today" if fig.days_left == 0 else "step.decision_soon")
        said = Said.of(said_id, "decision", title=fig.decision.title, date=deadline, days=abs(fig.days_left))
        steps.append(NextStep("decision", fig.id, deadline, fig.decision.title, why, todo, path=fig.decision.path, said=said))
    for fig in figures.decisions.revisit:
        revisit = fig.decision.revisit.isoformat() if fig.decision.revisit else ""
        why = f"Decided on “{fig.decision.choice}”; the revisit date, {revisit}, has come."
        todo = "read it again, then set the next revisit date or remove it"
        said = Said.of("step.revisit", "revisit", title=fig.decision.title, choice=fig.decision.choice or "", date=fig.decision.revisit)
        title = f"Revisit: {fig.decision.title}"
        steps.append(NextStep("revisit", fig.id, fig.decision.revisit, title, why, todo, path=fig.decision.path, said=said))
    for decision in corpus.decisions:
        if decision.status == "decided" and decision.revisit and decision.revisit > today:
            upcoming.append((decision.revisit, f"revisiting: {decision.title}", Said.of("next.revisit", title=decision.title)))


def _layoff_plan(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    plan = figures.layoff_plan
    if plan is None:
        return
    review_due = add_days(plan.reviewed, LAYOFF_REVIEW_EVERY) if plan.reviewed else None
    unreviewed = review_due is None or review_due < figures.today
    open_tasks = plan.total - plan.done
    if not (unreviewed or open_tasks):
        if review_due is not None:
            upcoming.append((review_due, "reviewing the layoff plan", Said.of("next.layoff_plan")))
        return
    reasons = []
    if plan.reviewed is None:
        reasons.append("never reviewed")
    elif unreviewed:
        reasons.append(f"last reviewed {plan.reviewed.isoformat()}, {_days(plan.days_since_reviewed or 0)} ago")
    if open_tasks:
        reasons.append(f"{open_tasks} of {plan.total} tasks open")
    why = "; ".join(reasons).capitalize() + "."
    todo = "do an open task or read it through, then set reviewed to today's date"
    said_id = "step.layoff_plan_never" if plan.reviewed is None else ("step.layoff_plan_old" if unreviewed else "step.layoff_plan")
    if open_tasks and said_id != "step.layoff_plan":
        said_id += "_tasks"
    said = Said.of(said_id, "layoff_plan", date=plan.reviewed, days=plan.days_since_reviewed or 0, open=open_tasks, total=plan.total)
    steps.append(NextStep("layoff_plan", None, review_due if unreviewed else None, "Layoff plan", why, todo, path=plan.path, said=said))


def _skills(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    skills = figures.skills
    for fig in skills.stale:
        if fig.last_evidence is None:
            why, due = "No evidence at all: no last_used, and no journal entry names it.", None
            said = Said.of("step.skill_no_evidence", "skill_stale", name=fig.skill.name)
        else:
            why = f"Last evidence {fig.last_evidence.isoformat()}, {_days(fig.days_since_evidence or 0)} ago."
            due = add_days(fig.last_evidence, skills.stale_after)
            said = Said.of(
                "step.skill_stale", "skill_stale", name=fig.skill.name, date=fig.last_evidence, days=fig.days_since_evidence or 0
            )
        todo = "use it and set last_used (or name it in a journal entry's skills), or let it go"
        steps.append(NextStep("skill", fig.id, due, f"{fig.skill.name} is going stale", why, todo, path=fig.skill.path, said=said))
    stale = {fig.id for fig in skills.stale}
    for fig in skills.below_target:
        if fig.id not in stale:
            why = f"Level {fig.skill.level}, target {fig.skill.target}."
            todo = "write down the next learning step, or change level or target"
            said = Said.of("step.skill_below", "skill_below", name=fig.skill.name, level=fig.skill.level, target=fig.skill.target)
            title = f"{fig.skill.name} is below target"
            steps.append(NextStep("skill", fig.id, None, title, why, todo, path=fig.skill.path, said=said))


def _journal(figures: DashboardFigures, corpus: Corpus, steps: Steps, upcoming: Upcoming) -> None:
    journal = figures.journal
    if journal.last_entry is None:
        why = "No journal entry yet; entries are the evidence behind your scores."
        said = Said.of("step.journal_start")
        steps.append(NextStep("journal", None, None, "Start the journal", why, "write what happened", command=ENTRY_COMMAND, said=said))
        return
    due = add_days(journal.last_entry.date, JOURNAL_SILENCE + 1)
    if due > figures.today:
        upcoming.append((due, "a journal entry", Said.of("next.journal")))
        return
    why = f"The last entry is {_days(journal.days_since_last_entry or 0)} old; write things down as they happen."
    said = Said.of("step.journal_silent", days=journal.days_since_last_entry or 0)
    steps.append(NextStep("journal", None, due, "The journal is silent", why, "write what happened", command=ENTRY_COMMAND, said=said))
