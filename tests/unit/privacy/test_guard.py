"""The leak guard: which text becomes a needle, and that it is found in every encoding and file."""

from __future__ import annotations

import gzip
import html
import json
import os
import random
import re
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.privacy import guard
from careerfolio.privacy.guard import Secrets, build_secrets, find_needles, is_meaningful, scan_site, words_of
from helpers import REPO, make_contact, make_entry, make_skill, run_mkdocs, write_site

PRIVATE_TITLE = "Négotiated the “Umbrella” offer & moved on"
PRIVATE_SENTENCE = "The counter-offer from Initech was 81,000 EUR <with> a signing bonus."


def _secrets(*files: tuple[str, bytes], **kwargs: object) -> Secrets:
    return build_secrets(load_corpus(list(files)), **kwargs)  # type: ignore[arg-type]


def _private_corpus_secrets() -> Secrets:
    return _secrets(
        make_entry(path="journal/2026/umbrella.md", title=PRIVATE_TITLE, visibility="private", body=PRIVATE_SENTENCE),
        make_entry(path="journal/2026/public.md", title="Shipped the public thing"),
    )


# -- which text is a needle ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", True),  # two words, 8 characters
        ("Tom Li", False),  # too short to be told from chance
        ("Python", False),  # one common word
        ("supercalifragilistic", True),  # one word of 12 or more
        ("2026-03-01", False),  # a date: no letters
        ("Q3 2024 10 11", False),  # mostly digits
        ("", False),
    ],
    ids=["name", "short-name", "one-word", "long-word", "date", "digits", "empty"],
)
def test_needle_rule(text: str, expected: bool) -> None:
    assert is_meaningful(words_of(text)) is expected


def test_private_titles_bodies_and_names_become_needles() -> None:
    secrets = _secrets(
        make_entry(path="journal/2026/secret-raise.md", title="Asked for the raise", visibility="private", body="Nobody knows this yet."),
        make_entry(people=["jane-doe"]),  # public entry: its people are private
        make_contact("jane-doe", name="Jane Doe", organization="Globex Corporation"),
        make_skill("negotiation", name="Salary negotiation", visibility="private"),
    )
    needles = secrets.source_of
    assert needles(words_of("Asked for the raise")) == "journal/2026/secret-raise.md"
    assert needles(words_of("Nobody knows this yet")) == "journal/2026/secret-raise.md"
    assert needles(words_of("secret-raise")) == "journal/2026/secret-raise.md"
    assert needles(words_of("jane-doe")) in {"journal/2026/entry.md", "network/jane-doe.md"}
    assert needles(words_of("Globex Corporation")) == "network/jane-doe.md"
    assert needles(words_of("Salary negotiation")) == "skills/negotiation.md"
    # The public entry's own text is not a needle.
    assert needles(words_of("Cut the nightly batch")) is None


def test_text_shared_with_a_public_record_is_not_a_needle() -> None:
    shared = "We moved the warehouse to the new cluster"
    secrets = _secrets(
        make_entry(path="journal/a.md", title="Private retro notes", visibility="private", body=shared),
        make_entry(path="journal/b.md", title="Public write-up", body=f"In short: {shared}."),
    )
    text = f"<p>{shared}</p>"
    assert find_needles(text, secrets) == set()
    assert find_needles("<h1>Private retro notes</h1>", secrets) == {"journal/a.md"}


def test_text_the_site_publishes_anyway_is_not_a_needle() -> None:
    secrets = _secrets(
        make_entry(path="journal/a.md", title="Dana Reyes portfolio", visibility="private"),
        public_text=["<title>Dana Reyes portfolio</title>"],
    )
    assert find_needles("Dana Reyes portfolio", secrets) == set()


def test_comments_of_public_bodies_are_needles() -> None:
    secrets = _secrets(make_entry(body="Visible text.\n<!-- remember to ask Carla about the bonus -->"))
    assert find_needles("ask Carla about the bonus", secrets) == {"journal/2026/entry.md"}
    assert find_needles("Visible text.", secrets) == set()


def test_unpublished_files_give_their_names_and_text() -> None:
    secrets = _secrets(
        make_entry(),
        unpublished=[
            ("notes/offer-letter-initech.pdf", None),
            ("notes/budget.txt", "rent: 1450 EUR a month\nsavings goal for the sabbatical"),
        ],
    )
    assert find_needles("/notes/offer-letter-initech.pdf", secrets) == {"notes/offer-letter-initech.pdf"}
    assert find_needles("savings goal for the sabbatical", secrets) == {"notes/budget.txt"}


# -- finding needles -------------------------------------------------------------------


