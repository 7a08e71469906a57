"""The private check-up dashboard: one generated page, its data.json and its stylesheet.

A site part (see `site.build_site`): it contributes nothing to a public build.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from careerfolio.content.corpus import Corpus
from careerfolio.content.urls import relative_url
from careerfolio.insights.metrics import (
    LONG_WINDOW,
    SHORT_WINDOW,
    UNDERRATED_ENTRIES,
    ContactFigure,
    DashboardFigures,
    DecisionFigure,
    SkillFigure,
    compute_dashboard,
)
from careerfolio.insights.nextsteps import NextSteps, Said, next_steps_from
from careerfolio.plan.model import BuildContext, Contribution, NavItem, SiteFile, SitePage, html_kept_apart
from careerfolio.problems import Problem
from careerfolio.settings import Settings
from careerfolio.views.charts import NARROW_WIDTH, build_activity_chart, build_history_chart, build_scores_chart, render_chart
from careerfolio.views.messages import Messages
from careerfolio.views.render import render_template, templates_dir

DASHBOARD_PAGE = "dashboard/index.md"
DASHBOARD_DATA = "dashboard/data.json"
DASHBOARD_CSS = "assets/careerfolio/dashboard.css"


# A next step's fields that count days ("3 days" in English).
DAY_FIELDS = ("days", "every")


@dataclass(frozen=True)
class Thresholds:
    """The rules behind the flags, shown on the page so that every flag can be checked."""

    short_window: int
    long_window: int
    underrated_entries: int
    contact_every: int


@dataclass(frozen=True)
class DashboardView:
    """What the dashboard template receives: figures, charts and how to link."""

    figures: DashboardFigures
    settings: Settings
    thresholds: Thresholds
    src_path: str
    use_directory_urls: bool
    now_chart: Markup | None
    history_chart: Markup | None
    activity_chart: Markup | None
    next_steps: NextSteps
    messages: Messages

    def said(self, said: Said | None, part: str = "") -> Markup:
        """A next step's words (`part` "title" or "why"; none for what falls due next) in the site's language."""
        if said is None:
            return Markup()
        fields = dict(said.fields)
        if fields.get("focus"):  # a level's id, named as the site's language names it
            fields["focus"] = self.messages(f"esh.{fields['focus']}")
        for name in DAY_FIELDS:
            if name in fields:
                fields[name] = self.messages.days(fields[name])
        return self.messages.html(f"{said.id}.{part}" if part else said.id, **fields)

    def url(self, target_src: str) -> str:
        """A link from the dashboard to the page built from `target_src`."""
        return relative_url(self.src_path, target_src, self.use_directory_urls)


def dashboard_part(corpus: Corpus, context: BuildContext) -> Contribution:
    """The dashboard page, dashboard/data.json and the stylesheet, in private builds only."""
    out = Contribution()
    if context.audience != "private":
        return out
    figures = compute_dashboard(corpus, context.today, context.settings)
    markdown, blocks = html_kept_apart(render_dashboard(figures, context, next_steps_from(figures, corpus)))
    title = context.messages("dash.title")
    out.pages.append(SitePage(DASHBOARD_PAGE, title, markdown, blocks=blocks))
    out.files.append(SiteFile(DASHBOARD_DATA, json.dumps(build_data(figures), indent=2, ensure_ascii=False) + "\n"))
    out.files.append(SiteFile(DASHBOARD_CSS, (templates_dir() / "dashboard" / "dashboard.css").read_text(encoding="utf-8")))
    out.nav.append(NavItem(title, DASHBOARD_PAGE))
    return out


def render_dashboard(figures: DashboardFigures, context: BuildContext, next_steps: NextSteps) -> str:
    """The dashboard page body: Markdown section headings, each followed by generated HTML."""
    settings, t = context.settings, context.messages
    latest = figures.cadence.last
    view = DashboardView(
        figures=figures,
        settings=settings,
        thresholds=Thresholds(SHORT_WINDOW, LONG_WINDOW, UNDERRATED_ENTRIES, settings.contact_every),
        src_path=DASHBOARD_PAGE,
        use_directory_urls=context.use_directory_urls,
        now_chart=(
            render_chart(
                build_scores_chart(figures.levels, latest.date, t=t), build_scores_chart(figures.levels, latest.date, NARROW_WIDTH, t), t=t
            )
            if latest
            else None
        ),
        history_chart=(
            render_chart(build_history_chart(figures.history, t=t), build_history_chart(figures.history, NARROW_WIDTH, t), t=t)
            if figures.history
            else None
        ),
        activity_chart=render_chart(
            build_activity_chart(figures.journal.quarters, t=t), build_activity_chart(figures.journal.quarters, NARROW_WIDTH, t), t=t
        ),
        next_steps=next_steps,
        messages=t,
    )
    return render_template("dashboard/page.html", view=view, t=t)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _ids(figures: Iterable[SkillFigure | ContactFigure | DecisionFigure]) -> list[str]:
    return [f.id for f in figures]


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "field": problem.field,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def _skill(figure: SkillFigure) -> dict[str, Any]:
    return {
        "id": figure.id,
        "level": figure.skill.level,
        "target": figure.skill.target,
        "last_evidence": _iso(figure.last_evidence),
        "entries": figure.entries,
        "entries_365d": figure.entries_365d,
    }


def build_data(figures: DashboardFigures) -> dict[str, Any]:
    """The figures as plain JSON values; the README documents every key."""
    cadence, journal, network, plan = figures.cadence, figures.journal, figures.network, figures.layoff_plan
    gap = journal.longest_achievement_gap
    return {
        "today": figures.today.isoformat(),
        "checkup": {
            "last": _iso(cadence.last.date if cadence.last else None),
            "id": cadence.last.id if cadence.last else None,
            "days_since": cadence.days_since,
            "next_due": _iso(cadence.next_due),
            "overdue": cadence.overdue,
            "every": cadence.every,
        },
        "levels": [
            {
                "id": lv.id,
                "score": lv.score,
                "change": lv.change,
                "evidence_90d": lv.evidence_90d,
                "evidence_365d": lv.evidence_365d,
                "flag": lv.flag,
            }
            for lv in figures.levels
        ],
        "focus": figures.focus.level_id if figures.focus else None,
        "history": [{"id": c.id, "date": c.date.isoformat(), "scores": dict(c.scores)} for c in figures.history],
        "actions": list(figures.actions),
        "journal": {
            "last_entry": journal.last_entry.id if journal.last_entry else None,
            "days_since_last_entry": journal.days_since_last_entry,
            "achievements_365d": journal.achievements_365d,
            "longest_achievement_gap": (
                {"start": gap.start.isoformat(), "end": gap.end.isoformat(), "days": gap.days, "ongoing": gap.ongoing} if gap else None
            ),
            "quarters": [{"quarter": q.label, "counts": dict(q.counts), "total": q.total} for q in journal.quarters],
        },
        "skills": {
            "stale": _ids(figures.skills.stale),
            "below_target": _ids(figures.skills.below_target),
            "most_evidenced": [_skill(f) for f in figures.skills.most_evidenced],
            "stale_after": figures.skills.stale_after,
        },
        "contacts_overdue": _ids(network.overdue),
        "network": {
            "contacts": network.contacts,
            "circles": dict(network.circles),
            "circle_count": len(network.circles),
            "without_circle": network.without_circle,
        },
        "decisions_open": _ids(figures.decisions.open),
        "decisions_revisit": _ids(figures.decisions.revisit),
        "layoff_plan": {
            "done": plan.done if plan else 0,
            "total": plan.total if plan else 0,
            "reviewed": _iso(plan.reviewed) if plan else None,
            "days_since_reviewed": plan.days_since_reviewed if plan else None,
        },
        "problems": [{"path": f.path, "problems": [_problem(p) for p in f.problems]} for f in figures.excluded],
        "warnings": [_problem(p) for p in figures.warnings],
        "getting_started": list(figures.getting_started),
    }
