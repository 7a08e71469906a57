"""The review packet: a period's journal, by level and by role, for a review or a new manager.

Written for a reader who knows little about the person: every item says when,
what, and what came of it (the impact line). Reflections are left out, since
they are notes to oneself, and so are the people an entry names.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .corpus import Corpus
from .levels import LEVELS, Level
from .records import Entry, Role


@dataclass(frozen=True)
class ReportItem:
    """One journal entry as the packet shows it."""

    date: dt.date
    title: str
    kind: str
    impact: str | None
    skills: tuple[str, ...]  # skill names
    role: str | None  # "title, organization"


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
    by_level: tuple[ReportSection, ...]
    by_role: tuple[ReportSection, ...]
    skills: tuple[tuple[str, int], ...]  # (skill name, entries naming it), most named first


def _role_label(role: Role) -> str:
    return f"{role.title}, {role.organization}"


def _role_note(role: Role) -> str:
    return f"{role.start} to {role.end if role.end else 'now'}"


def _item(entry: Entry, corpus: Corpus) -> ReportItem:
    skills = tuple(corpus.skills_by_id[s].name if s in corpus.skills_by_id else s for s in entry.skills)
    role = corpus.roles_by_id.get(entry.role) if entry.role else None
    return ReportItem(entry.date, entry.title, entry.kind, entry.impact, skills, _role_label(role) if role else None)


def _level_section(level: Level, entries: list[Entry], corpus: Corpus) -> ReportSection:
    return ReportSection(level.label, level.meaning, tuple(_item(e, corpus) for e in entries if level.id in e.levels))


def build_report(corpus: Corpus, since: dt.date, until: dt.date) -> Report:
    """The packet of the entries dated from `since` to `until`, both included."""
    entries = [e for e in corpus.entries if since <= e.date <= until and e.kind != "reflection"]
    by_level = [_level_section(level, entries, corpus) for level in LEVELS]
    unlevelled = tuple(_item(e, corpus) for e in entries if not e.levels)
    if unlevelled:
        by_level.append(ReportSection("Other", "entries that name no level", unlevelled))
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
        by_level=tuple(s for s in by_level if s.items),
        by_role=tuple(by_role),
        skills=tuple(sorted(skill_counts.items(), key=lambda pair: (-pair[1], pair[0].lower()))),
    )


def _render_item(item: ReportItem, show_role: bool) -> list[str]:
    lines = [f"- **{item.title}** ({item.date.isoformat()}, {item.kind})"]
    if item.impact:
        lines.append(f"  Impact: {item.impact}")
    details = []
    if show_role and item.role:
        details.append(f"Role: {item.role}")
    if item.skills:
        details.append("Skills: " + ", ".join(item.skills))
    if details:
        lines.append("  " + "; ".join(details))
    return lines


def _render_sections(heading: str, sections: tuple[ReportSection, ...], show_role: bool) -> list[str]:
    out = [f"## {heading}", ""]
    for section in sections:
        out += [f"### {section.heading}", "", f"{section.note[:1].upper()}{section.note[1:]}.", ""]
        for item in section.items:
            out += _render_item(item, show_role)
        out.append("")
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
    out += _render_sections("By level", report.by_level, show_role=True)
    out += _render_sections("By role", report.by_role, show_role=False)
    if report.skills:
        out += ["## Skills used", ""]
        out += [f"- {name}: {count} entr{'y' if count == 1 else 'ies'}" for name, count in report.skills]
        out.append("")
    return "\n".join(out)
