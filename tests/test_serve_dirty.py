"""`mkdocs serve --dirty`: after a save, the pages that show the saved file are rebuilt too, and only those."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from careerfolio.corpus import build_corpus, load_corpus
from careerfolio.dependents import stale_pages
from careerfolio.loader import SourceCache
from conftest import make_entry, make_role, make_skill, write_site

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


def test_a_rebuild_after_a_template_edit_shows_the_edit(tmp_path: Path) -> None:
    """Compiled templates are kept between the rebuilds of one `mkdocs serve`; an edited one is compiled again."""
    root = write_site(tmp_path / "career", FILES)
    settings = yaml.safe_load((root / "mkdocs.yml").read_text())
    settings["theme"]["custom_dir"] = "overrides"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    template = root / "overrides" / "main.html"
    template.parent.mkdir()
    template.write_text('{% extends "base.html" %}{% block announce %}Banner one{% endblock %}')
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
