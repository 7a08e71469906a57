"""`careerfolio init`: a new site that builds at once, written only into a new or empty folder.

The starter files live in templates/init/. Names there that start with `dot-`
are written with a leading dot instead (`dot-gitignore` is `.gitignore`), so
that packaging tools which skip dot files still ship them.
"""

from __future__ import annotations

from pathlib import Path

from .authoring import AuthoringError, TextFile
from .editor import build_editor_files
from .newfiles import create_folder_from
from .render import templates_dir
from .settings import Settings

INIT_TEMPLATES = "init"
_DOT_PREFIX = "dot-"
DOCS_DIR = "content"


def _site_name(relative: Path) -> str:
    return "/".join("." + part[len(_DOT_PREFIX) :] if part.startswith(_DOT_PREFIX) else part for part in relative.parts)


def build_starter_files() -> list[TextFile]:
    """Every file of a new site, sorted: the starter templates, the schemas and frontmatter.json."""
    root = templates_dir() / INIT_TEMPLATES
    files = [TextFile(_site_name(p.relative_to(root)), p.read_text("utf-8")) for p in sorted(root.rglob("*")) if p.is_file()]
    files += build_editor_files(Settings(), DOCS_DIR)
    return sorted(files, key=lambda f: f.path)


def check_target(folder: Path) -> None:
    """Refuse a folder that exists and is not empty, or a path that is a file."""
    if folder.exists() and not folder.is_dir():
        raise AuthoringError(f"{folder} is a file; give the path of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise AuthoringError(f"{folder} is not empty; careerfolio init writes only into a new or empty folder, and nothing was changed")


def create_site(folder: Path) -> list[Path]:
    """Write a new site into `folder` (new or empty) and return the files written.

    The site is made in a temporary folder beside it and then moved into place,
    so a failure (a full disk, a file that appears meanwhile) leaves nothing behind.
    """
    check_target(folder)
    files = build_starter_files()
    try:
        return create_folder_from(folder, [(starter.path, starter.text) for starter in files])
    except FileExistsError:
        raise AuthoringError(f"{folder} changed while the site was being written; it was left as it is") from None
    except OSError as exc:
        raise AuthoringError(f"{folder}: the site cannot be created there ({exc.strerror or exc}); nothing was written") from None
