"""The leak guard: finds text of private files anywhere in a finished public site.

A public build is planned from `corpus.public()` only, so a leak means a bug, a
stale file or another plugin. The guard does not trust the plan: it takes
*needles* from every private record (and from the private parts of public
ones), then reads every regular output file (dot files and `.gz` files
included, up to MAX_FILE_BYTES, never through a link) and every name of a
file, folder or link, and looks for them.

Text is compared as a sequence of lowercase words (`\\w+`), after undoing
JSON escapes (`\\u00e9`, `\\/`), HTML character references and URL encoding,
with and without HTML tags, and folded: soft hyphens, zero-width characters
and inline tags glued inside a word do not split it (_fold). Words make the
comparison blind to Markdown markup, punctuation, escaping and line breaks.
tests/test_guard_reference.py holds a plain reference of all this, and checks
the fast scanner against it on random sites.

How it stays fast and small on a site of thousands of pages (none of this
changes what is found; tests/test_guard.py checks each part):

- needles are kept as hashes of their words, and each is looked for by its
  *anchors*, pairs of its words that public text lacks (_Collector._anchors,
  _Finder): one pass in C over a list of words finds the few places worth a
  look;
- output is read in pieces and cut into *units*, from one `<` to the next,
  whose words depend on their own bytes only (_views); what a unit holds is
  remembered, so the markup repeated on every page, and paragraphs repeated
  in the search index and feeds, are decoded and split once (_Scanner);
- whether a found needle is a leak is decided only for the needles found
  (Secrets.leaks), so public text is searched for a few needles, not all;
- the cyclic garbage collector is paused while the guard runs (_without_gc).

Which text becomes a needle (the rule the README documents):

- field values (titles, names, impact, tags, ids, e-mail addresses, file names)
  and every line of a body: each run of `WINDOW` words, wherever it starts,
  and a shorter line whole;
- a needle has at least two words and 8 characters, or is one word of at least
  12 characters, and has at least 4 letters (dates and counts are too common).

A needle found is no leak when it also occurs in a public record, in the
site's own settings or in the templates (the theme's and careerfolio's), or
when public blocks side by side can form it (_PublicBlocks): publishing it is
not a leak, and reporting it would fail builds of public text alone.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import html
import os
import re
import shutil
import stat
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, compress, count, islice, repeat
from operator import attrgetter, eq, is_, itemgetter
from pathlib import Path
from typing import ParamSpec, TypeVar
from urllib.parse import unquote

from careerfolio.content.corpus import Corpus
from careerfolio.content.levels import LEVELS
from careerfolio.content.records import ENTRY_KINDS
from careerfolio.privacy.htmllinks import links_in

WINDOW = 4
"""Longest needle, in words. Long lines become several needles, so a partial copy is found too."""
MIN_CHARS = 8
MIN_WORD_CHARS = 12
MIN_LETTERS = 4
# Output is read and searched in pieces of about this many bytes, so that a large file is never in memory whole.
_PIECE = 64 * 1024
# Units of output (see _Scanner) longer than this, mostly paragraphs, are remembered by a digest of their text.
_LONG_UNIT = 256
# Units remembered at most, of each kind; when full, all are forgotten (the theme's markup is soon seen again).
_MAX_UNITS = 1 << 15
_CONTEXT = WINDOW - 1  # words on each side of an anchor that a needle through it can reach

_WORD = re.compile(r"\w+")
# MIN_LETTERS letters, with any non-letters (digits, spaces, underscores) between them.
_ENOUGH_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){" + str(MIN_LETTERS) + "}")
_LINK_DESTINATION = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^<>]*>")
# Soft hyphen, zero-width space, non-joiner and joiner, word joiner, zero-width no-break space (BOM).
_IGNORABLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_INLINE_TAGS = "a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr"
# Inline tags glued between word characters (`;` too, the end of `&shy;`): the `<` first, so that a search skips to it.
_GLUED_INLINE_TEXT = re.compile(r"<(?<=[\w;]<)/?(?:" + _INLINE_TAGS + r")\b[^<>]*>(?:</?(?:" + _INLINE_TAGS + r")\b[^<>]*>)*(?=\w)", re.I)
# The same over UTF-8 bytes, where any byte of a non-ASCII character may be part of a word.
_GLUED_INLINE_BYTES = re.compile(
    _GLUED_INLINE_TEXT.pattern.replace(r"[\w;]", r"[\w;\x80-\xff]").replace(r"(?=\w)", r"(?=[\w\x80-\xff])").encode(), re.I
)
# Where a public text is cut into blocks (see _PublicBlocks): line breaks, table cells, tags that are not inline, template code.
_BLOCK_BOUNDARY = re.compile(r"\n|\||<(?!/?(?:" + _INLINE_TAGS + r")\b)[^<>]*>|\{[{%#]|[}%#]\}")
_STAR_IN_WORD = re.compile(r"(?<=\w)\*+(?=\w)")
_LETTER = re.compile(r"[^\W\d_]")
# Code as Python-Markdown shows it: fences from the first column, and code spans within a line.
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_FIELD_KEY = re.compile(r"^\s*(?:-\s+)?[\w-]+\s*:\s*")
_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[/\\\"bfnrt])")
_JSON_SIMPLE = {"/": "/", "\\": "\\", '"': '"', "b": " ", "f": " ", "n": " ", "r": " ", "t": " "}
# Bytes of UTF-8 text as words compare them: ASCII letters lowercased, other ASCII non-word characters made
# spaces, bytes of non-ASCII characters kept (_split_words looks at those words again).
_FOLD_ASCII = bytes(ord(chr(b).lower()) if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(128)) + bytes(range(128, 256))
# Every byte of a non-ASCII character made 0x80, to find them with bytes.find.
_MARK_NON_ASCII = bytes(range(128)) + b"\x80" * 128

Words = tuple[str, ...]
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Secrets:
    """Needles of private text, each mapped to the private file it comes from.

    A needle is kept as the hash of its words, by its length in words: half a
    million tuples of words would double the memory of a large build. Two
    runs of words with one hash (one chance in 2**64 a lookup) would be
    taken for each other; a false alarm that rare is accepted. The needles
    of WINDOW words from long lines, most of them, are a _WindowTable.
    """

    needles: dict[int, Mapping[int, str]] = field(default_factory=dict)  # by length in words, then hash of the words
    index: _Finder | None = field(default=None, repr=False, compare=False)
    """How the needles are looked up (see _Finder)."""
    public: tuple[str, ...] = field(default=(), repr=False, compare=False)
    """Public texts: a needle they hold, or can form side by side, is no leak (see leaks)."""
    _verdicts: dict[Words, bool] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return sum(len(by_words) for by_words in self.needles.values())

    def sources(self) -> frozenset[str]:
        return frozenset(source for by_words in self.needles.values() for source in by_words.values())

    def sources_in(self, words: list[str]) -> set[str]:
        """Private source paths whose needles occur in `words` and are leaks (see leaks)."""
        return {self.source(needle) for needle in self.leaks(set(self._finder.find(words)))}

    def leaks(self, found: set[Words]) -> set[Words]:
        """The needles of `found` that public text neither holds nor forms (see _PublicBlocks.form).

        Checked only for needles found in the output, which are few: public
        text is read again only when one is new, and for those only.
        """
        verdicts = self._verdicts
        new = {needle for needle in found if needle not in verdicts}
        if new:
            published = _found_in_public(self.public, new)
            for needle in new:
                verdicts[needle] = needle not in published and not self._blocks.form(needle)
        return {needle for needle in found if verdicts[needle]}

    @cached_property
    def _blocks(self) -> _PublicBlocks:
        blocks = _PublicBlocks()
        for text in self.public:
            blocks.add_text(text)
        return blocks

    def source(self, needle: Words) -> str:
        return self.needles[len(needle)][hash(needle)]

    def source_of(self, words: Words) -> str | None:
        """The private file `words` is a needle of, or None when it is no needle."""
        return self.needles.get(len(words), {}).get(hash(tuple(words)))

    @cached_property
    def _finder(self) -> _Finder:
        return self.index if self.index is not None else _Finder({}, frozenset(), frozenset())


@dataclass(frozen=True, order=True)
class Hit:
    """Private text of `source` (a docs-relative path) found in `output` (a site-relative path).

    Or, with a `problem` and no source: `output` was not read, and so cannot be published.
    """

    output: str
    source: str
    problem: str = ""

    def format(self) -> str:
        # Names only: build logs of public repositories are public.
        if self.problem:
            return f"{self.output}: {self.problem}"
        return f"{self.output}: contains text of the private file {self.source}"


MAX_FILE_BYTES = 100 * 1024 * 1024
"""The largest output file the guard reads, and the most a `.gz` file may decompress to.

