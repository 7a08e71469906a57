"""The architecture as rules on imports: each folder of the package may reach only the layers beneath it.

docs/architecture.md draws the same picture in words; these tests keep the words true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "plugin" / "careerfolio"

# What each part of the core may import of careerfolio. Adapters may import anything; nothing imports them.
MAY_IMPORT: dict[str, set[str]] = {
    "problems": set(),
    "settings": {"problems", "content"},
    "content": {"problems", "settings"},
    "privacy": {"problems", "settings", "content"},
    "insights": {"problems", "settings", "content", "privacy"},
    "plan": {"problems", "settings", "content", "privacy", "views"},
    "views": {"problems", "settings", "content", "insights", "plan.model"},
    "authoring": {"problems", "settings", "content", "views.render"},
    "importing": {"problems", "settings", "content", "authoring"},
}


def _part(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[0] == "adapters" and len(parts) > 2:
        return f"adapters.{parts[1]}"
    return parts[0]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: careerfolio's own imports are absolute"
            found.add(node.module)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def _importers_of(*roots: str) -> set[str]:
    return {_part(path) for path in MODULES if any(name.split(".")[0] in roots for name in _imports(path))}


def test_only_the_mkdocs_adapter_imports_mkdocs() -> None:
    """ "The core never imports MkDocs; only its adapter, `adapters/mkdocs/`, does." """
    assert _importers_of("mkdocs", "material", "properdocs") == {"adapters.mkdocs"}


def test_only_views_and_the_mkdocs_adapter_import_jinja() -> None:
    # The adapter reaches Jinja only through the theme's own environment (its bytecode cache).
    assert _importers_of("jinja2") == {"views", "adapters.mkdocs"}


def test_only_the_command_line_imports_click() -> None:
    assert _importers_of("click") == {"adapters.cli"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_layer_imports_only_what_lies_beneath_it(path: Path) -> None:
    part = _part(path)
    if part.startswith("adapters"):
        return
    allowed = MAY_IMPORT[part]
    for name in _imports(path):
        if not name.startswith("careerfolio."):
            continue
        inner = name.removeprefix("careerfolio.")
        top = inner.split(".")[0]
        if top == part or inner == "__version__":
            continue
        assert top in allowed or any(inner == a or inner.startswith(a + ".") for a in allowed), f"{part} may not import {name}"
        assert top != "adapters", f"the core imports an adapter: {name}"


def test_a_newcomer_finds_each_layer_by_its_folder() -> None:
    """Every folder of the package says in its first line what it holds."""
    for folder in sorted(p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"):
        init = folder / "__init__.py"
        assert init.is_file(), folder
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring.splitlines()[0]) > 20, folder
