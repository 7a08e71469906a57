"""Red team: private text planted in the ways careless and curious users publish it, looked for everywhere.

Each case writes a site with a unique marker in private places, runs a real
public `mkdocs build`, and searches every output file (gzip undone) and
every file and folder name for the marker. The same marker must reach the
private build, so a case whose marker never reaches any output tests nothing.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

import pytest

from careerfolio.content.levels import LEVEL_IDS
from helpers import front_matter, make_contact, make_entry, make_profile, make_role, run_mkdocs, write_site

MARK = "zqxmark"


def page(fields: dict[str, object], body: str) -> bytes:
    return front_matter(fields, body)


def everything(site_dir: Path) -> str:
    """Every output file's text and every file and folder name under `site_dir`, lowercased and composed."""
    parts = []
    for path in sorted(site_dir.rglob("*")):
        parts.append(path.relative_to(site_dir).as_posix())
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            parts.append(data.decode("utf-8", errors="replace"))
    return unicodedata.normalize("NFC", "\n".join(parts)).lower()


def build(root: Path, audience: str = "public", *args: str) -> tuple[int, str, Path]:
    """Build `root` for `audience`; (exit code, log, the output folder)."""
    result = run_mkdocs(root, "build", *args, env={"CAREERFOLIO_AUDIENCE": audience})
    out = root / ("site" if audience == "public" else "site-private")
    return result.returncode, result.stderr, out


def assert_private_only(root: Path, marker: str = MARK) -> str:
    """The marker is in the private build and nowhere in the public one; the public build's log."""
    code, log, private = build(root, "private")
    assert code == 0, log
    assert marker in everything(private), "the marker never reaches the private build: this case tests nothing"
    code, log, public = build(root, "public")
    assert marker not in everything(public), f"private text or name published:\n{log}"
    assert (public / "index.html").is_file(), f"the public build made no site:\n{log}"
    return log


LINKER = "notes/public-page.md"


def linking_page(body: str) -> tuple[str, bytes]:
    return LINKER, page({"title": "Public notes", "visibility": "public"}, body)


# -- what a page is: MkDocs' own answer ------------------------------------------------


@pytest.mark.parametrize("suffix", [".markdown", ".mdown", ".mkd", ".mkdn"])
def test_a_private_page_with_any_markdown_suffix_stays_private(tmp_path: Path, suffix: str) -> None:
    files = [
        make_profile(),
        (f"notes/{MARK}-secret{suffix}", page({"title": f"{MARK} title"}, f"The {MARK} body.")),
        linking_page(f"See [the secret](./{MARK}-secret{suffix}) and [again]({MARK}-secret/)."),
    ]
    assert_private_only(write_site(tmp_path, files))


def test_a_page_with_a_markdown_suffix_is_checked_like_any_other(tmp_path: Path) -> None:
    """`careerfolio check` knows a `.markdown` entry, and its errors, as the build does."""
    from careerfolio.content.corpus import load_corpus

    corpus = load_corpus([("journal/2026/x.markdown", b"---\ndate: 2026-01-01\n---\nno title\n")])
    assert any(problem.path == "journal/2026/x.markdown" and problem.field == "title" for problem in corpus.problems)


# -- always private, at any depth ------------------------------------------------------


@pytest.mark.parametrize("path", ["network/former/bob.md", "checkups/2024/q1.md", "decisions/archive/old.md"])
def test_public_visibility_deep_in_an_always_private_folder_is_refused(tmp_path: Path, path: str) -> None:
    files = [make_profile(), (path, page({"title": f"{MARK} deep", "visibility": "public"}, f"{MARK} text."))]
    root = write_site(tmp_path, files)
    code, log, public = build(root, "public")
    assert MARK not in everything(public)
    assert f"{path}" in log and "visibility" in log, log
    code, log, _ = build(root, "public", "--strict")
    assert code != 0, "--strict passed a public file in an always-private folder"


# -- MkDocs' own exclusions are never overridden ---------------------------------------


