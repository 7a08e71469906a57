"""`careerfolio import linkedin`: a LinkedIn data export, ZIP or folder, becomes private content files that check clean."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from careerfolio.content.loader import parse_source
from cli_support import assert_clean, run, snapshot
from helpers import REPO, run_mkdocs

FIXTURES = REPO / "tests" / "fixtures" / "imports"
EXPORT = FIXTURES / "linkedin-2024"  # current English headers, a BOM, notes above a header, bad rows
OLD_EXPORT = FIXTURES / "linkedin-old"  # German headers, month names in German, an unknown column, CRLF, most files missing
# Values of the bad rows and of fields the import leaves alone: none may appear in any output.
PERSONAL = ("Hooli", "Sometime", "John", "Roe", "31 Feb", "Secret Street", "1990-01-01", "10115", "jane@example.com", "LF-12345")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh `careerfolio init` site."""
    assert run(tmp_path, "init", "site").exit_code == 0
    return tmp_path / "site"


def _written(output: str, verb: str = "Wrote") -> list[str]:
    return sorted(line.split(" ", 1)[1] for line in output.splitlines() if line.startswith(f"{verb} "))


def test_an_export_becomes_private_files_in_the_content_format_that_check_clean(site: Path) -> None:
    (site / "content" / "profile.md").unlink()
    result = run(site, "import", "linkedin", str(EXPORT), "--contacts")
    written = _written(result.output)
    assert written == [
        "content/awards/engineering-excellence-award.md",
        "content/certifications/certified-kubernetes-administrator.md",
        "content/education/hamburg-university-of-technology-msc.md",
        "content/network/jane-doe.md",
        "content/profile.md",
        "content/projects/pipewrench.md",
        "content/roles/acme-corp-senior-data-engineer.md",
        "content/roles/globex-data-engineer.md",
        "content/roles/initech-intern.md",
        "content/skills/apache-airflow.md",
        "content/skills/python.md",
        "content/skills/sql.md",
    ]
    for path in written:
        meta = parse_source(path, (site / path).read_bytes()).meta
        assert meta.get("visibility", "private") == "private", path
    assert_clean(site)
    role = parse_source("r.md", (site / "content/roles/globex-data-engineer.md").read_bytes()).meta
    assert (role["organization"], role["title"], role["start"], role["end"], role["location"]) == (
        "Globex",
        "Data Engineer",
        "2017-03",
        "2021-05",
        "Hamburg",
    )
    profile = parse_source("p.md", (site / "content/profile.md").read_bytes())
    assert profile.meta["name"] == "Dana Reyes"
    assert profile.meta["languages"] == [
        {"language": "English", "fluency": "Full professional proficiency"},
        {"language": "Spanish", "fluency": "Native or bilingual proficiency"},
    ]
    assert "run quietly" in profile.body


def test_a_year_without_a_month_is_written_as_january_with_a_note_and_a_skill_asks_for_its_level(site: Path) -> None:
    result = run(site, "import", "linkedin", str(EXPORT))
    assert "Positions.csv:5: Started On: has a year without a month; January was written" in result.output
    assert parse_source("r.md", (site / "content/roles/initech-intern.md").read_bytes()).meta["start"] == "2016-01"
    skill = parse_source("s.md", (site / "content/skills/sql.md").read_bytes())
    assert skill.meta["level"] == 3
    assert "set `level`" in skill.body


def test_bad_rows_are_located_left_out_and_never_quoted(site: Path) -> None:
    result = run(site, "import", "linkedin", str(EXPORT), "--contacts")
    assert result.exit_code == 1
    assert "Positions.csv:6: Started On: is not a date careerfolio can read" in result.output
    assert "Connections.csv:6: Connected On: is not a date careerfolio can read" in result.output
    assert "Connections.csv:7: is not UTF-8 text; this record was not imported" in result.output
    assert "could not be imported" in result.output.splitlines()[-1]
    for value in PERSONAL:
        assert value not in result.output, value
    assert not list((site / "content").rglob("hooli*")) and not list((site / "content").rglob("*roe*"))
    assert not list((site / "content" / "network").glob("max*"))
    assert "Traceback" not in result.output


def test_a_record_twice_in_one_export_is_written_once(site: Path) -> None:
    result = run(site, "import", "linkedin", str(EXPORT), "--dry-run")
    assert "Skipped Skills.csv:5: the same skill as Skills.csv:2" in result.output  # Python and python
    assert result.output.count("Would write content/skills/python") == 1


def test_the_zip_imports_what_its_folder_does(site: Path, tmp_path: Path) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in EXPORT.iterdir():
            zipped.write(path, f"Basic_LinkedInDataExport_12-05-2026/{path.name}")  # some exports nest a folder
    from_folder = run(site, "import", "linkedin", str(EXPORT), "--dry-run", "--contacts")
    from_zip = run(site, "import", "linkedin", str(archive), "--dry-run", "--contacts")
    assert _written(from_zip.output, "Would") == _written(from_folder.output, "Would")
    assert len(_written(from_zip.output, "Would")) == 11


