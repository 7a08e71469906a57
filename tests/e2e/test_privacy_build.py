"""A real public build of a site full of private marker words publishes none of them.

Every private thing carries a unique marker: private entries (title, body,
tags, impact, file name), the private fields of public entries (people and
the contacts they name), private ordinary pages, private non-Markdown files,
files with errors, editor backups, `.MD` files and links out of docs_dir. The
whole output (pages, nav, search index, sitemap and its .gz, 404.html, file
names) is searched for each marker as written, HTML-escaped, JSON-escaped and
URL-encoded. A private build of the same site shows the markers, so the search
itself is known to work.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from careerfolio.privacy.redaction import LINK_REMOVED
from helpers import (
    front_matter,
    make_checkup,
    make_contact,
    make_decision,
    make_entry,
    make_profile,
    make_role,
    make_skill,
    output_text,
    run_mkdocs,
    write_site,
)

DECORATION = " “Ünïcode” & <b>bold</b> 'q' / 50%"

# Marker word -> where it sits. Each one must be absent from the public site.
PRIVATE_MARKERS = {
    "mkentrytitle": "title of a private entry",
    "mkentrybody": "body of a private entry",
    "mkentrytag": "tag of a private entry",
    "mkentryimpact": "impact of a private entry",
    "mkentryfile": "file name of a private entry",
    "mkpeopleid": "people id on a public entry",
    "mkcontactname": "name of the contact a public entry names",
    "mkcomment": "HTML comment in a public entry",
    "mkpagetitle": "title of a private ordinary page",
    "mkpagebody": "body of a private ordinary page",
    "mkpagefile": "file name of a private ordinary page",
    "mkassetfile": "file name of a private non-Markdown file",
    "mkassetbody": "text of a private non-Markdown file",
    "mkskillname": "name of a private skill",
    "mkroletitle": "title of a private role",
    "mkcheckupaction": "action of a check-up",
    "mkdecisiontitle": "title of a decision",
    "mklayofftask": "task of the layoff plan",
    "mkbrokenbody": "body of a public entry whose front matter is broken",
    "mkbadvisibility": "entry whose visibility is not exactly public",
    "mkupperbody": "body of a public entry saved as .MD",
    "mkbackupbody": "editor backup of a public entry",
    "mksymlinkbody": "Markdown reached through a link out of docs_dir",
}
PUBLIC_MARKERS = ("mkpublictitle", "mkpublicbody", "mkpublicfile")


def _title(word: str) -> str:
    return f"{word.capitalize()}{DECORATION}"


def _site_files(outside: Path) -> list[tuple[str, bytes]]:
    files = [
        make_entry(
            path="journal/2026/mkpublicfile.md",
            title=_title("mkpublictitle"),
            people=["mkpeopleid"],
            body=(
                "The mkpublicbody paragraph.\n\n<!-- mkcomment: ask for a raise -->\n\n"
                " ```\n<!-- mkcomment in a fence that Markdown does not see -->\n ```\n\n"
                "See [the private one](mkentryfile.md) and ![chart](chart.svg).\n"
            ),
        ),
        make_entry(
            path="journal/2026/mkentryfile.md",
            date="2026-04-01",
            title=_title("mkentrytitle"),
            tags=["mkentrytag"],
            impact=f"mkentryimpact{DECORATION}",
            visibility="private",
            body=f"The mkentrybody paragraph{DECORATION}.",
        ),
        make_entry(path="journal/2026/unsure.md", title=_title("mkbadvisibility"), visibility="Public"),
        make_contact("mkpeopleid", name=_title("mkcontactname")),
        make_skill("python"),
        make_skill("mkskill", name=_title("mkskillname"), visibility="private"),
        make_role("acme"),
        make_role("mkrole", title=_title("mkroletitle"), visibility="private"),
        make_checkup(actions=[_title("mkcheckupaction")]),
        make_decision("mkdecision", title=_title("mkdecisiontitle")),
        make_profile(),
        ("layoff-plan.md", b"---\nreviewed: 2026-09-01\n---\n- [ ] Mklayofftask with a reference\n"),
        ("notes/mkpagefile.md", front_matter({"title": _title("mkpagetitle")}, "The mkpagebody paragraph.")),
        ("notes/mkassetfile.txt", b"mkassetbody: the offer letter\n"),
        ("journal/2026/chart.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><text>ok</text></svg>'),
        ("journal/2026/broken.md", b"---\nvisibility: public\ntitle: Update: v2\ndate: 2026-01-01\n---\nmkbrokenbody\n"),
        ("journal/2026/upper.MD", front_matter({"date": "2026-01-02", "title": "Upper", "visibility": "public"}, "mkupperbody")),
        ("journal/2026/mkpublicfile.md~", front_matter({"title": "Backup", "visibility": "public"}, "mkbackupbody")),
    ]
    (outside / "secret.md").write_bytes(front_matter({"title": "Linked", "visibility": "public"}, "mksymlinkbody"))
    # A folder below the linked one: the link is a parent of the file's own folder.
    (outside / "deeper").mkdir()
    (outside / "deeper" / "nested.md").write_bytes(front_matter({"title": "Nested", "visibility": "public"}, "mksymlinkbody"))
    return files


def _forms(text: str) -> set[str]:
    """`text` as it could appear in HTML, JSON, URLs and XML."""
    return {
        text,
        html.escape(text),
        html.escape(text, quote=False),
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
        json.dumps(text)[1:-1].replace("/", "\\/"),
        quote(text),
        quote_plus(text),
        quote(text, safe=""),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("markers")
    outside = tmp_path_factory.mktemp("outside")
    # With a site_url, the sitemap lists every page, so it can leak.
    write_site(root, _site_files(outside), extra_config="site_url: https://example.com/career/\n")
    os.symlink(outside / "secret.md", root / "content" / "linked.md")
    os.symlink(outside, root / "content" / "linked-folder")
    public = run_mkdocs(root, "build")
    private = run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": "private"})
    return {
        "root": root,
        "public": public,
        "private": private,
        "public_out": output_text(root / "site") if public.returncode == 0 else {},
        "private_out": output_text(root / "site-private") if private.returncode == 0 else {},
    }


def _everything(out: dict[str, str]) -> str:
    # File names are published too.
    return "\n".join(f"{name}\n{text}" for name, text in out.items()).lower()


def test_the_public_build_passes_its_leak_guard(built: dict[str, object]) -> None:
    result = built["public"]
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]


@pytest.mark.parametrize("marker", sorted(PRIVATE_MARKERS), ids=sorted(PRIVATE_MARKERS))
def test_no_private_marker_in_the_public_site(built: dict[str, object], marker: str) -> None:
    out: dict[str, str] = built["public_out"]  # type: ignore[assignment]
    assert out, "the public build produced nothing"
    everything = _everything(out)
    for form in _forms(_title(marker)) | {marker}:
        assert form.lower() not in everything, f"{PRIVATE_MARKERS[marker]} leaked"


@pytest.mark.parametrize("marker", sorted(PRIVATE_MARKERS), ids=sorted(PRIVATE_MARKERS))
def test_no_private_marker_in_the_build_log(built: dict[str, object], marker: str) -> None:
    result = built["public"]
    log = (result.stdout + result.stderr).lower()  # type: ignore[attr-defined]
    assert marker not in log


def test_public_markers_are_found_where_private_ones_are_searched(built: dict[str, object]) -> None:
    out: dict[str, str] = built["public_out"]  # type: ignore[assignment]
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"):
        assert name in out
    assert "mkpublicfile" in out["sitemap.xml.gz"]
    assert "mkpublicbody" in out["search/search_index.json"].lower()
    everything = _everything(out)
    for marker in PUBLIC_MARKERS:
        assert marker in everything
    # The image the public entry links to is published; the other non-Markdown files are not.
    assert any(name.endswith("chart.svg") for name in out)


def test_the_private_build_shows_the_markers(built: dict[str, object]) -> None:
    result = built["private"]
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    everything = _everything(built["private_out"])  # type: ignore[arg-type]
    for marker in ("mkentrytitle", "mkentrybody", "mkentryfile", "mkpagebody", "mkcomment", "mkskillname"):
        assert marker in everything


def test_the_link_to_a_private_page_is_reported_and_removed(built: dict[str, object]) -> None:
    result = built["public"]
    # The body starts on line 9 (8 front matter lines); the link is its ninth line.
    assert f"journal/2026/mkpublicfile.md:17: warning: {LINK_REMOVED}" in result.stderr  # type: ignore[attr-defined]
    out: dict[str, str] = built["public_out"]  # type: ignore[assignment]
    page = next(text for name, text in out.items() if name.startswith("journal/2026/mkpublicfile/"))
    assert "the private one" in page
    assert not re.search(r"<!--[^>]*mkcomment", page)


@pytest.mark.parametrize(
    "target",
    ["journal/mkhiddennav.md", "/journal/mkhiddennav/", "journal/mkhiddennav/", "journal/mkhiddennav/index.html", "/journal/mkhiddennav"],
    ids=["source-path", "absolute-url", "relative-url", "output-file", "url-without-slash"],
)
def test_an_explicit_nav_entry_for_a_private_page_is_left_out(tmp_path: Path, target: str) -> None:
    files = [
        make_entry(path="journal/public.md", title="Visible entry"),
        make_entry(path="journal/mkhiddennav.md", title="Hidden nav target", visibility="private"),
    ]
    nav = f"nav:\n  - Visible: journal/public.md\n  - Mknavtitle: {target}\n  - Elsewhere: https://example.com/\n"
    root = write_site(tmp_path, files, extra_config=nav)
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    everything = _everything(output_text(root / "site"))
    assert "mknavtitle" not in everything
    assert "mkhiddennav" not in everything
    assert "https://example.com/" in everything and "visible entry" in everything
    assert "nav: an entry points at a page that is not public" in result.stderr


def test_a_nav_entry_for_our_page_in_a_private_files_place_stays(tmp_path: Path) -> None:
    """careerfolio's achievements page takes the place of a private achievements/index.md; the nav still leads there."""
    files = [
        make_entry(path="journal/public.md", title="Visible entry"),
        ("achievements/index.md", b"---\ntitle: Mkprivateindex\n---\nMy own notes.\n"),
    ]
    root = write_site(tmp_path, files, extra_config="nav:\n  - Wins: achievements/index.md\n  - Also: /achievements/\n")
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text()
    assert "Wins" in home and "Also" in home and "not public" not in result.stderr
    assert "mkprivateindex" not in _everything(output_text(root / "site"))