def _html(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _json_ascii(text: str) -> str:
    return json.dumps({"text": text}).replace("/", "\\/")


def _json_unicode_escaped(text: str) -> str:
    return json.dumps({"text": text}, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026")


def _url(text: str) -> str:
    return f'<a href="https://example.com/?q={quote(text)}">x</a>'


def _url_plus(text: str) -> str:
    return f"https://example.com/?q={quote_plus(text)}"


def _markup(text: str) -> str:
    # Markdown emphasis and line breaks between the words.
    words = text.split(" ")
    return "<p>" + " ".join(f"<strong>{w}</strong>\n" if i % 2 else html.escape(w) for i, w in enumerate(words)) + "</p>"


def _attribute(text: str) -> str:
    return f'<meta name="description" content="{html.escape(text)}">'


def _html_twice(text: str) -> str:
    return html.escape(html.escape(text))


ENCODERS = [str, _html, _html_twice, _json_ascii, _json_unicode_escaped, _url, _url_plus, _markup, _attribute, str.upper]


@pytest.mark.parametrize("encode", ENCODERS, ids=lambda f: getattr(f, "__name__", str(f)))
@pytest.mark.parametrize("text", [PRIVATE_TITLE, PRIVATE_SENTENCE], ids=["title", "body"])
def test_needles_are_found_in_every_encoding(encode: object, text: str) -> None:
    secrets = _private_corpus_secrets()
    assert find_needles(encode(text), secrets) == {"journal/2026/umbrella.md"}  # type: ignore[operator]
    assert find_needles(encode("Shipped the public thing"), secrets) == set()  # type: ignore[operator]


def test_part_of_a_long_sentence_is_found() -> None:
    secrets = _private_corpus_secrets()
    # A description cut after a few words still leaks.
    assert find_needles("The counter-offer from Initech…", secrets) == {"journal/2026/umbrella.md"}


@pytest.mark.parametrize(
    "relative",
    ["index.html", ".leak", ".cache/plugin/social/card.txt", "search/search_index.json", "sitemap.xml.gz", "feed.xml.gz"],
)
def test_scan_reads_dot_files_and_gzip(tmp_path: Path, relative: str) -> None:
    secrets = _private_corpus_secrets()
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "clean.html").write_text("<p>Shipped the public thing</p>")
    data = _html(PRIVATE_SENTENCE).encode()
    target.write_bytes(gzip.compress(data) if relative.endswith(".gz") else data)
    hits = scan_site(tmp_path, secrets)
    assert [(hit.output, hit.source) for hit in hits] == [(relative, "journal/2026/umbrella.md")]


def test_scan_reads_file_names(tmp_path: Path) -> None:
    secrets = _secrets(make_entry(path="journal/2026/quit-before-the-merger.md", title="Something", visibility="private"))
    page = tmp_path / "journal" / "2026" / "quit-before-the-merger" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>nothing here</p>")
    # The folder's name is published too, even when nothing is left in it.
    assert [hit.output for hit in scan_site(tmp_path, secrets)] == [
        "journal/2026/quit-before-the-merger",
        "journal/2026/quit-before-the-merger/index.html",
    ]


@pytest.mark.parametrize("href", ["../quit-plan.md", "../../journal/2026/quit-plan/", "https://example.com/journal/2026/quit-plan/"])
def test_links_to_a_private_file_are_found(href: str) -> None:
    secrets = _secrets(
        make_entry(path="journal/2026/quit-plan.md", title="Something", visibility="private"),
        make_entry(path="journal/2026/public.md", body="A [link](quit-plan.md) that the build removes."),
    )
    assert find_needles(f'<a href="{href}">link</a>', secrets) == {"journal/2026/quit-plan.md"}


def test_trusted_copies_are_skipped_but_changed_copies_are_read(tmp_path: Path) -> None:
    secrets = _private_corpus_secrets()
    theme, site = tmp_path / "theme", tmp_path / "site"
    for folder in (theme, site):
        (folder / "assets").mkdir(parents=True)
    (theme / "assets" / "same.js").write_text("var x = 1;")
    (site / "assets" / "same.js").write_text("var x = 1;")
    (theme / "assets" / "changed.js").write_text("var x = 1;")
    (site / "assets" / "changed.js").write_text(f"var x = {json.dumps(PRIVATE_TITLE)};")
    assert [hit.output for hit in scan_site(site, secrets, trusted_dirs=[theme])] == ["assets/changed.js"]


def test_hit_message_names_files_never_text() -> None:
    secrets = _private_corpus_secrets()
    assert find_needles(PRIVATE_TITLE, secrets)
    from careerfolio.privacy.guard import Hit

    message = Hit(".leak", "journal/2026/umbrella.md").format()
    assert ".leak" in message and "journal/2026/umbrella.md" in message
    assert "Umbrella" not in message


# -- the shortcuts of the search find what a plain search finds -------------------------

_WORD = re.compile(r"\w+")


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII words_with_underscores and 81,000 EUR",
        PRIVATE_TITLE,
        "STRASSE straße ﬀ İstanbul ǅemal Σίσυφος",  # case folding changes letters and lengths
        "e\u0301 combining, \u00b2 superscript, \u0663 Arabic digit, 中文 text",
        "a lone \ud800 surrogate, as a JSON escape makes it",
        "no\u00a0break\u2028separator¶·\x85",
        "ascii " * 200 + "Éclair" + " ascii" * 200,  # a few non-ASCII words in much ASCII
        "",
    ],
)
def test_words_are_the_words_of_the_regular_expression(text: str) -> None:
    assert list(words_of(text)) == _WORD.findall(text.casefold())


