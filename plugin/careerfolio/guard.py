"""The leak guard: finds text of private files anywhere in a finished public site.

A public build is planned from `corpus.public()` only, so a leak means a bug, a
stale file or another plugin. The guard does not trust the plan: it takes
*needles* from every private record (and from the private parts of public
ones), then reads every output file, dot files and `.gz` files included, and
looks for them.

Text is compared as a sequence of lowercase words (`\\w+`), after undoing
JSON escapes (`\\u00e9`, `\\/`), HTML character references and URL encoding,
with and without HTML tags. Words make the comparison blind to Markdown
markup, punctuation, escaping and line breaks, and let one pass per window
length check every needle at once (a set lookup per position).

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
import html
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, compress, count, pairwise
from pathlib import Path
from urllib.parse import unquote

from .corpus import Corpus
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

_WORD = re.compile(r"\w+")
_SEPARATOR = "\x00"  # never matched by _WORD, so no window across two texts is a needle
# MIN_LETTERS letters, with any non-letters (digits, spaces, underscores) between them.
_ENOUGH_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){" + str(MIN_LETTERS) + "}")
_LINK_DESTINATION = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^<>]*>")
_LINK_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"[^"]*"|'[^']*')""")
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

    def __len__(self) -> int:
        return sum(len(by_words) for by_words in self.needles.values())

    def sources(self) -> frozenset[str]:
        return frozenset(source for by_words in self.needles.values() for source in by_words.values())

    def sources_in(self, words: list[str]) -> set[str]:
        """Private source paths whose needles occur in `words`."""
        return {self.needles[len(needle)][needle] for needle in self._finder.find(words)}

    @cached_property
    def _finder(self) -> _Finder:
        return _Finder(self.needles)


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
    pairs = list(pairwise(words))
    sizes = list(map(len, map("".join, pairs)))
    return pairs[sizes.index(max(sizes))]


class _Finder:
    """Finds needles (by length in words) in a list of words.

    Each needle of two or more words has an *anchor* (see _anchor). One pass
    in C over the pairs of adjacent words of the list finds the places where
    an anchor is; only there are the windows around it looked up. A needle of
    one word is looked for with one set intersection.
    """

    def __init__(self, needles: dict[int, dict[Words, str]]) -> None:
        self.longer = [(length, by_words) for length, by_words in sorted(needles.items()) if length > 1]
        self.single = frozenset(words[0] for words in needles.get(1, {}))
        self.anchors = frozenset(_anchor(words) for _, by_words in self.longer for words in by_words)

    def find(self, words: list[str]) -> Iterator[Words]:
        """The needles that occur in `words`, some more than once."""
        if self.single:
            for word in self.single.intersection(words):
                yield (word,)
        anchored = map(self.anchors.__contains__, pairwise(words))
        for at in compress(count(), anchored):
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
    text = _COMMENT.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = _LINK_DESTINATION.sub("]", text)
    for line in text.split("\n"):
        yield _TAG.sub(" ", line)


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
                if is_meaningful(window):
                    self.private.setdefault(len(window), {}).setdefault(window, source)

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
            text = _LINK_ATTRIBUTE.sub(" ", _COMMENT.sub(" ", text))
            batch += _split_words(_LINK_DESTINATION.sub("]", text))
            batch.append("")
            # Needles are cut from text as a reader sees it; so is the public text they are checked against.
            for line in _plain_lines(text):
                batch += _split_words(line)
                batch.append("")
            if len(batch) > _PIECE:
                public.update(finder.find(batch))
                batch.clear()
        public.update(finder.find(batch))
        for words in public:
            del self.private[len(words)][words]
        return Secrets({length: by_words for length, by_words in self.private.items() if by_words})


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


def _comments(body: str) -> list[str]:
    """HTML comments of a public body: they are stripped from the site, so they are private."""
    return [match.group(1) for match in _COMMENT.finditer(body)]


# -- scanning ------------------------------------------------------------------------


