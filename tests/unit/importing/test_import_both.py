"""Issue 21's "done when": a LinkedIn export and a JSON Resume imported into a fresh site check clean, build, show, and come in once."""

from __future__ import annotations

from pathlib import Path

from cli_support import assert_clean, run, snapshot
from helpers import REPO, run_mkdocs

FIXTURES = REPO / "tests" / "fixtures" / "imports"


def test_both_imports_into_a_fresh_site_check_clean_build_show_and_a_second_round_writes_nothing(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "site").exit_code == 0
    site = tmp_path / "site"
    run(site, "import", "linkedin", str(FIXTURES / "linkedin-2024"), "--contacts")
    run(site, "import", "jsonresume", str(FIXTURES / "resume.json"))
    assert_clean(site)
    for env in ({}, {"CAREERFOLIO_AUDIENCE": "private"}):
        built = run_mkdocs(site, "build", "--strict", env=env)
        assert built.returncode == 0, built.stderr
    # Imported files are private, so the private build shows them: a page for each role and skill, and the dashboard's skills.
    private = site / "site-private"
    assert (private / "roles/initrode-staff-engineer/index.html").is_file()
    assert (private / "roles/acme-corp-senior-data-engineer/index.html").is_file()
    dashboard = (private / "dashboard/index.html").read_text("utf-8")
    assert "Bazel" in dashboard and "Apache Airflow" in dashboard
    before = snapshot(site / "content")
    again = [
        run(site, "import", "linkedin", str(FIXTURES / "linkedin-2024"), "--contacts"),
        run(site, "import", "jsonresume", str(FIXTURES / "resume.json")),
    ]
    assert snapshot(site / "content") == before
    assert all("Import wrote 0 files;" in result.output for result in again)
