"""`careerfolio import jsonresume`: a resume.json becomes private content files; careerfolio's own export comes back whole."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.loader import parse_source, read_tree
from cli_support import assert_clean, copy_example, run, snapshot
from helpers import REPO, run_mkdocs

FIXTURES = REPO / "tests" / "fixtures" / "imports"
RESUME = FIXTURES / "resume.json"
BAD_RESUME = FIXTURES / "resume-bad.json"
SCHEMA = json.loads((REPO / "tests" / "schemas" / "jsonresume-1.3.1.schema.json").read_text("utf-8"))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh `careerfolio init` site."""
    assert run(tmp_path, "init", "site").exit_code == 0
    return tmp_path / "site"


def _schema_errors(document: object) -> list[str]:
    """Where the JSON Resume schema finds fault, written as the import writes places: work[0].startDate."""
    found = []
    for error in jsonschema.Draft7Validator(SCHEMA).iter_errors(document):
        parts = [f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path]
        found.append("".join(parts).lstrip("."))
    return sorted(found)


def test_the_good_fixture_is_a_valid_json_resume_and_the_bad_one_is_not() -> None:
    assert _schema_errors(json.loads(RESUME.read_text("utf-8"))) == []
    assert _schema_errors(json.loads(BAD_RESUME.read_text("utf-8"))) != []


def test_a_resume_becomes_private_files_that_check_clean(site: Path) -> None:
    (site / "content" / "profile.md").unlink()
    result = run(site, "import", "jsonresume", str(RESUME))
    assert result.exit_code == 0, result.output
    written = sorted(line.removeprefix("Wrote ") for line in result.output.splitlines() if line.startswith("Wrote "))
    assert written == [
        "content/awards/hackathon-winner.md",
        "content/certifications/aws-solutions-architect.md",
        "content/education/university-of-lagos-bsc.md",
        "content/profile.md",
        "content/projects/fastci.md",
        "content/publications/hermetic-builds-for-everyone.md",
        "content/roles/initrode-staff-engineer.md",
        "content/roles/vandelay-engineer.md",
        "content/skills/bazel.md",
        "content/skills/go.md",
        "content/skills/leadership.md",
    ]
    for path in written:
        assert parse_source(path, (site / path).read_bytes()).meta["visibility"] == "private", path
    assert_clean(site)
    profile = parse_source("p.md", (site / "content/profile.md").read_bytes()).meta
    assert profile["location"] == "Berlin, DE"  # the city, never the street address
    assert profile["languages"][1] == {"language": "Yoruba", "fluency": "Native speaker"}
    assert "Hidden Lane" not in (site / "content/profile.md").read_text("utf-8")
    skills = {p.stem: parse_source(p.name, p.read_bytes()).meta for p in (site / "content/skills").glob("*.md")}
    assert (skills["bazel"]["level"], skills["bazel"]["category"], skills["go"]["level"], skills["leadership"]["level"]) == (
        5,
        "Build systems",
        3,
        3,
    )
    assert "set `level`" in (site / "content/skills/leadership.md").read_text("utf-8")
    role = (site / "content/roles/initrode-staff-engineer.md").read_text("utf-8")
    assert "- Halved CI time" in role
    project = parse_source("p.md", (site / "content/projects/fastci.md").read_bytes()).meta
    assert project["tags"] == ["open source", "yes", "CI: caching #1"]


def test_schema_failures_are_located_where_the_schema_finds_them_and_cost_only_their_record(site: Path) -> None:
    result = run(site, "import", "jsonresume", str(BAD_RESUME))
    assert result.exit_code == 1
    located = sorted(line.split(": ")[1] for line in result.output.splitlines() if line.startswith("resume-bad.json: "))
    assert located == _schema_errors(json.loads(BAD_RESUME.read_text("utf-8")))
    for value in ("April 2022", "Shipped the thing", "last year", "42", "Lagos"):
        assert value not in result.output, value
    assert (site / "content/roles/globex-engineer.md").is_file()  # the good records of the file still come in
    assert not (site / "content/roles/initrode-staff-engineer.md").exists()
    assert_clean(site)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"basics": {"name": "Sam"},\n "work": [}\n', "resume.json:2: is not valid JSON (Expecting value); nothing was imported"),
        (b'{"basics": {"name": "Sam \xff"}}', "resume.json:1: is not UTF-8 text; nothing was imported"),
        (b'["a list"]', "resume.json: is not a JSON Resume: its top level must be an object; nothing was imported"),
    ],
    ids=["broken-json", "not-utf-8", "not-an-object"],
)
def test_a_file_that_cannot_be_read_is_one_located_line_and_writes_nothing(site: Path, content: bytes, message: str) -> None:
    path = site.parent / "resume.json"
    path.write_bytes(content)
    before = snapshot(site)
    result = run(site, "import", "jsonresume", str(path))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {site.parent}/{message}"
    assert snapshot(site) == before


def test_a_byte_order_mark_is_read_past(site: Path) -> None:
    path = site.parent / "resume.json"
    path.write_bytes(b"\xef\xbb\xbf" + RESUME.read_bytes())
    assert run(site, "import", "jsonresume", str(path)).exit_code == 0


def test_a_second_import_writes_nothing(site: Path) -> None:
    run(site, "import", "jsonresume", str(RESUME))
    before = snapshot(site)
    again = run(site, "import", "jsonresume", str(RESUME))
    assert snapshot(site) == before
    assert "Import wrote 0 files;" in again.output


def _career(corpus: Corpus, leave_out: set[str]) -> tuple[set[tuple[object, ...]], ...]:
    """Roles, skills and education of a corpus as comparable values, without the files in `leave_out`."""
    roles = {(r.organization, r.title, str(r.start), str(r.end) if r.end else None) for r in corpus.roles if r.path not in leave_out}
    skills = {(s.name, s.level, s.category) for s in corpus.skills if s.path not in leave_out}
    education = {
        (i.name, i.degree, i.area, str(i.start) if i.start else None, str(i.end) if i.end else None, i.grade)
        for i in corpus.items
        if i.kind == "education" and i.path not in leave_out
    }
    return roles, skills, education


def test_a_round_trip_through_resume_json_reproduces_roles_skills_and_education(site: Path, tmp_path: Path) -> None:
    career = copy_example(tmp_path / "career")
    built = run_mkdocs(career, "build", "--strict")
    assert built.returncode == 0, built.stderr
    starter = {path for path, _ in read_tree(site / "content")}
    result = run(site, "import", "jsonresume", str(career / "site" / "resume.json"))
    assert result.exit_code == 0, result.output
    original = load_corpus(read_tree(career / "content")).public()
    imported = load_corpus(read_tree(site / "content"))
    expected = _career(original, set())
    assert all(expected), "the example career has public roles, skills and education"
    assert _career(imported, starter) == expected
    assert_clean(site)
