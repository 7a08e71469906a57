"""The example career built three ways: the plugin under MkDocs, the plugin under ProperDocs, the export under Zensical.

The guard finds nothing in any, and all three publish the same pages. Zensical
runs no plugins and brings its own pins, so it lives in a venv of its own
under .cache/engines/, made once with uv from a pinned version (benchmarks/engines.py).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import EPOCH, copy_example, run
from helpers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from engines import zensical_command as zensical


def _engine(cwd: Path, *command: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("CAREERFOLIO_AUDIENCE", None)
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _pages(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")}


def test_mkdocs_properdocs_and_zensical_publish_the_same_public_pages_and_nothing_private(tmp_path: Path, example_public: Path) -> None:
    career = copy_example(tmp_path / "career")
    bin_dir = Path(sys.executable).parent
    # MkDocs: the session's strict public build of the same example (tests/conftest.py).
    properdocs = _engine(career, bin_dir / "properdocs", "build", "--strict", "-d", "site-properdocs")
    assert properdocs.returncode == 0, properdocs.stderr
    assert run(career, "export").exit_code == 0
    export = career / "build" / "careerfolio-public"
    built = _engine(career, zensical(), "build", "--strict", "-f", export / "mkdocs.yml")
    assert built.returncode == 0, built.stderr + built.stdout
    sites = [example_public, career / "site-properdocs", export / "site"]
    for site in sites:
        guarded = run(career, "guard", str(site))
        assert guarded.exit_code == 0, f"{site}: {guarded.output}"
    pages = [_pages(site) for site in sites]
    assert pages[0] and pages[0] == pages[1] == pages[2], [sorted(p ^ pages[0]) for p in pages]
    assert not [page for page in pages[2] if page.startswith(("checkups/", "network/", "decisions/", "layoff-plan"))]
    # The export's theme override, in a form Zensical's templates accept: feed readers find the feed.
    for site in sites:
        assert re.search(r'type="application/atom\+xml" href="(\./)?feed\.xml"', (site / "index.html").read_text("utf-8")), site


@pytest.mark.parametrize("make", ["init", "example"])
def test_a_bare_zensical_build_fails_until_exported_and_then_builds_only_the_public_export(tmp_path: Path, make: str) -> None:
    if make == "init":
        assert run(tmp_path, "init", "career").exit_code == 0
        career = tmp_path / "career"
    else:
        career = copy_example(tmp_path / "career")
        (career / "zensical.toml").write_bytes((REPO / "zensical.toml").read_bytes())
    bare = _engine(career, zensical(), "build")
    assert bare.returncode != 0 and "careerfolio-public" in bare.stdout + bare.stderr
    assert not (career / "site").exists()
    assert run(career, "export").exit_code == 0
    built = _engine(career, zensical(), "build")
    assert built.returncode == 0, built.stderr
    assert run(career, "guard", "site").exit_code == 0
    exported = _pages(career / "site")
    private = [path.stem for folder in ("checkups", "network", "decisions") for path in (career / "content" / folder).glob("*.md")]
    assert exported and not [page for page in exported if any(stem in page for stem in private)]
