"""The built wheel carries the templates and builds a site outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import REPO, make_entry, make_profile, write_site


def test_wheel_builds_a_site_in_an_unrelated_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("careerfolio-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "careerfolio/templates/overrides/main.html" in names
    assert any(n.endswith("entry_points.txt") for n in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]

    site = write_site(tmp_path / "elsewhere", [make_profile(), make_entry(title="Shipped from a wheel")])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    build = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict"], cwd=site, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    page = site / "site" / "journal" / "2026" / "entry" / "index.html"
    assert "Shipped from a wheel" in page.read_text()
    check = subprocess.run([str(venv / "bin" / "careerfolio"), "check"], cwd=site, env=env, capture_output=True, text=True)
    assert check.returncode == 0 and "0 errors" in check.stdout
    # The installed package must not be the repository's source tree.
    where = subprocess.run([str(python), "-c", "import careerfolio; print(careerfolio.__file__)"], capture_output=True, text=True, env=env)
    assert str(REPO) not in where.stdout


def test_the_package_says_what_it_is_and_where_it_comes_from(tmp_path: Path) -> None:
    import email

    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)], cwd=REPO, check=True, capture_output=True)
    (wheel,) = dist.glob("careerfolio-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = email.message_from_bytes(archive.read(next(n for n in names if n.endswith("/METADATA"))))
    from careerfolio import __version__
    from careerfolio.authoring.release import SOURCE_URL

    assert "careerfolio/py.typed" in names
    assert metadata["Version"] == __version__  # one place: plugin/careerfolio/__init__.py
    assert "Typing :: Typed" in metadata.get_all("Classifier") and "Framework :: MkDocs" in metadata.get_all("Classifier")
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL"))
    assert urls["Source"] == SOURCE_URL and {"Homepage", "Documentation", "Issues", "Changelog"} <= set(urls)
    assert (REPO / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog")
    release = (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "id-token: write" in release and "pypa/gh-action-pypi-publish" in release and "secrets." not in release
