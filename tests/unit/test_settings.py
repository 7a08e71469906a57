"""The plugin's options: one judge (build_settings) for `mkdocs build` and the `careerfolio` command alike."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfolio.adapters.mkdocs.siteconfig import SiteConfigError, read_site_config
from careerfolio.settings import OPTION_NAMES, Settings, SettingsError, build_settings
from cli_support import run
from helpers import make_entry, run_mkdocs, write_site


def test_folders_are_normalised_and_may_be_nested() -> None:
    settings = build_settings({"journal_dir": "./notes//journal/", "skills_dir": "skills/", "profile_file": "about/me.md"})
    assert (settings.journal_dir, settings.skills_dir, settings.profile_file) == ("notes/journal", "skills", "about/me.md")
    assert settings.classify("notes/journal/2026/a.md") == ("entry", "2026/a")
    assert settings.classify("journal/a.md") == ("page", None)
    assert settings.classify("skills/python.md") == ("skill", "python")
    assert settings.classify("skills/more/python.md") == ("page", None)
    assert settings.classify("about/me.md") == ("profile", None)
    assert build_settings(None) == Settings()


INVALID = {
    "a list": [1, 2],
    "a yes/no word": True,
    "a number for a folder": {"journal_dir": 5},
    "an unknown option": {"jounral_dir": "journal"},
    "a folder above docs_dir": {"journal_dir": "../journal"},
    "an absolute folder": {"journal_dir": "/journal"},
    "an empty folder": {"journal_dir": " / "},
    "two content types in one folder": {"journal_dir": "skills"},
    "one folder inside another": {"journal_dir": "notes", "network_dir": "notes/people"},
    "a profile that is not Markdown": {"profile_file": "profile.txt"},
    "zero days": {"checkup_every": 0},
    "a yes/no word for days": {"stale_after": True},
    "an unknown audience": {"audience": "everyone"},
    "a word for a flag": {"serve_private_on_any_address": "yes"},
}


@pytest.mark.parametrize("options", INVALID.values(), ids=INVALID.keys())
def test_an_invalid_option_is_an_error_naming_the_option(options: Any) -> None:
    with pytest.raises(SettingsError) as raised:
        build_settings(options)
    assert "careerfolio" in str(raised.value) and "\n" not in str(raised.value)


def _site(tmp_path: Path, plugins: Any, extra: str = "") -> Path:
    site = write_site(tmp_path, [make_entry(path="notes/journal/2026/entry.md")])
    config = {"site_name": "T", "docs_dir": "content", "theme": {"name": "material", "font": False}, "plugins": plugins}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False) + extra)
    return site


@pytest.mark.parametrize(
    "options",
    [[1, 2], "yes", {"journal_dir": 5}, {"journal_dir": "../x"}],
    ids=["list", "yes", "number", "outside"],
)
def test_the_command_refuses_invalid_options_in_one_line(tmp_path: Path, options: Any) -> None:
    site = _site(tmp_path, ["search", {"careerfolio": True if options == "yes" else options}])
    for args in (("check",), ("new", "entry", "Something"), ("report", "--since", "2026-01-01")):
        result = run(site, *args)
        assert result.exit_code == 1, result.output
        (line,) = result.output.strip().splitlines()
        assert line.startswith("Error: ") and "mkdocs.yml: plugins: careerfolio" in line and "Traceback" not in line
    assert not (site / "content" / "5").exists()


@pytest.mark.parametrize(
    "options",
    [[1, 2], True, {"journal_dir": 5}, {"journal_dir": "../x"}, {"journal_dir": "notes", "network_dir": "notes/people"}],
    ids=["list", "yes", "number", "outside", "nested in another"],
)
def test_the_build_refuses_an_option_the_command_refuses(tmp_path: Path, options: Any) -> None:
    site = _site(tmp_path, ["search", {"careerfolio": options}])
    result = run_mkdocs(site, "build")
    assert result.returncode == 1
    assert "careerfolio" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert run(site, "check").exit_code == 1


def test_a_nested_journal_folder_means_the_same_to_the_build_and_the_command(tmp_path: Path) -> None:
    site = _site(tmp_path, {"search": {}, "careerfolio": {"journal_dir": "notes/journal/"}})  # the mapping form of plugins
    written = run(site, "new", "entry", "Shipped the thing")
    assert written.exit_code == 0 and written.output.startswith("content/notes/journal/"), written.output
    checked = run(site, "check")
    assert "2 files checked: 0 errors" in checked.output, checked.output
    built = run_mkdocs(site, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert (site / "site" / "notes" / "journal" / "2026" / "entry" / "index.html").is_file()


def test_the_command_reads_mkdocs_yml_as_mkdocs_does(tmp_path: Path) -> None:
    """INHERIT and !ENV, through MkDocs' own loader."""
    site = _site(tmp_path, ["search"])
    base = {"docs_dir": "content", "plugins": ["search", {"careerfolio": {"journal_dir": "notes/journal"}}]}
    (site / "base.yml").write_text(yaml.safe_dump(base))
    (site / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: T\ndocs_dir: !ENV [CF_DOCS, content]\n")
    (site / "elsewhere").mkdir()
    result = run(site, "new", "skill", "Rust", env={"CF_DOCS": "elsewhere"})
    assert result.exit_code == 0 and result.output.strip() == "elsewhere/skills/rust.md", result.output
    result = run(site, "new", "entry", "Shipped")
    assert result.output.startswith("content/notes/journal/"), result.output


def test_without_mkdocs_the_command_reads_mkdocs_yml_safely_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The core runs without MkDocs; the command then reads the file itself, its tags as empty."""
    options = {"careerfolio": {"journal_dir": "notes/journal"}}
    site = _site(tmp_path, ["search", options], extra="extra:\n  key: !!python/name:careerfolio_no_such_module.x\n")
    assert "cannot find module" in run(site, "new", "entry", "Shipped").output  # MkDocs' own loader imports what the tag names
    monkeypatch.setitem(sys.modules, "mkdocs.utils.yaml", None)  # `import` of it now fails
    assert "cannot find module" in run(site, "new", "entry", "Shipped").output  # ProperDocs' loader, likewise
    monkeypatch.setitem(sys.modules, "properdocs.utils.yaml", None)
    result = run(site, "new", "entry", "Shipped")
    assert result.exit_code == 0 and result.output.startswith("content/notes/journal/"), result.output


def test_without_mkdocs_properdocs_reads_properdocs_yml_with_inherit_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, ["search"])
    (site / "mkdocs.yml").unlink()
    (site / "base.yml").write_text(yaml.safe_dump({"docs_dir": "content", "plugins": [{"careerfolio": {"journal_dir": "notes/journal"}}]}))
    (site / "properdocs.yml").write_text("INHERIT: base.yml\nsite_name: T\ndocs_dir: !ENV [CF_DOCS, content]\n")
    (site / "elsewhere").mkdir()
    monkeypatch.setitem(sys.modules, "mkdocs.utils.yaml", None)
    result = run(site / "content", "new", "skill", "Rust", env={"CF_DOCS": "elsewhere"})
    assert result.exit_code == 0 and result.output.strip() == "../elsewhere/skills/rust.md", result.output
    result = run(site, "new", "entry", "Shipped")
    assert result.output.startswith("content/notes/journal/"), result.output


def test_a_site_with_only_zensical_toml_is_found_by_its_docs_dir(tmp_path: Path) -> None:
    site = _site(tmp_path, ["search"])
    (site / "mkdocs.yml").unlink()
    (site / "zensical.toml").write_text('[project]\nsite_name = "T"\ndocs_dir = "notes"\n')
    (site / "notes").mkdir()
    result = run(site / "notes", "new", "skill", "Rust")
    assert result.exit_code == 0 and result.output.strip() == "skills/rust.md", result.output


_ANY_YAML_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.sampled_from(OPTION_NAMES),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(OPTION_NAMES) | st.text(max_size=6), inner, max_size=4),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(options=_ANY_YAML_VALUE)
def test_any_options_give_settings_or_one_line_naming_the_plugin(options: Any) -> None:
    try:
        build_settings(options)
    except SettingsError as exc:
        assert str(exc).startswith("careerfolio: ") and "\n" not in str(exc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plugins=_ANY_YAML_VALUE, docs_dir=_ANY_YAML_VALUE)
def test_any_mkdocs_yml_gives_a_site_or_one_clean_line(tmp_path: Path, plugins: Any, docs_dir: Any) -> None:
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "T", "docs_dir": docs_dir, "plugins": plugins}))
    try:
        read_site_config(tmp_path)
    except SiteConfigError as exc:
        assert "\n" not in str(exc)


def test_an_always_private_folder_counts_in_any_case() -> None:
    settings = Settings()
    assert settings.classify("Network/bob.md") == ("contact", "bob")
    assert settings.classify("CHECKUPS/2026/q1.md") == ("checkup", "2026/q1")
    assert settings.is_always_private("Decisions/scan.pdf")
    assert settings.classify("Networking/bob.md") == ("page", None)
    assert settings.classify("Skills/python.md") == ("page", None)  # only the always-private folders
    assert settings.classify("Layoff-Plan.md") == ("layoff_plan", None) and settings.is_always_private("LAYOFF-PLAN.md")
