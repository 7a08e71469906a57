"""One timed run of careerfolio's core, or of the floor it is compared with, on a generated career.

`core` reads every Markdown file, loads and validates the corpus and plans the
site (every page rendered), as the MkDocs plugin does, without MkDocs.
`floor` does the least any tool must do with the same files: read each one,
split off its front matter and parse that with PyYAML's C loader. Imports
happen before the clock starts; the result is one line of JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as FloorLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as FloorLoader  # type: ignore[assignment]

from careerfolio.content.corpus import load_corpus
from careerfolio.content.dates import build_today
from careerfolio.content.loader import read_tree
from careerfolio.plan.site import BuildContext, build_site
from careerfolio.settings import Settings


def run_core(docs_dir: Path, audience: str) -> dict[str, Any]:
    """Read, load, validate and plan one build; seconds per stage."""
    settings = Settings()
    cpu = time.process_time()
    start = time.perf_counter()
    files = read_tree(docs_dir)
    read = time.perf_counter()
    corpus = load_corpus(files, settings)
    loaded = time.perf_counter()
    context = BuildContext(
        audience="private" if audience == "private" else "public",
        today=build_today(),
        settings=settings,
        user_pages=frozenset(path for path, _ in files),
    )
    site = build_site(corpus, context)
    # A private plan defers record headers until MkDocs builds each page; render them all here,
    # so that the core's time includes every page's HTML, as it did when headers were rendered up front.
    rendered = sum(len(page.header_html()) for page in site.pages)
    planned = time.perf_counter()
    return {
        "seconds": planned - start,
        "cpu": time.process_time() - cpu,
        "read": read - start,
        "load": loaded - read,
        "build": planned - loaded,
        "files": len(files),
        "pages": len(site.pages),
        "header_chars": rendered,
        "problems": len(corpus.problems) + len(site.problems),
    }


def run_floor(docs_dir: Path) -> dict[str, Any]:
    """Read every Markdown file and parse its front matter with the C loader, nothing more."""
    cpu = time.process_time()
    start = time.perf_counter()
    count = 0
    for folder, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            text = Path(folder, name).read_bytes().decode("utf-8")
            if text.startswith("---\n"):
                end = text.find("\n---\n", 3)
                if end != -1:
                    yaml.load(text[4:end], Loader=FloorLoader)
            count += 1
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "files": count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("core", "floor"))
    parser.add_argument("docs_dir", type=Path)
    parser.add_argument("--audience", choices=("public", "private"), default="private")
    args = parser.parse_args()
    result = run_core(args.docs_dir, args.audience) if args.mode == "core" else run_floor(args.docs_dir)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
