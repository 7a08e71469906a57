"""`careerfolio check` as users run it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from careerfolio.adapters.cli.commands import main
from helpers import REPO, make_entry, make_skill, run_mkdocs, write_site


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


# -- one truth: what `mkdocs build --strict` stops on, `check` reports ----------------------------


def test_a_public_entry_linking_to_a_private_page_fails_check_as_it_fails_the_build(tmp_path: Path) -> None:
    body = "See [my notes](../../notes.md) for more."
    write_site(tmp_path, [make_entry(visibility="public", body=body), ("notes.md", b"---\ntitle: Notes\n---\nPrivate.\n")])
    result = CliRunner().invoke(main, ["check", "--strict", str(tmp_path)])
    build = run_mkdocs(tmp_path, "build", "--strict")
    assert build.returncode != 0
    assert result.exit_code == 1, result.output
    assert "journal/2026/entry.md:7: warning:" in result.output and "links to a page that is not public" in result.output
    assert "notes" not in result.output.replace("notes.md", "")  # neither the page's address nor its text


def test_check_leaves_out_what_mkdocs_leaves_out(tmp_path: Path) -> None:
    broken = b"---\ntitle: [unclosed\n---\n"
    files = [
        make_entry(),
        ("templates/page.md", broken),
        ("drafts/idea.md", broken),
        ("archive/old.md", broken),
        ("archive/keep.md", broken),
    ]
    write_site(tmp_path, files, extra_config="exclude_docs: |\n  /archive/\n  !/archive/keep.md\ndraft_docs: |\n  drafts/\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.output.splitlines()[:-1]] == [f"{tmp_path}/content/archive/keep.md"]
    assert result.output.splitlines()[-1] == "2 files checked: 1 error, 0 warnings"
    assert run_mkdocs(tmp_path, "build", "--strict").returncode != 0  # the kept file stops the build too


def test_every_problem_of_a_file_at_once_and_references_to_files_with_errors_say_so(tmp_path: Path) -> None:
    entry = make_entry(title=None, date="2026-02-30", skills=["pyton", "broken"], role="acme", body="No heading.")
    files = [entry, make_skill("python"), make_skill("broken", level=9), ("roles/acme.md", b"---\norganization: Acme\n---\n")]
    write_site(tmp_path, files)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    lines = [line.removeprefix(f"{tmp_path}/content/") for line in result.output.splitlines()]
    entry_lines = [line for line in lines if line.startswith("journal/")]
    # The missing title is reported beside the bad date, not only once the date is fixed.
    assert any("title: is required" in line for line in entry_lines) and any("date: is not a real" in line for line in entry_lines)
    # An entry with errors still has its references checked.
    assert any('did you mean "python"?' in line for line in entry_lines)
    assert any("skills: names skills/broken.md, which has errors" in line for line in entry_lines)
    assert any("role: names roles/acme.md, which has errors" in line for line in entry_lines)
    assert not any("not a file in skills/" in line and "python" not in line for line in entry_lines)
