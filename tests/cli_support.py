"""Helpers for the command tests: a copy of the example career, running a command, checking the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from careerfolio.cli import main
from conftest import REPO, TODAY

EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC).timestamp()))
_SUMMARY = re.compile(r"^(\d+) files checked: (\d+) errors?, (\d+) warnings?$", re.MULTILINE)


def copy_example(target: Path) -> Path:
    """A copy of the repository's example career (mkdocs.yml and content/) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "content", target / "content")
    return target


def run(cwd: Path, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run `careerfolio ARGS` in `cwd` through click's test runner, with today fixed to TODAY."""
    runner = CliRunner()
    with contextlib.chdir(cwd):
        return runner.invoke(main, list(args), input=input, env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})}, catch_exceptions=False)


def check_counts(site: Path) -> tuple[int, int]:
    """(errors, warnings) that `careerfolio check` finds in the site at `site`."""
    result = run(site, "check")
    match = _SUMMARY.search(result.output)
    assert match, result.output
    return int(match.group(2)), int(match.group(3))


def assert_clean(site: Path) -> None:
    """`careerfolio check` finds no error and no warning."""
    result = run(site, "check")
    assert check_counts(site) == (0, 0), result.output


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and folder under `folder` with its bytes and modification time, to prove nothing changed."""
    out: dict[str, tuple[bytes, int]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = (path.read_bytes() if path.is_file() else b"<dir>", path.stat().st_mtime_ns)
    return out
