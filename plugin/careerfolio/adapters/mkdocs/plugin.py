"""The thin MkDocs adapter: the only module that imports mkdocs.

It reads every Markdown file once, hands the core (path, bytes) pairs, and
applies the resulting `Site` plan: which files MkDocs may build or copy, what
Markdown each page renders, which generated pages and files exist, and the
nav. Problems go through MkDocs' plugin logger so that `--strict` fails on them.
"""

from __future__ import annotations

import contextlib
import html
import ipaddress
import os
import posixpath
import re
import secrets
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import TemplateContext

from careerfolio.adapters.mkdocs.siteconfig import config_strings, prune_nav
from careerfolio.content.corpus import Checked, Corpus, build_corpus, load_corpus
from careerfolio.content.dates import build_today
from careerfolio.content.loader import SourceCache, parse_source
from careerfolio.content.paths import looks_like_markdown
from careerfolio.plan.dependents import stale_pages
from careerfolio.plan.model import restore_blocks
from careerfolio.plan.site import BuildContext, Site, SitePage, build_site
from careerfolio.privacy.guard import Hit, build_secrets, remove_outputs, scan_site
from careerfolio.privacy.guardrun import GuardRun, forking_possible
from careerfolio.privacy.htmllinks import PublicLinks, drop_links
from careerfolio.settings import Settings, SettingsError, build_settings
from careerfolio.views.compiled import CompiledTemplates, default_cache_folder
from careerfolio.views.dashboard import DASHBOARD_CSS
from careerfolio.views.messages import ENGLISH, MessagesError, load_messages
from careerfolio.views.render import templates_dir
from careerfolio.views.searchtext import search_stand_in, search_text
from careerfolio.views.variants import ResumeVariant, VariantError, parse_variants

log = get_plugin_logger(__name__)

AUDIENCE_ENV = "CAREERFOLIO_AUDIENCE"
# Set to "off" to build without any speed trick (see speed_tricks_wanted): the output must be the same.
SPEED_TRICKS_ENV = "CAREERFOLIO_SPEED_TRICKS"
PRIVATE_SITE_DIR = "site-private"
# Where templates/overrides/partials/nav.html finds the theme's own partial of the same name.
THEME_PREFIX = "careerfolio-theme"
# Front matter keys of ordinary pages that Material understands and that carry no text.
_PASSTHROUGH_META = ("hide", "icon", "status", "search", "template")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Larger files left out of a public build are looked for by name only.
_MAX_TEXT_BYTES = 2 * 1024 * 1024
_MAX_HITS_SHOWN = 30


class CareerfolioConfig(base.Config):
    """The options as MkDocs sees them; `settings.build_settings` judges them, for the command line too."""

    audience = c.Choice(("public", "private"), default=Settings.audience)
    """Which site `mkdocs build` makes; the CAREERFOLIO_AUDIENCE variable overrides it."""
    journal_dir = c.Type(str, default=Settings.journal_dir)
    """Folder of journal entries, under docs_dir (it may be nested, such as notes/journal)."""
    skills_dir = c.Type(str, default=Settings.skills_dir)
    checkups_dir = c.Type(str, default=Settings.checkups_dir)
    roles_dir = c.Type(str, default=Settings.roles_dir)
    network_dir = c.Type(str, default=Settings.network_dir)
    decisions_dir = c.Type(str, default=Settings.decisions_dir)
    education_dir = c.Type(str, default=Settings.education_dir)
    certifications_dir = c.Type(str, default=Settings.certifications_dir)
    projects_dir = c.Type(str, default=Settings.projects_dir)
    publications_dir = c.Type(str, default=Settings.publications_dir)
    awards_dir = c.Type(str, default=Settings.awards_dir)
    profile_file = c.Type(str, default=Settings.profile_file)
    layoff_plan_file = c.Type(str, default=Settings.layoff_plan_file)
    checkup_every = c.Type(int, default=Settings.checkup_every)
    """Days between check-ups before one is overdue."""
    stale_after = c.Type(int, default=Settings.stale_after)
    """Days without evidence after which a skill is going stale."""
    contact_every = c.Type(int, default=Settings.contact_every)
    """Default days between contacts, for contacts without `every`."""
    messages = c.Optional(c.File(exists=True))
    """A YAML file of your own words (templates/messages/en.yaml lists the keys), over those of theme.language."""
    resumes = c.Type(dict, default={})
    """Tailored résumés: a variant id mapped to {tags: [...], skills: [...], headline: "..."}."""
    serve_private_on_any_address = c.Type(bool, default=Settings.serve_private_on_any_address)
    """Allow `mkdocs serve` to show the private site on an address other than loopback."""


# From this many Markdown files on, a full rebuild after each save takes seconds: serve suggests --dirty.
SERVE_DIRTY_HINT_FILES = 1000


