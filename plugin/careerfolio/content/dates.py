"""Dates as the content format writes them: full (YYYY-MM-DD) or partial (YYYY, YYYY-MM)."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month or a day; compares by its first day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date could mean: used for 'last used' and 'ended'."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_partial_date(text: str, allow_year: bool = True) -> PartialDate | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; None when the text is not a real date."""
    match = _PARTIAL.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None and not allow_year:
        return None
    try:
        # A month or day 00 is no date: checked as given, not read as the first.
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def parse_full_date(text: str) -> dt.date | None:
    """Parse YYYY-MM-DD; None when it is not a real calendar date."""
    month, day = text[5:7], text[8:]
    if len(text) == 10 and text.isascii() and text[4] == text[7] == "-" and f"{text[:4]}{month}{day}".isdigit():
        # What nearly every date is: ASCII digits where they belong, which the standard library reads quicker.
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    partial = parse_partial_date(text)
    if partial is None or partial.day is None:
        return None
    return partial.first_day


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, held at the first or last date Python knows instead of overflowing.

    Cadences come from users (`every: 99999999`) and so do dates (`last_contact: 9999-12-31`);
    a due date past the year 9999 is as good as never.
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def build_today(environ: Mapping[str, str] | None = None) -> dt.date:
    """The build's today: `SOURCE_DATE_EPOCH` (UTC) when set, else the local date."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return dt.date.today()
