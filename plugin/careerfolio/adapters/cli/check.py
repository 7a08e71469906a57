"""`careerfolio check`: every problem that `mkdocs build --strict` would stop on, found without MkDocs.

The corpus finds the problems of each file; planning the public and the
private build finds the rest (a public page linking to a private one, a
generated page landing on a user's file). Files MkDocs leaves out are left out here too.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from careerfolio.adapters.mkdocs.siteconfig import SiteConfig
from careerfolio.content.corpus import Corpus, load_corpus
from careerfolio.content.exclusions import build_left_out
from careerfolio.content.loader import read_tree
from careerfolio.content.paths import looks_like_markdown
from careerfolio.plan.model import Audience, BuildContext
from careerfolio.plan.site import build_site
from careerfolio.problems import Problem


@dataclass(frozen=True)
class CheckResult:
    """What `check` read and what it found, each problem once, in file order."""

    files: int
    corpus: Corpus
    problems: tuple[Problem, ...]


def check_site(site: SiteConfig, today: dt.date) -> CheckResult:
    """Read the site's content as a build would and collect every problem of both builds."""
    left_out = build_left_out(site.exclude_docs, site.draft_docs)
    files = [(path, data) for path, data in read_tree(site.docs_dir) if not left_out(path)]
    assets = [path for path in _other_files(site.docs_dir) if not left_out(path)]
    corpus = load_corpus(files, site.settings)
    found: list[Problem] = list(corpus.problems)
    for audience in ("public", "private"):
        found.extend(_build_problems(corpus, site, today, audience, files, assets))
    # The same problem from both builds, or from the corpus and a build, is said once.
    unique = list(dict.fromkeys(found))
    unique.sort(key=lambda p: (p.path, p.line or 0))
    return CheckResult(len(files), corpus, tuple(unique))


def _build_problems(
    corpus: Corpus, site: SiteConfig, today: dt.date, audience: Audience, files: list[tuple[str, bytes]], assets: list[str]
) -> tuple[Problem, ...]:
    context = BuildContext(
        audience=audience,
        today=today,
        settings=site.settings,
        use_directory_urls=site.use_directory_urls,
        user_pages=frozenset(path for path, _ in files),
    )
    return build_site(corpus, context, assets).problems


def _other_files(docs_dir: Path) -> list[str]:
    """Docs-relative paths of the files that are not Markdown (images, PDFs), dot files and linked folders skipped as MkDocs does."""
    out: list[str] = []
    for folder, dirs, names in os.walk(docs_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        relative = Path(folder).relative_to(docs_dir)
        out.extend((relative / name).as_posix() for name in names if not name.startswith(".") and not looks_like_markdown(name))
    return sorted(out)