def test_words_of_random_text_are_the_words_of_the_regular_expression() -> None:
    rng = random.Random(20261122)
    alphabet = "aZ9_ -.,<>&%\\\"'\n\téÉßİﬀ¶·\xa0\u0301²中😀\ud800\u212a"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        if rng.random() < 0.5:
            text = "mostly ascii " * rng.randint(1, 20) + text
        assert list(words_of(text)) == _WORD.findall(text.casefold()), text


def test_a_needle_is_found_where_its_anchor_is_everywhere() -> None:
    secrets = _secrets(make_entry(path="journal/a.md", title="Private", visibility="private", body="the team and the"))
    # Each pair of words of the needle is on the page many times, and never the needle itself.
    noise = " x ".join(["the team", "team and", "and the", "the data"] * 100)
    assert find_needles(f"<p>{noise}</p>", secrets) == set()
    assert find_needles(f"<p>{noise} the team and the {noise}</p>", secrets) == {"journal/a.md"}


@pytest.mark.parametrize("piece", [1, 7, 64 * 1024], ids=["every-tag", "tiny", "default"])
@pytest.mark.parametrize("encode", ENCODERS, ids=lambda f: getattr(f, "__name__", str(f)))
def test_needles_are_found_across_the_pieces_a_text_is_cut_into(monkeypatch: pytest.MonkeyPatch, piece: int, encode: object) -> None:
    monkeypatch.setattr(guard, "_PIECE", piece)
    secrets = _private_corpus_secrets()
    filler = "<p>Shipped the public thing.</p>" * 20
    assert find_needles(filler + encode(PRIVATE_SENTENCE) + filler, secrets) == {"journal/2026/umbrella.md"}  # type: ignore[operator]
    assert find_needles(filler + encode("Shipped the public thing") + filler, secrets) == set()  # type: ignore[operator]


def _one_needle(body: str = "Counteroffer: Initech was late") -> Secrets:
    """One private needle of four words, and the file's name; the anchor is the pair with "counteroffer initech"."""
    return _secrets(make_entry(path="journal/a.md", title="Private", visibility="private", body=body))


def test_one_needle_is_what_the_tests_below_need() -> None:
    # Besides the file's name, which their pages do not hold.
    needles = _one_needle().needles
    assert needles == {4: {hash(("counteroffer", "initech", "was", "late")): "journal/a.md"}, 2: {hash(("journal", "a")): "journal/a.md"}}


# Where in the needle its anchor is: first, second or last pair of words.
AT_START, IN_MIDDLE, AT_END = "Counteroffer: Initech was late", "Late: counteroffer, Initech was", "Late was counteroffer, Initech"


