"""`mkdocs serve` and `--dirty`: what one serve session keeps between rebuilds, and which pages a rebuild redoes.

MkDocs builds everything again after each save. A session reads again only the
files whose stamp changed and checks again only the records whose bytes
changed. Under --dirty, which redoes a page only when its own file is newer,
it also redoes the pages that show a saved file, every page when a template or
mkdocs.yml changed, and removes the pages of deleted files; with the speed
tricks on it leaves alone the generated pages whose output is still right.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from careerfolio.content.corpus import Checked, Corpus, build_corpus
from careerfolio.content.loader import SourceCache
from careerfolio.plan.dependents import stale_pages
from careerfolio.plan.model import Site, SitePage
from careerfolio.settings import Settings
from careerfolio.views.render import templates_dir

log = get_plugin_logger(__name__)

# From this many Markdown files on, a full rebuild after each save takes seconds: serve suggests --dirty.
SERVE_DIRTY_HINT_FILES = 1000


class ServeSession:
    """What the rebuilds of one `mkdocs serve` share: files read, records checked, pages written."""

    def __init__(self, *, dirty: bool) -> None:
        self.dirty = dirty
        self._dirty_hint_due = not dirty  # said once per session
        self._sources = SourceCache()
        self._checked: dict[str, Checked] = {}
        self._corpus: Corpus | None = None
        self._written = _WrittenPages()
        # mkdocs.yml, templates and nav as the last build saw them (see _look_key).
        self._look: object = None
        # The site folder and the page files the last build wrote into it.
        self._pages_written: tuple[str, frozenset[str]] = ("", frozenset())
        self._listed: object = None  # what decided them: the site folder, the URL style and every file's source path

    def read(self, file: File) -> bytes:
        """A Markdown file's bytes, read again only when the file system says it changed."""
        stamp = _stamp(file.abs_src_path) if file.abs_src_path is not None else None
        if stamp is None:
            return file.content_bytes  # MkDocs' own error, as in a build
        return self._sources.read(file.src_uri, stamp, lambda: file.content_bytes)

    def build_corpus(self, markdown: Sequence[tuple[str, bytes]], settings: Settings, files: Files) -> Corpus:
        """The corpus of this rebuild; files whose bytes did not change are not parsed or checked again."""
        before, changed = self._corpus, self._sources.changed(markdown)
        self._sources.keep_only(path for path, _ in markdown)
        corpus = self._corpus = build_corpus((self._sources.parse(path, data) for path, data in markdown), settings, self._checked)
        if self.dirty and before is not None:
            _rebuild_with(files, stale_pages(before, corpus, changed))
        elif self._dirty_hint_due and len(markdown) >= SERVE_DIRTY_HINT_FILES:
            self._dirty_hint_due = False
            log.info(
                f"{len(markdown)} Markdown files: after each save MkDocs builds every page again; "
                "`mkdocs serve --dirty` rebuilds only the pages the saved file shows on"
            )
        return corpus

    def pages_to_skip(self, config: MkDocsConfig, files: Files, site: Site, *, speed_tricks: bool) -> tuple[set[str], dict[str, str]]:
        """Under --dirty: the generated pages a rebuild may leave alone, and headers rendered to find them.

        Called before the generated pages join `files`. An edited template or
        setting changes every page, so every user's page is redone then too.
        """
        if not self.dirty:
            return set(), {}
        look = _look_key(config)
        if self._look is not None and look != self._look:
            # MkDocs' --dirty redoes a page only when its own file changed; the user's pages too.
            _rebuild_with(files, [file.src_uri for file in files.documentation_pages()])
        self._look = look
        if not speed_tricks:
            return set(), {}
        generated = [page for page in site.pages if page.generated]
        paths = [file.src_uri for file in files] + [page.src_path for page in generated] + [f.dest_path for f in site.files]
        return self._unchanged_pages(generated, (look, frozenset(paths)))

    def _unchanged_pages(self, generated: list[SitePage], build_key: object) -> tuple[set[str], dict[str, str]]:
        """The generated pages whose output written by an earlier build still is what they show.

        MkDocs rebuilds every generated page after each save (it has no file
        date to go by); on a long career that is dozens of achievements pages
        of which a save changes one or two. Only pages that are all header are
        kept: Markdown may pull in other files (snippets), which no plan shows.
        """
        prerendered: dict[str, str] = {}
        self._written.start(build_key)
        unchanged = set()
        for page in generated:
            if page.markdown.strip():
                continue
            if page.inputs is not None:
                header: object = page.inputs
            else:
                header = page.header_html()
                if callable(page.header):
                    prerendered[page.src_path] = header  # rendered once, whether MkDocs builds the page or not
            if self._written.unchanged(page.src_path, (page.title, page.meta, page.markdown, header)):
                unchanged.add(page.src_path)
        return unchanged, prerendered

    def remove_gone_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Under --dirty, delete the pages of files that are gone since the last build.

        MkDocs' --dirty never cleans the site folder, so a deleted or renamed
        entry, or a year left without entries, would still be served.
        """
        if not self.dirty:
            return
        # Where each page goes follows from its source path and these; when none changed, no page is gone.
        listed = (config.site_dir, config.use_directory_urls, frozenset(files.src_uris))
        if listed == self._listed:
            return
        self._listed = listed
        pages = {file.abs_dest_path for file in files.documentation_pages()}
        if self._pages_written[0] == config.site_dir:
            for gone in self._pages_written[1] - pages:
                with contextlib.suppress(OSError):
                    os.remove(gone)
        self._pages_written = (config.site_dir, frozenset(pages))

    def wrote(self, src_path: str) -> None:
        """MkDocs has rendered this page."""
        self._written.wrote(src_path)

    def forget_written(self) -> None:
        """A build failed: its pages may be written or not, so none is known to be up to date."""
        self._written.forget()


class WrittenFile(File):
    """A generated page whose output from an earlier build is still right: a --dirty build skips it."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class _WrittenPages:
    """What each generated page was written from in the builds of one `mkdocs serve --dirty`.

    A page counts as written only once MkDocs has rendered it (on_post_page);
    a failed build forgets everything, so a page is never taken for up to date
    when its output may be older or newer than what was recorded.
    """

    def __init__(self) -> None:
        self._key: object = None
        self._written: dict[str, object] = {}
        self._pending: dict[str, object] = {}

    def start(self, key: object) -> None:
        """Begin a build; `key` is what every page's output shares (config, nav, the set of files)."""
        if key != self._key:
            self._written.clear()
        self._key = key
        self._pending.clear()

    def unchanged(self, src_path: str, made_from: object) -> bool:
        """True when the page was last written from `made_from`; else it waits for wrote()."""
        if self._written.get(src_path, _NOTHING) == made_from:
            return True
        self._written.pop(src_path, None)
        self._pending[src_path] = made_from
        return False

    def wrote(self, src_path: str) -> None:
        """MkDocs has rendered the page from what unchanged() was last given."""
        if (made_from := self._pending.pop(src_path, _NOTHING)) is not _NOTHING:
            self._written[src_path] = made_from

    def forget(self) -> None:
        self._written.clear()
        self._pending.clear()


_NOTHING = object()


def _rebuild_with(files: Files, src_paths: Iterable[str]) -> None:
    """Have a --dirty rebuild redo these pages too: it rebuilds a page whose output is older than its file, or missing."""
    for path in src_paths:
        file = files.get_file_from_path(path)
        if file is not None and file.abs_src_path is not None:
            with contextlib.suppress(OSError):
                os.remove(file.abs_dest_path)


def _look_key(config: MkDocsConfig) -> object:
    """What every page's HTML shares beyond its own content and the set of files: mkdocs.yml, templates and the nav."""
    # The theme's own folder is left out: it is not watched unless asked for, and it holds thousands of icons.
    template_folders = [templates_dir(), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    templates = [(str(path), _stamp(path)) for folder in template_folders for path in sorted(folder.rglob("*"))]
    return (_stamp(config.config_file_path or ""), templates, repr(config.nav), tuple(config.theme.dirs))


def _stamp(path: str | Path) -> tuple[int, int, int, int] | None:
    """What the file system says of a file without opening it; None when it cannot be read.

    The change time moves on every write, even one that keeps the size and sets the modification time back.
    """
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