def test_dry_run_writes_nothing_and_lists_what_a_real_run_writes(site: Path) -> None:
    before = snapshot(site)
    dry = run(site, "import", "linkedin", str(EXPORT), "--contacts", "--dry-run")
    assert snapshot(site) == before
    real = run(site, "import", "linkedin", str(EXPORT), "--contacts")
    assert [p.removeprefix("write ") for p in _written(dry.output, "Would")] == _written(real.output)


def test_a_second_import_writes_nothing_and_reports_every_record_as_there(site: Path) -> None:
    first = run(site, "import", "linkedin", str(EXPORT), "--contacts")
    before = snapshot(site)
    second = run(site, "import", "linkedin", str(EXPORT), "--contacts")
    assert snapshot(site) == before
    assert _written(second.output) == []
    assert second.output.count("Skipped ") == len(_written(first.output)) + first.output.count("Skipped ")
    assert "Skipped Positions.csv:2: the role is in content/roles/acme-corp-senior-data-engineer.md already" in second.output


def test_records_the_site_has_are_skipped_and_their_files_never_changed(site: Path) -> None:
    assert run(site, "new", "skill", "PYTHON").exit_code == 0
    assert run(site, "new", "role", "Senior Data Engineer at Acme Corp").exit_code == 0
    role = site / "content/roles/acme-corp-senior-data-engineer.md"
    role.write_text(role.read_text("utf-8").replace("start: 2026-11", "start: 2021-06-01"), "utf-8")
    before = snapshot(site)
    result = run(site, "import", "linkedin", str(EXPORT))
    after = snapshot(site)
    # Every file that was there is there, byte for byte and untouched (a folder's time changes when a file is added to it).
    assert {path: after[path] for path, value in before.items() if value[0] != b"<dir>"} == {
        path: value for path, value in before.items() if value[0] != b"<dir>"
    }
    assert "Skipped Skills.csv:2: the skill is in content/skills/python.md already" in result.output
    assert "Skipped Positions.csv:2: the role is in content/roles/acme-corp-senior-data-engineer.md already" in result.output
    assert "Skipped Profile.csv:2: the profile is in content/profile.md already" in result.output
    assert not (site / "content/roles/acme-corp-senior-data-engineer-2.md").exists()


def test_contacts_are_imported_only_when_asked_for(site: Path) -> None:
    without = run(site, "import", "linkedin", str(EXPORT))
    assert not (site / "content/network/jane-doe.md").exists()
    assert "Note: 3 connections were not imported; add --contacts to import them as private contacts" in without.output
    run(site, "import", "linkedin", str(EXPORT), "--contacts")
    contact = parse_source("c.md", (site / "content/network/jane-doe.md").read_bytes()).meta
    assert contact == {"name": "Jane Doe", "organization": "Globex", "position": "Product Manager", "met": "2021-03-12"}


def test_missing_files_are_noted_and_other_headers_and_unknown_columns_read(site: Path) -> None:
    result = run(site, "import", "linkedin", str(OLD_EXPORT))
    assert result.exit_code == 0, result.output
    for name in ("Profile.csv", "Education.csv", "Certifications.csv", "Projects.csv", "Publications.csv", "Honors.csv", "Languages.csv"):
        assert f"Note: {name}: is not in the export" in result.output
    role = parse_source("r.md", (site / "content/roles/globex-data-engineer.md").read_bytes()).meta
    assert (role["start"], role["end"], role["location"]) == ("2017-03", "2021-05", "Hamburg")
    assert "Neue" not in (site / "content/roles/acme-corp-senior-data-engineer.md").read_text("utf-8")
    assert_clean(site)


