"""The one place that turns a file's bytes into front matter, line numbers and body.

Front matter is YAML between a first line `---` and the next line `---`. The
parser is strict where MkDocs and python-frontmatter are forgiving, because
the parser that decides visibility must be the one whose output is rendered.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import yaml

from careerfolio.content.paths import looks_like_markdown
from careerfolio.problems import Problem, Severity, Words

try:  # libyaml's parser is several times faster; the pure-Python one is the fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

FieldPath = tuple[str | int, ...]

_DELIMITER = "---"
# Lines that look like an attempt at front matter which MkDocs would render as text.
_NEAR_DELIMITER = re.compile(r"^\s*-{3,}\s*$")


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text so that validation can judge them."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

# Front matter is a few levels deep; a limit far above that keeps every walk over the tree
# well inside Python's recursion limit, whatever the file holds.
MAX_DEPTH = 50


class _TooDeep(Exception):
    """Front matter nested deeper than MAX_DEPTH."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


class _NumberTooLong(yaml.constructor.ConstructorError):
    """An integer with more digits than Python turns into a number or back into text (4,300 by default)."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__(None, None, "a number has too many digits to be read; put it in quotes if it is text", node.start_mark)


def _int_within_limits(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """PyYAML's int, refused as a problem when Python could not write it back as text.

    Python limits int/str conversions (sys.get_int_max_str_digits); PyYAML's own
    constructor fails with a plain ValueError there, and a hexadecimal value
    passes it but fails later wherever the number is shown.
    """
    try:
        value = yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        if not _MAX_INT_DIGITS or len(node.value) < _MAX_INT_DIGITS:
            raise  # not a number at all, such as `!!int seven`
        raise _NumberTooLong(node) from None
    if _MAX_INT_BITS and value.bit_length() > _MAX_INT_BITS:
        raise _NumberTooLong(node)
    return value  # type: ignore[no-any-return]


_MAX_INT_DIGITS = sys.get_int_max_str_digits()  # 0: no limit
# 3.32 bits per decimal digit, rounded down: a number this long has fewer digits than the limit.
_MAX_INT_BITS = int((_MAX_INT_DIGITS - 1) * 3.32) if _MAX_INT_DIGITS else 0
_Loader.add_constructor("tag:yaml.org,2002:int", _int_within_limits)


@dataclass(frozen=True)
class Source:
    """A Markdown file split into its front matter and body.

    `lines` maps a field path such as ("options", 1, "effect") to the 1-based
    line in the file where that key (or list item) starts. Only a file with a
    problem needs it, so it is worked out from `front_matter` when first asked for.
    """

    path: str
    meta: dict[str, Any]
    front_matter: str  # the YAML text between the delimiters
    body: str
    body_line: int
    has_front_matter: bool
    problems: tuple[Problem, ...] = field(default=())
    readable: bool = True  # False when the bytes or the YAML could not be read at all

    @cached_property
    def lines(self) -> dict[FieldPath, int]:
        """Each field path's line in the file (computed on first use, then kept)."""
        if not self.has_front_matter or not self.readable:
            return {}
        return key_lines(self.front_matter, _FIRST_FIELD_LINE)

    @cached_property
    def numbers_as_written(self) -> dict[FieldPath, str]:
        """The text of each plain value YAML reads as a number, by field path (worked out when first asked for)."""
        if not self.has_front_matter or not self.readable:
            return {}
        return _numbers_as_written(self.front_matter)

    def line_of(self, *path: str | int) -> int | None:
        """The line of the deepest known prefix of `path`, else of the front matter."""
        lines = self.lines
        for end in range(len(path), 0, -1):
            line = lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1 if self.has_front_matter else None


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (BOM optional) and normalise line ends to LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Problem(path, line, None, "is not valid UTF-8 text; save it with UTF-8 encoding", said=Words("problem.not_utf8"))]
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


# A line of exactly three dashes, trailing white space allowed (as str.rstrip would drop it).
_DELIMITER_LINE = re.compile(r"^---[^\S\n]*$", re.MULTILINE)
_FIRST_FIELD_LINE = 2  # front matter starts on the line after the opening delimiter


