"""Settings the core needs: where each content type lives and the default rhythms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Folder and file names under docs_dir, and the defaults for cadences (in days)."""

    journal_dir: str = "journal"
    skills_dir: str = "skills"
    checkups_dir: str = "checkups"
    roles_dir: str = "roles"
    network_dir: str = "network"
    decisions_dir: str = "decisions"
    profile_file: str = "profile.md"
    layoff_plan_file: str = "layoff-plan.md"
    checkup_every: int = 90
    stale_after: int = 365
    contact_every: int = 90

    def classify(self, path: str) -> tuple[str, str | None]:
        """Return (content type name, id) for a docs-relative POSIX path of a Markdown file."""
        stem = path[: -len(".md")] if path.lower().endswith(".md") else path
        if path == self.profile_file:
            return "profile", None
        if path == self.layoff_plan_file:
            return "layoff_plan", None
        head, _, rest = path.partition("/")
        if not rest:
            return "page", None
        if head == self.journal_dir:
            return "entry", stem[len(head) + 1 :]
        flat = {
            self.skills_dir: "skill",
            self.checkups_dir: "checkup",
            self.roles_dir: "role",
            self.network_dir: "contact",
            self.decisions_dir: "decision",
        }
        if head in flat and "/" not in rest:
            return flat[head], stem[len(head) + 1 :]
        return "page", None
