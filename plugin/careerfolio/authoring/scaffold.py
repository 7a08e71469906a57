"""`careerfolio init`: a new site that builds at once, written only into a new or empty folder.

The starter files live in templates/init/: base/ is always written, example/
only with `--example` (a tour: private files dated relative to today, every one
marked EXAMPLE). Names that start with `dot-` are written with a leading dot
instead (`dot-gitignore` is `.gitignore`), so that packaging tools which skip
dot files still ship them. `@key@` in a starter file is filled in when it is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from careerfolio.authoring.editor import build_editor_files
from careerfolio.authoring.newfile import AuthoringError, TextFile
from careerfolio.authoring.newfiles import create_folder_from
from careerfolio.authoring.release import install_requirement
from careerfolio.settings import Settings
from careerfolio.views.render import templates_dir

INIT_TEMPLATES = "init"
_DOT_PREFIX = "dot-"
DOCS_DIR = "content"
# @date-30@ is thirty days before today, @month+2@ two months after this month.
_RELATIVE = re.compile(r"@(date|month)([+-]\d+)@")
_NAMED = re.compile(r"@([a-z_]+)@")


@dataclass(frozen=True)
class Person:
    """What init asks for: the person the site is about. An empty name keeps the profile private."""

    name: str = ""
    headline: str = ""


def _site_name(relative: Path) -> str:
    return "/".join("." + part[len(_DOT_PREFIX) :] if part.startswith(_DOT_PREFIX) else part for part in relative.parts)


def _quoted(text: str) -> str:
    # JSON strings are YAML double-quoted scalars, so any name stays one line of text, never YAML syntax.
    return json.dumps(text, ensure_ascii=False)


def _shift_months(today: dt.date, months: int) -> str:
    index = today.year * 12 + today.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _fill(text: str, values: dict[str, str], today: dt.date) -> str:
    def relative(match: re.Match[str]) -> str:
        unit, amount = match.group(1), int(match.group(2))
        return (today + dt.timedelta(days=amount)).isoformat() if unit == "date" else _shift_months(today, amount)

    return _NAMED.sub(lambda m: values[m.group(1)], _RELATIVE.sub(relative, text))


def _starter_values(person: Person) -> dict[str, str]:
    name, headline = person.name.strip(), person.headline.strip()
    return {
        "name": _quoted(name or "Your Name"),
        # An empty headline is an error, so none is written until the person has one.
        "headline_line": f"headline: {_quoted(headline)}" if headline else "# headline: one line that says what you do and for whom",
        # A placeholder name is never published: the profile turns public only when it names someone.
        "profile_visibility": "public" if name else "private",
        "site_name": _quoted(name or "My career"),
        "install_requirement": install_requirement(),
    }


def build_starter_files(person: Person, today: dt.date, example: bool = False) -> list[TextFile]:
    """Every file of a new site, sorted: the starter templates, the schemas and frontmatter.json."""
    values = _starter_values(person)
    files: list[TextFile] = []
    for part in ("base", "example") if example else ("base",):
        root = templates_dir() / INIT_TEMPLATES / part
        for path in sorted(root.rglob("*")):
            if path.is_file():
                files.append(TextFile(_site_name(path.relative_to(root)), _fill(path.read_text("utf-8"), values, today)))
    files += build_editor_files(Settings(), DOCS_DIR)
    return sorted(files, key=lambda f: f.path)


def check_target(folder: Path) -> None:
    """Refuse a folder that exists and is not empty, or a path that is a file."""
    if folder.exists() and not folder.is_dir():
        raise AuthoringError(f"{folder} is a file; give the path of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise AuthoringError(f"{folder} is not empty; careerfolio init writes only into a new or empty folder, and nothing was changed")


def create_site(folder: Path, person: Person, today: dt.date, example: bool = False) -> list[Path]:
    """Write a new site into `folder` (new or empty) and return the files written.

    The site is made in a temporary folder beside it and then moved into place,
    so a failure (a full disk, a file that appears meanwhile) leaves nothing behind.
    """
    check_target(folder)
    files = build_starter_files(person, today, example)
    try:
        return create_folder_from(folder, [(starter.path, starter.text) for starter in files])
    except FileExistsError:
        raise AuthoringError(f"{folder} changed while the site was being written; it was left as it is") from None
    except OSError as exc:
        raise AuthoringError(f"{folder}: the site cannot be created there ({exc.strerror or exc}); nothing was written") from None
