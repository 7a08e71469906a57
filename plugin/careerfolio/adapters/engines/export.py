"""`careerfolio export`: one audience's site source as plain files, for site engines that run no plugins.

The plan is `build_site`'s, as under the MkDocs plugin; what a public export
copies besides pages is decided as the plugin decides it: each page is
rendered with Python-Markdown and its links are read with htmllinks, so only
files a public page links to are copied. The folder holds an engine config
(mkdocs.yml, which ProperDocs and Zensical both read) and a `docs/` folder.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import markdown
import yaml

from careerfolio.adapters.mkdocs.siteconfig import SiteConfig, config_strings, plugin_options, prune_nav, read_raw_config
from careerfolio.authoring.newfiles import replace_own
from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.loader import parse_source, read_tree
from careerfolio.content.paths import looks_like_markdown
from careerfolio.content.urls import page_url
from careerfolio.plan.model import Audience, SitePage
from careerfolio.plan.site import BuildContext, Site, build_site
from careerfolio.privacy.htmllinks import PublicLinks, drop_links
from careerfolio.privacy.includes import MACROS_REFUSED, SNIPPETS_REFUSED, reaches, snippets_bases
from careerfolio.problems import CareerfolioError, Problem, Words
from careerfolio.settings import PLUGIN_NAME
from careerfolio.views.dashboard import DASHBOARD_CSS
from careerfolio.views.render import templates_dir

# Relative to the site's folder; both sit under build/, which a new site's .gitignore leaves out.
DEFAULT_OUT = {"public": "build/careerfolio-public", "private": "build/careerfolio-private"}
DOCS = "docs"
ENGINE_CONFIG = "mkdocs.yml"
# The export's theme overrides (see templates/engines/), beside docs/.
OVERRIDES = "overrides"
SITE_DIRS = {"public": "site", "private": "site-private"}
# Marks a folder as an export and says for which audience: a private export never reuses a public one's folder.
MARKER = ".careerfolio-export"
_PASSTHROUGH_META = ("hide", "icon", "status", "search", "template")
_MAX_TEXT_BYTES = 2 * 1024 * 1024
PRIVATE_BANNER = (
    '<p class="cf-private-banner" role="note"><strong>Private</strong>: this site shows your whole career. Do not publish it.</p>'
)


class ExportError(CareerfolioError):
    """The export cannot be written where it was asked to go; the message is meant for the user."""


@dataclass
class Staged:
    """Everything one export writes, by path relative to its folder, and what it left out."""

    audience: Audience
    corpus: Corpus
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unpublished: list[tuple[str, str | None]] = field(default_factory=list)  # for the leak guard


def list_assets(docs_dir: Path) -> list[str]:
    """Every file under `docs_dir` that is not Markdown, skipping dot files and links, as the plugin's build sees them."""
    out: list[str] = []
    for folder, folders, names in os.walk(docs_dir):
        folders[:] = sorted(name for name in folders if not name.startswith(".") and not os.path.islink(os.path.join(folder, name)))
        relative = Path(folder).relative_to(docs_dir).as_posix()
        for name in names:
            path = os.path.join(folder, name)
            if name.startswith(".") or os.path.islink(path) or looks_like_markdown(name):
                continue
            out.append(name if relative == "." else f"{relative}/{name}")
    return sorted(out)


