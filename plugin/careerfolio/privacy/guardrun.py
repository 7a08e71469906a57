"""The leak guard beside the build: a second process searches the pages while MkDocs writes them.

A public build renders and writes its pages on one core, and the guard's
search of them can run on another at the same time. The process is forked
when the pages are about to be written (all the needles are made of is known
by then), reads each page's file as MkDocs writes it (it is told the path,
never handed the bytes, so nothing piles up in the build's memory), and at the end
reads the rest of the site from the disk (guard.SiteScan), a page too when
its file no longer holds the bytes it searched. Where no process can be
forked, or when it fails, the whole scan runs in the build's own process at
the end: the answer is the same, only later.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import stat
from collections.abc import Callable, Iterable
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from careerfolio.privacy.guard import MAX_FILE_BYTES, Hit, Secrets, SiteScan

_DONE = ""  # a page's path is never empty: this marks the end of the pages
_WAIT = 1.0  # seconds between looks at whether the guard's process is still alive


class GuardRun:
    """The guard's process for one public build."""

    def __init__(self, make_secrets: Callable[[], Secrets], trusted_dirs: Iterable[Path]) -> None:
        context = multiprocessing.get_context("fork")
        self._pages: Any = context.Queue()  # the build never waits on it: a thread of its own feeds the pipe
        self._results: Any = context.Queue()
        self._process: BaseProcess = context.Process(
            target=_search, args=(make_secrets, list(trusted_dirs), self._pages, self._results), name="careerfolio guard", daemon=True
        )
        self._process.start()

    def page(self, relative: str, path: str) -> None:
        """Tell the guard of an output the build is writing: its site-relative path and its file."""
        self._pages.put((relative, path))

    def finish(self, site_dir: Path) -> list[Hit] | None:
        """The guard's hits on the finished site; None when its process failed (scan again in this one)."""
        self._pages.put((_DONE, str(site_dir)))
        while True:
            try:
                ok, hits = self._results.get(timeout=_WAIT)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    return None
        self.stop()
        return hits if ok else None

    def stop(self) -> None:
        """End the process, finished or not (a failed build)."""
        self._process.join(timeout=_WAIT)
        if self._process.is_alive():
            self._process.kill()
        for channel in (self._pages, self._results):
            with contextlib.suppress(Exception):
                channel.close()
                channel.cancel_join_thread()


def _read_page(scan: SiteScan, relative: str, path: str) -> None:
    """Search a page's file as it is now, if it is a regular file of a plausible size; else finish() reads it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            if stat.S_ISREG(os.fstat(descriptor).st_mode) and os.fstat(descriptor).st_size <= MAX_FILE_BYTES:
                scan.read_early(relative, file.read(MAX_FILE_BYTES + 1))


def forking_possible() -> bool:
    """Whether this system forks processes (not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _search(make_secrets: Callable[[], Secrets], trusted_dirs: list[Path], pages: Any, results: Any) -> None:
    """The guard's process: the needles, each page as it comes, then the rest of the site; never raises."""
    try:
        scan = SiteScan(make_secrets(), trusted_dirs)
        # A page is read once the next one is announced: by then MkDocs has written it. Read too early, or
        # changed later, its file's bytes differ from those searched, and finish() reads it again.
        waiting: tuple[str, str] | None = None
        while True:
            relative, path = pages.get()
            if waiting is not None:
                _read_page(scan, *waiting)
            if relative == _DONE:
                results.put((True, scan.finish(Path(path))))
                return
            waiting = (relative, path)
    except BaseException:  # the build scans again in its own process; nothing of the text is sent
        results.put((False, None))