def parse_source(path: str, data: bytes) -> Source:
    """Split `data` into front matter and body, collecting every problem on the way."""
    text, problems = decode(path, data)
    if text is None:
        return Source(path, {}, "", "", 1, False, tuple(problems), readable=False)

    first_end = text.find("\n")
    first_line = text if first_end == -1 else text[:first_end]
    if first_line.rstrip() != _DELIMITER:
        second_line = text[first_end + 1 :].split("\n", 1)[0] if first_end != -1 else ""
        if _NEAR_DELIMITER.match(first_line) or (not first_line.strip() and first_end != -1 and _NEAR_DELIMITER.match(second_line)):
            problems.append(
                Problem(
                    path,
                    1,
                    None,
                    "front matter must start on the first line with exactly three dashes (---); this file is read as having none",
                    Severity.WARNING,
                    said=Words("problem.late_front_matter"),
                )
            )
        return Source(path, {}, "", text, 1, False, tuple(problems))

    closing = _DELIMITER_LINE.search(text, first_end + 1) if first_end != -1 else None
    if closing is None:
        message = "front matter opened on line 1 is never closed by a line of three dashes (---)"
        problems.append(Problem(path, 1, None, message, said=Words("problem.unclosed_front_matter")))
        return Source(path, {}, "", "", 1, True, tuple(problems), readable=False)

    yaml_text = text[first_end + 1 : max(first_end + 1, closing.start() - 1)]
    body_start = text.find("\n", closing.end())
    body = text[body_start + 1 :] if body_start != -1 else ""
    body_line = text.count("\n", 0, closing.start()) + 2
    meta, yaml_problems = parse_front_matter(path, yaml_text, first_line=_FIRST_FIELD_LINE)
    problems.extend(yaml_problems)
    readable = meta is not None
    return Source(path, meta or {}, yaml_text, body, body_line, True, tuple(problems), readable)


class SourceCache:
    """Sources parsed by earlier builds of one process, reused while a file's bytes stay the same.

    `mkdocs serve` rebuilds the whole site after every save; with this, only
    the saved file is parsed again. Sources are immutable, so sharing is safe.
    """

    def __init__(self) -> None:
        self._sources: dict[str, tuple[bytes, Source]] = {}
        self._stamps: dict[str, tuple[Hashable, bytes]] = {}

    def read(self, path: str, stamp: Hashable, read: Callable[[], bytes]) -> bytes:
        """The bytes of the file at `path`: those read before when its `stamp` is the same, else read() now.

        A stamp is what the file system says of a file without opening it (see the
        MkDocs adapter); taking it costs a fifth of reading the file.
        """
        known = self._stamps.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        data = read()
        self._stamps[path] = (stamp, data)
        return data

    def parse(self, path: str, data: bytes) -> Source:
        """parse_source(path, data), from the cache when the same bytes were parsed before."""
        hit = self._sources.get(path)
        if hit is not None and hit[0] == data:
            return hit[1]
        source = parse_source(path, data)
        self._sources[path] = (data, source)
        return source

    def changed(self, files: Iterable[tuple[str, bytes]]) -> set[str]:
        """Paths of `files` that are new or whose bytes differ from the cached ones, and cached paths no longer given."""
        given = dict(files)
        out = {path for path, data in given.items() if (hit := self._sources.get(path)) is None or hit[0] != data}
        return out | {path for path in self._sources if path not in given}

    def keep_only(self, paths: Iterable[str]) -> None:
        """Forget files that are gone, so that a long session does not grow without end."""
        wanted = set(paths)
        for path in [p for p in self._sources if p not in wanted]:
            del self._sources[path]
        for path in [p for p in self._stamps if p not in wanted]:
            del self._stamps[path]


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_MERGE_TAG = "tag:yaml.org,2002:merge"


# Implicit resolvers by a value's first character, each list with the wildcard ones after it, as resolve() tries them.
_WILDCARD_RESOLVERS = tuple(_Loader.yaml_implicit_resolvers.get(None, []))
_RESOLVERS_BY_FIRST = {
    first: (*pairs, *_WILDCARD_RESOLVERS) for first, pairs in _Loader.yaml_implicit_resolvers.items() if first is not None
}


