"""The loader: decoding, the front matter split, YAML line numbers and duplicates."""

from __future__ import annotations

import random
import reprlib

import yaml

from careerfolio.content import loader
from careerfolio.content.loader import parse_source


def test_bom_and_crlf_are_read_like_plain_lf() -> None:
    plain = parse_source("a.md", b"---\ntitle: Hello\nvisibility: public\n---\nBody\n")
    fancy = parse_source("a.md", "\ufeff---\r\ntitle: Hello\r\nvisibility: public\r\n---\r\nBody\r\n".encode())
    assert fancy.meta == plain.meta == {"title": "Hello", "visibility": "public"}
    assert fancy.body == plain.body == "Body\n"
    assert fancy.problems == ()


def test_key_lines_are_file_lines_including_nested_items() -> None:
    source = parse_source(
        "d.md",
        b"---\ndate: 2026-04-02\ntitle: T\noptions:\n  - name: A\n    effect: {skills: 1}\n  - name: B\n---\n",
    )
    assert source.lines[("date",)] == 2
    assert source.lines[("options", 1)] == 7
    assert source.lines[("options", 0, "effect", "skills")] == 6
    assert source.line_of("options", 1, "name") == 7
    assert source.body_line == 9


def test_dates_stay_text_so_impossible_dates_do_not_crash() -> None:
    source = parse_source("a.md", b"---\ndate: 2026-13-45\nother: 2026-01-02\n---\n")
    assert source.meta == {"date": "2026-13-45", "other": "2026-01-02"}


def test_duplicate_keys_are_errors_anywhere_in_the_tree() -> None:
    source = parse_source("a.md", b"---\nscores:\n  skills: 1\n  skills: 2\n---\n")
    assert [(p.line, p.field) for p in source.problems] == [(4, "scores.skills")]


def test_no_front_matter_is_not_an_error_for_the_loader() -> None:
    source = parse_source("a.md", b"# Just a page\n")
    assert not source.has_front_matter and source.problems == () and source.body == "# Just a page\n"


def test_four_dashes_are_not_a_delimiter() -> None:
    source = parse_source("a.md", b"----\nvisibility: public\n----\n")
    assert not source.has_front_matter
    assert [p.severity.value for p in source.problems] == ["warning"]


def test_the_c_loader_is_used_when_libyaml_is_present() -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(loader._Loader, yaml.CSafeLoader)


def test_read_tree_finds_markdown_in_any_case_and_skips_dot_folders(tmp_path) -> None:
    (tmp_path / "journal").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "journal" / "a.md").write_bytes(b"x")
    (tmp_path / "journal" / "B.MD").write_bytes(b"y")
    (tmp_path / ".git" / "c.md").write_bytes(b"z")
    (tmp_path / "image.png").write_bytes(b"p")
    assert [p for p, _ in loader.read_tree(tmp_path)] == ["journal/B.MD", "journal/a.md"]


def test_the_source_cache_parses_a_file_again_only_when_its_bytes_change() -> None:
    cache = loader.SourceCache()
    first = cache.parse("journal/a.md", b"---\ntitle: One\n---\nBody\n")
    assert cache.parse("journal/a.md", b"---\ntitle: One\n---\nBody\n") is first
    changed = cache.parse("journal/a.md", b"---\ntitle: Two\n---\nBody\n")
    assert changed.meta == {"title": "Two"}
    assert changed.meta == parse_source("journal/a.md", b"---\ntitle: Two\n---\nBody\n").meta
    # The same bytes under another path are another file: its problems must name that path.
    other = cache.parse("journal/b.md", b"---\ntitle: Two\n---\nBody\n")
    assert other is not changed and other.path == "journal/b.md"


def test_the_source_cache_forgets_files_that_are_gone() -> None:
    cache = loader.SourceCache()
    kept = cache.parse("a.md", b"---\ntitle: A\n---\n")
    gone = cache.parse("b.md", b"---\ntitle: B\n---\n")
    cache.keep_only(["a.md"])
    assert cache.parse("a.md", b"---\ntitle: A\n---\n") is kept
    assert cache.parse("b.md", b"---\ntitle: B\n---\n") is not gone


def test_duplicate_keys_inside_list_items_are_named_with_their_item() -> None:
    source = parse_source("d.md", b"---\ntitle: T\noptions:\n  - name: A\n  - name: B\n    name: C\n---\n")
    assert [(p.line, p.field) for p in source.problems] == [(6, "options[1].name")]
    assert source.meta["options"][1] == {"name": "C"}  # still read, so that other problems show too


