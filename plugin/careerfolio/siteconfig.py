"""Reading a site's mkdocs.yml for the `careerfolio` command: where the content is and the plugin's settings.

The YAML is read by MkDocs' own loader when MkDocs is installed, so `INHERIT`
and `!ENV` mean what they mean to `mkdocs build`; the options are judged by
`settings.build_settings`, as the plugin judges them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import CareerfolioError
from .settings import PLUGIN_NAME, Settings, SettingsError, build_settings

CONFIG_NAME = "mkdocs.yml"


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
    # MkDocs' own options that decide what a build holds and where pages land, as written in mkdocs.yml.
    exclude_docs: str = ""
    draft_docs: str = ""
    use_directory_urls: bool = True


def find_site_root(start: Path | None = None) -> Path:
    """The nearest folder from `start` upward that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise SiteConfigError(f"no {CONFIG_NAME} found in {here} or any folder above it")


def read_site_config(root: Path) -> SiteConfig:
    """docs_dir and careerfolio's settings from `root/mkdocs.yml`."""
    path = root / CONFIG_NAME
    raw = _load(path)
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{path}: must be a mapping of settings")
    docs_dir = raw.get("docs_dir", "docs")
    if not isinstance(docs_dir, (str, os.PathLike)):
        raise SiteConfigError(f"{path}: docs_dir: must be the name of a folder")
    try:
        settings = build_settings(plugin_options(raw.get("plugins")))
    except SettingsError as exc:
        raise SiteConfigError(f"{path}: plugins: {exc}") from None
    return SiteConfig(
        root,
        root / os.fspath(docs_dir),
        settings,
        exclude_docs=_text_option(raw, "exclude_docs", path),
        draft_docs=_text_option(raw, "draft_docs", path),
        use_directory_urls=raw.get("use_directory_urls", True) is not False,
    )


def _text_option(raw: dict[str, Any], name: str, path: Path) -> str:
    """A multi-line pattern option (gitignore lines), empty when absent; MkDocs takes nothing else."""
    value = raw.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SiteConfigError(f"{path}: {name}: must be lines of patterns, as MkDocs expects")
    return value


def plugin_options(plugins: Any) -> Any:
    """careerfolio's options from mkdocs.yml's `plugins`, in MkDocs' list form or its mapping form.

    None when careerfolio is listed without options or not at all; any other
    value is handed to build_settings as it is, to be judged there.
    """
    if isinstance(plugins, dict):
        return plugins.get(PLUGIN_NAME)
    options = None
    for item in plugins if isinstance(plugins, list) else ():
        if isinstance(item, dict) and PLUGIN_NAME in item:
            options = item[PLUGIN_NAME]
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
    except ImportError:  # the core runs without MkDocs; the command then reads the file alone
        return yaml.load(handle, Loader=_TolerantLoader)
    try:
        return yaml_load(handle)
    except ConfigurationError as exc:
        # MkDocs wraps a YAML error, whose text quotes lines of the file, in several lines of its own.
        if isinstance(exc.__context__, yaml.YAMLError):
            raise exc.__context__ from None
        raise SiteConfigError(f"{getattr(handle, 'name', CONFIG_NAME)}: {str(exc).splitlines()[0]}") from None
