"""careerfolio's templates inside the theme: where templates/overrides/ sits, what it reads from the config, and the Jinja environment.

The speed tricks of the environment (the fragment cache, compiled templates
kept between builds) are added only when the plugin says they are wanted.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from careerfolio.adapters.mkdocs.fragments import Fragments
from careerfolio.views.compiled import CompiledTemplates
from careerfolio.views.dashboard import DASHBOARD_CSS
from careerfolio.views.messages import Messages
from careerfolio.views.render import templates_dir

# Where templates/overrides/partials/nav.html finds the theme's own partial of the same name.
THEME_PREFIX = "careerfolio-theme"


def add_overrides(config: MkDocsConfig, *, audience: str, messages: Messages) -> None:
    """Put careerfolio's template overrides in the theme, and in `extra` what they read."""
    # Our template overrides sit after the user's custom_dir and before the theme's own.
    overrides = str(templates_dir() / "overrides")
    if overrides not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
    # The private banner is written by overrides/main.html, which reads it here.
    config.extra["careerfolio_words"] = {key: messages(key) for key in ("banner.private", "banner.text")}
    config.extra["careerfolio_audience"] = audience
    if "generator" not in config.extra:
        # Material's own switch for its "Made with Material for MkDocs" line: a portfolio is about its person.
        config.extra["generator"] = False
    if audience == "private" and DASHBOARD_CSS not in config.extra_css:
        config.extra_css.append(DASHBOARD_CSS)  # the private banner and the dashboard; written by the dashboard part


def extend_environment(env: jinja2.Environment, config: MkDocsConfig, *, speed_tricks: bool, compiled: CompiledTemplates) -> None:
    """Let the overrides reach the theme's own templates; with the speed tricks, share fragments and compiled code."""
    # templates/overrides/partials/nav.html wraps the theme's own partial, which it reaches under this prefix.
    overrides = str(templates_dir() / "overrides")
    below = config.theme.dirs[config.theme.dirs.index(overrides) + 1 :] if overrides in config.theme.dirs else []
    theme = jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(below)})
    env.loader = jinja2.ChoiceLoader([env.loader, theme] if env.loader is not None else [theme])
    if speed_tricks:
        # Without this global, templates/overrides/ render every piece of the theme every time.
        env.globals["careerfolio_fragments"] = Fragments(config)
        # MkDocs makes a new environment for every build, so every build, and `mkdocs serve` after
        # each save, compiled the theme's templates again. Compiled code is kept (see compiled.py).
        env.bytecode_cache = compiled