def test_a_nav_entry_for_a_public_file_copies_it(tmp_path: Path) -> None:
    files = [make_entry(path="journal/public.md", title="Visible entry"), ("files/cv.pdf", b"%PDF-1.4 mkcv\n")]
    root = write_site(tmp_path, files, extra_config="nav:\n  - Entry: journal/public.md\n  - CV: files/cv.pdf\n")
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "files" / "cv.pdf").is_file()  # the nav links to it on every page


@pytest.mark.parametrize(
    ("snippets_config", "public_ok"),
    [
        ("  - pymdownx.snippets\n", False),  # base_path defaults to the working folder, which holds docs_dir
        ("  - pymdownx.snippets:\n      base_path: [content/journal]\n", False),
        ("  - pymdownx.snippets:\n      base_path: [snippets]\n", True),
    ],
    ids=["default-base", "inside-docs", "outside-docs"],
)
def test_snippets_that_can_reach_docs_are_refused_in_public_builds(tmp_path: Path, snippets_config: str, public_ok: bool) -> None:
    files = [
        make_entry(path="journal/public.md", body='--8<-- "journal/mksnippetsecret.md"'),
        make_entry(path="journal/mksnippetsecret.md", title="Snippet target", visibility="private", body="mksnippetbody"),
    ]
    root = write_site(tmp_path, files, extra_config="markdown_extensions:\n" + snippets_config)
    (root / "snippets").mkdir()
    public = run_mkdocs(root, "build")
    assert (public.returncode == 0) is public_ok, public.stderr
    if public_ok:
        assert "mksnippetbody" not in _everything(output_text(root / "site"))
    else:
        assert "pymdownx.snippets" in public.stderr
        assert not (root / "site").exists()
    # The private site may include anything.
    assert run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": "private"}).returncode == 0