GitHub Pages refuses files over 100 MiB. A larger output is reported, never passed unread.
"""
LINK_PROBLEM = "is a link; the leak guard never follows links, and a deploy may publish what it points at"
NOT_A_FILE_PROBLEM = "is neither a file, a folder nor a link; the leak guard cannot read it"
TOO_LARGE_PROBLEM = f"is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB the leak guard reads (decompressed, for gzip)"
UNREADABLE_PROBLEM = "could not be read by the leak guard"


# -- needles -------------------------------------------------------------------------


def words_of(text: str) -> Words:
    """The lowercase words of `text`, the unit the guard compares."""
    return tuple(_split_words(text))


def _split_words(text: str) -> list[str]:
    """`_WORD.findall(text.casefold())`, several times faster on the text of a site.

    Folding ASCII case and cutting at ASCII non-word characters is one
    `bytes.translate` and one `split`, both in C. Only the few words with
    other characters are folded and cut by the regular expression; text that
    is not mostly ASCII is left to it whole.
    """
    data = text.encode("utf-8", "surrogatepass")  # JSON escapes can make lone surrogates
    extra = len(data) - len(text)  # at least the number of non-ASCII characters
    if extra > len(text) >> 6:
        return _WORD.findall(text.casefold())
    folded = data.translate(_FOLD_ASCII)
    if not extra:
        return folded.decode("ascii").split()
    marked = data.translate(_MARK_NON_ASCII)
    words: list[str] = []
    done = 0  # bytes before this are in `words`; always a word boundary
    other = marked.find(0x80)
    while other >= 0:
        # The word around a non-ASCII character runs from one ASCII non-word character to the next.
        start = max(folded.rfind(b" ", done, other) + 1, done)
        end = folded.find(b" ", other)
        end = len(folded) if end < 0 else end
        words += folded[done:start].decode("ascii").split()
        words += _WORD.findall(data[start:end].decode("utf-8", "surrogatepass").casefold())
        done = end
        other = marked.find(0x80, end)
    words += folded[done:].decode("ascii").split()
    return words


def _anchor(words: Words) -> tuple[str, str]:
    """The pair of adjacent words a needle is looked for by: the longest, as long words are rare words."""
    if len(words) == WINDOW == 4:  # most needles: the same choice, without a loop
        a, b, c, d = words
        ab, bc, cd = len(a) + len(b), len(b) + len(c), len(c) + len(d)
        if ab >= bc and ab >= cd:
            return a, b
        return (b, c) if bc >= cd else (c, d)
    best, size = 0, 0
    for i in range(len(words) - 1):
        if len(words[i]) + len(words[i + 1]) > size:
            best, size = i, len(words[i]) + len(words[i + 1])
    return words[best], words[best + 1]


class _Finder:
    """Finds needles (by length in words) in a list of words.

    Each needle of two or more words has one or more *anchors*, pairs of
    adjacent words of it (see _Collector._anchors). One pass
    in C over the pairs of adjacent words of the list finds the places where
    an anchor is; only there are the windows around it looked up. A needle
    of one word is looked for with one set intersection.

    Every match is looked up in `needles`, so a finder made before some
    needles were dropped still finds exactly the needles that are left.
    """

    def __init__(self, needles: Mapping[int, Mapping[int, str]], anchors: AbstractSet[tuple[str, str]], single: frozenset[str]) -> None:
        self.longer = [(length, by_hash) for length, by_hash in sorted(needles.items()) if length > 1]
        self.singles = needles.get(1, {})
        self.single = single  # the words of the needles of one word
        self.anchors = anchors
        # The words anchors start and end with, for _Scanner to tell at once which units can meet in an anchor.
        self.firsts = frozenset(first for first, _ in self.anchors)
        self.seconds = frozenset(second for _, second in self.anchors)

    def anchored(self, words: list[str]) -> list[int]:
        """The places in `words` where a pair of adjacent words is an anchor."""
        # Most lists have no anchor: isdisjoint says so in one pass with no list made.
        if len(words) < 2 or self.anchors.isdisjoint(zip(words, islice(words, 1, None), strict=False)):
            return []
        return list(compress(count(), map(self.anchors.__contains__, zip(words, islice(words, 1, None), strict=False))))

    def find(self, words: list[str], anchored: list[int] | None = None) -> Iterator[Words]:
        """The needles that occur in `words` (given its anchored places, if known), some more than once."""
        if self.single:
            for word in self.single.intersection(words):
                if hash((word,)) in self.singles:
                    yield (word,)
        for at in self.anchored(words) if anchored is None else anchored:
            # Every window that holds the pair at `at`, at any place in it.
            for length, by_hash in self.longer:
                for start in range(max(at + 2 - length, 0), at + 1):
                    window = tuple(words[start : start + length])
                    if hash(window) in by_hash:
                        yield window


def is_meaningful(words: Words) -> bool:
    """True when `words` is distinctive enough to be a needle (see the module docstring)."""
    if not words:
        return False
    text = " ".join(words)
    long_enough = len(text) >= (MIN_WORD_CHARS if len(words) == 1 else MIN_CHARS)
    return long_enough and _ENOUGH_LETTERS.search(text) is not None


def _windows(words: Words) -> Iterator[Words]:
    """Every run of WINDOW words of a line, wherever it starts; a shorter line is one run."""
    if len(words) <= WINDOW:
        return iter((words,))
    return zip(*(islice(words, start, None) for start in range(WINDOW)), strict=False)


def _fold(text: str) -> str:
    """Text with what a reader does not see inside a word taken out.

    Soft hyphens and zero-width characters (which hyphenation and typography
    plugins insert) and inline tags glued between two word characters
    (`pri<em>vate</em>`, `<wbr>`) split no word on screen, so they split none
    here. Other tags (p, li, div, br, ...) stay, and still separate words.
    """
    if _IGNORABLE.search(text) is not None:
        text = _IGNORABLE.sub("", text)
    if "<" in text:
        text = _GLUED_INLINE_TEXT.sub("", text)
    return text


def _plain_lines(text: str) -> Iterator[str]:
    """Lines of Markdown as a reader sees them: link targets and tags left out, comments kept."""
    # Each expression is only run on text that has what it looks for: most text has none of it.
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: "\n" + m.group(1) + "\n", text)
    if "](" in text:
        text = _LINK_DESTINATION.sub("]", text)
    if "*" in text:  # emphasis inside a word (`pri*vate*`) is rendered as a glued inline tag
        text = _STAR_IN_WORD.sub("", text)
    text = _fold(text)
    for line in text.split("\n"):
        yield _TAG.sub(" ", line) if "<" in line else line


def _name_words(path: str) -> list[Words]:
    """The words of a file's name and path, which become part of URLs and file names of a site."""
    folder, _, name = path.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    # Each needle ends with the file's own name: the folders before it are shared with public files.
    found = [words_of(stem), words_of(name)]
    if folder:
        found.append(words_of(f"{folder.rsplit('/', 1)[-1]} {stem}"))
    return found


