"""Which files a build writes: the allow-list of the user's files, the generated pages and files, and the nav.

Only the user's files the plan names stay in MkDocs' list; every other one is
removed before MkDocs can build or copy it, and a public build hands its text
to the leak guard. A public build then copies only the files a rendered page
links to (see `copy_linked_files_only`), and keeps each page's links to what
is published (see `drop_private_links`).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from careerfolio.adapters.mkdocs.guardhook import Unpublished
from careerfolio.adapters.mkdocs.serve import WrittenFile
from careerfolio.adapters.mkdocs.siteconfig import prune_nav
from careerfolio.adapters.mkdocs.userfiles import LinkedOut, UserFiles
from careerfolio.content.corpus import Corpus
from careerfolio.content.loader import parse_source
from careerfolio.content.paths import looks_like_markdown
from careerfolio.plan.model import Site
from careerfolio.privacy.htmllinks import PublicLinks, drop_links

log = get_plugin_logger(__name__)

# Larger files left out of a public build are looked for by name only.
_MAX_TEXT_BYTES = 2 * 1024 * 1024


class AllowList:
    """The files one build may publish, decided from the plan; the rest are removed and, if public, remembered."""

    def __init__(self, site: Site, corpus: Corpus, config: MkDocsConfig, *, always_private: Callable[[str], bool]) -> None:
        self.site = site
        self.corpus = corpus
        # A public build: what the links of its rendered pages may point at (see htmllinks.PublicLinks).
        self.public_links = PublicLinks() if site.audience == "public" else None
        # Style sheets and scripts named in mkdocs.yml are on every page by the user's choice, but
        # no file of an always-private folder is ever published, named there or not.
        configured = {str(path) for path in (*config.extra_css, *config.extra_javascript)}
        if self.public_links is not None:
            refused = {path for path in configured if always_private(path.lstrip("/"))}
            for path in sorted(refused):
                log.warning(f"mkdocs.yml: extra_css or extra_javascript names {path}, a file of an always-private folder; it is left out")
            configured -= refused
            # Nor does a page name it: the theme writes a tag for each of these on every page.
            config.extra_css = [item for item in config.extra_css if str(item) not in refused]
            config.extra_javascript = [item for item in config.extra_javascript if str(item) not in refused]
        self.configured = frozenset(configured)
        # Docs files left out of a public build, for the leak guard.
        self.unpublished: Unpublished = []

    def apply(self, files: Files, user: UserFiles) -> None:
        """Remove from `files` every file of the user's that the plan does not name; mark the kept ones."""
        # Only the user's own planned files stay; a generated page may take a private file's place.
        planned = {page.src_path for page in self.site.pages if not page.generated}
        for file in user.files:
            keep = self._keeps(file, planned)
            if self.public_links is None and not user.shown(file.inclusion):
                continue  # a private build leaves MkDocs' exclusions to MkDocs
            if self.public_links is not None:
                self._know(file, published=keep)
            if not keep:
                files.remove(file)
                if self.public_links is not None:
                    self.unpublished.append((file.src_uri, self._unpublished_text(file, user.linked_out)))
            elif file.is_documentation_page():
                # Every page is reachable by link; only the plan's nav lists pages.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                file.__class__ = _CopiedIfThere
        if self.public_links is not None:
            # Where a private file of the user's had its path, links (and nav entries) lead to our page now.
            for page in self.site.pages:
                if page.generated:
                    self.public_links.add_generated(page.src_path)

    def _keeps(self, file: File, planned: set[str]) -> bool:
        if file.is_documentation_page():
            return file.src_uri in planned
        if looks_like_markdown(file.src_uri):
            return False  # MkDocs would copy `X.MD` raw, front matter and all
        return file.src_uri in self.site.assets or file.src_uri in self.configured

    def _know(self, file: File, *, published: bool) -> None:
        """Tell the public link check every name a link may use for one of the user's files."""
        assert self.public_links is not None
        if file.is_documentation_page():
            self.public_links.add_page(file.src_uri, file.url, file.dest_uri, published)
        else:
            self.public_links.add_file(file.src_uri, file.dest_uri, published)

    def add_planned_files(self, files: Files, config: MkDocsConfig, *, skipped: set[str]) -> None:
        """Add the plan's generated pages and files to `files`; `skipped` pages are left to their earlier output."""
        for page in self.site.pages:
            if not page.generated:
                continue
            # MkDocs takes a planned page's Markdown from on_page_read_source and its header joins in
            # on_page_content; the file holds the Markdown alone, so no header is rendered ahead of time.
            kind = WrittenFile if page.src_path in skipped else File
            files.append(kind.generated(config, page.src_path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for extra in self.site.files:
            files.append(File.generated(config, extra.dest_path, content=extra.content))

    def set_nav(self, config: MkDocsConfig, user: UserFiles) -> None:
        """The plan's nav when mkdocs.yml has none; in a public build, the user's nav without pages that are not public."""
        if config.nav is None and self.site.nav:
            config.nav = [{html.escape(item.title): item.src_path} for item in self.site.nav]
        elif config.nav is not None and self.public_links is not None:
            # MkDocs turns a nav entry for a missing page into a link shown on every page.
            user_markdown = {file.src_uri for file in user.files if looks_like_markdown(file.src_uri)}
            hidden = user_markdown - {page.src_path for page in self.site.pages}
            links = self.public_links

            def not_public(entry: str) -> bool:
                # An entry may name the page by its source path or, as a link, by its URL or output file;
                # nav links lead from the site's root.
                return entry in hidden or not links.allows("", "", entry)

            config.nav = prune_nav(config.nav, not_public, _warn_nav_pruned)

    def copy_linked_files_only(self, files: Files) -> None:
        """In a public build, of the user's files that may be published, leave only those a rendered page links to.

        Every page's Markdown is rendered by now (on_page_content) and nothing is copied yet.
        """
        if self.public_links is None:
            return
        # Style sheets and scripts named in mkdocs.yml are on every page by the user's choice.
        linked = self.public_links.linked_assets | self.configured
        for path in sorted(self.site.assets - linked):
            file = files.get_file_from_path(path)
            if file is not None and file.generated_by is None:
                files.remove(file)
                self.unpublished.append((path, self._unpublished_text(file, None)))

    def drop_private_links(self, html_text: str, page: Page, *, say: bool = True) -> str:
        """In a public build, the page's HTML without links to pages or files that are not public."""
        if self.public_links is None:
            return html_text
        # Links as the browser will find them in the rendered page, whatever Markdown or raw HTML made them.
        html_text, removed = drop_links(html_text, partial(self.public_links.allows, page.url, page.file.src_uri))
        if removed and say:
            log.warning(f"{page.file.src_uri}: links to a page or file that is not public; the link is removed")
        return html_text

    def _unpublished_text(self, file: File, linked_out: LinkedOut | None) -> str | None:
        """What the leak guard should look for from a file left out: its text when it is text."""
        if file.abs_src_path is None or (linked_out is not None and linked_out(file.abs_src_path)):
            return None
        if looks_like_markdown(file.src_uri):
            return self._unpublished_markdown(file)
        try:
            if os.path.getsize(file.abs_src_path) > _MAX_TEXT_BYTES:
                return None
            return file.content_bytes.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None  # a binary or unreadable file: its name is still looked for

    def _unpublished_markdown(self, file: File) -> str | None:
        if file.src_uri not in self.corpus.excluded:
            return None  # a record: the guard takes its fields and body from the corpus
        try:
            source = parse_source(file.src_uri, file.content_bytes)
        except OSError:
            return None  # gone since it was read: its name is still looked for
        title = source.meta.get("title")
        return f"{title if isinstance(title, str) else ''}\n{source.body}"


class _CopiedIfThere(File):
    """A file of the user's that MkDocs copies as it is, and that may be gone by then (an editor saving by rename)."""

    def copy_file(self, dirty: bool = False) -> None:
        try:
            super().copy_file(dirty)
        except FileNotFoundError:
            log.warning(f"{self.src_uri}: was deleted while the site was being built and is left out of it")


def _warn_nav_pruned() -> None:
    log.warning("mkdocs.yml: nav: an entry points at a page that is not public; it is left out of the public site")
