"""The leak guard: finds text of private files anywhere in a finished public site.

A public build is planned from `corpus.public()` only, so a leak means a bug, a
stale file or another plugin. The guard does not trust the plan: it takes
*needles* from every private record (and from the private parts of public
ones), then reads every output file, dot files and `.gz` files included, and
looks for them.

Text is compared as a sequence of lowercase words (`\\w+`), after undoing
JSON escapes (`\\u00e9`, `\\/`), HTML character references and URL encoding,
with and without HTML tags. Words make the comparison blind to Markdown
markup, punctuation, escaping and line breaks.

How it stays fast and small on a site of thousands of pages (none of this
changes what is found; tests/test_guard.py checks each part):

- each needle is looked for by its *anchor*, a pair of its words (_Finder):
  one pass in C over a list of words finds the few places worth a look;
- output is read in pieces and cut into *units*, from one `<` to the next,
  whose words depend on their own bytes only (_views); what a unit holds is
  remembered, so the markup repeated on every page, and paragraphs repeated
  in the search index and feeds, are decoded and split once (_Scanner);
- public text is searched one text at a time, after all needles are known,
  and needle words are interned: no list of every public word is kept.

Which text becomes a needle (the rule the README documents):

- field values (titles, names, impact, tags, ids, e-mail addresses, file names)
  and every line of a body, cut into windows of at most `WINDOW` words;
- a needle has at least two words and 8 characters, or is one word of at least
  12 characters, and has at least 4 letters (dates and counts are too common);
- a needle that also occurs in a public record, in the site's own settings or
  in the templates (the theme's and careerfolio's) is dropped: publishing it is
  not a leak, and it would fail every build.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, compress, count, islice, repeat
from operator import attrgetter, is_, itemgetter
from pathlib import Path
from urllib.parse import unquote

from .corpus import Corpus
from .htmllinks import links_in
from .levels import LEVELS
from .records import ENTRY_KINDS

WINDOW = 4
"""Longest needle, in words. Long lines become several needles, so a partial copy is found too."""
MIN_CHARS = 8
MIN_WORD_CHARS = 12
MIN_LETTERS = 4
# Decompressed .gz output larger than this is not plausible for a site; read only this much.
_MAX_GUNZIP = 256 * 1024 * 1024
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


@dataclass(frozen=True)
class Secrets:
    """Needles of private text, each mapped to the private file it comes from."""

    needles: dict[int, dict[Words, str]] = field(default_factory=dict)  # by length in words
    index: _Finder | None = field(default=None, repr=False, compare=False)
    """How the needles are looked up (see _Finder); made from them when not given."""

    def __len__(self) -> int:
        return sum(len(by_words) for by_words in self.needles.values())

    def sources(self) -> frozenset[str]:
        return frozenset(source for by_words in self.needles.values() for source in by_words.values())

    def sources_in(self, words: list[str]) -> set[str]:
        """Private source paths whose needles occur in `words`."""
        return {self.source(needle) for needle in self._finder.find(words)}

    def source(self, needle: Words) -> str:
        return self.needles[len(needle)][needle]

    @cached_property
    def _finder(self) -> _Finder:
        return self.index if self.index is not None else _Finder(self.needles)


@dataclass(frozen=True, order=True)
class Hit:
    """Private text of `source` (a docs-relative path) found in `output` (a site-relative path)."""

    output: str
    source: str

    def format(self) -> str:
        # Names only: build logs of public repositories are public.
        return f"{self.output}: contains text of the private file {self.source}"


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

    Each needle of two or more words has an *anchor* (see _anchor). One pass
    in C over the pairs of adjacent words of the list finds the places where
    an anchor is; only there are the windows around it looked up. A needle
    of one word is looked for with one set intersection.

    Every match is looked up in `needles`, so a finder made before some
    needles were dropped still finds exactly the needles that are left.
    """

    def __init__(self, needles: dict[int, dict[Words, str]]) -> None:
        self.longer = [(length, by_words) for length, by_words in sorted(needles.items()) if length > 1]
        self.singles = needles.get(1, {})
        self.single = frozenset(words[0] for words in self.singles)
        self.anchors = frozenset(_anchor(words) for _, by_words in self.longer for words in by_words)
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
                if (word,) in self.singles:
                    yield (word,)
        for at in self.anchored(words) if anchored is None else anchored:
            # Every window that holds the pair at `at`, at any place in it.
            for length, by_words in self.longer:
                for start in range(max(at + 2 - length, 0), at + 1):
                    window = tuple(words[start : start + length])
                    if window in by_words:
                        yield window