@pytest.mark.parametrize(
    ("path", "config"),
    [
        (".hidden/page.md", ""),
        ("templates/page.md", ""),
        ("secret/page.md", "exclude_docs: |\n  secret/\n"),
        ("drafts/page.md", "draft_docs: |\n  drafts/\n"),
    ],
    ids=["dot-folder", "templates", "exclude_docs", "draft_docs"],
)
def test_a_public_file_that_mkdocs_leaves_out_is_not_built(tmp_path: Path, path: str, config: str) -> None:
    files = [
        make_profile(),
        (path, page({"title": f"{MARK} left out", "visibility": "public"}, f"{MARK} text.")),
        make_entry(visibility="public", title="Shown"),
    ]
    root = write_site(tmp_path, files, extra_config=config)
    code, log, public = build(root, "public")
    assert code == 0, log
    assert MARK not in everything(public), f"{path} was built although MkDocs leaves it out"
    assert (public / "journal" / "2026" / "entry" / "index.html").is_file()


# -- files are copied only when a rendered public page links to them --------------------


@pytest.mark.parametrize(
    "mention",
    [
        "```\ncat files/{name}\n```",
        "Run `cat files/{name}` to see it.",
        'The attribute src="files/{name}" is set in prose.',
        "The path files/{name} in running text.",
    ],
    ids=["code-block", "code-span", "src-in-prose", "prose"],
)
def test_a_file_a_public_page_only_mentions_is_not_copied(tmp_path: Path, mention: str) -> None:
    name = f"{MARK}-draft.txt"
    files = [
        make_profile(),
        linking_page(mention.format(name=name).replace("files/", "../files/")),
        (f"files/{name}", f"{MARK} x".encode()),
    ]
    root = write_site(tmp_path, files)
    code, log, public = build(root, "public")
    assert code == 0, log
    assert not (public / "files" / name).exists()
    assert f"{MARK}-draft.txt" not in " ".join(p.name for p in public.rglob("*"))


def test_a_file_mentioned_in_an_entry_title_or_impact_is_not_copied(tmp_path: Path) -> None:
    name = f"{MARK}-notes.pdf"
    files = [
        make_profile(),
        make_entry(title=f"See files/{name}", impact=f'src="../files/{name}"'),
        (f"files/{name}", b"%PDF-1.4 private"),
    ]
    root = write_site(tmp_path, files)
    code, log, public = build(root, "public")
    assert code == 0, log
    assert not list(public.rglob(name))


def test_a_linked_file_is_copied_and_one_in_an_always_private_folder_never(tmp_path: Path) -> None:
    files = [
        make_profile(),
        linking_page("![chart](../files/chart.png) and [scan](../checkups/scan-zqxmark.pdf)"),
        ("files/chart.png", b"\x89PNG fake"),
        ("checkups/scan-zqxmark.pdf", b"%PDF-1.4 zqxmark"),
    ]
    root = write_site(tmp_path, files)
    code, log, public = build(root, "public")
    assert code == 0, log
    assert (public / "files" / "chart.png").is_file(), "a file a public page links to must be published"
    assert MARK not in everything(public)


# -- links to pages that are not public, in every form a browser follows ----------------


PRIVATE_TARGET = f"journal/2026/{MARK}-plans.md"


@pytest.mark.parametrize(
    "link",
    [
        f"<a href=../journal/2026/{MARK}-plans/>unquoted</a>",
        f'<a HREF="../journal/2026/{MARK}-plans/">upper case</a>',
        f"<a href='../{PRIVATE_TARGET}'>raw source path</a>",
        f"[next line][r]\n\n[r]:\n    ../{PRIVATE_TARGET}\n",
        f"[indented][s]\n\n   [s]: ../{PRIVATE_TARGET}\n",
        f'<a href="..\\journal\\2026\\{MARK}-plans\\">backslashes</a>',
        f'<img src="../journal/2026/{MARK}-plans/" alt="picture">',
        f'<meta http-equiv="refresh" content="0; url=../journal/2026/{MARK}-plans/">',
    ],
    ids=["unquoted", "upper-case", "source-path", "definition-next-line", "definition-indented", "backslash", "img", "refresh"],
)
def test_a_link_to_a_private_page_is_removed_in_every_form(tmp_path: Path, link: str) -> None:
    files = [
        make_profile(),
        (PRIVATE_TARGET, page({"date": "2026-02-01", "title": "Private plans"}, "Private.")),
        linking_page(f"Before.\n\n{link}\n\nAfter."),
    ]
    root = write_site(tmp_path, files)
    log = assert_private_only(root)
    assert "notes/public-page.md" in log, "the removed link is not reported"