@pytest.mark.parametrize(
    ("body", "page"),
    [
        # Without tags the words follow each other; the tags between them have no words of their own.
        (AT_START, "<p>counteroffer</p> <i></i> <b>initech</b> <i></i> <b>was</b> <i></i> <b>late</b>"),
        # Three words before a cut, one after.
        (AT_START, "<p>counteroffer initech was</p><p>late</p>"),
        # The anchor at the end of a long unit, the needle's last words in the units after.
        (AT_START, "<p>many words that are not private at all and then counteroffer initech</p><b>was</b> <i>late</i>"),
        # The anchor at the start of a long unit, the needle's first word in the unit before.
        (IN_MIDDLE, "<p>late</p><p>counteroffer initech was and then many more words that are not private at all</p>"),
        # The same after a tag of several words, which the view without tags leaves out.
        (IN_MIDDLE, '<p>late</p><p class="lead text">counteroffer initech was and then many more words that are not private</p>'),
        (AT_END, "<p>Late was counteroffer Initech</p>"),
        (AT_END, "<a href='/late/was/counteroffer/initech'>a link</a>"),
        # With tags, from an attribute on over a `<` that starts no tag: only the view with tags has it.
        (AT_START, '<a title="counteroffer">< initech was late'),
    ],
    ids=[
        "empty-tags",
        "three-before-a-cut",
        "anchor-at-end-of-unit",
        "anchor-at-start-of-unit",
        "anchor-after-a-long-tag",
        "anchor-last",
        "in-attribute",
        "attribute-then-lone-lt",
    ],
)
@pytest.mark.parametrize("piece", [1, 64 * 1024], ids=["every-tag", "default"])
def test_a_needle_through_several_units_is_found(monkeypatch: pytest.MonkeyPatch, body: str, page: str, piece: int) -> None:
    monkeypatch.setattr(guard, "_PIECE", piece)
    secrets = _one_needle(body)
    assert find_needles(page, secrets) == {"journal/a.md"}
    assert find_needles(page.replace("late", "early").replace("Late", "Early"), secrets) == set()


@pytest.mark.parametrize(
    "page",
    [
        "<p>Counteroffer &lt;b&gt;Initech&lt;/b&gt; was late</p>",
        '<script>{"text": "Counteroffer \\u003cb\\u003eInitech\\u003c/b\\u003e was late"}</script>',
        '{"text": "Counteroffer \\u003cb\\u003eInitech\\u003c/b\\u003e was late"}',  # no `<` as stored at all
    ],
    ids=["html-escaped", "json-escaped", "json-without-tags"],
)
def test_a_needle_split_by_escaped_tags_is_found(page: str) -> None:
    # Undone, the escapes make tags, which the view without tags leaves out.
    assert find_needles(page, _one_needle()) == {"journal/a.md"}


def test_a_file_name_is_unescaped_too(tmp_path: Path) -> None:
    (tmp_path / "counteroffer%20initech%20was%20late.txt").write_text("nothing here")
    assert [hit.output for hit in scan_site(tmp_path, _one_needle())] == ["counteroffer%20initech%20was%20late.txt"]


def test_text_escaped_twice_is_found() -> None:
    secrets = _secrets(make_entry(path="journal/a.md", title="Private", visibility="private", body="Tom & Jerry's secret"))
    assert find_needles(html.escape(html.escape("Tom & Jerry's secret")), secrets) == {"journal/a.md"}


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_scan_finds_a_needle_across_the_blocks_a_file_is_read_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, compress: bool) -> None:
    monkeypatch.setattr(guard, "_PIECE", 5)
    secrets = _private_corpus_secrets()
    data = ("<p>Shipped the public thing.</p>" * 20 + _markup(PRIVATE_SENTENCE) + "<p>Shipped</p>" * 20).encode()
    (tmp_path / "page.html").write_bytes(gzip.compress(data) if compress else data)
    assert [(hit.output, hit.source) for hit in scan_site(tmp_path, secrets)] == [("page.html", "journal/2026/umbrella.md")]


@pytest.mark.parametrize("length", [1, 40], ids=["short", "long"])  # a long unit is remembered by a digest
def test_a_needle_in_a_unit_seen_before_is_found_in_every_file(tmp_path: Path, length: int) -> None:
    secrets = _one_needle()
    paragraph = " ".join(["Shipped the public thing."] * length + ["Counteroffer, Initech was late."] + ["Shipped."] * length)
    for i in range(3):
        (tmp_path / f"page{i}.html").write_text(f"<html><p>{paragraph}</p><p>Page {i}</p></html>")
    assert [(hit.output, hit.source) for hit in scan_site(tmp_path, secrets)] == [(f"page{i}.html", "journal/a.md") for i in range(3)]


@pytest.mark.parametrize("length", [1, 40], ids=["short", "long"])
def test_a_unit_seen_before_is_searched_with_its_neighbours(tmp_path: Path, length: int) -> None:
    secrets = _one_needle()
    # The same paragraph ends with the first words of the needle; only where the next words finish it is it a leak.
    paragraph = "Shipped the public thing. " * length + "We got the counteroffer: Initech"
    (tmp_path / "a.html").write_text(f"<p>{paragraph}</p><p>somewhere else</p>")
    (tmp_path / "b.html").write_text(f"<p>{paragraph}</p><p>was late</p>")
    (tmp_path / "c.html").write_text(f"<p>{paragraph}</p><p>was early</p>")
    assert [hit.output for hit in scan_site(tmp_path, secrets)] == ["b.html"]


