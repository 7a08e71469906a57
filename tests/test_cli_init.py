"""`careerfolio init`: a new site that builds at once, and a folder that is not empty is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from careerfolio.corpus import load_corpus
from careerfolio.editor import build_schema_files
from careerfolio.loader import read_tree
from careerfolio.records import ITEM_TYPES
from careerfolio.schema import CONTENT_TYPES
from cli_support import assert_clean, run, snapshot
from conftest import output_text, run_mkdocs


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One site made by init, shared by the read-only tests of this module."""
    parent = tmp_path_factory.mktemp("init")
    result = run(parent, "init", "career")
    assert result.exit_code == 0, result.output
    return parent / "career"


def test_init_writes_a_site_with_one_example_of_each_content_type(starter: Path) -> None:
    corpus = load_corpus(read_tree(starter / "content"))
    assert corpus.problems == ()
    counts = {
        "entry": len(corpus.entries),
        "skill": len(corpus.skills),
        "checkup": len(corpus.checkups),
        "role": len(corpus.roles),
        "contact": len(corpus.contacts),
        "decision": len(corpus.decisions),
        "profile": int(corpus.profile is not None),
        "layoff_plan": int(corpus.layoff_plan is not None),
        "page": len(corpus.pages),
        **{name: sum(1 for i in corpus.items if i.kind in (name, "talk" if name == "publication" else name)) for name in ITEM_TYPES},
    }
    assert counts == dict.fromkeys(CONTENT_TYPES, 1)
    for name in ("mkdocs.yml", ".gitignore", "frontmatter.json", ".github/workflows/pages.yml", ".github/workflows/check.yml"):
        assert (starter / name).is_file(), name
    assert "/site-private/" in (starter / ".gitignore").read_text().split()
    assert_clean(starter)


def test_init_includes_the_schemas_that_the_schema_command_makes(starter: Path) -> None:
    for schema_file in build_schema_files():
        assert (starter / "schemas" / schema_file.path).read_text() == schema_file.text


def test_the_workflows_build_strictly_and_publish_the_public_site(starter: Path) -> None:
    pages = yaml.safe_load((starter / ".github/workflows/pages.yml").read_text())
    steps = [step.get("run", "") for step in pages["jobs"]["build"]["steps"]]
    assert "careerfolio check --strict" in steps and "mkdocs build --strict" in steps
    assert all("CAREERFOLIO_AUDIENCE" not in str(step) for step in pages["jobs"]["build"]["steps"])
    check = yaml.safe_load((starter / ".github/workflows/check.yml").read_text())
    assert "careerfolio check --strict" in [step.get("run", "") for step in check["jobs"]["check"]["steps"]]


def test_the_new_site_builds_strictly_and_publishes_only_public_files(starter: Path) -> None:
    result = run_mkdocs(starter, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = output_text(starter / "site")
    entry = BeautifulSoup(site["journal/2026/2026-01-15-first-journal-entry/index.html"], "html.parser")
    assert entry.h1 is not None and entry.h1.get_text(strip=True).startswith("Started a career journal")
    pages = {path for path in site if path.endswith(".html")}
    assert not any(path.startswith(("network/", "decisions/", "checkups/", "layoff-plan")) for path in pages)
    everything = "\n".join(site.values())
    for private in ("Alex Example", "Apply for the team-lead role", "Meet one person outside my team"):
        assert private not in everything, private


def test_init_accepts_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert run(tmp_path, "init", "empty").exit_code == 0
    assert (tmp_path / "empty" / "mkdocs.yml").is_file()


@pytest.mark.parametrize("existing", ["notes.txt", ".git/HEAD", "mkdocs.yml"], ids=["a-file", "a-dot-folder", "a-site"])
def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path: Path, existing: str) -> None:
    target = tmp_path / "busy"
    (target / existing).parent.mkdir(parents=True, exist_ok=True)
    (target / existing).write_text("mine\n")
    before = snapshot(target)
    result = run(tmp_path, "init", "busy")
    assert result.exit_code == 1
    assert "is not empty" in result.output and "nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert snapshot(target) == before


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "career").write_text("a file\n")
    result = run(tmp_path, "init", "career")
    assert result.exit_code == 1 and "is a file" in result.output
    assert (tmp_path / "career").read_text() == "a file\n"