_OFFSET = 1 << 63  # hash() + this is an unsigned 64-bit number


class _WindowTable(Mapping[int, str]):
    """The needles of WINDOW words cut from long lines: hash of the words -> private source, in two sorted arrays.

    They are most needles by far (some 450,000 at 5,000 entries). In a dict,
    each costs a Python int and a slot, about 80 bytes, 35 MB in all, held by
    the guard's process on top of the build it was forked from; here 12
    bytes. A lookup is a binary search, about a microsecond, and lookups are
    few: only where an anchor is found (see _Finder). `others` holds the
    needles of WINDOW words made another way (a line of exactly WINDOW words,
    a name): as in the dict this replaces, where long lines' windows were
    written over them, a window of a long line wins, and of those the last.
    """

    def __init__(self, hashes: array[int], sources: array[int], names: tuple[str, ...], others: Mapping[int, str]) -> None:
        self._hashes = hashes  # sorted, each once, plus _OFFSET: unsigned
        self._sources = sources  # index into names, by the same position
        self._names = names
        self._others = others

    class Builder:
        """The windows as they are collected: hashes and their sources' numbers, in the order found."""

        def __init__(self) -> None:
            self.hashes: array[int] = array("q")
            self.sources: array[int] = array("I")
            self.numbers: dict[str, int] = {}

        def add(self, source: str, hashes: Iterable[int]) -> None:
            before = len(self.hashes)
            self.hashes.extend(hashes)
            number = self.numbers.setdefault(source, len(self.numbers))
            self.sources.extend(array("I", (number,)) * (len(self.hashes) - before))

        def finish(self, others: Mapping[int, str]) -> _WindowTable | dict[int, str]:
            """The table, over `others`; `others` itself when no long line gave a window."""
            if not self.hashes:
                return dict(others)
            # One int per window, hash then position, sorts in C; of equal hashes the last found comes last.
            # Sorted in two halves, negative hashes first, for half the memory at once.
            shift = max(len(self.hashes) - 1, 1).bit_length()
            mask, found, windows = (1 << shift) - 1, self.sources, self.hashes
            hashes: array[int] = array("Q")  # the hashes, made unsigned by _OFFSET
            sources: array[int] = array("I")
            for negative in (True, False):
                if negative:
                    keyed = [(value + _OFFSET) << shift | at for at, value in enumerate(windows) if value < 0]
                else:
                    keyed = [(value + _OFFSET) << shift | at for at, value in enumerate(windows) if value >= 0]
                keyed.sort()
                hashes.extend(key >> shift for key in keyed)
                sources.extend(found[key & mask] for key in keyed)
                del keyed
            self.hashes = array("q")
            same = list(compress(count(), map(eq, hashes, islice(hashes, 1, None))))
            if same:  # rare: the same words in two long lines; the later window wins, as dict.update had it
                keep = bytearray(b"\x01") * len(hashes)
                for at in same:
                    keep[at] = 0
                hashes, sources = array("Q", compress(hashes, keep)), array("I", compress(sources, keep))
            names = tuple(self.numbers)
            self.sources, self.numbers = array("I"), {}
            table = _WindowTable(hashes, sources, names, {})
            table._others = {h: s for h, s in others.items() if table._at(h) < 0}
            return table

    def _at(self, key: object) -> int:
        if not isinstance(key, int):
            return -1
        hashes, key = self._hashes, key + _OFFSET
        at = bisect_left(hashes, key)
        return at if at < len(hashes) and hashes[at] == key else -1

    def __contains__(self, key: object) -> bool:
        return self._at(key) >= 0 or key in self._others

    def __getitem__(self, key: int) -> str:
        at = self._at(key)
        return self._names[self._sources[at]] if at >= 0 else self._others[key]

    def get(self, key: int, default: str | None = None) -> str | None:  # type: ignore[override]
        at = self._at(key)
        return self._names[self._sources[at]] if at >= 0 else self._others.get(key, default)

    def __iter__(self) -> Iterator[int]:
        return chain((value - _OFFSET for value in self._hashes), self._others)

    def __len__(self) -> int:
        return len(self._hashes) + len(self._others)


