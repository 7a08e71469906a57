"""Charts as inline SVG, laid out at build time: no JavaScript, nothing fetched.

A chart is a list of plain shapes placed here and drawn by one template
(templates/dashboard/chart.html), which escapes every label. Each chart
carries a title, a description and the same numbers as a table. Each chart is
laid out twice, wide and narrow (NARROW_WIDTH), and the stylesheet shows the one
that fits, so text keeps its size in CSS pixels on a phone instead of shrinking.
Colours are variables of the stylesheet, with a light and a dark value each.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from careerfolio.content.levels import LEVELS
from careerfolio.content.records import ENTRY_KINDS, CheckUp
from careerfolio.insights.metrics import LevelFigure, QuarterCount
from careerfolio.views.messages import ENGLISH, Messages
from careerfolio.views.render import render_template

# One colour per level, the same on every chart and page (dashboard.css defines them, none red:
# red is kept for what needs action).
LEVEL_COLORS: dict[str, str] = {level.id: f"var(--cf-level-{level.id})" for level in LEVELS}
# Lines differ in dash and marker too, so the chart does not depend on telling colours apart.
LEVEL_DASHES: dict[str, str] = {"skills": "", "performance": "6 3", "network": "2 3", "job_search": "8 3 2 3", "finances": "1 6"}
LEVEL_MARKERS: dict[str, str] = {
    "skills": "circle",
    "performance": "square",
    "network": "diamond",
    "job_search": "triangle",
    "finances": "cross",
}
# Kinds of entry are not levels: one neutral hue in falling strength, so no kind borrows a level's colour.
KIND_COLOR = "var(--md-default-fg-color)"
KIND_OPACITY: dict[str, float] = dict(zip(ENTRY_KINDS, (0.85, 0.65, 0.5, 0.36, 0.24, 0.14), strict=True))
TEXT = "var(--md-default-fg-color)"
BACKGROUND = "var(--md-default-bg-color)"
MUTED = "var(--md-default-fg-color--light)"
GRID = "var(--md-default-fg-color--lightest)"
DATE_LABEL_WIDTH = 64  # a YYYY-MM-DD label at font size 10, with a gap
# The narrow layout fits a 360 px screen (Material's content is 328 px wide there) at nearly its own size.
NARROW_WIDTH = 340


# -- shapes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    kind: ClassVar[str] = "rect"
    x: float
    y: float
    width: float
    height: float
    color: str
    tip: str = ""
    opacity: float = 1


@dataclass(frozen=True)
class Line:
    kind: ClassVar[str] = "line"
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    dash: str = ""
    stroke: float = 1


@dataclass(frozen=True)
class Polyline:
    kind: ClassVar[str] = "polyline"
    points: str
    color: str
    dash: str = ""


@dataclass(frozen=True)
class Marker:
    kind: ClassVar[str] = "marker"
    shape: str
    x: float
    y: float
    color: str
    tip: str

    @property
    def points(self) -> str:
        """Corner points for polygon markers (diamond, triangle)."""
        r = 4.5
        diamond = [(0, -r), (r, 0), (0, r), (-r, 0)]
        triangle = [(0, -r), (r, r * 0.8), (-r, r * 0.8)]
        corners = diamond if self.shape == "diamond" else triangle
        return " ".join(f"{self.x + dx:.1f},{self.y + dy:.1f}" for dx, dy in corners)


@dataclass(frozen=True)
class Text:
    kind: ClassVar[str] = "text"
    x: float
    y: float
    text: str
    anchor: str = "start"
    color: str = TEXT
    size: int = 12
    bold: bool = False


Shape = Rect | Line | Polyline | Marker | Text


@dataclass(frozen=True)
class ChartTable:
    """The chart's numbers: one row per category, a header cell then the values."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    shapes: tuple[Shape, ...]
    table: ChartTable


