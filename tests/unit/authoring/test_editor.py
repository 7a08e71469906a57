"""`careerfolio schema`: JSON Schemas that accept the example career, and a Front Matter CMS map of its folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from careerfolio.content.loader import parse_source, read_tree
from careerfolio.content.schema import CONTENT_TYPES
from careerfolio.settings import Settings
from cli_support import assert_clean, copy_example, run, snapshot
from helpers import FIXTURES, REPO


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example career after `careerfolio schema`."""
    site = copy_example(tmp_path_factory.mktemp("schema") / "career")
    result = run(site / "content", "schema")
    assert result.exit_code == 0, result.output
    return site


def _validator(site: Path, type_name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((site / "schemas" / f"{type_name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_example_file_validates_against_its_types_schema(written: Path) -> None:
    settings = Settings()
    seen = set()
    for path, data in read_tree(REPO / "content"):
        type_name, _ = settings.classify(path)
        errors = list(_validator(written, type_name).iter_errors(parse_source(path, data).meta))
        assert errors == [], (path, [e.message for e in errors])
        seen.add(type_name)
    assert seen == set(CONTENT_TYPES)


@pytest.mark.parametrize(
    ("fixture", "type_name"),
    [
        ("checkups/score-range.md", "checkup"),
        ("checkups/missing-level.md", "checkup"),
        ("checkups/public.md", "checkup"),
        ("decisions/effect-range.md", "decision"),
    ],
)
def test_schemas_reject_what_the_validator_rejects(written: Path, fixture: str, type_name: str) -> None:
    source = parse_source(fixture, (FIXTURES / "bad" / fixture).read_bytes())
    assert list(_validator(written, type_name).iter_errors(source.meta))


def test_frontmatter_json_maps_each_folder_to_its_content_type(written: Path) -> None:
    config = json.loads((written / "frontmatter.json").read_text())
    folders = {f["path"]: f["contentTypes"] for f in config["frontMatter.content.pageFolders"]}
    settings = Settings()
    assert folders == {
        f"[[workspace]]/content/{settings.journal_dir}": ["entry"],
        f"[[workspace]]/content/{settings.skills_dir}": ["skill"],
        f"[[workspace]]/content/{settings.checkups_dir}": ["checkup"],
        f"[[workspace]]/content/{settings.roles_dir}": ["role"],
        f"[[workspace]]/content/{settings.network_dir}": ["contact"],
        f"[[workspace]]/content/{settings.decisions_dir}": ["decision"],
        f"[[workspace]]/content/{settings.education_dir}": ["education"],
        f"[[workspace]]/content/{settings.certifications_dir}": ["certification"],
        f"[[workspace]]/content/{settings.projects_dir}": ["project"],
        f"[[workspace]]/content/{settings.publications_dir}": ["publication"],
        f"[[workspace]]/content/{settings.awards_dir}": ["award"],
    }
    types = {t["name"]: t for t in config["frontMatter.taxonomy.contentTypes"]}
    assert set(types) == {name for names in folders.values() for name in names}
    for name, content_type in types.items():
        known = CONTENT_TYPES[name].field_names
        names = [f["name"] for f in content_type["fields"]]
        assert names and set(names) <= set(known), name
        required = {f["name"] for f in content_type["fields"] if f.get("required")}
        assert required == {f.name for f in CONTENT_TYPES[name].fields if f.required and f.name in names}
    scores = next(f for f in types["checkup"]["fields"] if f["name"] == "scores")
    assert [f["name"] for f in scores["fields"]] == ["skills", "performance", "network", "job_search", "finances"]


def test_schema_files_leave_the_site_clean(written: Path) -> None:
    assert_clean(written)


def test_folder_names_come_from_mkdocs_yml(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    config = (site / "mkdocs.yml").read_text().replace("  - careerfolio\n", "  - careerfolio:\n      journal_dir: log\n")
    (site / "mkdocs.yml").write_text(config)
    (site / "content" / "journal").rename(site / "content" / "log")
    assert run(site, "schema", "elsewhere").exit_code == 0
    folders = json.loads((site / "frontmatter.json").read_text())["frontMatter.content.pageFolders"]
    assert {"title": "Log", "path": "[[workspace]]/content/log", "contentTypes": ["entry"]} in folders
    assert (site / "elsewhere" / "entry.schema.json").is_file()


@pytest.mark.parametrize("existing", ["frontmatter.json", "schemas/role.schema.json"])
def test_schema_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, existing: str) -> None:
    site = copy_example(tmp_path / "career")
    (site / existing).parent.mkdir(parents=True, exist_ok=True)
    (site / existing).write_text("{}\n")
    before = snapshot(site)
    result = run(site, "schema")
    assert result.exit_code == 1 and "already exists" in result.output and "nothing was written" in result.output
    assert snapshot(site) == before


def test_schema_refuses_a_folder_inside_the_content(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "career")
    before = snapshot(site)
    result = run(site, "schema", "content/schemas")
    assert result.exit_code == 1 and "inside the content folder" in result.output
    assert snapshot(site) == before


def test_schema_on_a_site_made_by_init_refuses_the_default_and_writes_a_folder_of_ones_own(tmp_path: Path) -> None:
    assert run(tmp_path, "init", "mine").exit_code == 0
    result = run(tmp_path / "mine", "schema")
    assert result.exit_code == 1 and "already exists" in result.output
    fresh = run(tmp_path / "mine", "schema", "schemas-new")
    assert fresh.exit_code == 0, fresh.output  # a folder of one's own: frontmatter.json is kept, not in the way
    assert "frontmatter.json exists and was left as it is" in fresh.output
    assert sorted(p.name for p in (tmp_path / "mine" / "schemas-new").iterdir()) == sorted(
        p.name for p in (tmp_path / "mine" / "schemas").iterdir()
    )
    shutil.rmtree(tmp_path / "mine" / "schemas-new")
    site = tmp_path / "mine"
    made_by_init = {p: p.read_bytes() for p in [site / "frontmatter.json", *sorted((site / "schemas").iterdir())]}
    for path in made_by_init:
        path.unlink()
    assert run(site, "schema").exit_code == 0
    assert {p: p.read_bytes() for p in made_by_init} == made_by_init
    assert_clean(site)
