"""The leak guard's hook in a public build: the guard's own process fed each page as it is written, and its verdict.

With the speed tricks on (and where a process can fork), the guard searches the
pages in a process of its own while MkDocs writes them (see privacy/guardrun.py);
otherwise, or when that process fails, the whole site is scanned once the build
is done. Either way the verdict comes after every other plugin wrote its files,
and a leak removes the leaking files and stops the build.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from careerfolio.adapters.mkdocs.errors import BuildRefused
from careerfolio.adapters.mkdocs.siteconfig import config_strings
from careerfolio.content.corpus import Corpus
from careerfolio.privacy.guard import Hit, build_secrets, remove_outputs, scan_site
from careerfolio.privacy.guardrun import GuardRun, forking_possible
from careerfolio.views.render import templates_dir

_MAX_HITS_SHOWN = 30

# Docs files left out of a public build, as (path, text or None): the guard looks for their text and names.
Unpublished = list[tuple[str, str | None]]


class GuardHook:
    """The leak guard of one public build: started before any page is written, judged after the last plugin."""

    def __init__(self) -> None:
        self._run: GuardRun | None = None

    def start(self, config: MkDocsConfig, corpus: Corpus, unpublished: Unpublished) -> None:
        """Start the guard's own process beside the build, when a process can fork."""
        if not forking_possible():
            return
        # Everything the needles are made of is known now, before any page is written.
        unpublished, public = list(unpublished), _public_text(config)
        self._run = GuardRun(lambda: build_secrets(corpus, unpublished=unpublished, public_text=public), _trusted_dirs(config))

    def page(self, dest_uri: str, abs_dest_path: str) -> None:
        """MkDocs writes this page next; the guard's process reads the file once the next page is announced."""
        if self._run is not None:
            self._run.page(dest_uri, abs_dest_path)

    def stop(self) -> None:
        """The build failed: stop the guard's process, if any."""
        if self._run is not None:
            self._run.stop()
            self._run = None

    def judge(self, config: MkDocsConfig, corpus: Corpus, unpublished: Unpublished) -> None:
        """Raise BuildRefused, after removing them, when the site holds outputs that leak or cannot be read."""
        site_dir = Path(config.site_dir)
        run, self._run = self._run, None
        hits = run.finish(site_dir) if run is not None else None
        if hits is None:  # no process beside the build, or it failed: the same scan, here
            secrets = build_secrets(corpus, unpublished=unpublished, public_text=_public_text(config))
            hits = scan_site(site_dir, secrets, trusted_dirs=_trusted_dirs(config))
        if hits:
            raise BuildRefused(_remove_leaks(site_dir, hits))


def _remove_leaks(site_dir: Path, hits: list[Hit]) -> str:
    """Delete the outputs that leak or were not read, and say which they are: names only, never the text."""
    remove_outputs(site_dir, {hit.output for hit in hits})
    shown = [f"  {site_dir.name}/{hit.format()}" for hit in hits[:_MAX_HITS_SHOWN]]
    if len(hits) > _MAX_HITS_SHOWN:
        shown.append(f"  ... and {len(hits) - _MAX_HITS_SHOWN} more")
    return (
        "the public site contains text of private files, or files the leak guard cannot read, "
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


def _nav_titles(nav: Any) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in _nav_titles(item)]
    if isinstance(nav, dict):
        return [title for key, value in nav.items() for title in (str(key), *_nav_titles(value))]
    return []
