"""The user's own files in docs_dir, as MkDocs lists them: which are careerfolio's to judge, and the Markdown read once.

MkDocs' own exclusions stand (dot files, templates/, exclude_docs, and
draft_docs outside serve): what it leaves out is no content of this build,
whatever its front matter says. A file that is a link out of docs_dir, or that
cannot be read, is no content either.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from careerfolio.content.paths import looks_like_markdown

log = get_plugin_logger(__name__)


class LinkedOut:
    """Tells which files under docs_dir are, or sit in a folder that is, a link to something outside it.

    Each folder is resolved once and each file only checked for being a link:
    resolving every path in full costs a system call per folder of every file.
    """

    def __init__(self, docs_real: Path) -> None:
        self.docs_real = str(docs_real)
        self._prefix = self.docs_real.rstrip(os.sep) + os.sep
        self._folders: dict[str, str] = {}  # a folder -> its real path

    def __call__(self, path: str) -> bool:
        return self.real_path(path) is None

    def real_path(self, path: str) -> str | None:
        """The docs-relative POSIX path of the file `path` really is (a link inside docs_dir leads elsewhere in it); None outside."""
        real = self._real(path)
        if real == self.docs_real:
            return ""
        return real[len(self._prefix) :].replace(os.sep, "/") if real.startswith(self._prefix) else None

    def _real(self, path: str) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        folder = os.path.dirname(path)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        return os.path.join(real_folder, os.path.basename(path))


@dataclass
class UserFiles:
    """The files of docs_dir that MkDocs listed: what this build reads, and what MkDocs itself shows."""

    linked_out: LinkedOut
    # MkDocs' own answer to whether a file is in this build (serve shows drafts).
    shown: Callable[[InclusionLevel], bool]
    # Every file of docs_dir MkDocs listed, shown or not, links out included, unreadable ones not: files.py keeps or removes each.
    files: list[File] = field(default_factory=list)
    # (docs-relative path, bytes) of each Markdown file in the build.
    markdown: list[tuple[str, bytes]] = field(default_factory=list)
    # Docs-relative paths of the other files in the build (images, PDFs).
    assets: list[str] = field(default_factory=list)

    @property
    def markdown_paths(self) -> frozenset[str]:
        return frozenset(path for path, _ in self.markdown)


def gather_user_files(
    files: Files, config: MkDocsConfig, *, serving: bool, read: Callable[[File], bytes], always_private: Callable[[str], bool]
) -> UserFiles:
    """The user's files among `files`, their Markdown read by `read`; an unreadable file is removed from `files` too.

    A file reached through a link inside docs_dir (`people -> network`) is judged where it really is: when
    that is an always-private folder, it is no content of this build, whatever its path says.
    """
    docs = Path(config.docs_dir).absolute()
    inside = _Inside(str(docs))
    found = UserFiles(LinkedOut(docs.resolve()), InclusionLevel.is_in_serve if serving else InclusionLevel.is_included)
    for file in list(files):
        if file.generated_by is not None or file.abs_src_path is None or not inside(file.abs_src_path):
            continue  # theme files and other plugins' files
        real = found.linked_out.real_path(file.abs_src_path)
        if real is None:
            # MkDocs follows links out of docs_dir; what they point at is not content.
            log.warning(f"{file.src_uri}: is a link to a file outside {docs.name}/ and is left out of the build")
        elif real != file.src_uri and always_private(real) and not always_private(file.src_uri):
            # Judged where it really is: `people -> network` makes no contact an ordinary page.
            log.warning(f"{file.src_uri}: is reached through a link to an always-private file and is left out of the build")
        elif found.shown(file.inclusion) and looks_like_markdown(file.src_uri):
            if not _read_markdown(file, read, found):
                files.remove(file)  # MkDocs must not read it either
                continue
        elif found.shown(file.inclusion):
            found.assets.append(file.src_uri)
        found.files.append(file)
    return found


def _read_markdown(file: File, read: Callable[[File], bytes], found: UserFiles) -> bool:
    """Add the file's bytes to `found`; False when it cannot be read."""
    try:
        found.markdown.append((file.src_uri, read(file)))
    except OSError as exc:
        # Deleted since MkDocs listed it (an editor saving by rename), or not readable.
        log.warning(f"{file.src_uri}: cannot be read ({exc.strerror or 'unknown error'}) and is left out of the build")
        return False
    return True


class _Inside:
    """Tells whether a path lies in a folder, by its text as Path.relative_to does, without a Path per file."""

    def __init__(self, folder: str) -> None:
        self._folder = folder
        self._prefix = folder.rstrip(os.sep) + os.sep

    def __call__(self, path: str) -> bool:
        path = path if os.path.isabs(path) else os.path.abspath(path)
        return path == self._folder or path.startswith(self._prefix)