class _Collector:
    """Gathers private needles, each with the anchor pairs it is looked for by."""

    def __init__(self) -> None:
        self.private: dict[int, dict[int, str]] = {}  # by length in words, then hash, as in Secrets
        # The windows of long lines, most needles by far, go to _WindowTable (see there) when collected.
        self.windows = _WindowTable.Builder()
        self.single: set[str] = set()  # the words of needles of one word
        self.lines: list[Words] = []  # the lines needles were cut from, to pick anchors from
        self.wholes: list[Words] = []  # needles longer than WINDOW kept whole (names)
        # Public texts are searched only for needles found in the output (see Secrets.leaks).
        self.public: list[str] = []
        self.has_letter: dict[str, bool] = {}

    def secret_text(self, source: str, *texts: str | None) -> None:
        for text in texts:
            if text:
                for line in _plain_lines(text):
                    self.secret_words(source, words_of(line))

    def secret_words(self, source: str, *all_words: Words) -> None:
        for words in all_words:
            # Interned: the same word in many needles is one object.
            words = tuple(map(sys.intern, words))
            if len(words) <= WINDOW:
                if words and is_meaningful(words):
                    self.private.setdefault(len(words), {}).setdefault(hash(words), source)
                    self.lines.append(words)
                    if len(words) == 1:
                        self.single.add(words[0])
                continue
            # A long line gives half a million windows on a large career: the rule is checked window by window
            # only on lines where a window can fail it (see _all_windows_meaningful).
            if self._all_windows_meaningful(words):
                self.windows.add(source, map(hash, _windows(words)))
            else:
                self.windows.add(source, (hash(window) for window in _windows(words) if is_meaningful(window)))
            self.lines.append(words)

    def secret_name(self, source: str, *all_words: Words) -> None:
        """Needles of a file's name, kept whole: a site publishes a name whole, in a URL or a file name."""
        for words in all_words:
            words = tuple(map(sys.intern, words))
            if words and is_meaningful(words):
                self.private.setdefault(len(words), {}).setdefault(hash(words), source)
                (self.lines if len(words) <= WINDOW else self.wholes).append(words)
                if len(words) == 1:
                    self.single.add(words[0])

    def _all_windows_meaningful(self, words: Words) -> bool:
        """True when every window of a line longer than WINDOW passes is_meaningful.

        A window of WINDOW words that each hold a letter has 4 letters, and 8
        characters with its spaces unless all its words are one character long.
        """
        known = self.has_letter
        for word in set(words).difference(known):
            known[word] = _LETTER.search(word) is not None
        if not all(map(known.__getitem__, words)):
            return False
        return min(map(len, words)) > 1 or b"\x01" * WINDOW not in bytes(len(word) == 1 for word in words)

    def public_text(self, *texts: str | None) -> None:
        self.public.extend(text for text in texts if text)

    def finish(self) -> Secrets:
        # Made before the anchors: sorting the windows takes memory for a moment, and the anchors' sets are large too.
        windows = self.windows.finish(self.private.get(WINDOW, {}))
        self.windows = _WindowTable.Builder()
        needles: dict[int, Mapping[int, str]] = {length: by_hash for length, by_hash in self.private.items() if by_hash}
        if windows:
            needles[WINDOW] = windows
        return Secrets(needles, _Finder(needles, self._anchors(needles.get(WINDOW, {})), frozenset(self.single)), tuple(self.public))

    def _anchors(self, windows: Mapping[int, str]) -> AbstractSet[tuple[str, str]]:
        """The pairs of adjacent words the needles are looked for by.

        A public site is mostly public text, so a pair that public text also
        has would be found on many of its pages, each time for nothing. Every
        window of WINDOW words holds one pair that starts at a multiple of
        WINDOW - 1 in its line: those pairs that no public text has are the
        anchors. A window whose such pair is public, and a short line whose
        pairs all are, is looked for by its longest pair (see _anchor).
        """
        step = WINDOW - 1
        candidates: set[tuple[str, str]] = set()
        for line in self.wholes:
            candidates.update(zip(line, islice(line, 1, None), strict=False))
        for line in self.lines:
            if len(line) <= WINDOW:
                candidates.update(zip(line, islice(line, 1, None), strict=False))
            else:
                candidates.update(zip(line[::step], line[1::step], strict=False))
        public: set[tuple[str, str]] = set()
        batch: list[str] = []  # words of many public texts, "" between them
        for text in self.public:
            for words in _public_words(text):
                batch += words
                batch.append("")
            if len(batch) > _PIECE:
                public.update(candidates.intersection(zip(batch, islice(batch, 1, None), strict=False)))
                batch.clear()
        public.update(candidates.intersection(zip(batch, islice(batch, 1, None), strict=False)))
        # In place: a second set of some 200,000 pairs would be the largest thing the guard holds, for a moment.
        candidates -= public
        anchors = candidates
        for line in self.wholes:
            if all(map(public.__contains__, zip(line, islice(line, 1, None), strict=False))):
                anchors.add(_anchor(line))
        for line in self.lines:
            if len(line) <= WINDOW:
                if len(line) > 1 and all(map(public.__contains__, zip(line, islice(line, 1, None), strict=False))):
                    anchors.add(_anchor(line))
                continue
            flags = bytes(map(public.__contains__, zip(line[::step], line[1::step], strict=False)))
            at = flags.find(1)
            while at >= 0:
                pair = at * step
                for start in range(max(pair - step + 1, 0), min(pair, len(line) - WINDOW) + 1):
                    window = line[start : start + WINDOW]
                    if hash(window) in windows:  # not every window is a needle (see is_meaningful)
                        anchors.add(_anchor(window))
                at = flags.find(1, at + 1)
        return anchors  # not copied into a frozenset: the copy would double its memory for a moment


def _without_link_tags(text: str) -> str:
    """`text` without the raw HTML tags that carry links, found as a browser finds them: `src="x"` in prose is text."""
    links = links_in(text)
    if not links:
        return text
    out, done = [], 0
    for start, end in sorted({(link.start, link.end) for link in links}):
        out.append(text[done:start])
        out.append(" ")
        done = max(done, end)
    out.append(text[done:])
    return "".join(out)


def _public_words(text: str) -> Iterator[list[str]]:
    """The words of a public text as a page can show them: whole, and line by line as a reader sees them.

    Comments outside code never reach the public site, so they do not make
    text public. Link targets are left out: a link to a private page is
    removed from the public site.
    """
    if "<!--" in text:
        text = _without_comments(text)
    if "=" in text:
        text = _without_link_tags(text)
    if "](" in text:
        text = _LINK_DESTINATION.sub("]", text)
    yield _split_words(text)
    # Without tags, stars and folded characters, the words of each line are words of the whole text, given just now.
    if "<" in text or "*" in text or _IGNORABLE.search(text) is not None:
        for line in _plain_lines(text):
            yield _split_words(line)


def _found_in_public(public: Iterable[str], needles: set[Words]) -> set[Words]:
    """The needles that occur in one of the public texts."""
    by_length: dict[int, dict[int, str]] = {}
    for needle in needles:
        by_length.setdefault(len(needle), {})[hash(needle)] = ""
    anchors = frozenset(_anchor(needle) for needle in needles if len(needle) > 1)
    finder = _Finder(by_length, anchors, frozenset(needle[0] for needle in needles if len(needle) == 1))
    found: set[Words] = set()
    # Words of many public texts, searched together; "" is no word, so no needle spans two texts.
    batch: list[str] = []
    for text in public:
        for words in _public_words(text):
            batch += words
            batch.append("")
        if len(batch) > _PIECE:
            found.update(finder.find(batch))
            batch.clear()
    found.update(finder.find(batch))
    return found