def test_one_word_needles_are_found_and_public_ones_dropped() -> None:
    secrets = _secrets(
        make_entry(path="journal/a.md", title="Supercalifragilistic", visibility="private"),
        make_entry(path="journal/b.md", title="Extraordinarily", visibility="private"),
        make_entry(path="journal/c.md", title="Extraordinarily", body="Public."),
    )
    assert find_needles("<h1>Supercalifragilistic</h1>", secrets) == {"journal/a.md"}
    assert find_needles("<h1>Extraordinarily</h1>", secrets) == set()


def test_public_text_with_markup_is_public_as_a_reader_sees_it() -> None:
    secrets = _secrets(
        make_entry(path="journal/a.md", title="Private", visibility="private", body="Dana Reyes joined"),
        make_entry(path="journal/b.md", body="Welcome <b>Dana</b> Reyes joined us."),
    )
    assert find_needles("Dana Reyes joined", secrets) == set()


# -- the guard in a real build ---------------------------------------------------------


def test_a_planted_leak_fails_the_build_and_names_files_only(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        [
            make_entry(path="journal/2026/umbrella.md", title=PRIVATE_TITLE, visibility="private", body=PRIVATE_SENTENCE),
            make_entry(path="journal/2026/public.md", title="Shipped the public thing"),
        ],
    )
    first = run_mkdocs(root, "build", "--strict")
    assert first.returncode == 0, first.stderr
    # A stale dot file survives MkDocs' cleaning of the site folder; the guard must read it.
    stale = root / "site" / ".backup" / "notes.json"
    stale.parent.mkdir()
    stale.write_text(json.dumps({"note": PRIVATE_SENTENCE}))
    second = run_mkdocs(root, "build", "--strict")
    assert second.returncode != 0
    assert "site/.backup/notes.json" in second.stderr
    assert "journal/2026/umbrella.md" in second.stderr
    for word in ("Initech", "81,000", "Umbrella", "counter"):
        assert word not in second.stderr + second.stdout
    assert not stale.exists(), "the leaking file stays in the site folder"
    # With the stale file gone the next build passes.
    assert run_mkdocs(root, "build", "--strict").returncode == 0


def test_a_dirty_public_build_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path, [make_entry()])
    result = run_mkdocs(root, "build", "--dirty")
    assert result.returncode != 0
    assert "without --dirty" in result.stderr
    assert not (root / "site" / "index.html").exists()


# -- runs last, reads only regular files, up to a cap ----------------------------------------


def test_the_guard_is_the_last_post_build_handler() -> None:
    # on_post_build is MkDocs' last build event; -100 puts the guard after every plugin and hook at the default 0.
    # (The CLI calls on_shutdown after the build, and gh-deploy pushes after that: see the README.)
    from careerfolio.adapters.mkdocs.plugin import CareerfolioPlugin

    assert CareerfolioPlugin.on_post_build.mkdocs_priority == -100  # type: ignore[attr-defined]


def test_a_link_is_a_name_never_read(tmp_path: Path) -> None:
    secrets = _private_corpus_secrets()
    outside = tmp_path / "outside.txt"
    outside.write_text(PRIVATE_SENTENCE)
    site = tmp_path / "site"
    site.mkdir()
    (site / ".x").symlink_to("/dev/zero")
    (site / "copy.txt").symlink_to(outside)
    (site / "folder").symlink_to(tmp_path)
    hits = scan_site(site, secrets)
    # Each link is reported (a deploy may publish what it points at), and none is followed: /dev/zero never ends.
    assert [(hit.output, hit.source, hit.problem) for hit in hits] == [
        (".x", "", guard.LINK_PROBLEM),
        ("copy.txt", "", guard.LINK_PROBLEM),
        ("folder", "", guard.LINK_PROBLEM),
    ]


def test_a_link_with_a_private_name_is_found_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "counteroffer-initech-was-late").symlink_to("/dev/zero")
    hits = scan_site(tmp_path, _one_needle())
    assert {(hit.source, hit.problem) for hit in hits} == {("", guard.LINK_PROBLEM), ("journal/a.md", "")}


def test_a_file_over_the_cap_is_reported_not_passed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(guard, "MAX_FILE_BYTES", 1000)
    (tmp_path / "small.html").write_text("<p>public</p>" * 10)
    (tmp_path / "big.bin").write_bytes(b"\0" * 1001)
    (tmp_path / "bomb.gz").write_bytes(gzip.compress(b"a" * 5000))  # small on disk, over the cap inflated
    (tmp_path / "ok.gz").write_bytes(gzip.compress(b"a" * 900))
    hits = scan_site(tmp_path, _one_needle())
    assert [(hit.output, hit.problem) for hit in hits] == [("big.bin", guard.TOO_LARGE_PROBLEM), ("bomb.gz", guard.TOO_LARGE_PROBLEM)]


