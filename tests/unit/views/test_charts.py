"""The dashboard's charts on their own: escaped labels, points and lines, round axes, dates kept apart."""

from __future__ import annotations

import itertools

import pytest
from bs4 import BeautifulSoup

from careerfolio.content.corpus import load_corpus
from careerfolio.views.charts import (
    DATE_LABEL_WIDTH,
    Chart,
    ChartTable,
    Marker,
    Polyline,
    Text,
    build_history_chart,
    nice_max,
    render_chart,
)
from helpers import make_checkup

HOSTILE = "<script>alert(1)</script> & more"
LABELS = ("Job skills", "Job performance", "Business network", "Job search", "Finances")


def test_chart_labels_are_escaped() -> None:
    chart = Chart(
        "cf-chart-test",
        HOSTILE,
        HOSTILE,
        100,
        50,
        (Text(1, 2, HOSTILE),),
        ChartTable(HOSTILE, (HOSTILE,), ((HOSTILE, (HOSTILE,)),)),
    )
    html = str(render_chart(chart))
    assert "<script>" not in html and html.count("&lt;script&gt;") == 7
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("text").get_text() == HOSTILE  # type: ignore[union-attr]


def test_a_single_check_up_is_a_point_per_level_without_lines() -> None:
    (checkup,) = load_corpus([make_checkup()]).checkups
    chart = build_history_chart([checkup])
    points = [s.tip for s in chart.shapes if isinstance(s, Marker) and " on " in s.tip]  # the legend's markers have no date
    assert not any(isinstance(s, Polyline) for s in chart.shapes)
    assert points == [f"{label} on 2026-03-01: {n}" for label, n in zip(LABELS, (4, 3, 2, 2, 3), strict=True)]
    assert chart.table.rows == (("2026-03-01", ("4", "3", "2", "2", "3")),)


@pytest.mark.parametrize(
    ("value", "axis"), [(0, (1, 1)), (3, (3, 1)), (7, (8, 2)), (23, (25, 5)), (61, (80, 20)), (1234, (1500, 500)), (6000, (6000, 2000))]
)
def test_axis_maxima_are_round(value: int, axis: tuple[int, int]) -> None:
    assert nice_max(value) == axis


def test_date_labels_of_close_check_ups_do_not_overlap() -> None:
    days = ["2024-01-01", "2024-01-08", "2024-06-01", "2025-06-01", "2025-06-03", "2026-06-01"]
    checkups = load_corpus([make_checkup(day) for day in days]).checkups
    chart = build_history_chart(checkups)
    labels = sorted((s.x, s.text) for s in chart.shapes if isinstance(s, Text) and s.text in days)
    assert [text for _, text in labels] == ["2024-01-08", "2024-06-01", "2025-06-03", "2026-06-01"]
    assert all(b[0] - a[0] >= DATE_LABEL_WIDTH for a, b in itertools.pairwise(labels))
    assert len(chart.table.rows) == len(days)  # the table keeps every check-up
