"""The five levels of the Employment Security Hierarchy, bottom to top."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    """One level of the hierarchy; `rank` 0 is the foundation."""

    id: str
    label: str
    meaning: str
    rank: int
    prompts: tuple[str, ...]


LEVELS: tuple[Level, ...] = (
    Level(
        "skills",
        "Job skills",
        "skills that keep you employable, kept current",
        0,
        (
            "Which skill would your next employer pay for that you cannot show today?",
            "What did you learn in the last quarter, and where did you use it?",
            "Which skill of yours is going stale, and is that a choice?",
        ),
    ),
    Level(
        "performance",
        "Job performance",
        "results you can show",
        1,
        (
            "Which result of the last quarter could you explain to a stranger in one sentence?",
            "Does your manager know what you delivered, in their words or only in yours?",
            "What would you need to finish to have a result worth a journal entry this month?",
        ),
    ),
    Level(
        "network",
        "Business network",
        "relationships you nurture, across circles",
        2,
        (
            "Who outside your team would vouch for your work today?",
            "Which circle have you not spoken to in three months?",
            "Whom could you help this month, without being asked?",
        ),
    ),
    Level(
        "job_search",
        "Job search",
        "every phase: résumé, portfolio, interviews, research",
        3,
        (
            "If you had to apply tomorrow, what would your résumé be missing?",
            "When did you last practise telling your story in an interview?",
            "Which three employers would you approach first, and what do you know about them?",
        ),
    ),
    Level(
        "finances",
        "Finances",
        "the runway to choose a job, not take any job",
        4,
        (
            "How many months could you live without a salary?",
            "What would let you say no to the wrong offer?",
            "Which one expense or saving would lengthen your runway most?",
        ),
    ),
)

LEVEL_IDS: tuple[str, ...] = tuple(level.id for level in LEVELS)
LEVELS_BY_ID: dict[str, Level] = {level.id: level for level in LEVELS}
