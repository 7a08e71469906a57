"""End to end: a real `mkdocs build` of small sites in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import make_checkup, make_contact, make_entry, make_profile, make_skill, output_text, run_mkdocs, write_site


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path,
        [
            make_profile(),
            make_skill("python"),
            make_entry(path="journal/2026/public-win.md", title="Shipped the public thing"),
            make_entry(path="journal/2026/private-note.md", title="Quarrelled about the raise", visibility="private"),
            make_entry(path="journal/2026/no-visibility.md", title="Unmarked musing", visibility=None),
            make_checkup(),
            ("notes.md", b"# Private notes\n\nNothing to see.\n"),
        ],
    )


def test_public_build_holds_only_public_pages(tmp_path: Path) -> None:
    root = _site(tmp_path)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    text = "\n".join(output_text(root / "site").values())
    assert "Shipped the public thing" in text
    for private in ("Quarrelled about the raise", "Unmarked musing", "private-note", "no-visibility", "Private notes", "checkups"):
        assert private not in text, private
    assert not (root / "site-private").exists()


def test_private_build_goes_to_site_private_with_a_marker(tmp_path: Path) -> None:
    root = _site(tmp_path)
    result = run_mkdocs(root, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    page = root / "site-private" / "journal" / "2026" / "private-note" / "index.html"
    soup = BeautifulSoup(page.read_text(), "html.parser")
    assert "Quarrelled about the raise" in soup.get_text()
    assert soup.select_one(".cf-private-banner") is not None
    assert (root / "site-private" / "checkups" / "2026-03-01" / "index.html").is_file()
    assert not (root / "site").exists()


def test_strict_fails_on_a_problem_and_names_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, [make_entry(title="Secret salary figure", visibility="Public")])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode != 0
    assert 'journal/2026/entry.md:5: error: visibility: must be one of "public", "private"' in result.stderr
    assert "Secret salary figure" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_without_strict_a_broken_file_is_left_out_and_the_rest_builds(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        [
            make_entry(path="journal/good.md", title="Good entry"),
            ("journal/broken.md", b"---\ndate: 2026-01-01\ntitle: Broken: yes\nvisibility: public\n---\nBody of the broken entry\n"),
        ],
    )
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    assert "journal/broken.md:3: error: the YAML cannot be read" in result.stderr
    text = "\n".join(output_text(root / "site").values())
    assert "Good entry" in text
    assert "Body of the broken entry" not in text and "visibility: public" not in text


def test_malformed_front_matter_is_never_rendered_as_text(tmp_path: Path) -> None:
    # MkDocs alone would render this YAML, private fields included, as page text.
    root = write_site(tmp_path, [("about.md", b"----\ntitle: About\nvisibility: public\nsalary: zq-salary-marker\n----\nzq-body-marker\n")])
    result = run_mkdocs(root, "build")
    assert result.returncode == 0, result.stderr
    text = "\n".join(output_text(root / "site").values())
    assert "zq-salary-marker" not in text and "zq-body-marker" not in text


def test_a_private_build_never_lands_in_site_but_honours_another_folder(tmp_path: Path) -> None:
    root = _site(tmp_path)
    elsewhere = tmp_path / "private-out"
    result = run_mkdocs(root, "build", "-d", str(elsewhere), env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "dashboard" / "index.html").is_file()
    result = run_mkdocs(root, "build", "-d", "site", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    assert not (root / "site").exists() and (root / "site-private" / "dashboard" / "index.html").is_file()
    assert "DeprecationWarning" not in result.stderr


def test_a_record_page_has_our_header_once_above_the_users_markdown(tmp_path: Path) -> None:
    # The header reaches the page without passing through Markdown; the body still does.
    body = "---\n\nWhat *happened*, in [one link](https://example.com).\n\n## What came of it\n"
    root = write_site(
        tmp_path, [make_skill("python"), make_entry(path="journal/2026/win.md", title="A <b>bold</b> win", skills=["python"], body=body)]
    )
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((root / "site" / "journal" / "2026" / "win" / "index.html").read_text(), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    headers = article.select(".cf-record")
    assert len(headers) == 1
    assert [h1.get_text() for h1 in article.find_all("h1")] == ["A <b>bold</b> win"]  # escaped text, once
    assert headers[0].select_one("a[href='../../../skills/python/']") is not None
    later = headers[0].find_all_next()
    assert article.find("hr") in later and article.find("em") in later  # the body comes after the header, as Markdown
    assert article.find("em").get_text() == "happened"
    assert article.find("h2").get("id") == "what-came-of-it"


def test_a_body_that_starts_like_multimarkdown_metadata_is_shown_whole(tmp_path: Path) -> None:
    """MkDocs reads leading "Key: value" lines of a page without front matter as metadata and drops them."""
    body = "Result: the nightly batch finishes by 06:00.\nOwner: the data team\n\nThe rest of the story."
    root = write_site(tmp_path, [make_entry(path="journal/2026/win.md", body=body)])
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    text = BeautifulSoup((root / "site" / "journal" / "2026" / "win" / "index.html").read_text(), "html.parser").get_text(" ")
    assert "Result: the nightly batch finishes by 06:00." in text and "Owner: the data team" in text
    assert "The rest of the story." in text


_DELETING_HOOK = """
import os
from mkdocs.plugins import event_priority


