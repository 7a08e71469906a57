"""Write the tested sets of versions that `make site`, `make test` and CI install.

    make lock              every pin moved to the newest release the ranges in pyproject.toml allow
    make lock ARGS=--keep  only what pyproject.toml changed; every other pin stays
    lock.py --compare      how the running environment differs from test.txt (make test-newest)

Three files, each with every direct and indirect dependency pinned and hashed:

- site.txt: what building a site needs (the package's own dependencies and its build backend);
- test.txt: that, plus the test tools, at the same versions;
- oldest.txt: the package's own dependencies at the lowest versions pyproject.toml allows,
  with the test tools as in test.txt; `make test-oldest` runs the suite on it, so the lower
  bounds users are promised stay true.

uv resolves for every platform and Python >= 3.11 at once (`--universal`), so the files hold
for CI and for any developer's machine, not only for the one that wrote them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYPROJECT = HERE.parent / "pyproject.toml"
BUILD_IN = HERE / "build.in"
TOOLS_HEADER = "# Written by `make lock`: the test tools at their tested versions, for oldest.txt.\n"
COMPILE = ["pip", "compile", "--quiet", "--generate-hashes", "--universal", "--python-version", "3.11"]


def uv(*args: str) -> None:
    """Run uv (from the same environment as this script) with a header that names `make lock`."""
    command = [str(Path(sys.executable).with_name("uv")), *COMPILE, "--custom-compile-command", "make lock", *args]
    subprocess.run(command, check=True, cwd=HERE.parent)


def test_tool_names() -> list[str]:
    """The names in pyproject.toml's `test` extra, without versions."""
    extra = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["optional-dependencies"]["test"]
    names = []
    for requirement in extra:
        name = requirement
        for stop in "<>=!~[; ":
            name = name.split(stop, 1)[0]
        names.append(name.strip().lower())
    return names


def pinned(lock: Path, names: list[str]) -> list[str]:
    """`name==version` lines of `lock` for the given names."""
    wanted = {name.replace("_", "-") for name in names}
    lines = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name = line.split("==", 1)[0].strip().lower().replace("_", "-")
            if name in wanted:
                lines.append(line.split(" ", 1)[0].rstrip("\\").strip())
    return lines


def compare_installed(lock: Path) -> list[str]:
    """Lines saying which installed packages differ from `lock`'s pins: the newest releases against the tested set."""
    from importlib.metadata import distributions

    locked = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ", 1)[0].split("==", 1)
            locked[name.lower().replace("_", "-")] = version.rstrip("\\").strip()
    installed = {dist.metadata["Name"].lower().replace("_", "-"): dist.version for dist in distributions()}
    changes = []
    for name in sorted(set(locked) | set(installed)):
        was, now = locked.get(name), installed.get(name)
        if name in ("pip", "setuptools", "careerfolio") or was == now:
            continue
        changes.append(f"  {name}: {was or 'not in the tested set'} -> {now or 'not installed'}")
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", action="store_true", help="keep existing pins where pyproject.toml still allows them")
    parser.add_argument("--compare", action="store_true", help="only print how this environment differs from test.txt")
    options = parser.parse_args()
    test, site, oldest = HERE / "test.txt", HERE / "site.txt", HERE / "oldest.txt"
    if options.compare:
        changes = compare_installed(test)
        print("Differs from the tested set (requirements/test.txt):" if changes else "The newest releases are the tested set.")
        print("\n".join(changes))
        return
    upgrade = [] if options.keep else ["--upgrade"]
    uv("pyproject.toml", str(BUILD_IN), "--extra", "test", "-o", str(test), *upgrade)
    # The site set is the test set's subset: the same version of each package in both.
    uv("pyproject.toml", str(BUILD_IN), "-c", str(test), "-o", str(site))
    # The oldest set: the package's own dependencies at their lower bounds, the test tools as tested.
    tools = HERE / "test-tools.txt"
    tools.write_text(TOOLS_HEADER + "\n".join(pinned(test, test_tool_names())) + "\n", encoding="utf-8")
    lowest = ["--resolution", "lowest-direct", "--override", "requirements/test-tools.txt"]
    uv("pyproject.toml", str(BUILD_IN), "--extra", "test", *lowest, "-o", str(oldest))


if __name__ == "__main__":
    main()
