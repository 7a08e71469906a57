"""Test helpers: record factories, fixture paths and a real MkDocs build (imported as `helpers`)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 11, 22)


def front_matter(fields: dict[str, Any], body: str = "") -> bytes:
    """A content file as a user writes it."""
    text = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
    return f"---\n{text}---\n{body}\n".encode()


def make_entry(**overrides: Any) -> tuple[str, bytes]:
    """(path, bytes) of a valid journal entry; overrides replace or add fields (None removes)."""
    path = overrides.pop("path", "journal/2026/entry.md")
    body = overrides.pop("body", "What happened.")
    fields = {"date": "2026-03-14", "title": "Cut the nightly batch", "kind": "achievement", "visibility": "public"}
    fields.update(overrides)
    return path, front_matter({k: v for k, v in fields.items() if v is not None}, body)


def make_skill(skill_id: str = "python", **overrides: Any) -> tuple[str, bytes]:
    fields = {"name": skill_id.capitalize(), "level": 3, "visibility": "public"}
    fields.update(overrides)
    return f"skills/{skill_id}.md", front_matter({k: v for k, v in fields.items() if v is not None}, "Notes.")


def make_role(role_id: str = "acme-engineer", **overrides: Any) -> tuple[str, bytes]:
    fields = {"organization": "Acme", "title": "Engineer", "start": "2021-06", "visibility": "public"}
    fields.update(overrides)
    return f"roles/{role_id}.md", front_matter({k: v for k, v in fields.items() if v is not None}, "The role.")


def make_contact(contact_id: str = "jane-doe", **overrides: Any) -> tuple[str, bytes]:
    fields = {"name": "Jane Doe", "circle": "product"}
    fields.update(overrides)
    return f"network/{contact_id}.md", front_matter({k: v for k, v in fields.items() if v is not None}, "How we met.")


def make_checkup(day: str = "2026-03-01", **overrides: Any) -> tuple[str, bytes]:
    fields: dict[str, Any] = {
        "date": day,
        "scores": {"skills": 4, "performance": 3, "network": 2, "job_search": 2, "finances": 3},
        "actions": ["Meet two people a month"],
    }
    fields.update(overrides)
    return f"checkups/{day}.md", front_matter(fields, "Reflection.")


def make_decision(decision_id: str = "move", **overrides: Any) -> tuple[str, bytes]:
    fields: dict[str, Any] = {
        "date": "2026-04-02",
        "title": "Move to Munich?",
        "options": [
            {"name": "Move", "effect": {"skills": 1, "finances": 2}},
            {"name": "Stay", "effect": {"network": 1}},
        ],
    }
    fields.update(overrides)
    return f"decisions/{decision_id}.md", front_matter({k: v for k, v in fields.items() if v is not None}, "What matters.")


def make_profile(**overrides: Any) -> tuple[str, bytes]:
    fields: dict[str, Any] = {"name": "Dana Reyes", "headline": "Data engineer", "visibility": "public"}
    fields.update(overrides)
    return "profile.md", front_matter(fields, "A short summary.")


def write_site(root: Path, files: list[tuple[str, bytes]], plugin_options: dict[str, Any] | None = None, extra_config: str = "") -> Path:
    """Write a minimal MkDocs site with careerfolio enabled and the given content files."""
    docs = root / "content"
    for path, data in files:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    docs.mkdir(parents=True, exist_ok=True)
    plugin = {"careerfolio": plugin_options} if plugin_options else "careerfolio"
    config = {
        "site_name": "Test career",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", plugin],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False) + textwrap.dedent(extra_config))
    return root


def run_mkdocs(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` in `root`, with a fixed build date."""
    full_env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": str(int(dt.datetime(2026, 11, 22, tzinfo=dt.UTC).timestamp())),
    }
    full_env.pop("CAREERFOLIO_AUDIENCE", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=full_env, capture_output=True, text=True, timeout=300)


EXAMPLE_SITE_DIRS = {"public": "site", "private": "site-private"}


def build_example(root: Path, audience: str, site_dir: Path | None = None, env: dict[str, str] | None = None) -> Path:
    """Build the copy of the example career at `root` for `audience`, strictly; return the site's folder.

    The output goes to `site_dir`, or to site/ or site-private/ inside `root`. CAREERFOLIO_SPEED_TRICKS is
    taken from the environment unless `env` sets it.
    """
    out = site_dir or root / EXAMPLE_SITE_DIRS[audience]
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(out), env={"CAREERFOLIO_AUDIENCE": audience, **(env or {})})
    assert result.returncode == 0, f"the {audience} build of the example failed:\n{result.stderr}"
    return out


def output_text(site_dir: Path) -> dict[str, str]:
    """Every output file as text (gzip files decompressed), keyed by relative path."""
    import gzip

    out = {}
    for path in site_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(site_dir).as_posix()] = data.decode("utf-8", errors="replace")
    return out


# -- a built portfolio, read as a browser reads it ------------------------------------


def build(root: Path, files: list[tuple[str, bytes]], **kwargs: Any) -> Path:
    write_site(root, files, **kwargs)
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(path: Path) -> BeautifulSoup:
    found = soup(path).find("article")
    assert found is not None
    return found


SMALL = [
    make_profile(name="Dana Reyes", headline="Data engineer who makes pipelines boring"),
    make_role("acme", organization="Acme Corp", title="Senior Data Engineer", start="2024-02"),
    make_skill("python", name="Python", level=4),
    make_skill("negotiation", name="Negotiation", level=3, visibility="private"),
    make_entry(path="journal/2024/spark.md", date="2024-10-08", title="Retired Spark", role="acme", skills=["python"]),
    make_entry(
        path="journal/2026/airflow.md", date="2026-03-18", title="Airflow 3 migration", role="acme", skills=["python", "negotiation"]
    ),
    make_entry(path="journal/2025/runbook.md", date="2025-01-21", title="On-call runbook", pinned=True),
    make_entry(path="journal/2026/talk.md", date="2026-04-21", title="PyData talk", kind="volunteer"),
    make_entry(path="journal/2026/salary.md", date="2026-04-15", title="Salary review", visibility="private"),
]


# -- JSON Resume and Atom --------------------------------------------------------------


JSON_RESUME_SCHEMA = REPO / "tests" / "schemas" / "jsonresume-1.3.1.schema.json"
ATOM = "{http://www.w3.org/2005/Atom}"


def strict(schema: Any) -> Any:
    """The schema with additionalProperties false everywhere: a misspelt key fails too."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if out.get("type") == "object" and "properties" in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def validate_resume(document: Any) -> None:
    schema = json.loads(JSON_RESUME_SCHEMA.read_text(encoding="utf-8"))
    for variant in (schema, strict(copy.deepcopy(schema))):
        jsonschema.Draft7Validator(variant, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(document)