def test_style_sheets_named_in_mkdocs_yml_are_published(tmp_path: Path) -> None:
    files = [make_entry(), ("css/extra.css", b".md-header { color: teal }\n"), ("css/unused.css", b"body {}\n")]
    root = write_site(tmp_path, files, extra_config="extra_css:\n  - css/extra.css\n")
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "css" / "extra.css").is_file()
    assert not (root / "site" / "css" / "unused.css").exists()


def test_the_example_career_passes_its_leak_guard(example_public: Path) -> None:
    # Realistic content: private and public entries of the same months, people, shared phrases.
    # The fixture's strict build fails when the guard finds a leak.
    assert (example_public / "search" / "search_index.json").is_file()


def test_nav_pruning_keeps_sections_urls_and_public_pages() -> None:
    from careerfolio.adapters.mkdocs.siteconfig import prune_nav

    nav = [
        "index.md",
        {"Journal": [{"Public": "journal/a.md"}, {"Private": "journal/b.md"}]},
        {"Only private": [{"Private": "/journal/b.md"}]},
        {"Elsewhere": "https://example.com/"},
    ]
    assert prune_nav(nav, {"journal/b.md"}.__contains__) == [
        "index.md",
        {"Journal": [{"Public": "journal/a.md"}]},
        {"Elsewhere": "https://example.com/"},
    ]


def test_comments_that_markdown_extensions_add_are_removed_from_public_pages(tmp_path: Path) -> None:
    # A hook stands for any extension that writes a comment after careerfolio has redacted the Markdown.
    root = write_site(tmp_path, [make_entry()], extra_config="hooks:\n  - hooks.py\n")
    (root / "hooks.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n    return markdown + '\\n\\n<!-- mkhookcomment -->\\n'\n"
    )
    public = run_mkdocs(root, "build")
    assert public.returncode == 0, public.stderr
    assert "mkhookcomment" not in _everything(output_text(root / "site"))
    private = run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert private.returncode == 0, private.stderr
    assert "mkhookcomment" in _everything(output_text(root / "site-private"))