def iter_output_files(site_dir: Path) -> Iterator[Path]:
    """Every file under `site_dir`, dot files and dot folders included, in a stable order."""
    for folder, dirs, files in os.walk(site_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield Path(folder) / name
        # A link to a folder is listed as a folder; report it as a file so that it is read.
        for name in dirs:
            if (Path(folder) / name).is_symlink():
                yield Path(folder) / name


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


def _file_pieces(path: Path) -> Iterator[bytes]:
    """An output file's bytes, gzip (by name or by content) decompressed, in pieces cut before a `<`.

    Cutting there changes nothing the guard sees: `<` is no word and is part
    of no JSON, HTML or URL escape, and an HTML tag (`<` to the next `>`,
    with no `<` between) can only start at it. A large file is read a piece at
    a time, so that it is never in memory whole.
    """
    if path.is_dir() or not path.exists():
        yield b""  # a link to a folder or to nothing: only its name is published
        return
    with path.open("rb") as file:
        first = file.read(_PIECE)
        if first[:2] == b"\x1f\x8b":
            data = first + file.read()
            # Not gzip after all: searched as it is.
            with contextlib.suppress(zlib.error):
                data = zlib.decompressobj(wbits=31).decompress(data, _MAX_GUNZIP)
            blocks: Iterable[bytes] = (data[i : i + _PIECE] for i in range(0, len(data), _PIECE))
        else:
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


def _text_pieces(text: str) -> Iterator[str]:
    """`text` in pieces cut before a `<`, as _file_pieces cuts a file."""
    start = 0
    while (cut := text.find("<", start + _PIECE)) > 0:
        yield text[start:cut]
        start = cut
    yield text[start:]


def _find_in_pieces(pieces: Iterable[str], secrets: Secrets) -> set[str]:
    """Private source paths whose needles occur in the text made of `pieces`.

    Each piece is searched in two views: escapes undone, and escapes undone
    with tags left out. The last words of the previous piece are searched
    again with each, so that a needle across two pieces is found too.
    """
    found: set[str] = set()
    tail: list[str] = []
    plain_tail: list[str] = []
    for piece in pieces:
        decoded = _unescape(piece)
        view = _split_words(decoded)
        plain_view = _split_words(_TAG.sub(" ", decoded)) if "<" in decoded else view
        words, plain = tail + view, plain_tail + plain_view
        found |= secrets.sources_in(words)
        if plain != words:
            found |= secrets.sources_in(plain)
        tail, plain_tail = words[1 - WINDOW :], plain[1 - WINDOW :]
    return found


def find_needles(text: str, secrets: Secrets) -> set[str]:
    """Private source paths whose needles occur in `text`, in any of its encodings."""
    return _find_in_pieces(_text_pieces(text), secrets)


def scan_site(site_dir: Path, secrets: Secrets, trusted_dirs: Iterable[Path] = ()) -> list[Hit]:
    """Every (output file, private source) pair where private text reached the site.

    A file identical to the file of the same path in one of `trusted_dirs`
    (an installed theme's own folder, never a user's) is a copy of what was
    published already, and is not read again.
    """
    hits: list[Hit] = []
    if not secrets.needles:
        return hits
    trusted = tuple(trusted_dirs)
    for path in iter_output_files(site_dir):
        relative = path.relative_to(site_dir).as_posix()
        if any(_same_file(path, folder / relative) for folder in trusted):
            continue
        # The file's name is part of what is published: it comes first, as a line of its own.
        pieces = (piece.decode("utf-8", errors="replace") for piece in _file_pieces(path))
        found = _find_in_pieces(chain((relative + "\n" + next(pieces),), pieces), secrets)
        hits.extend(Hit(relative, source) for source in sorted(found))
    return hits


def _same_file(output: Path, original: Path) -> bool:
    try:
        if output.is_symlink() or not original.is_file() or output.stat().st_size != original.stat().st_size:
            return False
        return output.read_bytes() == original.read_bytes()
    except OSError:
        return False


__all__ = ["Hit", "Secrets", "build_secrets", "find_needles", "is_meaningful", "iter_output_files", "scan_site", "words_of"]