def _plain_scalar_tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain (unquoted, untagged) scalar: int, bool, null, timestamp, ... or str."""
    for tag, pattern in _RESOLVERS_BY_FIRST.get(value[:1], _WILDCARD_RESOLVERS):
        if pattern.match(value):
            return tag  # type: ignore[no-any-return]
    return _STR_TAG


# The front matter most files have: lines `key: value` at the margin, each value one plain scalar
# or a one-line flow list of them, with no character that could start anything else in YAML
# (quotes, comments, anchors, tags, block scalars, nested mappings). Read by line, with PyYAML's
# own resolver and constructors for each value, it gives what PyYAML gives (tests/test_loader.py
# compares the two on thousands of random documents) for a third of the cost of its node tree.
_SIMPLE_FIELD = r"([A-Za-z_][A-Za-z0-9_]*):[ ]+([^ \n\[\]{}:#&*!|>'\"%@`,?\-][^\n\[\]{}#&*!|>'\"%@`]*|\[[^\n\[\]{}:#&*!|>'\"%@`]*\][ ]*)"
_SIMPLE_FIELDS = re.compile(f"^{_SIMPLE_FIELD}$", re.MULTILINE)
_SIMPLE_DOCUMENT = re.compile(f"(?:(?:{_SIMPLE_FIELD})?\n)*(?:{_SIMPLE_FIELD})?")
_SIMPLE_ITEM = re.compile(r"[^ ,\-?][^,]*")
# Tabs (a problem PyYAML names), characters YAML does not accept (what yaml.reader.Reader.NON_PRINTABLE
# matches) and line breaks other than LF: any character but LF and those YAML prints, less TAB, CR, NEL,
# LS, PS and BOM. One class is searched three times as fast as the two; tests/unit/content compares them.
_NOT_SIMPLE_TEXT = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _simple_front_matter(yaml_text: str) -> dict[str, Any] | None:
    """`yaml_text` read by line when it is the simple kind above, as PyYAML would read it; else None."""
    if ": " not in yaml_text or _NOT_SIMPLE_TEXT.search(yaml_text) or not _SIMPLE_DOCUMENT.fullmatch(yaml_text):
        return None  # some line is neither blank nor a simple field
    meta: dict[str, Any] = {}
    for key, text in _SIMPLE_FIELDS.findall(yaml_text):
        text = text.rstrip(" ")
        if key in meta or not _is_text_key(key) or ": " in text or text[-1] == ":":
            return None  # a duplicate (a problem), a key that is not text (`on:` is true), a nested mapping
        if text[0] == "[":
            # Only spaces are white space to YAML; str.strip() would take no-break spaces too.
            items = [item.strip(" ") for item in text[1:-1].split(",")] if text[1:-1].strip(" ") else []
            values = []
            for item in items:
                if _SIMPLE_ITEM.fullmatch(item) is None:
                    return None
                values.append(_plain_scalar(item))
            if _NOT_SIMPLE in values:
                return None
            meta[key] = values
        elif (value := _plain_scalar(text)) is _NOT_SIMPLE:
            return None
        else:
            meta[key] = value
    return meta


@lru_cache(maxsize=256)
def _is_text_key(key: str) -> bool:
    return _plain_scalar_tag(key) == _STR_TAG


_NOT_SIMPLE = object()


def _plain_scalar(text: str) -> Any:
    """The value of a plain scalar, built by the same constructor PyYAML would call."""
    if text[0] not in _RESOLVERS_BY_FIRST and not _WILDCARD_RESOLVERS:
        return text  # most values: no implicit type starts with their first character
    tag = _plain_scalar_tag(text)
    if tag == _STR_TAG:
        return text
    constructor = _FrontMatterLoader.yaml_constructors.get(tag)
    if constructor is None:
        return _NOT_SIMPLE  # `=` and `<<` resolve to tags that only make sense to PyYAML
    try:
        return constructor(_SCALAR_LOADER, yaml.ScalarNode(tag, text))
    except yaml.YAMLError:
        return _NOT_SIMPLE  # the full parse reports it, with its line


class _NotPlain(Exception):
    """A front matter tree that the fast construction leaves to PyYAML's own."""


class _ValueNotOfItsTag(Exception):
    """A value that PyYAML's constructor for its explicit tag cannot read."""


