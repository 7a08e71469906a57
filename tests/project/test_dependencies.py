"""Declare what is imported and import what is declared: pyproject.toml against the package's own imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from helpers import REPO

PACKAGE = REPO / "plugin" / "careerfolio"
# Declared without an import, each for a reason a user can check.
USED_WITHOUT_IMPORT = {
    "mkdocs-material": "the theme whose templates careerfolio's overrides extend; MkDocs loads it by name",
}
# Imported only when installed, behind `except ImportError`, each for a reason a user can check.
IMPORTED_WHEN_INSTALLED = {
    "properdocs": "siteconfig reads mkdocs.yml with ProperDocs' loader when MkDocs is not installed and ProperDocs is",
}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normal(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def imported_modules() -> dict[str, str]:
    """Top-level third-party modules the package imports, each with a file that imports it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "careerfolio":
                    found.setdefault(top, path.name)
    return found


def imported_distributions() -> dict[str, str]:
    distributions = packages_distributions()
    out = {}
    for module, where in imported_modules().items():
        names = distributions.get(module)
        assert names, f"{where} imports {module}, which no installed distribution provides"
        out[_normal(names[0])] = f"{where} imports {module}"
    return out


def test_every_imported_distribution_is_declared() -> None:
    missing = {name: why for name, why in imported_distributions().items() if name not in declared() | set(IMPORTED_WHEN_INSTALLED)}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declared_dependency_is_imported_or_says_why_not() -> None:
    unused = declared() - set(imported_distributions()) - set(USED_WITHOUT_IMPORT)
    assert not unused, f"declared in pyproject.toml but never imported: {sorted(unused)}"
    assert set(USED_WITHOUT_IMPORT) <= declared()
