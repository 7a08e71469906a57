"""Dates as exports write them: `Mar 2019`, `12 Mar 2021`, `März 2019`, `2019-03`, `2019`, read into the content format's dates."""

from __future__ import annotations

import re
import unicodedata

from careerfolio.content.dates import PartialDate, parse_partial_date

# Month names and abbreviations of the languages LinkedIn exports in most often. Each is
# compared without accents, case or a trailing dot, so "Mär", "mär." and "MAR" all match.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("jan", "january", "januar", "janv", "janvier", "ene", "enero", "janeiro", "gen", "gennaio", "januari", "jän", "jänner"),
    2: ("feb", "february", "februar", "fev", "fevr", "fevrier", "febrero", "fevereiro", "febbraio", "februari"),
    3: ("mar", "march", "marz", "mrz", "mars", "marzo", "marco", "maart", "mrt"),
    4: ("apr", "april", "avr", "avril", "abr", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maio", "mag", "maggio", "mei"),
    6: ("jun", "june", "juni", "juin", "junio", "junho", "giu", "giugno"),
    7: ("jul", "july", "juli", "juil", "juillet", "julio", "julho", "lug", "luglio"),
    8: ("aug", "august", "aout", "ago", "agosto", "augustus"),
    9: ("sep", "sept", "september", "septembre", "septiembre", "set", "setembro", "settembre"),
    10: ("oct", "october", "okt", "oktober", "octobre", "octubre", "out", "outubro", "ott", "ottobre"),
    11: ("nov", "november", "novembre", "noviembre", "novembro"),
    12: ("dec", "december", "dez", "dezember", "decembre", "dic", "diciembre", "dezembro", "dicembre"),
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
# Words that mean "still going" in an end date column.
_ONGOING = {"present", "current", "now", "heute", "aujourd'hui", "actualidad", "presente", "oggi", "heden"}

_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})"
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_SHAPES = (
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$"),  # Mar 2019, March 2019
    re.compile(rf"^{_DAY}\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}$"),  # 12 Mar 2021, 12. März 2021, 12 de marzo de 2021
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),  # Mar 12, 2021
    re.compile(rf"^(?P<nmonth>\d{{1,2}})/{_YEAR}$"),  # 03/2019
)


class UnreadableDate(ValueError):
    """A date in a shape careerfolio does not know; the message names the shapes it knows, never the value."""

    def __init__(self) -> None:
        super().__init__("is not a date careerfolio can read (it reads Mar 2019, 12 Mar 2021, 2019-03 and 2019)")


def _plain(word: str) -> str:
    """`word` without accents or case: März → marz."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def parse_export_date(text: str | None) -> PartialDate | None:
    """The date `text` means, or None when it is empty or says "Present"; UnreadableDate when it is neither."""
    cleaned = " ".join((text or "").split())
    if not cleaned or _plain(cleaned) in _ONGOING:
        return None
    iso = parse_partial_date(cleaned)
    if iso is not None:
        return iso
    for shape in _SHAPES:
        match = shape.match(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        month = int(groups["nmonth"]) if groups.get("nmonth") else _MONTHS.get(_plain(groups["month"]).rstrip("."))
        day = int(groups["day"]) if groups.get("day") else None
        if month is None:
            break
        parsed = parse_partial_date(f"{groups['year']}-{month:02d}" + (f"-{day:02d}" if day else ""))
        if parsed is not None:
            return parsed
        break
    raise UnreadableDate()