def stage_site(site: SiteConfig, audience: Audience, today: dt.date) -> Staged:
    """Plan the export of `site` for `audience`: the files to write, none of them private in a public one."""
    if not site.docs_dir.is_dir():
        raise ExportError(f"the content folder {site.docs_dir} does not exist")
    raw = read_raw_config(site.config_file) if site.config_file is not None else {}
    raw = raw if isinstance(raw, dict) else {}
    use_directory_urls = raw.get("use_directory_urls", True) is not False
    sources, linked = _split_off_links(site, read_tree(site.docs_dir))
    assets = list_assets(site.docs_dir)
    corpus = load_corpus(sources, site.settings)
    context = BuildContext(
        audience=audience,
        today=today,
        settings=site.settings,
        use_directory_urls=use_directory_urls,
        site_url=raw.get("site_url") if isinstance(raw.get("site_url"), str) else None,
        user_pages=frozenset(path for path, _ in sources),
    )
    plan = build_site(corpus, context, assets)
    staged = Staged(audience, corpus, problems=[*corpus.problems, *plan.problems])
    configured = {str(path) for key in ("extra_css", "extra_javascript") for path in raw.get(key) or () if isinstance(path, str)}
    if audience == "public":
        _refuse_includes_of_private_files(raw, site)
        links = _public_links(plan, [*sources, *linked], assets, use_directory_urls)
        renderer = _markdown_renderer(raw)
        for page in plan.pages:
            staged.files[f"{DOCS}/{page.src_path}"] = _page_file(page, _public_body(page, renderer, links, use_directory_urls, staged))
        copied = (links.linked_assets | configured) & plan.assets
        _note_unpublished(staged, site, [*sources, *linked], assets, {p.src_path for p in plan.pages}, copied)
    else:
        for page in plan.pages:
            staged.files[f"{DOCS}/{page.src_path}"] = _page_file(page, f"{PRIVATE_BANNER}\n\n{page.text}")
        copied = set(plan.assets)
    for extra in plan.files:
        content = extra.content
        staged.files[f"{DOCS}/{extra.dest_path}"] = content.encode("utf-8") if isinstance(content, str) else content
    for path in sorted(copied):
        staged.files[f"{DOCS}/{path}"] = (site.docs_dir / path).read_bytes()
    staged.files[ENGINE_CONFIG] = _engine_config(raw, plan, site, audience).encode("utf-8")
    if _takes_our_overrides(raw):
        staged.files[f"{OVERRIDES}/main.html"] = (templates_dir() / "engines" / "main.html").read_bytes()
    return staged


def _split_off_links(site: SiteConfig, sources: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """(the sources, the Markdown files that are links left out), as the plugin's build leaves them out.

    A link out of the content folder is no content; a link to a file of an always-private folder
    (`shared.md -> checkups/2026-03-01.md`) is as private under its own name as under the file's.
    """
    docs = site.docs_dir.resolve()
    always_private = site.settings.is_always_private
    kept: list[tuple[str, bytes]] = []
    linked: list[tuple[str, bytes]] = []
    for path, data in sources:
        where = site.docs_dir / path
        if os.path.islink(where):
            real = Path(os.path.realpath(where))
            inside = real.is_relative_to(docs)
            if not inside or (always_private(real.relative_to(docs).as_posix()) and not always_private(path)):
                linked.append((path, data))
                continue
        kept.append((path, data))
    return kept, linked


def _refuse_includes_of_private_files(raw: dict[str, Any], site: SiteConfig) -> None:
    """Refuse a public export whose config lets the engine include a file of the content folder in a page.

    The export keeps the user's markdown_extensions and plugins, and the engine is run from the
    site's folder, where `pymdownx.snippets`' default base_path (".") holds the whole content folder.
    The macros plugin's default include_dir is the export's own docs folder, which holds only public files.
    """
    roots = [Path.cwd(), site.root]
    if reaches(site.docs_dir, snippets_bases(_extension_options(raw)), roots):
        raise ExportError(SNIPPETS_REFUSED)
    macros = plugin_options(raw.get("plugins"), "macros")
    include_dirs = [str(macros["include_dir"])] if isinstance(macros, dict) and macros.get("include_dir") else []
    if reaches(site.docs_dir, include_dirs, roots):
        raise ExportError(MACROS_REFUSED)


def _extension_options(raw: dict[str, Any]) -> list[tuple[str, Any]]:
    """(name, options) of each of the user's markdown_extensions, as mkdocs.yml lists them."""
    pairs: list[tuple[str, Any]] = []
    for item in raw.get("markdown_extensions") or ():
        if isinstance(item, str):
            pairs.append((item, {}))
        elif isinstance(item, dict):
            pairs += [(str(name), options or {}) for name, options in item.items()]
    return pairs


def _takes_our_overrides(raw: dict[str, Any]) -> bool:
    """Whether the export brings its own theme override (the feed link): Material's theme, and no custom_dir of the user's.

    Engines take one custom_dir; a user's own stays, without the feed link, rather than be merged with ours.
    """
    theme = raw.get("theme")
    return isinstance(theme, dict) and theme.get("name") == "material" and not theme.get("custom_dir")


def _public_links(plan: Site, sources: list[tuple[str, bytes]], assets: list[str], use_directory_urls: bool) -> PublicLinks:
    links = PublicLinks()
    published = {page.src_path for page in plan.pages if not page.generated}
    for path, _ in sources:
        url = page_url(path, use_directory_urls)
        dest = f"{url}index.html" if url.endswith("/") or not url else url
        links.add_page(path, url, dest, path in published)
    for path in assets:
        links.add_file(path, path, path in plan.assets)
    return links


def _markdown_renderer(raw: dict[str, Any]) -> markdown.Markdown:
    """Python-Markdown with the user's extensions, so links read from its HTML are the engine's links; plain when they do not load."""
    extensions = _extension_options(raw)
    names = [name for name, _ in extensions]
    configs = {name: options for name, options in extensions if options}
    try:
        return markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # an extension the engine knows and Python-Markdown does not: links in plain Markdown still count
        return markdown.Markdown(extensions=["attr_list", "tables"])


def _public_body(page: SitePage, renderer: markdown.Markdown, links: PublicLinks, use_directory_urls: bool, staged: Staged) -> str:
    """The page's text; as its rendered HTML, links to what is not public taken out, when its Markdown holds such a link."""
    text = page.text
    rendered = renderer.reset().convert(text)
    kept, removed = drop_links(rendered, partial(links.allows, page_url(page.src_path, use_directory_urls), page.src_path))
    if not removed:
        return text
    message = "links to a page or file that is not public; the link is removed"
    staged.problems.append(Problem(page.src_path, None, None, message, said=Words("problem.link_or_file_removed")))
    return kept


def _page_file(page: SitePage, body: str) -> bytes:
    # Engines write titles into HTML unescaped (see PRIVACY.md, XSS): they get escaped text only.
    meta: dict[str, Any] = {"title": html.escape(page.title)}
    meta.update({key: page.meta[key] for key in _PASSTHROUGH_META if key in page.meta})
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}\n".encode()


