"""The one Jinja2 environment over templates/: autoescape on, undefined names fail."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from careerfolio.content.levels import LEVELS
from careerfolio.content.urls import LinksFrom, asset_url, relative_url, safe_link
from careerfolio.views.compiled import CompiledTemplates, default_cache_folder


def templates_dir() -> Path:
    """templates/ shipped in the wheel, or the repository's top-level templates/ in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("careerfolio's templates folder is missing from the installation")


def _tojson(value: Any) -> Markup:
    # Safe inside <script>: <, >, & and ' cannot end the element or an attribute.
    text = json.dumps(value, ensure_ascii=False, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
    return Markup(text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared environment; HTML, XML and SVG templates (and `.md.j2` pages) autoescape."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(enabled_extensions=("html", "xml", "svg", "md", "j2"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        # Our templates ship with the package and never change during a build; checking each
        # one's mtime on every render costs a stat per page.
        auto_reload=False,
        bytecode_cache=CompiledTemplates(default_cache_folder()),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["tojson"] = _tojson
    env.filters["allowed_url"] = safe_link  # a URL on the allow-list, else None; still escaped
    env.tests["sentence_end"] = ends_sentence
    env.globals.update(Markup=Markup, levels=LEVELS, relative_url=relative_url, asset_url=asset_url, links_from=LinksFrom)
    return env


def ends_sentence(text: str) -> bool:
    """True when `text` ends with a full stop, "!" or "?" (trailing space aside): a fact list adds no hidden stop then."""
    return str(text).rstrip()[-1:] in (".", "!", "?")


def render_template(name: str, **context: Any) -> str:
    """Render one template of templates/ with `context`."""
    return environment().get_template(name).render(**context)