def test_a_link_in_decomposed_unicode_to_a_private_page_is_removed(tmp_path: Path) -> None:
    composed = f"{MARK}-café"
    decomposed = unicodedata.normalize("NFD", composed)
    files = [
        make_profile(),
        (f"journal/2026/{composed}.md", page({"date": "2026-02-01", "title": "Private"}, "Private.")),
        linking_page(f'<a href="../journal/2026/{decomposed}/">decomposed</a>'),
    ]
    assert_private_only(write_site(tmp_path, files))


# -- a private build never writes where a public build deploys ---------------------------


def test_a_private_build_never_writes_into_the_configured_site_dir(tmp_path: Path) -> None:
    files = [make_profile(), make_contact(name=f"{MARK} Person")]
    root = write_site(tmp_path, files, extra_config="site_dir: public\n")
    result = run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    assert not (root / "public").exists() or MARK not in everything(root / "public")
    assert MARK in everything(root / "site-private")


# -- other plugins: they work with nothing private in their output, or careerfolio refuses clearly ----


OTHER_PLUGINS = {
    "print-site": "- print-site\n",
    "rss": "- rss\n",
    "blog": "- blog\n",
    "tags": "- tags\n",
    "redirects": f"- redirects:\n    redirect_maps:\n      old.md: journal/2026/{MARK}-private.md\n",
    "macros": "- macros:\n    include_dir: partials\n",
}


@pytest.mark.parametrize("plugin", sorted(OTHER_PLUGINS))
def test_another_plugin_publishes_nothing_private_or_is_refused(tmp_path: Path, plugin: str) -> None:
    files = [
        make_profile(),
        make_entry(tags=["ops"]),
        make_entry(
            path=f"journal/2026/{MARK}-private.md", title=f"{MARK} private", visibility="private", tags=["ops"], body=f"{MARK} body"
        ),
        make_contact(name=f"{MARK} Contact"),
        ("blog/index.md", page({"visibility": "public"}, "# Blog\n")),
        ("blog/posts/post.md", page({"date": "2026-01-01", "title": f"{MARK} post"}, f"{MARK} draft post")),
    ]
    root = write_site(tmp_path, files)
    (root / "partials").mkdir()  # an include folder outside docs_dir, for the plugins that read one
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().rstrip("\n") + "\n" + OTHER_PLUGINS[plugin])
    code, log, public = build(root, "public")
    assert "Traceback" not in log, log
    if code != 0:
        assert "careerfolio:" in log, f"{plugin}: the build failed without saying why in careerfolio's words:\n{log}"
        return
    assert MARK not in everything(public), f"{plugin} published private text:\n{log}"
    assert (public / "journal" / "2026" / "entry" / "index.html").is_file()


def test_a_file_linked_only_from_a_header_is_published(tmp_path: Path) -> None:
    """A role's url may be a relative link to a file beside it: it sits in the header careerfolio writes, not in the body."""
    files = [
        make_profile(),
        make_role("acme", url="org-chart.pdf"),
        ("roles/org-chart.pdf", b"%PDF chart"),
        ("roles/salary.pdf", b"%PDF pay"),
    ]
    code, log, public = build(write_site(tmp_path, files), "public")
    assert code == 0, log
    assert (public / "roles" / "org-chart.pdf").is_file()
    assert not (public / "roles" / "salary.pdf").exists()


# -- includes: a public page that pulls in a private file, by any name the include goes by ----------


# A check-up's scores are too short for the leak guard to tell from chance ("network: 2"): only a refusal stops them.
CHECKUP_SCORES = "job_search: 1"


def _site_including(tmp_path: Path, include: str, config: str) -> Path:
    """A site with a private check-up and a public page holding `include`, its mkdocs.yml given `config`."""
    files = [
        make_profile(),
        ("checkups/2026-03-01.md", page({"date": "2026-03-01", "scores": dict.fromkeys(LEVEL_IDS, 1)}, f"{MARK} reflection.")),
        linking_page(f"Before.\n\n{include}\n\nAfter."),
    ]
    root = write_site(tmp_path, files)
    config_file = root / "mkdocs.yml"
    text = config_file.read_text()
    # A plugin goes after careerfolio in the plugins list; an extension gets a key of its own.
    text = text.replace("- careerfolio\n", "- careerfolio\n" + config) if config.startswith("- ") else text + config
    config_file.write_text(text)
    return root


