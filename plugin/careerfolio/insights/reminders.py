"""Reminders that reach the person: the dates that fall due, as an iCalendar file (RFC 5545).

Written by `careerfolio calendar` only, never by a build: it names contacts and
decisions, which are private. Each reminder has a UID made from what it is
about (the check-up, a contact's id, a decision's id), never from its date, so
importing a newer file moves an event instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from careerfolio.content.corpus import Corpus
from careerfolio.content.dates import add_days
from careerfolio.insights.metrics import compute_dashboard
from careerfolio.insights.nextsteps import CHECKUP_COMMAND, LAYOFF_REVIEW_EVERY
from careerfolio.settings import Settings

PRODID = "-//careerfolio//reminders//EN"
# Lines longer than this many octets are folded (RFC 5545, section 3.1).
_FOLD_AT = 75
# SEQUENCE counts days from here, so a file made later always supersedes an earlier one.
_EPOCH = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Reminder:
    """One all-day event: `key` names what it is about and makes its UID."""

    key: str
    day: dt.date
    summary: str
    description: str


def collect_reminders(corpus: Corpus, settings: Settings, today: dt.date) -> tuple[Reminder, ...]:
    """The next check-up, each contact's next due date, each decide_by and revisit, the layoff plan's next review.

    What is already overdue is dated today: a reminder in the past reminds no one.
    """
    figures = compute_dashboard(corpus, today, settings)
    out: list[Reminder] = []
    cadence = figures.cadence
    checkup_day = cadence.next_due if cadence.next_due else today
    out.append(Reminder("checkup", max(checkup_day, today), "Career check-up", f"Score the five levels: run {CHECKUP_COMMAND}."))
    for fig in (*figures.network.overdue, *figures.network.on_track):
        day = max(fig.due, today) if fig.due else today
        out.append(
            Reminder(f"contact-{fig.id}", day, f"Get in touch with {fig.contact.name}", f"Then set last_contact in {fig.contact.path}.")
        )
    for decision in corpus.decisions:
        if decision.status == "open" and decision.decide_by:
            text = f"Decide, then set status: decided and choice in {decision.path}."
            out.append(Reminder(f"decide-{decision.id}", max(decision.decide_by, today), f"Decide: {decision.title}", text))
        if decision.status == "decided" and decision.revisit:
            text = f"Read {decision.path} again; set the next revisit date or remove it."
            out.append(Reminder(f"revisit-{decision.id}", max(decision.revisit, today), f"Revisit: {decision.title}", text))
    plan = corpus.layoff_plan
    if plan is not None:
        review = add_days(plan.reviewed, LAYOFF_REVIEW_EVERY) if plan.reviewed else today
        text = f"Read {plan.path} through, then set reviewed to that day."
        out.append(Reminder("layoff-plan", max(review, today), "Review the layoff plan", text))
    return tuple(sorted(out, key=lambda r: (r.day, r.key)))


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 writes it: backslash, semicolon, comma and line ends escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", "\\\\n", value)


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets, never splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = _FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            # A continuation line starts with one space, which counts towards its 75 octets.
            current, size, limit = char, width, _FOLD_AT - 1
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def uid_domain(name: str) -> str:
    """The right-hand side of every UID: the site's name made safe, so two sites never share UIDs."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"{slug or 'site'}.careerfolio.invalid"


def render_calendar(reminders: tuple[Reminder, ...], today: dt.date, domain: str) -> str:
    """The iCalendar file: one VEVENT per reminder, CRLF line ends, folded lines."""
    stamp = f"{today:%Y%m%d}T000000Z"
    sequence = (today - _EPOCH).days
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Career reminders"]
    for reminder in reminders:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{reminder.key}@{domain}",
            f"DTSTAMP:{stamp}",
            f"SEQUENCE:{sequence}",
            f"DTSTART;VALUE=DATE:{reminder.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{add_days(reminder.day, 1):%Y%m%d}",
            f"SUMMARY:{escape_text(reminder.summary)}",
            f"DESCRIPTION:{escape_text(reminder.description)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def is_ours(text: str) -> bool:
    """True for a file this module wrote, which `careerfolio calendar` may replace."""
    return text.startswith("BEGIN:VCALENDAR\r\n") and f"\r\nPRODID:{PRODID}\r\n" in text
