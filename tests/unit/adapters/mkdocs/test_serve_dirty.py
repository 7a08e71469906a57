"""`mkdocs serve --dirty`: after a save, the pages that show the saved file are rebuilt too, and only those."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from careerfolio.adapters.mkdocs import serve
from careerfolio.content.corpus import build_corpus, load_corpus
from careerfolio.content.loader import SourceCache
from careerfolio.plan.dependents import stale_pages
from helpers import make_checkup, make_entry, make_role, make_skill, write_site

FILES = [
    make_role("acme", organization="Acme", title="Engineer"),
    make_role("globex", organization="Globex", title="Lead"),
    make_skill("python", name="Python"),
    make_skill("sql", name="SQL"),
    make_entry(path="journal/2026/a.md", title="Old title", role="acme", skills=["python"]),
    make_entry(path="journal/2026/b.md", title="Bystander", role="globex", skills=["sql"]),
]


def test_stale_pages_are_the_roles_and_skills_an_entry_names_before_and_after() -> None:
    before = load_corpus(FILES)
    moved = make_entry(path="journal/2026/a.md", title="Old title", role="globex", skills=["sql"])
    after = load_corpus([*FILES[:4], moved, FILES[5]])
    assert stale_pages(before, after, {"journal/2026/a.md"}) == {"roles/acme.md", "roles/globex.md", "skills/python.md", "skills/sql.md"}
    # A renamed skill shows on every entry that names it.
    assert stale_pages(before, before, {"skills/sql.md"}) == {"journal/2026/b.md"}
    assert stale_pages(None, before, set()) == set()


def test_a_saved_check_up_makes_its_neighbours_pages_stale() -> None:
    days = ("2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01")
    corpus = load_corpus([make_checkup(day) for day in days])
    # The next page shows its scores and actions done; both neighbours link to it.
    assert stale_pages(corpus, corpus, {"checkups/2026-04-01.md"}) == {"checkups/2026-01-01.md", "checkups/2026-07-01.md"}
    assert stale_pages(corpus, corpus, {"checkups/2026-10-01.md"}) == {"checkups/2026-07-01.md"}
    # A new check-up's neighbours gain a link to it.
    added = load_corpus([make_checkup(day) for day in (*days, "2026-11-01")])
    assert stale_pages(corpus, added, {"checkups/2026-11-01.md"}) == {"checkups/2026-10-01.md"}


def test_a_dirty_rebuild_redoes_the_role_and_skill_pages_of_a_saved_entry(tmp_path: Path) -> None:
    root = write_site(tmp_path / "career", FILES)
    out = tmp_path / "out"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    role, skill, bystander = (
        out / "roles" / "acme" / "index.html",
        out / "skills" / "python" / "index.html",
        out / "journal" / "2026" / "b" / "index.html",
    )
    assert "Old title" in role.read_text() and "Old title" in skill.read_text()
    untouched = bystander.stat().st_mtime_ns

    saved = root / "content" / "journal" / "2026" / "a.md"
    saved.write_bytes(saved.read_bytes().replace(b"Old title", b"New title"))
    later = max(p.stat().st_mtime for p in out.rglob("index.html")) + 5
    os.utime(saved, (later, later))  # newer than every output, as a save during `mkdocs serve` is
    build(config, dirty=True)

    for page in (role, skill, out / "journal" / "2026" / "a" / "index.html"):
        assert "New title" in page.read_text() and "Old title" not in page.read_text(), page
    assert bystander.stat().st_mtime_ns == untouched  # still a dirty build: other pages are left alone


def test_the_source_cache_names_new_changed_and_removed_files() -> None:
    cache = SourceCache()
    for path, data in FILES:
        cache.parse(path, data)
    edited = (FILES[4][0], FILES[4][1].replace(b"Old", b"New"))
    now = [*FILES[:3], edited, FILES[5], ("journal/2026/c.md", FILES[5][1])]
    assert cache.changed(now) == {"journal/2026/a.md", "journal/2026/c.md", "skills/sql.md"}


def _banner_template(root: Path, banner: str) -> Path:
    """Give the site a custom_dir whose main.html shows `banner`; return that template."""
    settings = yaml.safe_load((root / "mkdocs.yml").read_text())
    settings["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    template = root / "overrides" / "main.html"
    template.parent.mkdir()
    template.write_text('{% extends "base.html" %}{% block announce %}' + banner + "{% endblock %}")
    return template


def test_a_rebuild_after_a_template_edit_shows_the_edit(tmp_path: Path) -> None:
    """Compiled templates are kept between the rebuilds of one `mkdocs serve`; an edited one is compiled again."""
    root = write_site(tmp_path / "career", FILES)
    template = _banner_template(root, "Banner one")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="serve", dirty=False)
    page = tmp_path / "out" / "journal" / "2026" / "b" / "index.html"
    build(config)
    assert "Banner one" in page.read_text()
    template.write_text('{% extends "base.html" %}{% block announce %}Banner two{% endblock %}')
    build(config)
    assert "Banner two" in page.read_text() and "Banner one" not in page.read_text()


def test_a_corpus_rebuilt_from_cached_sources_checks_only_the_changed_file_again() -> None:
    cache, memo = SourceCache(), {}
    broken = make_entry(path="journal/2026/bad.md", title=None, body="No heading.")
    first = build_corpus([cache.parse(p, d) for p, d in [*FILES, broken]], memo=memo)
    edited = (FILES[4][0], FILES[4][1].replace(b"Old", b"New"))
    second = build_corpus([cache.parse(p, d) for p, d in [*FILES[:4], edited, FILES[5], broken]], memo=memo)
    by_path = {e.path: e for e in second.entries}
    assert by_path["journal/2026/b.md"] is next(e for e in first.entries if e.path == "journal/2026/b.md")  # reused
    assert by_path["journal/2026/a.md"].title == "New title"  # checked again
    # Problems of reused files are reported again, and the memo forgets files that are gone.
    assert [p.path for p in second.problems] == [p.path for p in first.problems] == ["journal/2026/bad.md"]
    build_corpus([cache.parse(*FILES[0])], memo=memo)
    assert set(memo) == {FILES[0][0]}


YEARS = [
    *FILES[:4],
    make_entry(path="journal/2025/old.md", title="Last year's work", date="2025-05-01", role="acme", skills=["python"]),
    make_entry(path="journal/2026/a.md", title="Old title", role="acme", skills=["python"]),
]


def _save(path: Path, old: bytes, new: bytes, out: Path) -> None:
    """Edit a file the way a save during `mkdocs serve` does: newer than every output."""
    path.write_bytes(path.read_bytes().replace(old, new))
    later = max(p.stat().st_mtime for p in out.rglob("*.html")) + 5
    os.utime(path, (later, later))


def _dirty_serve(root: Path, out: Path) -> tuple[Path, Path, Path]:
    """A first `mkdocs serve --dirty` build; the achievements pages of 2025, 2026 and all years."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    return out / "achievements" / "2025" / "index.html", out / "achievements" / "2026" / "index.html", out / "achievements" / "index.html"