@pytest.mark.parametrize(
    ("config", "include"),
    [
        ("markdown_extensions:\n  - pymdownx.snippets:SnippetExtension\n", '--8<-- "content/checkups/2026-03-01.md"'),
        (
            "markdown_extensions:\n  - pymdownx.snippets:SnippetExtension:\n      check_paths: true\n",
            '--8<-- "content/checkups/2026-03-01.md"',
        ),
        ("- macros\n", '{% include "checkups/2026-03-01.md" %}'),
        ("- macros:\n    include_dir: content/checkups\n", '{% include "2026-03-01.md" %}'),
        (
            "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [partials]\n      restrict_base_path: false\n",
            '--8<-- "../content/checkups/2026-03-01.md"',
        ),
    ],
    ids=[
        "snippets-by-class-name",
        "snippets-by-class-name-with-options",
        "macros-default-include-dir",
        "macros-include-dir-in-docs",
        "snippets-unrestricted",
    ],
)
def test_an_include_that_can_reach_private_files_is_refused(tmp_path: Path, config: str, include: str) -> None:
    root = _site_including(tmp_path, include, config)
    (root / "partials").mkdir()
    code, log, public = build(root, "public")
    assert code != 0, "a public build that can include any file of docs_dir was not refused"
    assert "careerfolio:" in log and "can include any file under its" in log, f"not refused before the build:\n{log}"
    if public.exists():
        assert MARK not in everything(public) and CHECKUP_SCORES not in everything(public)


@pytest.mark.parametrize(
    "config",
    [
        "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [partials]\n",
        "- macros:\n    include_dir: partials\n",
    ],
    ids=["snippets", "macros"],
)
@pytest.mark.parametrize("two_steps", [False, True], ids=["link", "link-to-a-folder-with-a-link"])
def test_an_include_folder_with_a_link_into_the_docs_folder_is_refused(tmp_path: Path, config: str, two_steps: bool) -> None:
    """An include folder outside docs_dir, but holding a link into it, reaches every private file through the link."""
    # partials/c -> content/checkups; or partials/c -> elsewhere, whose own link e -> content/checkups is one step further.
    target = "c/e/2026-03-01.md" if two_steps else "c/2026-03-01.md"
    include = f'--8<-- "{target}"' if "snippets" in config else f'{{% include "{target}" %}}'
    root = _site_including(tmp_path, include, config)
    (root / "partials").mkdir()
    if two_steps:
        (root / "elsewhere").mkdir()
        (root / "elsewhere" / "e").symlink_to(root / "content" / "checkups", target_is_directory=True)
        (root / "partials" / "c").symlink_to(root / "elsewhere", target_is_directory=True)
    else:
        (root / "partials" / "c").symlink_to(root / "content" / "checkups", target_is_directory=True)
    code, log, public = build(root, "public")
    assert code != 0, "an include folder linking into docs_dir was not refused"
    assert "can include any file under its" in log, log
    if public.exists():
        assert MARK not in everything(public) and CHECKUP_SCORES not in everything(public)
    # Without the link, the same folder is fine.
    (root / "partials" / "c").unlink()
    (root / "partials" / "c" / "e" if two_steps else root / "partials" / "c").mkdir(parents=True)
    (root / "partials" / target).write_text("A public note.\n")
    code, log, public = build(root, "public")
    assert code == 0, log


def test_a_public_export_refuses_snippets_that_reach_the_content_folder(tmp_path: Path) -> None:
    """The export keeps the user's markdown_extensions; the engine, run from the site's folder, would include any file."""
    from cli_support import run as careerfolio

    files = [
        make_profile(),
        ("checkups/2026-03-01.md", page({"date": "2026-03-01", "scores": dict.fromkeys(LEVEL_IDS, 1)}, f"{MARK} reflection.")),
        linking_page('--8<-- "content/checkups/2026-03-01.md"'),
    ]
    root = write_site(tmp_path, files, extra_config="markdown_extensions:\n  - pymdownx.snippets\n")
    result = careerfolio(root, "export")
    assert result.exit_code != 0, "a public export kept snippets that can include the content folder"
    assert "snippets" in result.output and not (root / "build" / "careerfolio-public" / "mkdocs.yml").exists()
    # Pointed elsewhere, the export is written.
    (root / "partials").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("- pymdownx.snippets", "- pymdownx.snippets:\n      base_path: [partials]"))
    assert careerfolio(root, "export").exit_code == 0


# -- a link inside docs_dir leads into an always-private folder -------------------------------------


def _link_into_always_private_folders(root: Path) -> None:
    (root / "content" / "people").symlink_to("network", target_is_directory=True)
    (root / "content" / "shared-checkup.md").symlink_to("checkups/2026-03-01.md")