def _split_by_lines(text: str) -> tuple[str, str, int] | None:
    """The front matter split written the plain way, line by line, to hold the fast one to."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if closing is None:
        return None
    return "\n".join(lines[1:closing]), "\n".join(lines[closing + 1 :]), closing + 2


def test_the_front_matter_split_matches_a_line_by_line_reading() -> None:
    cases = [
        "---\ntitle: A\n---\nBody\n",
        "---\ntitle: A\n---",
        "---\n---\nBody",
        "---  \ntitle: A\n---\t \nBody\n---\nmore\n",
        "---\ntitle: A\n--- x\n---\nBody\n",
        "---\ntitle: A\n ---\n---\n\n\nBody",
        "---\ntitle: A\n----\n---\nBody\n",
        "---\ntitle: A\n---\u00a0\nBody\n",
        "---\ntitle: A\n\n\n---\n",
        "---\ntitle: A\nnever closed\n",
        "---",
    ]
    for text in cases:
        source = parse_source("a.md", text.encode())
        expected = _split_by_lines(text)
        if expected is None:
            assert not source.readable or not source.has_front_matter, text
            continue
        yaml_text, body, body_line = expected
        assert (source.front_matter, source.body, source.body_line) == (yaml_text, body, body_line), text


def test_field_lines_are_worked_out_only_when_a_problem_needs_them() -> None:
    clean = parse_source("a.md", b"---\ntitle: A\nskills: [x, y]\n---\n")
    assert "lines" not in vars(clean)
    assert clean.line_of("skills", 1) == 3
    assert vars(clean)["lines"][("skills", 1)] == 3


_PLAIN = ["plain words", "Update #2", "2026-01-02", "3", "yes", "~", "", "'quoted: yes'", "[python, sql]", "{a: 1, b: [x]}"]
_TRICKY = [
    "plain words", "yes", "No", "on", "OFF", "~", "null", "", "0x1F", "0o17", "017", "1_000", "1:30", "-1.5e3", ".inf", "-.Inf",
    ".NaN", "2026-01-02", "2026-01-02 10:00:00", "2026-13-45", "'quoted: yes'", '"double \\u00e9"', "!!str 5", "!!int '7'",
    "!!binary aGVsbG8=", "!!float 1", "!!bool yes", "&anchor shared", "*anchor", "!!set {a, b}", "!!omap [a: 1]",
    "!custom x", "!!python/object:os.system x", "=", "!", "<<", "[1, yes, ~, 'x']", "{a: 1, b: [x, {c: d}]}", "&loop [*loop]",
    "&self {me: *self}", "Update #2", "a #comment", "@at", "`tick`", "[unclosed", "'unclosed", "- in value",
    "!!int seven", "!!bool maybe", "!!float x", "!!binary ###", "!!timestamp 2026-01-02", "!!null x", "!!map [a]",
]  # fmt: skip


def _scalar(rng: random.Random) -> str:
    return rng.choice(_TRICKY if rng.random() < 0.12 else _PLAIN)


def _random_front_matter(rng: random.Random) -> str:
    lines = ["base: &base {x: 1, y: [2]}"] if rng.random() < 0.1 else []
    for _ in range(rng.randint(1, 6)):
        key = rng.choice(
            ["true", "<<", "'quoted key'", "[a]", "? complex"] if rng.random() < 0.1 else ["title", "skills", "date", "1", "nested"]
        )
        shape = rng.random()
        if key == "<<":
            lines.append("<<: *base" if lines and lines[0].startswith("base") else "<<: {merged: 1}")
        elif shape < 0.6:
            lines.append(f"{key}: {_scalar(rng)}")
        elif shape < 0.8:
            lines.append(f"{key}:")
            lines += [f"  - {_scalar(rng)}" for _ in range(rng.randint(0, 3))]
        else:
            lines.append(f"{key}:")
            lines += [f"  {rng.choice(['a', 'b', 'a'])}: {_scalar(rng)}" for _ in range(rng.randint(1, 3))]
    return "\n".join(lines)


def test_the_fast_construction_builds_what_pyyamls_own_builds(monkeypatch) -> None:
    """Front matter is built outside PyYAML's constructor; every value, error and problem must match PyYAML's own way.

    PyYAML's way here is the loader with its fast path turned off: PyYAML's resolver and
    construct_document, after the check that no value contains itself.
    """
    rng = random.Random(20261122)
    documents = [_random_front_matter(rng) for _ in range(3000)]
    slow_ways: list[object] = []
    with monkeypatch.context() as counted:
        pyyaml_way = loader._FrontMatterLoader.construct_document
        counted.setattr(
            loader._FrontMatterLoader, "construct_document", lambda self, node: slow_ways.append(node) or pyyaml_way(self, node)
        )
        fast = [loader.parse_front_matter("a.md", text, 2) for text in documents]
    with monkeypatch.context() as patched:
        patched.setattr(loader, "_simple_front_matter", lambda text: None)
        patched.setattr(loader._FrontMatterLoader, "resolve", yaml.resolver.BaseResolver.resolve)
        patched.setattr(loader._FrontMatterLoader, "_plain", _never_plain)
        slow = [loader.parse_front_matter("a.md", text, 2) for text in documents]
    kinds = {"read": 0, "error": 0, "problem": 0}
    for text, (meta, problems), (expected_meta, expected_problems) in zip(documents, fast, slow, strict=True):
        assert reprlib.repr(meta) == reprlib.repr(expected_meta) and _shape(meta) == _shape(expected_meta), text
        assert problems == expected_problems, text
        kinds["error" if meta is None else "problem" if problems else "read"] += 1
    assert min(kinds.values()) > 100, kinds  # the documents exercise every outcome
    assert len(slow_ways) < len(documents) / 2, len(slow_ways)  # and the fast way builds most of them


# Characters for values at the edge of the simple front matter read by line: YAML's indicators,
# spaces of other kinds, line breaks YAML knows and Python does not, characters YAML refuses.
_EDGE_CHARACTERS = "aZ09 .:-#,[]{}'\"&*!|>%@`?~=<_/\u00a0\u00e9\u2028\x85\t\x07\ufeff"
_EDGE_VALUES = [
    "2026-01-02",
    "12:30",
    "a:",
    "a: b",
    "a:b",
    "a\tb",
    "0x1F",
    "yes",
    "Off",
    "~",
    "null",
    "1_000",
    ".inf",
    "-1.5",
    "=",
    "<<",
    "https://x.y/z",
    "a  b",
]
_EDGE_KEYS = ["title", "skills", "on", "yes", "null", "1", "a-b", "_x", "Title", "kind"]
_FIELD_KEYS = ["title", "skills", "kind", "date", "impact", "role", "tags", "levels"]


def _edge_value(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(_EDGE_VALUES)
    edgy = 0.0 if rng.random() < 0.85 else 0.2  # most values are words, so that many documents are simple
    return "".join(rng.choice(_EDGE_CHARACTERS if rng.random() < edgy else "abc d") for _ in range(rng.randint(1, 12)))


def _simple_looking_front_matter(rng: random.Random) -> str:
    lines = []
    keys = rng.sample(_EDGE_KEYS, 7) if rng.random() < 0.2 else rng.sample(_FIELD_KEYS, 7)
    for key in keys[: rng.randint(1, 7)]:
        gap, end = rng.choice([" ", " ", " ", " ", "  ", ""]), rng.choice(["", "", "", "", " ", "  "])
        if rng.random() < 0.3:
            items = [_edge_value(rng) for _ in range(rng.randint(0, 4))]
            lines.append(f"{key}:{gap}[{rng.choice([', ', ',', ' , '])[: rng.randint(1, 3)].join(items)}]{end}")
        else:
            lines.append(f"{key}:{gap}{_edge_value(rng)}{end}")
        if rng.random() < 0.03:
            lines.append(rng.choice(["", "  continued", "- item", "# note", "...", "title: again"]))
    return "\n".join(lines)


def test_front_matter_read_line_by_line_is_what_pyyaml_reads(monkeypatch) -> None:
    """Simple front matter (`key: value` lines) skips PyYAML's node tree; what it gives must be PyYAML's own result."""
    rng = random.Random(20261122)
    documents = [_simple_looking_front_matter(rng) for _ in range(5000)]
    simply_read = sum(loader._simple_front_matter(text) is not None for text in documents)
    fast = [loader.parse_front_matter("a.md", text, 2) for text in documents]
    with monkeypatch.context() as patched:
        patched.setattr(loader, "_simple_front_matter", lambda text: None)
        slow = [loader.parse_front_matter("a.md", text, 2) for text in documents]
    for text, (meta, problems), (expected_meta, expected_problems) in zip(documents, fast, slow, strict=True):
        assert _shape(meta) == _shape(expected_meta), text
        assert problems == expected_problems, text
    # Both ways are exercised: many documents are simple, and many sit just past the edge.
    assert len(documents) * 0.15 < simply_read < len(documents) * 0.75, simply_read


def _never_plain(*args: object) -> object:
    raise loader._NotPlain


def _shape(value: object, depth: int = 0) -> object:
    """`value` with every scalar's type spelled out, stopping at depth 8 so that recursive documents compare too."""
    if depth > 8:
        return "..."
    if isinstance(value, dict):
        return {repr(key): _shape(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item, depth + 1) for item in value]
    return (type(value).__name__, repr(value))


