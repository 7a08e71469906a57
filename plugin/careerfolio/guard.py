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
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
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

Words = tuple[str, ...]


@dataclass(frozen=True)
class Secrets:
    """Needles of private text, each mapped to the private file it comes from."""

    needles: dict[int, dict[Words, str]] = field(default_factory=dict)  # by length in words

    def __len__(self) -> int:
        return sum(len(by_words) for by_words in self.needles.values())

    def sources(self) -> frozenset[str]:
        return frozenset(source for by_words in self.needles.values() for source in by_words.values())


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
    return tuple(_WORD.findall(text.casefold()))


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
    """Gathers private needles and public text, then keeps the needles that are not public."""

    def __init__(self) -> None:
        self.private: dict[Words, str] = {}
        # All public words in one list; a separator that is never a word keeps texts apart.
        self.public: list[str] = []

    def secret_text(self, source: str, *texts: str | None) -> None:
        for text in texts:
            if text:
                for line in _plain_lines(text):
                    for window in _windows(words_of(line)):
                        if is_meaningful(window):
                            self.private.setdefault(window, source)

    def secret_words(self, source: str, *all_words: Words) -> None:
        for words in all_words:
            for window in _windows(words):
                if is_meaningful(window):
                    self.private.setdefault(window, source)

    def public_text(self, *texts: str | None) -> None:
        for text in texts:
            if text:
                # Comments never reach the public site, so they do not make text public.
                # Link targets are left out: a link to a private page is removed from the public site.
                text = _LINK_ATTRIBUTE.sub(" ", _COMMENT.sub(" ", text))
                self.public.extend((*words_of(_LINK_DESTINATION.sub("]", text)), _SEPARATOR))
                # Needles are cut from text as a reader sees it; so is the public text they are checked against.
                for line in _plain_lines(text):
                    self.public.extend((*words_of(line), _SEPARATOR))

    def finish(self) -> Secrets:
        public: set[Words] = set()
        for length in {len(words) for words in self.private}:
            windows = zip(*(islice(self.public, i, None) for i in range(length)), strict=False)
            public.update(filter(self.private.__contains__, windows))
        needles: dict[int, dict[Words, str]] = {}
        for words, source in self.private.items():
            if words not in public:
                needles.setdefault(len(words), {})[words] = source
        return Secrets(needles)


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


def _views(text: str) -> list[str]:
    """The text with JSON, HTML and URL escapes undone, with and without tags.

    Undoing an escape only joins or splits words at punctuation, so the text
    as stored need not be searched again.
    """
    decoded = text
    if "\\" in decoded:
        decoded = _decode_json(decoded)
    # Twice: text escaped by one template and again by the next (`&amp;#39;`) is common.
    for _ in range(2):
        if "&" in decoded:
            decoded = html.unescape(decoded)
    if "%" in decoded:
        decoded = unquote(decoded.replace("+", " "))
    views = [decoded]
    if "<" in decoded:
        views.append(_TAG.sub(" ", decoded))
    return views


def read_output(path: Path) -> str:
    """An output file as text; gzip (by name or by content) is decompressed."""
    if path.is_dir() or not path.exists():
        return ""  # a link to a folder or to nothing: only its name is published
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        # Not gzip after all: searched as it is.
        with contextlib.suppress(zlib.error):
            data = zlib.decompressobj(wbits=31).decompress(data, _MAX_GUNZIP)
    return data.decode("utf-8", errors="replace")


def find_needles(text: str, secrets: Secrets) -> set[str]:
    """Private source paths whose needles occur in `text`, in any of its encodings."""
    found: set[str] = set()
    for view in _views(text):
        words = words_of(view)
        for length, by_words in secrets.needles.items():
            # One pass per window length; the membership test runs in C.
            windows = zip(*(islice(words, i, None) for i in range(length)), strict=False)
            found.update(by_words[hit] for hit in set(filter(by_words.__contains__, windows)))
    return found


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
        # The file's name is part of what is published.
        text = relative + "\n" + read_output(path)
        hits.extend(Hit(relative, source) for source in sorted(find_needles(text, secrets)))
    return hits


def _same_file(output: Path, original: Path) -> bool:
    try:
        if output.is_symlink() or not original.is_file() or output.stat().st_size != original.stat().st_size:
            return False
        return output.read_bytes() == original.read_bytes()
    except OSError:
        return False


__all__ = ["Hit", "Secrets", "build_secrets", "find_needles", "is_meaningful", "iter_output_files", "scan_site", "words_of"]