def _note_unpublished(
    staged: Staged, site: SiteConfig, sources: list[tuple[str, bytes]], assets: list[str], pages: set[str], copied: set[str]
) -> None:
    """What the leak guard looks for from files a public export leaves out: names, and text where it has text."""
    excluded = set(staged.corpus.excluded)
    for path, data in sources:
        if path in pages:
            continue
        text = None
        if path in excluded:
            source = parse_source(path, data)
            title = source.meta.get("title")
            text = f"{title if isinstance(title, str) else ''}\n{source.body}"
        staged.unpublished.append((path, text))
    for path in assets:
        if path in copied:
            continue
        text = None
        try:
            if (site.docs_dir / path).stat().st_size <= _MAX_TEXT_BYTES:
                text = (site.docs_dir / path).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            pass  # binary or unreadable: its name is still looked for
        staged.unpublished.append((path, text))


def _engine_config(raw: dict[str, Any], plan: Site, site: SiteConfig, audience: Audience) -> str:
    """The user's config for the export's folder: docs and site folders of its own, nav planned, careerfolio not listed."""
    config = {key: value for key, value in raw.items() if key not in ("INHERIT", "hooks")}
    config["docs_dir"] = DOCS
    config["site_dir"] = SITE_DIRS[audience]
    plugins = raw.get("plugins")
    if isinstance(plugins, dict):
        config["plugins"] = {name: options for name, options in plugins.items() if name != PLUGIN_NAME}
    elif isinstance(plugins, list):
        config["plugins"] = [item for item in plugins if item != PLUGIN_NAME and not (isinstance(item, dict) and PLUGIN_NAME in item)]
    theme = raw.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        config["theme"] = {**theme, "custom_dir": os.fspath(site.root / theme["custom_dir"])}
    elif _takes_our_overrides(raw) and isinstance(theme, dict):
        config["theme"] = {**theme, "custom_dir": OVERRIDES}
    planned = {page.src_path for page in plan.pages}
    if raw.get("nav") is None:
        config["nav"] = [{html.escape(item.title): item.src_path} for item in plan.nav]
    else:
        # Entries for Markdown files the export does not hold go; links to other sites stay.
        config["nav"] = prune_nav(raw["nav"], lambda entry: looks_like_markdown(entry) and entry not in planned)
    extra = dict(raw.get("extra") or {}) if isinstance(raw.get("extra"), dict) else {}
    extra["careerfolio_audience"] = audience
    config["extra"] = extra
    if audience == "private":
        css = [path for path in raw.get("extra_css") or () if path != DASHBOARD_CSS]
        config["extra_css"] = [*css, DASHBOARD_CSS]
    return (
        "# Written by `careerfolio export`; edits are overwritten. Build it with any engine, then run `careerfolio guard`.\n"
        + yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)
    )


