"""The check-up conversation: each level with its evidence, a score, then actions and a reflection.

The flow talks through two callables, `ask(prompt) -> answer` and `say(text)`,
so that a terminal, a test or another front end can drive it. An `ask` that
raises (EOFError, KeyboardInterrupt) ends the flow before anything is returned,
so nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from careerfolio.authoring.newfile import yaml_scalar
from careerfolio.content.corpus import Corpus
from careerfolio.content.levels import LEVEL_IDS, LEVELS, LEVELS_BY_ID, Level
from careerfolio.content.records import CheckUp, Entry
from careerfolio.problems import CareerfolioError

Ask = Callable[[str], str]
Say = Callable[[str], None]

_EVIDENCE_SHOWN = 8


class ScoresError(CareerfolioError):
    """A --scores value that cannot be read; the message is meant for the user."""


@dataclass(frozen=True)
class Evidence:
    """Journal entries for one level since the previous check-up."""

    level: Level
    since: dt.date | None  # exclusive; None: no earlier check-up
    entries: tuple[Entry, ...]  # newest first


@dataclass(frozen=True)
class CheckUpAnswers:
    """What one check-up decided: the file to write is made from this alone."""

    date: dt.date
    scores: tuple[tuple[str, int], ...]  # (level id, 1-5), bottom to top
    actions: tuple[str, ...]
    reflection: str
    # Actions of the previous check-up marked done during this one; they go under that check-up's `done`.
    done_before: tuple[str, ...] = ()


def find_previous(corpus: Corpus, today: dt.date) -> CheckUp | None:
    """The latest check-up dated today or earlier."""
    earlier = [c for c in corpus.checkups if c.date <= today]
    return earlier[-1] if earlier else None


def collect_evidence(corpus: Corpus, since: dt.date | None, today: dt.date) -> tuple[Evidence, ...]:
    """Per level, bottom to top, the entries naming it dated after `since` and up to `today`."""
    period = [e for e in corpus.entries if e.date <= today and (since is None or e.date > since)]
    return tuple(Evidence(level, since, tuple(e for e in period if level.id in e.levels)) for level in LEVELS)


def parse_score(text: str) -> int | None:
    """A score 1-5 from typed text, or None."""
    text = text.strip()
    if text in {"1", "2", "3", "4", "5"}:
        return int(text)
    return None


def parse_scores(text: str) -> tuple[tuple[str, int], ...]:
    """All five scores from "skills=4,performance=3,..." (bottom to top)."""
    found: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep:
            raise ScoresError(f'"{part.strip()}" is not written level=score')
        if name not in LEVEL_IDS:
            raise ScoresError(f'"{name}" is not a level; the levels are {", ".join(LEVEL_IDS)}')
        if name in found:
            raise ScoresError(f"{name} is scored twice")
        score = parse_score(value)
        if score is None:
            raise ScoresError(f"the score of {name} must be a whole number from 1 to 5")
        found[name] = score
    missing = [lid for lid in LEVEL_IDS if lid not in found]
    if missing:
        raise ScoresError(f"every level needs a score; missing: {', '.join(missing)}")
    return tuple((lid, found[lid]) for lid in LEVEL_IDS)


def describe_evidence(evidence: Evidence) -> list[str]:
    """Lines that show one level's evidence."""
    since = f"since {evidence.since.isoformat()}" if evidence.since else "so far"
    if not evidence.entries:
        return [f"  No journal entries for this level {since}."]
    count = len(evidence.entries)
    lines = [f"  Journal evidence {since}: {count} entr{'y' if count == 1 else 'ies'}"]
    for entry in evidence.entries[:_EVIDENCE_SHOWN]:
        lines.append(f"   - {entry.date.isoformat()} {entry.title}")
        if entry.impact:
            lines.append(f"     Impact: {entry.impact}")
    if count > _EVIDENCE_SHOWN:
        lines.append(f"   ... and {count - _EVIDENCE_SHOWN} more")
    return lines


def ask_score(ask: Ask, say: Say, level: Level, previous: int | None = None) -> int:
    """Ask until the answer is a score 1-5; Enter keeps the previous score when there is one."""
    keeps = f", Enter keeps {previous}" if previous is not None else ""
    while True:
        answer = ask(f"Score for {level.label} (1-5{keeps}): ")
        if previous is not None and not answer.strip():
            return previous
        score = parse_score(answer)
        if score is not None:
            return score
        say("  Please type a whole number from 1 (weak) to 5 (strong).")


def ask_yes(ask: Ask, prompt: str, default: bool) -> bool:
    """A yes or no; Enter gives `default`, anything but y/yes/n/no is asked again."""
    while True:
        answer = ask(f"{prompt} ({'Y/n' if default else 'y/N'}) ").strip().lower()
        if not answer:
            return default
        if answer in ("y", "yes", "n", "no"):
            return answer.startswith("y")


