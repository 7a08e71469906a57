"""Which files under docs_dir a `mkdocs build` leaves out, decided as MkDocs decides it.

MkDocs matches each docs-relative path against gitignore patterns with the
pathspec library: dot files and `templates/` always, then `exclude_docs`, and
`draft_docs` outside `mkdocs serve`. The `careerfolio` command reads mkdocs.yml
itself, so it asks the same library the same question to check what the build checks.
"""

from __future__ import annotations

from collections.abc import Callable

import pathspec

# MkDocs' own defaults (mkdocs/structure/files.py): what no build ever holds.
_ALWAYS_LEFT_OUT = (".*", "/templates/")


def build_left_out(exclude_docs: str = "", draft_docs: str = "") -> Callable[[str], bool]:
    """A test of a docs-relative POSIX path: True when `mkdocs build` leaves the file out."""
    excluded = pathspec.GitIgnoreSpec.from_lines([*_ALWAYS_LEFT_OUT, *exclude_docs.splitlines()])
    # Matched on their own, as MkDocs does: a `!pattern` in draft_docs never brings back an excluded file.
    drafts = pathspec.GitIgnoreSpec.from_lines(draft_docs.splitlines())
    return lambda path: excluded.match_file(path) or drafts.match_file(path)
