"""The review packet: a period's journal, by role, with how it spreads over the levels.

Written for a reader who knows little about the person: every entry appears
once, under its role, and says when, what, what came of it (the impact line)
and, in its own words, what happened. Reflections are left out, since they are
notes to oneself, and so are the people an entry names and HTML comments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from careerfolio.content.corpus import Corpus
from careerfolio.content.levels import LEVELS
from careerfolio.content.records import Entry, Role
from careerfolio.privacy.redaction import redact_markdown


@dataclass(frozen=True)
class ReportItem:
    """One journal entry as the packet shows it."""

    date: dt.date
    title: str
    kind: str
    impact: str | None
    skills: tuple[str, ...]  # skill names
    role: str | None  # "title, organization"
    levels: tuple[str, ...] = ()  # level labels
    body: str = ""


@dataclass(frozen=True)
class ReportSection:
    """A heading, a line under it and its items, newest first."""

    heading: str
    note: str
    items: tuple[ReportItem, ...]


@dataclass(frozen=True)
class Report:
    """The whole packet for one period."""

    since: dt.date
    until: dt.date
    name: str | None
    headline: str | None
    total: int
    with_impact: int
    by_level: tuple[tuple[str, int], ...]  # (level label, entries naming it), bottom to top
    by_role: tuple[ReportSection, ...]
    skills: tuple[tuple[str, int], ...]  # (skill name, entries naming it), most named first


def _role_label(role: Role) -> str:
    return f"{role.title}, {role.organization}"


def _role_note(role: Role) -> str:
    return f"{role.start} to {role.end if role.end else 'now'}"


def _item(entry: Entry, corpus: Corpus) -> ReportItem:
    skills = tuple(corpus.skills_by_id[s].name if s in corpus.skills_by_id else s for s in entry.skills)
    role = corpus.roles_by_id.get(entry.role) if entry.role else None
    levels = tuple(level.label for level in LEVELS if level.id in entry.levels)
    # A comment is a note to oneself; the report may be handed to anyone.
    body, _ = redact_markdown(entry.path, entry.body, frozenset(), entry.body_line)
    return ReportItem(entry.date, entry.title, entry.kind, entry.impact, skills, _role_label(role) if role else None, levels, body.strip())


def build_report(corpus: Corpus, since: dt.date, until: dt.date) -> Report:
    """The packet of the entries dated from `since` to `until`, both included."""
    entries = [e for e in corpus.entries if since <= e.date <= until and e.kind != "reflection"]
    by_level = [(level.label, sum(1 for e in entries if level.id in e.levels)) for level in LEVELS]
    by_role = []
    for role in corpus.roles:
        items = tuple(_item(e, corpus) for e in entries if e.role == role.id)
        if items:
            by_role.append(ReportSection(_role_label(role), _role_note(role), items))
    roleless = tuple(_item(e, corpus) for e in entries if e.role not in corpus.roles_by_id)
    if roleless:
        by_role.append(ReportSection("Outside a role", "learning, community and side work", roleless))
    skill_counts = Counter(name for e in entries for name in _item(e, corpus).skills)
    profile = corpus.profile
    return Report(
        since=since,
        until=until,
        name=profile.name if profile else None,
        headline=profile.headline if profile else None,
        total=len(entries),
        with_impact=sum(1 for e in entries if e.impact),
        by_level=tuple((label, n) for label, n in by_level if n),
        by_role=tuple(by_role),
        skills=tuple(sorted(skill_counts.items(), key=lambda pair: (-pair[1], pair[0].lower()))),
    )


def _render_item(item: ReportItem) -> list[str]:
    # Each part is its own paragraph: a line under a heading or a bullet would run into it when rendered.
    facts = [item.date.isoformat(), item.kind, *item.levels]
    lines = [f"#### {_inline(item.title)}", "", f"_{' · '.join(_inline(f) for f in facts)}_", ""]
    if item.impact:
        lines += [f"**Impact:** {_inline(item.impact)}", ""]
    if item.skills:
        lines += ["Skills: " + ", ".join(_inline(s) for s in item.skills), ""]
    if item.body:
        lines += [item.body, ""]
    return lines


def _inline(text: str) -> str:
    """One line of text that Markdown shows as written: its markup characters escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _render_roles(sections: tuple[ReportSection, ...]) -> list[str]:
    out = ["## By role", ""]
    for section in sections:
        out += [f"### {_inline(section.heading)}", "", f"{section.note[:1].upper()}{section.note[1:]}.", ""]
        for item in section.items:
            out += _render_item(item)
    return out


def render_report(report: Report) -> str:
    """The packet as Markdown."""
    who = f": {report.name}" if report.name else ""
    out = [f"# Review packet{who}", ""]
    if report.headline:
        out += [f"_{report.headline}_", ""]
    period = f"{report.since.isoformat()} to {report.until.isoformat()}"
    out += [
        f"Journal entries from {period}: {report.total}, of which {report.with_impact} with a measured impact.",
        "",
    ]
    if not report.total:
        out += ["No journal entries in this period.", ""]
        return "\n".join(out)
    if report.by_level:
        out += ["## By level", ""]
        out += [f"- {label}: {_count(n, 'entry', 'entries')}" for label, n in report.by_level]
        out.append("")
    out += _render_roles(report.by_role)
    if report.skills:
        out += ["## Skills used", ""]
        out += [f"- {_inline(name)}: {_count(n, 'entry', 'entries')}" for name, n in report.skills]
        out.append("")
    return "\n".join(out)
