"""Each bad fixture yields exactly its expected problem; good fixtures yield none."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfolio.content.corpus import load_corpus
from helpers import FIXTURES

GOOD = sorted(p for p in (FIXTURES / "good").rglob("*") if p.is_file())
BAD = sorted(p for p in (FIXTURES / "bad").rglob("*") if p.is_file() and p.suffix != ".expected")


def _pairs(root: Path, paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.relative_to(root).as_posix(), p.read_bytes()) for p in paths]


def test_good_fixtures_have_no_problem() -> None:
    corpus = load_corpus(_pairs(FIXTURES / "good", GOOD))
    assert corpus.problems == ()
    (entry,) = corpus.entries
    assert entry.title == "Learned typing" and entry.levels == ("skills",) and entry.public


@pytest.mark.parametrize("bad", BAD, ids=lambda p: p.relative_to(FIXTURES / "bad").as_posix())
def test_bad_fixture_yields_exactly_its_expected_problem(bad: Path) -> None:
    files = _pairs(FIXTURES / "good", GOOD) + _pairs(FIXTURES / "bad", [bad])
    corpus = load_corpus(files)
    expected = bad.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert [p.format() for p in corpus.problems] == expected
    path = bad.relative_to(FIXTURES / "bad").as_posix()
    assert (path in corpus.excluded) == any(": error: " in line for line in expected)


def test_every_bad_fixture_has_its_expectation() -> None:
    assert BAD, "no bad fixtures found"
    for bad in BAD:
        assert bad.with_suffix(".expected").is_file(), bad
