"""`careerfolio export` and `careerfolio guard`, through the real command on a copy of the example career."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cli_support import copy_example, run

PRIVATE_FOLDERS = ("checkups/", "network/", "decisions/")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "career")


def _files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_public_export_holds_only_public_pages_linked_assets_and_a_config_without_the_plugin(example: Path) -> None:
    (example / "content" / "offer-letter.pdf").write_bytes(b"%PDF-1.4 salary negotiation notes")
    result = run(example, "export")
    assert result.exit_code == 0, result.output
    out = example / "build" / "careerfolio-public"
    docs = _files(out / "docs")
    assert "journal/2025/pipeline-diagram.svg" in docs, "a picture a public entry shows was left out"
    assert not [path for path in docs if path.startswith(PRIVATE_FOLDERS) or path == "layoff-plan.md"]
    assert not [path for path in docs if path.endswith(".pdf")], "a PDF no public page links to was exported"
    assert {"index.md", "achievements/index.md", "resume.json", "feed.xml", "assets/careerfolio/portfolio.css"} <= docs
    private_entries = [
        path.relative_to(example / "content").as_posix()
        for path in (example / "content" / "journal").rglob("*.md")
        if "visibility: public" not in path.read_text("utf-8")
    ]
    assert private_entries and not set(private_entries) & docs
    config = yaml.safe_load((out / "mkdocs.yml").read_text("utf-8"))
    assert "careerfolio" not in str(config["plugins"])
    assert config["docs_dir"] == "docs" and config["site_dir"] == "site"
    assert {"Home": "index.md"} in config["nav"]
    # A generated page carries its header above its body, and an escaped title for the engine.
    entry = next(path for path in docs if path.startswith("journal/") and path.endswith(".md"))
    assert (out / "docs" / entry).read_text("utf-8").startswith("---\ntitle: ")


def test_export_writes_only_changed_files_and_removes_a_page_made_private(example: Path) -> None:
    assert run(example, "export").exit_code == 0
    again = run(example, "export")
    assert "0 files written or removed" in again.output
    out = example / "build" / "careerfolio-public" / "docs"
    entry = next((example / "content" / "journal").rglob("*cut-nightly-batch.md"))
    relative = entry.relative_to(example / "content").as_posix()
    assert (out / relative).is_file()
    entry.write_text(entry.read_text("utf-8").replace("visibility: public", "visibility: private"), "utf-8")
    assert run(example, "export").exit_code == 0
    assert not (out / relative).exists()


def test_a_private_export_never_goes_to_a_folder_a_public_build_deploys(example: Path) -> None:
    inside = run(example, "export", "--out", "content/build")
    assert inside.exit_code != 0 and "overlap" in inside.output
    (example / "mkdocs.yml").rename(example / "mkdocs-kept.yml")
    (example / "zensical.toml").write_text('[project]\ndocs_dir = "build/careerfolio-public/docs"\n', "utf-8")
    (example / "build" / "careerfolio-public" / "docs").mkdir(parents=True)
    itself = run(example, "export")
    assert itself.exit_code != 0 and "overlap" in itself.output
    (example / "zensical.toml").unlink()
    (example / "mkdocs-kept.yml").rename(example / "mkdocs.yml")
    shutil.rmtree(example / "build")
    refused = run(example, "export", "--audience", "private", "--out", "site")
    assert refused.exit_code != 0 and "private" in refused.output
    assert not (example / "site").exists()
    assert run(example, "export").exit_code == 0
    mixed = run(example, "export", "--audience", "private", "--out", "build/careerfolio-public-private")
    assert mixed.exit_code == 0, mixed.output
    reuse = run(example, "export", "--out", "build/careerfolio-public-private")
    assert reuse.exit_code != 0 and "private export" in reuse.output
    private = run(example, "export", "--audience", "private")
    assert private.exit_code == 0, private.output
    docs = _files(example / "build" / "careerfolio-private" / "docs")
    assert any(path.startswith("checkups/") for path in docs)
    # Whatever the engine's templates, every private page says so at its top.
    checkup = next(path for path in docs if path.startswith("checkups/"))
    assert 'class="cf-private-banner"' in (example / "build" / "careerfolio-private" / "docs" / checkup).read_text("utf-8")


def test_guard_names_output_and_source_never_the_text_from_any_folder_of_the_site(example: Path) -> None:
    site = example / "built"
    site.mkdir()
    (site / "index.html").write_text("<p>Hello</p>", "utf-8")
    clean = run(example / "content" / "journal", "guard", str(site))
    assert clean.exit_code == 0, clean.output
    plan = (example / "content" / "layoff-plan.md").read_text("utf-8")
    body = plan.split("---", 2)[2].strip()
    (site / "notes.html").write_text(f"<p>{body}</p>", "utf-8")
    caught = run(example / "content", "guard", str(site))
    assert caught.exit_code == 1
    assert "notes.html" in caught.output and "layoff-plan.md" in caught.output
    assert not any(line.strip() and line.strip() in caught.output for line in body.splitlines() if len(line.split()) > 3)


def test_exported_public_site_built_by_mkdocs_passes_the_guard(example: Path) -> None:
    import subprocess
    import sys

    assert run(example, "export").exit_code == 0
    out = example / "build" / "careerfolio-public"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    guarded = run(example, "guard", str(out / "site"))
    assert guarded.exit_code == 0, guarded.output


def test_watch_keeps_the_export_current_while_files_change(example: Path) -> None:
    import subprocess
    import sys
    import time

    command = Path(sys.executable).parent / "careerfolio"
    out = example / "build" / "careerfolio-public" / "docs"
    entry = next((example / "content" / "journal").rglob("*cut-nightly-batch.md"))
    exported = out / entry.relative_to(example / "content")
    watching = subprocess.Popen([command, "export", "--watch"], cwd=example, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not exported.is_file() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert exported.is_file(), "the first export was not written"
        entry.write_text(entry.read_text("utf-8").replace("visibility: public", "visibility: private"), "utf-8")
        while exported.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not exported.exists(), "an entry made private stayed in the watched export"
    finally:
        watching.terminate()
        watching.wait(timeout=30)


def test_a_link_from_a_public_page_to_a_private_file_is_taken_out_of_the_exported_page(example: Path) -> None:
    (example / "content" / "checkups" / "scan.pdf").write_bytes(b"%PDF-1.4 private scan")
    entry = next((example / "content" / "journal").rglob("*cut-nightly-batch.md"))
    entry.write_text(entry.read_text("utf-8") + "\nSee [the scan](../../checkups/scan.pdf).\n", "utf-8")
    result = run(example, "export")
    assert result.exit_code == 0 and "the link is removed" in result.output
    exported = example / "build" / "careerfolio-public" / "docs" / entry.relative_to(example / "content")
    page = exported.read_text("utf-8")
    assert "See <a>the scan</a>" in page and "scan.pdf" not in page
    assert not (exported.parents[2] / "checkups").exists()