def _rebuild(root: Path, out: Path) -> None:
    """A rebuild as `mkdocs serve` does it: the configuration is read again, the plugin instance is kept."""
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(out)), dirty=True)


def test_a_dirty_rebuild_leaves_generated_pages_that_show_nothing_of_the_save_alone(tmp_path: Path) -> None:
    root, out = write_site(tmp_path / "career", YEARS), tmp_path / "out"
    year_2025, year_2026, newest = _dirty_serve(root, out)
    assert "Last year&#39;s work" in year_2025.read_text() and "Old title" in year_2026.read_text()
    untouched = year_2025.stat().st_mtime_ns

    _save(root / "content" / "journal" / "2026" / "a.md", b"Old title", b"New title", out)
    _rebuild(root, out)
    for page in (year_2026, newest, out / "dashboard" / "index.html"):
        assert "New title" in page.read_text() and "Old title" not in page.read_text(), page
    assert year_2025.stat().st_mtime_ns == untouched  # nothing of 2026 is on it

    # A page whose output is gone is written again, and a save in its year redoes it.
    year_2025.unlink()
    _rebuild(root, out)
    assert "Last year&#39;s work" in year_2025.read_text()
    _save(root / "content" / "journal" / "2025" / "old.md", b"Last year's work", b"Renamed work", out)
    _rebuild(root, out)
    assert "Renamed work" in year_2025.read_text() and "Renamed work" in newest.read_text()


def test_a_dirty_rebuild_after_a_template_or_config_edit_redoes_every_page(tmp_path: Path) -> None:
    """Generated pages and the user's own pages alike: MkDocs alone would redo neither, their files being unchanged."""
    root, out = write_site(tmp_path / "career", YEARS), tmp_path / "out"
    template = _banner_template(root, "Banner one")
    year_2025, _, _ = _dirty_serve(root, out)
    entry = out / "journal" / "2025" / "old" / "index.html"
    assert "Banner one" in year_2025.read_text() and "Banner one" in entry.read_text()

    template.write_text('{% extends "base.html" %}{% block announce %}Banner two{% endblock %}')
    _rebuild(root, out)
    assert "Banner two" in year_2025.read_text() and "Banner two" in entry.read_text()

    settings = yaml.safe_load((root / "mkdocs.yml").read_text())
    settings["site_name"] = "Renamed career"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    _rebuild(root, out)
    assert "Renamed career" in year_2025.read_text() and "Renamed career" in entry.read_text()

    # With nothing shared changed, a rebuild leaves the user's pages to MkDocs' own --dirty rule.
    untouched = entry.stat().st_mtime_ns
    _rebuild(root, out)
    assert entry.stat().st_mtime_ns == untouched


