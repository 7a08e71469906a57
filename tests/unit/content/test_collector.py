"""The cyclic garbage collector waits while a career is read and planned, and is back on afterwards."""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator

import pytest

from careerfolio.content.collector import collector_paused
from careerfolio.content.corpus import load_corpus
from careerfolio.plan.model import BuildContext
from careerfolio.plan.site import build_site
from careerfolio.settings import Settings
from helpers import make_entry, make_role, make_skill


@pytest.fixture
def passes() -> Iterator[list[int]]:
    """The generation of each collector pass started while the test runs."""
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield started
    finally:
        gc.callbacks.remove(note)


def _career(n: int) -> list[tuple[str, bytes]]:
    entries = [make_entry(path=f"journal/2026/e{i}.md", title=f"Entry {i}", role="acme", skills=["python"]) for i in range(n)]
    return [make_role("acme"), make_skill("python"), *entries]


def test_reading_and_planning_a_long_career_leaves_the_collector_waiting(passes: list[int]) -> None:
    files = _career(3000)
    passes.clear()  # those of making the files
    assert gc.isenabled()
    corpus = load_corpus(files)
    site = build_site(corpus, BuildContext(audience="private", today=datetime.date(2026, 12, 6), settings=Settings()))
    # 3,000 entries make hundreds of thousands of objects: without the pause, over a hundred passes.
    # With it, at most one where each of the two pauses ends, for the objects made meanwhile.
    assert len(passes) <= 2, passes
    assert gc.isenabled() and len(corpus.entries) == 3000 and site.page("journal/2026/e0.md") is not None


def test_the_pause_ends_with_the_block_even_when_it_fails() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a problem while reading")
    assert gc.isenabled()


def test_a_pause_inside_a_pause_leaves_the_outer_one_on() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_host_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