class CareerfolioPlugin(BasePlugin[CareerfolioConfig]):
    """Builds the private dashboard or the public portfolio from the career files."""

    def __init__(self) -> None:
        self.command: str = "build"
        self.audience: Literal["public", "private"] = "public"
        self.resumes: tuple[ResumeVariant, ...] = ()
        self.messages = ENGLISH
        self.corpus: Corpus | None = None
        self.site: Site | None = None
        self.sources = SourceCache()  # kept across the rebuilds of one `mkdocs serve`
        self.compiled_templates = CompiledTemplates(default_cache_folder())  # likewise
        self.checked: dict[str, Checked] = {}  # likewise: each file's validated record
        self.dirty = False
        self.dirty_hint_due = False
        # Pages between on_page_content and on_page_context: (the header's search stand-in, the header).
        self.headers: dict[str, tuple[str, str]] = {}
        # Pages between on_page_content and on_page_context: their blocks of HTML (see SitePage.blocks).
        self.blocks: dict[str, tuple[str, ...]] = {}
        # A public build: what the links of its rendered pages may point at (see htmllinks.PublicLinks).
        self.public_links: PublicLinks | None = None
        # A public build: the leak guard's process beside it (see guardrun), from on_env to on_post_build.
        self.guard_run: GuardRun | None = None
        self.speed_tricks = True
        self.configured_files: frozenset[str] = frozenset()
        # Pages between on_page_context and on_post_page: their HTML without our header.
        self.bodies: dict[str, str] = {}
        # Docs files left out of a public build, as (path, text or None), for the leak guard.
        self.unpublished: list[tuple[str, str | None]] = []
        # serve --dirty: what each generated page was last written from (see _unchanged_pages).
        self.written = _WrittenPages()
        # Headers rendered in on_files to compare them, kept for on_page_content.
        self.prerendered: dict[str, str] = {}
        # serve --dirty: mkdocs.yml, templates and nav as the last build saw them (see _look_key).
        self.look: object = None
        # serve --dirty: the site folder and the page files the last build wrote into it.
        self.pages_written: tuple[str, frozenset[str]] = ("", frozenset())

    # -- configuration -------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.dirty_hint_due = command == "serve" and not dirty  # said once per `mkdocs serve` session

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        try:
            self.settings = build_settings(dict(self.config))
        except SettingsError as exc:
            raise PluginError(f"mkdocs.yml: plugins: {exc}") from None
        try:
            self.resumes = parse_variants(self.config.resumes)
            # Material keeps the site's language in theme.language; other themes may have none (English then).
            self.messages = load_messages(config.theme.get("language"), Path(self.config.messages) if self.config.messages else None)
        except (VariantError, MessagesError) as exc:
            raise PluginError(f"careerfolio: {exc}") from None
        # The private banner is written by overrides/main.html, which reads it here.
        config.extra["careerfolio_words"] = {key: self.messages(key) for key in ("banner.private", "banner.text")}
        self.audience = self._decide_audience(config)
        self.speed_tricks = speed_tricks_wanted()
        _refuse_plugins_that_cannot_work(config)
        self.today = build_today()
        if self.audience == "private" and self.command == "build" and not _is_private_site_dir(config.site_dir):
            # site_dir is what gets deployed, whatever its name; a private build never lands there.
            private_dir = Path(config.config_file_path or ".").resolve().parent / PRIVATE_SITE_DIR
            log.info(f"the private site is written to {private_dir.name}/: a private build never writes into the site_dir it was given")
            config.site_dir = str(private_dir)
        # Our template overrides sit after the user's custom_dir and before the theme's own.
        overrides = str(templates_dir() / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        config.extra["careerfolio_audience"] = self.audience
        if "generator" not in config.extra:
            # Material's own switch for its "Made with Material for MkDocs" line: a portfolio is about its person.
            config.extra["generator"] = False
        if self.audience == "private" and DASHBOARD_CSS not in config.extra_css:
            config.extra_css.append(DASHBOARD_CSS)  # the private banner and the dashboard; written by the dashboard part
        if self.audience == "private":
            _keep_private_build_offline(config)
        if self.audience == "public":
            _refuse_unsafe_public_build(config, dirty=self.dirty)
        return config

    def _decide_audience(self, config: MkDocsConfig) -> Literal["public", "private"]:
        wanted = os.environ.get(AUDIENCE_ENV, "").strip().lower() or self.settings.audience
        if wanted not in ("public", "private"):
            raise PluginError(f'{AUDIENCE_ENV} must be "public" or "private"')
        if self.command == "serve":
            host = config.dev_addr.host if config.dev_addr else "127.0.0.1"
            if not _is_loopback(host) and not self.settings.serve_private_on_any_address:
                raise PluginError(
                    f"careerfolio: mkdocs serve shows the private site, so it serves only on the loopback address "
                    f"(127.0.0.1 or localhost), not {host}. Set serve_private_on_any_address: true under the "
                    f"careerfolio plugin to allow it."
                )
            return "private"
        if self.command == "gh-deploy" and wanted == "private":
            raise PluginError("careerfolio: gh-deploy publishes; it deploys only the public build. Unset CAREERFOLIO_AUDIENCE.")
        return "private" if wanted == "private" else "public"

    # -- templates -----------------------------------------------------------------

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        # templates/overrides/partials/nav.html wraps the theme's own partial, which it reaches under this prefix.
        overrides = str(templates_dir() / "overrides")
        below = config.theme.dirs[config.theme.dirs.index(overrides) + 1 :] if overrides in config.theme.dirs else []
        theme = jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(below)})
        env.loader = jinja2.ChoiceLoader([env.loader, theme] if env.loader is not None else [theme])
        if self.speed_tricks:
            # Without this global, templates/overrides/ render every piece of the theme every time.
            env.globals["careerfolio_fragments"] = Fragments(config)
            # MkDocs makes a new environment for every build, so every build, and `mkdocs serve` after
            # each save, compiled the theme's templates again. Compiled code is kept (see compiled.py).
            env.bytecode_cache = self.compiled_templates
        if self.public_links is not None and self.site is not None:
            self._copy_linked_files_only(files)
        if self.audience == "public" and self.speed_tricks and forking_possible() and self.corpus is not None:
            # Everything the needles are made of is known now, before any page is written.
            corpus, unpublished, public = self.corpus, list(self.unpublished), _public_text(config)
            self.guard_run = GuardRun(lambda: build_secrets(corpus, unpublished=unpublished, public_text=public), _trusted_dirs(config))
        return env

    def _copy_linked_files_only(self, files: Files) -> None:
        """Of the user's files that may be published, leave only those a rendered public page links to.

        Every page's Markdown is rendered by now (on_page_content) and nothing is copied yet.
        """
        assert self.public_links is not None and self.site is not None
        # Style sheets and scripts named in mkdocs.yml are on every page by the user's choice.
        linked = self.public_links.linked_assets | self.configured_files
        for path in sorted(self.site.assets - linked):
            file = files.get_file_from_path(path)
            if file is not None and file.generated_by is None:
                files.remove(file)
                self.unpublished.append((path, self._unpublished_text(file, None)))

    # -- files ---------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_abs = Path(config.docs_dir).absolute()
        escapes = _LinkedOut(docs_abs.resolve())
        inside = _Inside(str(docs_abs))
        markdown: list[tuple[str, bytes]] = []
        assets: list[str] = []
        ours: list[File] = []
        unreadable: list[File] = []
        # MkDocs' own exclusions stand (dot files, templates/, exclude_docs, and draft_docs outside serve):
        # what it leaves out is no content of this build, whatever its front matter says.
        shown = InclusionLevel.is_in_serve if self.command == "serve" else InclusionLevel.is_included
        for file in files:
            if file.generated_by is not None or file.abs_src_path is None or not inside(file.abs_src_path):
                continue  # theme files and other plugins' files
            ours.append(file)
            if escapes(file.abs_src_path):
                # MkDocs follows links out of docs_dir; what they point at is not content.
                log.warning(f"{file.src_uri}: is a link to a file outside {Path(config.docs_dir).name}/ and is left out of the build")
                continue
            if not shown(file.inclusion):
                continue
            if looks_like_markdown(file.src_uri):
                try:
                    markdown.append((file.src_uri, self._read(file)))
                except OSError as exc:
                    # Deleted since MkDocs listed it (an editor saving by rename), or not readable: MkDocs must not read it either.
                    ours.pop()
                    unreadable.append(file)
                    log.warning(f"{file.src_uri}: cannot be read ({exc.strerror or 'unknown error'}) and is left out of the build")
            else:
                assets.append(file.src_uri)
        for file in unreadable:
            files.remove(file)

        if self.command == "serve":
            # MkDocs rebuilds everything after each save; files whose bytes did not change are not parsed again.
            before, changed = self.corpus, self.sources.changed(markdown)
            self.sources.keep_only(path for path, _ in markdown)
            self.corpus = build_corpus((self.sources.parse(path, data) for path, data in markdown), self.settings, self.checked)
            if self.dirty and before is not None:
                _rebuild_with(files, stale_pages(before, self.corpus, changed))
            elif self.dirty_hint_due and len(markdown) >= SERVE_DIRTY_HINT_FILES:
                self.dirty_hint_due = False
                log.info(
                    f"{len(markdown)} Markdown files: after each save MkDocs builds every page again; "
                    "`mkdocs serve --dirty` rebuilds only the pages the saved file shows on"
                )
        else:
            self.corpus = load_corpus(markdown, self.settings)
        for problem in self.corpus.problems:
            log.warning(problem.format())

        context = BuildContext(
            audience=self.audience,
            today=self.today,
            settings=self.settings,
            use_directory_urls=config.use_directory_urls,
            site_url=config.site_url,
            user_pages=frozenset(path for path, _ in markdown),
            resumes=self.resumes,
            messages=self.messages,
        )
        self.site = build_site(self.corpus, context, assets)
        for problem in self.site.problems:
            log.warning(problem.format())

        # Only the user's own planned files stay; a generated page may take a private file's place.
        planned = {page.src_path for page in self.site.pages if not page.generated}
        # Style sheets and scripts named in mkdocs.yml are on every page by the user's choice.
        configured = {str(path) for path in (*config.extra_css, *config.extra_javascript)}
        self.configured_files = frozenset(configured)
        self.unpublished = []
        self.public_links = PublicLinks() if self.audience == "public" else None
        for file in ours:
            if file.is_documentation_page():
                keep = file.src_uri in planned
            elif looks_like_markdown(file.src_uri):
                keep = False  # MkDocs would copy `X.MD` raw, front matter and all
            else:
                keep = file.src_uri in self.site.assets or file.src_uri in configured
            if self.audience == "private" and not shown(file.inclusion):
                continue  # a private build leaves MkDocs' exclusions to MkDocs
            if self.public_links is not None:
                self._know(file, published=keep)
            if not keep:
                files.remove(file)
                if self.audience == "public":
                    self.unpublished.append((file.src_uri, self._unpublished_text(file, escapes)))
            elif file.is_documentation_page():
                # Every page is reachable by link; only the plan's nav lists pages.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                file.__class__ = _CopiedIfThere
        if config.nav is None and self.site.nav:
            config.nav = [{html.escape(item.title): item.src_path} for item in self.site.nav]
        elif config.nav is not None and self.audience == "public":
            # MkDocs turns a nav entry for a missing page into a link shown on every page.
            user_markdown = {file.src_uri for file in ours if looks_like_markdown(file.src_uri)}
            hidden = user_markdown - {page.src_path for page in self.site.pages}
            config.nav = prune_nav(config.nav, hidden.__contains__, _warn_nav_pruned)
        generated = [page for page in self.site.pages if page.generated]
        if self.public_links is not None:
            for page in generated:
                self.public_links.add_generated(page.src_path)
        unchanged: set[str] = set()
        if self.command == "serve" and self.dirty:
            look = _look_key(config)
            if self.look is not None and look != self.look:
                # MkDocs' --dirty redoes a page only when its own file changed; an edited template or
                # setting changes every page, the user's own ones too.
                _rebuild_with(files, [file.src_uri for file in files.documentation_pages()])
            self.look = look
            paths = [file.src_uri for file in files] + [page.src_path for page in generated] + [f.dest_path for f in self.site.files]
            if self.speed_tricks:
                unchanged = self._unchanged_pages(generated, (look, frozenset(paths)))
        for page in generated:
            # MkDocs takes a planned page's Markdown from on_page_read_source and its header joins in
            # on_page_content; the file holds the Markdown alone, so no header is rendered ahead of time.
            kind = _WrittenFile if page.src_path in unchanged else File
            files.append(kind.generated(config, page.src_path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for extra in self.site.files:
            files.append(File.generated(config, extra.dest_path, content=extra.content))
        if self.command == "serve" and self.dirty:
            self._remove_gone_pages(files, config.site_dir)
        return files

    def _know(self, file: File, *, published: bool) -> None:
        """Tell the public link check every name a link may use for one of the user's files."""
        assert self.public_links is not None
        if file.is_documentation_page():
            self.public_links.add_page(file.src_uri, file.url, file.dest_uri, published)
        else:
            self.public_links.add_file(file.src_uri, file.dest_uri, published)

    def _read(self, file: File) -> bytes:
        """A Markdown file's bytes; under serve, read again only when the file system says it changed."""
        if self.command != "serve" or file.abs_src_path is None:
            return file.content_bytes
        stamp = _stamp(file.abs_src_path)
        if stamp is None:
            return file.content_bytes  # MkDocs' own error, as in a build
        return self.sources.read(file.src_uri, stamp, lambda: file.content_bytes)

    def _remove_gone_pages(self, files: Files, site_dir: str) -> None:
        """Under serve --dirty, delete the pages of files that are gone since the last build.

        MkDocs' --dirty never cleans the site folder, so a deleted or renamed
        entry, or a year left without entries, would still be served.
        """
        pages = {file.abs_dest_path for file in files.documentation_pages()}
        if self.pages_written[0] == site_dir:
            for gone in self.pages_written[1] - pages:
                with contextlib.suppress(OSError):
                    os.remove(gone)
        self.pages_written = (site_dir, frozenset(pages))

    def _unchanged_pages(self, generated: list[SitePage], build_key: object) -> set[str]:
        """Under serve --dirty, the generated pages whose output written by an earlier build still is what they show.

        MkDocs rebuilds every generated page after each save (it has no file
        date to go by); on a long career that is dozens of achievements pages
        of which a save changes one or two. Only pages that are all header are
        kept: Markdown may pull in other files (snippets), which no plan shows.
        """
        self.prerendered = {}
        self.written.start(build_key)
        unchanged = set()
        for page in generated:
            if page.markdown.strip():
                continue
            header = page.inputs if page.inputs is not None else self._header_to_compare(page)
            if self.written.unchanged(page.src_path, (page.title, page.meta, page.markdown, header)):
                unchanged.add(page.src_path)
        return unchanged

    def _header_to_compare(self, page: SitePage) -> str:
        html_text = page.header_html()
        if callable(page.header):
            self.prerendered[page.src_path] = html_text  # rendered once, whether MkDocs builds the page or not
        return html_text

    def _unpublished_text(self, file: File, escapes: _LinkedOut | None) -> str | None:
        """What the leak guard should look for from a file left out: its text when it is text."""
        if file.abs_src_path is None or (escapes is not None and escapes(file.abs_src_path)):
            return None
        if looks_like_markdown(file.src_uri):
            if self.corpus is not None and file.src_uri not in self.corpus.excluded:
                return None  # a record: the guard takes its fields and body from the corpus
            try:
                source = parse_source(file.src_uri, file.content_bytes)
            except OSError:
                return None  # gone since it was read: its name is still looked for
            title = source.meta.get("title")
            return f"{title if isinstance(title, str) else ''}\n{source.body}"
        try:
            if os.path.getsize(file.abs_src_path) > _MAX_TEXT_BYTES:
                return None
            return file.content_bytes.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None  # a binary or unreadable file: its name is still looked for

    # -- pages ---------------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        planned = self.site.page(page.file.src_uri) if self.site else None
        if planned is None:
            return None
        # Only the Markdown: our header is finished HTML, which Python-Markdown would parse only to
        # pass it through, at more cost than the body. on_page_content puts it above the body.
        # MkDocs reads metadata from the start of what it is given: YAML after a first line of "---"
        # (a body may start with a thematic break), or else MultiMarkdown "Key: value" lines, which
        # would swallow a body's first lines such as "Result: ...". A blank first line stops both.
        return "\n" + planned.markdown

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        planned = self.site.page(page.file.src_uri) if self.site else None
        if planned is None:
            return None
        # Material writes titles and meta values into HTML unescaped; hand it escaped text only.
        meta: dict[str, Any] = {"title": html.escape(planned.title)}
        for key in _PASSTHROUGH_META:
            if key in planned.meta:
                meta[key] = planned.meta[key]
        page.meta = meta
        # MkDocs hands back a copy of the body (without the blank line); the plan's own string serves
        # as well, and the page then holds no second copy of every body for the rest of the build.
        if markdown == planned.markdown.lstrip("\n"):
            return planned.markdown
        return markdown

    @event_priority(100)  # before search and other plugins read the page's HTML
    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        planned = self.site.page(page.file.src_uri) if self.site else None
        if self.public_links is not None:
            # Links as the browser will find them in the rendered page, whatever Markdown or raw HTML made them.
            html_text, removed = drop_links(html_text, partial(self.public_links.allows, page.url, page.file.src_uri))
            if removed:
                log.warning(f"{page.file.src_uri}: links to a page or file that is not public; the link is removed")
        header = self.prerendered.pop(page.file.src_uri, None)
        if header is None:
            header = planned.header_html() if planned is not None else ""
        if header and self.public_links is not None:
            # Our header is made from public records, but its links are the user's (a role's url).
            header, _ = drop_links(header, partial(self.public_links.allows, page.url, page.file.src_uri))
        if header and not self.speed_tricks:
            html_text = f"{header}\n\n{html_text}" if html_text else header
        elif header:
            # Our header, kept out of Python-Markdown (see on_page_read_source), goes above the body; until the
            # search plugins have read the page, as its plain text: they parse HTML slowly, tag by tag.
            # The stand-in is marked, so that it is found again even when another plugin edited its text.
            title = planned.title if planned is not None else None
            stand_in = f"<p {_HEADER_STAND_IN}>{text}</p>" if (text := search_text(header, title)) else ""
            self.headers[page.file.src_uri] = (stand_in, header)
            html_text = f"{stand_in}\n\n{html_text}" if html_text else stand_in
        if planned is not None and planned.blocks and not self.speed_tricks:
            html_text = restore_blocks(html_text, planned.blocks)
        elif planned is not None and planned.blocks:
            # Likewise the blocks of HTML the Markdown names by placeholder: their text for now.
            self.blocks[page.file.src_uri] = planned.blocks
            stand_ins = tuple(
                f'<div data-careerfolio-block="{index}">{search_stand_in(block)}</div><p data-careerfolio-block-end="{index}"></p>'
                for index, block in enumerate(planned.blocks)
            )
            html_text = restore_blocks(html_text, stand_ins)
        if self.audience != "public":
            return html_text
        # The core strips comments from the Markdown; this catches any that Markdown extensions add.
        return _HTML_COMMENT.sub("", html_text)

    @event_priority(-100)  # after the search plugins have indexed the page, before its template is rendered
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        blocks = self.blocks.pop(page.file.src_uri, None)
        if blocks is not None and page.content:
            page.content = _swap_stand_ins(page.content, blocks)
        pending = self.headers.pop(page.file.src_uri, None)
        if pending is not None:
            stand_in, header = pending
            content = page.content or ""
            if stand_in and content.startswith(stand_in):
                content = content[len(stand_in) :].lstrip("\n")
            elif stand_in:
                # Another plugin put something before it, or changed its text: the mark still says where it is.
                content = _MARKED_STAND_IN.sub("", content, count=1)
            page.content = f"{header}\n\n{content}" if content else header
            self.bodies[page.file.src_uri] = content
        return context

    @event_priority(-100)  # the page as the last plugin leaves it, which MkDocs then writes
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # The page is written. MkDocs keeps every page's HTML until the build ends; our header is
        # not needed any more, and on a long career it is a tenth of the build's memory.
        body = self.bodies.pop(page.file.src_uri, None)
        if body is not None:
            page.content = body
        self.written.wrote(page.file.src_uri)
        if self.guard_run is not None:
            # MkDocs writes the page next; the guard reads the file once the next page is announced.
            self.guard_run.page(page.file.dest_uri, page.file.abs_dest_path)
        return None

    def on_build_error(self, *, error: Exception) -> None:
        # Pages of the failed build may be written or not: none is known to be up to date.
        self.written.forget()
        if self.guard_run is not None:
            self.guard_run.stop()
            self.guard_run = None

    # -- the leak guard ------------------------------------------------------------

    @event_priority(-100)  # after every other plugin has written its files (search writes its index here)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.audience != "public" or self.corpus is None:
            return
        site_dir = Path(config.site_dir)
        run, self.guard_run = self.guard_run, None
        hits = run.finish(site_dir) if run is not None else None
        if hits is None:  # no process beside the build, or it failed: the same scan, here
            secrets = build_secrets(self.corpus, unpublished=self.unpublished, public_text=_public_text(config))
            hits = scan_site(site_dir, secrets, trusted_dirs=_trusted_dirs(config))
        if hits:
            raise PluginError(_remove_leaks(site_dir, hits))


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


class _CopiedIfThere(File):
    """A file of the user's that MkDocs copies as it is, and that may be gone by then (an editor saving by rename)."""

    def copy_file(self, dirty: bool = False) -> None:
        try:
            super().copy_file(dirty)
        except FileNotFoundError:
            log.warning(f"{self.src_uri}: was deleted while the site was being built and is left out of it")


class _WrittenFile(File):
    """A generated page whose output from an earlier build is still right: a --dirty build skips it."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


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


class Fragments:
    """Pieces of the theme's page template rendered once and reused within one build.

    Each key says exactly what the piece's HTML depends on, so a hit is the
    same HTML the theme would have rendered (see templates/overrides/).
    """

    def __init__(self, config: MkDocsConfig) -> None:
        self._homepage, logo = config.extra.get("homepage"), config.theme.get("logo")
        self._extra_urls = [str(url) for url in (self._homepage, logo) if url]
        self._rendered: dict[tuple[str, ...], str] = {}
        self._nav: Navigation | None = None
        self._nav_page_ids: frozenset[int] = frozenset()
        self._nav_link_urls: list[str] = []
        self._nav_first_folders: frozenset[str | None] | None = None
        # The header: links to the homepage, the logo and the other languages, and the page's title.
        alternates = config.extra.get("alternate")
        languages = [alt for alt in alternates if isinstance(alt, dict)] if isinstance(alternates, list) else []
        self._header_urls = [str(url) for url in (logo,) if url] + [str(alt.get("link", "")) for alt in languages]
        # A partial from the user's custom_dir may show anything of the page, and a shared piece may include
        # it by way of another partial (the nav includes nav-item.html): with any partial of the user's,
        # nothing is shared and every piece is rendered for every page.
        custom_dir = config.theme.custom_dir
        users_partials = custom_dir is not None and any(path.is_file() for path in (Path(custom_dir) / "partials").rglob("*"))
        self._themes_own = not users_partials
        self._header_is_the_themes = self._footer_is_the_themes = self._styles_are_the_themes = self._themes_own
        self._untitled_headers: dict[tuple[str, ...], tuple[str, str] | None] = {}
        self._title_mark = f"careerfolio-title-{secrets.token_hex(8)}"

    def nav_key(self, page: Page | None, nav: Navigation | None) -> tuple[str, ...] | None:
        """The primary navigation's links as seen from `page`; None when the page is in the navigation (its item is active)."""
        if page is None or nav is None or not self._themes_own:
            return None
        if nav is not self._nav:
            self._learn_nav(nav)
        if id(page) in self._nav_page_ids:
            return None
        if self._nav_first_folders is not None and _first_folder(page.url) not in self._nav_first_folders:
            # No link shares the page's first folder, so each is the way up to the root and then
            # down: the same from every page at the page's depth.
            return ("nav", "depth", normalize_url(".", page=page))
        return ("nav", *(normalize_url(url, page=page) for url in self._nav_link_urls))

    def _learn_nav(self, nav: Navigation) -> None:
        self._nav = nav
        self._nav_page_ids = frozenset(id(page) for page in nav.pages)
        urls = [*self._extra_urls, *(_nav_urls(nav.items))]
        if nav.homepage is not None:
            urls.append(nav.homepage.url)
        self._nav_link_urls = urls
        relative = [url for url in urls if not _is_absolute(url)]
        plain = all(".." not in url.split("/") and "\\" not in url for url in relative)
        self._nav_first_folders = frozenset(_first_part(url) for url in relative) if plain else None

    def header_key(self, page: Page | None, nav: Navigation | None, features: Iterable[str]) -> tuple[str, ...] | None:
        """The header's links as seen from `page`; None when the header shows more of the page than its title.

        That is when sticky tabs mark the page's section, or when the user's custom_dir
        replaces a partial of the header with one that may show anything.
        """
        if page is None or not self._header_is_the_themes or "navigation.tabs.sticky" in features:
            return None
        homepage = self._homepage or (nav.homepage.url if nav is not None and nav.homepage is not None else "")
        return ("header", *(normalize_url(str(url), page=page) for url in (homepage, *self._header_urls)))

    def untitled(self, page: Page) -> _TitleStandIn:
        """`page` with a mark for its title, to render a header that titled() can give any page of its key."""
        return _TitleStandIn(page, self._title_mark)

    def keep_untitled(self, key: tuple[str, ...], rendered: str) -> str:
        """Keep a header rendered from untitled(); nothing to print."""
        before, mark, after = rendered.partition(self._title_mark)
        self._untitled_headers[key] = (before, after) if mark and self._title_mark not in after else None
        return ""

    def titled(self, key: tuple[str, ...], page: Page) -> str | None:
        """The kept header of `key` with the title the theme shows for `page`; None if none was kept."""
        parts = self._untitled_headers.get(key)
        if parts is None:
            return None
        meta = page.meta
        title = meta["title"] if meta and meta.get("title") else page.title
        return f"{parts[0]}{title}{parts[1]}"

    def has_header(self, key: tuple[str, ...]) -> bool:
        return key in self._untitled_headers

    def footer_key(self, page: Page | None, features: Iterable[str]) -> tuple[str, ...] | None:
        """For the footer of a page that links to no previous or next page: the same on every such page."""
        if page is None or not self._footer_is_the_themes:
            return None
        if "navigation.footer" in features and (page.previous_page is not None or page.next_page is not None):
            return None
        return ("footer",)

    def styles_key(self, page: Page | None, base_url: str) -> tuple[str, ...] | None:
        """For the stylesheet links: the theme's own, under assets/, and its icons drawn inline."""
        return self.root_key("styles", page, base_url) if self._styles_are_the_themes else None

    def root_key(self, name: str, page: Page | None, base_url: str) -> tuple[str, ...] | None:
        """For a piece whose only links are to the site root and to the theme's assets/ folder.

        From a page outside assets/, such a link is the way to the root plus the
        path: the same for every page at the same depth.
        """
        if page is None or page.url.startswith("assets/") or not self._themes_own:
            return None
        return (name, base_url)

    def build_key(self, name: str) -> tuple[str, ...] | None:
        """For a piece with no link and nothing of the page in it: the same on every page of a build."""
        return (name,) if self._themes_own else None

    def has(self, key: tuple[str, ...]) -> bool:
        return key in self._rendered

    def get(self, key: tuple[str, ...]) -> str:
        return self._rendered[key]

    def put(self, key: tuple[str, ...], rendered: str) -> str:
        self._rendered[key] = rendered
        return rendered


class _TitleStandIn:
    """A page as the header partial sees it: itself, but titled with a mark and without front matter.

    Material's header shows the front matter's title, else the page's; the mark stands for either.
    """

    def __init__(self, page: Page, mark: str) -> None:
        self._page = page
        self.title = mark
        self.meta: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _first_folder(page_url: str) -> str | None:
    """The first folder of the place MkDocs makes a page's relative links from (None at the site root)."""
    folder, _, name = page_url.rpartition("/")
    return _first_part(folder if "." in name else page_url)


def _first_part(path: str) -> str | None:
    """The first segment of a relative path as MkDocs compares paths (None for the root itself)."""
    normalized = posixpath.normpath("/" + path)[1:]
    return normalized.split("/", 1)[0] if normalized else None


def _is_absolute(url: str) -> bool:
    """A link normalize_url leaves as it is: with a scheme or host, or from the server root, or to an anchor."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith(("/", "#"))


def _nav_urls(items: Iterable[Any]) -> Iterator[str]:
    """The URL of every page, link and section index in the navigation, in order."""
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _nav_urls(getattr(item, "children", None) or ())


def _rebuild_with(files: Files, src_paths: Iterable[str]) -> None:
    """Have a --dirty rebuild redo these pages too: it rebuilds a page whose output is older than its file, or missing."""
    for path in src_paths:
        file = files.get_file_from_path(path)
        if file is not None and file.abs_src_path is not None:
            with contextlib.suppress(OSError):
                os.remove(file.abs_dest_path)


def _remove_leaks(site_dir: Path, hits: list[Hit]) -> str:
    """Delete the outputs that leak or were not read, and say which they are: names only, never the text."""
    remove_outputs(site_dir, {hit.output for hit in hits})
    shown = [f"  {site_dir.name}/{hit.format()}" for hit in hits[:_MAX_HITS_SHOWN]]
    if len(hits) > _MAX_HITS_SHOWN:
        shown.append(f"  ... and {len(hits) - _MAX_HITS_SHOWN} more")
    return (
        "careerfolio: the public site contains text of private files, or files the leak guard cannot read, "
        "so the build stops before anything is deployed. The files below were removed from the site folder. "
        "A stale file (MkDocs never cleans dot files) needs nothing more; "
        "if a plugin, a template or mkdocs.yml wrote the text, change that.\n" + "\n".join(shown)
    )


def _trusted_dirs(config: MkDocsConfig) -> list[Path]:
    """The installed theme's folders, whose files the guard need not read again; never the user's custom_dir."""
    return [Path(folder) for folder in config.theme.dirs if folder != config.theme.custom_dir]


def _public_text(config: MkDocsConfig) -> list[str]:
    """Text that is on the public site by the user's or the theme's choice, not from private files."""
    texts = [str(config.get(key) or "") for key in ("site_name", "site_description", "site_author", "copyright", "repo_name", "repo_url")]
    texts += [str(value) for value in _nav_titles(config.nav or [])]
    texts += config_strings(config.extra)
    # The theme's page templates, and every template of careerfolio's (pages, feeds, exports).
    templates = [path for folder in config.theme.dirs for path in sorted(Path(folder).rglob("*.html"))]
    templates += sorted(path for path in templates_dir().rglob("*") if path.is_file())
    for template in templates:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            texts.append(template.read_text(encoding="utf-8"))
    return texts


def _warn_nav_pruned() -> None:
    log.warning("mkdocs.yml: nav: an entry points at a page that is not public; it is left out of the public site")


def _nav_titles(nav: Any) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in _nav_titles(item)]
    if isinstance(nav, dict):
        return [title for key, value in nav.items() for title in (str(key), *_nav_titles(value))]
    return []


# Plugins that cannot build careerfolio's pages, and what to do instead: a clear refusal beats a traceback.
_CANNOT_WORK_WITH = {
    "rss": (
        "mkdocs-rss-plugin reads the source file of every page, and careerfolio's pages are generated, with no file. "
        "careerfolio writes its own Atom feed of public entries (feed.xml): remove rss from plugins in mkdocs.yml"
    ),
}


def _keep_private_build_offline(config: MkDocsConfig) -> None:
    """Turn off what makes Material's pages ask another site for something, for the private build only.

    The private site is read on the person's own machine: a font from Google, an analytics
    beacon or a call to GitHub's API for the repository's stars would tell others that,
    and when, someone opened a career dashboard (and log errors offline).
    """
    if config.theme.name == "material":
        config.theme["font"] = False  # Material's default loads Roboto from fonts.googleapis.com
    config.extra.pop("analytics", None)
    config.extra.pop("consent", None)
    if config.repo_url:
        log.debug("the private site leaves out repo_url: Material would ask GitHub's API for its stars and forks")
        config.repo_url = None
        config.repo_name = None


def _refuse_plugins_that_cannot_work(config: MkDocsConfig) -> None:
    for name, why in _CANNOT_WORK_WITH.items():
        if name in config.plugins:
            raise PluginError(f"careerfolio: {why}")


def _refuse_unsafe_public_build(config: MkDocsConfig, *, dirty: bool) -> None:
    """Refuse public builds that could publish what careerfolio never planned."""
    if dirty:
        # --dirty keeps pages of the last build, which may since have become private.
        raise PluginError("careerfolio: a public build must start from a clean site folder; run it without --dirty")
    if "pymdownx.snippets" in config.markdown_extensions:
        options = config.mdx_configs.get("pymdownx.snippets", {})
        bases = options.get("base_path", ["."])
        docs = Path(config.docs_dir).resolve()
        for base in [bases] if isinstance(bases, str) else bases:
            folder = Path(str(base)).resolve()
            if folder == docs or docs.is_relative_to(folder) or folder.is_relative_to(docs):
                raise PluginError(
                    "careerfolio: pymdownx.snippets can include any file under its base_path, private files too. "
                    "For a public build, set its base_path to a folder that neither contains nor lies inside docs_dir."
                )


def speed_tricks_wanted() -> bool:
    """False when CAREERFOLIO_SPEED_TRICKS is off, 0, false or no.

    The tricks lean on what MkDocs and Material do without promising it: theme
    fragments rendered once and reused, search stand-ins swapped between events,
    generated pages skipped by a --dirty rebuild, compiled templates kept in
    MkDocs' own Jinja environment. Turned off, each page is built the plain way.
    """
    return os.environ.get(SPEED_TRICKS_ENV, "on").strip().lower() not in ("off", "0", "false", "no")


def _is_private_site_dir(site_dir: str) -> bool:
    """True when the output folder says by its own name that it is for a private build (`site-private`, `private-preview`).

    Any other folder may be what a workflow deploys (`site/`, `public/`, `docs/`): the rule
    depends on nothing but the name, so no setting can send a private build there.
    """
    return "private" in Path(site_dir).name.lower()


_HEADER_STAND_IN = "data-careerfolio-header-stand-in"
_MARKED_STAND_IN = re.compile(rf"<p {_HEADER_STAND_IN}(?:=\"\")?>.*?</p>\n*", re.DOTALL)
_BLOCK_STAND_IN = re.compile(r'<div data-careerfolio-block="(\d+)">.*?</div><p data-careerfolio-block-end="\1"></p>', re.DOTALL)


def _swap_stand_ins(html_text: str, blocks: tuple[str, ...]) -> str:
    """Put each block of HTML back where on_page_content left its stand-in for search."""
    return _BLOCK_STAND_IN.sub(lambda found: blocks[int(found.group(1))], html_text)


class _Inside:
    """Tells whether a path lies in a folder, by its text as Path.relative_to does, without a Path per file."""

    def __init__(self, folder: str) -> None:
        self._folder = folder
        self._prefix = folder.rstrip(os.sep) + os.sep

    def __call__(self, path: str) -> bool:
        path = path if os.path.isabs(path) else os.path.abspath(path)
        return path == self._folder or path.startswith(self._prefix)


class _LinkedOut:
    """Tells which files under docs_dir are, or sit in a folder that is, a link to something outside it.

    Each folder is resolved once and each file only checked for being a link:
    resolving every path in full costs a system call per folder of every file.
    """

    def __init__(self, docs_real: Path) -> None:
        self.docs_real = str(docs_real)
        self._prefix = self.docs_real.rstrip(os.sep) + os.sep
        self._folders: dict[str, bool] = {}

    def __call__(self, path: str) -> bool:
        if os.path.islink(path):
            return not self._within(os.path.realpath(path))
        folder = os.path.dirname(path)
        escaped = self._folders.get(folder)
        if escaped is None:
            escaped = self._folders[folder] = not self._within(os.path.realpath(folder))
        return escaped

    def _within(self, real: str) -> bool:
        return real == self.docs_real or real.startswith(self._prefix)


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
