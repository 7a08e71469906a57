"""The site plan: record pages keep our header apart from the user's Markdown, and both count for links."""

from __future__ import annotations

from bs4 import BeautifulSoup

from careerfolio.content.corpus import load_corpus
from careerfolio.plan.site import ENTRY_HEADERS_PER_RENDER, BuildContext, Site, UsersOutput, build_site, entry_header_batches
from careerfolio.settings import Settings
from careerfolio.views.searchtext import search_text
from helpers import TODAY, make_entry, make_role, make_skill


def _public_site(files: list[tuple[str, bytes]], assets: list[str]) -> Site:
    corpus = load_corpus(files)
    return build_site(corpus, BuildContext("public", TODAY, Settings(), user_pages=frozenset(p for p, _ in files)), assets)


def test_a_record_page_shares_the_records_body_and_keeps_the_header_apart() -> None:
    site = _public_site([make_entry(path="journal/2026/win.md", title="Won", body="What *happened*.")], [])
    page = site.page("journal/2026/win.md")
    assert page is not None
    entry = load_corpus([make_entry(path="journal/2026/win.md", title="Won", body="What *happened*.")]).entries[0]
    assert page.markdown == entry.body
    header = page.header_html()
    assert header.startswith("<div") and "Won" in header and "happened" not in header
    assert page.text == f"{header}\n\n{page.markdown}"


def test_each_fact_of_an_entry_ends_as_a_sentence_once() -> None:
    """Hidden full stops separate the facts for search and plain-text readers, but never double one."""
    files = [
        make_role("acme", organization="Acme Inc.", title="Engineer"),
        make_entry(impact="Halved the bill!", role="acme", tags=["ops", "cost"]),
    ]
    site = build_site(load_corpus(files, Settings()), BuildContext(audience="private", today=TODAY, settings=Settings()))
    page = site.page("journal/2026/entry.md")
    assert page is not None
    expected = (
        "Date: 2026-03-14. Kind: achievement. Impact: Halved the bill! Levels: Job performance. Role: Engineer, Acme Inc. Tags: ops, cost."
    )
    assert search_text(page.header_html()) == expected


def test_an_entry_header_links_known_skills_and_names_unknown_ones_only_privately() -> None:
    files = [
        make_skill("python"),
        make_skill("secret-sauce", name="Secret sauce", visibility="private"),
        make_entry(path="journal/2026/win.md", skills=["python", "secret-sauce", "cobol"], role="nowhere"),
    ]
    corpus = load_corpus(files, Settings())

    def chips(audience: str, directory_urls: bool) -> list[tuple[str, str | None]]:
        context = BuildContext(audience, TODAY, Settings(), use_directory_urls=directory_urls)  # type: ignore[arg-type]
        page = build_site(corpus, context).page("journal/2026/win.md")
        assert page is not None
        soup = BeautifulSoup(page.header_html(), "html.parser")
        assert "Role" not in soup.get_text()  # a role id that names no file is not shown
        return [(chip.get_text(), chip.get("href")) for chip in soup.select(".cf-chip")]

    secret = "Secret sauce"
    assert chips("private", True) == [("Python", "../../../skills/python/"), (secret, "../../../skills/secret-sauce/"), ("cobol", None)]
    assert chips("private", False) == [("Python", "../../skills/python.html"), (secret, "../../skills/secret-sauce.html"), ("cobol", None)]
    assert chips("public", True) == [("Python", "../../../skills/python/")]


def test_where_the_users_files_land_decides_what_clashes() -> None:
    users = UsersOutput(["achievements.md", "notes/index.md"], ["feed.xml"], use_directory_urls=True)
    clash = users.clash("achievements/index.md", page=True)
    assert clash is not None and clash.path == "achievements.md" and clash.is_error and "achievements/index.html" in clash.message
    assert users.clash("feed.xml", page=False) is not None
    assert users.clash("resume.json", page=False) is None
    assert users.clash("skills/index.md", page=True) is None
    # With flat URLs achievements.md is achievements.html, out of the generated page's way.
    assert UsersOutput(["achievements.md"], [], use_directory_urls=False).clash("achievements/index.md", page=True) is None


def test_a_private_page_in_a_public_build_is_not_in_the_way_of_a_generated_one() -> None:
    private_page = ("achievements.md", b"---\nvisibility: private\n---\n# Mine\n")
    site = _public_site([make_entry(), private_page], [])
    assert site.page("achievements/index.md") is not None
    assert not [p for p in site.problems if "careerfolio writes" in p.message]


def test_entry_headers_rendered_in_batches_are_those_rendered_one_by_one() -> None:
    # More entries than a batch holds, with every kind of fact, some with "<" and "&" in them to escape.
    files = [make_skill("python"), make_role("acme", organization="Acme & Co", title="Engineer")]
    for n in range(ENTRY_HEADERS_PER_RENDER + 5):
        facts = {"impact": f"Saved <{n}> hours!", "skills": ["python", "cobol"], "role": "acme", "tags": ["a", f"t{n}."]} if n % 2 else {}
        files.append(make_entry(path=f"journal/2026/e{n:03d}.md", title=f"Entry {n} & <more>", **facts))
    corpus = load_corpus(files, Settings())
    context = BuildContext(audience="private", today=TODAY, settings=Settings())
    back = ("achievements/index.md", "Achievements")
    batches = entry_header_batches(corpus, context, back)
    alone = {entry.path: batches[entry.path].render([entry])[0] for entry in corpus.entries}
    assert len(set(map(id, batches.values()))) == 2
    for entry in reversed(corpus.entries):
        assert batches[entry.path].header(entry.path) == alone[entry.path]
    entry = corpus.entries[0]
    assert batches[entry.path].header(entry.path) == alone[entry.path]  # asked for again: rendered again
    assert alone[entry.path].startswith('<div class="cf-record cf-entry">') and alone[entry.path].endswith("</div>")
    assert "&lt;" in alone["journal/2026/e001.md"] and "end of an entry header" not in "".join(alone.values())
    site = build_site(corpus, context)
    assert [page.header_html() for page in site.pages if page.src_path in alone] == [alone[entry.path] for entry in corpus.entries]