def test_the_cap_is_documented() -> None:
    repo = REPO
    documented = "".join(path.read_text(encoding="utf-8") for path in [repo / "README.md", *(repo / "docs").glob("*.md")])
    assert f"{guard.MAX_FILE_BYTES // (1024 * 1024)} MiB" in documented


# -- folder names, and what is removed -----------------------------------------------------


def test_an_empty_folder_with_a_private_name_is_found(tmp_path: Path) -> None:
    (tmp_path / "assets" / "counteroffer-initech-was-late").mkdir(parents=True)
    (tmp_path / "assets" / "public").mkdir()
    assert [(hit.output, hit.source) for hit in scan_site(tmp_path, _one_needle())] == [
        ("assets/counteroffer-initech-was-late", "journal/a.md")
    ]


def test_removing_leaks_removes_the_folders_it_empties(tmp_path: Path) -> None:
    (tmp_path / "journal" / "2026" / "quit-plan").mkdir(parents=True)
    (tmp_path / "journal" / "2026" / "quit-plan" / "index.html").write_text("leak")
    (tmp_path / "journal" / "2026" / "public").mkdir()
    (tmp_path / "journal" / "2026" / "public" / "index.html").write_text("public")
    (tmp_path / "secret-folder" / "deep").mkdir(parents=True)
    (tmp_path / "secret-folder" / "deep" / "a.txt").write_text("x")
    (tmp_path / "empty-before").mkdir()  # an empty folder that leaks nothing stays
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("kept")
    (tmp_path / ".x").symlink_to(outside)
    guard.remove_outputs(tmp_path, ["journal/2026/quit-plan/index.html", "secret-folder", ".x"])
    left = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    assert left == ["empty-before", "journal", "journal/2026", "journal/2026/public", "journal/2026/public/index.html"]
    assert outside.read_text() == "kept", "a link is removed, never what it points at"


# -- what a reader does not see inside a word ------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<p>Counter\u00adoffer: Ini\u00adtech was late</p>",
        "<p>Counter&shy;offer: Ini&#173;tech was la&#xAD;te</p>",
        '{"text": "Counter\\u00adoffer: Initech was late"}',
        "<p>Counter\u200boffer: Ini\u200ctech w\u200das l\u2060a\ufeffte</p>",
        "<p>Counter<em>offer</em>: Ini<strong>tech</strong> was <span>l</span>ate</p>",
        "<p>Counter<wbr>offer: Initech was late</p>",
        "<p>Counter&shy;<wbr>offer: Initech was late</p>",
        "<p>Counter\u00ad<em>offer</em>: Initech was late</p>",
        '<meta name="description" content="Counter&shy;offer: Initech was late">',
        "https://example.com/?q=Counter%C2%ADoffer%20Initech%20was%20late",
    ],
    ids=[
        "soft-hyphen",
        "shy-references",
        "json-escape",
        "zero-width",
        "inline-tags",
        "wbr",
        "shy-and-wbr",
        "shy-and-em",
        "attribute",
        "url",
    ],
)
@pytest.mark.parametrize("piece", [1, 64 * 1024], ids=["every-tag", "default"])
def test_characters_and_tags_inside_a_word_do_not_split_it(monkeypatch: pytest.MonkeyPatch, page: str, piece: int) -> None:
    monkeypatch.setattr(guard, "_PIECE", piece)
    assert find_needles(page, _one_needle("Counteroffer: Initech was late")) == {"journal/a.md"}


@pytest.mark.parametrize(
    "page",
    [
        "<p>Counter</p><p>offer: Initech was late</p>",
        "<li>Counter</li><li>offer: Initech was late</li>",
        "<h2>Counter</h2>offer: Initech was late",
        "<td>Counter</td><td>offer: Initech was late</td>",
        "Counter<br>offer: Initech was late",
        "<div>Counter</div><div>offer: Initech was late</div>",
    ],
)
def test_block_boundaries_still_separate_words(page: str) -> None:
    assert find_needles(page, _one_needle("Counteroffer: Initech was late")) == set()


def test_private_text_written_with_a_soft_hyphen_is_found_without_one() -> None:
    secrets = _one_needle("Counter\u00adoffer: Ini<wbr>tech was *la*te")
    assert find_needles("<p>Counteroffer Initech was late</p>", secrets) == {"journal/a.md"}


