"""Compiled Jinja templates kept between renders: in memory for a process, on disk between builds.

Compiling templates is a fixed cost of every build (about half a second for
the theme's and ours together), paid again by each `mkdocs build` and after
each save under `mkdocs serve`. Jinja checks cached code against the
template's source on every load, so an edited template is compiled anew.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

CACHE_DIR_VARIABLE = "CAREERFOLIO_CACHE_DIR"


def default_cache_folder() -> Path:
    """Where compiled templates are kept: $CAREERFOLIO_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerfolio" / "templates"


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled code by template and by the environment settings that shape it.

    Two environments may compile the same file differently (autoescaping,
    whitespace control, extensions), so those settings are part of the key.
    A folder that cannot be read or written costs only the compile time.
    """

    def __init__(self, folder: Path | None) -> None:
        self._folder = folder
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha1(f"{_compile_settings(environment, name)}\0{name}\0{filename or ''}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self._folder is not None:
            try:
                code = (self._folder / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                return
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # resets the bucket when the source or Python changed
        except Exception:  # a damaged file: compile again, and the new code replaces it
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        if self._folder is not None:
            _write_atomically(self._folder, f"{bucket.key}.jinja", code)


def _write_atomically(folder: Path, name: str, data: bytes) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a file; give up on any OSError."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, folder / name)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _compile_settings(environment: jinja2.Environment, name: str) -> str:
    """What of `environment` goes into the code compiled from template `name`, as text."""
    autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    finalize = environment.finalize
    settings = (
        jinja2.__version__,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        bool(autoescape),
        None if finalize is None else f"{getattr(finalize, '__module__', '')}.{getattr(finalize, '__qualname__', type(finalize).__name__)}",
        f"{environment.code_generator_class.__module__}.{environment.code_generator_class.__qualname__}",
        tuple(sorted(environment.extensions)),
        # The compiler looks filters and tests up by name and writes their calls by how they take
        # their arguments (pass_context and the like): a changed one needs the template compiled again.
        _callables(environment.filters),
        _callables(environment.tests),
    )
    return repr(settings)


def _callables(named: Mapping[str, object]) -> tuple[tuple[str, str, str], ...]:
    """Each filter or test by name, with what it is and how Jinja passes it its arguments (pass_context and the like mark it)."""
    return tuple(sorted((name, _identity(function), str(getattr(function, "jinja_pass_arg", ""))) for name, function in named.items()))


def _identity(function: object) -> str:
    code = getattr(function, "__code__", None)
    where = f"{code.co_filename}:{code.co_firstlineno}" if code is not None else ""
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', type(function).__name__)}@{where}"
