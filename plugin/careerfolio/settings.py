"""Settings the core needs, built from careerfolio's plugin options by one function for every adapter.

`build_settings` is the only judge of the options: the MkDocs plugin and the
`careerfolio` command both call it, so an option means the same, or is refused
the same way, whichever reads it.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from careerfolio.content.paths import page_stem
from careerfolio.problems import CareerfolioError

PLUGIN_NAME = "careerfolio"


class SettingsError(CareerfolioError):
    """An option of the careerfolio plugin that cannot be used; the message names the option."""


@dataclass(frozen=True)
class Settings:
    """Folder and file names under docs_dir, the defaults for cadences (in days), and which site a build makes."""

    journal_dir: str = "journal"
    skills_dir: str = "skills"
    checkups_dir: str = "checkups"
    roles_dir: str = "roles"
    network_dir: str = "network"
    decisions_dir: str = "decisions"
    education_dir: str = "education"
    certifications_dir: str = "certifications"
    projects_dir: str = "projects"
    publications_dir: str = "publications"
    awards_dir: str = "awards"
    profile_file: str = "profile.md"
    layoff_plan_file: str = "layoff-plan.md"
    checkup_every: int = 90
    stale_after: int = 365
    contact_every: int = 90
    audience: str = "public"
    serve_private_on_any_address: bool = False

    @property
    def content_folders(self) -> tuple[tuple[str, str], ...]:
        """(folder under docs_dir, content type name) for every folder of one content type."""
        return (
            (self.journal_dir, "entry"),
            (self.skills_dir, "skill"),
            (self.checkups_dir, "checkup"),
            (self.roles_dir, "role"),
            (self.network_dir, "contact"),
            (self.decisions_dir, "decision"),
            *((folder, name) for name, folder in self.item_dirs),
        )

    @cached_property
    def _folders(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """(folder + "/", content type) of each content folder, by the folder's first part.

        Folders may be nested, such as notes/journal; looking up the first part
        of a path keeps classify one dictionary lookup for every file.
        """
        by_head: dict[str, tuple[tuple[str, str], ...]] = {}
        for folder, ctype in self.content_folders:
            head = folder.partition("/")[0]
            by_head[head] = (*by_head.get(head, ()), (folder + "/", ctype))
        return by_head

    @property
    def always_private_dirs(self) -> tuple[str, ...]:
        """Folders whose files, at any depth, are never published."""
        return (self.checkups_dir, self.network_dir, self.decisions_dir)

    @property
    def item_dirs(self) -> tuple[tuple[str, str], ...]:
        """(content type, folder) of each type of the rest of a career (see records.Item)."""
        return (
            ("education", self.education_dir),
            ("certification", self.certifications_dir),
            ("project", self.projects_dir),
            ("publication", self.publications_dir),
            ("award", self.awards_dir),
        )

    def is_always_private(self, path: str) -> bool:
        """True for any file, at any depth, under an always-private folder (its name in any case), and for the layoff plan."""
        return self._is_layoff_plan(path) or self._always_private_in_any_case(path) is not None

    def _is_layoff_plan(self, path: str) -> bool:
        """The layoff plan's file, its name in any case (`Layoff-Plan.md` is the same file on macOS and Windows)."""
        return path.casefold() == self.layoff_plan_file.casefold()

    def classify(self, path: str) -> tuple[str, str | None]:
        """Return (content type name, id) for a docs-relative POSIX path of a Markdown file.

        Journal entries and the always-private types (check-ups, contacts,
        decisions) count at any depth, their id the path below the folder: a
        sub-folder never turns a private record into an ordinary page. Skills
        and roles are flat, as entries name them by file name.
        """
        if path == self.profile_file:
            return "profile", None
        if self._is_layoff_plan(path):
            return "layoff_plan", None
        for prefix, ctype in self._folders.get(path.partition("/")[0], ()):
            if path.startswith(prefix):
                rest = path[len(prefix) :]
                if ctype not in _ANY_DEPTH and "/" in rest:
                    return "page", None
                return ctype, page_stem(rest)
        private = self._always_private_in_any_case(path)
        if private is not None:
            return private[0], page_stem(private[1])
        return "page", None

    @cached_property
    def _always_private_folded(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        folders = ((self.checkups_dir, "checkup"), (self.network_dir, "contact"), (self.decisions_dir, "decision"))
        return tuple((tuple(part.casefold() for part in folder.split("/")), ctype) for folder, ctype in folders)

    def _always_private_in_any_case(self, path: str) -> tuple[str, str] | None:
        """(content type, the path below the folder) when `path` lies in an always-private folder spelt in another case.

        `Network/bob.md` is network/bob.md on macOS and Windows, where folders are named in any case:
        a contact there is as private as in network/, on every system the site is built on.
        """
        parts = path.split("/")
        for folder, ctype in self._always_private_folded:
            if len(parts) > len(folder) and tuple(part.casefold() for part in parts[: len(folder)]) == folder:
                return ctype, "/".join(parts[len(folder) :])
        return None


# Journal entries and the always-private types are records at any depth; the rest are named by file name.
_ANY_DEPTH = frozenset({"entry", "checkup", "contact", "decision"})
_FOLDERS = (
    "journal_dir",
    "skills_dir",
    "checkups_dir",
    "roles_dir",
    "network_dir",
    "decisions_dir",
    "education_dir",
    "certifications_dir",
    "projects_dir",
    "publications_dir",
    "awards_dir",
)
_FILES = ("profile_file", "layoff_plan_file")
_DAYS = ("checkup_every", "stale_after", "contact_every")
_CHOICES = {"audience": ("public", "private")}
_FLAGS = ("serve_private_on_any_address",)
# Options that shape what a build writes, judged where they are used (portfolio variants, words): not settings.
BUILD_OPTIONS = ("messages", "resumes")
OPTION_NAMES = (*(f.name for f in dataclasses.fields(Settings)), *BUILD_OPTIONS)


def build_settings(options: Any) -> Settings:
    """Settings from the careerfolio plugin's options in mkdocs.yml (None: every default).

    Raises SettingsError for the first option that is not valid: an unknown
    name, a wrong type, or a folder outside docs_dir or inside another one.
    Folders are normalised, so `journal/` and `./journal` are `journal`.
    """
    if options is None:
        return Settings()
    if not isinstance(options, Mapping):
        raise SettingsError(f"{PLUGIN_NAME}: the options must be a mapping of names to values, such as journal_dir: journal")
    values: dict[str, Any] = {}
    for key, value in options.items():
        if key not in OPTION_NAMES:
            raise SettingsError(f"{PLUGIN_NAME}: has no option of that name; the options are {', '.join(OPTION_NAMES)}")
        if key not in BUILD_OPTIONS:
            values[key] = _check_option(key, value)
    settings = Settings(**values)
    _refuse_overlaps(settings)
    return settings


def _check_option(name: str, value: Any) -> Any:
    where = f"{PLUGIN_NAME}: {name}"
    if name in _FOLDERS or name in _FILES:
        return _relative_path(where, value, must_end=".md" if name in _FILES else None)
    if name in _DAYS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SettingsError(f"{where}: must be a whole number of days, 1 or more")
        return value
    if name in _FLAGS:
        if not isinstance(value, bool):
            raise SettingsError(f"{where}: must be true or false")
        return value
    choices = _CHOICES[name]
    if value not in choices:
        raise SettingsError(f"{where}: must be one of " + ", ".join(choices))
    return value


def _relative_path(where: str, value: Any, must_end: str | None) -> str:
    """A path under docs_dir written with `/`, without `./`, a trailing `/` or empty parts."""
    wanted = "a file name under docs_dir ending in .md" if must_end else "a folder name under docs_dir, such as journal or notes/journal"
    if not isinstance(value, str):
        raise SettingsError(f"{where}: must be {wanted}, written as text")
    parts = [part for part in value.strip().split("/") if part not in ("", ".")]
    if not parts or value.strip().startswith("/") or "\\" in value or ".." in parts or any(p != p.strip() for p in parts):
        raise SettingsError(f"{where}: must be {wanted}")
    path = posixpath.join(*parts)
    if must_end and not path.endswith(must_end):
        raise SettingsError(f"{where}: must be {wanted}")
    return path


def _refuse_overlaps(settings: Settings) -> None:
    """Two content folders that are the same, or one inside the other, would make a file two things at once."""
    folders = [(name, getattr(settings, name)) for name in _FOLDERS]
    for index, (name, folder) in enumerate(folders):
        for other_name, other in folders[index + 1 :]:
            if folder == other or other.startswith(folder + "/") or folder.startswith(other + "/"):
                raise SettingsError(f"{PLUGIN_NAME}: {name} and {other_name} must be separate folders, neither inside the other")
