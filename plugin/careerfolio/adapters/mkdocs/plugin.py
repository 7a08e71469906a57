"""The MkDocs plugin: its options, and MkDocs' events, each doing one thing by way of the module that owns it.

It reads every Markdown file once, hands the core (path, bytes) pairs, and
applies the resulting `Site` plan. Where each concern lives:

- userfiles.py: the user's files as MkDocs lists them, read once;
- files.py: the allow-list of what a build writes, generated files, the nav;
- pages.py: a planned page through MkDocs' page events, one `PageState` each;
- search.py: search stand-ins for our header and blocks (a speed trick);
- theme.py, fragments.py: the template overrides, the theme-fragment cache;
- serve.py: what `mkdocs serve` and `--dirty` keep between rebuilds;
- guardhook.py: the leak guard after a public build;
- safety.py: which site a build makes, and the builds refused;
- errors.py: the one place errors meant for users become PluginError.

Problems go through MkDocs' plugin logger so that `--strict` fails on them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from careerfolio.adapters.mkdocs.errors import plugin_errors, reported_to_mkdocs
from careerfolio.adapters.mkdocs.files import AllowList
from careerfolio.adapters.mkdocs.guardhook import GuardHook
from careerfolio.adapters.mkdocs.pages import (
    PageState,
    markdown_source,
    page_meta,
    shared_markdown,
    with_header_and_blocks,
    without_comments,
)
from careerfolio.adapters.mkdocs.safety import Audience, decide_audience, make_build_safe
from careerfolio.adapters.mkdocs.search import restore_after_search, stand_in_for_search
from careerfolio.adapters.mkdocs.serve import ServeSession
from careerfolio.adapters.mkdocs.theme import add_overrides, extend_environment
from careerfolio.adapters.mkdocs.userfiles import UserFiles, gather_user_files
from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.dates import build_today
from careerfolio.plan.site import BuildContext, Site, SitePage, build_site
from careerfolio.settings import PLUGIN_NAME, Settings, build_settings
from careerfolio.views.compiled import CompiledTemplates, default_cache_folder
from careerfolio.views.messages import ENGLISH, load_messages
from careerfolio.views.render import use_speed_tricks
from careerfolio.views.variants import ResumeVariant, parse_variants

log = get_plugin_logger(__name__)

# Set to "off" to build without any speed trick (see speed_tricks_wanted): the output must be the same.
SPEED_TRICKS_ENV = "CAREERFOLIO_SPEED_TRICKS"


def speed_tricks_wanted() -> bool:
    """False when CAREERFOLIO_SPEED_TRICKS is off, 0, false or no.

    The tricks lean on what MkDocs and Material do without promising it: theme
    fragments rendered once and reused (fragments.py), search stand-ins swapped
    between events (search.py), generated pages skipped by a --dirty rebuild
    (serve.py), compiled templates kept in MkDocs' own Jinja environment
    (theme.py), the leak guard in a process beside the build (guardhook.py).
    Turned off, each page is built the plain way.
    """
    return os.environ.get(SPEED_TRICKS_ENV, "on").strip().lower() not in ("off", "0", "false", "no")


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


class CareerfolioPlugin(BasePlugin[CareerfolioConfig]):
    """Builds the private dashboard or the public portfolio from the career files."""

    def __init__(self) -> None:
        self.command: str = "build"
        self.dirty = False
        self.speed_tricks = True
        self.settings = Settings()
        self.audience: Audience = "public"
        self.resumes: tuple[ResumeVariant, ...] = ()
        self.messages = ENGLISH
        # Kept across the rebuilds of one `mkdocs serve` (None outside serve), and likewise compiled templates.
        self.serving: ServeSession | None = None
        self.compiled_templates = CompiledTemplates(default_cache_folder())
        # One build's corpus, plan and allow-list, from on_files on.
        self.corpus: Corpus | None = None
        self.site: Site | None = None
        self.allowed: AllowList | None = None
        self.guard = GuardHook()
        # What each page being built needs kept between MkDocs' page events, by its src_uri.
        self.pages: dict[str, PageState] = {}

    # -- configuration -------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.serving = ServeSession(dirty=dirty) if command == "serve" else None

    @reported_to_mkdocs
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        where = f"{Path(config.config_file_path or 'mkdocs.yml').name}: plugins"
        with plugin_errors(where):
            self.settings = build_settings(dict(self.config))
        # Judged as siteconfig judges them for `careerfolio check`, and named the same way.
        with plugin_errors(f"{where}: {PLUGIN_NAME}"):
            self.resumes = parse_variants(self.config.resumes)
            # Material keeps the site's language in theme.language; other themes may have none (English then).
            self.messages = load_messages(config.theme.get("language"), Path(self.config.messages) if self.config.messages else None)
        self.audience = decide_audience(self.command, config, self.settings)
        self.speed_tricks = speed_tricks_wanted()
        use_speed_tricks(self.speed_tricks)
        self.today = build_today()
        make_build_safe(config, audience=self.audience, command=self.command, dirty=self.dirty)
        add_overrides(config, audience=self.audience, messages=self.messages)
        return config

    # -- files ---------------------------------------------------------------------

    @reported_to_mkdocs
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.pages = {}
        read = self.serving.read if self.serving is not None else _content_bytes
        user = gather_user_files(files, config, serving=self.serving is not None, read=read, always_private=self.settings.is_always_private)
        self.corpus = corpus = self._corpus(user, files)
        self.site = site = self._plan(corpus, user, config)
        self.allowed = allowed = AllowList(site, corpus, config, always_private=self.settings.is_always_private)
        allowed.apply(files, user)
        allowed.set_nav(config, user)
        skipped: set[str] = set()
        if self.serving is not None:
            skipped, prerendered = self.serving.pages_to_skip(config, files, site, speed_tricks=self.speed_tricks)
            self.pages = {path: PageState(prerendered=header) for path, header in prerendered.items()}
        allowed.add_planned_files(files, config, skipped=skipped)
        if self.serving is not None:
            self.serving.remove_gone_pages(files, config)
        return files

    def _corpus(self, user: UserFiles, files: Files) -> Corpus:
        """The corpus of the user's Markdown; under serve, files whose bytes did not change are not parsed again."""
        if self.serving is not None:
            corpus = self.serving.build_corpus(user.markdown, self.settings, files)
        else:
            corpus = load_corpus(user.markdown, self.settings)
        for problem in corpus.problems:
            log.warning(problem.format())
        return corpus

    def _plan(self, corpus: Corpus, user: UserFiles, config: MkDocsConfig) -> Site:
        """The plan of this build: its pages, files and nav, its problems logged."""
        context = BuildContext(
            audience=self.audience,
            today=self.today,
            settings=self.settings,
            use_directory_urls=config.use_directory_urls,
            site_url=config.site_url,
            user_pages=user.markdown_paths,
            resumes=self.resumes,
            messages=self.messages,
        )
        site = build_site(corpus, context, user.assets)
        for problem in site.problems:
            log.warning(problem.format())
        return site

    # -- templates -----------------------------------------------------------------

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        extend_environment(env, config, speed_tricks=self.speed_tricks, compiled=self.compiled_templates)
        if self.allowed is None or self.corpus is None:
            return env
        self.allowed.copy_linked_files_only(files)
        if self.audience == "public" and self.speed_tricks:
            self.guard.start(config, self.corpus, self.allowed.unpublished)
        return env

    # -- pages ---------------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        planned = self._planned(page)
        return markdown_source(planned) if planned is not None else None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        planned = self._planned(page)
        if planned is None:
            return None
        page.meta = page_meta(planned)
        return shared_markdown(markdown, planned)

    @event_priority(100)  # before search and other plugins read the page's HTML
    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        planned = self._planned(page)
        state = self.pages.setdefault(page.file.src_uri, PageState())
        if self.allowed is not None:
            html_text = self.allowed.drop_private_links(html_text, page)
        header = self._header(planned, page, state)
        blocks = planned.blocks if planned is not None else ()
        if self.speed_tricks:
            # Our header, kept out of Python-Markdown (see pages.markdown_source), goes above the body.
            html_text = stand_in_for_search(html_text, header, planned.title if planned else None, blocks, state)
        else:
            html_text = with_header_and_blocks(html_text, header, blocks)
        return without_comments(html_text) if self.audience == "public" else html_text

    def _header(self, planned: SitePage | None, page: Page, state: PageState) -> str:
        """Our header for the page, its links checked in a public build; "" for a page without one."""
        header, state.prerendered = state.prerendered, None
        if header is None:
            header = planned.header_html() if planned is not None else ""
        if header and self.allowed is not None:
            # Our header is made from public records, but its links are the user's (a role's url).
            header = self.allowed.drop_private_links(header, page, say=False)
        return header

    @event_priority(-100)  # after the search plugins have indexed the page, before its template is rendered
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        state = self.pages.get(page.file.src_uri)
        if state is not None:
            page.content = restore_after_search(page.content, state)
        return context

    @event_priority(-100)  # the page as the last plugin leaves it, which MkDocs then writes
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # The page is written. MkDocs keeps every page's HTML until the build ends; our header is
        # not needed any more, and on a long career it is a tenth of the build's memory.
        state = self.pages.pop(page.file.src_uri, None)
        if state is not None and state.body is not None:
            page.content = state.body
        if self.serving is not None:
            self.serving.wrote(page.file.src_uri)
        # MkDocs writes the page next; the guard reads the file once the next page is announced.
        self.guard.page(page.file.dest_uri, page.file.abs_dest_path)
        return None

    def _planned(self, page: Page) -> SitePage | None:
        return self.site.page(page.file.src_uri) if self.site is not None else None

    # -- the end of a build --------------------------------------------------------

    def on_build_error(self, *, error: Exception) -> None:
        # Pages of the failed build may be written or not: none is known to be up to date.
        if self.serving is not None:
            self.serving.forget_written()
        self.guard.stop()
        self.pages = {}

    @event_priority(-100)  # after every other plugin has written its files (search writes its index here)
    @reported_to_mkdocs
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.audience == "public" and self.corpus is not None and self.allowed is not None:
            self.guard.judge(config, self.corpus, self.allowed.unpublished)


def _content_bytes(file: File) -> bytes:
    return file.content_bytes
