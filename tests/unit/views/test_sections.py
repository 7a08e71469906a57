"""Education, certifications, projects, publications and talks, awards and languages: from files to the portfolio,
the printed résumé and resume.json, private unless a file says `visibility: public`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerfolio.content.corpus import load_corpus
from helpers import article, build, front_matter, make_entry, make_profile, make_role, make_skill, output_text, validate_resume

LANGUAGES = [{"language": "German", "fluency": "Native"}, {"language": "English", "fluency": "C1"}]
CAREER = [
    make_profile(languages=LANGUAGES),
    make_role(),
    make_skill("python", name="Python"),
    make_skill("secret-skill", name="Hushhush", visibility="private"),
    make_entry(role="acme-engineer", skills=["python"]),
    (
        "education/tum.md",
        front_matter(
            {
                "institution": "TU München",
                "degree": "MSc",
                "area": "Informatics",
                "start": "2014",
                "end": "2016-09",
                "grade": "1.3",
                "visibility": "public",
            },
            "Thesis on streams.",
        ),
    ),
    ("education/night-school.md", front_matter({"institution": "Quietly Taken Course", "end": "2020"}, "Private.")),
    (
        "certifications/cka.md",
        front_matter({"name": "CKA", "issuer": "CNCF", "date": "2023-05", "url": "https://cncf.io", "visibility": "public"}),
    ),
    (
        "projects/pipewrench.md",
        front_matter(
            {"name": "pipewrench", "start": "2022", "skills": ["python", "secret-skill"], "visibility": "public"}, "A linter for DAGs."
        ),
    ),
    (
        "publications/talk.md",
        front_matter({"title": "Boring pipelines", "kind": "talk", "venue": "PyData", "date": "2025-04-12", "visibility": "public"}),
    ),
    ("publications/paper.md", front_matter({"title": "Streaming joins", "venue": "VLDB", "date": "2016", "visibility": "public"})),
    (
        "awards/prize.md",
        front_matter({"title": "Engineer of the year", "awarder": "Acme", "date": "2024", "visibility": "public"}, "For the migration."),
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sections"), CAREER)


def _sections(page: Path) -> dict[str, str]:
    found = {}
    for section in article(page).find_all("section"):
        heading = section.find("h2")
        if heading is not None:
            found[heading.get_text(strip=True)] = section.get_text(" ", strip=True)
    return found


def test_the_printed_resume_lists_every_public_section(site: Path) -> None:
    sections = _sections(site / "resume" / "index.html")
    assert "TU München" in sections["Education"] and "MSc, Informatics" in sections["Education"]
    assert "2014 – 2016-09" in sections["Education"]
    assert "CKA" in sections["Certifications"] and "CNCF" in sections["Certifications"]
    assert "pipewrench" in sections["Projects"] and "A linter for DAGs." in sections["Projects"]
    assert sections["Publications and talks"].index("Boring pipelines") < sections["Publications and talks"].index("Streaming joins")
    assert "Engineer of the year" in sections["Awards"]
    assert "German (Native)" in sections["Languages"]


def test_the_portfolio_home_lists_them_and_links_each_to_its_page(site: Path) -> None:
    sections = _sections(site / "index.html")
    for heading in ("Education", "Certifications", "Projects", "Publications and talks", "Awards", "Languages"):
        assert heading in sections
    link = article(site / "index.html").select_one(".cf-items--education a")
    assert link is not None
    assert (site / str(link["href"]) / "index.html").resolve() == (site / "education" / "tum" / "index.html").resolve()
    assert "Grade" in article(site / "education" / "tum" / "index.html").get_text()


def test_resume_json_carries_them_in_json_resume_sections_and_is_schema_valid(site: Path) -> None:
    document = json.loads((site / "resume.json").read_text())
    validate_resume(document)
    assert document["education"] == [
        {"institution": "TU München", "area": "Informatics", "studyType": "MSc", "startDate": "2014", "endDate": "2016-09", "score": "1.3"}
    ]
    assert document["certificates"] == [{"name": "CKA", "date": "2023-05", "issuer": "CNCF", "url": "https://cncf.io"}]
    assert document["projects"][0]["keywords"] == ["Python"]  # the private skill is not named
    assert [p["name"] for p in document["publications"]] == ["Boring pipelines", "Streaming joins"]
    assert document["awards"] == [{"title": "Engineer of the year", "date": "2024", "awarder": "Acme", "summary": "For the migration."}]
    assert document["languages"] == LANGUAGES


def test_an_item_without_visibility_public_is_nowhere_in_the_public_site(site: Path) -> None:
    everything = "\n".join(output_text(site).values())
    assert "Quietly Taken Course" not in everything
    assert "night-school" not in everything
    assert "Hushhush" not in everything


def test_a_private_profile_keeps_its_languages_private() -> None:
    corpus = load_corpus([make_profile(languages=LANGUAGES, visibility="private")])
    assert corpus.profile is not None and corpus.profile.languages
    assert corpus.public().profile is None


@pytest.mark.parametrize(
    ("path", "fields", "field", "message"),
    [
        ("education/x.md", {"degree": "MSc"}, "institution", "is required"),
        ("education/x.md", {"institution": "TU", "start": "2016", "end": "2014"}, "end", "is before start"),
        ("certifications/x.md", {"name": "CKA", "date": "May 2023"}, "date", "must be a date"),
        ("publications/x.md", {"title": "T", "kind": "podcast"}, "kind", 'must be one of "publication", "talk"'),
        ("awards/x.md", {"title": "T", "visibility": "yes"}, "visibility", "must be one of"),
        ("profile.md", {"name": "D", "languages": [{"fluency": "C1"}]}, "languages[0].language", "is required"),
    ],
    ids=["education-needs-institution", "ends-before-start", "date-shape", "publication-kind", "visibility-word", "language-needs-name"],
)
def test_the_validator_checks_each_new_type(path: str, fields: dict[str, object], field: str, message: str) -> None:
    corpus = load_corpus([(path, front_matter(fields))])
    assert [(p.field, p.is_error) for p in corpus.problems if message in p.message] == [(field, True)]


def test_a_project_naming_an_unknown_skill_gets_a_did_you_mean() -> None:
    corpus = load_corpus([make_skill("python"), ("projects/x.md", front_matter({"name": "X", "skills": ["pyhton"]}))])
    (problem,) = corpus.problems
    assert problem.field == "skills" and 'did you mean "python"' in problem.message and problem.line == 4  # the list item itself
