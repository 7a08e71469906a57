"""The one Jinja2 environment over templates/: autoescape on, undefined names fail."""

from __future__ import annotations

import json
from collections.abc import Callable, MutableMapping
from functools import lru_cache
from pathlib import Path
from types import CodeType, FunctionType, MethodType
from typing import Any

import markupsafe
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup, escape

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


class _Context(Context):
    """Jinja's context, with a quicker way to call what a template calls: `t(...)`, `t.date(...)`, `link(...)`, macros.

    Jinja's own `call` asks each callable whether it wants the context, the eval context or the
    environment passed first (`pass_context` and the like) by looking for an attribute that
    plain functions lack; every miss raises and catches an AttributeError inside `hasattr`.
    A long career's pages make about 20 such calls per entry, and the asking cost twice the
    call itself. The answer depends on the function alone, so it is asked once per function
    (per class, for a callable object such as a macro or the messages) and remembered.
    """

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind = type(__obj)
        if kind is MethodType:
            key = __obj.__func__
        elif kind is FunctionType:
            key = __obj
        elif "jinja_pass_arg" in getattr(__obj, "__dict__", ()):  # marked on this object alone, not its class
            return super().call(__obj, *args, **kwargs)
        else:
            key = kind
        plain = _PLAIN.get(key)
        if plain is None:
            plain = _plain_callable(__obj)
            if len(_PLAIN) < _PLAIN_KEPT:  # functions made afresh per page would otherwise pile up
                _PLAIN[key] = plain
        if not plain:
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")


# Whether each function (or class of callable object) a template called takes its arguments as given.
_PLAIN: dict[object, bool] = {}
_PLAIN_KEPT = 4096


def _plain_callable(obj: Any) -> bool:
    """True when Jinja passes `obj` nothing of its own (no pass_context, pass_eval_context or pass_environment)."""
    call = getattr(obj, "__call__", None)  # noqa: B004 - as Jinja looks, for callable objects that take the context
    return not hasattr(obj, "jinja_pass_arg") and not hasattr(call, "jinja_pass_arg")


# markupsafe's own escaping of text, which its `escape` wraps in a Markup (None if a version lacks it).
_escape_text: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)


def _escaped(value: Any) -> str:
    """What `{{ value }}` writes: markupsafe's escape, left a plain str when `value` is text.

    A template's output is only ever joined (into the page, or into the Markup a macro or
    a call block returns), so the Markup that `escape` makes of every value is never read
    as such; making it cost a third of an entry header's render.
    """
    if type(value) is str:
        return _escape_text(value)  # type: ignore[misc]  # _Template uses this only when markupsafe has it
    return escape(value)


class _Template(Template):
    """A template whose output expressions (`{{ ... }}`) escape through `_escaped`."""

    @classmethod
    def from_code(
        cls, environment: Environment, code: CodeType, globals: MutableMapping[str, Any], uptodate: Callable[[], bool] | None = None
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled code calls the `escape` of its module namespace, which its macros and blocks share.
        template.root_render_func.__globals__["escape"] = _escaped  # type: ignore[attr-defined]
        return template


# Whether renders take the three shortcuts through Jinja's internals (_Context.call, _Template's escaping,
# render_template's own globals): a speed trick, which the MkDocs adapter turns off with CAREERFOLIO_SPEED_TRICKS=off.
_shortcuts = {"on": True}


def use_speed_tricks(on: bool) -> None:
    """Take Jinja's shortcuts in renders from now on, or not; the output is the same either way."""
    _shortcuts["on"] = on


def environment() -> Environment:
    """The shared environment; HTML, XML and SVG templates (and `.md.j2` pages) autoescape."""
    return _environment(_shortcuts["on"])


@lru_cache(maxsize=2)
def _environment(shortcuts: bool) -> Environment:
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
    if shortcuts:
        env.context_class = _Context
        if _escape_text is not None:
            env.template_class = _Template
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
    template = environment().get_template(name)
    if not _shortcuts["on"]:
        return template.render(**context)
    # What Template.render does, less its copy of the environment's globals into each render's
    # variables through a ChainMap: a long career renders thousands of small templates (an entry's
    # header takes 27 µs), and that copy cost a quarter of each. Ours are copied once per template.
    values = {**_globals_of(template), **context}
    try:
        return template.environment.concat(template.root_render_func(template.new_context(values, shared=True)))  # type: ignore[attr-defined]
    except Exception:
        template.environment.handle_exception()


@lru_cache(maxsize=256)
def _globals_of(template: Template) -> dict[str, Any]:
    """The globals a template sees, as one dict; environment() sets them all before it loads any template."""
    return dict(template.globals)
