"""Writing into a user's site: never replacing anything, never leaving half a file or an empty folder."""

from __future__ import annotations

import errno
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from careerfolio.authoring.newfiles import create_folder_from, write_all_new, write_new


def _no_space(descriptor: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_failed_write_leaves_no_file_and_no_folder_it_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(OSError) as raised:
        write_new(tmp_path / "journal" / "2026" / "entry.md", "text")
    assert raised.value.filename == str(tmp_path / "journal" / "2026" / "entry.md")  # the file asked for, not a temporary one
    assert list(tmp_path.iterdir()) == []


def test_concurrent_writers_of_one_name_each_get_a_file_of_their_own(tmp_path: Path) -> None:
    with ThreadPoolExecutor(8) as pool:
        written = list(pool.map(lambda n: write_new(tmp_path / "entry.md", f"writer {n}"), range(40)))
    assert len(set(written)) == 40
    assert sorted(p.read_text() for p in written) == sorted(f"writer {n}" for n in range(40))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)  # no temporary file left


def test_all_files_or_none(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("mine")
    with pytest.raises(FileExistsError):
        write_all_new([(tmp_path / "a.json", "1"), (tmp_path / "b.json", "2"), (tmp_path / "c.json", "3")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"] and (tmp_path / "b.json").read_text() == "mine"


def test_a_folder_is_made_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [("mkdocs.yml", "site_name: x\n"), ("content/index.md", "# Hi\n"), (".gitignore", "site/\n")]
    assert sorted(p.relative_to(tmp_path / "new").as_posix() for p in create_folder_from(tmp_path / "new", files)) == [
        ".gitignore",
        "content/index.md",
        "mkdocs.yml",
    ]
    (tmp_path / "empty").mkdir()
    create_folder_from(tmp_path / "empty", files)
    assert (tmp_path / "empty" / "content" / "index.md").read_text() == "# Hi\n"
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(OSError):
        create_folder_from(tmp_path / "failed", files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "new"]


def test_an_entry_that_appears_in_the_folder_meanwhile_is_kept_and_the_rest_taken_back(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "mkdocs.yml").write_text("theirs")  # as if written between the emptiness check and the move
    with pytest.raises(FileExistsError):
        create_folder_from(target, [(".gitignore", "x"), ("content/index.md", "y"), ("mkdocs.yml", "ours")])
    assert [p.name for p in target.iterdir()] == ["mkdocs.yml"] and (target / "mkdocs.yml").read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
