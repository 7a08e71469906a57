"""A content problem in the site's language: the core gives a message id and values, the catalogues the words.

The command line and the build log keep the core's English; the dashboard says
the same from templates/messages, so the English catalogue must say exactly
what the core says, and every language must have every problem's words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from careerfolio.content.corpus import load_corpus
from careerfolio.content.schema import CONTENT_TYPES
from careerfolio.plan.site import UsersOutput
from careerfolio.privacy.redaction import redact_markdown
from careerfolio.problems import Problem, Words
from careerfolio.settings import Settings
from careerfolio.views.messages import ENGLISH, load_messages
from careerfolio.views.render import templates_dir
from helpers import FIXTURES, front_matter, make_checkup, make_contact, make_decision, make_entry, make_profile, make_role, make_skill

PLUGIN = Path(__file__).resolve().parents[3] / "plugin" / "careerfolio"
MESSAGES = templates_dir() / "messages"
LANGUAGES = ("en", "de", "fr", "es")

# Problems no test file can provoke through load_corpus: a YAML error without a position, and
# `_type_name`'s answers that `_text` handles before asking (kept so that no answer lacks words).
UNREACHED = {
    "problem.yaml_no_column",
    "problem.yaml_unreadable",
    "problem.yaml.invalid",
    "problem.text_not_number",
    "problem.text_not_yes_no_value",
    "problem.type.page",
    "problem.key_not_text",  # PyYAML refuses a list or mapping as a key before careerfolio looks
    "problem.yaml.list_indentation",  # PyYAML's pure-Python parser's case; libyaml calls it inconsistent indentation
    "problem.link_or_file_removed",  # the static export's; its English is checked with the others below
}


def _catalogue(language: str) -> dict[str, str]:
    table: dict[str, str] = yaml.safe_load((MESSAGES / f"{language}.yaml").read_text(encoding="utf-8"))
    return {key: text for key, text in table.items() if key.startswith("problem.")}


def _ids_in_the_core() -> set[str]:
    """Every message id the core names, as written in its source, and the type names it builds from CONTENT_TYPES."""
    ids = {f"problem.type.{name}" for name in CONTENT_TYPES}
    for path in PLUGIN.rglob("*.py"):
        if "views" not in path.relative_to(PLUGIN).parts:
            ids |= set(re.findall(r"\"(problem\.[a-z0-9_.]+[a-z0-9_])\"", path.read_text(encoding="utf-8")))
    return ids


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def test_every_problem_id_is_in_every_catalogue_with_the_same_fields() -> None:
    ids = _ids_in_the_core()
    assert len(ids) > 70, sorted(ids)
    english = _catalogue("en")
    assert set(english) == ids, (sorted(ids - set(english)), sorted(set(english) - ids))
    for language in LANGUAGES:
        other = _catalogue(language)
        assert set(other) == ids, (language, sorted(ids ^ set(other)))
        for key, text in english.items():
            assert _fields(other[key]) == _fields(text), (language, key)


# Files that provoke the problems the bad fixtures do not.
FILES = [
    ("journal/deep.md", ("---\ntitle: " + "[" * 60 + "]" * 60 + "\n---\n").encode()),
    ("journal/alias.md", b"---\ntitle: &x [*x]\n---\n"),
    ("journal/tagged.md", b"---\ndate: !!int abc\n---\n"),
    ("journal/at.md", b"---\ndate: 2026-01-02\ntitle: @home\n---\n"),
    ("journal/anchorless.md", b"---\ndate: 2026-01-02\ntitle: *nothing\n---\n"),
    ("journal/nocolon.md", b'---\ndate: 2026-01-02\ntitle: "a\nkind x\n---\n'),
    ("journal/quote.md", b'---\ndate: 2026-01-02\ntitle: "open\n---\n'),
    ("journal/indent.md", b"---\ndate: 2026-01-02\ntags:\n  - a\n - b\n---\n"),
    ("journal/colon.md", b"---\ndate: 2026-01-02\ntitle: T\nkind\nx: 1\n---\n"),
    ("journal/keys.md", b"---\ndate: 2026-01-02\ntitle: t\n  kind: x\n---\n"),
    ("journal/escape.md", b'---\ndate: 2026-01-02\ntitle: "a\\q"\n---\n'),
    ("journal/key.md", b"---\ndate: 2026-01-02\ntitle: T\n[a]: 1\n---\n"),
    ("journal/nested.md", b"---\ndate: 2026-01-02\ntitle: T\nextra:\n  a: 1\n  a: 2\n---\n"),
    make_entry(path="journal/list.md", tags=[["a"]]),
    make_entry(path="journal/map.md", tags=[{"a": 1}]),
    make_entry(path="journal/none.md", tags=[None]),
    make_entry(path="journal/yes.md", tags=[True]),
    ("journal/binary.md", b"---\ndate: 2026-01-02\ntitle: T\ntags: [!!binary aGVsbG8=]\n---\n"),
    make_entry(path="journal/blank.md", title="  "),
    make_entry(path="journal/tagmap.md", tags={"a": 1}),
    make_entry(path="journal/slash.md", role="/x"),
    make_entry(path="journal/nodate.md", date=""),
    ("journal/nodate2.md", b"---\ndate:\ntitle: T\n---\n"),
    make_entry(path="journal/broken-skill.md", skills=["broken"]),
    make_skill("broken", level=9),
    make_checkup("2026-01-01", scores=3),
    make_checkup("2026-01-02", scores={"skills": 3, "performance": 3, "network": 3, "job_search": 3, "finances": 3, "skils": 3}),
    make_checkup("2026-01-03", actions=["A"], done=["B"]),
    make_decision("strings", options=["A", "B"]),
    make_decision("typo", options=[{"name": "A", "efect": {}}, {"name": "B"}]),
    make_decision("nameless", options=[{"effect": {"skills": 1}}, {"name": "B"}]),
    make_decision("twice", options=[{"name": "A"}, {"name": "A"}]),
    make_role("late", start="2022-01", end="2021-01"),
    ("education/school.md", front_matter({"institution": "School", "start": "soon"})),
    ("projects/thing.md", front_matter({"name": "Thing", "start": "2022", "end": "2021"})),
    ("profile.md", front_matter({"name": "Dana", "headlne": "x"})),
    ("layoff-plan.md", front_matter({"reviewd": "2026-01-01"})),
    ("Layoff-Plan.md", front_matter({"reviewed": "2026-01-01"})),  # a second layoff plan, in another case
    *[
        (path, front_matter({"visibility": "public", "extra_field": 1}))
        for path in (
            "skills/x.md",
            "checkups/2026-02-02.md",
            "roles/x.md",
            "network/x.md",
            "decisions/x.md",
            "certifications/x.md",
            "publications/x.md",
            "awards/x.md",
            "education/x.md",
            "projects/x.md",
        )
    ],
]


def _fixture_problems() -> list[Problem]:
    good = [(p.relative_to(FIXTURES / "good").as_posix(), p.read_bytes()) for p in sorted((FIXTURES / "good").rglob("*")) if p.is_file()]
    bad = [p for p in sorted((FIXTURES / "bad").rglob("*")) if p.is_file() and p.suffix != ".expected"]
    found: list[Problem] = []
    for path in bad:
        found += load_corpus([*good, (path.relative_to(FIXTURES / "bad").as_posix(), path.read_bytes())]).problems
    return found


def _build_problems() -> list[Problem]:
    redacted = redact_markdown("a.md", "Intro <!-- never closed\n", frozenset())
    linked = redact_markdown("a.md", "[x](private.md)\n", frozenset({"private.md"}))
    clash = UsersOutput(["resume.md"], [], True).clash("resume/index.md", page=True)
    export = Problem(
        "a.md", None, None, "links to a page or file that is not public; the link is removed", said=Words("problem.link_or_file_removed")
    )
    return [*redacted[1], *linked[1], *([clash] if clash else []), export]


def _every_problem() -> list[Problem]:
    return [*_fixture_problems(), *load_corpus(FILES, Settings()).problems, *_build_problems()]


def _ids(said: Words) -> set[str]:
    return {said.id} | {i for _, value in said.fields if isinstance(value, Words) for i in _ids(value)}


def test_the_english_catalogue_says_what_the_core_says_for_every_problem() -> None:
    problems = _every_problem()
    seen: set[str] = set()
    for problem in problems:
        assert problem.said is not None, problem.format()
        assert ENGLISH.problem(problem.said) == problem.message, problem.format()
        seen |= _ids(problem.said)
    assert _ids_in_the_core() - UNREACHED - seen == set(), "a problem no test provokes: add a file for it to FILES"


def _values(said: Words) -> list[str]:
    out = []
    for _, value in said.fields:
        out += _values(value) if isinstance(value, Words) else [str(value)]
    return out


def test_a_problem_passes_only_values_its_english_message_already_shows() -> None:
    """What the core may show is settled for the English message (see test_problems): the words in other languages add nothing."""
    for problem in _every_problem():
        assert problem.said is not None
        for value in _values(problem.said):
            assert value in problem.message, (problem.format(), value)


SECRET = "Secret affair with Bob"
# Where a user's own words sit next to a problem: keys they invented, ids they typed, values that are wrong.
SECRETS = [
    make_entry(**{SECRET: 1}),
    make_entry(path="journal/2026/people.md", people=[SECRET], skills=[SECRET], role=SECRET),
    make_entry(path="journal/2026/kind.md", kind=SECRET),
    make_checkup(scores={"skills": 3, SECRET: 2}),
    make_decision(options=[{"name": "A", "effect": {SECRET: 1}}, {"name": "B", SECRET: 1}], choice=SECRET),
    make_profile(links=[{"label": "x", "url": "https://x.example", SECRET: 1}]),
    make_contact("jane-doe"),
    ("journal/a.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}: 1\n{SECRET}: 2\n---\n".encode()),
    ("journal/b.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}: a #b\n---\n".encode()),
    ("journal/c.md", f"---\ndate: 2026-01-02\ntitle: T\n{SECRET}:\n  [a]: 1\n---\n".encode()),
    ("journal/d.md", f"---\ndate: 2026-01-02\ntitle: {SECRET}: yes\n---\n".encode()),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_language_shows_what_the_user_typed(language: str) -> None:
    problems = load_corpus(SECRETS).problems
    assert len(problems) >= len(SECRETS)
    for problem in problems:
        said = str(load_messages(language).problem_html(problem))
        assert "Secret" not in said and "Bob" not in said, (language, said)


def test_values_are_escaped_and_file_words_shown_as_code() -> None:
    german = load_messages("de")
    broken = Problem("a.md", 3, "skills", "x", said=Words.of("problem.names_a_file_with_errors", file="skills/<b>x</b>.md"))
    said = str(german.problem_html(broken))
    assert "<b>" not in said and "<code>skills/&lt;b&gt;x&lt;/b&gt;.md</code>" in said and said.startswith("nennt ")
    # The message's own characters are escaped too: an HTML comment's opening is text on the page.
    (unclosed,) = redact_markdown("a.md", "Intro <!-- never closed\n", frozenset())[1]
    assert "&lt;!--" in str(german.problem_html(unclosed)) and "<!--" not in str(german.problem_html(unclosed))
    # PyYAML's own words for an unusual error stay English, and say so.
    (odd,) = load_corpus([("journal/escape.md", b'---\ndate: 2026-01-02\ntitle: "a\\q"\n---\n')]).problems
    assert re.fullmatch(r'das YAML lässt sich nicht lesen \(Spalte \d+\): <span lang="en">[^<]+</span>', str(german.problem_html(odd)))
    # A problem without words (none of careerfolio's) is shown as the core wrote it, marked English.
    assert str(german.problem_html(Problem("a.md", 1, None, "is <odd>"))) == '<span lang="en">is &lt;odd&gt;</span>'


def test_a_hint_and_a_list_keep_their_values_in_every_language() -> None:
    (problem,) = load_corpus(
        [make_checkup(scores={"skills": 3, "performance": 3, "network": 3, "job_search": 3, "finances": 3, "netwrok": 1})]
    ).problems
    shown = {language: str(load_messages(language).problem_html(problem)) for language in LANGUAGES}
    assert shown["de"].endswith("; meinten Sie „<code>network</code>“?")
    assert shown["fr"].endswith(" ; vouliez-vous dire « <code>network</code> » ?")
    assert shown["es"].endswith("; ¿quiso decir «<code>network</code>»?")
    for text in shown.values():
        assert "<code>skills, performance, network, job_search, finances</code>" in text
