"""Dates and titles of the portfolio's lists on a phone and on a desktop, measured in Chromium."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import BuiltSite, Visit

pytestmark = pytest.mark.browser


def _boxes(visit: Visit, date: str, title: str) -> tuple[dict[str, float], dict[str, float]]:
    date_box = visit.page.locator(date).first.bounding_box()
    title_box = visit.page.locator(title).first.bounding_box()
    assert date_box is not None and title_box is not None
    return date_box, title_box


@pytest.mark.parametrize(
    ("url_path", "date", "title"),
    [
        ("/achievements/", ".cf-row__date", ".cf-row__title"),
        ("/experience/", ".cf-timeline .cf-row__date", ".cf-timeline .cf-row__title"),
        ("/resume/", ".cf-resume__role-head .cf-resume__dates", ".cf-resume__role-head strong"),
    ],
    ids=["achievements", "experience", "resume"],
)
def test_dates_stand_above_titles_on_a_phone_and_beside_them_on_a_desktop(
    url_path: str, date: str, title: str, public_site: BuiltSite, visit_page: Callable[..., Visit]
) -> None:
    phone = visit_page(public_site.url(url_path))
    phone.page.set_viewport_size({"width": 360, "height": 800})
    date_box, title_box = _boxes(phone, date, title)
    assert date_box["y"] + date_box["height"] <= title_box["y"] + 1, "on a phone the date stands above the title"
    desktop = visit_page(public_site.url(url_path))
    desktop.page.set_viewport_size({"width": 1280, "height": 800})
    date_box, title_box = _boxes(desktop, date, title)
    assert abs(date_box["y"] - title_box["y"]) < title_box["height"], "on a desktop the date is on the title's line"