def is_meaningful(words: Words) -> bool:
    """True when `words` is distinctive enough to be a needle (see the module docstring)."""
    if not words:
        return False
    text = " ".join(words)
    long_enough = len(text) >= (MIN_WORD_CHARS if len(words) == 1 else MIN_CHARS)
    return long_enough and _ENOUGH_LETTERS.search(text) is not None


def _windows(words: Words) -> Iterator[Words]:
    """Cut a line into consecutive windows of WINDOW words; the last one overlaps to stay full."""
    if len(words) <= WINDOW:
        yield words
        return
    for start in range(0, len(words) - WINDOW + 1, WINDOW):
        yield words[start : start + WINDOW]
    if len(words) % WINDOW:
        yield words[-WINDOW:]


def _plain_lines(text: str) -> Iterator[str]:
    """Lines of Markdown as a reader sees them: link targets and tags left out, comments kept."""
    # Each expression is only run on text that has what it looks for: most text has none of it.
    if "<!--" in text:
        text = _COMMENT.sub(lambda m: "\n" + m.group(1) + "\n", text)
    if "](" in text:
        text = _LINK_DESTINATION.sub("]", text)
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


class _Collector:
    """Gathers private needles, then drops those that public text contains."""

    def __init__(self) -> None:
        self.private: dict[int, dict[Words, str]] = {}  # by length in words, as in Secrets
        # Public texts are searched once every needle is known, one at a time: their words are never all in memory.
        self.public: list[str] = []

    def secret_text(self, source: str, *texts: str | None) -> None:
        for text in texts:
            if text:
                for line in _plain_lines(text):
                    self.secret_words(source, words_of(line))

    def secret_words(self, source: str, *all_words: Words) -> None:
        for words in all_words:
            # Interned: the same word in many needles is one object.
            for window in _windows(tuple(map(sys.intern, words))):
                by_words = self.private.get(len(window))
                if by_words is None:
                    by_words = self.private[len(window)] = {}
                if window not in by_words and is_meaningful(window):
                    by_words[window] = source

    def public_text(self, *texts: str | None) -> None:
        self.public.extend(text for text in texts if text)

    def finish(self) -> Secrets:
        finder = _Finder(self.private)
        public: set[Words] = set()
        # Words of many public texts, searched together; "" is no word, so no needle spans two texts.
        batch: list[str] = []
        for text in self.public:
            # Comments never reach the public site, so they do not make text public.
            # Link targets are left out: a link to a private page is removed from the public site.
            if "<!--" in text:
                text = _COMMENT.sub(" ", text)
            if "=" in text:
                text = _without_link_tags(text)
            batch += _split_words(_LINK_DESTINATION.sub("]", text) if "](" in text else text)
            batch.append("")
            # Needles are cut from text as a reader sees it; so is the public text they are checked against.
            # Without tags, the words of each line are words of the whole text, searched just now.
            for line in _plain_lines(text) if "<" in text else ():
                batch += _split_words(line)
                batch.append("")
            if len(batch) > _PIECE:
                public.update(finder.find(batch))
                batch.clear()
        public.update(finder.find(batch))
        for words in public:
            del self.private[len(words)][words]
        return Secrets({length: by_words for length, by_words in self.private.items() if by_words}, finder)


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
            c.secret_words(entry.path, *_name_words(entry.path))
        for person in entry.people:  # never published, even from public entries
            c.secret_words(entry.path, words_of(person))
    for skill in corpus.skills:
        if skill.public:
            c.public_text(skill.name, skill.category, skill.body, skill.path)
            c.secret_text(skill.path, *_comments(skill.body))
        else:
            c.secret_text(skill.path, skill.name, skill.body)
            c.secret_words(skill.path, *_name_words(skill.path))
    for role in corpus.roles:
        if role.public:
            c.public_text(role.title, role.organization, role.location, role.url, role.body, role.path)
            c.secret_text(role.path, *_comments(role.body))
        else:
            c.secret_text(
                role.path, role.title, role.organization, f"{role.title}, {role.organization}", role.location, role.url, role.body
            )
            c.secret_words(role.path, *_name_words(role.path))
    for item in corpus.items:
        fields = (item.name, item.organization, item.degree, item.area, item.grade, item.url, *item.tags)
        if item.public:
            c.public_text(*fields, item.body, item.path)
            c.secret_text(item.path, *_comments(item.body))
        else:
            c.secret_text(item.path, *fields, item.body)
            c.secret_words(item.path, *_name_words(item.path))
    for page in corpus.pages:
        if page.public:
            c.public_text(page.title, page.body, page.path)
            c.secret_text(page.path, *_comments(page.body))
        else:
            c.secret_text(page.path, page.title, page.body)
            c.secret_words(page.path, *_name_words(page.path))
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
        c.secret_words(contact.path, *_name_words(contact.path))
    for decision in corpus.decisions:
        c.secret_text(decision.path, decision.title, decision.body, decision.choice, *(o.name for o in decision.options))
        c.secret_words(decision.path, *_name_words(decision.path))
    if corpus.layoff_plan is not None:
        plan = corpus.layoff_plan
        c.secret_text(plan.path, plan.body, *(task.text for task in plan.tasks))
    for path, text in unpublished:
        if path in public_paths:
            continue
        c.secret_words(path, *_name_words(path))
        if text:
            c.secret_text(path, "\n".join(_FIELD_KEY.sub("", line) for line in text.split("\n")))
    # What careerfolio itself writes on public pages.
    c.public_text(*(text for level in LEVELS for text in (level.id, level.label, level.meaning)), " ".join(ENTRY_KINDS))
    c.public_text(*public_text)
    return c.finish()


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


