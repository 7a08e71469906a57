"""Dates in exports: every style LinkedIn has written, in several languages, read into the format's dates."""

from __future__ import annotations

import pytest

from careerfolio.importing.exportdates import UnreadableDate, parse_export_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 2019", "2019-03"),
        ("March 2019", "2019-03"),
        ("12 Mar 2021", "2021-03-12"),
        ("2 Mar 2021", "2021-03-02"),
        ("Mar 12, 2021", "2021-03-12"),
        ("2019-03", "2019-03"),
        ("2019-03-12", "2019-03-12"),
        ("2019", "2019"),
        ("03/2019", "2019-03"),
        ("März 2019", "2019-03"),
        ("12. März 2021", "2021-03-12"),
        ("févr. 2020", "2020-02"),
        ("12 de marzo de 2021", "2021-03-12"),
        ("fev 2020", "2020-02"),
        ("12 giugno 2021", "2021-06-12"),
        ("mrt 2019", "2019-03"),
        ("  Jun   2021 ", "2021-06"),
    ],
    ids=[
        "mon-yyyy",
        "month-yyyy",
        "dd-mon-yyyy",
        "d-mon-yyyy",
        "us",
        "iso-month",
        "iso-day",
        "year",
        "mm-yyyy",
        "german",
        "german-day",
        "french",
        "spanish",
        "portuguese",
        "italian",
        "dutch",
        "spaces",
    ],
)
def test_each_style_reads_as_the_same_date(text: str, expected: str) -> None:
    assert str(parse_export_date(text)) == expected


@pytest.mark.parametrize("text", ["", "   ", "Present", None], ids=["empty", "blank", "present", "none"])
def test_an_empty_or_ongoing_date_is_none(text: str | None) -> None:
    assert parse_export_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["Sometime 2015", "31 Feb 2020", "13/2019", "2019/03/12", "12/03/2021", "Mar", "2019-13"],
    ids=["word", "no-such-day", "no-such-month", "slashes", "ambiguous-day-month", "no-year", "iso-bad-month"],
)
def test_an_unreadable_date_raises_without_quoting_it(text: str) -> None:
    with pytest.raises(UnreadableDate) as caught:
        parse_export_date(text)
    # One fixed sentence, whatever the value: it names the styles that are read, never the date that was not.
    assert str(caught.value) == str(UnreadableDate())
