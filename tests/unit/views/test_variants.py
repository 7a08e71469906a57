"""Tailored résumés: the `resumes` option gives each variant a page and a JSON Resume of its own, from public content only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from careerfolio.views.variants import VariantError, parse_variants
from helpers import article, build, front_matter, make_entry, make_profile, make_role, make_skill, run_mkdocs, validate_resume, write_site

VARIANTS = {
    "data": {"tags": ["data"], "skills": ["sql"], "headline": "Data engineer for analytics teams"},
    "lead": {"tags": ["leadership"], "skills": ["mentoring"], "headline": "Engineering lead"},
}
CAREER = [
    make_profile(headline="Engineer"),
    make_skill("sql", name="SQL"),
    make_skill("mentoring", name="Mentoring"),
    make_skill("python", name="Python"),
    make_role("acme", organization="Acme", title="Data Engineer", start="2022-01"),
    make_role("globex", organization="Globex", title="Team Lead", start="2019-01", end="2021-12", tags=["leadership"]),
    make_role("initech", organization="Initech", title="Developer", start="2015-01", end="2018-12"),
    make_entry(path="journal/a.md", date="2025-01-10", title="Warehouse rebuilt", role="acme", skills=["sql"]),
    make_entry(path="journal/b.md", date="2025-02-10", title="Tagged data win", role="acme", tags=["data"]),
    make_entry(path="journal/c.md", date="2025-03-10", title="Mentored two juniors", role="acme", skills=["mentoring"]),
    make_entry(path="journal/d.md", date="2020-03-10", title="Hired a team", role="globex"),
    make_entry(path="journal/e.md", date="2016-03-10", title="Shipped a CRUD app", role="initech", skills=["python"]),
    make_entry(path="journal/f.md", date="2025-04-10", title="Secret SQL deal", role="acme", skills=["sql"], visibility="private"),
    ("projects/dash.md", front_matter({"name": "Metrics dashboard", "tags": ["data"], "visibility": "public"})),
    ("projects/game.md", front_matter({"name": "A browser game", "visibility": "public"})),
    ("education/uni.md", front_matter({"institution": "TU Berlin", "visibility": "public"})),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("variants"), CAREER, plugin_options={"resumes": VARIANTS})


def highlights(page: Path) -> list[str]:
    return [li.get_text(" ", strip=True) for li in article(page).select(".cf-resume__role li")]


def role_heads(page: Path) -> list[str]:
    return [
        p.get_text(" ", strip=True)
        for p in article(page).select(".cf-resume > .cf-resume__section > .cf-resume__role > .cf-resume__role-head strong")
    ]


def test_each_variant_lists_only_its_own_entries(site: Path) -> None:
    data, lead = site / "resume" / "data" / "index.html", site / "resume" / "lead" / "index.html"
    assert highlights(data) == ["Tagged data win", "Warehouse rebuilt"]
    assert highlights(lead) == ["Mentored two juniors"]
    # A role of the variant's tag is shown with none of its entries but those chosen; others are left out.
    assert role_heads(lead) == ["Data Engineer", "Team Lead"]
    assert role_heads(data) == ["Data Engineer"]


def test_a_variant_has_its_headline_skills_and_projects_and_keeps_education(site: Path) -> None:
    page = article(site / "resume" / "data" / "index.html")
    assert page.select_one(".cf-resume__headline").get_text(strip=True) == "Data engineer for analytics teams"  # type: ignore[union-attr]
    assert "SQL" in page.select_one(".cf-resume__skills").get_text() and "Python" not in page.select_one(".cf-resume__skills").get_text()  # type: ignore[union-attr]
    text = page.get_text(" ", strip=True)
    assert "Metrics dashboard" in text and "A browser game" not in text and "TU Berlin" in text


def test_each_variant_has_a_schema_valid_json_resume_and_the_default_stays(site: Path) -> None:
    for variant, expected in (("data", ["Tagged data win", "Warehouse rebuilt"]), ("lead", ["Mentored two juniors"])):
        document = json.loads((site / f"resume-{variant}.json").read_text())
        validate_resume(document)
        assert [h for work in document["work"] for h in work.get("highlights", [])] == expected
        assert document["basics"]["label"] == VARIANTS[variant]["headline"]
    default = json.loads((site / "resume.json").read_text())
    assert default["basics"]["label"] == "Engineer"
    assert len(default["work"]) == 3
    assert "Shipped a CRUD app" in highlights(site / "resume" / "index.html")
    # The variant's page offers its own JSON.
    link = article(site / "resume" / "data" / "index.html").select_one(".cf-resume__footer a[download]")
    assert link is not None and (site / "resume" / "data" / str(link["href"])).resolve() == (site / "resume-data.json").resolve()


def test_no_variant_shows_private_content(site: Path) -> None:
    for path in (site / "resume" / "data" / "index.html", site / "resume-data.json"):
        assert "Secret SQL deal" not in path.read_text()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ({"Data Jobs": {"tags": ["x"]}}, "lowercase letters"),
        ({"data": {"tag": ["x"]}}, "resumes.data.tag: is not a key"),
        ({"data": {"headline": "x"}}, "needs tags or skills"),
        ({"data": {"skills": [True]}}, "resumes.data.skills: must be a list"),
        (["data"], "must map a variant id"),
    ],
    ids=["id-becomes-a-url", "unknown-key", "selects-nothing", "skills-are-words", "not-a-mapping"],
)
def test_a_bad_option_is_refused_with_the_key_named(option: Any, message: str) -> None:
    with pytest.raises(VariantError, match=message):
        parse_variants(option)


def test_mkdocs_refuses_a_bad_option_without_a_traceback(tmp_path: Path) -> None:
    write_site(tmp_path, [make_profile()], plugin_options={"resumes": {"Data Jobs": {"tags": ["x"]}}})
    result = run_mkdocs(tmp_path, "build")
    assert result.returncode != 0
    assert "resumes: 'Data Jobs' must be lowercase" in result.stderr and "Traceback" not in result.stderr
