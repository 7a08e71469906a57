"""Creating files and folders in a user's site: never replacing anything, never leaving half a file.

Every file is written to a hidden temporary file in its own folder, flushed to
the disk, then linked under its name, which fails if the name exists, even if
it appeared a moment before. On any failure (a full disk, a read-only folder)
the temporary file, and any folder made on the way, is removed again.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_TEMP_PREFIX = ".careerfolio-"  # a dot file: MkDocs and careerfolio skip it, should one ever be left


def write_new(path: Path, content: str | bytes, rename_on_clash: bool = True, max_tries: int = 1000) -> Path:
    """Create `path` with `content` (text as UTF-8) and return the path written.

    With `rename_on_clash`, an existing name gives the first free `name-2.md`,
    `name-3.md`, ...; without it, FileExistsError. FileExistsError also when
    all `max_tries` names are taken.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    tries = max_tries if rename_on_clash else 1
    names = (path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}") for number in range(1, tries + 1))
    # Names taken now are passed over before anything is made, so that a refusal changes nothing at all;
    # the link below still refuses a name taken in the meantime.
    free = (name for name in names if not os.path.lexists(name))
    first = next(free, None)
    if first is None:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    with _naming(path), _made_folders(path.parent), _temporary_file(path.parent, data) as temp:
        for candidate in itertools.chain((first,), free):
            try:
                _place(temp, candidate)
            except FileExistsError:
                if not rename_on_clash:
                    raise
                continue
            _sync_folder(path.parent)
            return candidate
    raise FileExistsError(errno.EEXIST, f"it and {max_tries - 1} numbered variants of it exist already", str(path))


def replace_own(path: Path, content: str | bytes) -> None:
    """Put `content` in place of `path`, a file careerfolio wrote itself and the caller checked is its own.

    Through a temporary file and a rename, so that a reader sees the old file
    or the new one, never half of either.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with _naming(path), _temporary_file(path.parent, data) as temp:
        os.replace(temp, path)
        _sync_folder(path.parent)


def write_all_new(files: Iterable[tuple[Path, str | bytes]]) -> list[Path]:
    """Create every file, or none: when one cannot be written, those written before it are removed."""
    written: list[Path] = []
    try:
        for path, content in files:
            written.append(write_new(path, content, rename_on_clash=False))
    except BaseException:
        for path in reversed(written):
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def create_folder_from(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> list[Path]:
    """Make `folder` (new, or existing and empty) hold `files`, given by path relative to it; all or nothing.

    The files are written into a hidden temporary folder beside `folder` first,
    which then takes its place; into an existing empty folder, its entries move
    one by one, each without replacing anything.
    """
    with _naming(folder), _made_folders(folder.parent):
        staging = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=folder.parent))
        try:
            for relative, content in files:
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                data = content.encode("utf-8") if isinstance(content, str) else content
                with open(target, "xb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            names = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
            if folder.exists():
                _move_entries(staging, folder)
            else:
                os.rename(staging, folder)  # a folder that appeared meanwhile and is not empty makes this fail
            _sync_folder(folder.parent)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return [folder / name for name in names]


def _move_entries(staging: Path, folder: Path) -> None:
    """Move each entry of `staging` into the empty `folder`; on failure, take back what was moved."""
    moved: list[Path] = []
    try:
        for entry in sorted(staging.iterdir()):
            target = folder / entry.name
            if entry.is_dir():
                if os.path.lexists(target):
                    raise FileExistsError(f"{target} appeared while the site was being written")
                os.rename(entry, target)
            else:
                _place(entry, target)
            moved.append(target)
    except BaseException:
        for target in reversed(moved):
            with contextlib.suppress(OSError):
                shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
        raise


@contextlib.contextmanager
def _temporary_file(folder: Path, data: bytes) -> Iterator[Path]:
    """A hidden file in `folder` holding `data`, on the disk; removed when the block ends."""
    handle, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        yield temp
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


@contextlib.contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Errors of the block name `path`, the file or folder the user asked for, not a temporary one."""
    try:
        yield
    except OSError as exc:
        if exc.filename == str(path):
            raise
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from None


def _place(temp: Path, target: Path) -> None:
    """Give the finished file at `temp` the name `target`, which must not exist (FileExistsError if it does)."""
    try:
        os.link(temp, target)  # fails when `target` exists, a dangling link included
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
    except OSError:
        # A file system without hard links: claim the name exclusively, then move the file onto the claim.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666))
        try:
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise


def _sync_folder(folder: Path) -> None:
    """Flush a folder's list of names, so that a new name survives a power cut; not every system allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _made_folders(folder: Path) -> Iterator[None]:
    """Make `folder` and missing parents; if the block fails, remove those made here that are still empty."""
    missing = []
    for candidate in (folder, *folder.parents):
        if os.path.isdir(candidate):
            break
        if os.path.lexists(candidate):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(candidate))
        missing.append(candidate)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        for made in missing:  # deepest first
            with contextlib.suppress(OSError):
                made.rmdir()
        raise