class _InsideItself(Exception):
    """A value that contains itself through an alias (`&a [*a]`)."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


class _FrontMatterLoader(_Loader):
    """The loader of front matter: PyYAML's safe loader, with a fast way through the plain trees front matter is.

    PyYAML builds a document through several Python calls per value (tag
    resolution, constructor lookup, recursion bookkeeping), more than libyaml's
    parsing itself costs. Front matter is text, numbers, lists and mappings,
    so those are built here directly; anything else (merge keys, keys that are
    not text, tags without a constructor) goes through PyYAML's own
    construction, whose result is the same.

    Checking every key of every file for duplicates and recording its line would
    cost as much as parsing; a mapping with fewer distinct plain keys than entries
    is rare, and only then is the whole tree walked to name the problem and its line.
    """

    suspect_keys = False

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if self.yaml_path_resolvers:  # pragma: no cover - none are registered; keep PyYAML's way if one ever is
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return, no-untyped-call]
        if kind is yaml.ScalarNode:
            return _plain_scalar_tag(value) if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    def front_matter(self, node: yaml.MappingNode) -> Any:
        """The document of `node`, as construct_document would build it.

        Raises _InsideItself for a value that contains itself through an alias:
        PyYAML would build it, and every later walk over it would never end.
        Whenever the fast way fails, PyYAML's own way decides the result or the error.
        """
        try:
            return self._plain(node, set(), {})
        except _TooDeep:
            raise
        except Exception:
            self.suspect_keys = False
        if (looped := _inside_itself(node)) is not None:
            raise _InsideItself(looped)
        try:
            return self.construct_document(node)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # such as `!!int seven` or `!!bool maybe`: PyYAML's constructors raise plain errors
            raise _ValueNotOfItsTag from exc

    def _plain(self, node: yaml.Node, open_nodes: set[yaml.Node], built: dict[yaml.Node, Any]) -> Any:
        kind = node.__class__
        if kind is yaml.ScalarNode:
            if node.tag == _STR_TAG:
                return node.value
            constructor = self.yaml_constructors.get(node.tag)
            if constructor is None:
                raise _NotPlain
            return constructor(self, node)
        if node in built:  # an alias: the same value, as PyYAML shares it, so that aliases never multiply memory
            return built[node]
        if node in open_nodes:
            raise _InsideItself(node)
        if len(open_nodes) >= MAX_DEPTH:
            raise _TooDeep(node)
        if kind is yaml.SequenceNode and node.tag == _SEQ_TAG:
            open_nodes.add(node)
            items: list[Any] | dict[Any, Any] = [self._plain(item, open_nodes, built) for item in node.value]
        elif kind is yaml.MappingNode and node.tag == _MAP_TAG:
            open_nodes.add(node)
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not yaml.ScalarNode or key_node.tag == _MERGE_TAG:
                    raise _NotPlain
                mapping[self._plain(key_node, open_nodes, built)] = self._plain(value_node, open_nodes, built)
            if len({key.value for key, _ in node.value}) != len(node.value):
                self.suspect_keys = True
            items = mapping
        else:
            raise _NotPlain
        open_nodes.discard(node)
        built[node] = items
        return items

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            plain = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
            if len(plain) != len(node.value):
                self.suspect_keys = True
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


# Scalar constructors read only the node they are given; one loader serves every simple file.
_SCALAR_LOADER = _FrontMatterLoader("")


def parse_front_matter(path: str, yaml_text: str, first_line: int) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse a YAML mapping, rejecting duplicate keys.

    The mapping is None when the YAML could not be read at all; with duplicate
    keys it is still returned, so that every other problem is reported too.
    """
    simple = _simple_front_matter(yaml_text)
    if simple is not None:
        return simple, []
    loader = _FrontMatterLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, []
        if not isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + first_line
            message = "front matter must be a mapping of fields (name: value), not a list or text"
            return None, [Problem(path, line, None, message, said=Words("problem.not_a_mapping"))]
        meta = loader.front_matter(node)
        problems: list[Problem] = []
        if loader.suspect_keys:
            _walk(path, node, (), first_line, {}, problems)
        if "#" in yaml_text:
            problems.extend(_cut_by_comment(path, node, yaml_text.split("\n"), first_line))
        return meta, problems
    except _InsideItself as exc:
        line = exc.node.start_mark.line + first_line
        message = "an alias (*name) is used inside the value its anchor (&name) names; a value cannot contain itself"
        return None, [Problem(path, line, None, message, said=Words("problem.alias_inside_itself"))]
    except (_TooDeep, RecursionError) as exc:
        # RecursionError: PyYAML's pure-Python parser, used without libyaml, nests a call per level.
        line = exc.node.start_mark.line + first_line if isinstance(exc, _TooDeep) else first_line
        message = f"the YAML is nested more than {MAX_DEPTH} levels deep; front matter needs a few at most"
        return None, [Problem(path, line, None, message, said=Words.of("problem.too_deep", depth=MAX_DEPTH))]
    except _ValueNotOfItsTag:
        message = "the YAML cannot be read: a value does not fit its tag (such as !!int or !!bool)"
        return None, [Problem(path, first_line, None, message, said=Words("problem.yaml_tag_mismatch"))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else first_line
        column = f" (column {mark.column + 1})" if mark is not None else ""
        at = yaml_text[mark.index] if mark is not None and 0 <= mark.index < len(yaml_text) else ""
        detail, said = _plain_yaml_problem(exc, at)
        if mark is not None:
            said = Words.of("problem.yaml_at", column=mark.column + 1, detail=said)
        else:
            said = Words.of("problem.yaml_no_column", detail=said)
        return None, [Problem(path, line, None, f"the YAML cannot be read{column}: {detail}", said=said)]
    except yaml.YAMLError:
        return None, [Problem(path, first_line, None, "the YAML cannot be read", said=Words("problem.yaml_unreadable"))]
    finally:
        loader.dispose()


def _node_tree(yaml_text: str) -> yaml.Node | None:
    """The node tree of front matter that parsed before (None for an empty one)."""
    loader = _Loader(yaml_text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def key_lines(yaml_text: str, first_line: int) -> dict[FieldPath, int]:
    """The line of every key and list item of front matter that parsed before, by field path."""
    node = _node_tree(yaml_text)
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _walk("", node, (), first_line, lines, [])
    return lines


_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))


