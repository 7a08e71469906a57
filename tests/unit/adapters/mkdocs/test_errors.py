"""Errors meant for users reach MkDocs as one PluginError line, converted in one place; bugs stay tracebacks."""

from __future__ import annotations

import ast

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from careerfolio.adapters.mkdocs.errors import BuildRefused, plugin_errors, reported_to_mkdocs
from careerfolio.adapters.mkdocs.plugin import CareerfolioPlugin
from careerfolio.settings import SettingsError
from careerfolio.views.variants import VariantError
from helpers import REPO

ADAPTER = REPO / "plugin" / "careerfolio" / "adapters" / "mkdocs"


@pytest.mark.parametrize(
    "error",
    [SettingsError("careerfolio: journal_dir: must be a folder"), BuildRefused("no"), VariantError("resumes: x: unknown")],
    ids=["settings", "refusal", "a view's option"],
)
def test_an_error_meant_for_users_becomes_one_plugin_error(error: Exception) -> None:
    with pytest.raises(PluginError) as raised, plugin_errors("mkdocs.yml: plugins"):
        raise error
    assert str(raised.value) == f"mkdocs.yml: plugins: {error}"
    assert raised.value.__suppress_context__  # MkDocs shows the message, not the chain


def test_any_other_error_is_left_as_it_is() -> None:
    with pytest.raises(KeyError), plugin_errors():
        raise KeyError("a bug: its traceback is wanted")


def test_an_event_reports_its_errors_and_keeps_its_priority() -> None:
    @event_priority(-100)
    @reported_to_mkdocs
    def on_post_build() -> None:
        raise BuildRefused("the public site contains text of private files")

    assert on_post_build.mkdocs_priority == -100  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match=r"^careerfolio: the public site contains"):
        on_post_build()


def test_the_events_that_run_the_core_report_its_errors() -> None:
    for event in (CareerfolioPlugin.on_config, CareerfolioPlugin.on_files, CareerfolioPlugin.on_post_build):
        assert hasattr(event, "__wrapped__"), event


def test_only_errors_py_makes_plugin_errors() -> None:
    """Every other module raises the family's own errors; one place decides how MkDocs sees them."""
    makers = set()
    for path in sorted(ADAPTER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and any(alias.name == "PluginError" for alias in node.names):
                makers.add(path.name)
    assert makers == {"errors.py"}
