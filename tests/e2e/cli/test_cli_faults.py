"""Faults of the machine under every command that writes: one clear line, a non-zero exit, nothing left behind.

A full or read-only disk is a small tmpfs when the tests run as root (and may
mount), else an OSError injected where the fault would strike first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_support import EPOCH, copy_example, run, snapshot

SCORES = "skills=4,performance=3,network=2,job_search=2,finances=3"
WRITERS = {
    "new": ("new", "entry", "Shipped the thing"),
    "checkup": ("checkup", "--scores", SCORES, "--action", "Call Jane", "--reflection", "Fine."),
    "init": ("init", "fresh-site"),
    "init into an empty folder": ("init", "empty"),
    "report --output": ("report", "--since", "2025-01-01", "--output", "review.md"),
    "schema": ("schema",),
}


def _mount_small_disk(folder: Path) -> bool:
    if os.geteuid() != 0:
        return False
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True, check=False)
    return mounted.returncode == 0


def _fill(folder: Path) -> None:
    """Write into `folder` until its file system has no byte left."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        for size in (65536, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)


def _refuse(code: int) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


def _inject(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Without a disk of our own: the fault where it strikes first (ENOSPC when data is flushed, EROFS on creating a name)."""
    if code == errno.ENOSPC:
        monkeypatch.setattr(os, "fsync", _refuse(code))
        return
    real_open = os.open

    def open_for_reading_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_for_reading_only)
    monkeypatch.setattr(os, "mkdir", _refuse(code))
    monkeypatch.setattr(os, "link", _refuse(code))


FAULTS = {"full disk": errno.ENOSPC, "read-only file system": errno.EROFS}


@pytest.fixture(params=FAULTS.values(), ids=FAULTS.keys())
def faulty_disk(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, int]]:
    """A site (the example career, and an empty folder `empty`) on a disk that is full or read-only, and the error code."""
    code: int = request.param
    disk = tmp_path / "disk"
    mounted = _mount_small_disk(disk)
    try:
        site = copy_example(disk / "site")
        (site / "empty").mkdir()
        if not mounted:
            _inject(monkeypatch, code)
        elif code == errno.ENOSPC:
            _fill(disk)
        else:
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        yield site, code
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file and folder under `folder` with its bytes (a folder's time changes when a temporary file comes and goes)."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else b"<dir>" for path in folder.rglob("*")}


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_full_or_read_only_disk_gives_one_line_and_leaves_nothing_behind(faulty_disk: tuple[Path, int], args: tuple[str, ...]) -> None:
    site, code = faulty_disk
    before = _contents(site.parent)
    result = run(site, *args)
    assert result.exit_code == 1, result.output
    (line,) = [line for line in result.output.splitlines() if "Error" in line or "Traceback" in line]
    assert line.startswith("Error: ") and os.strerror(code) in line, line
    assert result.output.endswith(line + "\n")  # the check-up shows its summary first
    assert _contents(site.parent) == before


IMPOSSIBLE = {"under /proc": "/proc/careerfolio-site", "under a file": "mkdocs.yml/site"}


@pytest.mark.parametrize("target", IMPOSSIBLE.values(), ids=IMPOSSIBLE.keys())
def test_init_into_an_impossible_place_gives_one_line(tmp_path: Path, target: str) -> None:
    site = copy_example(tmp_path / "site")
    before = snapshot(site)
    result = run(site, "init", target)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and "nothing was written" in line, line
    assert snapshot(site) == before


def _careerfolio(cwd: Path, *args: bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The real command, with arguments as raw bytes as a terminal in another encoding passes them."""
    command = [sys.executable.encode(), b"-c", b"from careerfolio.adapters.cli.commands import main; main()", *args]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "LC_ALL": "C.UTF-8"}
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, env=env, timeout=120, check=False)


LATIN1 = "Café".encode("latin-1")  # b"Caf\xe9": not UTF-8
NOT_UTF8 = {
    "new": (b"new", b"entry", LATIN1),
    "checkup --action": (b"checkup", b"--scores", SCORES.encode(), b"--action", LATIN1),
    "checkup --reflection": (b"checkup", b"--scores", SCORES.encode(), b"--reflection", LATIN1),
}


@pytest.mark.parametrize("args", NOT_UTF8.values(), ids=NOT_UTF8.keys())
def test_text_that_is_not_utf8_is_refused_in_one_line_and_nothing_is_written(tmp_path: Path, args: tuple[bytes, ...]) -> None:
    site = copy_example(tmp_path / "site")
    before = snapshot(site)
    result = _careerfolio(site, *args)
    assert result.returncode == 2, result.stderr
    message = result.stderr.decode("utf-8", "replace")
    assert "not valid UTF-8 text" in message and "Traceback" not in message, message
    assert snapshot(site) == before


def test_a_check_up_asks_again_for_a_line_that_is_not_utf8(tmp_path: Path) -> None:
    site = copy_example(tmp_path / "site")
    # Five scores, the previous check-up's two open actions left open, then the actions, the reflection and yes.
    answers = b"4\n3\n2\n2\n3\n" + b"\n\n" + LATIN1 + b"\nCall Jane\n\n\n\n"
    result = _careerfolio(site, b"checkup", stdin=answers)
    assert result.returncode == 0, result.stderr
    assert b"please type it again" in result.stderr
    written = site / "content" / "checkups" / "2026-11-22.md"
    assert "- Call Jane" in written.read_text(encoding="utf-8")
    assert _careerfolio(site, b"check").returncode == 0
