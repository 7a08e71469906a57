"""Helpers for the command tests: a copy of the example career, running a command, checking the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pty
import re
import select
import shutil
import sys
import time
from pathlib import Path

from click.testing import CliRunner, Result

from careerfolio.adapters.cli.commands import main
from helpers import REPO, TODAY

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


# The number of read(2) on machines whose kernel shows a process's current system call.
_READ_SYSCALL = {"x86_64": 0, "aarch64": 63}


class Terminal:
    """`careerfolio` in a pseudo-terminal: what a person types and what the screen shows."""

    def __init__(self, cwd: Path, *args: str) -> None:
        binary = Path(sys.executable).parent / "careerfolio"
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "TERM": "dumb"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the terminal is its controlling terminal, so Ctrl-C sends SIGINT
            os.chdir(cwd)
            os.execve(str(binary), [str(binary), *args], env)
        self.screen = ""

    def expect(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"never saw {text!r}; screen:\n{self.screen}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                assert chunk, f"the program ended before {text!r}; screen:\n{self.screen}"
                self.screen += chunk.decode("utf-8", errors="replace")

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def interrupt(self, key: str) -> None:
        """Press a control key once the program waits for input, as a person does after reading the prompt.

        Typed text waits in the terminal until it is read, but Ctrl-C is a signal: sent between
        the prompt's write and the read, it would only take effect after the next line arrives.
        So the key goes once the program sits in a read of its terminal (fd 0), as the kernel
        tells; where it cannot tell, once the program has slept a while.
        """
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self._reading_its_terminal():
            time.sleep(0.05)
        self.type(key)

    def _reading_its_terminal(self) -> bool:
        read = _READ_SYSCALL.get(os.uname().machine)
        try:
            call = Path(f"/proc/{self.pid}/syscall").read_text().split()
        except OSError:
            call = []
        if read is not None and len(call) > 1 and call[0].isdigit():
            return int(call[0]) == read and int(call[1], 16) == 0
        # No syscall to read: three looks in a row at a sleeping process.
        stat = Path(f"/proc/{self.pid}/stat")
        for _ in range(3):
            state = stat.read_text().rsplit(")", 1)[1].split()[0] if stat.exists() else "S"
            if state != "S":
                return False
            time.sleep(0.05)
        return True

    def wait(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with_pid, status = os.waitpid(self.pid, os.WNOHANG)
            if with_pid:
                self._drain()
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            self._drain(0.1)
        os.kill(self.pid, 9)
        raise AssertionError(f"still running; screen:\n{self.screen}")

    def _drain(self, timeout: float = 0.0) -> None:
        while select.select([self.fd], [], [], timeout)[0]:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            self.screen += chunk.decode("utf-8", errors="replace")
            timeout = 0.0