def test_a_value_that_contains_itself_is_a_problem_not_a_hang() -> None:
    for text in (b"---\ntitle: T\ntags: &t [a, *t]\n---\n", b"---\ntitle: T\nextra: &e {me: *e, <<: {x: 1}}\n---\n"):
        source = parse_source("a.md", text)
        assert not source.readable and source.meta == {}
        assert [(p.line, p.message.split(";")[0]) for p in source.problems] == [
            (3, "an alias (*name) is used inside the value its anchor (&name) names")
        ]


def test_a_value_that_does_not_fit_its_tag_is_a_problem_not_a_crash() -> None:
    for value in ("!!int seven", "!!bool maybe", "!!float x", "!!int 0xZZ"):
        source = parse_source("a.md", f"---\ntitle: T\nlevel: {value}\n---\n".encode())
        assert not source.readable
        assert [p.message for p in source.problems] == ["the YAML cannot be read: a value does not fit its tag (such as !!int or !!bool)"]


def test_nested_aliases_are_shared_not_multiplied() -> None:
    """Ten levels of ten aliases each name 10**10 leaves; reading them, and their lines, must stay cheap."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 10)]
    source = parse_source("a.md", ("---\n" + "\n".join(lines) + "\na0: again\n---\n").encode())
    assert [p.field for p in source.problems] == ["a0"]  # the duplicate key is found, which walks the tree
    shared = source.meta["a9"][0] is source.meta["a9"][1]  # not in the assert: a failure would print 10**10 leaves
    assert shared
    assert source.line_of("a9") == 11


def test_read_tree_does_not_enter_linked_folders(tmp_path) -> None:
    (tmp_path / "docs" / "journal").mkdir(parents=True)
    (tmp_path / "docs" / "journal" / "a.md").write_bytes(b"x")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.md").write_bytes(b"s")
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "docs" / "loop.md").symlink_to(tmp_path / "docs", target_is_directory=True)
    assert [p for p, _ in loader.read_tree(tmp_path / "docs")] == ["journal/a.md"]


def test_deep_nesting_is_a_located_problem_not_a_recursion_error() -> None:
    """About 980 levels crashed the loader's own walk; libyaml itself reads up to 1000."""
    for opening, closing in (("[", "]"), ("{a: ", "}")):
        for depth in (loader.MAX_DEPTH + 1, 990):
            text = f"---\ntitle: T\nx: a\nx: b\ndeep: {opening * depth}1{closing * depth}\n---\n"
            source = parse_source("a.md", text.encode())
            assert not source.readable and source.lines == {}
            assert [(p.line, p.field) for p in source.problems] == [(5, None)], source.problems
            assert "nested more than" in source.problems[0].message