class _ConfigDumper(yaml.SafeDumper):
    """Writes what MkDocs' loader made of `!!python/name:` tags (functions, classes) back as those tags."""


def _represent_python_name(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", "")


_ConfigDumper.add_multi_representer(type, _represent_python_name)
_ConfigDumper.add_multi_representer(type(len), _represent_python_name)
_ConfigDumper.add_multi_representer(type(lambda: None), _represent_python_name)


def check_out_folder(out: Path, audience: Audience) -> None:
    """Refuse a folder that a public build may deploy for a private export, or a folder that is not an export's."""
    if audience == "private" and "private" not in out.resolve().name.lower():
        raise ExportError(
            f"{out}: a private export goes only to a folder whose name says private (such as {Path(DEFAULT_OUT['private']).name})"
        )
    marker = out / MARKER
    if marker.is_file():
        made_for = marker.read_text("utf-8").strip()
        if made_for != audience:
            raise ExportError(f"{out} holds a {made_for} export; a {audience} export goes to another folder")
    elif out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out} is not empty and is not an export's folder; nothing was written")


def write_staged(staged: Staged, out: Path) -> list[str]:
    """Write the export into `out`: only files whose bytes changed, and remove the export's files that are gone."""
    check_out_folder(out, staged.audience)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / MARKER).is_file():
        (out / MARKER).write_text(staged.audience + "\n", encoding="utf-8")
    changed: list[str] = []
    for relative, data in sorted(staged.files.items()):
        target = out / relative
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        replace_own(target, data)
        changed.append(relative)
    changed += _remove_gone(out, set(staged.files))
    return changed


def _remove_gone(out: Path, kept: Iterable[str]) -> list[str]:
    """Delete files under the export's docs/ that this export no longer holds: a page made private must vanish."""
    keep = set(kept)
    removed: list[str] = []
    docs = out / DOCS
    for folder, folders, names in os.walk(docs, topdown=False):
        for name in names:
            relative = posixpath.join(DOCS, Path(folder, name).relative_to(docs).as_posix())
            if relative not in keep:
                os.unlink(os.path.join(folder, name))
                removed.append(relative)
        for name in folders:
            path = os.path.join(folder, name)
            if not os.path.islink(path) and not os.listdir(path):
                os.rmdir(path)
    return removed


def source_stamp(site: SiteConfig) -> tuple[tuple[str, int, int], ...]:
    """What changes when any file of the content folder or the config does: for `--watch`, which polls."""
    stamps = []
    paths: list[Path] = [site.config_file] if site.config_file is not None else []
    for folder, _, names in os.walk(site.docs_dir):
        paths += [Path(folder, name) for name in names]
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append((os.fspath(path), info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamps))


def guard_public_text(site: SiteConfig) -> list[str]:
    """Text that is public by the user's choice (site settings, nav titles) or careerfolio's (its templates)."""
    raw = read_raw_config(site.config_file) if site.config_file is not None else {}
    texts = config_strings(raw if isinstance(raw, dict) else {})
    for path in sorted(templates_dir().rglob("*")):
        if path.is_file():
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


# Where installed engines and themes keep the files they copy into every site, by package.
_THEME_FOLDERS = {"material": ("templates",), "mkdocs": ("themes/mkdocs", "themes/readthedocs"), "zensical": ("templates",)}


def installed_theme_dirs() -> list[Path]:
    """Theme folders of the engines installed beside careerfolio: their files in a site are the theme's, not the user's.

    Found without importing the packages (an engine may not import cleanly beside another).
    """
    folders: list[Path] = []
    for package, subfolders in _THEME_FOLDERS.items():
        try:
            spec = importlib.util.find_spec(package)
        except (ImportError, ValueError):
            continue
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            folders += [Path(location, sub) for sub in subfolders if Path(location, sub).is_dir()]
    return folders
