"""The leak guard beside the build: a second process searches the pages while MkDocs writes them.

A public build renders and writes its pages on one core, and the guard's
search of them can run on another at the same time. The process is forked
when the pages are about to be written (all the needles are made of is known
by then), searches each page's bytes as MkDocs writes them, and at the end
reads the rest of the site from the disk (guard.SiteScan), a page too when
its file no longer holds the bytes it searched. Where no process can be
forked, or when it fails, the whole scan runs in the build's own process at
the end: the answer is the same, only later.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
from collections.abc import Callable, Iterable
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from .guard import Hit, Secrets, SiteScan

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

    def page(self, relative: str, data: bytes) -> None:
        """Hand over an output as the build writes it (its site-relative path and its bytes)."""
        self._pages.put((relative, data))

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


def forking_possible() -> bool:
    """Whether this system forks processes (not Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _search(make_secrets: Callable[[], Secrets], trusted_dirs: list[Path], pages: Any, results: Any) -> None:
    """The guard's process: the needles, each page as it comes, then the rest of the site; never raises."""
    try:
        scan = SiteScan(make_secrets(), trusted_dirs)
        while True:
            relative, data = pages.get()
            if relative == _DONE:
                results.put((True, scan.finish(Path(data))))
                return
            scan.read_early(relative, data)
    except BaseException:  # the build scans again in its own process; nothing of the text is sent
        results.put((False, None))
