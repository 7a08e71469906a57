"""Property tests: hostile front matter for every content type, through the loader, `check` and both builds.

Whatever a file holds, nothing crashes, each problem is one line, no message
quotes a planted value, and the good files beside it are still built.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfolio.content.corpus import load_corpus
from careerfolio.content.schema import CONTENT_TYPES
from careerfolio.plan.model import BuildContext
from careerfolio.plan.site import build_site
from careerfolio.settings import Settings
from cli_support import run
from helpers import (
    TODAY,
    make_checkup,
    make_contact,
    make_decision,
    make_entry,
    make_role,
    make_skill,
    output_text,
    run_mkdocs,
    write_site,
)

# How many examples each property runs: CAREERFOLIO_HOSTILE_SCALE=20 for a long hunt.
SCALE = int(os.environ.get("CAREERFOLIO_HOSTILE_SCALE", "1"))
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]

# Planted in values and in keys: no message may ever show it.
PLANTED = "Plnt3dSecret"
# Characters that would split one problem over two lines.
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# Good files beside the hostile ones; every one must come through unharmed.
GOOD = [
    make_skill("python"),
    make_role("acme-engineer"),
    make_contact("jane-doe"),
    make_checkup("2026-03-01"),
    make_decision("move"),
    make_entry(path="journal/good.md", title="Good entry", skills=["python"], role="acme-engineer", people=["jane-doe"]),
]
GOOD_PATHS = frozenset(path for path, _ in GOOD)

# Where each content type lives, with the default settings.
_HOME = {
    "entry": "journal/2026/h{}.md",
    "skill": "skills/h{}.md",
    "checkup": "checkups/h{}.md",
    "role": "roles/h{}.md",
    "contact": "network/h{}.md",
    "decision": "decisions/h{}.md",
    "profile": "profile.md",
    "layoff_plan": "layoff-plan.md",
    "page": "notes/h{}.md",
}

# Values as users and machines produce them: YAML's surprises, values that once crashed, structures too deep.
_RAW_VALUES = [
    "9" * 5000,
    "0x" + "f" * 4000,
    "1:" * 3000 + "1",
    "[" * 990 + "]" * 990,
    "{a: " * 990 + "1" + "}" * 990,
    "&a [*a]",
    "*nowhere",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!int seven",
    "!!float x",
    "!!timestamp 2001-12-14",
    "12:30",
    "0x1F",
    "1_000",
    ".inf",
    "-.nan",
    "yes",
    "Off",
    "~",
    "2026-02-30",
    "-1",
    "@x",
    "`x`",
    "'unclosed",
    '"\\x00"',
    '"\\udc80"',
    "|\n  block",
    ">-\n  folded",
    "\ta tab",
    "[a, [b, [c]]]",
    "{skills: 9, finances: -9}",
    "- a\n- b",
    "\n  - name: A\n    effect: {skills: 3}\n  - name: A",
]


# The edges of dates and numbers, drawn as often as all the rest: sums of dates and days overflow there.
_EDGE_VALUES = ["9999-12-31", "9999-12", "0001-01-01", "99999999999999999999", "999999999", "0"]


@st.composite
def _planted_text(draw: st.DrawFn) -> str:
    """Text with the planted value somewhere in it, and any characters around it."""
    before = draw(st.text(max_size=8))
    after = draw(st.text(max_size=8))
    return f"{before}{PLANTED}{after}"


_SCALARS = st.one_of(
    _planted_text(),
    st.text(max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.one_of(_planted_text(), st.text(max_size=8)), inner, max_size=4),
    max_leaves=12,
)


def _key_strategy(type_name: str) -> st.SearchStrategy[str]:
    known = list(CONTENT_TYPES[type_name].field_names)
    return st.one_of(st.sampled_from(known), _planted_text(), st.sampled_from(["on", "yes", "1", "<<", "? x", f"{PLANTED}\nx"]))


@st.composite
def _front_matter_line(draw: st.DrawFn, type_name: str) -> tuple[str, str]:
    """(key, line): one field, of the type or not, with a value made to break things."""
    key = draw(_key_strategy(type_name))
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return key, f"{key}: {draw(st.sampled_from(_RAW_VALUES) | st.sampled_from(_EDGE_VALUES))}"
    if choice == 1:  # a well-formed value of any type, written by PyYAML
        return key, yaml.safe_dump({key: draw(_VALUES)}, allow_unicode=draw(st.booleans()), width=1_000_000).rstrip("\n")
    return key, f"{key}: {draw(_planted_text())}"  # raw text: quotes, colons and '#' of its own


# A valid start for each type, so that a hostile value often sits among valid ones, where
# sums such as last_contact + every are worked out.
_VALID_START = {
    "entry": {"date": "2026-01-02", "title": "T", "visibility": "public"},
    "skill": {"name": "N", "level": 3, "last_used": "2026-01", "visibility": "public"},
    "checkup": {"date": "2026-01-02", "scores": {"skills": 3, "performance": 3, "network": 3, "job_search": 3, "finances": 3}},
    "role": {"organization": "O", "title": "T", "start": "2020-01", "visibility": "public"},
    "contact": {"name": "N", "last_contact": "2026-01-01", "every": 30},
    "decision": {"date": "2026-01-01", "title": "T", "decide_by": "2026-06-01", "options": [{"name": "A"}, {"name": "B"}]},
    "profile": {"name": "N", "visibility": "public"},
    "layoff_plan": {"reviewed": "2026-01-01"},
    "page": {"title": "T", "visibility": "public"},
}


@st.composite
def hostile_file(draw: st.DrawFn, type_name: str, index: int) -> tuple[str, bytes]:
    """One file of `type_name` at its usual place, its front matter and body made to break things."""
    hostile = draw(st.lists(_front_matter_line(type_name), max_size=6))
    start = _VALID_START[type_name] if draw(st.booleans()) else {}
    changed = {key for key, _ in hostile}
    lines = [yaml.safe_dump({key: value}).rstrip("\n") for key, value in start.items() if key not in changed]
    lines += [line for _, line in hostile]
    body = draw(st.sampled_from(["", f"# {PLANTED}\n\nBody {PLANTED}.\n", f"{PLANTED}: not front matter\n"]))
    opening, closing = draw(st.sampled_from([("---", "---"), ("---", "---"), ("---", ""), ("----", "----"), (" ---", "---")]))
    text = f"{opening}\n" + "\n".join(lines) + (f"\n{closing}\n" if closing else "\n") + body
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
    data = text.encode("utf-8", "surrogatepass")
    data = draw(st.sampled_from([data, data, b"\xef\xbb\xbf" + data, data + b"\xff\xfe", data.replace(b"e", b"\xe9", 1)]))
    return _HOME[type_name].format(index), data


@st.composite
def hostile_files(draw: st.DrawFn, max_per_type: int = 2) -> list[tuple[str, bytes]]:
    """Hostile files of every content type (one profile and one layoff plan, as there can be only one)."""
    files: dict[str, bytes] = {}
    for type_name in _HOME:
        count = 1 if "{}" not in _HOME[type_name] else draw(st.integers(1, max_per_type))
        for index in range(count):
            path, data = draw(hostile_file(type_name, index))
            files[path] = data
    return sorted(files.items())


def assert_messages_are_clean(messages: list[str]) -> None:
    """One line each, and never the planted value."""
    for message in messages:
        assert PLANTED not in message, message
        assert not any(brk in message for brk in _LINE_BREAKS), repr(message)


def assert_good_files_kept(files: list[tuple[str, bytes]]) -> None:
    corpus = load_corpus(files)
    assert not [p for p in corpus.problems if p.path in GOOD_PATHS]
    assert {"journal/good.md", "skills/python.md", "roles/acme-engineer.md"} <= corpus.public_paths()
    assert [c.id for c in corpus.contacts if c.id == "jane-doe"] and [d.id for d in corpus.decisions if d.id == "move"]
    assert [c.id for c in corpus.checkups if c.id == "2026-03-01"]


@settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=_SLOW)
@given(hostile=hostile_files())
def test_the_loader_and_the_checks_never_crash_quote_or_lose_a_good_file(hostile: list[tuple[str, bytes]]) -> None:
    files = GOOD + hostile
    corpus = load_corpus(files)
    assert_messages_are_clean([p.format() for p in corpus.problems])
    assert_good_files_kept(files)
    # A file is either a record or listed as left out because of an error.
    for path, _ in hostile:
        errors = [p for p in corpus.problems if p.path == path and p.is_error]
        assert (path in corpus.excluded) == bool(errors)


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=_SLOW)
@given(hostile=hostile_files())
def test_the_core_plans_both_sites_from_hostile_files(hostile: list[tuple[str, bytes]]) -> None:
    """The plan of each build (every figure, page and header rendered) in-process, for more examples than real builds allow."""
    files = GOOD + hostile
    corpus = load_corpus(files)
    for audience in ("public", "private"):
        site = build_site(corpus, BuildContext(audience, TODAY, Settings(), user_pages=frozenset(p for p, _ in files)))
        assert_messages_are_clean([p.format() for p in site.problems])
        page = site.page("journal/good.md")
        assert page is not None and "Good entry" in page.header_html()
        for planned in site.pages:
            planned.header_html()


@settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=_SLOW)
@given(hostile=hostile_files())
def test_check_prints_one_clean_line_per_problem(hostile: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = write_site(Path(folder), GOOD + hostile)
        result = run(site, "check")
    assert result.exit_code in (0, 1) and (result.exception is None or isinstance(result.exception, SystemExit)), result.output
    lines = result.output.splitlines()
    assert lines[-1].endswith(("warning", "warnings")) and " files checked: " in lines[-1], result.output
    assert_messages_are_clean(lines)
    # check also reports what planning the builds finds (a page where a generated one lands), so at least every file problem.
    assert len(lines) >= len(load_corpus(GOOD + hostile).problems) + 1


@settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=_SLOW)
@given(hostile=hostile_files())
def test_the_writing_commands_work_beside_hostile_files(hostile: list[tuple[str, bytes]]) -> None:
    """new, checkup and report read the whole career first; a hostile file must not stop them."""
    scores = "skills=4,performance=3,network=2,job_search=2,finances=3"
    with tempfile.TemporaryDirectory() as folder:
        site = write_site(Path(folder), GOOD + hostile)
        for args in (("new", "entry", "Shipped"), ("checkup", "--scores", scores), ("report", "--since", "2000-01-01")):
            result = run(site, *args)
            assert result.exit_code == 0, (args, result.output)
            assert "Good entry" in result.output or args[0] != "report"
        assert run(site, "check").exit_code in (0, 1)


@settings(max_examples=4 * SCALE, deadline=None, suppress_health_check=_SLOW)
@given(hostile=hostile_files(max_per_type=1))
def test_both_builds_never_crash_quote_or_lose_a_good_file(hostile: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = write_site(Path(folder), GOOD + hostile)
        for audience, out in (("public", "site"), ("private", "site-private")):
            result = run_mkdocs(site, "build", env={"CAREERFOLIO_AUDIENCE": audience})
            assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
            assert PLANTED not in result.stderr
            # One problem per line: every line of the log that is not MkDocs' own starts with a level.
            assert all(line.startswith(("INFO", "WARNING", "ERROR", "DEBUG")) for line in result.stderr.splitlines()), result.stderr
            built = output_text(site / out)
            good_page = "journal/good/index.html"
            assert good_page in built and "Good entry" in built[good_page]


# -- the fast YAML path against PyYAML with libyaml, on generated documents -------------------------------

_SIMPLE_KEYS = st.sampled_from(["title", "skills", "on", "yes", "null", "1", "a-b", "_x", "Title", "kind", "date", "tags"])
_SIMPLE_TEXT = st.text(alphabet=st.sampled_from(list("aZ09 .:-#,[]{}'\"&*!|>%@`?~=<_/\u00a0\u00e9\t")), min_size=1, max_size=12)
_SIMPLE_VALUE = st.one_of(_SIMPLE_TEXT, st.sampled_from(_RAW_VALUES[14:28]), st.sampled_from(_EDGE_VALUES))


@st.composite
def simple_looking_front_matter(draw: st.DrawFn) -> str:
    """`key: value` lines and one-line lists, the kind the fast path reads by line, with YAML's edges in them."""
    lines = []
    for key in draw(st.lists(_SIMPLE_KEYS, min_size=1, max_size=6)):
        gap = draw(st.sampled_from([" ", "  ", ""]))
        if draw(st.booleans()):
            items = draw(st.lists(_SIMPLE_VALUE, max_size=4))
            lines.append(f"{key}:{gap}[{draw(st.sampled_from([', ', ',', ' , ']))[:2].join(items)}]")
        else:
            lines.append(f"{key}:{gap}{draw(_SIMPLE_VALUE)}{draw(st.sampled_from(['', ' ']))}")
    return "\n".join(lines)


