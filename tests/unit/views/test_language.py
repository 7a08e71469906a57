"""The person's language: every word careerfolio writes on a public site follows theme.language."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from careerfolio.content.corpus import load_corpus
from careerfolio.insights.nextsteps import NextStep, compute_next_steps
from careerfolio.settings import Settings
from careerfolio.views.dashboard import DAY_FIELDS
from careerfolio.views.messages import ENGLISH, MessagesError, load_messages
from careerfolio.views.render import templates_dir
from helpers import (
    TODAY,
    build,
    front_matter,
    make_checkup,
    make_contact,
    make_decision,
    make_entry,
    make_profile,
    make_role,
    make_skill,
    output_text,
    run_mkdocs,
    soup,
    write_site,
)

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


def english_words(language: str = "de") -> set[str]:
    """Words of careerfolio's English messages that `language` never uses (so "Portfolio" does not count for German)."""

    def words(language: str) -> set[str]:
        values = yaml.safe_load((MESSAGES / f"{language}.yaml").read_text(encoding="utf-8")).values()
        return {w for value in values for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", value) if not w.startswith("format")}

    return words("en") - words(language)


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


def in_german(file: tuple[str, bytes], english: str, german: str) -> tuple[str, bytes]:
    """A helper's file with its English body written in German: the user's words are not ours."""
    path, text = file
    return path, text.replace(english.encode(), german.encode())


def german_checkup(day: str, **fields: object) -> tuple[str, bytes]:
    return in_german(make_checkup(day, **fields), "Reflection.", "Rückblick.")


# Broken files in German, each with a problem of another kind: the dashboard says them all in the site's language.
BROKEN = [
    ("journal/2026/doppelt.md", b"---\ndate: 2026-02-01\ntitle: Zweimal\nvisibility: private\nvisibility: public\n---\nText.\n"),
    ("journal/2026/art.md", front_matter({"date": "2026-02-02", "title": "Falsche Art", "kind": "Erfolg"}, "Text.")),
    ("journal/2026/tab.md", b"---\ndate: 2026-02-03\ntags:\n\t- eins\n---\nText.\n"),
    ("journal/2026/feld.md", front_matter({"date": "2026-02-04", "title": "Tippfehler", "impcat": "viel", "people": ["niemand"]}, "Text.")),
    ("skills/rust.md", front_matter({"name": "Rust", "level": 9}, "Notizen.")),
    ("roles/alt.md", front_matter({"organization": "Initech", "title": "Praktikantin", "start": "2019-05", "end": "2018-01"}, "Früher.")),
    (
        "decisions/job.md",
        front_matter({"date": "2026-05-01", "title": "Wechsel?", "options": [{"name": "Ja"}, {"name": "Nein"}], "status": "decided"}),
    ),
]

# What only the private build shows: people, decisions, the layoff plan, check-ups, a broken file, and
# something due of every kind, so that the dashboard's next steps, flags and problems all have words to show.
PRIVATE_CAREER = [
    *GERMAN_CAREER,
    make_skill("sql", name="SQL", level=2, target=4, last_used="2026-10"),
    make_skill("cobol", name="COBOL", level=2),
    (
        "network/jana.md",
        front_matter({"name": "Jana", "organization": "Globex", "circle": "Daten", "last_contact": "2026-02-10"}, "Kennengelernt."),
    ),
    in_german(make_contact("ole", name="Ole", circle="Daten"), "How we met.", "Beim Sport."),
    (
        "decisions/umzug.md",
        front_matter(
            {
                "date": "2026-04-02",
                "title": "Umzug?",
                "decide_by": "2026-11-29",
                "options": [{"name": "Gehen", "effect": {"skills": 1}}, {"name": "Bleiben"}],
            },
            "Abwägen.",
        ),
    ),
    in_german(
        make_decision(
            "teilzeit", title="Teilzeit?", options=[{"name": "Ja"}, {"name": "Nein"}], status="decided", choice="Ja", revisit="2026-10-01"
        ),
        "What matters.",
        "Was zählt.",
    ),
    ("layoff-plan.md", front_matter({"reviewed": "2026-01-10"}, "- [x] Notgroschen\n- [ ] Empfehlungen")),
    german_checkup("2026-03-01", actions=["Zwei Leute im Monat treffen"]),
    german_checkup(
        "2026-06-01",
        scores={"skills": 5, "performance": 1, "network": 2, "job_search": 2, "finances": 3},
        actions=["Vortrag einreichen", "Budget prüfen"],
        done=["Budget prüfen"],
    ),
    ("journal/2026/kaputt.md", front_matter({"title": "Ohne Datum", "kind": "achievement"}, "Kaputt.")),
    *BROKEN,
]

# Pages only a private build has, or shows more of; every other page is checked too.
PRIVATE_PAGES = ("dashboard", "checkups/2026-06-01", "checkups/2026-03-01", "journal/2026/lauf", "network/jana", "decisions/umzug")
PRIVATE_PAGES += ("layoff-plan", "skills/python", "roles/acme")


def private_site(root: Path, files: list[tuple[str, bytes]], language: str) -> Path:
    write_site(root, files)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"]["language"] = language
    config["site_name"] = "Lebenslauf"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = run_mkdocs(root, "build", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode == 0, result.stderr
    return root / "site-private"


@pytest.fixture(scope="module", params=["de", "fr", "es"])
def private_career(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    language = request.param
    return language, private_site(tmp_path_factory.mktemp(f"privat-{language}"), PRIVATE_CAREER, language)


@pytest.fixture(scope="module", params=["de", "fr", "es"])
def empty_private_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A career with nothing in it yet: the dashboard's "start here" and every empty state."""
    language = request.param
    return language, private_site(tmp_path_factory.mktemp(f"leer-{language}"), [make_profile(headline="Datenbauerin")], language)


def shown_words(page: BeautifulSoup) -> set[str]:
    """The words a reader meets in the page's article, title, labels and chart texts. Aside: code (commands,
    field names, paths and values as written in a file are the same in every language) and what is marked
    lang="en" (PyYAML's own words for an unusual YAML error, which careerfolio cannot put in other words)."""
    for hidden in page.select('script, style, code, [lang="en"]'):
        hidden.decompose()
    article = page.select_one("article")
    assert article is not None
    labels = [str(tag.get(name, "")) for name in ("aria-label", "data-label") for tag in article.select(f"[{name}]")]
    text = " ".join([article.get_text(" "), page.title.get_text() if page.title else "", *labels])
    return set(re.findall(r"[A-Za-zÀ-ÿ]{3,}", text))


def test_a_private_site_has_no_english_word_of_careerfolios_on_its_generated_pages(private_career: tuple[str, Path]) -> None:
    language, site = private_career
    english = english_words(language)
    assert {"Dashboard", "Cadence", "Evidence", "overdue", "Reflection", "Scores"} <= english
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html") if "search" not in path.parts)
    assert set(PRIVATE_PAGES) <= set(pages)
    for page in pages:
        html = soup(site / page / "index.html")
        banner = html.select_one(".cf-private-banner")
        assert banner is not None and banner.get_text().startswith(load_messages(language)("banner.private"))
        if page == "dashboard":  # the broken files' problems are all said in the language, none left in English
            assert len(html.select("#cf-problems li")) >= len(BROKEN) and not html.select('#cf-problems [lang="en"]')
        found = shown_words(html) & english
        assert not found, (language, page, sorted(found))


def test_an_empty_private_site_starts_in_the_language_too(empty_private_site: tuple[str, Path]) -> None:
    language, site = empty_private_site
    html = soup(site / "dashboard" / "index.html")
    assert html.select("#cf-start li[data-step]")
    found = shown_words(html) & english_words(language)
    assert not found, (language, sorted(found))


def test_the_private_german_dashboard_writes_dates_and_numbers_the_german_way(private_career: tuple[str, Path]) -> None:
    language, site = private_career
    if language != "de":
        pytest.skip("German only")
    html = soup(site / "dashboard" / "index.html")
    intro = html.select_one(".cf-dashboard-intro time")
    assert intro is not None and intro.get_text() == "22. November 2026" and intro["datetime"] == "2026-11-22"
    assert html.title is not None and html.title.get_text().startswith("Übersicht")
    steps = html.select_one("#cf-next")
    assert steps is not None and "die nächste ist 84 Tage überfällig" in steps.get_text()
    assert "01.06.2026" in html.select_one("#cf-chart-history").get_text()  # type: ignore[union-attr]
    problem = html.select_one(".cf-excluded li li")
    assert problem is not None and re.match(r"(Zeile \d+: )?Fehler: ", problem.get_text()), problem
    # Every problem in German (PyYAML's own words for an unusual error would be marked lang="en"; these have none).
    problems = html.select_one("#cf-problems")
    assert problems is not None and not problems.select('[lang="en"]')
    said = " ".join(problems.get_text().split())
    for german in (
        "steht doppelt da (zuerst in Zeile 4)",
        'muss einer dieser Werte sein: "achievement", "learning"',
        "das YAML lässt sich nicht lesen (Spalte 1): zum Einrücken wird ein Tabulator verwendet",
        "ein Journal-Eintrag hat kein solches Feld; meinten Sie „impact“?",
        "nennt eine ID, zu der es in network/ keine Datei gibt",
        "muss eine ganze Zahl von 1 bis 5 sein",
        "end liegt vor start",
        "choice ist Pflicht, wenn status auf decided steht",
    ):
        assert german in said, (german, said)
    checkup = soup(site / "checkups" / "2026-06-01" / "index.html")
    assert checkup.select_one("h1").get_text() == "Standortbestimmung vom 1. Juni 2026"  # type: ignore[union-attr]
    assert "Arbeitsleistung" in soup(site / "journal/2026/lauf/index.html").select_one(".cf-record").get_text()  # type: ignore[union-attr]


def test_words_fields_dates_numbers_and_one_or_many() -> None:
    german = load_messages("de")
    assert german.days(1) == "1 Tag" and german.days(1200) == "1.200 Tage"
    assert german.say("dash.gap", days=german.days(3), start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 4)) == (
        "3 Tage, vom 1. März 2026 bis 4. März 2026"
    )
    assert german.say("dash.more_steps", count=1) == "1 weiterer Schritt"
    assert load_messages("fr").date("2026-06-01") == "1er juin 2026" and load_messages("fr").date("2026-06-02") == "2 juin 2026"
    # A message with markup of its own keeps it; a field from the user's files is escaped.
    said = german.html("dash.skills_none", folder="<b>skills/</b>")
    assert "<b>" not in said and "&lt;b&gt;skills/&lt;/b&gt;" in said
    assert "<code>" in german.html("dash.flags_explained", days=365, entries=3)


def _every_step() -> list[NextStep]:
    """Every kind of step with each of its wordings, across careers that each show some of them."""
    plans = [
        front_matter({}, "- [x] A\n"),
        front_matter({}, "- [ ] A\n"),
        front_matter({"reviewed": "2025-01-01"}, "- [x] A\n"),
        front_matter({"reviewed": "2025-01-01"}, "- [ ] A\n"),
        front_matter({"reviewed": "2026-11-01"}, "- [ ] A\n"),
    ]
    due = [
        make_checkup("2025-06-01"),
        make_entry(date="2026-03-14"),
        make_contact("jana", last_contact="2026-01-10", every=30),
        make_contact("ole"),
        make_decision("past", decide_by="2026-11-01"),
        make_decision("today", decide_by=TODAY.isoformat()),
        make_decision("soon", decide_by="2026-11-29"),
        make_decision("again", status="decided", choice="Move", revisit="2026-10-01"),
        make_skill("cobol"),
        make_skill("python", last_used="2025-06"),
        make_skill("sql", level=2, target=4, last_used="2026-10"),
    ]
    careers = [[], due, [make_checkup("2026-11-01", actions=["Call Tom"]), make_entry(date="2026-11-20")]]
    careers += [[*due, ("layoff-plan.md", plan)] for plan in plans]
    return [step for files in careers for step in compute_next_steps(load_corpus(files, Settings()), Settings(), TODAY).steps]


def test_the_dashboards_next_steps_say_in_english_what_the_command_line_says() -> None:
    steps = _every_step()
    ids = {step.said.id for step in steps}
    shipped = {key.rsplit(".", 1)[0] for key in ENGLISH._table if key.startswith("step.")}
    assert shipped - ids <= {"step.action_no_focus"}, sorted(shipped - ids)
    for step in steps:
        fields = dict(step.said.fields)
        if fields.get("focus"):
            fields["focus"] = ENGLISH(f"esh.{fields['focus']}")
        assert ENGLISH.say(f"{step.said.id}.title", **fields) == step.title
        # The core writes dates as ISO and days as "N days": so does the English file.
        assert ENGLISH.say(f"{step.said.id}.why", **{k: ENGLISH.days(v) if k in DAY_FIELDS else v for k, v in fields.items()}) == step.why
        if step.path:
            assert ENGLISH(f"todo.{step.said.todo}") == step.todo
        else:
            assert ENGLISH(f"command.{step.kind}") == step.command