@event_priority(100)  # before careerfolio reads the files MkDocs listed
def on_files(files, config):
    os.remove(os.path.join(config.docs_dir, "journal", "gone.md"))


def on_env(env, config, files):  # after the plan, before MkDocs copies the files it keeps
    os.remove(os.path.join(config.docs_dir, "journal", "diagram.svg"))
"""


def test_a_file_deleted_during_the_build_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """An editor saving by rename deletes a file MkDocs has listed; it once crashed the build with FileNotFoundError."""
    root = write_site(
        tmp_path,
        [
            make_entry(path="journal/good.md", title="Good entry", body="![Diagram](diagram.svg)"),
            make_entry(path="journal/gone.md", title="Gone entry"),
        ],
        extra_config="hooks: [delete_hook.py]\n",
    )
    (root / "delete_hook.py").write_text(_DELETING_HOOK)
    for audience in ("public", "private"):
        (root / "content" / "journal" / "gone.md").write_bytes(make_entry(title="Gone entry")[1])
        (root / "content" / "journal" / "diagram.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
        result = run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": audience})
        assert result.returncode == 0, result.stderr
        assert "journal/gone.md: cannot be read (No such file or directory) and is left out of the build" in result.stderr
        assert "journal/diagram.svg: was deleted while the site was being built and is left out of it" in result.stderr
        assert "Traceback" not in result.stderr
        text = "\n".join(output_text(root / ("site" if audience == "public" else "site-private")).values())
        assert "Good entry" in text and "Gone entry" not in text
    (root / "content" / "journal" / "gone.md").write_bytes(make_entry(title="Gone entry")[1])
    (root / "content" / "journal" / "diagram.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    strict = run_mkdocs(root, "build", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr


def test_serve_keeps_answering_after_a_save_that_overflows_a_date(tmp_path: Path) -> None:
    """A contact's every or last_contact past what a date holds once crashed the private build and stopped `mkdocs serve`."""
    contact = tmp_path / "career" / "content" / "network" / "jane-doe.md"
    root = write_site(tmp_path / "career", [make_contact("jane-doe", last_contact="2026-01-01", every=30)])
    out = tmp_path / "out"
    for saved in ({}, {"every": 999999999}, {"last_contact": "9999-12-31"}):
        contact.write_bytes(make_contact("jane-doe", **{"last_contact": "2026-01-01", "every": 30, **saved})[1])
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))  # read again after each save, as serve does
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        dashboard = (out / "dashboard" / "index.html").read_text()
        assert ("Jane Doe" in dashboard) == (not saved)  # overdue at first; never due once the date runs past 9999
