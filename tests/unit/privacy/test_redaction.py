"""Redaction of public bodies: HTML comments and links to pages that are not public."""

from __future__ import annotations

import datetime as dt

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.plan.site import BuildContext, build_site
from careerfolio.privacy.redaction import COMMENT_UNCLOSED, LINK_REMOVED, redact_corpus, redact_markdown
from careerfolio.settings import Settings
from helpers import make_entry, make_skill

HIDDEN = frozenset({"journal/secret.md", "journal/secret", "journal/secret/", "journal/secret.html"})


def _redact(markdown: str, first_line: int = 1) -> tuple[str, list[tuple[int | None, str]]]:
    out, problems = redact_markdown("journal/public.md", markdown, HIDDEN, first_line)
    return out, [(p.line, p.message) for p in problems]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("See [the plan](secret.md).", "See the plan."),
        ("See [the plan](secret.md#costs 'Title').", "See the plan."),
        ("See [the plan](./secret/).", "See the plan."),
        ("See [the plan](/journal/secret.md).", "See the plan."),
        ("See ![chart](secret.md).", "See chart."),
        ('See <a href="secret.md" class="x">the plan</a>.', 'See <a class="x">the plan</a>.'),
        ("See [the plan][p] and [p].\n\n[p]: secret.md\n", "See the plan and p.\n\n\n"),
    ],
    ids=["inline", "anchor-title", "url", "absolute", "image", "html", "reference"],
)
def test_links_to_hidden_pages_are_removed_and_reported(markdown: str, expected: str) -> None:
    out, problems = _redact(markdown)
    assert out == expected
    assert problems and all(message == LINK_REMOVED for _, message in problems)


def test_other_links_and_code_are_kept() -> None:
    markdown = "[public](other.md) [site](https://example.com/secret.md)\n\n```\n[code](secret.md) <!-- shown -->\n```\n`<!-- code -->`\n"
    out, problems = _redact(markdown)
    assert out == markdown
    assert problems == []


def test_comments_are_removed_and_lines_keep_their_numbers() -> None:
    markdown = "One <!-- note --> two.\n<!--\nprivate\nlines\n-->\n[x](secret.md)\n"
    out, problems = _redact(markdown, first_line=5)
    assert "note" not in out and "private" not in out
    assert out.count("\n") == markdown.count("\n")
    assert problems == [(10, LINK_REMOVED)]


def test_an_indented_fence_does_not_protect_a_comment() -> None:
    # Python-Markdown renders this "fence" as text and the comment as a real comment.
    out, _ = _redact(" ```\n<!-- private -->\n ```\n")
    assert "private" not in out


def test_an_unclosed_comment_hides_the_rest() -> None:
    out, problems = _redact("Visible.\n\n<!-- forgot to close\nsalary 90k\n")
    assert out.strip() == "Visible."
    assert problems == [(3, COMMENT_UNCLOSED)]


def test_the_message_never_names_the_hidden_page() -> None:
    _, problems = redact_markdown("journal/public.md", "[Quit in March](secret.md)", HIDDEN)
    assert problems[0].format() == f"journal/public.md:1: warning: {LINK_REMOVED}"


def test_redact_corpus_points_at_the_line_in_the_file() -> None:
    files = [
        make_entry(path="journal/public.md", body="First line.\n\nSee [why](secret.md)."),
        make_entry(path="journal/secret.md", title="Why I quit", visibility="private"),
    ]
    corpus = load_corpus(files)
    redacted, problems = redact_corpus(corpus.public(), [path for path, _ in files])
    (entry,) = redacted.entries
    assert entry.body.rstrip() == "First line.\n\nSee why."
    # Front matter: 6 lines (--- + 4 fields + ---), so the body starts on line 7.
    assert [p.format() for p in problems] == [f"journal/public.md:9: warning: {LINK_REMOVED}"]


def test_build_site_redacts_public_builds_only() -> None:
    files = [
        make_entry(path="journal/public.md", body="<!-- a private note -->\n[why](secret.md)"),
        make_entry(path="journal/secret.md", title="Why I quit", visibility="private"),
        make_skill("python", visibility="public"),
    ]
    corpus = load_corpus(files)
    paths = frozenset(path for path, _ in files)
    for audience in ("public", "private"):
        context = BuildContext(audience=audience, today=dt.date(2026, 11, 22), settings=Settings(), user_pages=paths)  # type: ignore[arg-type]
        page = build_site(corpus, context).page("journal/public.md")
        assert page is not None
        assert ("a private note" in page.markdown) is (audience == "private")
        assert ("secret.md" in page.markdown) is (audience == "private")
