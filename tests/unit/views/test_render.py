"""The shared Jinja environment calls what templates call as Jinja itself would."""

from __future__ import annotations

from typing import Any

import jinja2
import pytest

from careerfolio.views import render
from careerfolio.views.render import environment


class _Words:
    def __call__(self, key: str) -> str:
        return key.upper()

    def date(self, value: str) -> str:
        return f"on {value}"


class _WantsContext:
    @jinja2.pass_context
    def __call__(self, context: Any, key: str) -> str:
        return f"{context['here']}:{key}"


def _render(source: str, **values: Any) -> str:
    return environment().from_string(source).render(**values)


def test_plain_callables_get_their_arguments_as_given() -> None:
    words = _Words()
    source = "{{ t('a') }} {{ t.date('2024') }}{% for x in [1, 2] %} {{ f(x) }}{% endfor %}"
    assert _render(source, t=words, f=lambda x: x * 10) == "A on 2024 10 20"


def test_callables_that_ask_for_the_context_still_get_it() -> None:
    @jinja2.pass_context
    def where(context: Any, key: str) -> str:
        return f"{context['here']}/{key}"

    @jinja2.pass_environment
    def env_name(env: jinja2.Environment) -> str:
        return type(env).__name__

    source = "{{ where('x') }} {{ obj('y') }} {{ env_name() }}{% for i in [1] %} {{ where(i) }}{% endfor %}"
    assert _render(source, where=where, obj=_WantsContext(), env_name=env_name, here="p") == "p/x p:y Environment p/1"


class _Counting:
    def __call__(self, *args: Any) -> int:
        return len(args)


def test_a_mark_on_one_object_is_seen_though_its_class_has_none() -> None:
    marked = _Counting()
    marked.jinja_pass_arg = jinja2.utils._PassArg.context  # type: ignore[attr-defined]  # as pass_context marks
    assert _render("{{ plain('k') }} {{ marked('k') }} {{ plain('k') }}", plain=_Counting(), marked=marked) == "1 2 1"


def test_a_callable_that_raises_stop_iteration_gives_undefined_as_in_jinja() -> None:
    assert _render("{{ f() is defined }}", f=lambda: next(iter(()))) == "False"


def test_macros_are_called_with_loop_variables_left_out() -> None:
    source = "{% macro m(x) %}<{{ x }}>{% endmacro %}{% for i in [1, 2] %}{{ m(i) }}{% endfor %}"
    assert _render(source) == "<1><2>"


def test_render_template_raises_as_jinja_does() -> None:
    from careerfolio.views.render import render_template

    header = render_template("portfolio/_macros.html")  # a file of macros only: renders to whitespace
    assert header.strip() == ""
    with pytest.raises(jinja2.UndefinedError):
        render_template("pages/layoff_plan.html")


def test_the_speed_trick_switch_turns_jinjas_shortcuts_off_and_the_words_stay() -> None:
    from careerfolio.views.render import use_speed_tricks

    source = "{{ t('a') }} {{ t.date('2024') }} {{ w('k') }}"
    values = {"t": _Words(), "w": _WantsContext(), "here": "there"}
    with_shortcuts = _render(source, **values)
    use_speed_tricks(False)
    try:
        assert environment().context_class is jinja2.runtime.Context
        assert _render(source, **values) == with_shortcuts == "A on 2024 there:k"
    finally:
        use_speed_tricks(True)
    assert environment().context_class is not jinja2.runtime.Context


class _Html:
    def __html__(self) -> str:
        return "<b>own</b>"


def test_output_is_escaped_as_markupsafe_escapes_it_with_the_shortcuts_on_and_off() -> None:
    # The shortcut leaves escaped text a plain str; what a page, a macro, a call block or a set block writes is the same.
    from markupsafe import Markup

    from careerfolio.views.render import use_speed_tricks

    source = (
        "{% macro m(x) %}[{{ x }}]{% endmacro %}{% macro box() %}({{ caller() }}){% endmacro %}"
        "{{ a }}|{{ m(a) }}|{% call box() %}{{ a }}{% endcall %}|{% set s %}{{ a }}{% endset %}{{ s }}|{{ s | length }}|"
        "{{ safe }}|{{ own }}|{{ n }}|{{ none }}|{{ a ~ safe }}|{{ [a] | join(', ') }}"
    )
    values = {"a": "<a href='x'>&\"</a>", "safe": Markup("<i>kept</i>"), "own": _Html(), "n": 12, "none": None}
    assert environment().template_class is render._Template  # the shortcut is on, or this compares Jinja with itself
    with_shortcuts = _render(source, **values)
    use_speed_tricks(False)
    try:
        assert environment().template_class is jinja2.Template
        plain = _render(source, **values)
    finally:
        use_speed_tricks(True)
    assert with_shortcuts == plain
    assert "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;|[&lt;a" in plain and "|<b>own</b>|12|None|" in plain
