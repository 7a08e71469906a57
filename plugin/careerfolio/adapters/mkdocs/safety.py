"""Which site a build makes, and the builds careerfolio refuses to make.

The private site stays on this machine: it is served on loopback only, written
to a folder named private, and asks no other site for anything. The public site
holds only what careerfolio planned: no --dirty leftovers, no snippets or macro
includes of private files, no plugin that cannot build generated pages.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from careerfolio.adapters.mkdocs.errors import BuildRefused
from careerfolio.privacy.includes import MACROS_REFUSED, SNIPPETS_REFUSED, reaches, snippets_bases
from careerfolio.settings import Settings

log = get_plugin_logger(__name__)

AUDIENCE_ENV = "CAREERFOLIO_AUDIENCE"
PRIVATE_SITE_DIR = "site-private"

Audience = Literal["public", "private"]

# Plugins that cannot build careerfolio's pages, and what to do instead: a clear refusal beats a traceback.
_CANNOT_WORK_WITH = {
    "rss": (
        "mkdocs-rss-plugin reads the source file of every page, and careerfolio's pages are generated, with no file. "
        "careerfolio writes its own Atom feed of public entries (feed.xml): remove rss from plugins in mkdocs.yml"
    ),
}


def decide_audience(command: str, config: MkDocsConfig, settings: Settings) -> Audience:
    """The site this command builds: serve shows the private one, gh-deploy only the public one."""
    wanted = os.environ.get(AUDIENCE_ENV, "").strip().lower() or settings.audience
    if wanted not in ("public", "private"):
        raise BuildRefused(f'{AUDIENCE_ENV} must be "public" or "private"')
    if command == "serve":
        host = config.dev_addr.host if config.dev_addr else "127.0.0.1"
        if not _is_loopback(host) and not settings.serve_private_on_any_address:
            raise BuildRefused(
                f"mkdocs serve shows the private site, so it serves only on the loopback address "
                f"(127.0.0.1 or localhost), not {host}. Set serve_private_on_any_address: true under the "
                f"careerfolio plugin to allow it."
            )
        return "private"
    if command == "gh-deploy" and wanted == "private":
        raise BuildRefused("gh-deploy publishes; it deploys only the public build. Unset CAREERFOLIO_AUDIENCE.")
    return "private" if wanted == "private" else "public"


def make_build_safe(config: MkDocsConfig, *, audience: Audience, command: str, dirty: bool) -> None:
    """Refuse what this build cannot do safely, and change what the private build must not do."""
    _refuse_plugins_that_cannot_work(config)
    if audience == "public":
        _refuse_unsafe_public_build(config, dirty=dirty)
        return
    if command == "build" and not _is_private_site_dir(config.site_dir):
        # site_dir is what gets deployed, whatever its name; a private build never lands there.
        private_dir = Path(config.config_file_path or ".").resolve().parent / PRIVATE_SITE_DIR
        log.info(f"the private site is written to {private_dir.name}/: a private build never writes into the site_dir it was given")
        config.site_dir = str(private_dir)
    _keep_private_build_offline(config)


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
            raise BuildRefused(why)


def _refuse_unsafe_public_build(config: MkDocsConfig, *, dirty: bool) -> None:
    """Refuse public builds that could publish what careerfolio never planned."""
    if dirty:
        # --dirty keeps pages of the last build, which may since have become private.
        raise BuildRefused("a public build must start from a clean site folder; run it without --dirty")
    docs = Path(config.docs_dir)
    roots = [Path.cwd()]  # both read a relative folder from the working directory
    extensions = [(name, config.mdx_configs.get(name, {})) for name in config.markdown_extensions]
    if reaches(docs, snippets_bases(extensions), roots):
        raise BuildRefused(SNIPPETS_REFUSED)
    # Found by class, as a plugin may be listed under another name; its include_dir is docs_dir unless set.
    include_dirs = [
        str(plugin.config.get("include_dir") or config.docs_dir)
        for plugin in config.plugins.values()
        if type(plugin).__module__.partition(".")[0] == "mkdocs_macros"
    ]
    if reaches(docs, include_dirs, roots):
        raise BuildRefused(MACROS_REFUSED)


def _is_private_site_dir(site_dir: str) -> bool:
    """True when the output folder says by its own name that it is for a private build (`site-private`, `private-preview`).

    Any other folder may be what a workflow deploys (`site/`, `public/`, `docs/`): the rule
    depends on nothing but the name, so no setting can send a private build there.
    """
    return "private" in Path(site_dir).name.lower()


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
