"""Reading a site's mkdocs.yml without MkDocs: where the content is and the plugin's options."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .settings import Settings

CONFIG_NAME = "mkdocs.yml"


class SiteConfigError(Exception):
    """mkdocs.yml is missing or unreadable; the message is meant for the user."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader that reads `!!python/name:` and `!ENV` tags as empty instead of failing."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    settings: Settings
    options: dict[str, Any]


def find_site_root(start: Path | None = None) -> Path:
    """The nearest folder from `start` upward that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise SiteConfigError(f"no {CONFIG_NAME} found in {here} or any folder above it")


def read_site_config(root: Path) -> SiteConfig:
    """docs_dir and careerfolio's plugin options from `root/mkdocs.yml`."""
    path = root / CONFIG_NAME
    try:
        with path.open("rb") as handle:
            raw = yaml.load(handle, Loader=_TolerantLoader) or {}
    except OSError as exc:
        raise SiteConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise SiteConfigError(f"{path}{where}: is not valid YAML") from None
    if not isinstance(raw, dict):
        raise SiteConfigError(f"{path}: must be a mapping of settings")
    options: dict[str, Any] = {}
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "careerfolio" in plugin:
            options = plugin["careerfolio"] or {}
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in options.items() if k in known})
    return SiteConfig(root, root / str(raw.get("docs_dir", "docs")), settings, options)