def render_chart(chart: Chart, narrow: Chart | None = None, with_table: bool = True, t: Messages = ENGLISH) -> Markup:
    """The chart as an HTML <figure>: the SVG (and its narrow layout, for small screens), then its table.

    `with_table=False` is for a page that shows the same numbers in a table of its own.
    """
    return Markup(render_template("dashboard/chart.html", chart=chart, narrow=narrow, with_table=with_table, t=t))


def legend_slots(count: int, width: int, item_width: int, row_height: int = 20) -> list[tuple[float, float]]:
    """Top-left corners of `count` legend items in rows that fit `width`; as many per row as fit."""
    per_row = max(1, min(count, width // item_width))
    slot = width / per_row
    return [((i % per_row) * slot, (i // per_row) * row_height) for i in range(count)]


def legend_height(count: int, width: int, item_width: int, row_height: int = 20) -> int:
    rows = -(-count // max(1, min(count, width // item_width)))
    return rows * row_height + 6


def text_width(text: str, size: int) -> float:
    """About how wide `text` is drawn at font size `size`: a mean character is a little over half the size."""
    return len(text) * size * 0.56


def label_lines(text: str, size: int, room: float) -> list[str]:
    """`text` on one line, or on two split at the space nearest its middle when one line needs more than `room`."""
    if text_width(text, size) <= room or " " not in text:
        return [text]
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1 :]]


def axis_date(day: dt.date, t: Messages) -> str:
    """A date under an axis: all digits, in the language's order, as wide as DATE_LABEL_WIDTH allows."""
    return t("chart.axis_date", year=day.year, mm=f"{day.month:02d}", dd=f"{day.day:02d}")


def _signed(change: int | None) -> str:
    return "" if change is None else f"{change:+d}"


def nice_max(value: int) -> tuple[int, int]:
    """An axis maximum at or above `value`, and a round step (1, 2 or 5 times a power of ten) giving at most five intervals."""
    value = max(value, 1)
    magnitude = 10 ** max(0, math.floor(math.log10(value / 5)))
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if value <= 5 * step:
            return step * math.ceil(value / step), step
    raise AssertionError("unreachable: 10 times the magnitude always fits")


# -- the three charts of the dashboard ----------------------------------------------


def build_scores_chart(levels: Sequence[LevelFigure], checkup_date: dt.date, width: int = 560, t: Messages = ENGLISH) -> Chart:
    """Horizontal bars of the latest scores, the foundation at the bottom like the hierarchy."""
    label = {lv.id: t(f"esh.{lv.id}") for lv in levels}
    narrow = width < 480
    label_w, right, row_h, top = (112, 48, 34, 8) if narrow else (150, 60, 34, 8)
    scale = (width - label_w - right) / 5
    shapes: list[Shape] = []
    plot_bottom = top + row_h * len(levels)
    for tick in range(6):
        x = label_w + tick * scale
        shapes.append(Line(x, top, x, plot_bottom, GRID))
        shapes.append(Text(x, plot_bottom + 16, str(tick), "middle", MUTED, 11))
    for row, level in enumerate(reversed(levels)):
        y = top + row * row_h
        score = level.score or 0
        lines = label_lines(label[level.id], 12, label_w - 10)
        for line_no, line in enumerate(lines):
            # Two lines sit around the bar's middle, as one line does.
            shapes.append(Text(label_w - 8, y + row_h / 2 + 4 + (line_no - (len(lines) - 1) / 2) * 13, line, "end"))
        tip = t.say("chart.score_tip", level=label[level.id], score=score)
        if level.change is not None:
            tip = t.say("chart.score_tip_change", level=label[level.id], score=score, change=_signed(level.change))
        shapes.append(Rect(label_w, y + 7, score * scale, row_h - 14, LEVEL_COLORS[level.id], tip))
        if level.previous is not None and level.change:
            # Where the bar ended last time, so a change shows as a gap or an overhang.
            # A background-coloured line under the dashes keeps them visible on any bar and off it.
            x = label_w + level.previous * scale
            shapes.append(Line(x, y + 3, x, y + row_h - 3, BACKGROUND, "", 4))
            shapes.append(Line(x, y + 3, x, y + row_h - 3, TEXT, "2 2", 2))
        value = f"{score} ({_signed(level.change)})" if level.change is not None else str(score)
        shapes.append(Text(label_w + score * scale + 6, y + row_h / 2 + 4, value, bold=True))
    summary = ", ".join(f"{label[lv.id]} {lv.score}" + (f" ({_signed(lv.change)})" if lv.change is not None else "") for lv in levels)
    title = t.say("chart.scores_title", date=checkup_date)
    table = ChartTable(
        title,
        (t("dash.level"), t("dash.score"), t("chart.change")),
        tuple((label[lv.id], (str(lv.score), _signed(lv.change) or "–")) for lv in levels),
    )
    return Chart(
        "cf-chart-now-narrow" if narrow else "cf-chart-now",
        title,
        t.say("chart.scores_desc", summary=summary),
        width,
        plot_bottom + 24,
        tuple(shapes),
        table,
    )


def build_history_chart(checkups: Sequence[CheckUp], width: int = 640, t: Messages = ENGLISH) -> Chart:
    """One line per level across every check-up, dates to scale."""
    narrow = width < 480
    height, left, right, top, bottom = (200, 24, 36, 12, 34) if narrow else (220, 40, 40, 12, 34)
    label = {level.id: t(f"esh.{level.id}") for level in LEVELS}
    legend_item = max(130, 38 + math.ceil(max(text_width(text, 11) for text in label.values())))
    legend_h = legend_height(len(LEVELS), width, legend_item)
    plot_w, plot_h = width - left - right, height - top - bottom
    first, last = checkups[0].date, checkups[-1].date
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return left + plot_w / 2 if first == last else left + plot_w * (day - first).days / span

    def y_of(score: int) -> float:
        return top + plot_h * (5 - score) / 4

    shapes: list[Shape] = []
    for score in range(1, 6):
        shapes.append(Line(left, y_of(score), width - right, y_of(score), GRID))
        shapes.append(Text(left - 8, y_of(score) + 4, str(score), "end", MUTED, 11))
    # Dates are to scale, so close check-ups would print over each other: label the last one,
    # then walk back and label each date that leaves room after the label before it.
    next_x = math.inf
    for checkup in reversed(checkups):
        # Centred under its point, but never past the chart's edge (the first point sits near it).
        label_x = min(max(x_of(checkup.date), DATE_LABEL_WIDTH / 2), width - DATE_LABEL_WIDTH / 2)
        if next_x - label_x >= DATE_LABEL_WIDTH:
            shapes.append(Text(label_x, height - bottom + 18, axis_date(checkup.date, t), "middle", MUTED, 10))
            next_x = label_x
    for level in LEVELS:
        # Equal scores would hide each other: each level sits a few pixels off the gridline.
        offset = (level.rank - 2) * 3
        points = [(x_of(c.date), y_of(c.score(level.id)) + offset, c) for c in checkups]
        color = LEVEL_COLORS[level.id]
        if len(points) > 1:
            shapes.append(Polyline(" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points), color, LEVEL_DASHES[level.id]))
        for x, y, checkup in points:
            tip = t.say("chart.history_tip", level=label[level.id], date=checkup.date, score=checkup.score(level.id))
            shapes.append(Marker(LEVEL_MARKERS[level.id], x, y, color, tip))
    for level, (slot_x, slot_y) in zip(LEVELS, legend_slots(len(LEVELS), width, legend_item), strict=True):
        x, legend_y = slot_x + 8, height + slot_y + 10
        color = LEVEL_COLORS[level.id]
        shapes.append(Line(x, legend_y, x + 22, legend_y, color, LEVEL_DASHES[level.id], 2))
        shapes.append(Marker(LEVEL_MARKERS[level.id], x + 11, legend_y, color, label[level.id]))
        shapes.append(Text(x + 28, legend_y + 4, label[level.id], size=11))
    table = ChartTable(
        t("chart.history_table"),
        (t("chart.checkup"), *(label[lv.id] for lv in LEVELS)),
        tuple((t.date(c.date), tuple(str(c.score(lv.id)) for lv in LEVELS)) for c in checkups),
    )
    return Chart(
        "cf-chart-history-narrow" if narrow else "cf-chart-history",
        t("chart.history_title"),
        t.say("chart.history_desc", count=len(checkups), first=first, last=last),
        width,
        height + legend_h,
        tuple(shapes),
        table,
    )


def build_activity_chart(quarters: Sequence[QuarterCount], width: int = 640, t: Messages = ENGLISH) -> Chart:
    """Journal entries per quarter, stacked by kind."""
    narrow = width < 480
    height, left, right, top, bottom = (190, 28, 6, 12, 40) if narrow else (200, 34, 10, 12, 30)
    kind_label = {kind: t(f"kind.{kind}") for kind in ENTRY_KINDS}
    legend_item = max(110, 25 + math.ceil(max(text_width(text, 11) for text in kind_label.values())))
    legend_h = legend_height(len(ENTRY_KINDS), width, legend_item)
    plot_w, plot_h = width - left - right, height - top - bottom
    axis_max, step = nice_max(max((q.total for q in quarters), default=0))
    shapes: list[Shape] = []
    for value in range(0, axis_max + 1, step):
        y = top + plot_h * (1 - value / axis_max)
        shapes.append(Line(left, y, width - right, y, GRID))
        shapes.append(Text(left - 8, y + 4, str(value), "end", MUTED, 11))
    slot = plot_w / max(len(quarters), 1)
    bar_w = slot * 0.6
    for i, quarter in enumerate(quarters):
        x = left + i * slot + (slot - bar_w) / 2
        base: float = top + plot_h
        for kind, n in quarter.counts:
            if n:
                h = plot_h * n / axis_max
                base -= h
                shapes.append(Rect(x, base, bar_w, h, KIND_COLOR, f"{quarter.label}: {n} {kind_label[kind]}", KIND_OPACITY[kind]))
        if narrow:
            # "2026-Q4" is wider than a narrow slot: the quarter on one line, the year under Q1 and the first bar.
            year, _, q = quarter.label.partition("-")
            shapes.append(Text(x + bar_w / 2, height - bottom + 16, q, "middle", MUTED, 10))
            if i == 0 or q == "Q1":
                shapes.append(Text(x + bar_w / 2, height - bottom + 29, year, "middle", MUTED, 10))
        else:
            shapes.append(Text(x + bar_w / 2, height - bottom + 18, quarter.label, "middle", MUTED, 10))
    for kind, (slot_x, slot_y) in zip(ENTRY_KINDS, legend_slots(len(ENTRY_KINDS), width, legend_item), strict=True):
        x, legend_y = slot_x + 8, height + slot_y + 10
        shapes.append(Rect(x, legend_y - 5, 10, 10, KIND_COLOR, opacity=KIND_OPACITY[kind]))
        shapes.append(Text(x + 15, legend_y + 4, kind_label[kind], size=11))
    totals = ", ".join(f"{q.label} {q.total}" for q in quarters)
    table = ChartTable(
        t("chart.activity_table"),
        (t("chart.quarter"), *kind_label.values(), t("chart.total")),
        tuple((q.label, (*(str(n) for _, n in q.counts), str(q.total))) for q in quarters),
    )
    return Chart(
        "cf-chart-activity-narrow" if narrow else "cf-chart-activity",
        t("chart.activity_title"),
        t.say("chart.activity_desc", count=len(quarters), totals=totals),
        width,
        height + legend_h,
        tuple(shapes),
        table,
    )
