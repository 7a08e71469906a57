"""Include mechanisms that can copy any file of the docs folder into a public page, whatever its visibility.

`pymdownx.snippets` (`--8<-- "content/checkups/2026-03-01.md"`) reads any
file under its `base_path`, and the macros plugin (`{% include "..." %}`) any
file under its `include_dir`, which is docs_dir unless set. Either pulls a
private file, front matter included, into a public page; the leak guard finds
its sentences, but not what is too short to tell from chance, such as a
check-up's scores. A public build, and a public export, refuse both unless
they are pointed at a folder that neither contains nor lies inside docs_dir.

Read without MkDocs: `careerfolio export` runs where only another engine is installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

SNIPPETS = "pymdownx.snippets"

SNIPPETS_REFUSED = (
    "pymdownx.snippets can include any file under its base_path, private files too. "
    "For a public build, set its base_path to a folder that neither contains nor lies inside docs_dir, "
    "and leave restrict_base_path on."
)
MACROS_REFUSED = (
    "the macros plugin can include any file under its include_dir, which is docs_dir unless you set it, private files too. "
    "For a public build, set its include_dir to a folder that neither contains nor lies inside docs_dir."
)


def is_snippets(extension: str) -> bool:
    """True for every name Python-Markdown loads snippets by: `pymdownx.snippets`, `pymdownx.snippets:SnippetExtension`."""
    return extension.partition(":")[0].strip() == SNIPPETS


def snippets_bases(extensions: Iterable[tuple[str, Any]]) -> list[str]:
    """The base paths of every snippets extension among (name, options) pairs; "." when one sets none, as its default is."""
    bases: list[str] = []
    for name, options in extensions:
        if not is_snippets(name):
            continue
        base = options.get("base_path", ["."]) if isinstance(options, Mapping) else ["."]
        bases += [str(base)] if isinstance(base, str | Path) else [str(item) for item in base or ()]
        if isinstance(options, Mapping) and options.get("restrict_base_path", True) is False:
            # Unrestricted, a snippet's path may climb out of its base (`../content/...`): any file is within reach.
            bases.append(os.path.abspath(os.sep))
    return bases


def reaches(docs: Path, folders: Iterable[str], roots: Iterable[Path]) -> bool:
    """Whether any of `folders`, a relative one read from each of `roots`, contains docs, lies inside it, or links into it."""
    docs = docs.resolve()
    for folder in folders:
        for root in roots:
            where = (root / folder).resolve()
            if _overlaps(where, docs) or _links_into(where, docs):
                return True
    return False


def _links_into(folder: Path, docs: Path) -> bool:
    """Whether a link anywhere under `folder` (`snippets/j -> ../content/journal`) leads into docs or to a folder holding it.

    Snippets and macros follow links, so such a link makes every file of docs includable; links
    to folders are followed here too, each real folder once, so a link two steps away is found.
    """
    seen: set[str] = set()
    for parent, dirs, files in os.walk(folder, followlinks=True):
        real_parent = os.path.realpath(parent)
        if real_parent in seen:
            dirs[:] = []  # a loop of links, or a folder reached twice
            continue
        seen.add(real_parent)
        for name in (*dirs, *files):
            path = os.path.join(parent, name)
            if os.path.islink(path) and _overlaps(Path(os.path.realpath(path)), docs):
                return True
    return False


def _overlaps(folder: Path, docs: Path) -> bool:
    """Whether `folder` (a real path) is docs, lies inside it or holds it."""
    return folder.is_relative_to(docs) or docs.is_relative_to(folder)


__all__ = ["MACROS_REFUSED", "SNIPPETS", "SNIPPETS_REFUSED", "is_snippets", "reaches", "snippets_bases"]