def test_a_dirty_rebuild_removes_the_pages_of_deleted_files(tmp_path: Path) -> None:
    root, out = write_site(tmp_path / "career", YEARS), tmp_path / "out"
    year_2025, year_2026, _ = _dirty_serve(root, out)
    entry = out / "journal" / "2025" / "old" / "index.html"
    assert entry.is_file() and year_2025.is_file()
    _rebuild(root, out)  # the same files: nothing is gone, and the pages written are still known
    assert entry.is_file() and year_2025.is_file()

    (root / "content" / "journal" / "2025" / "old.md").unlink()  # the only entry of 2025
    _rebuild(root, out)
    assert not entry.exists() and not year_2025.exists()
    assert year_2026.is_file() and (out / "journal" / "2026" / "a" / "index.html").is_file()
    assert "Last year&#39;s work" not in (out / "dashboard" / "index.html").read_text()


def test_a_failed_dirty_rebuild_takes_no_generated_page_for_up_to_date(tmp_path: Path) -> None:
    root, out = write_site(tmp_path / "career", YEARS), tmp_path / "out"
    year_2025, _, _ = _dirty_serve(root, out)
    _save(root / "content" / "journal" / "2025" / "old.md", b"Last year's work", b"Renamed work", out)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))

    def fail(output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri == "achievements/2025/index.md":
            raise RuntimeError("a plugin broke")  # after careerfolio's on_post_page, before the page is written
        return output

    config.plugins.events["post_page"].append(fail)
    with pytest.raises(RuntimeError):
        build(config, dirty=True)
    assert "Renamed work" not in year_2025.read_text()
    _rebuild(root, out)  # nothing saved since: the page must still be redone
    assert "Renamed work" in year_2025.read_text()


@pytest.mark.parametrize("dirty", [False, True])
def test_serve_on_a_long_career_suggests_dirty_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dirty: bool) -> None:
    monkeypatch.setattr(serve, "SERVE_DIRTY_HINT_FILES", len(FILES))
    root = write_site(tmp_path / "career", FILES)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    # The plugin's own logger: MkDocs may have stopped its loggers from reaching the root logger.
    plugin_logger = logging.getLogger("mkdocs.plugins.careerfolio.adapters.mkdocs.serve")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign]
    plugin_logger.addHandler(handler)
    level = plugin_logger.level
    plugin_logger.setLevel(logging.INFO)
    try:
        build(config, dirty=dirty)
        build(config, dirty=dirty)
    finally:
        plugin_logger.removeHandler(handler)
        plugin_logger.setLevel(level)
    hints = [record.getMessage() for record in records if "--dirty" in record.getMessage()]
    assert len(hints) == (0 if dirty else 1)  # once per session, and only when it would help
    assert all(f": {len(FILES)} Markdown files:" in message for message in hints)


def test_a_save_that_keeps_the_files_size_and_date_still_reaches_the_generated_pages(tmp_path: Path) -> None:
    """Unchanged files are not read again under serve; an edit of the same length with its date set back is still seen."""
    root, out = write_site(tmp_path / "career", YEARS), tmp_path / "out"
    _, year_2026, _ = _dirty_serve(root, out)
    saved = root / "content" / "journal" / "2026" / "a.md"
    before = saved.stat()
    saved.write_bytes(saved.read_bytes().replace(b"Old title", b"Odd title"))
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert saved.stat().st_size == before.st_size and saved.stat().st_mtime_ns == before.st_mtime_ns
    year_2026.unlink()  # MkDocs goes by the date to redo a page; the plan must still hold the new title
    _rebuild(root, out)
    assert "Odd title" in year_2026.read_text() and "Old title" not in year_2026.read_text()
    assert "Odd title" in (out / "dashboard" / "index.html").read_text()


def test_the_source_cache_reads_a_file_again_only_when_its_stamp_changes() -> None:
    cache, reads = SourceCache(), []

    def read(data: bytes) -> Callable[[], bytes]:
        return lambda: reads.append(data) or data

    assert cache.read("a.md", (1, 10), read(b"one")) == b"one"
    assert cache.read("a.md", (1, 10), read(b"two")) == b"one"  # same stamp: not read
    assert cache.read("a.md", (2, 10), read(b"two")) == b"two"
    assert reads == [b"one", b"two"]
    cache.keep_only([])
    assert cache.read("a.md", (2, 10), read(b"three")) == b"three"  # forgotten with its file