def test_front_matter_as_deep_as_the_limit_is_read() -> None:
    depth = loader.MAX_DEPTH - 1
    source = parse_source("a.md", f"---\ndeep: {'[' * depth}1{']' * depth}\n---\n".encode())
    assert source.readable and source.problems == ()


def test_a_number_too_long_for_python_is_a_located_problem() -> None:
    """Over 4,300 digits, int() refuses the text; a long hexadecimal number is read but cannot be shown."""
    for value in ("9" * 5000, "0x" + "f" * 4000, "[" + "1" * 4400 + "]", "-" + "7" * 4301):
        source = parse_source("a.md", f"---\ntitle: T\nimpact: {value}\n---\n".encode())
        assert not source.readable
        assert [(p.line, p.field) for p in source.problems] == [(3, None)]
        assert "too many digits" in source.problems[0].message
    assert parse_source("a.md", f"---\nimpact: {'9' * 4000}\n---\n".encode()).meta == {"impact": int("9" * 4000)}


def test_read_tree_passes_over_a_file_gone_between_listing_and_reading(tmp_path) -> None:
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "a.md").write_bytes(b"x")
    (tmp_path / "journal" / "gone.md").symlink_to(tmp_path / "nowhere.md")  # listed, but opening it finds nothing
    assert [p for p, _ in loader.read_tree(tmp_path)] == ["journal/a.md"]


def test_the_quick_reader_turns_away_every_character_it_means_to() -> None:
    # Its one character class is tabs, CR, NEL, LS, PS and the BOM, and every character YAML does not print.
    every = "".join(map(chr, range(0x110000)))
    meant = set("\t\r\x85\u2028\u2029\ufeff") | set(yaml.reader.Reader.NON_PRINTABLE.findall(every))
    assert set(loader._NOT_SIMPLE_TEXT.findall(every)) == meant


def test_read_tree_reads_a_file_larger_than_one_read_whole(tmp_path) -> None:
    data = b"---\ntitle: Big\n---\n" + bytes(range(256)) * (3 * loader._READ_SIZE // 256 + 7)
    (tmp_path / "big.md").write_bytes(data)
    (tmp_path / "empty.md").write_bytes(b"")
    assert loader.read_tree(tmp_path) == [("big.md", data), ("empty.md", b"")]