class _PublicBlocks:
    """The first and last words of public blocks of text, for the rule that keeps juxtaposed public text from alarming.

    A public page lists public texts side by side (titles in a list, fields in
    the search index and in feeds), so it holds runs of words that no single
    public text holds: the end of one text, perhaps short texts whole, and the
    start of the next. A private run that public blocks can form that way is
    no evidence of a leak. A block is a line of a public text, cut at table
    cells, at tags that are not inline and at the delimiters of templates.
    """

    def __init__(self) -> None:
        self.starts: set[Words] = set()  # the first 1..WINDOW-1 words of a block
        self.ends: set[Words] = set()  # its last 1..WINDOW-1 words
        self.wholes: set[Words] = set()  # a block of at most WINDOW-2 words, which can sit inside a run whole

    def add_text(self, text: str) -> None:
        if "<!--" in text:
            text = _without_comments(text)
        for piece in _BLOCK_BOUNDARY.split(_fold(text)):
            block = tuple(_split_words(piece))
            if not block:
                continue
            for size in range(1, min(len(block), WINDOW - 1) + 1):
                self.starts.add(block[:size])
                self.ends.add(block[-size:])
            if len(block) <= WINDOW - 2:
                self.wholes.add(block)

    def form(self, words: Words) -> bool:
        """True when `words` is the end of one public block, any short blocks whole, then the start of another."""
        # reach[i]: words[:i] can be the end of a block followed by whole blocks.
        reach = [False] * len(words)
        for i in range(1, len(words)):
            reach[i] = words[:i] in self.ends or any(reach[j] and words[j:i] in self.wholes for j in range(1, i))
        return any(reach[i] and words[i:] in self.starts for i in range(1, len(words)))


