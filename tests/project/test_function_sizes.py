"""The adapters stay thin: no function grows past a size and a branching a reader takes in at once.

The MkDocs adapter once held one 125-line event of cyclomatic complexity 31
(ruff's count); each event now delegates to the module that owns its concern.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

ADAPTERS = REPO / "plugin" / "careerfolio" / "adapters"
MKDOCS_ADAPTER = ADAPTERS / "mkdocs"
MAX_LINES = 40
MAX_COMPLEXITY = 12


def _functions(path: Path) -> list[tuple[str, int]]:
    """(name:line, length in lines) of every function and method in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (f"{node.name}:{node.lineno}", (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


@pytest.mark.parametrize("path", sorted(MKDOCS_ADAPTER.glob("*.py")), ids=lambda p: p.name)
def test_no_function_of_the_mkdocs_adapter_is_long(path: Path) -> None:
    long = [(name, lines) for name, lines in _functions(path) if lines > MAX_LINES]
    assert not long, f"{path.name}: functions over {MAX_LINES} lines: {long}"


def test_no_function_of_the_adapters_branches_much() -> None:
    """Ruff's McCabe count, as `ruff check --select C901` reports it."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--isolated",
            "--select",
            "C901",
            "--config",
            f"lint.mccabe.max-complexity={MAX_COMPLEXITY}",
            "--output-format",
            "concise",
            str(ADAPTERS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_size_check_sees_a_long_function(tmp_path: Path) -> None:
    module = tmp_path / "long.py"
    module.write_text("def long():\n" + "    x = 1\n" * MAX_LINES)
    assert _functions(module) == [("long:1", MAX_LINES + 1)]