def test_a_file_without_a_known_header_is_noted_and_imports_nothing(site: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(OLD_EXPORT, export)
    (export / "Skills.csv").write_text("Something,Else\nPython,x\n", "utf-8")
    result = run(site, "import", "linkedin", str(export))
    assert "Skills.csv: has no header line naming the columns careerfolio reads (Name); nothing was imported from it" in result.output
    assert result.exit_code == 1
    assert not (site / "content/skills/python.md").exists()


def test_a_line_csv_cannot_read_is_located_and_the_rows_above_it_come_in(site: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    # A field longer than the csv module's limit stops it; the lines above are imported, the place is named, the value is not.
    (export / "Skills.csv").write_text('Name\nPython\n"' + "x" * 200_000 + '"\nSQL\n', "utf-8")
    result = run(site, "import", "linkedin", str(export))
    assert result.exit_code == 1
    assert "Skills.csv:3: cannot be read as CSV; nothing from this line on was imported" in result.output
    assert (site / "content/skills/python.md").is_file() and not (site / "content/skills/sql.md").exists()
    assert "xxxx" not in result.output


def test_a_file_saved_as_utf_16_text_with_tabs_by_a_spreadsheet_is_read(site: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Skills.csv").write_bytes("Name\r\nDatenbanken\r\nÜbersetzung\r\n".encode("utf-16"))
    (export / "Positions.csv").write_bytes("Company Name\tTitle\tStarted On\r\nAcme, Inc.\tEngineer\tJun 2021\r\n".encode("utf-16"))
    result = run(site, "import", "linkedin", str(export))
    assert "Wrote content/skills/ubersetzung.md" in result.output
    assert parse_source("s.md", (site / "content/skills/ubersetzung.md").read_bytes()).meta["name"] == "Übersetzung"
    assert parse_source("r.md", (site / "content/roles/acme-inc-engineer.md").read_bytes()).meta["organization"] == "Acme, Inc."


def test_a_message_names_the_column_as_the_file_names_it(site: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Positions.csv").write_text("Firmenname,Titel,Beginn\nAcme,Engineer,irgendwann\nGlobex,Engineer,\n", "utf-8")
    result = run(site, "import", "linkedin", str(export))
    assert "Positions.csv:2: Beginn: is not a date careerfolio can read" in result.output
    assert "Positions.csv:3: Beginn: is empty, and a role needs its start; this role was not imported" in result.output
    assert "irgendwann" not in result.output


def test_a_file_saved_by_a_spreadsheet_with_semicolons_is_read(site: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Positions.csv").write_text("Firmenname;Titel;Beginn\nAcme, Inc.;Engineer;Juni 2021\n", "utf-8")
    result = run(site, "import", "linkedin", str(export))
    assert parse_source("r.md", (site / "content/roles/acme-inc-engineer.md").read_bytes()).meta["start"] == "2021-06", result.output


def test_a_path_that_is_no_export_is_one_plain_line(site: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "export.zip"
    bogus.write_bytes(b"not a zip at all")
    before = snapshot(site)
    result = run(site, "import", "linkedin", str(bogus))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bogus}: is neither a folder nor a ZIP file that can be read; nothing was imported"
    assert snapshot(site) == before


def test_imported_files_build_strictly_and_contacts_never_reach_the_public_site(site: Path) -> None:
    run(site, "import", "linkedin", str(EXPORT), "--contacts")
    public = run_mkdocs(site, "build", "--strict")
    assert public.returncode == 0, public.stderr
    private = run_mkdocs(site, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert private.returncode == 0, private.stderr
    public_text = "".join(p.read_text("utf-8", errors="replace") for p in (site / "site").rglob("*") if p.is_file() and p.suffix != ".gz")
    for value in ("Jane", "Product Manager", "Acme Corp", "Apache Airflow", "Hamburg University"):
        assert value not in public_text, value
    # The private build shows what was imported: each role and skill on a page of its own, and on the dashboard.
    assert "Acme Corp" in (site / "site-private/roles/acme-corp-senior-data-engineer/index.html").read_text("utf-8")
    assert "Apache Airflow" in (site / "site-private/dashboard/index.html").read_text("utf-8")


HOSTILE = [
    "Acme: Corp #1",
    "- yes",
    "'quoted' and \"double\"",
    "no",
    "2019",
    "[not, a, list]",
    "{not: a mapping}",
    "*alias &anchor !tag",
    "% directive",
    "@at `back` |pipe >fold",
    "ünïcödé 数据 🎉",
    "---",
    "   spaced   out   ",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_any_text_in_an_export_is_written_as_itself_and_checks_clean(site: Path, tmp_path: Path, value: str) -> None:
    export = tmp_path / "export"
    export.mkdir()
    quoted = value.replace('"', '""')
    (export / "Positions.csv").write_text(
        f'Company Name,Title,Description,Started On\n"{quoted}","{quoted}","{quoted}",Jun 2021\n', "utf-8"
    )
    (export / "Skills.csv").write_text(f'Name\n"{quoted}"\n', "utf-8")
    result = run(site, "import", "linkedin", str(export))
    assert result.exit_code == 0, result.output
    assert_clean(site)
    written = [site / line.removeprefix("Wrote ") for line in result.output.splitlines() if line.startswith("Wrote ")]
    assert len(written) == 2
    role = parse_source("r.md", written[0].read_bytes()).meta
    skill = parse_source("s.md", written[1].read_bytes()).meta
    assert role["organization"] == role["title"] == skill["name"] == " ".join(value.split())


def test_without_a_site_nothing_is_read_and_the_message_says_so(tmp_path: Path) -> None:
    result = run(tmp_path, "import", "linkedin", str(EXPORT))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no mkdocs.yml found in")
