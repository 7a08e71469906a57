"""`careerfolio init`: a clean career of one's own that builds at once; a folder that is not empty is left alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from careerfolio import __version__
from careerfolio.authoring.editor import build_schema_files
from careerfolio.authoring.release import install_requirement
from careerfolio.content.corpus import load_corpus
from careerfolio.content.loader import read_tree
from cli_support import assert_clean, run, snapshot
from helpers import TODAY, output_text, run_mkdocs, write_site

NAME, HEADLINE = "Ana O'Neil: Data #1", "Makes pipelines boring"
WORKFLOWS = ("check.yml", "publish.yml", "reminders.yml")


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by `init --name --headline`, shared by the read-only tests of this module."""
    parent = tmp_path_factory.mktemp("init")
    result = run(parent, "init", "career", "--name", NAME, "--headline", HEADLINE)
    assert result.exit_code == 0, result.output
    return parent / "career"


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by `init --example`, without a name."""
    parent = tmp_path_factory.mktemp("tour")
    result = run(parent, "init", "tour", "--example")
    assert result.exit_code == 0, result.output
    return parent / "tour"


def test_init_starts_a_clean_career_named_after_the_person(starter: Path) -> None:
    corpus = load_corpus(read_tree(starter / "content"))
    assert corpus.problems == ()
    assert (corpus.entries, corpus.skills, corpus.checkups, corpus.roles, corpus.contacts, corpus.decisions, corpus.items) == ((),) * 7
    assert corpus.profile is not None and (corpus.profile.name, corpus.profile.headline) == (NAME, HEADLINE)
    assert yaml.safe_load((starter / "mkdocs.yml").read_text())["site_name"] == NAME
    assert "/site-private/" in (starter / ".gitignore").read_text().split()
    assert_clean(starter)


def test_the_new_site_has_a_dark_mode_toggle_and_no_google_fonts(starter: Path) -> None:
    theme = yaml.safe_load((starter / "mkdocs.yml").read_text())["theme"]
    assert theme["font"] is False
    assert {p["scheme"] for p in theme["palette"]} == {"default", "slate"} and all("toggle" in p for p in theme["palette"])


def test_init_without_a_name_keeps_the_profile_private_and_says_so(tour: Path) -> None:
    corpus = load_corpus(read_tree(tour / "content"))
    assert corpus.problems == () and corpus.profile is not None and not corpus.profile.public
    assert yaml.safe_load((tour / "mkdocs.yml").read_text())["site_name"] == "My career"


def test_the_tour_is_private_marked_dated_from_today_and_has_no_current_role(tour: Path) -> None:
    corpus = load_corpus(read_tree(tour / "content"))
    assert corpus.problems == ()
    assert corpus.public().entries == () and corpus.public().skills == () and corpus.public().roles == ()
    assert corpus.items and corpus.public().items == ()  # awards, certifications, education, projects, talks
    assert all(role.end is not None for role in corpus.roles)
    for path in (tour / "content").rglob("*.md"):
        if path.name not in ("profile.md", "layoff-plan.md"):
            assert "EXAMPLE" in path.read_text(), path
    dates = [entry.date for entry in corpus.entries] + [checkup.date for checkup in corpus.checkups]
    assert all(TODAY - dt.timedelta(days=120) < day <= TODAY for day in dates)


def test_init_includes_the_schemas_that_the_schema_command_makes(starter: Path) -> None:
    for schema_file in build_schema_files():
        assert (starter / "schemas" / schema_file.path).read_text() == schema_file.text


def test_the_workflows_install_exactly_this_careerfolio(starter: Path) -> None:
    assert sorted(p.name for p in (starter / ".github/workflows").iterdir()) == sorted(WORKFLOWS)
    assert install_requirement() == f"careerfolio @ git+https://github.com/careerfolio/careerfolio@v{__version__}"
    for name in WORKFLOWS:
        text = (starter / ".github/workflows" / name).read_text()
        installs = re.findall(r"pip install (.+)", text)
        assert installs == [f'"{install_requirement()}"'], name


def test_the_default_publishing_is_the_safe_private_to_public_one(starter: Path) -> None:
    publish = yaml.safe_load((starter / ".github/workflows/publish.yml").read_text())
    steps = publish["jobs"]["publish"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "careerfolio check --strict" in runs and "python -m mkdocs build --strict" in runs
    assert "github.event.repository.private != true" in steps[0]["if"]  # refuses to run in a public repository
    assert "pages" not in publish["permissions"]
    check = yaml.safe_load((starter / ".github/workflows/check.yml").read_text())
    assert "careerfolio check --strict" in [step.get("run", "") for step in check["jobs"]["check"]["steps"]]


def test_the_new_site_builds_strictly_and_publishes_only_the_person(starter: Path) -> None:
    result = run_mkdocs(starter, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    home = BeautifulSoup(output_text(starter / "site")["index.html"], "html.parser")
    assert NAME in home.get_text() and HEADLINE in home.get_text()


def test_the_tour_publishes_none_of_its_examples(tour: Path) -> None:
    result = run_mkdocs(tour, "build", "--strict")
    assert result.returncode == 0, result.stderr
    # The theme's own scripts are left out: they are the same on every site.
    everything = "\n".join(text for path, text in output_text(tour / "site").items() if not path.startswith("assets/"))
    for private in ("Example", "Alex", "team-lead", "career journal", "Your Name"):
        assert private not in everything, private


def test_a_private_build_asks_no_other_site_whatever_the_theme_says(tmp_path: Path) -> None:
    extra = "repo_url: https://github.com/example/career\nextra:\n  analytics: {provider: google, property: G-X}\n"
    site = write_site(tmp_path, [], extra_config=extra)
    config = yaml.safe_load((site / "mkdocs.yml").read_text())
    config["theme"] = {"name": "material"}  # Material's default: Roboto from Google Fonts
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config))
    result = run_mkdocs(site, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    for path, text in output_text(site / "site-private").items():
        if path.endswith(".html"):
            soup = BeautifulSoup(text, "html.parser")
            fetched = [tag.get("href") or tag.get("src") or "" for tag in soup.find_all(["link", "script", "img"])]
            assert not [url for url in fetched if url.startswith(("http:", "https:", "//"))], path
            assert "googleapis" not in text and "googletagmanager" not in text, path


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
    result = run(tmp_path, "init", "busy", "--name", "Me")
    assert result.exit_code == 1
    assert "is not empty" in result.output and "nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert snapshot(target) == before


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "career").write_text("a file\n")
    result = run(tmp_path, "init", "career")
    assert result.exit_code == 1 and "is a file" in result.output
    assert (tmp_path / "career").read_text() == "a file\n"


def test_at_a_terminal_init_asks_for_the_name_and_headline(tmp_path: Path) -> None:
    from cli_support import Terminal

    term = Terminal(tmp_path, "init", "mine")
    term.expect("Your name: ")
    term.type("Zoë Ünal\r")
    term.expect("Your headline (one line, Enter to skip): ")
    term.type("\r")
    term.expect("careerfolio checkup")
    assert term.wait() == 0
    corpus = load_corpus(read_tree(tmp_path / "mine" / "content"))
    assert corpus.problems == () and corpus.profile is not None and corpus.profile.public
    assert (corpus.profile.name, corpus.profile.headline) == ("Zoë Ünal", None)
    assert yaml.safe_load((tmp_path / "mine" / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == "Zoë Ünal"
