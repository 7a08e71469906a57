"""What the Markdown of a public page loses before it is published.

HTML comments are notes to oneself: Markdown passes them into the HTML, so a
public page drops them. A link from a public page to a page that is not
public would publish that page's address; the link is removed and its text
kept, and the problem names the line, never the page. Code (fenced blocks and
inline spans) is shown as written, so it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from careerfolio.content.corpus import Corpus
from careerfolio.content.links import resolve_target
from careerfolio.content.records import Entry, Item, Page, Profile, Role, Skill
from careerfolio.content.urls import page_url
from careerfolio.problems import Problem, Severity, Words

LINK_REMOVED = "links to a page that is not public; the link is removed"
COMMENT_UNCLOSED = "has an HTML comment (<!--) that is never closed; everything after it is left out of the public page"

# Python-Markdown's fenced code starts at the first column; an indented fence is text, and a
# comment inside it would be published, so only first-column fences protect what they hold.
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CLOSING_FENCE = re.compile(r"^(`{3,}|~{3,})[ \t]*$")
# Within one line: Markdown ends a code span at a block boundary, such as a comment on its own line.
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BRACKETED = r"\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
_INLINE_LINK = re.compile(
    r"(!?)" + _BRACKETED + r"""\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)"""
)
_REFERENCE_USE = re.compile(r"(!?)" + _BRACKETED + r"(?:\[([^\[\]]*)\])?(?![(:])")
_DEFINITION = re.compile(r"""^ {0,3}\[([^\[\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$""", re.MULTILINE)
_HTML_LINK_ATTRIBUTE = re.compile(r"""(<[a-zA-Z][^<>]*?)\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


_R = TypeVar("_R", Entry, Skill, Role, Page, Profile, Item)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def redact_corpus(corpus: Corpus, user_pages: Iterable[str]) -> tuple[Corpus, list[Problem]]:
    """The public corpus with every body redacted, and a problem for each removed link.

    `user_pages` are the docs-relative paths of all the user's Markdown files;
    those that are not public are the pages a public body must not link to.
    """
    hidden = frozenset(user_pages) - corpus.public_paths()
    targets = _hidden_targets(hidden)
    problems: list[Problem] = []

    def clean(record: _R) -> _R:
        body, found = redact_markdown(record.path, record.body, targets, record.body_line)
        problems.extend(found)
        return replace(record, body=body)

    redacted = replace(
        corpus,
        entries=tuple(map(clean, corpus.entries)),
        skills=tuple(map(clean, corpus.skills)),
        roles=tuple(map(clean, corpus.roles)),
        pages=tuple(map(clean, corpus.pages)),
        items=tuple(map(clean, corpus.items)),
        profile=clean(corpus.profile) if corpus.profile is not None else None,
    )
    return redacted, problems


def _hidden_targets(hidden: Iterable[str]) -> frozenset[str]:
    """Docs paths of hidden pages and every address they would have had."""
    targets = set()
    for path in hidden:
        targets.add(path)
        for directory_urls in (True, False):
            url = page_url(path, directory_urls)
            targets.update({url, url.rstrip("/")} if url else set())
    targets.discard("")
    return frozenset(targets)


def redact_markdown(src_path: str, markdown: str, hidden: frozenset[str], first_line: int = 1) -> tuple[str, list[Problem]]:
    """`markdown` without HTML comments and without links to `hidden` targets.

    `first_line` is the line of the file on which `markdown` starts, so that
    problems point into the file.
    """
    edits: list[_Edit] = []
    problems: list[Problem] = []
    for start, text in _prose(markdown):
        edits.extend(_edits_in(src_path, markdown, start, text, hidden, first_line, problems))
    out = markdown
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: edit.start] + edit.text + out[edit.end :]
    return out, sorted(problems, key=lambda p: p.line or 0)


def _prose(markdown: str) -> list[tuple[int, str]]:
    """(offset, text) of the parts outside fenced code blocks."""
    parts: list[tuple[int, str]] = []
    fence: str | None = None
    offset = start = 0
    for line in markdown.splitlines(keepends=True):
        if fence is None:
            opening = _FENCE.match(line)
            if opening:
                parts.append((start, markdown[start:offset]))
                fence = opening.group(1)
        else:
            closing = _CLOSING_FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence = None
                start = offset + len(line)
        offset += len(line)
    if fence is None:
        parts.append((start, markdown[start:]))
    return [(s, t) for s, t in parts if t]


def _edits_in(
    src_path: str, markdown: str, base: int, text: str, hidden: frozenset[str], first_line: int, problems: list[Problem]
) -> list[_Edit]:
    def line_at(offset: int) -> int:
        return first_line + markdown.count("\n", 0, base + offset)

    protected = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
    edits: list[_Edit] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in protected) and not any(
            e.start < base + end and base + start < e.end for e in edits
        )

    # Comments first: a link inside a comment goes with it.
    position = 0
    while (opening := text.find("<!--", position)) != -1:
        if any(s <= opening < e for s, e in protected):
            position = opening + 4
            continue
        match = _COMMENT.match(text, opening)
        end = match.end() if match else len(text)
        if match is None:
            said = Words("problem.comment_unclosed")
            problems.append(Problem(src_path, line_at(opening), None, COMMENT_UNCLOSED, Severity.WARNING, said=said))
        # Keep the line breaks, so that later lines keep their numbers.
        edits.append(_Edit(base + opening, base + end, "\n" * text.count("\n", opening, end)))
        position = end

    def is_hidden(raw: str) -> bool:
        target = resolve_target(src_path, raw.strip("<>"))
        return target is not None and (target in hidden or target.rstrip("/") in hidden)

    def drop(start: int, end: int, replacement: str) -> None:
        problems.append(Problem(src_path, line_at(start), None, LINK_REMOVED, Severity.WARNING, said=Words("problem.link_removed")))
        edits.append(_Edit(base + start, base + end, replacement))

    labels: set[str] = set()
    for match in _DEFINITION.finditer(text):
        if free(match.start(), match.end()) and is_hidden(match.group(2)):
            labels.add(_label(match.group(1)))
            drop(match.start(), match.end(), "")
    for match in _INLINE_LINK.finditer(text):
        if free(match.start(), match.end()) and is_hidden(match.group(3)):
            drop(match.start(), match.end(), match.group(2))
    if labels:
        for match in _REFERENCE_USE.finditer(text):
            label = _label(match.group(3) or match.group(2))
            if label in labels and free(match.start(), match.end()):
                edits.append(_Edit(base + match.start(), base + match.end(), match.group(2)))
    for match in _HTML_LINK_ATTRIBUTE.finditer(text):
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        if free(match.start(), match.end()) and is_hidden(raw):
            drop(match.start(), match.end(), match.group(1))
    return edits


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


__all__ = ["COMMENT_UNCLOSED", "LINK_REMOVED", "redact_corpus", "redact_markdown"]