# -- any run of WINDOW words, wherever it starts ------------------------------------------------

TEN_WORDS = "Alpha bravo charlie delta echo foxtrot golf hotel india juliet"


@pytest.mark.parametrize("start", range(7))
def test_a_copy_of_any_four_words_is_found_wherever_it_starts(start: int) -> None:
    secrets = _one_needle(TEN_WORDS)
    words = TEN_WORDS.split()
    assert find_needles(f"<p>x {' '.join(words[start : start + 4])} y</p>", secrets) == {"journal/a.md"}
    assert find_needles(f"<p>x {' '.join(words[start : start + 3])} y</p>", secrets) == set()


# -- no alarm on public text alone ---------------------------------------------------------


def test_public_titles_side_by_side_are_no_leak() -> None:
    # A private sentence that a list of public titles happens to spell across two items.
    secrets = _secrets(
        make_entry(
            path="journal/a.md",
            title="Quiet notes",
            visibility="private",
            body="We shipped the billing service to production on Friday",
        ),
        make_entry(path="journal/b.md", title="How we shipped the billing"),
        make_entry(path="journal/c.md", title="Service to production in a week"),
        make_entry(path="journal/d.md", title="Moved to Berlin", tags=["production"]),
    )
    lists = [
        "<ul><li>How we shipped the billing</li><li>Service to production in a week</li></ul>",
        '[{"title":"How we shipped the billing"},{"title":"Service to production in a week"}]',
        "<item><title>How we shipped the billing</title></item><item><title>Service to production in a week</title></item>",
    ]
    for page in lists:
        assert find_needles(page, secrets) == set(), page
    # Copied as it is, the sentence is a leak.
    assert find_needles("<p>We shipped the billing service to production on Friday</p>", secrets) == {"journal/a.md"}
    # A private run that no public texts can form side by side is a leak however the page is laid out.
    assert find_needles("<li>How we shipped the billing</li><li>service to production on Friday</li>", secrets) == {"journal/a.md"}


def test_a_short_public_text_between_two_others_is_no_leak() -> None:
    secrets = _secrets(
        make_entry(path="journal/a.md", title="Quiet notes", visibility="private", body="Billing service python production"),
        make_entry(path="journal/b.md", title="Rebuilt the billing service", tags=["python"]),
        make_entry(path="journal/c.md", title="Production readiness review"),
    )
    assert find_needles("<li>Rebuilt the billing service</li><li>python</li><li>Production readiness review</li>", secrets) == set()


def test_a_comment_shown_as_code_is_public_text() -> None:
    body = "Write notes like this:\n\n```html\n<!-- note to self: ask for the raise -->\n```\n\nOr `<!-- inline remark for later -->`.\n"
    secrets = _secrets(make_entry(path="journal/a.md", body=body + "<!-- the real private comment here -->"))
    shown = "<pre><code>&lt;!-- note to self: ask for the raise --&gt;</code></pre><code>&lt;!-- inline remark for later --&gt;</code>"
    assert find_needles(shown, secrets) == set()
    assert find_needles("the real private comment", secrets) == {"journal/a.md"}


# -- the guard in a real build: what this issue added ------------------------------------------


def test_a_file_another_plugin_writes_after_the_build_is_read(tmp_path: Path) -> None:
    # A hook runs at the default priority, as most plugins do; the guard runs after it.
    root = write_site(
        tmp_path,
        [make_entry(path="journal/2026/umbrella.md", title=PRIVATE_TITLE, visibility="private", body=PRIVATE_SENTENCE)],
        extra_config="hooks:\n  - hooks.py\n",
    )
    (root / "hooks.py").write_text(
        "from pathlib import Path\n\n"
        "def on_post_build(config):\n"
        f"    (Path(config['site_dir']) / 'late.txt').write_text({PRIVATE_SENTENCE!r})\n"
    )
    result = run_mkdocs(root, "build")
    assert result.returncode != 0
    assert "site/late.txt: contains text of the private file journal/2026/umbrella.md" in result.stderr
    assert not (root / "site" / "late.txt").exists()


def test_a_stale_link_to_dev_zero_fails_the_build_without_being_read(tmp_path: Path) -> None:
    root = write_site(tmp_path, [make_entry()])
    assert run_mkdocs(root, "build").returncode == 0
    (root / "site" / ".x").symlink_to("/dev/zero")
    result = run_mkdocs(root, "build")  # reading /dev/zero would never end (timeout) or run out of memory
    assert result.returncode != 0
    assert f"site/.x: {guard.LINK_PROBLEM}" in result.stderr
    assert not (root / "site" / ".x").is_symlink()
    assert run_mkdocs(root, "build").returncode == 0


