"""The words careerfolio writes on its pages, in the site's language, and dates and numbers as that language writes them.

Each language is a YAML file of templates/messages/ (`en.yaml`, `de.yaml`, ...),
a flat mapping of message keys to text with `{named}` fields. A user's own
file (the `messages` plugin option) adds a language or replaces some of the
words of a shipped one; a key missing from a language falls back to English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from careerfolio.content.dates import PartialDate
from careerfolio.problems import CareerfolioError, Problem, Words
from careerfolio.views.render import templates_dir

DEFAULT_LANGUAGE = "en"
# A problem's values that are written as in a file (field names, allowed values, ids, paths): code in every language.
CODE_FIELDS = frozenset(("choices", "levels", "level", "fields", "name", "folder", "file"))
MESSAGES_FOLDER = "messages"


class MessagesError(CareerfolioError):
    """A messages file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Messages:
    """One language's words: `t(key, **fields)` gives the text, `date()` and `number()` format values."""

    language: str
    entries: tuple[tuple[str, str], ...]  # (key, text), English filled in where the language has none
    months: tuple[str, ...] = field(default=())

    @cached_property
    def _table(self) -> dict[str, str]:
        return dict(self.entries)

    def __call__(self, key: str, **fields: Any) -> str:
        text = self._table.get(key)
        if text is None:
            raise KeyError(f"careerfolio has no message {key!r}")
        return text.format(**fields) if fields else text

    t = __call__

    def say(self, key: str, **fields: Any) -> str:
        """`key`'s text with dates and whole numbers written the language's way; `key_one` when `count` is 1 and the language has it."""
        return str(self._said(key, fields, str))

    def html(self, key: str, **fields: Any) -> Markup:
        """Like `say`, for a message that holds markup of its own (<code>, a link): each field is escaped unless it is Markup."""
        return Markup(self._said(key, fields, Markup))

    def problem(self, said: Words) -> str:
        """A problem's message in this language, as plain text (in English, the words the command line prints)."""
        fields = {name: self.problem(value) if isinstance(value, Words) else str(value) for name, value in said.fields}
        return self(said.id).format(**fields)

    def problem_html(self, problem: Problem) -> Markup:
        """A problem's message in this language, escaped; what stays English (PyYAML's own words) is marked lang="en"."""
        if problem.said is None:
            return Markup('<span lang="en">{}</span>').format(problem.message)
        return self._problem_html(problem.said)

    def _problem_html(self, said: Words) -> Markup:
        fields: dict[str, Markup | str] = {}
        for name, value in said.fields:
            if isinstance(value, Words):
                fields[name] = self._problem_html(value)
            elif name == "english":  # a part careerfolio cannot say in other words
                fields[name] = Markup('<span lang="en">{}</span>').format(value)
            elif name in CODE_FIELDS:
                fields[name] = Markup("<code>{}</code>").format(value)
            else:
                fields[name] = str(value)  # line numbers as the file counts them: no thousands separator
        return escape(self(said.id)).format(**fields)

    def days(self, count: int) -> str:
        """A number of days: "1 day", "12 days"."""
        return self.say("unit.days", count=count)

    def _said(self, key: str, fields: dict[str, Any], kind: type[str]) -> str:
        if fields.get("count") == 1 and f"{key}_one" in self._table:
            key = f"{key}_one"
        shown = {name: self._shown(value) for name, value in fields.items()}
        return kind(self(key)).format(**shown)

    def _shown(self, value: Any) -> Any:
        if isinstance(value, (dt.date, PartialDate)):
            return self.date(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.number(value)
        return value

    def number(self, value: int) -> str:
        """A whole number with the language's thousands separator."""
        return f"{value:,}".replace(",", self("format.thousands"))

    @cached_property
    def _dates(self) -> dict[dt.date | PartialDate | str, str]:
        return {}

    def date(self, value: dt.date | PartialDate | str | None) -> str:
        """A full, month or year date as the language writes it; ISO text is read first."""
        if value is None:
            return ""
        # Pages write the same dates many times over (an entry's in its header, its role's page, its year's list),
        # some as dates and some as ISO text: each is formatted once per language, whichever way it comes.
        text = self._dates.get(value)
        if text is None:
            day = _as_partial_date(value)
            # Formatted once per date, under its ISO text; each way it was asked for (a date, a PartialDate,
            # text) is remembered too. Dates and text are no work for the cycle collector; a PartialDate key is.
            iso = str(day)
            text = self._dates.get(iso)
            if text is None:
                text = self._dates[iso] = self._format_date(day)
            self._dates[value] = text
        return text

    def _format_date(self, value: PartialDate) -> str:
        if value.month is None:
            return str(value.year)
        month = self.months[value.month - 1] if len(self.months) == 12 else f"{value.month:02d}"
        key = "format.month" if value.day is None else "format.date"
        day = self("format.day_1") if value.day == 1 else value.day  # French writes the first of a month "1er"
        return self(key, year=value.year, month=month, mm=f"{value.month:02d}", day=day or 1, dd=f"{value.day or 1:02d}")


def _as_partial_date(value: dt.date | PartialDate | str) -> PartialDate:
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        return PartialDate(*parts)  # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    return value


def load_messages(language: str | None, own_file: Path | None = None) -> Messages:
    """The messages of `language` (English when it is not shipped), with `own_file`'s words over them."""
    wanted = (language or DEFAULT_LANGUAGE).strip().lower() or DEFAULT_LANGUAGE
    table = dict(_shipped(DEFAULT_LANGUAGE))
    base = wanted.split("-")[0].split("_")[0]
    for name in dict.fromkeys((base, wanted)):
        if name != DEFAULT_LANGUAGE and (templates_dir() / MESSAGES_FOLDER / f"{name}.yaml").is_file():
            table.update(_shipped(name))
    if own_file is not None:
        table.update(_read(own_file, known=set(table)))
    months = tuple(str(m) for m in table.pop("format.months", "").split(",") if m.strip())
    return Messages(wanted, tuple(sorted(table.items())), tuple(m.strip() for m in months))


@lru_cache(maxsize=8)
def _shipped(language: str) -> tuple[tuple[str, str], ...]:
    path = templates_dir() / MESSAGES_FOLDER / f"{language}.yaml"
    return tuple(_read(path, known=None).items())


def _read(path: Path, known: set[str] | None) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise MessagesError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError:
        raise MessagesError(f"{path}: is not valid YAML") from None
    if not isinstance(data, Mapping):
        raise MessagesError(f"{path}: must be a mapping of message keys to text")
    out = {}
    for key, value in data.items():
        if known is not None and key not in known:
            raise MessagesError(f"{path}: {key} is not a message of careerfolio's; see templates/messages/en.yaml")
        if not isinstance(value, str):
            raise MessagesError(f"{path}: {key} must be text")
        out[str(key)] = value
    return out


ENGLISH = load_messages(DEFAULT_LANGUAGE)

__all__ = ["ENGLISH", "Messages", "MessagesError", "load_messages"]
