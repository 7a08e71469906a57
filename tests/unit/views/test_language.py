"""The person's language: every word careerfolio writes on a public site follows theme.language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from careerfolio.views.messages import MessagesError, load_messages
from careerfolio.views.render import templates_dir
from helpers import build, front_matter, make_entry, make_profile, make_role, output_text, run_mkdocs, soup, write_site

MESSAGES = templates_dir() / "messages"
SHIPPED = sorted(path.stem for path in MESSAGES.glob("*.yaml"))

# A career written in German: any English word on its pages is one of careerfolio's.
GERMAN_CAREER = [
    (
        "profile.md",
        front_matter(
            {
                "name": "Dana Reyes",
                "headline": "Datenbauerin",
                "languages": [{"language": "Deutsch", "fluency": "Muttersprache"}],
                "visibility": "public",
            },
            "Kurz gesagt.",
        ),
    ),
    (
        "roles/acme.md",
        front_matter({"organization": "Acme", "title": "Datenbauerin", "start": "2021-06", "visibility": "public"}, "Die Stelle."),
    ),
    (
        "skills/python.md",
        front_matter({"name": "Python", "level": 4, "since": "2016", "last_used": "2026-03", "visibility": "public"}, "Notizen."),
    ),
    make_entry(
        path="journal/2026/lauf.md",
        date="2026-03-14",
        title="Nachtlauf verkürzt",
        role="acme",
        skills=["python"],
        impact="Fünf Stunden gespart",
        tags=["betrieb"],
        body="Was geschah.",
    ),
    make_entry(
        path="journal/2025/vortrag.md", date="2025-04-21", title="Vortrag gehalten", kind="volunteer", pinned=True, body="Was geschah."
    ),
    (
        "education/tum.md",
        front_matter({"institution": "TU München", "degree": "Diplom", "start": "2010", "end": "2015", "visibility": "public"}, "Studium."),
    ),
    ("certifications/cka.md", front_matter({"name": "CKA", "date": "2023-05", "expires": "2026-05", "visibility": "public"}, "Prüfung.")),
    ("projects/werkzeug.md", front_matter({"name": "Werkzeug", "start": "2022", "visibility": "public"}, "Ein Werkzeug.")),
    (
        "publications/vortrag.md",
        front_matter({"title": "Langweilige Strecken", "kind": "talk", "date": "2025-04-21", "visibility": "public"}, "Darum."),
    ),
    ("awards/preis.md", front_matter({"title": "Preis", "date": "2024", "visibility": "public"}, "Dafür.")),
]


def english_words() -> set[str]:
    """Words of careerfolio's English messages that German never uses (so "Portfolio" does not count)."""

    def words(language: str) -> set[str]:
        values = yaml.safe_load((MESSAGES / f"{language}.yaml").read_text(encoding="utf-8")).values()
        return {w for value in values for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", value) if not w.startswith("format")}

    return words("en") - words("de")


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deutsch")
    files = [*GERMAN_CAREER]
    write_site(root, files, extra_config="")
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"]["language"] = "de"
    config["site_name"] = "Lebenslauf"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = run_mkdocs(root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_german_site_has_no_english_word_of_careerfolios_on_its_pages(german_site: Path) -> None:
    english = english_words()
    assert {"Achievements", "Skills", "Experience", "Download", "Subscribe", "Education"} <= english
    pages = [path for path in german_site.rglob("index.html") if "search" not in path.parts]
    assert len(pages) > 10
    for page in pages:
        html = soup(page)
        for hidden in html.select("script, style"):
            hidden.decompose()
        shown = html.select_one("article").get_text(" ") + " " + html.title.get_text()  # type: ignore[union-attr]
        labels = " ".join(str(tag.get("aria-label", "")) for tag in html.select("article [aria-label], nav.cf-site-nav"))
        found = set(re.findall(r"[A-Za-zÀ-ÿ]{3,}", shown + " " + labels)) & english
        assert not found, (page.relative_to(german_site).as_posix(), sorted(found))


def test_german_dates_numbers_feed_and_resume_json(german_site: Path) -> None:
    entry = soup(german_site / "journal" / "2026" / "lauf" / "index.html").select_one("article time")
    assert entry is not None and entry.get_text() == "14. März 2026" and entry["datetime"] == "2026-03-14"
    assert "<title>Erfolge von Dana Reyes</title>" in (german_site / "feed.xml").read_text()
    assert json.loads((german_site / "resume.json").read_text())["skills"][0]["level"] == "Gewandt"
    home = soup(german_site / "index.html").select_one("article")
    assert home is not None and "Lebenslauf herunterladen" in home.get_text()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_shipped_language_has_every_message(language: str) -> None:
    english = yaml.safe_load((MESSAGES / "en.yaml").read_text(encoding="utf-8"))
    other = yaml.safe_load((MESSAGES / f"{language}.yaml").read_text(encoding="utf-8"))
    assert set(other) == set(english)
    for key, text in english.items():
        assert set(re.findall(r"\{(\w+)", other[key])) <= set(re.findall(r"\{(\w+)", text)) | {"month", "mm", "day", "dd", "year"}, key


def test_a_language_not_shipped_falls_back_to_english_and_a_region_to_its_language() -> None:
    assert load_messages("ja")("nav.resume") == "Résumé"
    assert load_messages("de-AT")("nav.resume") == "Lebenslauf"
    assert load_messages("fr").date("2026-02") == "février 2026"
    assert load_messages("es").number(12345) == "12.345"


def test_a_users_own_file_adds_or_overrides_words(tmp_path: Path) -> None:
    own = tmp_path / "words.yaml"
    own.write_text('nav.resume: "Vita"\nformat.date: "{dd}.{mm}.{year}"\n', encoding="utf-8")
    site = build(
        tmp_path / "site",
        [make_profile(), make_entry()],
        plugin_options={"messages": str(own)},
        extra_config="theme:\n  name: material\n  language: de\n",
    )
    assert "Vita" in (site / "resume" / "index.html").read_text()
    assert soup(site / "journal" / "2026" / "entry" / "index.html").select_one("article time").get_text() == "14.03.2026"  # type: ignore[union-attr]


def test_an_unknown_key_in_a_users_file_is_named(tmp_path: Path) -> None:
    own = tmp_path / "words.yaml"
    own.write_text("nav.resumee: Vita\n", encoding="utf-8")
    with pytest.raises(MessagesError, match=r"nav\.resumee is not a message"):
        load_messages("de", own)


def test_no_english_words_of_ours_leak_into_a_french_or_spanish_resume(tmp_path: Path) -> None:
    for language, word in (("fr", "Expérience"), ("es", "Experiencia")):
        root = tmp_path / language
        write_site(root, [make_profile(), make_role(), make_entry(role="acme-engineer")])
        config = yaml.safe_load((root / "mkdocs.yml").read_text())
        config["theme"]["language"] = language
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
        assert run_mkdocs(root, "build", "--strict").returncode == 0
        text = output_text(root / "site")["resume/index.html"]
        assert word in text and ">Experience<" not in text


def test_a_private_german_site_has_german_record_headers_and_banner(tmp_path: Path) -> None:
    files = [
        *GERMAN_CAREER,
        (
            "network/jana.md",
            front_matter({"name": "Jana", "organization": "Globex", "circle": "Daten", "last_contact": "2026-02-10"}, "Kennengelernt."),
        ),
        (
            "decisions/umzug.md",
            front_matter(
                {"date": "2026-04-02", "title": "Umzug?", "options": [{"name": "Gehen", "effect": {"skills": 1}}, {"name": "Bleiben"}]},
                "Abwägen.",
            ),
        ),
        ("layoff-plan.md", front_matter({"reviewed": "2026-09-01"}, "- [x] Notgroschen\n- [ ] Empfehlungen")),
    ]
    write_site(tmp_path, files)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text())
    config["theme"]["language"] = "de"
    config["site_name"] = "Lebenslauf"
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = run_mkdocs(tmp_path, "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site-private"
    english = english_words()
    for page in ("journal/2026/lauf", "network/jana", "decisions/umzug", "layoff-plan", "skills/python", "roles/acme"):
        html = soup(site / page / "index.html")
        banner = html.select_one(".cf-private-banner")
        assert banner is not None and banner.get_text().startswith("Privat: Diese Website")
        header = html.select_one(".cf-record")
        assert header is not None
        found = set(re.findall(r"[A-Za-zÀ-ÿ]{3,}", header.get_text(" ") + " " + html.title.get_text())) & english  # type: ignore[union-attr]
        assert not found, (page, sorted(found))
    assert "Arbeitsleistung" in soup(site / "journal/2026/lauf/index.html").select_one(".cf-record").get_text()  # type: ignore[union-attr]
