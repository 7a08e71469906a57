"""Fixtures shared by every test folder; the helpers themselves live in helpers.py.

The repository's example career (mkdocs.yml and content/) is built once per audience for the whole
session, by `example_public` and `example_private`, with CAREERFOLIO_SPEED_TRICKS as the environment
sets it (`make test` runs the builds' tests a second time with the tricks off). Both builds are for
reading only: a test that changes a site copies it first. Each fixture checks at the end of the
session that no file of its site, or of the copy they were built from, changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_support import copy_example
from helpers import build_example, write_site


@pytest.fixture
def site_factory(tmp_path: Path) -> Callable[..., Path]:
    def factory(files: list[tuple[str, bytes]], **kwargs: Any) -> Path:
        return write_site(tmp_path / "site-src", files, **kwargs)

    return factory


def _state(*paths: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `paths` with its size and modification time: enough to see a change."""
    found: dict[str, tuple[int, int]] = {}
    for top in paths:
        for path in sorted([top, *top.rglob("*")]):
            stat = path.lstat()
            found[path.as_posix()] = (stat.st_size if path.is_file() else -1, stat.st_mtime_ns)
    return found


def _unchanged(what: str, before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> None:
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    if changed:
        pytest.fail(f"a test changed {what}, which is shared by the whole session: copy it first. Changed: {changed[:5]}", pytrace=False)


@pytest.fixture(scope="session")
def example_source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the example career that `example_public` and `example_private` are built from. Read-only."""
    root = copy_example(tmp_path_factory.mktemp("example") / "career")
    before = _state(root / "mkdocs.yml", root / "content")
    yield root
    _unchanged("the example career's copy", before, _state(root / "mkdocs.yml", root / "content"))


def _example_build(source: Path, audience: str) -> Iterator[Path]:
    site = build_example(source, audience)
    before = _state(site)
    yield site
    _unchanged(f"the {audience} build of the example career", before, _state(site))


@pytest.fixture(scope="session")
def example_public(example_source: Path) -> Iterator[Path]:
    """The example career's public portfolio, built once for the session (`site/` of `example_source`). Read-only."""
    yield from _example_build(example_source, "public")


@pytest.fixture(scope="session")
def example_private(example_source: Path) -> Iterator[Path]:
    """The example career's private site, built once for the session (`site-private/` of `example_source`). Read-only."""
    yield from _example_build(example_source, "private")
