"""Reading a site's config for the `careerfolio` command: where the content is and the plugin's settings.

A site is the nearest folder holding mkdocs.yml, mkdocs.yaml, properdocs.yml
or zensical.toml, in that order. The YAML is read by MkDocs' own loader when
MkDocs is installed (ProperDocs' when only it is), so `INHERIT` and `!ENV`
mean what they mean to the engine; the options are judged by
`settings.build_settings`, as the plugin judges them. A zensical.toml carries
no careerfolio options (Zensical runs no plugins): its `docs_dir` is read and
the settings are the defaults.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from careerfolio.problems import CareerfolioError
from careerfolio.settings import PLUGIN_NAME, Settings, SettingsError, build_settings
from careerfolio.views.messages import load_messages
from careerfolio.views.variants import parse_variants

CONFIG_NAME = "mkdocs.yml"
# Looked for in this order: a site that keeps mkdocs.yml beside the zensical.toml careerfolio init
# writes (which points Zensical at the public export) is read from mkdocs.yml.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "zensical.toml")


class SiteConfigError(CareerfolioError):
    """mkdocs.yml is missing, unreadable or invalid; the message is meant for the user."""


class _TolerantLoader(yaml.SafeLoader):
    """Without MkDocs: a safe loader that reads `!!python/name:` and `!ENV` tags as empty instead of failing."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    settings: Settings
    config_file: Path | None = None
    # MkDocs' own options that decide what a build holds and where pages land, as written in mkdocs.yml.
    exclude_docs: str = ""
    draft_docs: str = ""
    use_directory_urls: bool = True


def config_file_in(folder: Path) -> Path | None:
    """The site config `folder` holds, by CONFIG_NAMES' order; None when it holds none."""
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def find_site_root(start: Path | None = None) -> Path:
    """The nearest folder from `start` upward that holds a site config (see CONFIG_NAMES)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if config_file_in(folder) is not None:
            return folder
    others = ", ".join(CONFIG_NAMES[1:-1]) + f" or {CONFIG_NAMES[-1]}"
    raise SiteConfigError(f"no {CONFIG_NAME} found in {here} or any folder above it (nor {others})")


def read_site_config(root: Path) -> SiteConfig:
    """docs_dir and careerfolio's settings from the config file of `root`."""
    path = config_file_in(root) or root / CONFIG_NAME
    raw = read_raw_config(path)
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{path}: must be a mapping of settings")
    docs_dir = raw.get("docs_dir", "docs")
    if not isinstance(docs_dir, (str, os.PathLike)):
        raise SiteConfigError(f"{path}: docs_dir: must be the name of a folder")
    options = plugin_options(raw.get("plugins"))
    try:
        settings = build_settings(options)
    except SettingsError as exc:
        raise SiteConfigError(f"{path}: plugins: {exc}") from None
    _judge_build_options(options, raw.get("theme"), root, where=f"{path}: plugins: {PLUGIN_NAME}")
    return SiteConfig(
        root,
        root / os.fspath(docs_dir),
        settings,
        path,
        exclude_docs=_text_option(raw, "exclude_docs", path),
        draft_docs=_text_option(raw, "draft_docs", path),
        use_directory_urls=raw.get("use_directory_urls", True) is not False,
    )


def _judge_build_options(options: Any, theme: Any, root: Path, *, where: str) -> None:
    """Refuse the options a build uses beyond the settings (résumé variants, the messages file) as the plugin would.

    The command uses neither, but `check` passing where `mkdocs build` stops would be a check that lies.
    """
    if not isinstance(options, Mapping):
        return  # None: every default (build_settings refused anything else)
    messages = options.get("messages")
    try:
        parse_variants(options.get("resumes"))
        if messages is not None:
            # MkDocs resolves the path from mkdocs.yml's folder and requires an existing file.
            if not isinstance(messages, str) or not (root / messages).is_file():
                raise SiteConfigError("messages: must name an existing YAML file, from the folder of mkdocs.yml")
            language = theme.get("language") if isinstance(theme, Mapping) else None
            load_messages(language if isinstance(language, str) else None, root / messages)
    except CareerfolioError as exc:
        raise SiteConfigError(f"{where}: {exc}") from None