def review_previous_actions(previous: CheckUp, ask: Ask, say: Say) -> tuple[str, ...]:
    """Show the previous check-up's actions; ask of each open one whether it is done. Returns those now done."""
    if not previous.actions:
        return ()
    say("")
    say(f"What the check-up of {previous.date.isoformat()} decided:")
    for action in previous.actions:
        say(f"  [{'done' if action in previous.done else 'open'}] {action}")
    return tuple(action for action in previous.actions if action not in previous.done and ask_yes(ask, f"Done now: {action}?", False))


def ask_lines(ask: Ask, prompt: str) -> tuple[str, ...]:
    """Lines typed until an empty one."""
    lines: list[str] = []
    while True:
        line = ask(prompt).strip()
        if not line:
            return tuple(lines)
        lines.append(line)


def run_checkup(corpus: Corpus, today: dt.date, ask: Ask, say: Say) -> CheckUpAnswers:
    """Walk the levels bottom to top, then ask for actions and a reflection."""
    previous = find_previous(corpus, today)
    if previous is not None:
        say(f"Check-up of {today.isoformat()}; the previous one was on {previous.date.isoformat()}.")
    else:
        say(f"Check-up of {today.isoformat()}; this is your first one.")
    say("Score each level from 1 (weak) to 5 (strong), foundation first.")
    scores = []
    for evidence in collect_evidence(corpus, previous.date if previous else None, today):
        level = evidence.level
        say("")
        say(f"{level.rank + 1}. {level.label} — {level.meaning}")
        say(f"  Previous score: {previous.score(level.id)}" if previous else "  Previous score: none")
        for line in describe_evidence(evidence):
            say(line)
        if level.prompts:
            say(f"  Ask yourself: {level.prompts[0]}")
        scores.append((level.id, ask_score(ask, say, level, previous.score(level.id) if previous else None)))
    done_before = review_previous_actions(previous, ask, say) if previous else ()
    say("")
    say("Actions for the coming months, one per line; an empty line ends the list.")
    actions = ask_lines(ask, "Action: ")
    say("A short reflection: what you are learning, what you want to learn; an empty line ends it.")
    reflection = "\n".join(ask_lines(ask, "> "))
    return CheckUpAnswers(today, tuple(scores), actions, reflection, done_before)


def render_summary(answers: CheckUpAnswers, previous: CheckUp | None) -> list[str]:
    """The check-up in a few lines, with each score's change since the previous one."""
    lines = ["", f"Summary of the check-up of {answers.date.isoformat()}"]
    width = max(len(level.label) for level in LEVELS)
    for level_id, score in answers.scores:
        change = ""
        if previous is not None:
            delta = score - previous.score(level_id)
            change = f"  (was {previous.score(level_id)}, {'+' if delta > 0 else ''}{delta})" if delta else "  (unchanged)"
        lines.append(f"  {LEVELS_BY_ID[level_id].label:<{width}}  {score}{change}")
    lowest = min(score for _, score in answers.scores)
    # The lowest level nearest the foundation is the one to work on first.
    first = next(level_id for level_id, score in answers.scores if score == lowest)
    lines.append(f"  Work on first: {LEVELS_BY_ID[first].label}")
    if answers.done_before and previous is not None:
        lines.append(f"  Marked done in the check-up of {previous.date.isoformat()}:")
        lines.extend(f"   - {action}" for action in answers.done_before)
    if answers.actions:
        lines.append("  Actions:")
        lines.extend(f"   - {action}" for action in answers.actions)
    else:
        lines.append("  No actions.")
    return lines


def render_checkup_file(answers: CheckUpAnswers) -> str:
    """The check-up file: front matter as the content format writes it, then the reflection."""
    meta: dict[str, object] = {"date": answers.date, "scores": dict(answers.scores)}
    if answers.actions:
        meta["actions"] = list(answers.actions)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000)
    body = answers.reflection.strip()
    return f"---\n{front}---\n{body}\n" if body else f"---\n{front}---\n"


def add_done(text: str, items: tuple[str, ...]) -> str | None:
    """`text` of a check-up file with `items` added to its `done:` list, or under a new one at the end of its front matter.

    Every other byte is kept. None when the file cannot be edited that safely
    (no front matter found, or a `done:` written in another style), so the
    caller asks the person to add them by hand instead.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].lstrip("\ufeff") != "---":
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i] == "---"), None)
    if closing is None:
        return None
    existing = [i for i in range(1, closing) if lines[i].startswith("done:")]
    if not existing:
        added = ["done:", *(f"  - {yaml_scalar(item)}" for item in items)]
        return newline.join([*lines[:closing], *added, *lines[closing:]])
    start = existing[0]
    if lines[start].rstrip() != "done:":
        return None  # `done: [a, b]` or a comment: left to the person
    end = start + 1
    while end < closing and lines[end].lstrip().startswith("- ") and lines[end][:1] in (" ", "-"):
        end += 1
    indent = lines[start + 1][: len(lines[start + 1]) - len(lines[start + 1].lstrip())] if end > start + 1 else "  "
    added = [f"{indent}- {yaml_scalar(item)}" for item in items]
    return newline.join([*lines[:end], *added, *lines[end:]])
