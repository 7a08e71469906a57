"""The pages a person opens first, with the text each must show, taken from the example career."""

from __future__ import annotations

from dataclasses import dataclass

from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.levels import LEVELS
from careerfolio.content.loader import read_tree
from helpers import REPO

from .conftest import Audience, BuiltSite

ACHIEVEMENT = "journal/2025/2025-06-10-single-ingestion-path.md"
SKILL = "skills/python.md"
ROLE = "roles/acme-senior-data-engineer.md"
CHECKUP = "checkups/2026-08-20.md"
PRIVATE_ENTRY = "journal/2023/2023-11-08-passed-over.md"


@dataclass(frozen=True)
class PageCase:
    """A page of one build, at its URL, and the text that must be visible on it."""

    audience: Audience
    url_path: str
    name: str  # for test ids and screenshot files
    expected: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.audience}-{self.name}"


def _example_corpus() -> Corpus:
    return load_corpus(read_tree(REPO / "content"))


def _url_of(src_path: str) -> str:
    return "/" + src_path.removesuffix(".md") + "/"


def build_cases(corpus: Corpus) -> tuple[PageCase, ...]:
    """The checked pages; expected text comes from the content, so editing it cannot silently pass."""
    public = corpus.public()
    profile = public.profile
    assert profile is not None and profile.headline, "the example career needs a public profile with a headline"
    entry = next(e for e in public.entries if e.path == ACHIEVEMENT)
    skill = next(s for s in public.skills if s.path == SKILL)
    role = next(r for r in public.roles if r.path == ROLE)
    checkup = next(c for c in corpus.checkups if c.path == CHECKUP)
    private_entry = next(e for e in corpus.entries if e.path == PRIVATE_ENTRY)
    assert entry.impact, "the checked achievement needs an impact"
    return (
        PageCase("public", "/", "home", (profile.name, profile.headline)),
        PageCase("public", "/resume/", "resume", (profile.name, *(r.organization for r in public.roles))),
        PageCase("public", _url_of(entry.path), "achievement", (entry.title, entry.impact)),
        PageCase("public", "/achievements/", "achievements", tuple(e.title for e in public.entries if e.pinned)),
        PageCase("public", "/profile/", "profile", (profile.name, profile.headline)),
        PageCase("public", _url_of(skill.path), "skill", (skill.name,)),
        PageCase("public", _url_of(role.path), "role", (role.organization, role.title)),
        PageCase("private", "/dashboard/", "dashboard", tuple(level.label for level in LEVELS)),
        PageCase("private", _url_of(checkup.path), "checkup", (checkup.date.isoformat(), *(level.label for level in LEVELS))),
        PageCase("private", _url_of(private_entry.path), "private-entry", (private_entry.title,)),
    )


def assert_built(case: PageCase, site: BuiltSite) -> None:
    """Fail plainly on a missing page, before its checks fail on a 404 in less obvious ways."""
    assert site.has_page(case.url_path), f"the {case.audience} build has no {case.url_path}index.html"


CASES = build_cases(_example_corpus())
RESUME = next(case for case in CASES if case.name == "resume")