def _comment_spans(text: str) -> Iterator[re.Match[str]]:
    """The HTML comments of Markdown that are not shown as code (in a fenced block or a code span)."""
    code = _code_ranges(text)
    for match in _COMMENT.finditer(text):
        if not any(start <= match.start() < end for start, end in code):
            yield match


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Where `text` holds code a reader sees as written: fenced blocks (from the first column) and code spans."""
    ranges: list[tuple[int, int]] = []
    if "`" not in text and "~~~" not in text:
        return ranges
    offset, fence, fence_start = 0, "", 0
    for line in text.splitlines(keepends=True):
        opening = _FENCE.match(line)
        if fence:
            if line.rstrip().startswith(fence) and not line.strip(fence[0] + " \t\r\n"):
                ranges.append((fence_start, offset + len(line)))
                fence = ""
        elif opening:
            fence, fence_start = opening.group(1), offset
        else:
            ranges.extend((offset + m.start(), offset + m.end()) for m in _CODE_SPAN.finditer(line))
        offset += len(line)
    if fence:
        ranges.append((fence_start, offset))
    return ranges


def _without_comments(text: str) -> str:
    """`text` without the comments a public page drops; comments shown as code stay, as the page shows them."""
    parts, done = [], 0
    for match in _comment_spans(text):
        parts += [text[done : match.start()], " "]
        done = match.end()
    return "".join(parts) + text[done:]


def _without_gc(function: Callable[P, T]) -> Callable[P, T]:
    """Run `function` with the cyclic garbage collector paused.

    The guard makes hundreds of thousands of tuples and lists, none in a
    cycle; each batch of them would start a collection that walks every
    object of the build (MkDocs' pages, the corpus), a large share of the
    guard's time at 5,000 entries.
    """

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> T:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_without_gc
def build_secrets(
    corpus: Corpus,
    *,
    unpublished: Iterable[tuple[str, str | None]] = (),
    public_text: Iterable[str] = (),
) -> Secrets:
    """Needles of everything private in `corpus` (the whole corpus, not its public part).

    `unpublished` lists other docs files left out of the public build, as
    (docs-relative path, text or None): files with errors, private
    attachments. Their names, and their text when given, become needles; front
    matter keys are left out. `public_text` is text that is public anyway
    (site settings, templates); needles found in it are dropped.
    """
    c = _Collector()
    public = corpus.public()
    public_paths = public.public_paths()
    for entry in corpus.entries:
        if entry.public:
            c.public_text(entry.title, entry.impact, " ".join(entry.tags), entry.body, entry.path, entry.kind)
            c.public_text(" ".join(entry.skills), entry.role)
            c.secret_text(entry.path, *_comments(entry.body))
        else:
            c.secret_text(entry.path, entry.title, entry.impact, *entry.tags, entry.body)
            c.secret_name(entry.path, *_name_words(entry.path))
        for person in entry.people:  # never published, even from public entries
            c.secret_words(entry.path, words_of(person))
    for skill in corpus.skills:
        if skill.public:
            c.public_text(skill.name, skill.category, skill.body, skill.path)
            c.secret_text(skill.path, *_comments(skill.body))
        else:
            c.secret_text(skill.path, skill.name, skill.body)
            c.secret_name(skill.path, *_name_words(skill.path))
    for role in corpus.roles:
        if role.public:
            c.public_text(role.title, role.organization, role.location, role.url, role.body, role.path)
            c.secret_text(role.path, *_comments(role.body))
        else:
            c.secret_text(
                role.path, role.title, role.organization, f"{role.title}, {role.organization}", role.location, role.url, role.body
            )
            c.secret_name(role.path, *_name_words(role.path))
    for item in corpus.items:
        fields = (item.name, item.organization, item.degree, item.area, item.grade, item.url, *item.tags)
        if item.public:
            c.public_text(*fields, item.body, item.path)
            c.secret_text(item.path, *_comments(item.body))
        else:
            c.secret_text(item.path, *fields, item.body)
            c.secret_name(item.path, *_name_words(item.path))
    for page in corpus.pages:
        if page.public:
            c.public_text(page.title, page.body, page.path)
            c.secret_text(page.path, *_comments(page.body))
        else:
            c.secret_text(page.path, page.title, page.body)
            c.secret_name(page.path, *_name_words(page.path))
    profile = corpus.profile
    if profile is not None:
        texts = [profile.name, profile.headline, profile.email, profile.location, profile.body]
        texts += [text for link in profile.links for text in (link.label, link.url)]
        texts += [text for lang in profile.languages for text in (lang.language, lang.fluency)]
        if profile.public:
            c.public_text(*texts)
            c.secret_text(profile.path, *_comments(profile.body))
        else:
            c.secret_text(profile.path, *texts)
    for checkup in corpus.checkups:
        c.secret_text(checkup.path, *checkup.actions, checkup.body)
    for contact in corpus.contacts:
        c.secret_text(contact.path, contact.name, contact.organization, contact.circle, contact.body)
        c.secret_name(contact.path, *_name_words(contact.path))
    for decision in corpus.decisions:
        c.secret_text(decision.path, decision.title, decision.body, decision.choice, *(o.name for o in decision.options))
        c.secret_name(decision.path, *_name_words(decision.path))
    if corpus.layoff_plan is not None:
        plan = corpus.layoff_plan
        c.secret_text(plan.path, plan.body, *(task.text for task in plan.tasks))
    for path, text in unpublished:
        if path in public_paths:
            continue
        c.secret_name(path, *_name_words(path))
        if text:
            c.secret_text(path, "\n".join(_FIELD_KEY.sub("", line) for line in text.split("\n")))
    # What careerfolio itself writes on public pages.
    c.public_text(*(text for level in LEVELS for text in (level.id, level.label, level.meaning)), " ".join(ENTRY_KINDS))
    c.public_text(*public_text)
    return c.finish()


def _comments(body: str) -> list[str]:
    """HTML comments of a public body: they are stripped from the site, so they are private (unless shown as code)."""
    return [match.group(1) for match in _comment_spans(body)]


# -- scanning ------------------------------------------------------------------------


_NAME = attrgetter("name")
_FILE, _FOLDER, _LINK, _OTHER, _UNLISTED = "file", "folder", "link", "other", "unlisted"


def _walk(folder: str | Path, prefix: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, path relative to the site folder with `/`, kind) of everything under `folder`.

    Kinds: a regular file, a folder (after what it holds), a link (never
    followed, whatever it points at), anything else (a device, a pipe), or
    a folder that cannot be listed (yielded in place of what it holds).
    The same order as os.walk, with os.scandir's entries, which know what
    they are without asking the file system again.
    """
    files: list[tuple[os.DirEntry[str], str]] = []
    dirs: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_symlink():
                        files.append((entry, _LINK))
                    elif entry.is_dir(follow_symlinks=False):
                        dirs.append(entry)
                    else:
                        files.append((entry, _FILE if entry.is_file(follow_symlinks=False) else _OTHER))
                except OSError:
                    files.append((entry, _OTHER))
    except OSError:
        if prefix:  # the site folder itself missing is an empty site
            yield os.fspath(folder), prefix.rstrip("/"), _UNLISTED
        return
    for entry, kind in sorted(files, key=lambda pair: pair[0].name):
        yield entry.path, prefix + entry.name, kind
    for entry in sorted(dirs, key=_NAME):
        yield from _walk(entry.path, prefix + entry.name + "/")
        yield entry.path, prefix + entry.name, _FOLDER


def _decode_json(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "u":
            return chr(int(code[1:], 16))
        return _JSON_SIMPLE[code]

    return _JSON_ESCAPE.sub(one, text)


def _unescape(text: str) -> str:
    """The text with JSON, HTML and URL escapes undone, and folded (see _fold).

    Undoing an escape only joins or splits words at punctuation, so the text
    as stored need not be searched again.
    """
    if "\\" in text:
        text = _decode_json(text)
    # Twice: text escaped by one template and again by the next (`&amp;#39;`) is common.
    for _ in range(2):
        if "&" in text:
            text = html.unescape(text)
    if "%" in text:
        text = unquote(text.replace("+", " "))
    return _fold(text)


class _TooLarge(Exception):
    """An output file, or what it decompresses to, is larger than MAX_FILE_BYTES."""


def _file_pieces(path: str | Path) -> Iterator[bytes]:
    """A regular output file's bytes, gzip (by name or by content) decompressed, in pieces cut before a `<`.

    Cutting there changes nothing the guard sees (see _views). A large file
    is read a piece at a time, so that it is never in memory whole. The file
    is opened without following a link. Raises _TooLarge past MAX_FILE_BYTES.
    """
    # Without following a link, and without waiting on a pipe put in the file's place since it was listed.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError("not a regular file")
        first = file.read(_PIECE)
        if first[:2] == b"\x1f\x8b":
            data = first + file.read(MAX_FILE_BYTES + 1 - len(first))
            if len(data) > MAX_FILE_BYTES:
                raise _TooLarge
            yield from _cut(_gunzip(data))
            return
        blocks = chain((first,), iter(lambda: file.read(_PIECE), b""))
        pending: list[bytes] = []
        size = 0
        for block in blocks:
            size += len(block)
            if size > MAX_FILE_BYTES:
                raise _TooLarge
            cut = _last_cut(block)
            if cut < 0:
                pending.append(block)
                continue
            pending.append(block[:cut])
            yield b"".join(pending)
            pending = [block[cut:]]
        yield b"".join(pending)


def _gunzip(data: bytes) -> bytes:
    """Every member of gzip `data` decompressed, up to MAX_FILE_BYTES (else _TooLarge); what is not gzip, as it is."""
    inflated: list[bytes] = []
    size, rest = 0, data
    while rest:
        inflate = zlib.decompressobj(wbits=31)
        try:
            member = inflate.decompress(rest, MAX_FILE_BYTES + 1 - size)
        except zlib.error:
            inflated.append(rest)  # not gzip (after all, or after the members before): searched as it is
            break
        size += len(member)
        if size > MAX_FILE_BYTES or inflate.unconsumed_tail:
            raise _TooLarge
        inflated.append(member)
        if not inflate.eof:
            break  # cut short: what it held so far is searched
        rest = inflate.unused_data
    return b"".join(inflated)


def _last_cut(block: bytes) -> int:
    """Where to cut `block`: before its last `<` after a line break or a space, or -1.

    Such a `<` cannot start a tag glued inside a word (see _fold), which has
    to stay whole within a piece. Text without one stays in one piece.
    """
    return max(block.rfind(b"\n<"), block.rfind(b" <")) + 1 or -1


def _cut(data: bytes) -> Iterator[bytes]:
    """`data` in pieces cut as _file_pieces cuts a file."""
    start = 0
    while (cut := _first_cut(data, start + _PIECE)) > 0:
        yield data[start:cut]
        start = cut
    yield data[start:]


def _first_cut(data: bytes, start: int) -> int:
    """Where to cut `data` (as _last_cut, at or after `start`), or -1."""
    cuts = [cut for cut in (data.find(b"\n<", start), data.find(b" <", start)) if cut >= 0]
    return min(cuts) + 1 if cuts else -1


# What a scan keeps of a unit (see _Scanner) is an entry: (flags, first word, last word, first word without tags,
# last word without tags), each word only when an anchor can end (a first word) or start (a last word) with it,
# else None. Most entries have no word and are shared.
_EMPTY = (1, 2)  # flags: no words, in view 0 (all words) or 1 (tags left out)
_LOOK = 4  # flags: a needle lies inside it, or an anchor so near an end that a needle through it may reach out of it
_Entry = tuple[int, str | None, str | None, str | None, str | None]
_SHARED: list[_Entry] = [(flags, None, None, None, None) for flags in range(8)]
_FLAGS = itemgetter(0)
_FIRST = (itemgetter(1), itemgetter(3))  # by view
_LAST = (itemgetter(2), itemgetter(4))
_LOOK_TABLE = bytes(1 if flags & _LOOK else 0 for flags in range(256))  # for bytes.translate
_WORDS_TABLE = tuple(bytes(0 if flags & empty else 1 for flags in range(256)) for empty in _EMPTY)


class _Segments:
    """The segments of a piece of output: the words before its first `<`, then its units; split into words on demand."""

    def __init__(self, units: list[bytes], first: tuple[list[str], list[str]]) -> None:
        self.units = units
        self.split: dict[int, tuple[list[str], list[str]]] = {0: first}

    def words(self, i: int, view: int) -> list[str]:
        if i not in self.split:
            self.split[i] = _views(self.units[i])[:2]
        return self.split[i][view]

    def before(self, i: int, view: int) -> list[str]:
        """The last words before segment i, as many as a needle can reach."""
        words: list[str] = []
        while i > 0 and len(words) < _CONTEXT:
            i -= 1
            words = self.words(i, view) + words
        return words[-_CONTEXT:]

    def around(self, i: int, view: int) -> list[str]:
        """The words of segment i and the words next to it, as many as a needle can reach."""
        after: list[str] = []
        j = i
        while j + 1 < len(self.units) and len(after) < _CONTEXT:
            j += 1
            after += self.words(j, view)
        return self.before(i, view) + self.words(i, view) + after[:_CONTEXT]


class _Scanner:
    """Searches text for needles, one *unit* at a time: the text from one `<` up to the next.

    A unit's words in both views (with and without tags) depend on its own
    bytes only (see _views), and most units of a site are seen many times:
    the theme's markup on every page, paragraphs again in the search index
    and the feeds. What a unit holds is kept as a small entry (see _Entry),
    so that a unit seen before costs one dictionary lookup and is not even
    decoded. A needle is then inside a unit, or has its anchor near an end
    of one (both kept as _LOOK), or has its anchor across two units (the
    entries keep the words that can make one); only there are the words
    around split again and looked up.
    """

    def __init__(self, secrets: Secrets) -> None:
        self.secrets = secrets
        self.finder = secrets._finder
        self.short: dict[bytes, _Entry] = {}
        self.long: dict[bytes, _Entry] = {}

    def scan(self, pieces: Iterable[bytes], name: str = "") -> set[Words]:
        """Needles that occur in `name` followed by the output made of `pieces` (see _file_pieces).

        Whether each is a leak is for Secrets.leaks to say.
        """
        found: set[Words] = set()
        # The last words of the previous piece in each view, searched again with the next piece.
        ends: tuple[list[str], list[str]] = ([], [])
        segments = None
        for piece in pieces:
            if segments is not None:
                ends = (segments.before(len(segments.units), 0), segments.before(len(segments.units), 1))
            segments = self._piece(piece, name, ends, found)
            name = ""
        return found

    def _piece(self, piece: bytes, name: str, ends: tuple[list[str], list[str]], found: set[Words]) -> _Segments:
        # Inline tags glued inside a word are taken out first (see _fold): the word they split is one word.
        if b"<" in piece:
            piece = _GLUED_INLINE_BYTES.sub(b"", piece)
        # Units are cut from the bytes as stored (see _views), so a unit seen before is not even decoded.
        units = piece.split(b"<")
        # Segment 0 is the end of the previous piece, then the text before the first `<`: no tag starts before
        # that `<`, though undone escapes may make some.
        head = _unescape(name + units[0].decode("utf-8", errors="replace"))
        words = _split_words(head)
        plain = _split_words(_TAG.sub(" ", head)) if "<" in head else words
        first = (ends[0] + words, ends[1] + plain)
        segments = _Segments(units, first)
        entries: list[_Entry | None] = [self._lists_entry(*first), *map(self.short.get, units[1:])]
        for i in compress(count(), map(is_, entries, repeat(None))):
            entries[i] = self._unit(units[i])
        known: list[_Entry] = entries  # type: ignore[assignment]
        flags = bytes(map(_FLAGS, known))
        look = flags.translate(_LOOK_TABLE)
        at = look.find(1)
        while at >= 0:
            found.update(self.finder.find(segments.around(at, 0)), self.finder.find(segments.around(at, 1)))
            at = look.find(1, at + 1)
        for view in (0, 1):
            self._across(view, flags, known, segments, found)
        return segments

    def _across(self, view: int, flags: bytes, entries: list[_Entry], segments: _Segments, found: set[Words]) -> None:
        """Needles whose anchor is the last word of a segment and the first word of the next with words in `view`."""
        with_words = flags.translate(_WORDS_TABLE[view])
        kept = list(compress(entries, with_words))

        def pairs() -> Iterator[tuple[str | None, str | None]]:
            # Each kept segment's last word with the next one's first word; a None is in no anchor.
            return zip(map(_LAST[view], kept), map(_FIRST[view], islice(kept, 1, None)), strict=False)

        if self.finder.anchors.isdisjoint(pairs()):
            return
        order = list(compress(count(), with_words))
        for j in compress(count(1), map(self.finder.anchors.__contains__, pairs())):
            found.update(self.finder.find(segments.around(order[j], view)))

    def _unit(self, unit: bytes) -> _Entry:
        """The entry of a unit, the bytes after a `<`; remembered."""
        if len(unit) <= _LONG_UNIT:
            if len(self.short) >= _MAX_UNITS:
                self.short.clear()
            entry = self.short[unit] = self._unit_entry(unit)
            return entry
        key = hashlib.blake2b(unit, digest_size=16).digest()
        kept = self.long.get(key)
        if kept is not None:
            return kept
        if len(self.long) >= _MAX_UNITS:
            self.long.clear()
        entry = self.long[key] = self._unit_entry(unit)
        return entry

    def _unit_entry(self, unit: bytes) -> _Entry:
        words, plain, tag = _views(unit)
        if tag < 0:  # escapes made more tags: the words without tags are a list of their own
            return self._lists_entry(words, plain)
        finder = self.finder
        anchored = finder.anchored(words)
        if not anchored and (not finder.single or finder.single.isdisjoint(words)):
            return self._entry(words, anchored, plain, anchored, False)  # most units: no needle can be near
        # The pairs without the tag are the pairs after it; a needle inside those is inside all the words.
        inside = next(finder.find(words, anchored), None) is not None
        return self._entry(words, anchored, plain, [at - tag for at in anchored if at >= tag], inside)

    def _lists_entry(self, words: list[str], plain: list[str]) -> _Entry:
        """The entry of a segment whose words without tags are not simply its last words."""
        if not words and not plain:
            return _SHARED[_EMPTY[0] | _EMPTY[1]]  # nothing before a piece's first `<`
        anchored, plain_anchored = self.finder.anchored(words), self.finder.anchored(plain)
        inside = next(chain(self.finder.find(words, anchored), self.finder.find(plain, plain_anchored)), None) is not None
        return self._entry(words, anchored, plain, plain_anchored, inside)

    def _entry(self, words: list[str], anchored: list[int], plain: list[str], plain_anchored: list[int], inside: bool) -> _Entry:
        near = (anchored and _near_end(words, anchored)) or (plain_anchored and _near_end(plain, plain_anchored))
        flags = (_LOOK if inside or near else 0) | (0 if words else _EMPTY[0]) | (0 if plain else _EMPTY[1])
        seconds, firsts = self.finder.seconds, self.finder.firsts
        ends = (
            words[0] if words and words[0] in seconds else None,
            words[-1] if words and words[-1] in firsts else None,
            plain[0] if plain and plain[0] in seconds else None,
            plain[-1] if plain and plain[-1] in firsts else None,
        )
        if ends == (None, None, None, None):
            return _SHARED[flags]
        first, last, plain_first, plain_last = (None if word is None else sys.intern(word) for word in ends)
        return flags, first, last, plain_first, plain_last


def _near_end(words: list[str], anchored: list[int]) -> bool:
    """Whether an anchor at these places is so near an end of `words` that a needle through it may reach past it."""
    last = len(words) - _CONTEXT - 1
    return any(at < _CONTEXT - 1 or at > last for at in anchored)


def _views(unit: bytes) -> tuple[list[str], list[str], int]:
    """The words of a unit, the bytes after a `<` (see _Scanner), with and without tags.

    Cutting before a `<` changes nothing the guard sees: `<` is part of no
    character in UTF-8, of no word, and of no JSON, HTML or URL escape, and a
    tag (`<` to the next `>`, with no `<` between) can only start at it. So a
    unit is decoded, unescaped and split alone. The third value is where the
    words without tags start among all the words, or -1 when escapes made
    tags of their own and the words without tags are not the last words.
    """
    text = _unescape(unit.decode("utf-8", errors="replace"))
    if "<" in text:
        return _split_words(text), _split_words(_TAG.sub(" ", "<" + text)), -1
    close = text.find(">")
    if close < 0:
        words = _split_words(text)
        return words, words, 0  # a lone `<`: no tag
    # The tag ends at a non-word character, so the words after it are the last words of the unit.
    rest = text[close + 1 :]
    plain = _split_words(rest) if rest and not rest.isspace() else []  # often only the line break after the tag
    words = _split_words(text[:close])
    tag = len(words)
    words += plain
    return words, plain, tag


def find_needles(text: str, secrets: Secrets) -> set[str]:
    """Private source paths whose needles occur in `text`, in any of its encodings."""
    # Lone surrogates (not in files, but in a str) become U+FFFD: neither is part of a word, an escape or a tag.
    found = _Scanner(secrets).scan(_cut(text.encode("utf-8", "surrogatepass")))
    return {secrets.source(needle) for needle in secrets.leaks(found)}


class SiteScan:
    """One scan of a finished site, which may read some outputs early, as the build writes them.

    `read_early` takes an output's bytes as the build hands them over (a page
    as MkDocs writes it); `finish` walks the site folder and reads every other
    output from the disk. An output read early is read again when its bytes on
    the disk are not the ones given, so what another plugin changed afterwards
    is never missed.
    """

    def __init__(self, secrets: Secrets, trusted_dirs: Iterable[Path] = ()) -> None:
        self.secrets = secrets
        self.scanner = _Scanner(secrets)
        # What each trusted folder holds at its top: a file can only be in it under one of these names.
        self.trusted = [(os.fspath(folder), _names(folder)) for folder in trusted_dirs]
        self.early: dict[str, tuple[int, bytes, set[Words]]] = {}  # output -> (size, digest, needles found)

    @_without_gc
    def read_early(self, relative: str, data: bytes) -> None:
        """Search an output (its site-relative path and its bytes) before the build has finished."""
        if not self.secrets.needles or len(data) > MAX_FILE_BYTES or data[:2] == b"\x1f\x8b":
            return  # read from the disk by finish(), with the checks a file needs
        found = self.scanner.scan(_cut(data), relative + "\n")
        self.early[relative] = (len(data), hashlib.blake2b(data, digest_size=16).digest(), found)

    @_without_gc
    def finish(self, site_dir: Path) -> list[Hit]:
        """Every (output, private source) pair where private text reached the site, and every output that is not read.

        Names of files, links and folders are searched; only regular files are
        read, up to MAX_FILE_BYTES. A link (never followed: it may point out of
        the site, at `/dev/zero`), anything else that is not a regular file, and
        a file over the cap are each a Hit with a `problem` instead of a source.
        A file identical to the file of the same path in one of the trusted
        folders (an installed theme's own folder, never a user's) is a copy of
        what was published already, and is not read again.
        """
        secrets, scanner = self.secrets, self.scanner
        hits: list[Hit] = []
        found_in: list[tuple[str, set[Words]]] = []  # outputs where needles were found
        for path, relative, kind in _walk(site_dir):
            # The name is part of what is published: it comes first, as a line of its own.
            name = relative + "\n"
            if kind != _FILE:
                if kind != _FOLDER:
                    problem = {_LINK: LINK_PROBLEM, _UNLISTED: UNREADABLE_PROBLEM}.get(kind, NOT_A_FILE_PROBLEM)
                    hits.append(Hit(relative, "", problem))
                found = scanner.scan((b"",), name) if secrets.needles else set()
            elif not secrets.needles:
                continue
            else:
                top = relative.split("/", 1)[0]
                if any(top in names and _same_file(path, os.path.join(folder, relative)) for folder, names in self.trusted):
                    continue
                early = self._read_early_unchanged(path, relative)
                try:
                    found = early if early is not None else scanner.scan(_file_pieces(path), name)
                except (_TooLarge, OSError) as error:
                    problem = TOO_LARGE_PROBLEM if isinstance(error, _TooLarge) else UNREADABLE_PROBLEM
                    hits.append(Hit(relative, "", problem))
                    found = scanner.scan((b"",), name)
            if found:
                found_in.append((relative, found))
        # Which found needles are leaks is decided once, for all outputs: public text is searched for those only.
        leaks = secrets.leaks(set().union(*(found for _, found in found_in)))
        for relative, found in found_in:
            hits.extend(Hit(relative, source) for source in sorted({secrets.source(needle) for needle in found & leaks}))
        return sorted(hits, key=_output_order)

    def _read_early_unchanged(self, path: str, relative: str) -> set[Words] | None:
        """The needles found early in this output when the file holds exactly the bytes that were searched."""
        early = self.early.get(relative)
        if early is None:
            return None
        size, digest, found = early
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(descriptor, "rb") as file:
                if not stat.S_ISREG(os.fstat(descriptor).st_mode) or os.fstat(descriptor).st_size != size:
                    return None
                same = hashlib.blake2b(file.read(size + 1), digest_size=16).digest() == digest
        except OSError:
            return None
        return found if same else None


def scan_site(site_dir: Path, secrets: Secrets, trusted_dirs: Iterable[Path] = ()) -> list[Hit]:
    """Every (output, private source) pair where private text reached the site (see SiteScan.finish)."""
    return SiteScan(secrets, trusted_dirs).finish(site_dir)


def _output_order(hit: Hit) -> tuple[str, str, str]:
    return hit.output, hit.source, hit.problem


def remove_outputs(site_dir: Path, outputs: Iterable[str]) -> None:
    """Delete these outputs of the site (files, links, folders with all they hold) and the folders this leaves empty.

    A link is deleted, never what it points at. Folders are left only when
    they hold something else; the site folder itself always stays.
    """
    root = os.path.abspath(site_dir)
    for output in sorted(set(outputs), key=lambda name: (-name.count("/"), name)):
        path = os.path.join(root, output)
        with contextlib.suppress(OSError):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
        # The folders this leaves empty, up to the site folder.
        parent = os.path.dirname(path)
        while parent != root and parent.startswith(root + os.sep):
            try:
                os.rmdir(parent)  # only when empty
            except OSError:
                break
            parent = os.path.dirname(parent)


def _names(folder: str | Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def _same_file(output: str, original: str) -> bool:
    try:
        if not os.path.isfile(original) or os.path.getsize(output) != os.path.getsize(original):
            return False
        with open(output, "rb") as one, open(original, "rb") as other:
            return one.read() == other.read()
    except OSError:
        return False


__all__ = [
    "MAX_FILE_BYTES",
    "Hit",
    "Secrets",
    "SiteScan",
    "build_secrets",
    "find_needles",
    "is_meaningful",
    "remove_outputs",
    "scan_site",
    "words_of",
]
