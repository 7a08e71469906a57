"""Python's cyclic garbage collector paused while a career is read and planned.

Reading a long career makes a few hundred thousand small objects that all
stay alive: records, tuples of ids, front-matter dicts. The collector starts
a pass every few hundred new objects, and every tenth pass of the younger
generations scans everything alive, the whole corpus included, so a career
twice as long costs more than twice the collecting. None of these objects is
garbage while the work runs, so the passes find nothing: pausing the
collector for that stretch (a technique Mercurial uses for its own large
reads) makes the work linear again. Objects are still freed as soon as
nothing refers to them; only the search for reference cycles waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (or decorated function); a pause already on is left as it is."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


__all__ = ["collector_paused"]
