"""The leak guard's fast scanner against a plain reference, and its false alarms on careers that share words.

The reference does what the guard promises in the plainest way: decode each
output (and its name), undo escapes, fold what a reader does not see inside a
word, split into words with and without tags, and look up every run of words.
The fast scanner must find exactly what it finds, on random sites.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from careerfolio.content.corpus import load_corpus
from careerfolio.privacy import guard
from careerfolio.privacy.guard import Secrets, Words, build_secrets, scan_site
from helpers import make_entry, make_skill

# -- the reference -----------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[/\\\"bfnrt])")
_IGNORABLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_INLINE = "a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|wbr"
# A word character here is \w or any non-ASCII character, as in UTF-8 bytes; `;` ends `&shy;`.
_GLUED = re.compile(r"(?<=[\w;\u0080-\U0010ffff])(?:</?(?:" + _INLINE + r")\b[^<>]*>)+(?=[\w\u0080-\U0010ffff])", re.I)
_TAG = re.compile(r"<[^<>]*>")


def _json_unescape(text: str) -> str:
    simple = {"/": "/", "\\": "\\", '"': '"', "b": " ", "f": " ", "n": " ", "r": " ", "t": " "}
    return _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "u" else simple[m.group(1)], text)


def reference_views(name: str, data: bytes) -> list[list[str]]:
    """The words of an output as the guard promises to read it: with its tags, and as a reader sees it."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = name + "\n" + data.decode("utf-8", errors="replace")
    text = html.unescape(html.unescape(_json_unescape(text)))
    text = unquote(text.replace("+", " "))
    text = _GLUED.sub("", text.translate(_IGNORABLE))
    return [_WORD.findall(text.casefold()), _WORD.findall(_TAG.sub(" ", text).casefold())]


def reference_found(words: list[str], secrets: Secrets) -> set[Words]:
    """Every needle that is a run of `words`: each length, each start."""
    return {
        tuple(words[start : start + length])
        for length in secrets.needles
        for start in range(len(words) - length + 1)
        if secrets.source_of(tuple(words[start : start + length])) is not None
    }


def reference_scan(site: Path, secrets: Secrets) -> set[tuple[str, str]]:
    """(output, private source) of every leak in `site`, read the plain way (regular files and names only)."""
    found: dict[str, set[Words]] = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found[relative] = set().union(*(reference_found(words, secrets) for words in reference_views(relative, data)))
    leaks = secrets.leaks(set().union(*found.values()))
    return {(output, secrets.source(needle)) for output, needles in found.items() for needle in needles & leaks}


# -- random sites ------------------------------------------------------------------------

_TEXT = "billing service outage team review migration budget offer salary quiet notes friday launch python data"
VOCABULARY = tuple(_TEXT.split())


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(low, high)))


def random_career(rng: random.Random) -> tuple[list[tuple[str, bytes]], list[str], list[str]]:
    """Files of a small career whose entries share a small vocabulary; its private and public lines."""
    files, private, public = [], [], []
    for index in range(rng.randint(2, 6)):
        title, body = _sentence(rng, 2, 6).capitalize(), _sentence(rng, 3, 12) + ".\n\n" + _sentence(rng, 3, 12) + "."
        visibility = rng.choice(["public", "private"])
        (public if visibility == "public" else private).extend([title, *body.split("\n\n")])
        files.append(make_entry(path=f"journal/e{index}.md", title=title, visibility=visibility, body=body))
    files.append(make_skill("python"))
    return files, private, public


def _mangle_word(rng: random.Random, word: str) -> str:
    """A word as a typography plugin may write it: one invisible character or inline tag inside, or as it is."""
    if len(word) < 2 or rng.random() < 0.6:
        return html.escape(word)
    cut = rng.randint(1, len(word) - 1)
    inside = rng.choice(["\u00ad", "&shy;", "&#173;", "\u200b", "\u2060", "\ufeff", "<wbr>", "<em>", "</em>", "<span class='h'>"])
    return word[:cut] + inside + word[cut:]


def _run(rng: random.Random, text: str) -> str:
    """A run of a line's words, starting anywhere, written with markup, escapes or invisible characters."""
    words = text.split()
    start = rng.randint(0, len(words) - 1)
    words = words[start : start + rng.randint(1, 7)]
    style = rng.choice(["plain", "markup", "json", "url", "attribute"])
    if style == "json":
        return json.dumps(" ".join(words)).replace("<", "\\u003c")
    if style == "url":
        return '<a href="/q?' + quote(" ".join(words)) + '">x</a>'
    if style == "attribute":
        return '<meta content="' + html.escape(" ".join(words)) + '">'
    if style == "markup":
        return " ".join(_mangle_word(rng, word) + rng.choice(["", "", "</p><p>", "<br>", "<li>", "<b>", "\n"]) for word in words)
    return " ".join(words)