def _text_option(raw: dict[str, Any], name: str, path: Path) -> str:
    """A multi-line pattern option (gitignore lines), empty when absent; MkDocs takes nothing else."""
    value = raw.get(name)
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)  # zensical.toml writes the lines as an array
    if not isinstance(value, str):
        raise SiteConfigError(f"{path}: {name}: must be lines of patterns, as MkDocs expects")
    return value


def read_raw_config(path: Path) -> Any:
    """The settings of a config file as a mapping: YAML as the engine reads it, or zensical.toml's [project] table."""
    if path.suffix != ".toml":
        return _load(path)
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle)
    except OSError as exc:
        raise SiteConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"{path}: cannot be read as TOML ({exc})") from None
    project = table.get("project", {})
    if not isinstance(project, dict):
        raise SiteConfigError(f"{path}: [project] must be a table of settings")
    return {key: value for key, value in project.items() if key != "plugins"}


def plugin_options(plugins: Any, name: str = PLUGIN_NAME) -> Any:
    """A plugin's options (careerfolio's unless `name` says) from mkdocs.yml's `plugins`, in MkDocs' list form or its mapping form.

    None when the plugin is listed without options or not at all; any other
    value is handed on as it is, to be judged by its reader (build_settings for careerfolio's).
    """
    if isinstance(plugins, dict):
        return plugins.get(name)
    options = None
    for item in plugins if isinstance(plugins, list) else ():
        if isinstance(item, dict) and name in item:
            options = item[name]
    return options


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return _mkdocs_yaml_load(handle)
    except OSError as exc:
        raise SiteConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = str(getattr(exc, "problem", None) or "").split("\n")[0]
        raise SiteConfigError(f"{path}{where}: cannot be read as YAML" + (f" ({problem})" if problem else "")) from None


def _mkdocs_yaml_load(handle: Any) -> Any:
    """The YAML of mkdocs.yml as `mkdocs build` reads it, INHERIT merged and !ENV set; without MkDocs, a safe reading."""
    try:
        from mkdocs.exceptions import ConfigurationError
        from mkdocs.utils.yaml import yaml_load
    except ImportError:  # the core runs without MkDocs: ProperDocs' loader when it is installed, else the file alone
        try:
            from properdocs.exceptions import ConfigurationError  # type: ignore[no-redef,assignment,unused-ignore]
            from properdocs.utils.yaml import yaml_load  # type: ignore[no-redef,assignment,unused-ignore]
        except ImportError:
            return yaml.load(handle, Loader=_TolerantLoader)
    try:
        return yaml_load(handle)
    except ConfigurationError as exc:
        # MkDocs wraps a YAML error, whose text quotes lines of the file, in several lines of its own.
        if isinstance(exc.__context__, yaml.YAMLError):
            raise exc.__context__ from None
        raise SiteConfigError(f"{getattr(handle, 'name', CONFIG_NAME)}: {str(exc).splitlines()[0]}") from None


def config_strings(value: Any) -> list[str]:
    """Every key and text in a config value such as `extra`: text the user publishes on every page."""
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (str(key), *config_strings(item))]
    if isinstance(value, list):
        return [text for item in value for text in config_strings(item)]
    return [value] if isinstance(value, str) else []


def prune_nav(nav: Any, hidden: Callable[[str], bool], on_drop: Callable[[], None] = lambda: None) -> Any:
    """`nav` without the entries `hidden` says point at a docs file left out of the build; `on_drop` is told of each."""
    if isinstance(nav, list):
        kept = [prune_nav(item, hidden, on_drop) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        pruned = {key: prune_nav(value, hidden, on_drop) for key, value in nav.items()}
        return {key: value for key, value in pruned.items() if value is not None and value != []} or None
    if isinstance(nav, str) and hidden(nav.strip().lstrip("/")):
        on_drop()
        return None
    return nav
