"""The speed tricks: one switch turns them all off, the output is the same either way, and each steps aside when it must."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from careerfolio.adapters.mkdocs.plugin import SPEED_TRICKS_ENV, speed_tricks_wanted
from careerfolio.views.compiled import CompiledTemplates
from helpers import build_example, make_entry, make_profile, make_role, make_skill, run_mkdocs, write_site


def _comparable(site: Path) -> dict[str, str]:
    """Every output file but the search index as text, with runs of white space folded (a shared fragment keeps
    its own indentation)."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".gz", ".woff2", ".pdf") or path.name == "search_index.json":
            continue
        found[path.relative_to(site).as_posix()] = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
    return found


def _search_words(site: Path) -> dict[str, set[str]]:
    """The words the search index holds for each page (its sections together), tags left out."""
    words: dict[str, set[str]] = {}
    for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        text = re.sub(r"<[^>]*>", " ", f"{doc['title']} {doc['text']}")
        words.setdefault(doc["location"].split("#")[0], set()).update(re.findall(r"\w+", text.lower()))
    return words


def _made_of(word: str, parts: set[str]) -> bool:
    """Whether `word` is words of `parts` run together, as the search plugin joins the texts of adjacent links."""
    if not word:
        return True
    return any(word.startswith(part) and _made_of(word[len(part) :], parts) for part in parts if part)


@pytest.mark.parametrize("audience", ["public", "private"])
def test_the_example_builds_the_same_with_and_without_the_speed_tricks(
    tmp_path: Path, audience: str, example_source: Path, request: pytest.FixtureRequest
) -> None:
    # The session's build of the example has the tricks as the environment sets them; the other one is built here,
    # from the same copy, into a folder with "private" in its name, where a private build may write.
    shared: Path = request.getfixturevalue(f"example_{audience}")
    tricks = "off" if speed_tricks_wanted() else "on"
    other = build_example(example_source, audience, site_dir=tmp_path / f"{audience}-private-{tricks}", env={SPEED_TRICKS_ENV: tricks})
    fast_site, plain_site = (other, shared) if tricks == "on" else (shared, other)
    fast, plain = _comparable(fast_site), _comparable(plain_site)
    assert sorted(fast) == sorted(plain)
    different = [path for path in fast if fast[path] != plain[path]]
    assert not different, f"{len(different)} files differ, first {different[:5]}"
    # Search sees the header and the dashboard's blocks as their text while the tricks are on: the same words
    # on the same pages, in fewer sections, with words of adjacent links kept apart.
    fast_words, plain_words = _search_words(fast_site), _search_words(plain_site)
    assert sorted(fast_words) == sorted(plain_words)
    for page, words in plain_words.items():
        assert all(_made_of(word, fast_words[page]) for word in words - fast_words[page]), page
        assert all(any(word in other for other in words) for word in fast_words[page] - words), page


def test_a_users_nav_item_partial_is_rendered_for_every_page(tmp_path: Path) -> None:
    """The nav's partial includes nav-item.html; a user's version of it may show anything of the page."""
    files = [make_profile(), make_entry(path="journal/2026/a.md", title="First"), make_entry(path="journal/2026/b.md", title="Second")]
    root = write_site(tmp_path, files, extra_config="")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert theirs.count('<li class="{{ class }}">') >= 1, "Material's nav-item.html changed; this test needs another hook"
    partial = root / "overrides" / "partials" / "nav-item.html"
    partial.parent.mkdir(parents=True)
    partial.write_text(theirs.replace('<li class="{{ class }}">', '<li class="{{ class }}" data-seen-from="{{ page.url }}">'))
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    for name in ("a", "b"):
        page = root / "site" / "journal" / "2026" / name / "index.html"
        seen = {item["data-seen-from"] for item in BeautifulSoup(page.read_text(), "html.parser").select("[data-seen-from]")}
        assert seen == {f"journal/2026/{name}/"}, f"the nav of {name} was rendered for another page: {seen}"


@pytest.mark.skipif(not speed_tricks_wanted(), reason="the search stand-in is a speed trick, turned off")
def test_another_plugins_edit_of_the_page_leaves_no_search_stand_in_behind(tmp_path: Path) -> None:
    files = [make_profile(), make_role("acme"), make_skill("python"), make_entry(role="acme", skills=["python"], impact="Saved a day")]
    root = write_site(tmp_path, files)
    (root / "hooks.py").write_text(
        textwrap.dedent(
            """
            def on_page_content(html, page, config, files):
                # A typography plugin of the kind that rewords text: here, every "Impact" becomes "Effect".
                return html.replace("Impact", "Effect")
            """
        )
    )
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks:\n  - hooks.py\n")
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "journal" / "2026" / "entry" / "index.html").read_text()
    assert "stand-in" not in page
    assert "Effect" not in page, "the search stand-in, edited by the other plugin, is still on the page"


def test_a_changed_filter_compiles_the_template_again(tmp_path: Path) -> None:
    """Jinja writes a filter's call by how it takes its arguments: code compiled for another kind of filter is not reused."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("{{ 'x' | mark }}")

    def environment(mark: object) -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=CompiledTemplates(tmp_path / "cache"))
        env.filters["mark"] = mark
        return env

    assert environment(lambda value: f"<{value}>").get_template("page.html").render() == "<x>"

    @jinja2.pass_context
    def with_context(context: jinja2.runtime.Context, value: str) -> str:
        return f"{context['who']}:{value}"

    assert environment(with_context).get_template("page.html").render(who="me") == "me:x"
