"""The curated names of `careerfolio`: each resolves, and the package docstring's example runs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import careerfolio
from helpers import REPO


def test_every_public_name_resolves_to_its_definition() -> None:
    for name in careerfolio.__all__:
        value = getattr(careerfolio, name)
        if name != "__version__":
            assert getattr(value, "__name__", name) == name, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        careerfolio.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")


def test_the_docstring_example_reads_the_example_career_without_problems() -> None:
    example = textwrap.dedent("\n".join(line for line in (careerfolio.__doc__ or "").splitlines() if line.startswith("    ")))
    result = subprocess.run([sys.executable, "-c", example], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # the example career has no problems


def test_importing_the_package_loads_no_layer() -> None:
    code = "import sys, careerfolio; print(sorted(m for m in sys.modules if m.startswith('careerfolio.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout


def test_all_names_exactly_what_resolves_lazily() -> None:
    assert set(careerfolio.__all__) == {"__version__", *careerfolio._PUBLIC}
