"""Portfolio views and pages from factory corpora: order, pinned entries, evidence, public content only."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.plan.site import BuildContext, Site, build_site
from careerfolio.settings import Settings
from careerfolio.views.portfolio import build_portfolio_view, newest_groups, plain_text, portfolio_part, portfolio_paths
from helpers import TODAY, make_entry, make_profile, make_role, make_skill


def corpus_of(*files: tuple[str, bytes]) -> Corpus:
    corpus = load_corpus(files, Settings())
    assert [p for p in corpus.problems if p.is_error] == []
    return corpus


def context(audience: str = "public", **overrides: Any) -> BuildContext:
    return BuildContext(audience=audience, today=TODAY, settings=Settings(), **overrides)  # type: ignore[arg-type]


def entry(name: str, day: str, **fields: Any) -> tuple[str, bytes]:
    fields.setdefault("title", name.replace("-", " ").capitalize())
    return make_entry(path=f"journal/{day[:4]}/{name}.md", date=day, **fields)


def all_text(site: Site) -> str:
    return "\n".join([p.text for p in site.pages] + [f.content if isinstance(f.content, str) else "" for f in site.files])


def test_entries_are_grouped_by_year_newest_first() -> None:
    view = build_portfolio_view(
        corpus_of(entry("old", "2023-05-01"), entry("newer", "2025-02-01"), entry("newest", "2025-11-30"), entry("mid", "2024-07-07"))
    )
    assert [g.year for g in view.by_year] == [2025, 2024, 2023]
    assert [c.id for c in view.by_year[0].entries] == ["2025/newest", "2025/newer"]
    assert [c.date_iso for c in view.entries] == sorted((c.date_iso for c in view.entries), reverse=True)


def test_newest_groups_keep_the_newest_entries_by_year_and_count_the_rest() -> None:
    view = build_portfolio_view(corpus_of(*(entry(f"e{i}", f"202{4 + i % 2}-0{1 + i % 9}-01") for i in range(9))))
    assert [(g.year, len(g.entries), g.total) for g in view.by_year] == [(2025, 4, 4), (2024, 5, 5)]
    shown = newest_groups(view.by_year, 6)
    assert [(g.year, len(g.entries), g.total, g.complete) for g in shown] == [(2025, 4, 4, True), (2024, 2, 5, False)]
    assert [c.id for c in shown[1].entries] == [c.id for c in view.by_year[1].entries[:2]]
    assert newest_groups(view.by_year, 4) == view.by_year[:1]
    assert newest_groups((), 10) == ()


def test_pinned_entries_are_featured_and_recent_ones_stand_in_without_any() -> None:
    pinned = build_portfolio_view(corpus_of(entry("a", "2026-01-01"), entry("b", "2024-01-01", pinned=True), entry("c", "2025-01-01")))
    assert [c.id for c in pinned.featured] == ["2024/b"]
    unpinned = build_portfolio_view(corpus_of(*(entry(f"e{i}", f"2026-0{i}-01") for i in range(1, 6))))
    assert unpinned.pinned == ()
    assert [c.id for c in unpinned.featured] == ["2026/e5", "2026/e4", "2026/e3"]


def test_role_highlights_are_its_achievements_pinned_first() -> None:
    view = build_portfolio_view(
        corpus_of(
            make_role("acme"),
            entry("shipped", "2026-05-01", role="acme"),
            entry("pinned-old", "2022-01-01", role="acme", pinned=True),
            entry("read-a-book", "2026-06-01", role="acme", kind="learning"),
            entry("elsewhere", "2026-07-01"),
        )
    )
    (role,) = view.roles
    assert [c.id for c in role.entries] == ["2026/read-a-book", "2026/shipped", "2022/pinned-old"]
    assert [c.id for c in role.highlights] == ["2022/pinned-old", "2026/shipped"]
    assert view.current_roles == (role,)


def test_evidence_of_a_skill_is_the_public_entries_that_name_it() -> None:
    view = build_portfolio_view(
        corpus_of(
            make_skill("python", level=4),
            make_skill("sql", level=5),
            entry("one", "2026-01-01", skills=["python"]),
            entry("two", "2026-02-01", skills=["python", "sql"]),
            entry("secret", "2026-03-01", skills=["python"], visibility="private"),
        )
    )
    assert [s.skill.id for s in view.skills] == ["sql", "python"]  # highest level first
    python = view.evidence_of("python")
    assert python is not None
    assert [c.id for c in python.evidence] == ["2026/two", "2026/one"]
    assert [c.id for c in view.evidence_of("sql").evidence] == ["2026/two"]  # type: ignore[union-attr]


def test_only_public_records_reach_the_view_even_from_a_full_corpus() -> None:
    corpus = corpus_of(
        make_profile(visibility="private"),
        make_role("hidden-co", organization="Hidden Co", visibility="private"),
        make_role("acme"),
        make_skill("negotiation", visibility="private"),
        entry("public-one", "2026-01-01", role="hidden-co", skills=["negotiation"]),
        entry("private-one", "2026-02-01", visibility="private"),
    )
    view = build_portfolio_view(corpus)
    assert view.profile is None
    assert [r.id for r in view.roles] == ["acme"]
    assert [s.skill.id for s in view.skills] == []
    (card,) = view.entries
    assert card.id == "2026/public-one"
    assert card.role is None and card.skills == ()


def test_a_private_skill_on_a_public_entry_is_never_named() -> None:
    corpus = corpus_of(
        make_skill("python"),
        make_skill("negotiation", name="Salary negotiation", visibility="private"),
        entry("talk", "2026-04-21", skills=["python", "negotiation"]),
    )
    for audience in ("public", "private"):
        out = portfolio_part(corpus, context(audience))
        text = "\n".join(p.text for p in out.pages) + "".join(str(f.content) for f in out.files)
        assert "Python" in text
        assert "negotiation" not in text.lower(), audience
    site = build_site(corpus, context("public"))
    assert "negotiation" not in all_text(site).lower()


def test_unsafe_links_are_dropped_and_safe_ones_kept() -> None:
    corpus = corpus_of(
        make_profile(links=[{"label": "Evil", "url": "javascript:alert(1)"}, {"label": "Site", "url": "https://dana.example"}]),
        make_role("acme", url="javascript:alert(2)"),
    )
    view = build_portfolio_view(corpus)
    assert view.profile is not None
    assert [link.url for link in view.profile.links] == ["https://dana.example"]
    assert view.roles[0].url is None
    markdown = "\n".join(p.text for p in portfolio_part(corpus, context()).pages)
    assert "javascript:" not in markdown
    assert 'href="https://dana.example"' in markdown


HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("field", ["name", "headline", "location", "summary", "entry title", "impact", "skill", "role", "tag"])
def test_front_matter_values_are_escaped_on_every_portfolio_page(field: str) -> None:
    profile: dict[str, Any] = {"name": "Dana", "headline": "Engineer", "location": "Berlin"}
    files = []
    if field in profile:
        profile[field] = HOSTILE
    files.append(make_profile(**profile))
    if field == "summary":
        files[0] = ("profile.md", files[0][1].replace(b"A short summary.", f"Hello {HOSTILE}".encode()))
    files += [
        make_skill("python", name=HOSTILE if field == "skill" else "Python"),
        make_role("acme", organization=HOSTILE if field == "role" else "Acme"),
        entry(
            "talk",
            "2026-04-21",
            title=HOSTILE if field == "entry title" else "Talk",
            impact=HOSTILE if field == "impact" else "Many views",
            skills=["python"],
            role="acme",
            tags=[HOSTILE if field == "tag" else "talks"],
        ),
    ]
    site = build_site(corpus_of(*files), context("public"))
    for page in site.pages:
        if field == "summary" and page.src_path in ("index.md", "profile.md"):
            continue  # the profile body is the user's own Markdown, rendered by MkDocs like any page
        soup = BeautifulSoup(page.text, "html.parser")
        assert soup.find("img") is None, page.src_path
        assert [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"] == [], page.src_path
    for file in site.files:
        assert "<script" not in str(file.content), file.dest_path
        assert "<img" not in str(file.content), file.dest_path


def test_home_moves_to_portfolio_only_for_an_index_this_build_shows() -> None:
    public_index = corpus_of(("index.md", b"---\nvisibility: public\n---\n# Mine\n"))
    private_index = corpus_of(("index.md", b"---\nvisibility: private\n---\n# Mine\n"))
    pages = frozenset({"index.md"})
    assert portfolio_paths(public_index.public(), context(user_pages=pages)).home == "portfolio/index.md"
    assert portfolio_paths(private_index.public(), context(user_pages=pages)).home == "index.md"
    assert portfolio_paths(private_index, context("private", user_pages=pages)).home == "portfolio/index.md"
    assert portfolio_paths(corpus_of(), context()).home == "index.md"


def test_a_generated_page_never_replaces_a_users_page() -> None:
    corpus = corpus_of(("resume/index.md", b"---\nvisibility: public\n---\n# My own resume\n"), make_profile())
    site = build_site(corpus, context(user_pages=frozenset({"resume/index.md", "profile.md"})))
    page = site.page("resume/index.md")
    assert page is not None and not page.generated
    assert "My own resume" in page.markdown


def test_the_portfolio_offers_five_nav_items_and_its_exports() -> None:
    out = portfolio_part(corpus_of(make_profile()), context())
    assert [(n.title, n.src_path) for n in out.nav] == [
        ("Home", "index.md"),
        ("Achievements", "achievements/index.md"),
        ("Skills", "skills/index.md"),
        ("Experience", "experience/index.md"),
        ("Résumé", "resume/index.md"),
    ]
    assert {f.dest_path for f in out.files} == {"resume.json", "feed.xml", "assets/careerfolio/portfolio.css"}
    resume = next(p for p in out.pages if p.src_path == "resume/index.md")
    assert resume.meta == {"hide": ["navigation", "toc"]}


def test_plain_text_keeps_words_and_drops_markup() -> None:
    body = "# Heading\n\nI **built** a [tool](https://x.example) for `dbt`.\nIt works.\n\nSecond paragraph."
    assert plain_text(body) == "I built a tool for dbt. It works."
    assert plain_text(body, paragraphs=None) == "I built a tool for dbt. It works. Second paragraph."


def test_plain_text_reads_only_as_many_paragraphs_as_asked_and_drops_quote_marks() -> None:
    body = "> A _quoted_ `start` and [a link](https://example.org).\n  \nSecond **one**.\n\n# Heading\n\nThird"
    assert plain_text(body) == "A quoted start and a link."
    assert plain_text(body, paragraphs=2) == "A quoted start and a link. Second one."
    assert plain_text(body, paragraphs=None) == "A quoted start and a link. Second one. Third"
