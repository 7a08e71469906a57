"""`careerfolio check` as users run it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from careerfolio.cli import main
from conftest import REPO, make_entry, make_skill, write_site


def test_the_example_career_is_clean() -> None:
    result = CliRunner().invoke(main, ["check", str(REPO)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("0 errors, 0 warnings")


def test_errors_exit_1_with_one_line_each_and_no_private_value(tmp_path: Path) -> None:
    secret = "Negotiated a salary of 98765"
    write_site(tmp_path, [make_entry(title=secret, visibility="yes", date="2026-02-30"), make_skill()])
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    prefix = f"{tmp_path}/content/"
    assert all(line.startswith(prefix) for line in lines[:-1])
    assert [line.removeprefix(prefix) for line in lines[:-1]] == [
        "journal/2026/entry.md:2: error: date: is not a real calendar date",
        'journal/2026/entry.md:5: error: visibility: must be one of "public", "private"',
    ]
    assert lines[-1] == "2 files checked: 2 errors, 0 warnings"
    assert secret not in result.output and "Traceback" not in result.output


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    write_site(tmp_path, [make_entry(skills=["pyhton"]), make_skill("python")])
    runner = CliRunner()
    relaxed = runner.invoke(main, ["check", str(tmp_path)])
    strict = runner.invoke(main, ["check", "--strict", str(tmp_path)])
    assert relaxed.exit_code == 0 and strict.exit_code == 1
    assert 'did you mean "python"?' in strict.output


def test_finds_the_site_from_a_folder_inside_it(tmp_path: Path, monkeypatch) -> None:
    write_site(tmp_path, [make_entry(visibility="maybe")])
    monkeypatch.chdir(tmp_path / "content" / "journal")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "journal/2026/entry.md:" in result.output


def test_no_site_is_a_plain_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert "no mkdocs.yml found" in result.output and "Traceback" not in result.output
    assert "(nor mkdocs.yaml, properdocs.yml or zensical.toml)" in result.output