def random_site(rng: random.Random, root: Path, private: list[str], public: list[str]) -> None:
    """A site whose files mix public and private runs, markup, escapes, links, gzip and folders."""
    for index in range(rng.randint(1, 5)):
        parts = []
        for _ in range(rng.randint(1, 12)):
            source = private if private and rng.random() < 0.3 else public
            parts.append(_run(rng, rng.choice(source)) if source else "")
            parts.append(rng.choice(["", " ", "<p>", "</p>", "<li>", "</li><li>", "<div>", '","', "<h2>", "\n"]))
        text = "".join(parts)
        folder = root / rng.choice(["", "journal", "journal/" + "-".join(rng.choice(VOCABULARY) for _ in range(3)), ".cache"])
        folder.mkdir(parents=True, exist_ok=True)
        name = rng.choice(["index.html", f"page{index}.html", "search_index.json", "feed.xml.gz"])
        data = text.encode()
        (folder / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    if rng.random() < 0.3:
        (root / "-".join(rng.choice(VOCABULARY) for _ in range(4))).mkdir(exist_ok=True)


@pytest.mark.parametrize("piece", [7, 64 * 1024], ids=["tiny-pieces", "default"])
def test_the_fast_scanner_finds_what_the_reference_finds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, piece: int) -> None:
    monkeypatch.setattr(guard, "_PIECE", piece)
    rng = random.Random(20261205)
    compared = leaking = 0
    for trial in range(60):
        files, private, public = random_career(rng)
        secrets = build_secrets(load_corpus(files))
        site = tmp_path / f"site{trial}"
        site.mkdir()
        random_site(rng, site, private, public)
        expected = reference_scan(site, secrets)
        found = {(hit.output, hit.source) for hit in scan_site(site, secrets) if not hit.problem}
        assert found == expected, f"trial {trial}"
        compared += 1
        leaking += bool(expected)
    # The sites are varied enough: some leak, some do not.
    assert compared == 60 and 10 < leaking < 55


def test_the_reference_reads_what_the_guard_promises() -> None:
    # The reference itself, on the cases the promise names.
    views = reference_views("a.html", "<p>Pri&shy;vate no\u200bte, pri<em>vate</em> <wbr>x</p><p>end</p>".encode())
    assert views[1] == ["a", "html", "private", "note", "private", "x", "end"]


# -- false alarms on public text alone -----------------------------------------------------


def public_only_pages(rng: random.Random, public_titles: list[str], public_lines: list[str]) -> list[str]:
    """Pages of public text only, laid out as a site lays it out: lists, search index, feeds, tables."""
    titles = public_titles[:]
    rng.shuffle(titles)
    lines = public_lines[:]
    rng.shuffle(lines)
    pairs = list(zip(map(html.escape, titles), map(html.escape, lines), strict=False))
    return [
        "<ul>" + "".join(f"<li><a href='/x/'>{title}</a></li>" for title, _ in pairs) + "</ul>",
        json.dumps({"docs": [{"location": "x/", "title": title, "text": f"<p>{line}</p>"} for title, line in pairs]}),
        "".join(f"<item><title>{title}</title><description>{line}</description></item>" for title, line in pairs),
        "<table>" + "".join(f"<tr><td>{title}</td><td>{line}</td></tr>" for title, line in pairs) + "</table>",
        "<p>" + " ".join(line for _, line in pairs) + "</p>",
    ]


def false_alarm_rate(careers: int, seed: int = 7) -> tuple[int, int]:
    """(careers whose public-only pages the guard reports, careers) over generated careers that share a small vocabulary."""
    rng = random.Random(seed)
    alarms = 0
    for _ in range(careers):
        files, titles, lines = [], [], []
        for index in range(rng.randint(8, 20)):
            title, body = _sentence(rng, 3, 7).capitalize(), _sentence(rng, 6, 14) + "."
            visibility = rng.choice(["public", "public", "private"])
            if visibility == "public":
                titles.append(title)
                lines.append(body)
            files.append(make_entry(path=f"journal/e{index}.md", title=title, visibility=visibility, body=body))
        secrets = build_secrets(load_corpus(files))
        alarms += any(guard.find_needles(page, secrets) for page in public_only_pages(rng, titles, lines))
    return alarms, careers


def test_no_false_alarm_on_public_text_side_by_side() -> None:
    # A page made only of public text is no leak, however its texts are laid side by side.
    alarms, careers = false_alarm_rate(200)
    assert alarms == 0, f"{alarms} of {careers} careers"
