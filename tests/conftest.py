"""Fixtures shared by every test folder; the helpers themselves live in helpers.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import write_site


@pytest.fixture
def site_factory(tmp_path: Path) -> Callable[..., Path]:
    def factory(files: list[tuple[str, bytes]], **kwargs: Any) -> Path:
        return write_site(tmp_path / "site-src", files, **kwargs)

    return factory
