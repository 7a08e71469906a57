"""Where careerfolio's errors become MkDocs' PluginError: the one conversion, so every refusal reads alike.

MkDocs prints a PluginError as one line and stops; any other exception is a
traceback. The core and this adapter raise `CareerfolioError`s meant for users;
`reported_to_mkdocs` turns them into PluginError at the plugin's events.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from mkdocs.exceptions import PluginError

from careerfolio.problems import CareerfolioError

Params = ParamSpec("Params")
Result = TypeVar("Result")


class BuildRefused(CareerfolioError):
    """A build careerfolio will not make as configured; the message says what to change."""


@contextmanager
def plugin_errors(where: str = "careerfolio") -> Iterator[None]:
    """Raise an error meant for users from inside as a PluginError: one line, after `where`, without a traceback."""
    try:
        yield
    except CareerfolioError as exc:
        raise PluginError(f"{where}: {exc}") from None


def reported_to_mkdocs(event: Callable[Params, Result]) -> Callable[Params, Result]:
    """A plugin event whose errors meant for users reach MkDocs as PluginError (see plugin_errors)."""

    @functools.wraps(event)
    def reporting(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        with plugin_errors():
            return event(*args, **kwargs)

    return reporting
