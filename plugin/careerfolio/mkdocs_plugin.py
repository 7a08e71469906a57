"""The thin MkDocs adapter: the only module that imports mkdocs.

It reads every Markdown file once, hands the core (path, bytes) pairs, and
applies the resulting `Site` plan: which files MkDocs may build or copy, what
Markdown each page renders, which generated pages and files exist, and the
nav. Problems go through MkDocs' plugin logger so that `--strict` fails on them.
"""

from __future__ import annotations

import html
import ipaddress
import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .corpus import Corpus, load_corpus
from .dashboard import DASHBOARD_CSS
from .dates import build_today
from .render import templates_dir
from .settings import Settings
from .site import BuildContext, Site, build_site

log = get_plugin_logger(__name__)

AUDIENCE_ENV = "CAREERFOLIO_AUDIENCE"
PRIVATE_SITE_DIR = "site-private"
# Front matter keys of ordinary pages that Material understands and that carry no text.
_PASSTHROUGH_META = ("hide", "icon", "status", "search", "template")


class CareerfolioConfig(base.Config):
    audience = c.Choice(("public", "private"), default="public")
    """Which site `mkdocs build` makes; the CAREERFOLIO_AUDIENCE variable overrides it."""
    journal_dir = c.Type(str, default="journal")
    """Folder of journal entries, under docs_dir."""
    skills_dir = c.Type(str, default="skills")
    checkups_dir = c.Type(str, default="checkups")
    roles_dir = c.Type(str, default="roles")
    network_dir = c.Type(str, default="network")
    decisions_dir = c.Type(str, default="decisions")
    profile_file = c.Type(str, default="profile.md")
    layoff_plan_file = c.Type(str, default="layoff-plan.md")
    checkup_every = c.Type(int, default=90)
    """Days between check-ups before one is overdue."""
    stale_after = c.Type(int, default=365)
    """Days without evidence after which a skill is going stale."""
    contact_every = c.Type(int, default=90)
    """Default days between contacts, for contacts without `every`."""
    serve_private_on_any_address = c.Type(bool, default=False)
    """Allow `mkdocs serve` to show the private site on an address other than loopback."""


class CareerfolioPlugin(BasePlugin[CareerfolioConfig]):
    """Builds the private dashboard or the public portfolio from the career files."""

    def __init__(self) -> None:
        self.command: str = "build"
        self.audience: Literal["public", "private"] = "public"
        self.corpus: Corpus | None = None
        self.site: Site | None = None

    # -- configuration -------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = Settings(
            journal_dir=self.config.journal_dir.strip("/"),
            skills_dir=self.config.skills_dir.strip("/"),
            checkups_dir=self.config.checkups_dir.strip("/"),
            roles_dir=self.config.roles_dir.strip("/"),
            network_dir=self.config.network_dir.strip("/"),
            decisions_dir=self.config.decisions_dir.strip("/"),
            profile_file=self.config.profile_file,
            layoff_plan_file=self.config.layoff_plan_file,
            checkup_every=self.config.checkup_every,
            stale_after=self.config.stale_after,
            contact_every=self.config.contact_every,
        )
        self.audience = self._decide_audience(config)
        self.today = build_today()
        if self.audience == "private" and not _user_set(config, "site_dir"):
            config.site_dir = str(Path(config.config_file_path or ".").resolve().parent / PRIVATE_SITE_DIR)
        # Our template overrides sit after the user's custom_dir and before the theme's own.
        overrides = str(templates_dir() / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        config.extra["careerfolio_audience"] = self.audience
        if self.audience == "private" and DASHBOARD_CSS not in config.extra_css:
            config.extra_css.append(DASHBOARD_CSS)  # the private banner and the dashboard; written by the dashboard part
        return config

    def _decide_audience(self, config: MkDocsConfig) -> Literal["public", "private"]:
        wanted = os.environ.get(AUDIENCE_ENV, "").strip().lower() or self.config.audience
        if wanted not in ("public", "private"):
            raise PluginError(f'{AUDIENCE_ENV} must be "public" or "private"')
        if self.command == "serve":
            host = config.dev_addr.host if config.dev_addr else "127.0.0.1"
            if not _is_loopback(host) and not self.config.serve_private_on_any_address:
                raise PluginError(
                    f"careerfolio: mkdocs serve shows the private site, so it serves only on the loopback address "
                    f"(127.0.0.1 or localhost), not {host}. Set serve_private_on_any_address: true under the "
                    f"careerfolio plugin to allow it."
                )
            return "private"
        if self.command == "gh-deploy" and wanted == "private":
            raise PluginError("careerfolio: gh-deploy publishes; it deploys only the public build. Unset CAREERFOLIO_AUDIENCE.")
        return "private" if wanted == "private" else "public"

    # -- files ---------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_abs = Path(config.docs_dir).absolute()
        docs_real = docs_abs.resolve()
        markdown: list[tuple[str, bytes]] = []
        assets: list[str] = []
        ours: list[File] = []
        for file in files:
            if file.generated_by is not None or file.abs_src_path is None or not _inside(Path(file.abs_src_path), docs_abs):
                continue  # theme files and other plugins' files
            ours.append(file)
            if _escapes(Path(file.abs_src_path), docs_real):
                # MkDocs follows links out of docs_dir; what they point at is not content.
                log.warning(f"{file.src_uri}: is a link to a file outside {Path(config.docs_dir).name}/ and is left out of the build")
                continue
            if file.src_uri.lower().endswith(".md"):
                markdown.append((file.src_uri, file.content_bytes))
            else:
                assets.append(file.src_uri)

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
        )
        self.site = build_site(self.corpus, context, assets)
        for problem in self.site.problems:
            log.warning(problem.format())

        # Only the user's own planned files stay; a generated page may take a private file's place.
        planned = {page.src_path for page in self.site.pages if not page.generated}
        for file in ours:
            is_markdown = file.src_uri.lower().endswith(".md")
            keep = file.src_uri in planned if is_markdown else file.src_uri in self.site.assets
            if is_markdown and not file.src_uri.endswith(".md"):
                keep = False  # MkDocs would copy `X.MD` raw, front matter and all
            if not keep:
                files.remove(file)
            elif is_markdown:
                # Every page is reachable by link; only the plan's nav lists pages.
                file.inclusion = InclusionLevel.NOT_IN_NAV
        for page in self.site.pages:
            if page.generated:
                files.append(File.generated(config, page.src_path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for extra in self.site.files:
            files.append(File.generated(config, extra.dest_path, content=extra.content))
        if config.nav is None and self.site.nav:
            config.nav = [{html.escape(item.title): item.src_path} for item in self.site.nav]
        return files

    # -- pages ---------------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        planned = self.site.page(page.file.src_uri) if self.site else None
        if planned is None:
            return None
        # MkDocs would parse front matter again, more forgivingly; give it none.
        return _without_front_matter(planned.markdown)

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
        return markdown


def _without_front_matter(markdown: str) -> str:
    # Our pages never start with "---"; a user's body might (a thematic break). A blank
    # first line keeps MkDocs from reading it as front matter.
    return "\n" + markdown if markdown.startswith("---") else markdown


def _user_set(config: MkDocsConfig, key: str) -> bool:
    return any(key in user for user in getattr(config, "user_configs", []))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.absolute().relative_to(folder)
        return True
    except ValueError:
        return False


def _escapes(path: Path, folder: Path) -> bool:
    """True when a file under docs_dir is a link to something outside it."""
    try:
        path.resolve().relative_to(folder)
        return False
    except ValueError:
        return True


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