def _numbers_as_written(yaml_text: str) -> dict[FieldPath, str]:
    node = _node_tree(yaml_text)
    found: dict[FieldPath, str] = {}
    # Front matter that was read is at most MAX_DEPTH deep, so a stack of (node, path) stays small.
    pending: list[tuple[yaml.Node, FieldPath]] = [(node, ())] if node is not None else []
    seen: set[yaml.Node] = set()
    while pending:
        here, prefix = pending.pop()
        if here in seen:
            continue
        seen.add(here)
        if isinstance(here, yaml.ScalarNode):
            if here.tag in _NUMBER_TAGS and not here.style:
                found[prefix] = here.value
        elif isinstance(here, yaml.MappingNode):
            pending.extend((value, (*prefix, key.value)) for key, value in here.value if isinstance(key, yaml.ScalarNode))
        else:
            pending.extend((item, (*prefix, index)) for index, item in enumerate(here.value))
    return found


def _walk(
    path: str,
    node: yaml.Node,
    prefix: FieldPath,
    first_line: int,
    key_lines: dict[FieldPath, int],
    problems: list[Problem],
    walked: set[yaml.Node] | None = None,
) -> None:
    # An alias names a node already walked where its anchor is; walking it again under every alias
    # would take time exponential in the nesting of aliases ("billion laughs").
    walked = set() if walked is None else walked
    if node in walked:
        return
    walked.add(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(
                        path,
                        line,
                        _dotted(prefix) or None,
                        "has a field name that is not plain text",
                        field_path=prefix,
                        said=Words("problem.key_not_text"),
                    )
                )
                continue
            key = key_node.value
            here = (*prefix, key)
            if key in seen:
                problems.append(
                    Problem(
                        path,
                        line,
                        _dotted(here),
                        f"is given twice (first on line {seen[key]}); keep one, since YAML would silently use the last",
                        field_path=here,
                        said=Words.of("problem.given_twice", line=seen[key]),
                    )
                )
                continue
            seen[key] = line
            key_lines[here] = line
            _walk(path, value_node, here, first_line, key_lines, problems, walked)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = (*prefix, index)
            key_lines[here] = item.start_mark.line + first_line
            _walk(path, item, here, first_line, key_lines, problems, walked)


def _inside_itself(node: yaml.Node, open_nodes: set[yaml.Node] | None = None, done: set[yaml.Node] | None = None) -> yaml.Node | None:
    """The first node found inside itself through an alias, else None."""
    open_nodes = set() if open_nodes is None else open_nodes
    done = set() if done is None else done
    if node in open_nodes:
        return node
    if node in done or isinstance(node, yaml.ScalarNode):
        return None
    if len(open_nodes) >= MAX_DEPTH:
        raise _TooDeep(node)
    open_nodes.add(node)
    children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
    for child in children:
        if (found := _inside_itself(child, open_nodes, done)) is not None:
            return found
    open_nodes.discard(node)
    done.add(node)
    return None


