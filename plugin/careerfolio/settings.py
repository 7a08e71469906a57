"""Settings the core needs: where each content type lives and the default rhythms."""

from __future__ import annotations

from dataclasses import dataclass

from .paths import page_stem


@dataclass(frozen=True)
class Settings:
    """Folder and file names under docs_dir, and the defaults for cadences (in days)."""

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
        """True for any file, at any depth, under an always-private folder, and for the layoff plan."""
        return path == self.layoff_plan_file or (path.partition("/")[0] in self.always_private_dirs and "/" in path)

    def classify(self, path: str) -> tuple[str, str | None]:
        """Return (content type name, id) for a docs-relative POSIX path of a Markdown file.

        Journal entries and the always-private types (check-ups, contacts,
        decisions) count at any depth, their id the path below the folder: a
        sub-folder never turns a private record into an ordinary page.
        """
        stem = page_stem(path)
        if path == self.profile_file:
            return "profile", None
        if path == self.layoff_plan_file:
            return "layoff_plan", None
        head, _, rest = path.partition("/")
        if not rest:
            return "page", None
        any_depth = {self.journal_dir: "entry", self.checkups_dir: "checkup", self.network_dir: "contact", self.decisions_dir: "decision"}
        if head in any_depth:
            return any_depth[head], stem[len(head) + 1 :]
        flat = {self.skills_dir: "skill", self.roles_dir: "role", **{folder: name for name, folder in self.item_dirs}}
        if head in flat and "/" not in rest:
            return flat[head], stem[len(head) + 1 :]
        return "page", None