def _comments(body: str) -> list[str]:
    """HTML comments of a public body: they are stripped from the site, so they are private."""
    return [match.group(1) for match in _COMMENT.finditer(body)]


# -- scanning ------------------------------------------------------------------------


def iter_output_files(site_dir: Path) -> Iterator[Path]:
    """Every file under `site_dir`, dot files and dot folders included, in a stable order."""
    for path, _ in _walk(site_dir):
        yield Path(path)


_NAME = attrgetter("name")


def _walk(folder: str | Path, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path, path relative to the site folder with `/`) of each file of iter_output_files.

    The same order as os.walk, with strings and os.scandir's entries, which
    know whether they are links without asking the file system again.
    """
    files: list[os.DirEntry[str]] = []
    dirs: list[os.DirEntry[str]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry)
    for entry in sorted(files, key=_NAME):
        yield entry.path, prefix + entry.name
    dirs.sort(key=_NAME)
    # A link to a folder is listed as a folder; report it as a file so that it is read.
    for entry in dirs:
        if entry.is_symlink():
            yield entry.path, prefix + entry.name
    for entry in dirs:
        if not entry.is_symlink():
            yield from _walk(entry.path, prefix + entry.name + "/")


def _decode_json(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "u":
            return chr(int(code[1:], 16))
        return _JSON_SIMPLE[code]

    return _JSON_ESCAPE.sub(one, text)


def _unescape(text: str) -> str:
    """The text with JSON, HTML and URL escapes undone.

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
    return text


