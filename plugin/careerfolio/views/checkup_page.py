"""The page of one check-up: its scores drawn as on the dashboard, what changed, and its neighbours."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from careerfolio.content.corpus import Corpus
from careerfolio.content.levels import LEVELS
from careerfolio.content.records import CheckUp
from careerfolio.content.urls import LinksFrom
from careerfolio.insights.metrics import LevelFigure
from careerfolio.views.charts import NARROW_WIDTH, build_scores_chart, render_chart
from careerfolio.views.messages import ENGLISH, Messages


@dataclass(frozen=True)
class ScoreRow:
    """One level of this check-up and its change since the previous one (None for the first check-up)."""

    id: str
    label: str
    score: int
    previous: int | None
    change: int | None


@dataclass(frozen=True)
class ActionMark:
    """An action and whether its check-up recorded it as done."""

    text: str
    done: bool


@dataclass(frozen=True)
class Neighbour:
    date: str  # as the site's language writes it
    href: str


@dataclass(frozen=True)
class CheckUpView:
    """What templates/pages/checkup.html receives."""

    date: str
    rows: tuple[ScoreRow, ...]  # top to bottom, as the dashboard draws them: the foundation last
    chart: Markup
    actions: tuple[ActionMark, ...]
    previous: Neighbour | None
    next: Neighbour | None
    previous_actions: tuple[ActionMark, ...]  # the previous check-up's actions
    has_reflection: bool


def build_checkup_view(checkup: CheckUp, corpus: Corpus, use_directory_urls: bool = True, t: Messages = ENGLISH) -> CheckUpView:
    """The view of `checkup` among every check-up of `corpus` (oldest first)."""
    ordered = corpus.checkups
    index = next(i for i, c in enumerate(ordered) if c.id == checkup.id)
    before = ordered[index - 1] if index > 0 else None
    after = ordered[index + 1] if index + 1 < len(ordered) else None
    links = LinksFrom(checkup.path, use_directory_urls)
    figures = []
    for level in LEVELS:
        score = checkup.score(level.id)
        was = before.score(level.id) if before else None
        change = score - was if was is not None else None
        # Evidence counts belong to the dashboard's today, not to a past check-up: the chart shows scores only.
        figures.append(LevelFigure(level.id, t(f"esh.{level.id}"), level.rank, score, was, change, 0, 0, None))
    return CheckUpView(
        date=t.date(checkup.date),
        rows=tuple(ScoreRow(f.id, f.label, f.score or 0, f.previous, f.change) for f in reversed(figures)),
        chart=render_chart(
            build_scores_chart(figures, checkup.date, t=t),
            build_scores_chart(figures, checkup.date, NARROW_WIDTH, t),
            with_table=False,
            t=t,
        ),
        actions=tuple(ActionMark(a, a in checkup.done) for a in checkup.actions),
        previous=Neighbour(t.date(before.date), links.page(before.path)) if before else None,
        next=Neighbour(t.date(after.date), links.page(after.path)) if after else None,
        previous_actions=tuple(ActionMark(a, a in before.done) for a in before.actions) if before else (),
        has_reflection=bool(checkup.body.strip()),
    )
