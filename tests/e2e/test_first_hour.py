"""A new user's first hour, from the built wheel in a fresh virtual environment to two strict builds.

Everything runs through the installed commands, as a person would type them:
install, `init` with a name and the tour, `new`, a scripted `checkup`, `check`,
then the public and the private build. The public site must hold the person's
public content and nothing of the tour's examples or of their private files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO, output_text

NAME, HEADLINE = "Robin Quill", "Builds search that people trust"
PUBLIC_TITLE, PRIVATE_TITLE = "Cut search latency in half", "Salary talk went badly"
SCORES = "skills=4,performance=3,network=2,job_search=2,finances=3"


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding the tested dependency set and the built wheel, nothing of the repository."""
    root = tmp_path_factory.mktemp("first-hour")
    dist = root / "dist"
    wheel_build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(REPO)], capture_output=True, text=True
    )
    assert wheel_build.returncode == 0, wheel_build.stderr[-2000:]
    (wheel,) = dist.glob("careerfolio-*.whl")
    env_dir = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # The dependencies from the hashed lock first, so the set installed is the set tested; then careerfolio alone.
    locked = subprocess.run([*pip, "--require-hashes", "-r", str(REPO / "requirements" / "site.txt")], capture_output=True, text=True)
    assert locked.returncode == 0, locked.stderr[-2000:]
    own = subprocess.run([*pip, "--no-deps", str(wheel)], capture_output=True, text=True)
    assert own.returncode == 0, own.stderr[-2000:]
    return env_dir


def _run(venv: Path, cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CAREERFOLIO_AUDIENCE")}
    clean.update({"NO_MKDOCS_2_WARNING": "1", "PATH": f"{venv / 'bin'}{os.pathsep}{clean.get('PATH', '')}", **(env or {})})
    result = subprocess.run(list(args), cwd=cwd, env=clean, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def _make_public(path: Path) -> None:
    """What the person does in an editor: add `visibility: public` to a new file's front matter."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nvisibility: public\n", 1), encoding="utf-8")


def test_the_first_hour_from_the_wheel_to_a_public_portfolio_of_ones_own(venv: Path, tmp_path: Path) -> None:
    where = _run(venv, tmp_path, "python", "-c", "import careerfolio; print(careerfolio.__file__)")
    assert str(REPO) not in where.stdout  # the installed wheel, not the repository
    _run(venv, tmp_path, "careerfolio", "init", "career", "--name", NAME, "--headline", HEADLINE, "--example")
    site = tmp_path / "career"

    public_entry = site / _run(venv, site, "careerfolio", "new", "entry", PUBLIC_TITLE).stdout.strip()
    _make_public(public_entry)
    _run(venv, site, "careerfolio", "new", "entry", PRIVATE_TITLE)  # private, as every new file is
    _run(venv, site, "careerfolio", "new", "skill", "Elasticsearch")
    _run(venv, site, "careerfolio", "new", "role", "Search Engineer at Globex")
    _run(venv, site, "careerfolio", "checkup", "--scores", SCORES, "--action", "Meet two people from the search community")

    check = _run(venv, site, "careerfolio", "check", "--strict")
    assert check.stdout.strip().endswith("0 errors, 0 warnings")

    public = _run(venv, site, "mkdocs", "build", "--strict")
    private = _run(venv, site, "mkdocs", "build", "--strict", env={"CAREERFOLIO_AUDIENCE": "private"})
    for build in (public, private):
        assert "WARNING" not in build.stderr and "end of life" not in build.stderr

    # Theme files are the same on every site; what the person's site says is in the rest.
    published = {path: text for path, text in output_text(site / "site").items() if not path.startswith("assets/")}
    everything = "\n".join(published.values())
    assert NAME in everything and HEADLINE in everything and PUBLIC_TITLE in everything
    assert "All achievements" in published["index.html"] and "All 1 achievements" not in everything  # one, said as one
    for never in (PRIVATE_TITLE, "Elasticsearch", "Globex", "Meet two people", "Example", "Alex", "team-lead"):
        assert never not in everything, never

    dashboard = (site / "site-private" / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert PRIVATE_TITLE in "\n".join(output_text(site / "site-private").values())
    assert "Meet two people from the search community" in dashboard