class _LibyamlLoader(yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML with libyaml, keeping dates as text as careerfolio's loader does."""


_LibyamlLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: str(node.value))


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {repr(k): _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return (type(value).__name__, repr(value))


@settings(max_examples=500 * SCALE, deadline=None)
@given(text=simple_looking_front_matter())
def test_the_fast_path_reads_what_libyaml_reads(text: str) -> None:
    from careerfolio.content import loader

    fast = loader._simple_front_matter(text)
    if fast is None:
        return  # left to PyYAML itself
    assert _shape(fast) == _shape(yaml.load(text, Loader=_LibyamlLoader)), text


def _with_value(type_name: str, field: str, raw: str) -> bytes:
    """A valid file of `type_name` whose `field` holds `raw`, as written."""
    lines = [yaml.safe_dump({key: value}).rstrip("\n") for key, value in _VALID_START[type_name].items() if key != field]
    return ("---\n" + "\n".join([*lines, f"{field}: {raw}"]) + f"\n---\nBody {PLANTED}.\n").encode()


_EVERY_VALUE = [*_RAW_VALUES, *_EDGE_VALUES, f"{PLANTED}: x", f'"{PLANTED}\\n{PLANTED}"']


@pytest.mark.parametrize("type_name", list(_HOME))
def test_every_field_of_every_type_takes_every_hostile_value(type_name: str) -> None:
    """Not sampled but exhaustive: each field, in an otherwise valid file, set to each hostile value, through both plans.

    Sums of dates and days (last_contact + every) are only worked out when the
    rest of the file is valid, which random files seldom are.
    """
    fields = CONTENT_TYPES[type_name].field_names
    many = "{}" in _HOME[type_name]  # else one file per corpus: there is one profile and one layoff plan
    batches = (
        [[(_HOME[type_name].format(f"e{i}"), _with_value(type_name, field, raw)) for i, raw in enumerate(_EVERY_VALUE)] for field in fields]
        if many
        else [[(_HOME[type_name], _with_value(type_name, field, raw))] for field in fields for raw in _EVERY_VALUE]
    )
    for hostile in batches:
        files = GOOD + hostile
        corpus = load_corpus(files)
        assert_messages_are_clean([p.format() for p in corpus.problems])
        assert not [p for p in corpus.problems if p.path in GOOD_PATHS]
        for audience in ("public", "private"):
            site = build_site(corpus, BuildContext(audience, TODAY, Settings(), user_pages=frozenset(p for p, _ in files)))
            for planned in site.pages:
                planned.header_html()