def _file_pieces(path: str | Path) -> Iterator[bytes]:
    """An output file's bytes, gzip (by name or by content) decompressed, in pieces cut before a `<`.

    Cutting there changes nothing the guard sees (see _views). A large file
    is read a piece at a time, so that it is never in memory whole.
    """
    if os.path.isdir(path) or not os.path.exists(path):
        yield b""  # a link to a folder or to nothing: only its name is published
        return
    with open(path, "rb") as file:
        first = file.read(_PIECE)
        if first[:2] == b"\x1f\x8b":
            data = first + file.read()
            # Not gzip after all: searched as it is.
            with contextlib.suppress(zlib.error):
                data = zlib.decompressobj(wbits=31).decompress(data, _MAX_GUNZIP)
            yield from _cut(data)
            return
        blocks = chain((first,), iter(lambda: file.read(_PIECE), b""))
        pending: list[bytes] = []
        for block in blocks:
            cut = block.rfind(b"<")
            if cut < 0:
                pending.append(block)
                continue
            pending.append(block[:cut])
            yield b"".join(pending)
            pending = [block[cut:]]
        yield b"".join(pending)


def _cut(data: bytes) -> Iterator[bytes]:
    """`data` in pieces cut before a `<`, as _file_pieces cuts a file."""
    start = 0
    while (cut := data.find(b"<", start + _PIECE)) > 0:
        yield data[start:cut]
        start = cut
    yield data[start:]


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

    def scan(self, pieces: Iterable[bytes], name: str = "") -> set[str]:
        """Private sources whose needles occur in `name` followed by the output made of `pieces` (see _file_pieces)."""
        found: set[str] = set()
        # The last words of the previous piece in each view, searched again with the next piece.
        ends: tuple[list[str], list[str]] = ([], [])
        segments = None
        for piece in pieces:
            if segments is not None:
                ends = (segments.before(len(segments.units), 0), segments.before(len(segments.units), 1))
            segments = self._piece(piece, name, ends, found)
            name = ""
        return found

    def _piece(self, piece: bytes, name: str, ends: tuple[list[str], list[str]], found: set[str]) -> _Segments:
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
            found |= self.secrets.sources_in(segments.around(at, 0)) | self.secrets.sources_in(segments.around(at, 1))
            at = look.find(1, at + 1)
        for view in (0, 1):
            self._across(view, flags, known, segments, found)
        return segments

    def _across(self, view: int, flags: bytes, entries: list[_Entry], segments: _Segments, found: set[str]) -> None:
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
            found |= self.secrets.sources_in(segments.around(order[j], view))

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
    return _Scanner(secrets).scan(_cut(text.encode("utf-8", "surrogatepass")))


def scan_site(site_dir: Path, secrets: Secrets, trusted_dirs: Iterable[Path] = ()) -> list[Hit]:
    """Every (output file, private source) pair where private text reached the site.

    A file identical to the file of the same path in one of `trusted_dirs`
    (an installed theme's own folder, never a user's) is a copy of what was
    published already, and is not read again.
    """
    hits: list[Hit] = []
    if not secrets.needles:
        return hits
    # What each trusted folder holds at its top: a file can only be in it under one of these names.
    trusted = [(os.fspath(folder), _names(folder)) for folder in trusted_dirs]
    scanner = _Scanner(secrets)
    for path, relative in _walk(site_dir):
        top = relative.split("/", 1)[0]
        if any(top in names and _same_file(path, os.path.join(folder, relative)) for folder, names in trusted):
            continue
        # The file's name is part of what is published: it comes first, as a line of its own.
        found = scanner.scan(_file_pieces(path), relative + "\n")
        hits.extend(Hit(relative, source) for source in sorted(found))
    return hits


def _names(folder: str | Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def _same_file(output: str, original: str) -> bool:
    try:
        if os.path.islink(output) or not os.path.isfile(original) or os.path.getsize(output) != os.path.getsize(original):
            return False
        with open(output, "rb") as one, open(original, "rb") as other:
            return one.read() == other.read()
    except OSError:
        return False


__all__ = ["Hit", "Secrets", "build_secrets", "find_needles", "is_meaningful", "iter_output_files", "scan_site", "words_of"]
