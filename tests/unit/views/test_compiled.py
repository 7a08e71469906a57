"""Compiled templates kept on disk: reused by the next build, never stale, never shared across settings."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from careerfolio.views.compiled import CompiledTemplates, default_cache_folder


def _environment(templates: Path, cache: Path, **settings: object) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=CompiledTemplates(cache), **settings)  # type: ignore[arg-type]


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the templates Jinja compiles from source during the test."""
    seen: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        seen.append(name or "")
        return original(self, source, name, *args, **kwargs)  # type: ignore[arg-type, call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def test_a_later_build_reuses_the_code_compiled_by_an_earlier_one(tmp_path: Path, compiles: list[str]) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ name }}</p>")
    first = _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada")
    second = _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada")
    assert first == second == "<p>Ada</p>"
    assert compiles == ["page.html"]
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_an_edited_template_is_compiled_again(tmp_path: Path, compiles: list[str]) -> None:
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("<p>{{ name }}</p>")
    assert _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada") == "<p>Ada</p>"
    page.write_text("<h1>{{ name }}</h1>")
    assert _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada") == "<h1>Ada</h1>"
    assert compiles == ["page.html", "page.html"]


def test_environments_that_compile_differently_do_not_share_code(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ name }}\n{% if true %}\nx\n{% endif %}\n")
    escaping = _environment(tmp_path / "t", tmp_path / "cache", autoescape=True, trim_blocks=True)
    plain = _environment(tmp_path / "t", tmp_path / "cache", autoescape=False)
    assert escaping.get_template("page.html").render(name="<b>") == "&lt;b&gt;\nx\n"
    assert plain.get_template("page.html").render(name="<b>") == "<b>\n\nx\n"


def test_a_cache_folder_that_cannot_be_written_only_costs_the_compile(tmp_path: Path, compiles: list[str]) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ name }}</p>")
    (tmp_path / "blocked").write_text("a file where the cache folder would be")
    cache = tmp_path / "blocked" / "cache"
    assert _environment(tmp_path / "t", cache).get_template("page.html").render(name="Ada") == "<p>Ada</p>"
    assert _environment(tmp_path / "t", cache).get_template("page.html").render(name="Ada") == "<p>Ada</p>"
    assert compiles == ["page.html", "page.html"]


def test_a_damaged_cache_file_is_compiled_over(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ name }}</p>")
    _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html")
    (cached,) = (tmp_path / "cache").iterdir()
    cached.write_bytes(b"not compiled code")
    assert _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada") == "<p>Ada</p>"


def test_the_cache_folder_can_be_chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERFOLIO_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_folder() == tmp_path / "mine"
    monkeypatch.delenv("CAREERFOLIO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_folder() == tmp_path / "xdg" / "careerfolio" / "templates"


def test_a_cache_file_cut_short_is_compiled_over(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ name }}</p>")
    _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html")
    (cached,) = (tmp_path / "cache").iterdir()
    for length in (3, 10, 40, len(cached.read_bytes()) // 2):
        cached.write_bytes(cached.read_bytes()[:length])
        assert _environment(tmp_path / "t", tmp_path / "cache").get_template("page.html").render(name="Ada") == "<p>Ada</p>"