def test_leaking_folders_are_removed_with_their_files(tmp_path: Path) -> None:
    root = write_site(tmp_path, [make_entry(path="journal/2026/quit-before-the-merger.md", title="Something", visibility="private")])
    assert run_mkdocs(root, "build").returncode == 0
    stale = root / "site" / ".old" / "journal" / "2026" / "quit-before-the-merger"
    stale.mkdir(parents=True)
    (stale / "index.html").write_text("<p>nothing private here but the folder's name</p>")
    result = run_mkdocs(root, "build")
    assert result.returncode != 0
    assert "site/.old/journal/2026/quit-before-the-merger/index.html" in result.stderr
    assert not (root / "site" / ".old").exists(), "the folders the guard emptied are left behind"


def test_a_public_page_showing_a_comment_as_code_builds(tmp_path: Path) -> None:
    body = "Mark a note like this:\n\n```html\n<!-- a note to myself about the offer -->\n```\n"
    root = write_site(tmp_path, [make_entry(body=body)])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "a note to myself about the offer" in (root / "site" / "journal" / "2026" / "entry" / "index.html").read_text()


def test_public_titles_side_by_side_do_not_stop_the_build(tmp_path: Path) -> None:
    # The search index, the feed and the lists put these titles next to each other, spelling the private sentence.
    root = write_site(
        tmp_path,
        [
            make_entry(
                path="journal/2026/a.md", title="Quiet notes", visibility="private", body="We shipped the billing service to production."
            ),
            make_entry(path="journal/2026/b.md", date="2026-03-02", title="How we shipped the billing"),
            make_entry(path="journal/2026/c.md", date="2026-03-01", title="Service to production"),
        ],
    )
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr


def test_every_member_of_a_gzip_file_is_read(tmp_path: Path) -> None:
    # gzip allows several members one after another; all of them are the file.
    (tmp_path / "feed.xml.gz").write_bytes(gzip.compress(b"<p>public</p>") + gzip.compress(b"<p>Counteroffer: Initech was late</p>"))
    assert [(hit.output, hit.source) for hit in scan_site(tmp_path, _one_needle())] == [("feed.xml.gz", "journal/a.md")]


def test_a_folder_that_cannot_be_listed_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "page.html").write_text("<p>Counteroffer: Initech was late</p>")
    listing = os.scandir

    def scandir(path: str | Path) -> object:
        # As for a folder without read permission (root reads any folder, so chmod cannot show it here).
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(guard.os, "scandir", scandir)
    assert [(hit.output, hit.problem) for hit in scan_site(tmp_path, _one_needle())] == [("locked", guard.UNREADABLE_PROBLEM)]


def test_window_table_answers_as_the_dict_it_replaces() -> None:
    # Long lines' windows overwrite (dict.update), so of equal hashes the last wins; they also win over
    # needles of WINDOW words set another way (setdefault); hashes of either sign; absent ones are absent.
    rng = random.Random(7)
    pool = [rng.randrange(-(1 << 63), 1 << 63) for _ in range(300)] + [-(1 << 63), (1 << 63) - 1, 0, -1]
    others = {pool[0]: "short.md", pool[-1]: "short.md", 12345: "name.md"}
    reference = dict(others)
    builder = guard._WindowTable.Builder()
    for source in ("a.md", "b.md", "a.md", "c.md"):
        hashes = [rng.choice(pool) for _ in range(rng.randrange(0, 200))]
        builder.add(source, iter(hashes))
        reference.update(zip(hashes, [source] * len(hashes), strict=True))
    table = builder.finish(others)
    assert isinstance(table, guard._WindowTable)
    assert dict(table) == reference
    assert len(table) == len(reference)
    for key in [*pool, 12345, 99, -99]:
        assert (key in table) is (key in reference)
        assert table.get(key) == reference.get(key)
    with pytest.raises(KeyError):
        table[99]


def test_a_window_in_two_private_files_names_the_one_read_last() -> None:
    # As when the windows were a dict: the file whose windows were collected last (the corpus' order) is named.
    line = "the migration plan for the warehouse cluster moved in march"
    corpus = load_corpus(
        [
            make_entry(path="journal/a.md", title="One", visibility="private", body=line),
            make_entry(path="journal/b.md", title="Two", visibility="private", body=line),
        ]
    )
    last = corpus.entries[-1].path
    assert build_secrets(corpus).source_of(("migration", "plan", "for", "the")) == last
