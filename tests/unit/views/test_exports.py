"""resume.json against the vendored JSON Resume schema, the Atom feed and the home page's JSON-LD."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.plan.site import BuildContext
from careerfolio.settings import Settings
from careerfolio.views.exports import build_feed, build_json_ld, build_resume
from careerfolio.views.portfolio import build_portfolio_view, portfolio_part, portfolio_paths
from helpers import ATOM, TODAY, make_entry, make_profile, make_role, make_skill, validate_resume


def career() -> Corpus:
    files = [
        make_profile(
            name="Dana Reyes",
            headline="Data engineer",
            email="dana@example.com",
            location="Berlin, Germany",
            links=[{"label": "GitHub", "url": "https://github.com/example"}, {"label": "Bad", "url": "javascript:alert(1)"}],
        ),
        make_role("acme", organization="Acme Corp", title="Senior Data Engineer", start="2024-02", url="https://acme.example"),
        make_role("globex", organization="Globex", title="Data Engineer", start="2020-04", end="2024-01"),
        make_role("initech", organization="Initech", title="Analyst", start="2016-08", end="2020-03", visibility="private"),
        make_skill("python", name="Python", level=4, category="Engineering"),
        make_skill("sql", name="SQL", level=5),
        make_skill("negotiation", name="Negotiation", level=2, visibility="private"),
        make_entry(
            path="journal/2026/batch.md",
            date="2026-03-14",
            title="Cut the nightly batch",
            impact="5 h saved",
            role="acme",
            skills=["python", "negotiation"],
            pinned=True,
        ),
        make_entry(path="journal/2025/contracts.md", date="2025-07-10", title="Data contracts", role="acme", skills=["sql"]),
        make_entry(path="journal/2025/book.md", date="2025-05-01", title="Read a book", kind="learning", role="acme"),
        make_entry(path="journal/2023/airflow.md", date="2023-06-14", title="Cron to Airflow", role="globex"),
        make_entry(path="journal/2019/secret.md", date="2019-01-01", title="Old side project", role="initech"),
        make_entry(path="journal/2026/salary.md", date="2026-04-15", title="Salary review", visibility="private"),
    ]
    corpus = load_corpus(files, Settings())
    assert [p for p in corpus.problems if p.is_error] == []
    return corpus


def context(site_url: str | None = None) -> BuildContext:
    return BuildContext(audience="public", today=TODAY, settings=Settings(), site_url=site_url)


# -- resume.json -------------------------------------------------------------------


def test_resume_json_is_valid_json_resume_with_public_content_only() -> None:
    document = json.loads(build_resume(build_portfolio_view(career()), context("https://dana.example/")))
    validate_resume(document)
    basics = document["basics"]
    assert basics["name"] == "Dana Reyes"
    assert basics["label"] == "Data engineer"
    assert basics["url"] == "https://dana.example/"
    assert basics["profiles"] == [{"network": "GitHub", "url": "https://github.com/example"}]
    assert [(w["name"], w["position"], w["startDate"], w.get("endDate")) for w in document["work"]] == [
        ("Acme Corp", "Senior Data Engineer", "2024-02", None),
        ("Globex", "Data Engineer", "2020-04", "2024-01"),
    ]
    # Achievements only, pinned first; the learning entry is not a highlight.
    assert document["work"][0]["highlights"] == ["Cut the nightly batch: 5 h saved", "Data contracts"]
    assert [(s["name"], s["level"]) for s in document["skills"]] == [("SQL", "Expert"), ("Python", "Proficient")]
    text = json.dumps(document)
    for private in ("Initech", "Negotiation", "Salary", "javascript"):
        assert private not in text


def test_an_empty_career_still_gives_a_valid_resume() -> None:
    document = json.loads(build_resume(build_portfolio_view(load_corpus([], Settings())), context()))
    validate_resume(document)
    assert document == {}


def test_the_strict_schema_rejects_a_misspelt_key() -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate_resume({"basics": {"name": "Dana", "headline": "not a JSON Resume key"}})


def test_resume_json_keeps_markup_characters_as_escapes() -> None:
    corpus = load_corpus([make_profile(name="Dana <b>&</b>")], Settings())
    text = build_resume(build_portfolio_view(corpus), context())
    assert "<" not in text and "&" not in text
    assert json.loads(text)["basics"]["name"] == "Dana <b>&</b>"


# -- feed ----------------------------------------------------------------------------


def feed_of(corpus: Corpus, site_url: str | None = None) -> ET.Element:
    view = build_portfolio_view(corpus)
    ctx = context(site_url)
    return ET.fromstring(build_feed(view, ctx, portfolio_paths(corpus.public(), ctx)).encode())


def test_feed_has_one_entry_per_public_entry_newest_first() -> None:
    root = feed_of(career())
    entries = root.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == ["Cut the nightly batch", "Data contracts", "Read a book", "Cron to Airflow", "Old side project"]
    assert root.findtext(f"{ATOM}updated") == "2026-03-14T00:00:00Z"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links[0] == "journal/2026/batch/"  # relative to feed.xml at the site root
    categories = [c.get("term") for c in entries[0].findall(f"{ATOM}category")]
    assert categories == ["achievement", "python"]  # the private skill is not named


def test_feed_links_are_absolute_when_the_site_url_is_known() -> None:
    root = feed_of(career(), "https://dana.example/cv/")
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}id") == feed_of(career()).find(f"{ATOM}entry").findtext(f"{ATOM}id")  # type: ignore[union-attr]
    assert entry.find(f"{ATOM}link").get("href") == "https://dana.example/cv/journal/2026/batch/"  # type: ignore[union-attr]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://dana.example/cv/feed.xml"  # type: ignore[union-attr]


def test_feed_escapes_markup_in_titles() -> None:
    corpus = load_corpus([make_entry(title='A <b>bold</b> & "quoted" move', impact="</summary><x/>")], Settings())
    root = feed_of(corpus)
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == 'A <b>bold</b> & "quoted" move'
    assert entry.findtext(f"{ATOM}summary", "").startswith("</summary><x/>")


# -- JSON-LD -------------------------------------------------------------------------


def json_ld_blocks(markdown: str) -> list[Any]:
    soup = BeautifulSoup(markdown, "html.parser")
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def test_home_page_carries_a_profile_page_about_a_person() -> None:
    out = portfolio_part(career(), context("https://dana.example/"))
    home = next(p for p in out.pages if p.src_path == "index.md")
    (data,) = json_ld_blocks(home.markdown)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Dana Reyes"
    assert person["jobTitle"] == "Senior Data Engineer"
    assert person["worksFor"] == {"@type": "Organization", "name": "Acme Corp", "url": "https://acme.example"}
    assert person["sameAs"] == ["https://github.com/example"]
    assert person["knowsAbout"] == ["SQL", "Python"]
    assert data["url"] == "https://dana.example/"


def test_json_ld_survives_a_name_that_tries_to_close_the_script() -> None:
    name = '</script><script>alert("x")</script>'
    corpus = load_corpus([make_profile(name=name)], Settings())
    home = next(p for p in portfolio_part(corpus, context()).pages if p.src_path == "index.md")
    assert home.markdown.count("</script>") == 1
    (data,) = json_ld_blocks(home.markdown)
    assert data["mainEntity"]["name"] == name


def test_no_json_ld_without_a_public_profile() -> None:
    corpus = load_corpus([make_profile(visibility="private")], Settings())
    assert build_json_ld(build_portfolio_view(corpus), context(), portfolio_paths(corpus.public(), context())) is None
    home = next(p for p in portfolio_part(corpus, context()).pages if p.src_path == "index.md")
    assert json_ld_blocks(home.markdown) == []