ALWAYS_PRIVATE_MARKED_PUBLIC = [
    make_profile(),
    make_contact("bob", name=f"{MARK} Bob", visibility="public"),
    ("network/card.pdf", f"%PDF {MARK} card".encode()),
    ("checkups/2026-03-01.md", page({"date": "2026-03-01", "visibility": "public", "scores": dict.fromkeys(LEVEL_IDS, 1)}, f"{MARK} x.")),
    linking_page("[card](../people/card.pdf), [Bob](../people/bob.md) and [check-up](../shared-checkup.md)"),
]


def test_a_link_into_an_always_private_folder_publishes_nothing(tmp_path: Path) -> None:
    """`people -> network`: the contact, and the files beside it, are as private under the link's name as under their own."""
    root = write_site(tmp_path, ALWAYS_PRIVATE_MARKED_PUBLIC)
    _link_into_always_private_folders(root)
    code, log, public = build(root, "public")
    assert MARK not in everything(public), f"an always-private file was published under a link's name:\n{log}"
    # Not merely caught by the leak guard afterwards: never planned, so the build succeeds.
    assert code == 0, log
    assert "people/bob.md: is reached through a link" in log, log


def test_a_public_export_follows_no_link_into_an_always_private_folder(tmp_path: Path) -> None:
    from cli_support import run as careerfolio

    root = write_site(tmp_path, ALWAYS_PRIVATE_MARKED_PUBLIC)
    _link_into_always_private_folders(root)
    assert careerfolio(root, "export").exit_code == 0
    export = root / "build" / "careerfolio-public"
    assert MARK not in everything(export / "docs")
    assert CHECKUP_SCORES not in everything(export / "docs")


def test_a_style_sheet_or_script_of_an_always_private_folder_is_never_copied(tmp_path: Path) -> None:
    """Named in mkdocs.yml or not, a file of an always-private folder is never published, nor named on a page."""
    files = [
        make_profile(),
        make_entry(),
        (f"checkups/{MARK}-scores.js", f"var scores = '{MARK} my check-up';".encode()),
        (f"network/{MARK}.css", f"/* {MARK} my contacts */".encode()),
        ("files/site.css", b"body { color: black; }"),
    ]
    config = f"extra_javascript:\n  - checkups/{MARK}-scores.js\nextra_css:\n  - network/{MARK}.css\n  - files/site.css\n"
    root = write_site(tmp_path, files, extra_config=config)
    log = assert_private_only(root)
    assert f"checkups/{MARK}-scores.js, a file of an always-private folder" in log, log
    assert (root / "site" / "files" / "site.css").is_file(), "a style sheet named in mkdocs.yml must still be published"


def test_links_on_a_root_page_without_directory_urls_are_judged(tmp_path: Path) -> None:
    """`notes.html` at the site's root: its links start from the root, not from "/", so each is known and judged."""
    files = [
        make_profile(),
        (PRIVATE_TARGET, page({"date": "2026-02-01", "title": "Private plans"}, "Private.")),
        (
            "notes.md",
            page(
                {"title": "Notes", "visibility": "public"},
                f'<a href="journal/2026/{MARK}-plans.html">raw</a> and ![chart](files/chart.png)',
            ),
        ),
        ("files/chart.png", b"\x89PNG fake"),
    ]
    root = write_site(tmp_path, files, extra_config="use_directory_urls: false\n")
    log = assert_private_only(root)
    assert "notes.md" in log and "the link is removed" in log, log
    assert (root / "site" / "files" / "chart.png").is_file(), "a file a root page links to must be published"


@pytest.mark.parametrize("path", [f"Network/{MARK}-bob.md", f"CHECKUPS/{MARK}.md", f"Decisions/old/{MARK}.md"])
def test_an_always_private_folder_spelt_in_another_case_is_always_private(tmp_path: Path, path: str) -> None:
    """On macOS and Windows `Network/` is `network/`; on the Linux machine that deploys, it must be private all the same."""
    files = [make_profile(), make_entry(), (path, page({"name": f"{MARK} Bob", "visibility": "public"}, f"{MARK} how we met."))]
    root = write_site(tmp_path, files)
    code, log, public = build(root, "public")
    assert MARK not in everything(public), f"{path} was published:\n{log}"
    assert code == 0, f"left out by the plan, not stopped by the leak guard:\n{log}"
    assert f"{path}:" in log and "always private" in log, log
