"""careerfolio: manage a career in plain Markdown; build a private dashboard and a public portfolio.

The names below are the public API: reading a career, checking it, planning a
site and searching a finished one for private text. Everything else is private
by convention, whatever its name; docs/architecture.md maps the folders.

    from careerfolio import Settings, load_corpus, read_tree

    corpus = load_corpus(read_tree("content"), Settings())
    for problem in corpus.problems:
        print(problem.format())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported on first use, so that `import careerfolio` stays cheap and the command starts fast.
_PUBLIC = {
    "CareerfolioError": "careerfolio.problems",
    "Problem": "careerfolio.problems",
    "Severity": "careerfolio.problems",
    "Settings": "careerfolio.settings",
    "SettingsError": "careerfolio.settings",
    "build_settings": "careerfolio.settings",
    "read_tree": "careerfolio.content.loader",
    "Corpus": "careerfolio.content.corpus",
    "load_corpus": "careerfolio.content.corpus",
    "BuildContext": "careerfolio.plan.model",
    "Site": "careerfolio.plan.model",
    "build_site": "careerfolio.plan.site",
    "build_secrets": "careerfolio.privacy.guard",
    "scan_site": "careerfolio.privacy.guard",
}

__all__ = [
    "BuildContext",
    "CareerfolioError",
    "Corpus",
    "Problem",
    "Settings",
    "SettingsError",
    "Severity",
    "Site",
    "__version__",
    "build_secrets",
    "build_settings",
    "build_site",
    "load_corpus",
    "read_tree",
    "scan_site",
]

if TYPE_CHECKING:
    from careerfolio.content.corpus import Corpus, load_corpus
    from careerfolio.content.loader import read_tree
    from careerfolio.plan.model import BuildContext, Site
    from careerfolio.plan.site import build_site
    from careerfolio.privacy.guard import build_secrets, scan_site
    from careerfolio.problems import CareerfolioError, Problem, Severity
    from careerfolio.settings import Settings, SettingsError, build_settings


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'careerfolio' has no attribute {name!r}")
