"""The leak guard beside the build: pages searched as they are written, the rest at the end, and a fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.privacy.guard import SiteScan, build_secrets
from careerfolio.privacy.guardrun import GuardRun, forking_possible
from helpers import make_entry, make_profile, run_mkdocs, write_site

PRIVATE_SENTENCE = "Negotiated quietly with the umbrella rival about a move"


def _secrets():  # type: ignore[no-untyped-def]
    files = [make_entry(path="journal/2026/umbrella.md", title="Umbrella talks", visibility="private", body=PRIVATE_SENTENCE)]
    return build_secrets(load_corpus(files))


def test_a_page_read_early_is_read_again_when_its_file_changed(tmp_path: Path) -> None:
    scan = SiteScan(_secrets())
    clean = f"<p>{'public words ' * 10}</p>".encode()[: len(PRIVATE_SENTENCE) + 7]
    (tmp_path / "page.html").write_bytes(clean)
    scan.read_early("page.html", clean)
    assert scan.finish(tmp_path) == []
    # Another plugin rewrote the file after the build handed it over, to the same size: the guard reads the new bytes.
    rewritten = f"<p>{PRIVATE_SENTENCE}</p>".encode()
    assert len(rewritten) == len(clean)
    (tmp_path / "page.html").write_bytes(rewritten)
    hits = scan.finish(tmp_path)
    assert [(hit.output, hit.source) for hit in hits] == [("page.html", "journal/2026/umbrella.md")]


def test_a_leak_handed_over_early_is_found_without_reading_the_file_again(tmp_path: Path) -> None:
    scan = SiteScan(_secrets())
    data = f"<p>{PRIVATE_SENTENCE}</p>".encode()
    (tmp_path / "page.html").write_bytes(data)
    scan.read_early("page.html", data)
    assert [hit.source for hit in scan.finish(tmp_path)] == ["journal/2026/umbrella.md"]


@pytest.mark.skipif(not forking_possible(), reason="no fork on this system")
def test_the_guards_process_finds_what_the_build_writes(tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text(PRIVATE_SENTENCE)
    run = GuardRun(_secrets, [])
    (tmp_path / "page.html").write_bytes(b"<p>nothing private</p>")
    run.page("page.html", str(tmp_path / "page.html"))
    hits = run.finish(tmp_path)
    assert hits is not None and [hit.output for hit in hits] == ["late.txt"]


def _failing_secrets():  # type: ignore[no-untyped-def]
    raise MemoryError


@pytest.mark.skipif(not forking_possible(), reason="no fork on this system")
def test_a_failed_guard_process_says_so_and_the_build_scans_itself(tmp_path: Path) -> None:
    run = GuardRun(_failing_secrets, [])
    assert run.finish(tmp_path) is None


def test_a_page_another_plugin_rewrites_after_it_was_written_is_read_again(tmp_path: Path) -> None:
    """The guard's process searched the page as MkDocs wrote it; a hook then put private text into that file."""
    root = write_site(
        tmp_path,
        [
            make_profile(),
            make_entry(path="journal/2026/shown.md", title="Shown"),
            make_entry(path="journal/2026/umbrella.md", title="Umbrella talks", visibility="private", body=PRIVATE_SENTENCE),
        ],
        extra_config="hooks:\n  - hooks.py\n",
    )
    (root / "hooks.py").write_text(
        "from pathlib import Path\n\n"
        "def on_post_build(config):\n"
        "    page = Path(config['site_dir']) / 'journal' / '2026' / 'shown' / 'index.html'\n"
        f"    page.write_text(page.read_text() + {PRIVATE_SENTENCE!r})\n"
    )
    result = run_mkdocs(root, "build")
    assert result.returncode != 0
    assert "site/journal/2026/shown/index.html: contains text of the private file journal/2026/umbrella.md" in result.stderr