# "title: Update #2" silently becomes "Update": a comment glued to a plain value.
_GLUED_COMMENT = re.compile(r"^ #\S")


def _cut_by_comment(path: str, root: yaml.MappingNode, lines: list[str], first_line: int) -> list[Problem]:
    problems = []
    for key_node, value_node in root.value:
        if isinstance(value_node, yaml.ScalarNode) and not value_node.style and value_node.value:
            end = value_node.end_mark
            rest = lines[end.line][end.column :] if end.line < len(lines) else ""
            if _GLUED_COMMENT.match(rest):
                problems.append(
                    Problem(
                        path,
                        end.line + first_line,
                        str(key_node.value),
                        "has text after ' #', which YAML reads as a comment and drops; put the whole value in quotes",
                        Severity.WARNING,
                        field_path=(key_node.value,),
                        said=Words("problem.glued_comment"),
                    )
                )
    return problems


def _dotted(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted

# PyYAML's words for a problem: ours, and the id of ours in templates/messages.
_COLON = ("a colon followed by a space starts a new field; put the value in quotes", "problem.yaml.colon")
_YAML_PROBLEMS = {
    "mapping values are not allowed here": _COLON,
    "mapping values are not allowed in this context": _COLON,
    "could not find expected ':'": ("a line is missing its colon, or a quoted value is not closed", "problem.yaml.no_colon"),
    "found unexpected end of stream": ("a quoted value is not closed", "problem.yaml.unclosed_quote"),
    "did not find expected key": ("the indentation is inconsistent, or a value needs quotes", "problem.yaml.indentation"),
    "expected <block end>, but found '-'": ("a list item is indented differently from its siblings", "problem.yaml.list_indentation"),
}


def _plain_yaml_problem(exc: yaml.MarkedYAMLError, at: str) -> tuple[str, Words]:
    problem = (exc.problem or "").strip()
    if "cannot start any token" in problem:
        if at == "\t":
            return "a tab is used for indentation; indent with spaces", Words("problem.yaml.tab")
        return "a value starts with a character YAML reserves (such as @ or `); put the value in quotes", Words("problem.yaml.reserved")
    if problem in _YAML_PROBLEMS:
        message, said = _YAML_PROBLEMS[problem]
        return message, Words(said)
    if problem.startswith("found undefined alias"):
        return "an alias (*name) refers to no anchor (&name)", Words("problem.yaml.undefined_alias")
    if problem.startswith("could not determine a constructor"):
        return "a YAML tag (!!...) is used; only plain values are allowed", Words("problem.yaml.tag")
    # PyYAML's messages name characters and tokens, not values; keep its wording (in English: it has no other).
    if problem.split("\n")[0]:
        return problem.split("\n")[0], Words.of("problem.yaml.pyyaml", english=problem.split("\n")[0])
    return "invalid YAML", Words("problem.yaml.invalid")


def read_tree(docs_dir: str | os.PathLike[str]) -> list[tuple[str, bytes]]:
    """Every Markdown file under `docs_dir` as (POSIX path relative to it, bytes), sorted.

    Like MkDocs, dot files and dot folders are skipped, and every Markdown
    suffix MkDocs builds counts; unlike MkDocs, the suffix check ignores case,
    so `Notes.MD` is read (and reported), not copied raw.
    """
    out: list[tuple[str, bytes]] = []
    # Paths are joined as text: a Path per file costs more than reading a small file.
    pending = [(os.fspath(docs_dir), "")]
    while pending:
        folder, prefix = pending.pop()
        # A file or folder deleted between being listed and being read (an editor saving by rename) is not there.
        with contextlib.suppress(FileNotFoundError), os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if not entry.is_symlink():  # as os.walk: a linked folder is not entered
                        pending.append((entry.path, f"{prefix}{entry.name}/"))
                elif looks_like_markdown(entry.name):
                    with contextlib.suppress(FileNotFoundError):
                        out.append((f"{prefix}{entry.name}", _read_bytes(entry.path)))
    out.sort()
    return out


# Most Markdown files are a few kilobytes: one read takes all of one.
_READ_SIZE = 1 << 16


def _read_bytes(path: str) -> bytes:
    """The whole file, through the operating system's own calls.

    A file object (open() makes two, a raw one and its buffer) costs more than
    reading a small file: at 10,000 files, 0.13 s against 0.08 s.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        chunks = []
        while chunk := os.read(fd, _READ_SIZE):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)
