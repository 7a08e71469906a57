"""`mkdocs gh-deploy` to a local bare repository: what is pushed, and when nothing is.

ghp-import commits every file of the site folder and keeps earlier commits as
history, so the test reads every object the remote holds, not only the last
tree.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import REPO, front_matter, make_contact, make_entry, run_mkdocs, write_site

PRIVATE_MARKERS = ("mkdeploytitle", "mkdeploybody", "mkdeployfile", "mkdeploypage", "mkdeploycontact", "mkdeploypeople")
PUBLIC_MARKER = "mkdeploypublic"


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True)


def _site(root: Path) -> tuple[Path, Path]:
    """A career repository whose `origin` is a fresh bare repository; returns (root, bare)."""
    write_site(
        root / "career",
        [
            make_entry(path="journal/2026/public.md", title=f"Shipped {PUBLIC_MARKER}", people=["mkdeploypeople"]),
            make_entry(
                path="journal/2026/mkdeployfile.md",
                title="Mkdeploytitle of a private entry",
                visibility="private",
                body="The mkdeploybody paragraph.",
            ),
            make_contact("mkdeploypeople", name="Mkdeploycontact Person"),
            ("notes/plans.md", front_matter({"title": "Mkdeploypage plans"}, "Private notes.")),
        ],
    )
    bare = root / "remote.git"
    _git("init", "--quiet", "--bare", str(bare), cwd=root)
    career = root / "career"
    _git("init", "--quiet", cwd=career)
    _git("config", "user.email", "test@example.com", cwd=career)
    _git("config", "user.name", "Test", cwd=career)
    # gh-deploy names the source commit; only mkdocs.yml is committed, and only gh-pages is pushed.
    _git("add", "mkdocs.yml", cwd=career)
    _git("commit", "--quiet", "-m", "Site settings", cwd=career)
    _git("remote", "add", "origin", str(bare), cwd=career)
    return career, bare


def _pushed(bare: Path) -> str:
    """Every object in the bare repository, blobs decompressed when gzip, plus the full log."""
    log = _git("log", "-p", "--all", "--stat", cwd=bare).stdout
    objects = _git("cat-file", "--batch-all-objects", "--batch", cwd=bare).stdout
    texts = [log.decode("utf-8", "replace")]
    position = 0
    while position < len(objects):
        header_end = objects.index(b"\n", position)
        _, kind, size = objects[position:header_end].split(b" ")
        body = objects[header_end + 1 : header_end + 1 + int(size)]
        position = header_end + 1 + int(size) + 1
        if kind == b"blob" and body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        texts.append(body.decode("utf-8", "replace"))
    return "\n".join(texts).lower()


def _refs(bare: Path) -> str:
    return _git("for-each-ref", cwd=bare).stdout.decode()


def test_gh_deploy_pushes_no_private_text(tmp_path: Path) -> None:
    career, bare = _site(tmp_path)
    result = run_mkdocs(career, "gh-deploy", "--force", "--remote-name", "origin", "--remote-branch", "gh-pages")
    assert result.returncode == 0, result.stderr
    assert "refs/heads/gh-pages" in _refs(bare)
    pushed = _pushed(bare)
    assert PUBLIC_MARKER in pushed  # the search below can find what was pushed
    assert "sitemap.xml.gz" in pushed
    names = _git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).stdout.decode().lower()
    for marker in PRIVATE_MARKERS:
        assert marker not in pushed, marker
        assert marker not in names, marker


def test_gh_deploy_refuses_the_private_site(tmp_path: Path) -> None:
    career, bare = _site(tmp_path)
    result = run_mkdocs(career, "gh-deploy", "--force", env={"CAREERFOLIO_AUDIENCE": "private"})
    assert result.returncode != 0
    assert "deploys only the public build" in result.stderr
    assert _refs(bare) == ""


@pytest.mark.parametrize(
    ("option", "reason"), [("audience: private", "deploys only the public build"), ("dirty", "without --dirty")], ids=["audience", "dirty"]
)
def test_gh_deploy_refuses_private_option_and_dirty_builds(tmp_path: Path, option: str, reason: str) -> None:
    career, bare = _site(tmp_path)
    if option == "dirty":
        result = run_mkdocs(career, "gh-deploy", "--force", "--dirty")
    else:
        config = career / "mkdocs.yml"
        config.write_text(config.read_text().replace("- careerfolio", "- careerfolio:\n    audience: private"))
        result = run_mkdocs(career, "gh-deploy", "--force")
    assert result.returncode != 0, result.stderr
    assert reason in result.stderr
    assert _refs(bare) == ""


def test_a_stale_leak_in_the_site_folder_stops_the_push(tmp_path: Path) -> None:
    career, bare = _site(tmp_path)
    stale = career / "site" / ".draft.html"
    stale.parent.mkdir()
    stale.write_text("<p>Mkdeploytitle of a private entry</p>")
    result = run_mkdocs(career, "gh-deploy", "--force")
    assert result.returncode != 0
    assert "site/.draft.html" in result.stderr and "journal/2026/mkdeployfile.md" in result.stderr
    assert _refs(bare) == ""


# -- the GitHub Actions workflows ------------------------------------------------------

WORKFLOWS = REPO / ".github" / "workflows"


def _steps(workflow: str) -> list[dict[str, object]]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text())
    return [step for job in data["jobs"].values() for step in job["steps"]]


def _step(workflow: str, name: str) -> dict[str, object]:
    return next(step for step in _steps(workflow) if step.get("name") == name)


@pytest.mark.parametrize("workflow", ["pages.yml", "publish-to-public-repo.yml"])
def test_workflows_build_the_public_site_strictly_before_publishing(workflow: str) -> None:
    steps = _steps(workflow)
    build = next(i for i, step in enumerate(steps) if "mkdocs build --strict" in str(step.get("run", "")))
    assert steps[build]["env"]["CAREERFOLIO_AUDIENCE"] == "public"  # type: ignore[index]
    publishing = [
        i for i, step in enumerate(steps) if "deploy-pages" in str(step.get("uses", "")) or "git push" in str(step.get("run", ""))
    ]
    uploads = [i for i, step in enumerate(steps) if "upload-pages-artifact" in str(step.get("uses", ""))]
    assert all(i > build for i in publishing + uploads)
    if workflow == "pages.yml":
        assert uploads and str(steps[uploads[0]]["uses"]).startswith("actions/upload-pages-artifact@")
        assert any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in steps)


def test_the_public_repo_workflow_refuses_to_run_in_a_public_repository() -> None:
    job = yaml.safe_load((WORKFLOWS / "publish-to-public-repo.yml").read_text())["jobs"]["publish"]
    assert "vars.PUBLIC_SITE_REPOSITORY" in job["if"]  # skipped, not failed, until it is set up
    first = _steps("publish-to-public-repo.yml")[0]
    assert first["if"] == "${{ github.event.repository.private != true }}"
    assert "exit 1" in str(first["run"])


def _run_push_step(career: Path, **env: str) -> subprocess.CompletedProcess[str]:
    script = str(_step("publish-to-public-repo.yml", "Push the public site")["run"])
    full_env = {"PATH": os.environ["PATH"], "HOME": str(career.parent), "PUBLIC_SITE_BRANCH": "main", **env}
    return subprocess.run(["bash", "-c", script], cwd=career, env=full_env, capture_output=True, text=True, timeout=60)


def test_the_push_step_publishes_one_commit_of_the_public_site(tmp_path: Path) -> None:
    career, bare = _site(tmp_path)
    assert run_mkdocs(career, "build", "--strict").returncode == 0
    for _ in range(2):
        shutil.rmtree(career / "site" / ".git", ignore_errors=True)
        result = _run_push_step(career, PUBLIC_SITE_REMOTE=str(bare))
        assert result.returncode == 0, result.stderr
    # Forced each time: the branch never keeps an earlier build.
    assert _git("rev-list", "--count", "main", cwd=bare).stdout.strip() == b"1"
    author = _git("log", "-1", "--format=%an <%ae> %s", "main", cwd=bare).stdout.decode().strip()
    assert author == "careerfolio <careerfolio@users.noreply.github.com> Publish the portfolio"
    names = _git("ls-tree", "-r", "--name-only", "main", cwd=bare).stdout.decode().split()
    assert ".nojekyll" in names and "journal/2026/public/index.html" in names
    pushed = _pushed(bare)
    assert PUBLIC_MARKER in pushed
    for marker in PRIVATE_MARKERS:
        assert marker not in pushed, marker


@pytest.mark.parametrize(
    "env",
    [{}, {"PUBLIC_SITE_REPOSITORY": "dana/career", "GITHUB_REPOSITORY": "dana/career"}],
    ids=["no-target", "same-repository"],
)
def test_the_push_step_refuses_a_missing_or_same_target(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "site").mkdir()
    result = _run_push_step(tmp_path, **env)
    assert result.returncode != 0
    assert "::error::" in result.stdout
    assert not (tmp_path / "site" / ".git").exists()
