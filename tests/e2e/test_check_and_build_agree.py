"""`careerfolio check` and `mkdocs build` read mkdocs.yml alike: the same content folders, the same problems, or the same refusal.

Each configuration puts a broken entry in the configured journal folder and,
where that is not the default, a page in the default `journal/` that would be
a broken entry there. A reader that ignored or misread the option would find
the other file broken, and the problems of the two would differ.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_support import run
from helpers import front_matter, make_entry, run_mkdocs

# A problem as Problem.format() writes it: `path[:line]: severity: ...`.
_PROBLEM = re.compile(r"^\S[^:]*(?::\d+)?: (?:error|warning): .*$")
# What MkDocs puts before a message of careerfolio's logger.
_BUILD_PREFIX = re.compile(r"^(?:WARNING|INFO|ERROR)\s+-\s+careerfolio: ")

PLUGINS = {
    "the mapping form of plugins": ({"search": {}, "careerfolio": {"journal_dir": "log"}}, "log"),
    "the mapping form without options": ({"search": {}, "careerfolio": None}, "journal"),
    "a folder with a trailing slash": (["search", {"careerfolio": {"journal_dir": "journal/"}}], "journal"),
    "a nested folder": (["search", {"careerfolio": {"journal_dir": "notes/journal"}}], "notes/journal"),
    "a nested folder, mapping form, written loosely": ({"careerfolio": {"journal_dir": "./notes//journal/"}}, "notes/journal"),
}


def _site(root: Path, plugins: Any, journal: str) -> Path:
    """A site whose journal is `journal`: one public entry, one entry without a date, and a stray page."""
    files = [
        make_entry(path=f"{journal}/2026/shipped.md", title="Shipped the importer"),
        make_entry(path=f"{journal}/2026/undated.md", title="An entry without a date", date=None),
    ]
    if journal != "journal":
        # An ordinary page here, but an entry without a date to a reader that ignores journal_dir.
        files.append(("journal/2026/stray.md", front_matter({"title": "Stray notes", "visibility": "public"}, "Notes.")))
    for path, data in files:
        (root / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / path).write_bytes(data)
    config = {"site_name": "T", "docs_dir": "content", "theme": {"name": "material", "font": False}, "plugins": plugins}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return root


def _checked(site: Path) -> tuple[int, set[str]]:
    """The exit code of `careerfolio check` and its problems, with paths relative to docs_dir."""
    result = run(site / "content", "check")
    return result.exit_code, {line for line in result.output.splitlines() if _PROBLEM.match(line)}


def _built(site: Path) -> tuple[int, set[str]]:
    """The exit code of the public and the private `mkdocs build`, and the problems they logged."""
    codes, problems = [], set()
    for audience in ("public", "private"):
        result = run_mkdocs(site, "build", env={"CAREERFOLIO_AUDIENCE": audience})
        codes.append(result.returncode)
        messages = (_BUILD_PREFIX.sub("", line) for line in result.stderr.splitlines() if _BUILD_PREFIX.match(line))
        problems |= {message for message in messages if _PROBLEM.match(message)}
    return max(codes), problems


@pytest.mark.parametrize(("plugins", "journal"), PLUGINS.values(), ids=PLUGINS.keys())
def test_check_and_build_find_the_same_problems(tmp_path: Path, plugins: Any, journal: str) -> None:
    site = _site(tmp_path, plugins, journal)
    check_code, checked = _checked(site)
    build_code, built = _built(site)
    assert (check_code, build_code) == (1, 0)  # check fails on errors; a build without --strict goes on
    assert checked == built, f"check: {sorted(checked)}\nbuild: {sorted(built)}"
    assert any(line.startswith(f"{journal}/2026/undated.md") and ": date:" in line for line in checked), checked
    # The dated entry is an entry to the build: it is on the achievements page of the public site.
    assert "Shipped the importer" in (site / "site" / "achievements" / "index.html").read_text()
    written = run(site, "new", "entry", "Wrote the agreement test")
    assert written.exit_code == 0 and written.output.startswith(f"content/{journal}/2026/"), written.output


REFUSED = {
    "the mapping form, a folder above docs_dir": {"careerfolio": {"journal_dir": "../journal"}},
    "the mapping form, an unknown option": {"search": {}, "careerfolio": {"jounral_dir": "notes"}},
    "a nested folder inside another content folder": ["search", {"careerfolio": {"journal_dir": "skills/journal"}}],
    "a résumé variant whose id is no URL": {"careerfolio": {"resumes": {"Data Jobs": {"tags": ["data"]}}}},
    "a messages file with a word careerfolio does not know": ["search", {"careerfolio": {"messages": "words.yaml"}}],
}


@pytest.mark.parametrize("plugins", REFUSED.values(), ids=REFUSED.keys())
def test_check_and_build_refuse_the_same_options_in_the_same_words(tmp_path: Path, plugins: Any) -> None:
    site = _site(tmp_path, plugins, "journal")
    (site / "words.yaml").write_text("no.such.word: Hello\n")
    checked = run(site, "check")
    built = run_mkdocs(site, "build")
    assert checked.exit_code == 1 and built.returncode == 1
    (refusal,) = checked.output.strip().splitlines()
    option = refusal.removeprefix("Error: ").split(": careerfolio: ", 1)[1]
    assert f"mkdocs.yml: plugins: careerfolio: {option}" in built.stderr, built.stderr
    assert "Traceback" not in built.stderr and not (site / "site").exists()


def test_check_and_build_refuse_a_messages_file_that_is_not_there(tmp_path: Path) -> None:
    """MkDocs itself refuses the path, in its own words, before careerfolio sees it."""
    site = _site(tmp_path, ["search", {"careerfolio": {"messages": "missing.yaml"}}], "journal")
    checked = run(site, "check")
    built = run_mkdocs(site, "build")
    assert checked.exit_code == 1 and built.returncode == 1
    assert "careerfolio: messages: must name an existing YAML file" in checked.output
    assert "'messages'" in built.stderr and "Traceback" not in built.stderr
